"""The entity-resolution evaluation data (eval/entities/constructed_pairs.tsv), the reviewed
alias file (resources/entity_aliases.tsv) and the harness's metric."""
from __future__ import annotations

import importlib.util
import re
import sys
from collections import Counter
from pathlib import Path

import pytest

from rasid.resources import resource_path
from rasid.text.normalize import Norm, normalize

ROOT = Path(__file__).resolve().parents[2]
HARNESS = ROOT / "eval" / "entities" / "evaluate.py"
PAIRS = ROOT / "eval" / "entities" / "constructed_pairs.tsv"
ALIASES = resource_path("entity_aliases.tsv")
TYPES = {"PER", "ORG", "LOC"}
ALIAS_BACKED = {"alias", "acronym", "kunya", "translation"}   # positives only the alias file can give
ARABIC = re.compile(r"[\u0600-\u06FF]")


@pytest.fixture(scope="module")
def harness():
    spec = importlib.util.spec_from_file_location("entities_evaluate", HARNESS)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module   # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


def alias_key(name: str) -> str:
    """Simple normalisation: rasid's matching folds, then no spaces, hyphens, dots, apostrophes."""
    return re.sub(r"[\s\-.'’ʼ]+", "", normalize(name, Norm.MATCH))


# -- constructed pairs -------------------------------------------------------------------------

@pytest.fixture(scope="module")
def pair_lines() -> list[str]:
    return PAIRS.read_text(encoding="utf-8").splitlines()


@pytest.fixture(scope="module")
def pairs(pair_lines) -> list[list[str]]:
    return [line.split("\t") for line in pair_lines[1:]]


def test_constructed_header(pair_lines):
    assert pair_lines[0].split("\t") == ["name_a", "name_b", "type", "same", "why"]


def test_constructed_rows_are_well_formed(pairs):
    for n, row in enumerate(pairs, 2):
        assert len(row) == 5, (n, row)
        a, b, type_, same, why = row
        assert a and b and a == a.strip() and b == b.strip(), (n, row)
        assert "  " not in a and "  " not in b, (n, row)
        assert a != b, (n, row)
        assert type_ in TYPES, (n, row)
        assert same in ("0", "1"), (n, row)
        assert re.fullmatch(r"[a-z_]+", why), (n, row)


def test_constructed_has_no_duplicate_pair(pairs):
    ordered = Counter((r[0], r[1]) for r in pairs)
    assert not [k for k, v in ordered.items() if v > 1]
    reversed_too = [(a, b) for a, b in ordered if (b, a) in ordered]
    assert not reversed_too, "a pair is listed in both directions"


def test_constructed_size_and_balance(pairs):
    assert len(pairs) >= 300
    negatives = sum(r[3] == "0" for r in pairs)
    assert negatives / len(pairs) >= 0.40
    assert (len(pairs) - negatives) / len(pairs) >= 0.40


def test_surname_only_rows_are_person_positives(pairs):
    rows = [r for r in pairs if r[4] == "surname_only"]
    assert rows, "the context-dependent category is reported separately and must exist"
    assert all(r[2] == "PER" and r[3] == "1" for r in rows)


def test_constructed_labels_do_not_contradict_each_other(pairs):
    """Positives are an equivalence: if a~b and b~c are labelled same, a~c may not be labelled
    different (surname-only positives are left out: a bare family name is not an entity)."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x
    for a, b, _, same, why in pairs:
        if same == "1" and why != "surname_only":
            parent[find(a)] = find(b)
    clashes = [(a, b) for a, b, _, same, _ in pairs if same == "0" and find(a) == find(b)]
    assert not clashes


# -- alias file --------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def alias_lines() -> list[str]:
    return ALIASES.read_text(encoding="utf-8").splitlines()


@pytest.fixture(scope="module")
def entities(alias_lines) -> list[list[str]]:
    return [line.split("\t") for line in alias_lines if line.strip() and not line.startswith("#")]


def test_alias_file_header_says_it_was_written_by_hand(alias_lines):
    header = " ".join(line for line in alias_lines[:20] if line.startswith("#"))
    assert "by hand" in header
    assert "type\tname_ar\tname_latin\taliases" in "\n".join(alias_lines)


def test_every_alias_line_parses(entities):
    assert 80 <= len(entities) <= 160
    for row in entities:
        assert len(row) == 4, row
        type_, name_ar, name_latin, aliases = row
        assert type_ in TYPES, row
        assert name_ar and ARABIC.search(name_ar), row
        assert name_latin and not ARABIC.search(name_latin), row
        forms = [name_ar, name_latin] + (aliases.split("|") if aliases else [])
        assert all(f and f == f.strip() for f in forms), row


def test_no_alias_names_two_entities(entities):
    owner: dict[str, str] = {}
    clashes = []
    for type_, name_ar, name_latin, aliases in entities:
        for form in [name_ar, name_latin] + (aliases.split("|") if aliases else []):
            key = alias_key(form)
            if owner.setdefault(key, name_latin) != name_latin:
                clashes.append((form, owner[key], name_latin))
    assert not clashes


def test_latin_names_are_unique(entities):
    names = Counter(alias_key(r[2]) for r in entities)
    assert not [k for k, v in names.items() if v > 1]


def test_alias_backed_pairs_agree_with_the_alias_file(pairs, entities):
    """Alias, acronym, kunya and translation positives are on one alias line; no negative
    has both names on one line."""
    entity_of = {}
    for _, name_ar, name_latin, aliases in entities:
        for form in [name_ar, name_latin] + (aliases.split("|") if aliases else []):
            entity_of[alias_key(form)] = name_latin
    missing, contradicted = [], []
    for a, b, _, same, why in pairs:
        ea, eb = entity_of.get(alias_key(a)), entity_of.get(alias_key(b))
        if same == "1" and why in ALIAS_BACKED and (ea is None or ea != eb):
            missing.append((a, b))
        if same == "0" and ea is not None and ea == eb:
            contradicted.append((a, b))
    assert not missing, "alias-backed positives must be listed in entity_aliases.tsv"
    assert not contradicted


# -- the harness -------------------------------------------------------------------------------

def test_score_on_a_hand_example(harness):
    gold = [True, True, True, False, False, False]
    predicted = [True, True, False, True, False, False]
    s = harness.score(gold, predicted)
    assert (s["tp"], s["fp"], s["fn"], s["tn"]) == (2, 1, 1, 2)
    assert s["positives"] == 3 and s["negatives"] == 3 and s["pairs"] == 6
    assert s["precision"] == pytest.approx(2 / 3)
    assert s["recall"] == pytest.approx(2 / 3)
    assert s["f1"] == pytest.approx(2 / 3)
    assert s["accuracy"] == pytest.approx(4 / 6)


def test_score_edge_cases(harness):
    s = harness.score([True, False], [False, False])
    assert s["precision"] is None and s["recall"] == 0.0 and s["f1"] is None
    s = harness.score([False, False], [True, False])
    assert s["precision"] == 0.0 and s["recall"] is None
    s = harness.score([True, True, False], [True, True, True])
    assert s["precision"] == pytest.approx(2 / 3) and s["recall"] == 1.0
    with pytest.raises(ValueError):
        harness.score([True], [True, False])


def test_headline_leaves_out_surname_only(harness):
    pairs = harness.constructed_set()
    context = [p for p in pairs if p.why == "surname_only"]
    assert context and not any(p.headline for p in context)
    predicted = [True] * len(pairs)
    rows = harness.rows_of("constructed", pairs, predicted)
    assert rows["constructed"]["pairs"] == len(pairs) - len(context)
    assert rows["constructed.surname_only"]["pairs"] == len(context)


def test_baselines(harness):
    exact, skel = harness.ExactMatcher(), harness.SkeletonMatcher()
    assert exact.same("أحمد الشرع", "احمد الشرع", "PER")
    assert exact.same("بشـــار الأسد", "بَشّار الأسد", "PER")
    assert not exact.same("حسين", "حسن", "PER")
    assert skel.same("Hamid al-Shatri", "حميد الشطري", "PER")
    assert skel.same("حميد الشطري", "حميد الشاتري", "PER")
    assert not skel.same("حميد الشطري", "حميد الشمري", "PER")
    assert harness.load_matcher("exact").same("سورية", "سوريه")


def test_matcher_from_module_attr(harness):
    m = harness.load_matcher("entities_evaluate:SkeletonMatcher")
    assert m.same("Raqqa", "الرقة", "LOC")
    with pytest.raises(ValueError):
        harness.load_matcher("no-colon")
