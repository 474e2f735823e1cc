"""corpora: CoNLL readers, re-tokenization and IOB2 span extraction, on files written here."""
from __future__ import annotations

from pathlib import Path

import pytest

from rasid.extract.entities import corpora
from rasid.extract.entities.corpora import read_conll, spans


def write(tmp_path: Path, rows: list[str], name: str = "c.txt") -> Path:
    path = tmp_path / name
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_iob2_sentences_split_on_blank_lines(tmp_path):
    path = write(tmp_path, [
        "استقبل O", "نجيب B-PERS", "ميقاتي I-PERS", "في O", "بيروت B-LOC", ". O",
        "",
        "", # two blank lines: still one break, no empty sentence
        "أعلنت O", "الأمم B-ORG", "المتحدة I-ORG", "الخطة O", "الجديدة O",
    ])
    sentences = list(read_conll(path))
    assert len(sentences) == 2
    (tok1, tags1), (tok2, tags2) = sentences
    assert tok1 == ["استقبل", "نجيب", "ميقاتي", "في", "بيروت", "."]
    assert tags1 == ["O", "B-PER", "I-PER", "O", "B-LOC", "O"]
    assert spans(tags1) == {(1, 3, "PER"), (4, 5, "LOC")}
    assert tags2 == ["O", "B-ORG", "I-ORG", "O", "O"]


def test_last_sentence_without_trailing_blank_line_is_kept(tmp_path):
    path = tmp_path / "c.txt"
    path.write_text("زار O\nعمان B-LOC", encoding="utf-8")
    assert list(read_conll(path)) == [(["زار", "عمان"], ["O", "B-LOC"])]


def test_glued_bracket_is_split_and_b_stays_on_the_word(tmp_path):
    # ANERcorp glues brackets to words: "(د" is "(" + "د", and the B belongs to د.
    path = write(tmp_path, [
        "قال O", "(د B-PERS", "سمير I-PERS", "الخطيب) I-PERS", "إن O",
    ])
    [(tokens, tags)] = read_conll(path)
    assert tokens == ["قال", "(", "د", "سمير", "الخطيب", ")", "إن"]
    assert tags == ["O", "O", "B-PER", "I-PER", "I-PER", "O", "O"]
    assert spans(tags) == {(2, 5, "PER")}


def test_glued_quote_on_a_continuation_word_keeps_it_inside(tmp_path):
    path = write(tmp_path, ["وصل O", "«فيصل B-PERS", "المقداد» I-PERS", "أمس O"])
    [(tokens, tags)] = read_conll(path)
    assert tokens == ["وصل", "«", "فيصل", "المقداد", "»", "أمس"]
    assert tags == ["O", "O", "B-PER", "I-PER", "O", "O"]


def test_word_split_into_two_letter_pieces_continues_with_i(tmp_path):
    # A number glued to a word tokenizes to two pieces; the second continues the entity.
    path = write(tmp_path, ["في O", "الرياض2030 B-LOC"])
    [(tokens, tags)] = read_conll(path)
    assert tokens == ["في", "الرياض", "2030"]
    assert tags == ["O", "B-LOC", "I-LOC"]


def test_i_without_b_is_repaired(tmp_path):
    path = write(tmp_path, [
        "وصل O", "سامي I-PERS", "الحلبي I-PERS", "إلى O", "حمص I-LOC",
        "و O", "حماة I-LOC", "حلب I-PERS",  # type change: a new entity opens
    ])
    [(tokens, tags)] = read_conll(path)
    assert tags == ["O", "B-PER", "I-PER", "O", "B-LOC", "O", "B-LOC", "B-PER"]
    assert spans(tags) == {(1, 3, "PER"), (4, 5, "LOC"), (6, 7, "LOC"), (7, 8, "PER")}


def test_i_at_sentence_start_is_repaired(tmp_path):
    path = write(tmp_path, ["عمان I-LOC", "عاصمة O"])
    assert list(read_conll(path)) == [(["عمان", "عاصمة"], ["B-LOC", "O"])]


def test_wojood_nested_layers_keep_the_outermost_kept_type(tmp_path):
    path = write(tmp_path, [
        "وزارة B-ORG O",
        "خارجية I-ORG O",
        "مصر I-ORG B-GPE",       # inside the ORG: the ORG wins
        "في O O",
        "مطار B-FAC O",
        "القاهرة I-FAC B-GPE",   # FAC -> LOC, the outer layer
        "يوم B-DATE O",          # DATE is not kept
        "الوزير B-OCC B-PERS",   # OCC is dropped, the next layer is kept
        "سامح I-OCC I-PERS",
    ])
    [(tokens, tags)] = read_conll(path, corpora._WOJOOD)
    assert tokens[0] == "وزارة"
    assert tags == ["B-ORG", "I-ORG", "I-ORG", "O", "B-LOC", "I-LOC", "O", "B-PER", "I-PER"]


def test_lrm_bom_marks_are_stripped(tmp_path):
    path = write(tmp_path, [
        "\ufeffزار O", "\u200eالرباط\u200e B-LOC", "\u200e O", "أمس O",
    ])
    [(tokens, tags)] = read_conll(path)
    assert tokens == ["زار", "الرباط", "أمس"]
    assert tags == ["O", "B-LOC", "O"]
    assert not any("\u200e" in t or "\ufeff" in t for t in tokens)


def test_lines_without_a_tag_and_document_markers_are_skipped(tmp_path):
    path = write(tmp_path, ["$#$ O", "تونس B-LOC", "orphan", "O", "صباحا O"])
    assert list(read_conll(path)) == [(["تونس", "صباحا"], ["B-LOC", "O"])]


def test_double_dash_and_odd_outside_tags(tmp_path):
    path = write(tmp_path, ["زار O", "الملك B--PERS", "سلمان I--PERS", "الرياض IO", "أمس OO"])
    [(tokens, tags)] = read_conll(path)
    assert tags == ["O", "B-PER", "I-PER", "O", "O"]


def test_tab_separated_with_custom_mapping(tmp_path):
    path = write(tmp_path, ["ماكرون\tB-Politician", "في\tO", "باريس\tB-Population-Center",
                            "و\tO", "اليونسكو\tB-Educational", "مع\tO", "يوم\tB-Date"])
    [(tokens, tags)] = read_conll(path, corpora._fane, sep="\t")
    assert tags == ["B-PER", "O", "B-LOC", "O", "B-ORG", "O", "B-MISC"]


def test_misc_is_kept_in_tags_but_unknown_types_are_dropped(tmp_path):
    path = write(tmp_path, ["كأس B-MISC", "العالم I-MISC", "في O", "قطر B-WHATEVER"])
    [(tokens, tags)] = read_conll(path)
    assert tags == ["B-MISC", "I-MISC", "O", "O"]


@pytest.mark.parametrize(("tags", "expected"), [
    ([], set()),
    (["O", "O"], set()),
    (["B-PER"], {(0, 1, "PER")}),
    (["I-PER"], {(0, 1, "PER")}),                         # I- without B- opens one
    (["B-PER", "B-PER"], {(0, 1, "PER"), (1, 2, "PER")}),  # two adjacent names
    (["B-PER", "I-LOC", "I-LOC"], {(0, 1, "PER"), (1, 3, "LOC")}),  # type change splits
    (["O", "B-ORG", "I-ORG", "I-ORG"], {(1, 4, "ORG")}),  # open at the end is closed
    (["B-LOC", "O", "I-LOC"], {(0, 1, "LOC"), (2, 3, "LOC")}),
])
def test_spans_edge_cases(tags, expected):
    assert spans(tags) == expected


def test_spans_does_not_mutate_its_input():
    tags = ["B-PER", "I-PER"]
    spans(tags)
    assert tags == ["B-PER", "I-PER"]
