"""Tokens with offsets, and clitic-stripped match keys."""
from __future__ import annotations

import pytest

from rasid.text.tokens import Token, match_key, match_keys, tokenize


def test_token_offsets_slice_back_to_the_token_text():
    text = "قال الوزير، في بغداد: «وصلنا» (2024)."
    tokens = tokenize(text)
    assert tokens
    for t in tokens:
        assert text[t.start:t.end] == t.text
    assert [t.text for t in tokens][:4] == ["قال", "الوزير", "،", "في"]


def test_tokens_cover_every_non_space_character_in_order():
    text = "وصل 1,905 جندياً، و٣٫٥ طن!"
    tokens = tokenize(text)
    assert "".join(t.text for t in tokens) == text.replace(" ", "")
    assert [t.start for t in tokens] == sorted(t.start for t in tokens)


@pytest.mark.parametrize("number", ["1,905", "3.5", "12.500.000", "٢٠٢٤", "١٬٩٠٥", "٣٫٥"])
def test_numbers_with_separators_are_one_token(number):
    tokens = tokenize(f"بلغ {number} جندياً")
    assert [t.text for t in tokens] == ["بلغ", number, "جندياً"]
    assert tokens[1].is_number and not tokens[1].is_word


def test_number_followed_by_sentence_stop_keeps_the_stop_apart():
    assert [t.text for t in tokenize("عام 2024.")] == ["عام", "2024", "."]


def test_diacritics_and_tatweel_stay_inside_the_word():
    assert [t.text for t in tokenize("مُحَمَّدٌ جمـــيل")] == ["مُحَمَّدٌ", "جمـــيل"]


def test_punctuation_marks_are_single_tokens():
    tokens = tokenize("نعم،لا؟")
    assert [t.text for t in tokens] == ["نعم", "،", "لا", "؟"]
    assert tokens[0].is_word and not tokens[1].is_word and not tokens[1].is_number


def test_token_is_frozen():
    t = Token("بغداد", 0, 5)
    with pytest.raises(AttributeError):
        t.text = "x"  # type: ignore[misc]


@pytest.mark.parametrize("word", ["الهجرة", "والهجرة", "بالهجرة", "للهجرة", "وبالهجرة",
                                  "فالهجرة", "كالهجرة", "هجرة"])
def test_clitic_forms_share_the_key_of_the_bare_word(word):
    assert match_key(word) == match_key("هجرة") == "هجره"


def test_hamza_spelling_does_not_change_the_key():
    assert match_key("أحمد") == match_key("احمد") == "احمد"
    assert match_key("مسؤول") == match_key("مسئول")


def test_diacritics_and_tatweel_do_not_change_the_key():
    assert match_key("الهِجْرَةُ") == match_key("الهجـــرة") == "هجره"


@pytest.mark.parametrize("word", ["وزير", "قال", "كان", "لكن", "بيت"])
def test_short_words_keep_their_first_letter(word):
    assert match_key(word) == word


def test_documented_over_strip_still_matches_clitic_forms():
    # Documented: بغداد over-strips to غداد; its clitic forms land on the same key.
    assert match_key("بغداد") == "غداد"
    assert match_key("وبغداد") == "غداد"


def test_non_arabic_words_are_only_normalized():
    assert match_key("Reuters") == "reuters"
    assert match_key("٢٠٢٤") == "2024"


@pytest.mark.parametrize("word", ["الهجرة", "وبالهجرة", "للهجرة", "وزير", "أحمد", "البلاد",
                                  "بغداد", "الكتاب", "Reuters", "٣٫٥"])
def test_key_of_a_key_is_stable(word):
    key = match_key(word)
    assert match_key(key) == key


@pytest.mark.parametrize("word, bare", [("الولايات", "ولايات"), ("الفلسطينيين", "فلسطينيين"),
                                       ("لبغداد", "بغداد")])
def test_key_of_a_key_is_stable_for_words_starting_with_a_clitic_letter(word, bare):
    key = match_key(word)
    assert match_key(key) == key
    assert match_key(bare) == key


def test_match_keys_of_a_text_are_the_keys_of_its_words():
    text = "وصل الوفدُ إلى بغداد، وبالهجرة للهجرة 1,905 Reuters!"
    words = [t.text for t in tokenize(text) if t.text[0].isalnum()]
    assert match_keys(text) == [match_key(w) for w in words]
    assert match_keys("الهجرة، والهجرة؛ بالهجرة") == ["هجره", "هجره", "هجره"]


def test_match_keys_skip_punctuation_and_handle_empty_text():
    assert match_keys("«» ، . !") == []
    assert match_keys("") == []
