"""Sentence splitting: Arabic punctuation, abbreviations, decimals, quotes, offsets."""
from __future__ import annotations

import pytest

from rasid.model import Span
from rasid.text.sentences import split_sentences


def sents(text: str) -> list[str]:
    return [s.of(text) for s in split_sentences(text)]


@pytest.mark.parametrize("stop", [".", "!", "?", "؟", "…"])
def test_splits_after_each_sentence_stop(stop):
    text = f"وصل الوفد إلى المدينة{stop} ثم بدأ الاجتماع."
    assert sents(text) == [f"وصل الوفد إلى المدينة{stop}", "ثم بدأ الاجتماع."]


def test_mixed_stops_in_one_paragraph():
    text = "هل وصل الوفد؟ نعم وصل! ربما يتأخر الاجتماع… لكنه سيعقد. انتهى"
    assert sents(text) == ["هل وصل الوفد؟", "نعم وصل!", "ربما يتأخر الاجتماع…", "لكنه سيعقد.", "انتهى"]


def test_repeated_stops_stay_with_their_sentence():
    assert sents("حقاً؟! لا أصدق.") == ["حقاً؟!", "لا أصدق."]


def test_does_not_split_on_arabic_comma_or_semicolon():
    text = "وصل الوفد، وبدأ الاجتماع؛ ثم صدر البيان."
    assert sents(text) == [text]


@pytest.mark.parametrize("text", [
    "قال د. سامي إن الوضع مستقر.",
    "وقال أ.د. سامي إن الوضع مستقر.",
    "The meeting was chaired by Dr. Smith today.",
    "The letter from Mr. Jones arrived.",
    "Written by J. Smith last year.",
])
def test_does_not_split_after_abbreviation_or_initial(text):
    assert sents(text) == [text]


def test_abbreviation_followed_by_a_real_stop_later_still_splits():
    text = "التقى د. سامي بالوفد. ثم غادر."
    assert sents(text) == ["التقى د. سامي بالوفد.", "ثم غادر."]


def test_arabic_one_letter_word_is_not_an_initial():
    # "و." is not in the abbreviation list and is not a Latin initial: the stop ends a sentence.
    assert sents("قال نعم و. ثم غادر.") == ["قال نعم و.", "ثم غادر."]


@pytest.mark.parametrize("number", ["3.5", "12.75", "٣.٥"])
def test_does_not_split_inside_a_decimal_number(number):
    text = f"بلغت النسبة {number} في المئة. وارتفعت لاحقاً."
    assert sents(text) == [f"بلغت النسبة {number} في المئة.", "وارتفعت لاحقاً."]


def test_number_at_sentence_end_still_splits():
    assert sents("بلغ العدد 35. ثم انخفض.") == ["بلغ العدد 35.", "ثم انخفض."]


@pytest.mark.parametrize("opener, closer", [("«", "»"), ("“", "”"), ('"', '"')])
def test_does_not_split_inside_quotation(opener, closer):
    text = f"قال الوزير {opener}وصلنا. وبدأنا العمل{closer} ثم غادر القاعة."
    assert sents(text) == [text]


@pytest.mark.parametrize("closer", ["’", ")", "]"])
def test_closing_mark_after_the_stop_stays_with_the_sentence(closer):
    opener = {"’": "‘", ")": "(", "]": "["}[closer]
    text = f"انتهى الاجتماع {opener}في بغداد.{closer} ثم غادر الوفد."
    assert sents(text) == [f"انتهى الاجتماع {opener}في بغداد.{closer}", "ثم غادر الوفد."]


def test_stop_after_closing_guillemet_splits_after_the_stop():
    text = "قال الوزير: «سنعود غداً». ثم غادر القاعة."
    assert sents(text) == ["قال الوزير: «سنعود غداً».", "ثم غادر القاعة."]


@pytest.mark.parametrize("opener, closer", [("«", "»"), ("“", "”"), ('"', '"')])
def test_closing_quote_after_the_stop_ends_the_sentence(opener, closer):
    text = f"قال الوزير: {opener}سنعود غداً.{closer} ثم غادر القاعة."
    assert sents(text) == [f"قال الوزير: {opener}سنعود غداً.{closer}", "ثم غادر القاعة."]


def test_unbalanced_quote_in_a_long_paragraph_falls_back_to_punctuation():
    text = "قال المتحدث: «" + "وصل الوفد إلى المدينة صباحاً. " * 30
    assert len(text) > 600
    assert len(split_sentences(text)) == 30


def test_newline_always_separates_even_without_stop_or_inside_quotes():
    assert sents("عنوان بلا نقطة\nنص الخبر.") == ["عنوان بلا نقطة", "نص الخبر."]
    assert sents("قال: «سطر أول\nسطر ثان» انتهى.") == ["قال: «سطر أول", "سطر ثان» انتهى."]


def test_blank_lines_and_whitespace_only_lines_give_no_sentences():
    assert sents("\n\n   \n") == []
    assert sents("") == []


def test_spans_are_trimmed_offsets_into_the_input():
    text = "  وصل الوفد.   ثم بدأ الاجتماع!  \n\n\t هل انتهى؟  "
    spans = split_sentences(text)
    assert [s.of(text) for s in spans] == ["وصل الوفد.", "ثم بدأ الاجتماع!", "هل انتهى؟"]
    assert spans[0] == Span(2, 12)
    for s in spans:
        assert not text[s.start].isspace() and not text[s.end - 1].isspace()
    assert all(a.end <= b.start for a, b in zip(spans, spans[1:]))


def test_start_and_end_limit_the_range_and_offsets_stay_absolute():
    text = "مقدمة لا تعنينا. وصل الوفد. ثم بدأ الاجتماع. خاتمة."
    start = text.index("وصل")
    end = text.index("خاتمة")
    spans = split_sentences(text, start, end)
    assert [s.of(text) for s in spans] == ["وصل الوفد.", "ثم بدأ الاجتماع."]
    assert spans[0].start == start


def test_text_without_any_stop_is_one_sentence():
    assert sents("خبر عاجل من بغداد") == ["خبر عاجل من بغداد"]


def test_english_word_no_at_sentence_end_still_splits():
    assert sents("The minister said no. Then he left.") == ["The minister said no.", "Then he left."]
