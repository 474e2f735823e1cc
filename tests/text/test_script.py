"""Script-level helpers: invisible characters and the share of Arabic letters."""
from __future__ import annotations

import pytest

from rasid.text.script import INVISIBLE_CHARS, arabic_ratio, strip_invisible


@pytest.mark.parametrize("ch", ["\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u202a",
                                "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067",
                                "\u2068", "\u2069", "\u061c", "\ufeff", "\u00ad", "\u2060"])
def test_strip_invisible_removes_each_control(ch):
    assert ch in INVISIBLE_CHARS
    assert strip_invisible(f"{ch}بغ{ch}داد{ch}") == "بغداد"


def test_strip_invisible_keeps_visible_text_unchanged():
    text = "أَحْمَـــد، 2024 ٣٫٥ Reuters\n\tﻻ\u00a0نعم"
    assert strip_invisible(text) == text


def test_strip_invisible_on_only_invisibles_gives_empty():
    assert strip_invisible("".join(sorted(INVISIBLE_CHARS))) == ""


def test_arabic_ratio_pure_arabic_is_one():
    assert arabic_ratio("وصل الوفد إلى بغداد") == 1.0


def test_arabic_ratio_pure_latin_is_zero():
    assert arabic_ratio("The delegation arrived") == 0.0


def test_arabic_ratio_counts_letters_only():
    # 4 Arabic letters, 4 Latin letters; digits, spaces and punctuation ignored.
    assert arabic_ratio("abcd بتثج 12345 !!! ، ٣٤") == 0.5


def test_arabic_ratio_without_letters_is_zero():
    assert arabic_ratio("") == 0.0
    assert arabic_ratio("123 ٤٥٦ !؟") == 0.0


def test_arabic_ratio_ignores_diacritics():
    assert arabic_ratio("مُحَمَّدٌ") == 1.0
    assert arabic_ratio("مُحَمَّدٌ abcd") == 0.5


def test_arabic_ratio_of_arabic_word_with_tatweel_is_one():
    assert arabic_ratio("جمـــيل") == 1.0


def test_arabic_ratio_counts_presentation_forms_as_arabic():
    assert arabic_ratio("ﻻ ﺍﻟﺴﻼﻡ") == 1.0


def test_arabic_ratio_looks_only_at_the_sample():
    text = "بتثج" * 5 + "abcd" * 50
    assert arabic_ratio(text, sample=20) == 1.0
    assert arabic_ratio(text, sample=40) == 0.5


def test_arabic_ratio_is_within_bounds_for_ordinary_mixed_text():
    for text in ["وصل الوفد", "abc", "مُحَمَّدٌ abc ١٢", "ﻻ x"]:
        assert 0.0 <= arabic_ratio(text) <= 1.0


@pytest.mark.parametrize("text", ["هٰذا", "الرحمٰن الرحيم", "﴿إنا أنزلناه﴾"])
def test_arabic_ratio_never_exceeds_one(text):
    assert 0.0 <= arabic_ratio(text) <= 1.0
