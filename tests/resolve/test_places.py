"""rasid.resolve.places: place names across scripts (CLDR territories, GeoNames cities)."""
from __future__ import annotations

import pytest

from rasid.resolve import places
from rasid.resolve.names import NameMatcher


def test_a_city_shares_its_id_across_scripts():
    ids = places.place_ids("دمشق")
    assert ids
    assert ids == places.place_ids("Damascus")
    assert places.place_ids("بغداد") & places.place_ids("Baghdad")


def test_a_country_shares_its_id_across_scripts():
    assert "cc:SY" in places.place_ids("سوريا")
    assert "cc:SY" in places.place_ids("Syria")
    assert "cc:IQ" in places.place_ids("العراق") & places.place_ids("Iraq")


@pytest.mark.xfail(strict=True, reason="GAP: the gazetteer only has the CLDR spelling سوريا; "
                   "سورية (a common spelling) gets no id here and matches Syria only through "
                   "the alias file")
def test_the_ta_marbuta_spelling_of_syria_has_the_same_id():
    assert places.place_ids("سورية") & places.place_ids("Syria")


def test_syria_spellings_match_through_the_matcher():
    m = NameMatcher()
    assert m.same("سورية", "سوريا", "LOC")
    assert m.same("سورية", "Syria", "LOC")


def test_clitics_come_off_only_when_asked():
    assert places.place_ids("بدمشق") == frozenset()
    assert places.place_ids("بدمشق", clitics=True) == places.place_ids("دمشق")
    assert places.place_ids("والعراق", clitics=True) == places.place_ids("العراق")


@pytest.mark.parametrize("name, english", [
    ("دمشق", "Damascus"),
    ("بدمشق", "Damascus"),
    ("Damascus", "Damascus"),
    ("سوريا", "Syria"),
    ("بغداد", "Baghdad"),
    ("الكويت", "Kuwait"),       # a country and its city: the country is named
])
def test_english_name(name, english):
    assert places.english_name(name) == english


@pytest.mark.parametrize("name", ["طغزنيق", "حميد الشطري", "", "!!!", "123", "x" * 5000])
def test_unknown_words_have_no_place(name):
    assert places.place_ids(name) == frozenset()
    assert places.place_ids(name, clitics=True) == frozenset()
    assert places.english_name(name) == ""


def test_a_name_shared_by_two_places_has_both_ids_and_no_english_name():
    ids = places.place_ids("طرابلس")
    assert len(ids) >= 2
    assert places.english_name("طرابلس") == ""


@pytest.mark.parametrize("a, b", [("الكويت", "الكوت"), ("جنيف", "بغداد"), ("دمشق", "حلب")])
def test_different_places_do_not_share_ids(a, b):
    assert places.place_ids(a) and places.place_ids(b)
    assert not places.place_ids(a) & places.place_ids(b)


def test_ids_are_namespaced():
    for name in ("دمشق", "سوريا", "الكويت"):
        assert all(i.startswith(("cc:", "geo:")) for i in places.place_ids(name))
