"""Clustering metrics of eval/stories: B-cubed precision/recall/F1 and the adjusted Rand index,
checked against small examples computed by hand."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

METRICS = Path(__file__).resolve().parents[2] / "eval" / "stories" / "metrics.py"


def _load():
    spec = importlib.util.spec_from_file_location("story_metrics_eval", METRICS)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


m = _load()
GOLD = {"a": "fire", "b": "fire", "c": "final", "d": "final"}   # two events of two reports


def test_a_perfect_clustering_scores_one_whatever_its_labels():
    pred = {"a": "s9", "b": "s9", "c": "s1", "d": "s1"}
    assert m.bcubed(GOLD, pred) == (1.0, 1.0, 1.0)
    assert m.adjusted_rand(GOLD, pred) == 1.0


def test_all_in_one_story():
    # precision: each item shares its predicted cluster of 4 with 2 of its event -> 1/2; recall 1
    p, r, f = m.bcubed(GOLD, dict.fromkeys(GOLD, "one"))
    assert (p, r) == (0.5, 1.0) and f == pytest.approx(2 / 3)
    # pairs together in both: 2; gold pairs 2, predicted pairs 6, expected 2*6/6 = 2, max (2+6)/2 = 4
    assert m.adjusted_rand(GOLD, dict.fromkeys(GOLD, "one")) == pytest.approx(0.0)


def test_all_singletons():
    pred = {k: k for k in GOLD}
    p, r, f = m.bcubed(GOLD, pred)
    assert (p, r) == (1.0, 0.5) and f == pytest.approx(2 / 3)
    # index 0, gold pairs 2, predicted pairs 0: expected 0, max 1
    assert m.adjusted_rand(GOLD, pred) == pytest.approx(0.0)


def test_a_split_event():
    gold = {"a": "X", "b": "X", "c": "X", "d": "Y", "e": "Y"}
    pred = {"a": "1", "b": "1", "c": "2", "d": "3", "e": "3"}
    p, r, f = m.bcubed(gold, pred)
    assert p == 1.0                                            # every predicted story is pure
    assert r == pytest.approx((2 / 3 + 2 / 3 + 1 / 3 + 1 + 1) / 5)   # = 11/15
    assert f == pytest.approx(11 / 13)
    # index 1 + 1 = 2; gold pairs 3 + 1 = 4; predicted pairs 1 + 1 = 2; expected 4*2/10 = 0.8; max 3
    assert m.adjusted_rand(gold, pred) == pytest.approx((2 - 0.8) / (3 - 0.8))
    assert m.adjusted_rand(pred, gold) == pytest.approx(m.adjusted_rand(gold, pred))   # symmetric


def test_a_merged_pair_of_events():
    gold = {"a": "X", "b": "X", "c": "Y", "d": "Z"}
    pred = {"a": "1", "b": "1", "c": "2", "d": "2"}
    p, r, f = m.bcubed(gold, pred)
    assert (p, r) == (0.75, 1.0) and f == pytest.approx(6 / 7)
    # index 1; gold pairs 1; predicted pairs 2; expected 1*2/6 = 1/3; max 1.5
    assert m.adjusted_rand(gold, pred) == pytest.approx((1 - 1 / 3) / (1.5 - 1 / 3))


def test_only_items_in_both_are_scored():
    pred = {"a": "s", "b": "s", "c": "t", "d": "t", "zz": "s"}
    assert m.bcubed({**GOLD, "missing": "fire"}, pred) == (1.0, 1.0, 1.0)
    assert m.adjusted_rand({**GOLD, "missing": "fire"}, pred) == 1.0


def test_degenerate_agreement_counts_as_perfect():
    assert m.adjusted_rand({"a": "x"}, {"a": "y"}) == 1.0
    assert m.adjusted_rand(dict.fromkeys("abc", "x"), dict.fromkeys("abc", "y")) == 1.0
