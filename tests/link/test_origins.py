"""Independent origins: derivation chains and same-outlet articles collapse into one origin."""
from __future__ import annotations

import random

from rasid.link.origins import independent_origins, origin_groups, roots
from rasid.model import Derivation


def _d(source: str, derived: str, directed: bool = True, kind: str = "copy") -> Derivation:
    return Derivation(source, derived, kind, 0.9, directed)


def test_no_links_means_every_article_is_an_origin():
    assert origin_groups(["c", "a", "b"], []) == [["a"], ["b"], ["c"]]
    assert independent_origins(["a", "b", "c"], []) == 3
    assert independent_origins([], []) == 0


def test_a_chain_collapses_into_one_origin():
    links = [_d("a", "b"), _d("b", "c")]               # a <- b <- c
    assert origin_groups(["a", "b", "c", "x"], links) == [["a", "b", "c"], ["x"]]
    assert independent_origins(["a", "b", "c", "x"], links) == 2


def test_links_in_any_order_and_direction_give_the_same_groups():
    links = [_d("e", "d"), _d("a", "b"), _d("c", "b", kind="rewrite"), _d("d", "c", kind="translation")]
    ids = ["a", "b", "c", "d", "e", "f"]
    expected = [["a", "b", "c", "d", "e"], ["f"]]
    for seed in range(5):
        shuffled = links[:]
        random.Random(seed).shuffle(shuffled)
        assert origin_groups(reversed(ids), shuffled) == expected


def test_undirected_links_count():
    assert independent_origins(["a", "b", "c"], [_d("a", "b", directed=False)]) == 2


def test_articles_of_one_outlet_are_one_origin():
    outlets = {"a": "صحيفة الأفق", "b": "صحيفة الأفق", "c": "موقع النهار", "d": None}
    assert origin_groups(["a", "b", "c", "d"], [], outlets) == [["a", "b"], ["c"], ["d"]]
    # an outlet joins groups that derivations made: a=b (outlet), b<-c (copy) -> one origin
    assert independent_origins(["a", "b", "c", "d"], [_d("b", "c")], outlets) == 2
    # articles without an outlet never merge on that account
    assert independent_origins(["x", "y"], [], {"x": None, "y": ""}) == 2


def test_links_to_articles_outside_the_set_are_ignored():
    links = [_d("a", "zz"), _d("zz", "b")]             # a and b meet only through zz
    assert origin_groups(["a", "b"], links) == [["a"], ["b"]]
    assert origin_groups(["a", "b", "zz"], links) == [["a", "b", "zz"]]


def test_duplicate_ids_count_once():
    assert independent_origins(["a", "a", "b"], []) == 2


def test_roots_are_the_articles_that_derive_from_nothing_in_the_set():
    links = [_d("a", "b"), _d("b", "c"), _d("x", "y", directed=False)]
    assert roots(["a", "b", "c", "x", "y", "z"], links) == ["a", "x", "y", "z"]
    # a source outside the set: its derived article is the original as far as the set knows
    assert roots(["b", "c"], links) == ["b"]
    assert roots([], links) == []
