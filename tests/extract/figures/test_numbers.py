"""Numerals: digits in three scripts with their separators, MSA number words, compounds."""
from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rasid.extract.figures.lexicon import lexicon, tokens_of
from rasid.extract.figures.numbers import parse_digits, parse_number, read_numeral, tokenize
from rasid.text.normalize import Norm, normalize


def test_lexicon_is_loaded_once_and_has_every_kind():
    lex = lexicon()
    assert lex is lexicon()
    kinds = {w.kind for w in lex.numbers.values()}
    assert kinds == {"unit", "teen_unit", "ten", "tens", "hundred", "scale", "scale_dual",
                     "scale_plural", "fraction"}
    assert tokens_of("في المئة") == ("في", "المءه")  # entries get the text's folding


@pytest.mark.parametrize("written, value", [
    ("25", 25), ("٢٥", 25), ("۲۵", 25), ("1٢٠", 120),             # ASCII, Arabic-Indic, Persian, mixed
    ("1,905", 1905), ("12,000,000", 12_000_000), ("٢٬٥٠٠", 2500),   # thousand groups
    ("3.5", 3.5), ("٢٫٥", 2.5), ("2,5", 2.5), ("0,5", 0.5),         # decimal point / comma
    ("1.500.000", 1_500_000), ("1.234,5", 1234.5), ("1,234.5", 1234.5),
    ("42.195", 42.195), ("0.25", 0.25), ("0", 0),
])
def test_digits_in_every_script_and_separator(written, value):
    assert parse_digits(written) == value


@pytest.mark.parametrize("written", ["3.5.2025", "1,2,3", "12,34,567", "1" * 16, "", "abc", "1.2,3.4"])
def test_digits_that_are_not_one_number(written):
    assert parse_digits(written) is None


@pytest.mark.parametrize("words, value", [
    # units, masculine / feminine / case forms, with clitics
    ("واحد", 1), ("اثنان", 2), ("اثنين", 2), ("اثنتين", 2), ("ثلاث", 3), ("ثلاثة", 3),
    ("أربع", 4), ("خمسة", 5), ("ست", 6), ("سبعة", 7), ("ثماني", 8), ("ثمانية", 8), ("تسع", 9),
    ("عشرة", 10), ("عشر", 10), ("وثلاثة", 3), ("بخمسة", 5), ("لأربعة", 4),
    # teens
    ("أحد عشر", 11), ("إحدى عشرة", 11), ("اثنا عشر", 12), ("اثنتي عشرة", 12),
    ("ثلاثة عشر", 13), ("تسع عشرة", 19),
    # tens and compounds (units before tens, joined by و)
    ("عشرون", 20), ("عشرين", 20), ("تسعون", 90), ("خمسة وعشرون", 25), ("واحد وعشرون", 21),
    ("ثلاث وتسعين", 93),
    # hundreds
    ("مئة", 100), ("مائة", 100), ("مئتان", 200), ("مائتين", 200), ("خمسمائة", 500),
    ("ثلاثمئة", 300), ("ثلاث مئة", 300), ("ثمانمائة", 800), ("مئة وخمسة عشر", 115),
    ("مئتين وخمسين", 250), ("مائتان وثمانية وتسعون", 298), ("مئة وواحد", 101),
    # thousands, millions, billions: singular, dual, plural after a count
    ("ألف", 1000), ("ألفا", 1000), ("ألفين", 2000), ("ألفي", 2000), ("ثلاثة آلاف", 3000),
    ("عشرة آلاف", 10_000), ("أحد عشر ألفا", 11_000), ("خمسة وعشرون ألفاً", 25_000),
    ("ثلاثمئة وخمسون ألفاً", 350_000), ("ألف وخمسمئة", 1500), ("ألفين وخمسمئة", 2500),
    ("مليون", 1e6), ("مليونين", 2e6), ("ثلاثة ملايين", 3e6), ("مليار", 1e9), ("مليارين", 2e9),
    ("خمسة مليارات", 5e9), ("مليونين وثلاثمئة ألف", 2_300_000), ("مليار و200 مليون", 1.2e9),
    # fractions of a multiplier
    ("نصف مليون", 500_000), ("ربع مليار", 250_000_000), ("مليون ونصف", 1_500_000),
    ("ثلاثة ملايين ونصف", 3_500_000),
    # digits times a word
    ("2.5 مليار", 2.5e9), ("450 مليون", 450e6), ("9 آلاف", 9000), ("٨٥٠ ألف", 850_000),
    ("3 ملايين و200 ألف", 3_200_000), ("ألف و500", 1500), ("مليوناً و200 ألف", 1_200_000),
    # vague amounts: the lower bound
    ("عشرات", 10), ("العشرات", 10), ("مئات", 100), ("آلاف", 1000), ("الآلاف", 1000),
    ("ملايين", 1e6), ("عشرات الآلاف", 10_000), ("مئات الآلاف", 100_000),
    ("عشرات الملايين", 1e7), ("بضعة", 3), ("بضعة آلاف", 3000), ("بضع مئات", 300),
    ("عدة آلاف", 3000),
])
def test_number_words(words, value):
    assert parse_number(words) == value


@pytest.mark.parametrize("words", [
    "ثلاثـــة آلاف",            # tatweel
    "ثَلاثَةُ آلافٍ",            # full vocalization
    "ثلاثه الاف",              # ta marbuta written as ha, no hamza
])
def test_spelling_variants_read_the_same(words):
    assert parse_number(words) == 3000


@pytest.mark.parametrize("words", [
    "إحدى", "أحد", "اثنا",        # teen parts alone: «إحدى الدول» is "one of"
    "عدة",                       # several, with no multiplier: not an amount
    "الثلاثة", "العشرين",          # definite: a known set or an ordinal
    "الثالث", "الأول",            # ordinals
    "لست", "نصف",               # لست is not ل + ست; a fraction alone is not an amount
    "3 آلاف و5 آلاف",             # two numbers, not 3005
    "عشرين وخمسة",               # tens before units is not MSA
])
def test_not_one_numeral(words):
    assert parse_number(words) is None


def _read(text: str):
    toks = tokenize(normalize(text, Norm.MATCH))
    return toks, read_numeral(toks, 0)


def test_neighbouring_numbers_stay_apart():
    toks, num = _read("10 و15")
    assert (num.value, num.last) == (10, 1)
    toks, num = _read("ثلاثة وخمسة")          # unit after unit does not join
    assert (num.value, num.last) == (3, 1)
    toks, num = _read("عشرين وثلاثين")         # tens after tens does not join
    assert num.value == 20


def test_numeral_records_scale_clitic_and_vague_word():
    toks, num = _read("وخمسة ملايين")
    assert (num.value, num.scale, num.words, num.start) == (5e6, 1e6, True, 1)  # و excluded
    toks, num = _read("بعشرات الآلاف")
    assert (num.value, num.vague, num.start) == (10_000, "عشرات الآلاف", 1)
    toks, num = _read("العشرات")
    assert (num.vague, num.definite, num.start) == ("عشرات", True, 0)
    toks, num = _read("2.5")
    assert (num.scale, num.words, num.vague) == (1.0, False, None)


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=0, max_value=10**12))
def test_grouped_digits_round_trip(n):
    assert parse_digits(f"{n:,}") == n
    assert parse_digits(str(n)) == n
    arabic = str(n).translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))
    assert parse_digits(arabic) == n


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="0123456789.,٫٬٠١٢٣ ", max_size=30))
def test_parse_digits_never_raises(s):
    v = parse_digits(s)
    assert v is None or (isinstance(v, float) and math.isfinite(v))
