"""Clause units and the in-order (monotone) alignment between two articles."""
from __future__ import annotations

import itertools

import numpy as np
import pytest

from rasid.link.align import (MAX_UNITS, MAX_WORDS, MIN_WORDS, Alignment, monotone_path, units)
from rasid.model import Article, Span

# one 60-word sentence: six facts joined by commas, two of them opened by a reporting verb
LONG = ("عقد مجلس الوزراء جلسته الأسبوعية في القصر الحكومي برئاسة رئيس الحكومة، وناقش خلالها "
        "مشروع قانون الموازنة العامة للعام المقبل، وأقر زيادة رواتب المعلمين بنسبة عشرة في المئة، "
        "ووافق على تمويل إنشاء ثلاثة مستشفيات في المحافظات الجنوبية، وقال وزير المالية إن العجز "
        "سينخفض إلى أربعة في المئة من الناتج المحلي، وأضاف أن الحكومة ستطرح سندات جديدة في الربع "
        "الثاني من العام.")
SHORT = "وأكد الوزير أن القرار نهائي."


def _words(text: str, s: Span) -> int:
    return len(s.of(text).split())


# -- monotone_path ---------------------------------------------------------------------------

def _best_gain(sims: np.ndarray, threshold: float) -> float:
    """Brute force: the best total (sim - threshold) over order-keeping one-to-one matchings of
    pairs above the threshold."""
    n, m = sims.shape
    best = 0.0
    cells = [(i, j) for i in range(n) for j in range(m) if sims[i, j] > threshold]
    for k in range(1, min(n, m) + 1):
        for combo in itertools.combinations(cells, k):
            if all(a[0] < b[0] and a[1] < b[1] for a, b in zip(combo, combo[1:])):
                best = max(best, sum(sims[i, j] - threshold for i, j in combo))
    return best


def test_diagonal_is_aligned_in_order():
    sims = np.full((4, 4), 0.1) + np.eye(4) * 0.8
    al = monotone_path(sims, 0.5)
    assert [(i, j) for i, j, _ in al.pairs] == [(0, 0), (1, 1), (2, 2), (3, 3)]
    assert al.pairs[0][2] == pytest.approx(0.9)
    assert (al.units_a, al.units_b) == (4, 4)


def test_crossing_pairs_keep_only_the_better_one():
    sims = np.array([[0.1, 0.9], [0.8, 0.1]])
    assert monotone_path(sims, 0.5).pairs == ((0, 1, 0.9),)
    assert monotone_path(sims.T, 0.5).pairs == ((1, 0, 0.9),)


def test_order_keeping_path_beats_a_greedy_best_pair():
    sims = np.array([[0.8, 0.0, 0.95],
                     [0.0, 0.8, 0.0],
                     [0.0, 0.0, 0.8]])
    al = monotone_path(sims, 0.5)
    assert [(i, j) for i, j, _ in al.pairs] == [(0, 0), (1, 1), (2, 2)]


def test_a_unit_is_never_used_twice():
    sims = np.zeros((3, 5))
    sims[1, :] = 0.9                 # one clause of a resembles every clause of b
    al = monotone_path(sims, 0.5)
    assert len(al.pairs) == 1 and al.pairs[0][0] == 1
    al = monotone_path(sims.T, 0.5)
    assert len(al.pairs) == 1 and al.pairs[0][1] == 1


def test_pairs_at_or_below_the_threshold_are_skipped():
    sims = np.full((3, 3), 0.4)
    sims[2, 2] = 0.5
    al = monotone_path(sims, 0.5)
    assert al.pairs == () and (al.units_a, al.units_b) == (3, 3)
    assert monotone_path(sims, 0.3).pairs != ()
    assert len(monotone_path(sims, 0.3).pairs) == 3


@pytest.mark.parametrize("shape", [(0, 0), (0, 3), (4, 0)])
def test_empty_matrices_give_an_empty_alignment(shape):
    al = monotone_path(np.zeros(shape), 0.5)
    assert al.pairs == () and (al.units_a, al.units_b) == shape
    assert al.mean_similarity == 0.0 and al.spread("a") == 0.0 and al.coverage("b") == 0.0


@pytest.mark.parametrize("seed", range(25))
def test_path_is_optimal_and_valid_on_random_matrices(seed):
    rng = np.random.default_rng(seed)
    n, m = rng.integers(1, 5, size=2)
    sims = rng.uniform(0.0, 1.0, size=(n, m)).round(2)
    al = monotone_path(sims, 0.5)
    idx = [(i, j) for i, j, _ in al.pairs]
    assert all(a[0] < b[0] and a[1] < b[1] for a, b in zip(idx, idx[1:]))   # in order, one-to-one
    assert all(s == sims[i, j] and s > 0.5 for i, j, s in al.pairs)
    assert sum(s - 0.5 for _, _, s in al.pairs) == pytest.approx(_best_gain(sims, 0.5))


# -- Alignment measures ------------------------------------------------------------------------

def test_coverage_and_mean_similarity():
    al = Alignment(((0, 0, 0.9), (1, 3, 0.7)), units_a=2, units_b=8)
    assert al.coverage("a") == 1.0 and al.coverage("b") == 0.25
    assert al.mean_similarity == pytest.approx(0.8)


def test_spread_counts_the_fifths_holding_an_aligned_unit():
    al = Alignment(((0, 0, 0.9), (9, 9, 0.9)), units_a=10, units_b=10)
    assert al.spread("a") == al.spread("b") == pytest.approx(2 / 5)    # first and last fifth
    bunched = Alignment(((0, 0, 0.9), (1, 1, 0.9)), units_a=10, units_b=10)
    assert bunched.spread("a") == pytest.approx(1 / 5)                 # both in the first fifth
    whole = Alignment(tuple((i, 2 * i, 0.8) for i in range(10)), units_a=10, units_b=20)
    assert whole.spread("a") == 1.0 and whole.spread("b") == 1.0
    assert whole.coverage("b") == 0.5


def test_spread_of_a_short_text_uses_fewer_parts():
    al = Alignment(((0, 0, 0.9), (1, 4, 0.9), (2, 9, 0.9)), units_a=3, units_b=10)
    assert al.spread("a") == 1.0                                  # 3 units: thirds, all hit
    assert al.spread("b") == pytest.approx(3 / 5)                 # units 0, 4, 9 -> fifths 0, 2, 4
    assert Alignment(((0, 0, 0.9),), 1, 1).spread("a") == 1.0


# -- units -------------------------------------------------------------------------------------

def test_a_long_comma_joined_sentence_is_split_into_clauses(article):
    a = article(LONG + "\n\n" + SHORT)
    assert len(LONG.split()) > MAX_WORDS
    us = units(a)
    long_units = [u for u in us if u.end <= len(LONG)]
    assert len(long_units) >= 4
    assert all(_words(a.text, u) >= MIN_WORDS for u in us)
    assert all(0 <= u.start < u.end <= len(a.text) for u in us)
    assert all(x.end <= y.start for x, y in zip(us, us[1:]))               # in order, disjoint
    # together the clauses cover the sentence: only the spaces between them are left out
    covered = "".join(u.of(a.text) for u in long_units)
    assert covered.replace(" ", "") == LONG.replace(" ", "")
    # a reporting verb opens a new clause
    assert any(u.of(a.text).startswith("وقال وزير المالية") for u in us)


def test_short_sentences_are_kept_whole(article):
    a = article("افتتح المحافظ صباح اليوم جسرا جديدا فوق النهر. وحضر الافتتاح عدد كبير من السكان.")
    assert len(a.sentences) == 2
    assert units(a) == list(a.sentences)


def test_a_short_piece_joins_a_neighbour(article):
    # the second sentence has 3 words (< MIN_WORDS): it joins the unit before it
    a = article("افتتح المحافظ صباح اليوم جسرا جديدا فوق النهر. وانتهى الحفل سريعا. "
                "وقال المحافظ إن جسرا آخر سيفتتح قبل نهاية العام المقبل.")
    assert len(a.sentences) == 3
    us = units(a)
    assert len(us) == 2
    assert us[0] == Span(a.sentences[0].start, a.sentences[1].end)
    assert all(_words(a.text, u) >= MIN_WORDS for u in us)
    # ... and at the start of a text a short piece joins the next one
    b = article("عاجل جدا. افتتح المحافظ صباح اليوم جسرا جديدا فوق النهر الكبير.")
    assert len(b.sentences) == 2
    assert units(b) == [Span(b.sentences[0].start, b.sentences[1].end)]


def test_a_text_shorter_than_a_unit_is_one_unit():
    text = "خبر قصير"
    a = Article(id="x", source_id="x", source="x", line=None, format="txt", text=text)
    assert units(a) == [Span(0, len(text))]


def test_units_are_capped(article):
    text = "\n\n".join(f"افتتح المحافظ في اليوم رقم {i} مشروعا جديدا للمياه في القرية." for i in range(200))
    assert len(units(article(text))) == MAX_UNITS
