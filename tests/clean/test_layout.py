"""Paragraph repair, headline and subheading detection: the rules and their effect in clean()."""
from __future__ import annotations

import pytest

from rasid.clean import clean
from rasid.clean.layout import (ends_paragraph, looks_like_headline, looks_like_subheading,
                                repair_groups, word_count)
from rasid.model import RawDocument

P1 = "أعلنت وزارة الزراعة صباح اليوم أنها ستطلق خطة جديدة لدعم صغار المزارعين في القرى البعيدة."
P2 = "وقال المتحدث باسم الوزارة إن الخطة تتضمن قروضاً ميسرة وبذوراً محسنة وتدريباً على الري الحديث."
P3 = "وأضاف أن المرحلة الأولى ستبدأ في الربيع المقبل وتشمل ثلاث محافظات قبل أن تتوسع لاحقاً."
BROKEN = "وأوضح المسؤول في تصريح مقتضب عبر الهاتف أن الوزارة خصصت مبلغاً كبيراً"
REST = "لتمويل المشاريع الصغيرة خلال العام الحالي."
HEADLINE = "خطة حكومية لدعم صغار المزارعين"
SUB = "تمويل المشاريع"


def raw(text: str, title: str | None = None) -> RawDocument:
    return RawDocument(source="a.txt", line=None, format="txt", text=text, source_id="a.txt",
                       title=title)


# --- rules ------------------------------------------------------------------

def test_word_count_splits_on_any_whitespace():
    assert word_count(" وصل  الوفد\tإلى\nبغداد ") == 4
    assert word_count("") == 0


@pytest.mark.parametrize("text", ["انتهى.", "هل انتهى؟", "قال:", "«انتهى»", "انتهى”", "(انتهى)", "انتهى…  "])
def test_ends_paragraph_on_stop_colon_quote_or_bracket(text):
    assert ends_paragraph(text)


@pytest.mark.parametrize("text", ["", "   ", "وصل الوفد", "وصل الوفد،"])
def test_does_not_end_paragraph_without_final_mark(text):
    assert not ends_paragraph(text)


def test_looks_like_headline_short_line_without_stop():
    assert looks_like_headline(HEADLINE)
    assert looks_like_headline('الشرع: "سنعود"')        # a quote may end a headline
    assert not looks_like_headline(HEADLINE + ".")
    assert not looks_like_headline(HEADLINE + ":")
    assert not looks_like_headline(" ".join(["كلمة"] * 31))
    assert looks_like_headline(" ".join(["كلمة"] * 30))
    assert not looks_like_headline("")


def test_looks_like_subheading_is_short_and_unterminated():
    assert looks_like_subheading(SUB)
    assert not looks_like_subheading(SUB + ".")
    assert not looks_like_subheading("«" + SUB + "»")
    assert not looks_like_subheading(" ".join(["كلمة"] * 13))
    assert looks_like_subheading(" ".join(["كلمة"] * 12))


def test_repair_groups_joins_long_broken_line_with_its_continuation():
    assert repair_groups([P1, BROKEN, REST, P2]) == [[0], [1, 2], [3]]


def test_repair_groups_does_not_join_short_unterminated_line():
    assert repair_groups([P1, SUB, P2]) == [[0], [1], [2]]


def test_repair_groups_follows_hard_wrapping_until_a_line_ends():
    assert repair_groups([BROKEN, "قصير", "جداً", REST, P1]) == [[0, 1, 2, 3], [4]]


def test_repair_groups_broken_last_line_stays_alone():
    assert repair_groups([P1, BROKEN]) == [[0], [1]]
    assert repair_groups([]) == []


# --- through clean() ----------------------------------------------------------

def test_broken_paragraph_across_blank_line_is_joined_with_one_space():
    a = clean(raw(f"{P1}\n\n{BROKEN}\n\n{REST}\n\n{P2}"))
    assert a.text == f"{P1}\n\n{BROKEN} {REST}\n\n{P2}"
    assert len(a.paragraphs) == 3
    assert a.paragraphs[1].of(a.text) == f"{BROKEN} {REST}"


def test_joined_paragraph_is_one_sentence():
    a = clean(raw(f"{P1}\n{BROKEN}\n{REST}"))
    assert [s.of(a.text) for s in a.sentences] == [P1, f"{BROKEN} {REST}"]


def test_short_subheading_is_not_joined_and_is_recorded():
    a = clean(raw(f"{P1}\n\n{SUB}\n\n{P2}"))
    assert a.text == f"{P1}\n\n{SUB}\n\n{P2}"
    assert [s.of(a.text) for s in a.subheadings] == [SUB]


def test_subheadings_are_excluded_from_sentences():
    a = clean(raw(f"{P1}\n{SUB}\n{P2}\nالمرحلة الثانية\n{P3}"))
    assert [s.of(a.text) for s in a.subheadings] == [SUB, "المرحلة الثانية"]
    assert [s.of(a.text) for s in a.sentences] == [P1, P2, P3]
    for sub in a.subheadings:
        assert all(s.end <= sub.start or s.start >= sub.end for s in a.sentences)


def test_short_last_paragraph_is_not_a_subheading():
    a = clean(raw(f"{P1}\n{P2}\nانتهى الخبر"))
    assert a.subheadings == ()
    assert a.sentences[-1].of(a.text) == "انتهى الخبر"


def test_paragraph_spans_rebuild_the_text():
    a = clean(raw(f"{P1}\n\n\n{SUB}\n{P2}"))
    assert "\n\n".join(p.of(a.text) for p in a.paragraphs) == a.text


def test_short_first_line_without_stop_is_headline():
    a = clean(raw(f"{HEADLINE}\n\n{P1}\n{P2}"))
    assert a.headline == HEADLINE
    assert a.text == f"{P1}\n\n{P2}"
    assert [r.reason for r in a.removed] == ["headline"]


def test_long_first_sentence_with_full_stop_is_not_headline():
    a = clean(raw(f"{P1}\n{P2}"))
    assert a.headline is None
    assert a.text.startswith(P1)


def test_short_first_line_with_full_stop_is_not_headline():
    a = clean(raw(f"وصل الوفد.\n{P1}"))
    assert a.headline is None
    assert a.text.startswith("وصل الوفد.")


def test_single_line_document_has_no_headline():
    a = clean(raw(HEADLINE))
    assert a.headline is None
    assert a.text == HEADLINE


def test_metadata_title_wins_and_duplicate_first_line_is_dropped():
    a = clean(raw(f"{HEADLINE}\n{P1}", title=HEADLINE))
    assert a.headline == HEADLINE
    assert a.text == P1


def test_duplicate_first_line_matches_title_despite_spelling_and_final_stop():
    a = clean(raw(f"خطةُ حكومية لدعم صغار المزارعين.\n{P1}", title="خطة حكومية لدعم صغار المزارعين"))
    assert a.headline == "خطة حكومية لدعم صغار المزارعين"
    assert a.text == P1


def test_metadata_title_wins_over_a_different_first_line():
    a = clean(raw(f"{SUB}\n{P1}", title=HEADLINE))
    assert a.headline == HEADLINE
    assert a.text == f"{SUB}\n\n{P1}"          # the first line is body, not dropped
    assert all(r.reason != "headline" for r in a.removed)


def test_title_whitespace_and_invisibles_are_tidied():
    a = clean(raw(P1, title="  خطة\u200f  حكومية\n جديدة "))
    assert a.headline == "خطة حكومية جديدة"


def test_blank_title_is_ignored_and_headline_detected_from_text():
    a = clean(raw(f"{HEADLINE}\n{P1}", title="   "))
    assert a.headline == HEADLINE
