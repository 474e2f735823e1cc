"""rasid.resolve.aliases: the reviewed alias file (resources/entity_aliases.tsv)."""
from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from itertools import combinations

import pytest

from rasid.resolve import aliases
from rasid.resolve.names import NameMatcher

MATCH = NameMatcher()
TYPES = {"PER", "ORG", "LOC"}


@dataclass(frozen=True)
class Line:
    number: int
    type: str
    name_ar: str
    name_latin: str
    forms: tuple[str, ...]     # every surface form on the line, name_ar and name_latin first


def _lines() -> list[Line]:
    text = resources.files("rasid.resources").joinpath("entity_aliases.tsv").read_text("utf-8")
    out = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        extra = [f.strip() for f in cols[3].split("|")] if len(cols) > 3 else []
        forms = tuple(f for f in [cols[1].strip(), cols[2].strip(), *extra] if f)
        out.append(Line(number, cols[0].strip(), cols[1].strip(), cols[2].strip(), forms))
    return out


LINES = _lines()
FORMS = [(line, form) for line in LINES for form in line.forms]


def test_the_file_is_well_formed():
    assert len(LINES) > 100
    for line in LINES:
        assert line.type in TYPES, line
        assert line.name_ar and line.name_latin, line
    # name_latin is the entry's id: it must be unique
    ids = [line.name_latin for line in LINES]
    assert len(ids) == len(set(ids))


def test_a_surface_form_belongs_to_at_most_one_line():
    owner: dict[str, Line] = {}
    for line, form in FORMS:
        key = aliases.fold(form)
        other = owner.setdefault(key, line)
        assert other.name_latin == line.name_latin, (form, other.number, line.number)


def test_every_form_of_every_line_looks_up_its_line():
    for line, form in FORMS:
        found = aliases.lookup(form)
        assert found is not None, (line.number, form)
        assert (found.id, found.type, found.name_ar, found.name_latin) == (
            line.name_latin, line.type, line.name_ar, line.name_latin), (line.number, form)


# Forms whose first word starts with a letter that looks like a proclitic: with clitics on (as
# the resolver looks aliases up) the letter must stay, or the alias is lost.
CLITIC_VICTIMS = {"كردستان العراق", "كتائب حزب الله", "كتائب عز الدين القسام", "كتائب القسام",
                  "وكالة الأمم المتحدة لإغاثة وتشغيل اللاجئين الفلسطينيين في الشرق الأدنى",
                  "بنيامين نتنياهو", "بنيامين نتانياهو"}


def test_every_form_looks_up_its_line_with_clitics_on():
    for line, form in FORMS:
        if form in CLITIC_VICTIMS:
            continue
        found = aliases.lookup(form, clitics=True)
        assert found is not None and found.id == line.name_latin, (line.number, form)


@pytest.mark.parametrize("form", sorted(CLITIC_VICTIMS))
def test_alias_forms_starting_with_a_clitic_letter(form):
    assert aliases.lookup(form, clitics=True) is not None


@pytest.mark.parametrize("forms, entity_id, type_", [
    (["قسد", "SDF", "قوات سوريا الديمقراطية", "قوات سورية الديمقراطية", "sdf"],
     "Syrian Democratic Forces", "ORG"),
    (["داعش", "ISIS", "ISIL", "Daesh", "الدولة الإسلامية", "تنظيم الدولة"], "Islamic State", "ORG"),
    (["حزب الله", "Hezbollah", "Hizbullah"], "Hezbollah", "ORG"),
    (["الأمم المتحدة", "UN", "U.N.", "الامم المتحده"], "United Nations", "ORG"),
    (["سوريا", "سورية", "Syria"], "Syria", "LOC"),
])
def test_lookup_across_scripts(forms, entity_id, type_):
    found = {aliases.lookup(f) for f in forms}
    assert len(found) == 1
    (entry,) = found
    assert entry is not None and entry.id == entity_id and entry.type == type_
    for a, b in combinations(forms, 2):
        assert MATCH.same(a, b, type_), (a, b)


def test_glued_clitics_come_off_only_when_asked():
    assert aliases.lookup("وقسد") is None
    assert aliases.lookup("وقسد", clitics=True).id == "Syrian Democratic Forces"
    assert aliases.lookup("لداعش", clitics=True).id == "Islamic State"
    assert aliases.fold("وقسد", clitics=True) == aliases.fold("قسد")


def test_fold():
    assert aliases.fold("SDF") == "sdf"
    assert aliases.fold("Hamid al-Shatri") == "hamid shatri"
    assert aliases.fold("الشيخ عبد الله الأحمد") == "عبدالله الاحمد"
    assert aliases.fold("") == ""


@pytest.mark.parametrize("name", ["حميد الشطري", "Hamid al-Shatri", "الشطري", "", "!!!", "123"])
def test_unknown_names_have_no_alias(name):
    assert aliases.lookup(name) is None
    assert aliases.lookup(name, clitics=True) is None


def test_two_different_entries_never_match():
    by_type: dict[str, list[Line]] = {}
    for line in LINES:
        by_type.setdefault(line.type, []).append(line)
    for group in by_type.values():
        for x, y in combinations(group, 2):
            assert not MATCH.same(x.name_ar, y.name_ar, x.type), (x.number, y.number)
            assert not MATCH.same(x.name_latin, y.name_latin, x.type), (x.number, y.number)
            assert not MATCH.same(x.name_ar, y.name_latin, x.type), (x.number, y.number)


@pytest.mark.parametrize("a, b, type_", [
    ("قسد", "مسد", "ORG"),                           # one letter apart, two entries
    ("SDF", "مجلس سوريا الديمقراطية", "ORG"),
    ("حزب الله", "Kataib Hezbollah", "ORG"),
    ("داعش", "Hezbollah", "ORG"),
    ("Syria", "Iraq", "LOC"),
])
def test_named_pairs_of_different_entries(a, b, type_):
    assert aliases.lookup(a) != aliases.lookup(b)
    assert not MATCH.same(a, b, type_)
    assert not MATCH.same(b, a, type_)


def test_an_alias_entry_can_say_no_against_a_lookalike():
    # Both names are on the file, on different lines: the file decides, not the letters.
    assert aliases.lookup("قسد") is not None and aliases.lookup("مسد") is not None
    assert not MATCH.same("وقسد", "مسد", "ORG")
