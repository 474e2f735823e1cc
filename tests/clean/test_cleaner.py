"""clean(): the offset map back to the original, removal records, text kept as written."""
from __future__ import annotations

import re

import pytest

from rasid.clean import Cleaner, clean
from rasid.model import Article, RawDocument
from rasid.text.script import INVISIBLE_CHARS

P1 = "أعلنت وزارة الزراعة صباح اليوم أنها ستطلق خطة جديدة لدعم صغار المزارعين في القرى البعيدة."
P2 = "وقال المتحدث باسم الوزارة إن الخطة تتضمن قروضاً ميسرة وبذوراً محسنة وتدريباً على الري الحديث."
P3 = "وأضاف أن المرحلة الأولى ستبدأ في الربيع المقبل وتشمل ثلاث محافظات قبل أن تتوسع لاحقاً."
BROKEN = "وأوضح المسؤول في تصريح مقتضب عبر الهاتف أن الوزارة خصصت مبلغاً كبيراً"
REST = "لتمويل المشاريع الصغيرة خلال العام الحالي."

# Everything at once: headline, invisibles, tatweel and diacritics, odd whitespace, CRLF,
# an inline ad, a related block, a broken paragraph, a subheading, a caption and a trailer.
MESSY = (
    "\ufeffخطة حكومية\u200f لدعم المزارعين\r\n\r\n"
    "[ad_1]\r\n"
    "أعلنت وزارة\u00a0الزراعة صباح اليــوم أنَّها ستطلق\tخطة جديدة   لدعم صغار المزارعين في القرى.\r\n"
    f"{BROKEN}\r\n\r\n{REST}\r\n"
    "تمويل المشاريع\r\n"
    "المزارعون في حقل قمح شمالي البلاد (غيتي)\r\n"
    "اقرأ أيضاً:\r\nالحكومة تعلن خطة جديدة للزراعة\r\n"
    f"{P2[:30]}[ad_2]{P2[30:]}\r\n"
    "  \u200b  \r\n"
    f"{P3}\r\n"
    "المصدر: وكالات\r\n"
)


def raw(text: str, **kw) -> RawDocument:
    base = dict(source="a.txt", line=None, format="txt", text=text, source_id="a.txt")
    base.update(kw)
    return RawDocument(**base)


def assert_offset_map_valid(a: Article) -> None:
    covered = set()
    for c, o, n in a.offset_map.runs:
        assert n > 0
        assert a.text[c:c + n] == a.original[o:o + n], (c, o, n)
        covered.update(range(c, c + n))
    # Whatever the cleaner inserted (paragraph breaks, joining or folded spaces) is whitespace.
    assert all(a.text[i].isspace() for i in range(len(a.text)) if i not in covered)
    starts = [r[0] for r in a.offset_map.runs]
    assert starts == sorted(starts)


DOCS = [MESSY, f"{P1}\n{P2}", f"عنوان قصير\n\n{P1}\n\n\n{P2}", f"{P1}\n{BROKEN}\n\n{REST}\n{P3}", "",
        "   \n\n ", f"\u200e{P1}\u200e"]


@pytest.mark.parametrize("text", DOCS)
def test_offset_map_runs_copy_the_original_exactly(text):
    assert_offset_map_valid(clean(raw(text)))


@pytest.mark.parametrize("text", DOCS)
def test_sentence_starts_map_to_the_same_words_in_the_original(text):
    a = clean(raw(text))
    for s in a.sentences:
        first_word = re.match(r"\S+", s.of(a.text)).group()
        o = a.offset_map.to_original(s.start)
        assert a.original[o:o + len(first_word)] == first_word


def test_span_to_original_of_untouched_sentence_is_the_same_text():
    a = clean(raw(MESSY))
    target = next(s for s in a.sentences if s.of(a.text) == P3)
    assert a.offset_map.span_to_original(target).of(a.original) == P3


def test_messy_document_cleans_to_expected_text():
    a = clean(raw(MESSY))
    assert a.headline == "خطة حكومية لدعم المزارعين"
    assert a.text == (
        "أعلنت وزارة الزراعة صباح اليــوم أنَّها ستطلق خطة جديدة لدعم صغار المزارعين في القرى.\n\n"
        f"{BROKEN} {REST}\n\nتمويل المشاريع\n\n{P2}\n\n{P3}"
    )
    assert [s.of(a.text) for s in a.subheadings] == ["تمويل المشاريع"]
    assert a.original == MESSY


def test_invisible_characters_are_gone_but_tatweel_and_diacritics_stay():
    a = clean(raw(MESSY))
    assert not INVISIBLE_CHARS.intersection(a.text)
    assert not INVISIBLE_CHARS.intersection(a.headline)
    assert "اليــوم" in a.text and "أنَّها" in a.text


def test_whitespace_runs_tabs_and_nbsp_become_single_spaces():
    a = clean(raw("وصل\tالوفد\u00a0إلى    بغداد\u2003صباحاً."))
    assert a.text == "وصل الوفد إلى بغداد صباحاً."
    assert_offset_map_valid(a)


def test_crlf_and_unicode_line_breaks_separate_lines():
    a = clean(raw(f"{P1}\r\n{P2}\u2029{P3}"))
    assert a.text == f"{P1}\n\n{P2}\n\n{P3}"


def test_removed_records_reasons_with_spans_in_the_original_in_order():
    a = clean(raw(MESSY))
    got = [(r.reason, r.span.of(a.original)) for r in a.removed]
    assert got == [
        ("headline", "\ufeffخطة حكومية\u200f لدعم المزارعين"),
        ("ad_marker", "[ad_1]"),
        ("photo_credit", "المزارعون في حقل قمح شمالي البلاد (غيتي)"),
        ("related", "اقرأ أيضاً:"),
        ("related", "الحكومة تعلن خطة جديدة للزراعة"),
        ("ad_marker", "[ad_2]"),
        ("source_line", "المصدر: وكالات"),
    ]
    starts = [r.span.start for r in a.removed]
    assert starts == sorted(starts)


def test_nothing_removed_from_a_clean_article():
    a = clean(raw(f"{P1}\n\n{P2}"))
    assert a.removed == ()
    assert a.text == f"{P1}\n\n{P2}"
    assert a.offset_map.runs == ((0, 0, len(P1)), (len(P1) + 2, len(P1) + 2, len(P2)))


def test_sentences_and_paragraphs_are_spans_of_the_clean_text():
    a = clean(raw(f"{P1} {P2}\n{P3}"))
    assert [p.of(a.text) for p in a.paragraphs] == [f"{P1} {P2}", P3]
    assert [s.of(a.text) for s in a.sentences] == [P1, P2, P3]


def test_empty_document_gives_empty_article():
    a = clean(raw(""))
    assert (a.text, a.headline, a.paragraphs, a.sentences, a.lang) == ("", None, (), (), "und")


def test_document_of_only_boilerplate_gives_empty_text():
    a = clean(raw("[ad_1]\nتابعونا على تويتر\nشارك على فيسبوك"))
    assert a.text == ""
    assert a.sentences == ()


def test_article_fields_come_from_the_raw_document():
    r = raw(P1, source="in.jsonl", line=3, format="jsonl", source_id="x-1", url="https://e.x/1",
            outlet="وكالة", encoding="utf-8", caller_id="x-1", extra={"k": 1})
    a = clean(r)
    assert (a.source, a.line, a.format, a.source_id) == ("in.jsonl", 3, "jsonl", "x-1")
    assert (a.url, a.outlet, a.encoding, a.extra) == ("https://e.x/1", "وكالة", "utf-8", {"k": 1})
    assert a.lang == "ar"


def test_article_id_is_derived_from_content_unless_given():
    a1, a2 = clean(raw(P1)), clean(raw(P1))
    assert a1.id == a2.id and a1.id.startswith("a")
    assert clean(raw(P2)).id != a1.id
    assert clean(raw(P1), "custom-id").id == "custom-id"


def test_english_article_lang_is_en():
    text = "The ministry said on Tuesday that a new plan would support small farmers in remote villages."
    assert clean(raw(text)).lang == "en"


def test_cleaner_stage_calls_clean_and_pipes():
    stage = Cleaner()
    assert stage.name == "clean" and stage.version
    docs = [raw(P1), raw(P2)]
    assert [a.text for a in stage.pipe(docs)] == [P1, P2]
    assert stage(raw(P1), "id-1").id == "id-1"
