"""latin: names in Latin script by rule (capitals, head words, gazetteer, titles)."""
from __future__ import annotations

import pytest

from rasid.extract.entities.latin import tag_latin


def found(text: str) -> list[tuple[str, str]]:
    out = []
    for m in tag_latin(text):
        assert text[m.span.start:m.span.end] == m.text  # offsets are exact
        out.append((m.text, m.type))
    return out


@pytest.mark.parametrize(("text", "expected"), [
    ("The Iraqi National Intelligence Service said on Monday the network was dismantled.",
     [("Iraqi National Intelligence Service", "ORG")]),
    ("Officials of the Kurdistan Regional Government met in the morning.",
     [("Kurdistan Regional Government", "ORG")]),
    ("A statement by the Iraqi Ministry of Oil followed.", [("Iraqi Ministry of Oil", "ORG")]),
    ("Inspectors from the IAEA and NATO arrived.", [("IAEA", "ORG"), ("NATO", "ORG")]),
    ("He arrived in Baghdad on Monday.", [("Baghdad", "LOC")]),
    ("Damascus was calm on Friday.", [("Damascus", "LOC")]),  # first word, but a known place
])
def test_types(text, expected):
    assert found(text) == expected


def test_title_is_cut_from_a_person():
    text = "Interior Minister Firas al-Hadidi said the plan works."
    [m] = tag_latin(text)
    assert (m.text, m.type) == ("Firas al-Hadidi", "PER")
    assert m.span.start == text.index("Firas")
    assert m.score == 0.8


def test_title_cut_with_irregular_spacing():
    text = "Interior  Minister\nFiras al-Hadidi said"
    [m] = tag_latin(text)
    assert (m.text, m.type) == ("Firas al-Hadidi", "PER")
    assert text[m.span.start:m.span.end] == "Firas al-Hadidi"


def test_single_word_after_a_title_is_a_person():
    assert found("Talks went on, President Biden said.") == [("Biden", "PER")]
    assert found("Mr. Sudani left.") == [("Sudani", "PER")]


@pytest.mark.parametrize("text", [
    "The talks stalled on Monday.",
    "However the talks stalled.",
    "However, the talks stalled.",
    "Meanwhile prices rose.",
    "",
    "   ",
    "no capitals here at all",
])
def test_sentence_initial_words_are_not_names(text):
    assert found(text) == []


def test_sentence_initial_the_is_trimmed_from_a_name():
    assert found("The Damascus talks ended.") == [("Damascus", "LOC")]
    assert found("However Ali Hassan declined to comment.") == [("Ali Hassan", "PER")]


def test_possessive_is_not_part_of_the_name():
    assert found("Iraq's oil exports rose.") == [("Iraq", "LOC")]
    assert found("Iraq\u2019s oil exports rose.") == [("Iraq", "LOC")]
    assert found("the IMF's report") == [("IMF", "ORG")]


def test_two_part_name_mid_sentence_is_a_person():
    assert found("Reporters saw Fuad Hussein leave.") == [("Fuad Hussein", "PER")]


def test_name_particles_stay_inside():
    assert found("They met Sheikh Tamim bin Hamad in Doha.") == [
        ("Tamim bin Hamad", "PER"), ("Doha", "LOC")]


def test_latin_names_inside_arabic_text():
    text = "قال الرئيس Emmanuel Macron في باريس"
    assert found(text) == [("Emmanuel Macron", "PER")]


def test_mentions_are_in_order_and_disjoint():
    text = ("Prime Minister Mohammed Shia al-Sudani met Emmanuel Macron in Paris, "
            "and the UN envoy visited Mosul.")
    ms = tag_latin(text)
    assert [m.text for m in ms] == ["Mohammed Shia al-Sudani", "Emmanuel Macron", "Paris",
                                     "UN", "Mosul"]
    assert all(a.span.end <= b.span.start for a, b in zip(ms, ms[1:]))


def test_united_nations_is_an_organisation():
    assert found("Delegates at the United Nations voted.") == [("United Nations", "ORG")]
