"""Orthographic normalization: each Norm flag alone, fixed rule order, offsets, idempotence."""
from __future__ import annotations

import itertools
import random

import pytest

from rasid.text.normalize import Norm, normalize, normalize_with_offsets

try:  # hypothesis is optional: the seeded-random checks below always run
    from hypothesis import given, settings as hsettings, strategies as st
except ImportError:  # pragma: no cover - depends on the environment
    given = None

# Rules in declaration order (the order normalize must apply them in).
SINGLE_FLAGS = [Norm.INVISIBLE, Norm.PRESENTATION, Norm.DIACRITICS, Norm.TATWEEL, Norm.ALEF,
                Norm.HAMZA, Norm.YA, Norm.TA_MARBUTA, Norm.KAF, Norm.DIGITS, Norm.LOWER]

# A pool of characters every rule cares about, plus ordinary letters, spaces and punctuation.
POOL = (
    "أإآٱاؤئءىیيةهکك"              # alef, hamza seats, ya, ta marbuta, kaf
    "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670"  # tanween, harakat, shadda, sukun, dagger alef
    "\u0640"                         # tatweel
    "٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹٫٬"     # Arabic-Indic and Persian digits, separators
    "\u200b\u200c\u200d\u200e\u200f\u202b\u202c\u2067\u2069\u061c\ufeff\u00ad\u2060"
    "ﻻﻷﻹﻵﺍﺃﺓﻯﯼﮎﺋﷲﷺﹼ"              # presentation forms (some expand to several letters)
    "بتسمنلوقرد"                     # ordinary Arabic letters
    "AZaqQÉé09 .,:-،؛؟«»\n"
)


def _random_texts(n: int = 400, seed: int = 20240305) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(POOL) for _ in range(rng.randint(0, 40))) for _ in range(n)]


# --- each flag on its own -------------------------------------------------

@pytest.mark.parametrize("src", ["أ", "إ", "آ", "ٱ"])
def test_alef_flag_folds_hamza_and_madda_alef_forms_to_bare_alef(src):
    assert normalize(src + "حمد", Norm.ALEF) == "احمد"


def test_hamza_flag_folds_waw_and_ya_seats_to_bare_hamza():
    assert normalize("مسؤول", Norm.HAMZA) == "مسءول"
    assert normalize("مسئول", Norm.HAMZA) == "مسءول"
    assert normalize("أ", Norm.HAMZA) == "أ"  # alef seat is ALEF's job, not HAMZA's


def test_ya_flag_folds_alef_maqsura_and_farsi_ya():
    assert normalize("مصطفى", Norm.YA) == "مصطفي"
    assert normalize("مصطفی", Norm.YA) == "مصطفي"


def test_ta_marbuta_flag_folds_to_ha():
    assert normalize("سورية", Norm.TA_MARBUTA) == "سوريه"


def test_kaf_flag_folds_persian_keheh():
    assert normalize("کتاب", Norm.KAF) == "كتاب"


@pytest.mark.parametrize("mark", ["\u064e", "\u064f", "\u0650", "\u0651", "\u0652",
                                  "\u064b", "\u064c", "\u064d", "\u0670"])
def test_diacritics_flag_removes_harakat_shadda_tanween_sukun_and_dagger_alef(mark):
    assert normalize("ك" + mark + "تب", Norm.DIACRITICS) == "كتب"


def test_diacritics_flag_on_fully_vowelled_word():
    assert normalize("مُحَمَّدٌ", Norm.DIACRITICS) == "محمد"
    assert normalize("هٰذا", Norm.DIACRITICS) == "هذا"


def test_tatweel_flag_removes_kashida():
    assert normalize("جمـــيل", Norm.TATWEEL) == "جميل"


def test_digits_flag_maps_arabic_indic_and_persian_digits_and_separators():
    assert normalize("٠١٢٣٤٥٦٧٨٩", Norm.DIGITS) == "0123456789"
    assert normalize("۰۱۲۳۴۵۶۷۸۹", Norm.DIGITS) == "0123456789"
    assert normalize("٣٫٥", Norm.DIGITS) == "3.5"
    assert normalize("١٬٩٠٥", Norm.DIGITS) == "1,905"


@pytest.mark.parametrize("ch", ["\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u202b",
                                "\u202c", "\u2067", "\u2069", "\u061c", "\ufeff", "\u00ad"])
def test_invisible_flag_removes_zero_width_and_bidi_controls(ch):
    assert normalize("بغ" + ch + "داد", Norm.INVISIBLE) == "بغداد"


def test_presentation_flag_expands_ligatures_to_base_letters():
    assert normalize("ﻻ", Norm.PRESENTATION) == "لا"
    assert normalize("ﺍﻟﺴﻼﻡ", Norm.PRESENTATION) == "السلام"
    assert normalize("ﷲ", Norm.PRESENTATION) == "الله"


def test_lower_flag_folds_latin_case_only():
    assert normalize("Reuters AFP بغداد", Norm.LOWER) == "reuters afp بغداد"


MIXED = "أؤى\u0629ک\u064e\u0640٣\u200bﻻA"


@pytest.mark.parametrize("flag, expected", [
    (Norm.INVISIBLE, "أؤى\u0629ک\u064e\u0640٣ﻻA"),
    (Norm.PRESENTATION, "أؤى\u0629ک\u064e\u0640٣\u200bلاA"),
    (Norm.DIACRITICS, "أؤى\u0629ک\u0640٣\u200bﻻA"),
    (Norm.TATWEEL, "أؤى\u0629ک\u064e٣\u200bﻻA"),
    (Norm.ALEF, "اؤى\u0629ک\u064e\u0640٣\u200bﻻA"),
    (Norm.HAMZA, "أءى\u0629ک\u064e\u0640٣\u200bﻻA"),
    (Norm.YA, "أؤي\u0629ک\u064e\u0640٣\u200bﻻA"),
    (Norm.TA_MARBUTA, "أؤىهک\u064e\u0640٣\u200bﻻA"),
    (Norm.KAF, "أؤى\u0629ك\u064e\u0640٣\u200bﻻA"),
    (Norm.DIGITS, "أؤى\u0629ک\u064e\u06403\u200bﻻA"),
    (Norm.LOWER, "أؤى\u0629ک\u064e\u0640٣\u200bﻻa"),
])
def test_each_flag_changes_only_what_it_is_for(flag, expected):
    assert normalize(MIXED, flag) == expected


def test_match_folds_everything_at_once():
    assert normalize("\u200fأَحْمَـــدُ ومسؤولُ مصطفى في سوريةَ ٢٠٢٤ ﻻ Reuters") == \
        "احمد ومسءول مصطفي في سوريه 2024 لا reuters"


def test_display_only_removes_invisibles_and_presentation_forms():
    assert normalize("\u200bأَحْمَـد ﻻ", Norm.DISPLAY) == "أَحْمَـد لا"


def test_no_flags_is_identity():
    assert normalize("أَحْمَـد ﻻ ٣", Norm(0)) == "أَحْمَـد ﻻ ٣"


# --- fixed order ------------------------------------------------------------

def _sequential(text: str, flags: Norm, order) -> str:
    for f in order:
        if f in flags:
            text = normalize(text, f)
    return text


def test_presentation_runs_before_alef_whatever_the_flag_order():
    # ﻷ (lam-alef with hamza) -> لأ only if PRESENTATION runs first, then ALEF -> لا.
    assert normalize("ﻷ", Norm.ALEF | Norm.PRESENTATION) == "لا"
    assert normalize("ﻷ", Norm.PRESENTATION | Norm.ALEF) == "لا"
    assert _sequential("ﻷ", Norm.ALEF | Norm.PRESENTATION, [Norm.ALEF, Norm.PRESENTATION]) == "لأ"


def test_presentation_output_goes_through_later_rules():
    assert normalize("ﺓ", Norm.PRESENTATION | Norm.TA_MARBUTA) == "ه"
    assert normalize("ﻯ", Norm.PRESENTATION | Norm.YA) == "ي"
    assert normalize("ﮎ", Norm.PRESENTATION | Norm.KAF) == "ك"
    assert normalize("ﺋ", Norm.PRESENTATION | Norm.HAMZA) == "ء"


def test_any_combination_equals_single_rules_applied_in_declaration_order():
    text = "".join(POOL)
    for r in range(2, len(SINGLE_FLAGS) + 1, 3):
        for combo in itertools.combinations(SINGLE_FLAGS, r):
            flags = Norm(0)
            for f in reversed(combo):  # build the flag in reverse: must not matter
                flags |= f
            assert normalize(text, flags) == _sequential(text, flags, SINGLE_FLAGS), combo


# --- offsets and idempotence -------------------------------------------------

def _check_offsets(text: str, flags: Norm) -> None:
    out, origin = normalize_with_offsets(text, flags)
    assert out == normalize(text, flags)
    assert len(origin) == len(out)
    assert origin == sorted(origin)
    for i, ch in enumerate(text):  # the chars pointing at source i are exactly its normal form
        produced = "".join(o for o, src in zip(out, origin) if src == i)
        assert produced == normalize(ch, flags), (text, i)


def test_offsets_point_each_output_char_to_its_source_char():
    text = "\u200bأَحْمَـد ﷲ ٣٫٥ ABC"
    out, origin = normalize_with_offsets(text)
    assert out == "احمد الله 3.5 abc"
    assert origin[:4] == [1, 3, 5, 8]             # ا ح م د skip the marks and the tatweel
    assert origin[5:9] == [10] * 4                 # ﷲ expands to four letters from one source
    assert [text[k] for k in origin[10:13]] == ["٣", "٫", "٥"]


@pytest.mark.parametrize("flags", [Norm.MATCH, Norm.DISPLAY, Norm.DIACRITICS | Norm.ALEF])
def test_offsets_property_on_seeded_random_texts(flags):
    for text in _random_texts():
        _check_offsets(text, flags)


@pytest.mark.parametrize("flags", [Norm.MATCH, Norm.DISPLAY, Norm.PRESENTATION])
def test_normalize_is_idempotent_on_seeded_random_texts(flags):
    for text in _random_texts(seed=7):
        once = normalize(text, flags)
        assert normalize(once, flags) == once


if given is not None:
    @hsettings(max_examples=300, deadline=None)
    @given(st.text(alphabet=st.sampled_from(POOL), max_size=60))
    def test_offsets_property_hypothesis(text):
        _check_offsets(text, Norm.MATCH)

    @hsettings(max_examples=300, deadline=None)
    @given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40))
    def test_idempotence_hypothesis_any_unicode(text):
        once = normalize(text)
        assert normalize(once) == once
else:
    def test_offsets_property_hypothesis():
        pytest.skip("hypothesis is not installed in this environment")


def test_offsets_output_equals_normalize_for_greek_final_sigma():
    assert normalize_with_offsets("ΟΔΟΣ")[0] == normalize("ΟΔΟΣ")
