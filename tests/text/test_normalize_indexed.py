"""normalize_indexed: the normalized text plus a map from its offsets back to the source text."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rasid.text.normalize import (Norm, OffsetIndex, normalize, normalize_indexed,
                                  normalize_with_offsets)

LETTERS = list("ابتثجحخدذرزسشصضطظعغفقكلمنهوي ءأإآٱؤئىةیک ،.0123456789abcXYZ")
MARKS = ["\u064b", "\u064e", "\u064f", "\u0650", "\u0651", "\u0652", "\u0670", "\u06e1",  # diacritics
         "\u0640",                                                                         # tatweel
         "\u200f", "\u200e", "\u202b", "\u202c", "\u2067", "\u2069", "\u200c", "\u200d",  # bidi, joiners
         "\ufeff", "\u00ad", "\u061c"]
DIGITS = [chr(c) for c in range(0x0660, 0x066A)] + [chr(c) for c in range(0x06F0, 0x06FA)]
ONE_TO_ONE_FORMS = ["\ufe8e", "\ufee1", "\ufe91"]  # presentation forms folding to one letter
LIGATURES = ["\ufefb", "\ufef5", "\ufdf2", "\ufdfa"]   # ﻻ ﻵ ﷲ ﷺ: one character, several letters

ANY_TEXT = st.text(alphabet=LETTERS + MARKS + DIGITS + ONE_TO_ONE_FORMS + LIGATURES, max_size=80)


def _check_every_offset(text: str, flags: Norm = Norm.MATCH) -> None:
    norm, index = normalize_indexed(text, flags)
    assert norm == normalize(text, flags)
    previous = -1
    for i, ch in enumerate(norm):
        src = index.source(i)
        assert 0 <= src < len(text), (text, i)
        assert ch in normalize(text[src], flags), (text, i, src)
        assert src >= previous  # the map never goes backwards
        previous = src


@settings(max_examples=300, deadline=None)
@given(ANY_TEXT)
def test_every_normalized_offset_maps_to_a_source_character_that_normalizes_to_it(text):
    _check_every_offset(text)


@settings(max_examples=200, deadline=None)
@given(ANY_TEXT)
def test_agrees_with_normalize_with_offsets(text):
    norm, index = normalize_indexed(text)
    norm2, origin = normalize_with_offsets(text)
    assert norm == norm2
    assert [index.source(i) for i in range(len(norm))] == origin


@settings(max_examples=100, deadline=None)
@given(ANY_TEXT, st.sampled_from(MARKS))
def test_a_mark_before_a_word_shifts_its_offsets_by_one(prefix, mark):
    text = prefix + mark + "مارس"
    norm, index = normalize_indexed(text)
    assert norm.endswith("مارس")
    start = len(norm) - 4
    assert text[index.source(start):index.source(len(norm) - 1) + 1] == "مارس"


def test_concrete_mappings():
    text = "قَالَ ١٢ مـــارس"
    norm, index = normalize_indexed(text)
    assert norm == "قال 12 مارس"
    assert [text[index.source(i)] for i in range(len(norm))] == list("قال ١٢ مارس")
    assert index.source(norm.index("مارس")) == text.index("م", 6)


def test_ligatures_followed_by_text_shift_later_offsets():
    text = "ﻻ بد من ﷺ موعد 7 مارس"
    norm, index = normalize_indexed(text)
    assert norm == normalize(text)
    seven = norm.index("7")
    assert text[index.source(seven)] == "7"
    assert text[index.source(len(norm) - 1)] == "س"


def test_text_without_changes_has_the_identity_map():
    norm, index = normalize_indexed("plain text 2025")
    assert norm == "plain text 2025"
    assert all(index.source(i) == i for i in range(len(norm) + 1))
    assert OffsetIndex([]).source(7) == 7


def test_case_folding_that_changes_length():
    _check_every_offset("İstanbul في ١٢ مارس")  # İ lowercases to two characters
    norm, index = normalize_indexed("İx")
    assert norm == "i\u0307x" and index.source(2) == 1


def test_flags_other_than_match():
    text = "أَحْمَد\u200f ﻻ"
    norm, index = normalize_indexed(text, Norm.DISPLAY)
    assert norm == "أَحْمَد لا"
    assert index.source(norm.index(" ")) == text.index(" ")


@pytest.mark.parametrize("text", ["ﻻ بد", "ﻻﻻ", "قال ﷺ"])
def test_offsets_inside_a_ligature_map_to_the_ligature(text):
    _check_every_offset(text)
    norm, index = normalize_indexed(text)
    lig = next(i for i, c in enumerate(text) if c in LIGATURES)
    expansion = normalize(text[lig])
    first = norm.index(expansion, len(normalize(text[:lig])))
    assert {index.source(first + k) for k in range(len(expansion))} == {lig}
