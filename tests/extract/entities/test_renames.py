"""Renamings the text states: bracketed acronyms, «المعروف بـ», kunyas."""
from __future__ import annotations

import pytest

from rasid.extract.entities import MentionExtractor
from rasid.extract.entities.renames import initials, renames, with_bracketed_acronyms, with_kunya
from rasid.model import Mention, Span


def _m(text: str, part: str, kind: str, nth: int = 0) -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = text.index(part, start + 1)
    return Mention(Span(start, start + len(part)), part, kind)


@pytest.mark.parametrize("words, expected", [
    (["قوات", "سوريا", "الديمقراطية"], "قسد"),
    (["Iraqi", "National", "Intelligence", "Service"], "INIS"),
    (["National", "Authority", "for", "Water", "Resources"], "NAWR"),
    (["الهيئة", "العامة", "للموانئ"], "هعم"),
])
def test_initials_skip_articles_and_particles(words, expected):
    assert initials(words) == expected


def test_bracketed_acronym_becomes_a_mention_and_completes_a_cut_name():
    text = "أعلنت قوات سوريا الديمقراطية (قسد) سيطرتها على البلدة."
    cut = _m(text, "قوات سوريا", "ORG")                       # the tagger stopped short
    out = with_bracketed_acronyms(text, [cut])
    assert [(m.text, m.type) for m in out] == [("قوات سوريا الديمقراطية", "ORG"), ("قسد", "ORG")]
    assert all(text[m.span.start:m.span.end] == m.text for m in out)
    assert renames(text, out) == [None, 0]


@pytest.mark.parametrize("text, name", [
    ("بغداد (رويترز) - قال مسؤول", "بغداد"),                 # an agency credit, not an acronym
    ("أعلنت وزارة الصحة (الأحد) أرقاماً جديدة", "وزارة الصحة"),  # a bracketed word that spells nothing
    ("قوات سوريا الديمقراطية (داعش)", "قوات سوريا الديمقراطية"),  # letters that are not its initials
])
def test_brackets_that_do_not_spell_the_name_are_left_alone(text, name):
    kind = "LOC" if name == "بغداد" else "ORG"
    assert [m.text for m in with_bracketed_acronyms(text, [_m(text, name, kind)])] == [name]


def test_known_as_links_two_people_but_not_other_neighbours():
    text = "التقى أحمد الشرع، المعروف بأبي محمد الجولاني، وفداً برئاسة حميد الشطري في دمشق."
    ms = with_kunya(text, [_m(text, "أحمد الشرع", "PER"), _m(text, "محمد الجولاني", "PER"),
                           _m(text, "حميد الشطري", "PER"), _m(text, "دمشق", "LOC")])
    assert ms[1].text == "أبي محمد الجولاني"                  # the kunya is part of the name
    assert renames(text, ms) == [None, 0, None, None]


def test_english_also_known_as():
    text = "Abu Mohammad al-Julani, also known as Ahmed al-Sharaa, spoke."
    ms = [_m(text, "Abu Mohammad al-Julani", "PER"), _m(text, "Ahmed al-Sharaa", "PER")]
    assert renames(text, ms) == [None, 0]


def test_far_apart_or_differently_typed_names_are_not_renamings():
    text = "زار حميد الشطري (العراق) أمس"
    assert renames(text, [_m(text, "حميد الشطري", "PER"), _m(text, "العراق", "LOC")]) == [None, None]
    long_gap = "قال فؤاد حسين " + "كلاما " * 20 + "(أحمد الشرع)"
    assert renames(long_gap, [_m(long_gap, "فؤاد حسين", "PER"), _m(long_gap, "أحمد الشرع", "PER")]) == [None, None]


def test_extractor_records_the_renaming_on_the_later_mention():
    text = "The Iraqi National Intelligence Service (INIS) said on Monday."
    ms = MentionExtractor().mentions(text)
    assert [(m.text, m.same_as) for m in ms] == [("Iraqi National Intelligence Service", None), ("INIS", 0)]


def test_a_place_in_brackets_after_a_place_is_where_it_lies():
    text = "ضربت السيول مدينة نابل (تونس) فجر الثلاثاء."
    assert renames(text, [_m(text, "نابل", "LOC"), _m(text, "تونس", "LOC")]) == [None, None]
