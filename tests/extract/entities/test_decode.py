"""decode: batched Viterbi and forward-backward against brute force over every path."""
from __future__ import annotations

import itertools

import numpy as np
import pytest

from rasid.extract.entities.decode import marginals, viterbi


def _paths(emissions, transitions, n):
    """Every label path of length n with its score (no start or end weights)."""
    L = emissions.shape[1]
    for path in itertools.product(range(L), repeat=n):
        score = sum(emissions[t, path[t]] for t in range(n))
        score += sum(transitions[path[t - 1], path[t]] for t in range(1, n))
        yield path, score


@pytest.mark.parametrize("seed", range(8))
def test_best_paths_and_marginals_equal_brute_force(seed):
    rng = np.random.default_rng(seed)
    L = 3
    lengths = rng.integers(1, 6, size=5)
    T = int(lengths.max()) + 2            # padding beyond the longest, too
    em = rng.normal(size=(len(lengths), T, L)) * 2
    trans = rng.normal(size=(L, L)) * 2
    best = viterbi(em, lengths, trans)
    probs = marginals(em, lengths, trans)
    for b, n in enumerate(lengths):
        scored = list(_paths(em[b], trans, int(n)))
        top = max(s for _, s in scored)
        assert tuple(best[b, :n]) in {p for p, s in scored if np.isclose(s, top)}
        z = np.logaddexp.reduce([s for _, s in scored])
        for t in range(n):
            for y in range(L):
                want = np.exp(np.logaddexp.reduce([s for p, s in scored if p[t] == y]) - z)
                assert probs[b, t, y] == pytest.approx(want, abs=1e-12)
        assert not probs[b, n:].any()


def test_ties_go_to_the_first_label_as_in_crfsuite():
    em = np.zeros((1, 3, 4))
    assert viterbi(em, np.array([3]), np.zeros((4, 4))).tolist() == [[0, 0, 0]]


def test_extreme_scores_stay_finite():
    em = np.array([[[800.0, -800.0], [-900.0, 900.0]]])
    trans = np.array([[0.0, 700.0], [-700.0, 0.0]])
    probs = marginals(em, np.array([2]), trans)
    assert np.isfinite(probs).all()
    assert probs[0, 1].tolist() == pytest.approx([0.0, 1.0])
    assert viterbi(em, np.array([2]), trans).tolist() == [[0, 1]]


def test_empty_batches_and_empty_sequences():
    trans = np.zeros((2, 2))
    assert viterbi(np.zeros((0, 0, 2)), np.array([], dtype=np.int64), trans).shape == (0, 0)
    assert marginals(np.zeros((0, 0, 2)), np.array([], dtype=np.int64), trans).shape == (0, 0, 2)
    em = np.zeros((2, 3, 2))
    em[1, :3] = [[0, 1], [1, 0], [0, 1]]
    lengths = np.array([0, 3])
    assert viterbi(em, lengths, trans)[1].tolist() == [1, 0, 1]
    assert not marginals(em, lengths, trans)[0].any()
