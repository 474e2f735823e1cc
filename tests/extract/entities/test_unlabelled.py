"""unlabelled: the text `rasid train-ner --unlabelled` clusters words from (archive or files)."""
from __future__ import annotations

import json

import pytest

from rasid.errors import InputError
from rasid.extract.entities.unlabelled import documents, sentences_of, unlabelled_sentences


def test_sentences_are_cut_at_sentence_ends_and_keep_words_only():
    got = list(sentences_of("وصل الوفد إلى دمشق، أمس. وقال 3 مسؤولين: «انتهى»! هل يعود؟ نعم"))
    assert got == [["وصل", "الوفد", "إلى", "دمشق", "أمس"], ["وقال", "مسؤولين", "انتهى"],
                   ["هل", "يعود"], ["نعم"]]
    assert list(sentences_of("")) == [] and list(sentences_of(" ... !؟")) == []


def test_text_and_jsonl_files(tmp_path):
    txt = tmp_path / "news.txt"
    txt.write_text("وصل الوفد إلى دمشق.\n\nغادر الوزير بغداد.\n", encoding="utf-8")
    assert list(documents(str(txt))) == ["وصل الوفد إلى دمشق.\n", "غادر الوزير بغداد.\n"]
    jl = tmp_path / "news.jsonl"
    jl.write_text(json.dumps({"title": "زيارة", "text": "وصل الوفد"}, ensure_ascii=False) + "\n\n"
                  + json.dumps({"text": "غادر الوزير"}, ensure_ascii=False) + "\n", encoding="utf-8")
    assert list(unlabelled_sentences([str(jl), str(txt)])) == [
        ["زيارة"], ["وصل", "الوفد"], ["غادر", "الوزير"], ["وصل", "الوفد", "إلى", "دمشق"],
        ["غادر", "الوزير", "بغداد"]]


def test_a_rasid_archive_gives_its_articles(tmp_path):
    from rasid.model import Article
    from rasid.store.sqlite import SQLiteStore

    db = tmp_path / "archive.db"
    text = "وصل الوفد إلى دمشق أمس"
    with SQLiteStore(db) as store:
        store.write_batch([Article(id="a1", source_id="s1", source="in.jsonl", line=1, format="jsonl",
                                   text=text, original=text, headline="زيارة الوفد", lang="ar")])
    assert list(unlabelled_sentences([str(db)])) == [["زيارة", "الوفد"], ["وصل", "الوفد", "إلى", "دمشق", "أمس"]]


def test_bad_sources_are_named_with_their_line(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        list(documents(str(tmp_path / "missing.txt")))
    with pytest.raises(InputError, match="a folder: pass the files in it"):
        list(documents(str(tmp_path)))
    cp1256 = tmp_path / "old.txt"
    cp1256.write_bytes("سطر أول\n".encode("utf-8") + "وصل الوفد".encode("cp1256") + b"\n")
    with pytest.raises(InputError, match=r"old\.txt:2: not UTF-8.*iconv"):
        list(documents(str(cp1256)))
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "جيد"}\n{"text": \n', encoding="utf-8")
    with pytest.raises(InputError, match=r"bad\.jsonl:2: not JSON"):
        list(documents(str(bad)))
    wrong = tmp_path / "wrong.jsonl"
    wrong.write_text('["نص"]\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"wrong\.jsonl:1: expected an object with a text field"):
        list(documents(str(wrong)))
