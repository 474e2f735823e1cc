"""lexicon: hand-written triggers, the built name lists, and the shipped file format."""
from __future__ import annotations

import gzip
import time
from collections import defaultdict

import pytest

from rasid.extract.entities import lexicon as lx
from rasid.text.tokens import match_key


def test_save_load_round_trip(tmp_path):
    lex = {
        match_key("دمشق"): {"city_big_arab"},
        match_key("محمد"): {"given_common", "surname_common", "city_part"},
        match_key("الرئيس"): {"per_title"},
        "amman": {"city"},
    }
    path = tmp_path / "lex.tsv.gz"
    lx.save_lexicon(lex, path)
    loaded = lx.load_lexicon(path)
    assert set(loaded) == set(lex)
    for key, classes in lex.items():
        assert loaded[key] == tuple(sorted(classes))  # sorted, as tuples
    # gzip text, one key per line, sorted: the file is deterministic
    lines = gzip.open(path, "rt", encoding="utf-8").read().splitlines()
    assert lines == sorted(lines) and len(lines) == len(lex)
    lx.save_lexicon(dict(reversed(list(lex.items()))), tmp_path / "again.tsv.gz")
    assert lx.load_lexicon(tmp_path / "again.tsv.gz") == loaded


def test_empty_lexicon_round_trip(tmp_path):
    path = tmp_path / "empty.tsv.gz"
    lx.save_lexicon({}, path)
    assert lx.load_lexicon(path) == {}


def test_triggers_by_match_key():
    t = lx.triggers()
    assert "per_title" in t[match_key("الرئيس")]
    assert match_key("الرئيس") == match_key("والرئيس") == match_key("رئيس")
    assert "per_title" in t[match_key("وزير")]
    assert "report" in t[match_key("قال")]
    assert "org_head" in t[match_key("وزارة")]
    # keys are folded: no raw hamza seat or ta marbuta survives
    assert all(k == match_key(k) for k in t)


def test_add_marks_parts_of_multiword_names():
    lex: dict[str, set[str]] = defaultdict(set)
    lx._add(lex, "دير الزور", "city")
    lx._add(lex, "حلب", "city")
    assert lex[match_key("حلب")] == {"city"}
    assert lex[match_key("دير")] == {"city_part"}
    assert lex[match_key("الزور")] == {"city_part"}


@pytest.fixture(scope="module")
def built():
    started = time.perf_counter()
    lex = lx.build_lexicon()
    return lex, time.perf_counter() - started


def test_build_lexicon_classes(built):
    lex, seconds = built
    assert seconds < 5  # measured ~1 s; it runs at training time only
    assert any(c.startswith("city") for c in lex[match_key("دمشق")])
    assert "given_common" in lex[match_key("محمد")]
    assert "country" in lex[match_key("العراق")]
    assert "per_title" in lex[match_key("الرئيس")]  # triggers are merged in
    assert "report" in lex[match_key("أضاف")]


def test_build_lexicon_round_trips_through_the_file(built, tmp_path):
    lex, _ = built
    lx.save_lexicon(lex, tmp_path / "lex.tsv.gz")
    loaded = lx.load_lexicon(tmp_path / "lex.tsv.gz")
    assert len(loaded) == len([k for k in lex if lex[k]])
    assert loaded[match_key("دمشق")] == tuple(sorted(lex[match_key("دمشق")]))
