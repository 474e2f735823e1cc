"""B-cubed precision/recall/F1 and the adjusted Rand index for a clustering against gold labels."""
from __future__ import annotations

from collections import Counter
from math import comb


def bcubed(gold: dict[str, str], pred: dict[str, str]) -> tuple[float, float, float]:
    items = [i for i in gold if i in pred]
    by_gold, by_pred = Counter(gold[i] for i in items), Counter(pred[i] for i in items)
    both = Counter((gold[i], pred[i]) for i in items)
    p = sum(both[(gold[i], pred[i])] / by_pred[pred[i]] for i in items) / len(items)
    r = sum(both[(gold[i], pred[i])] / by_gold[gold[i]] for i in items) / len(items)
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def adjusted_rand(gold: dict[str, str], pred: dict[str, str]) -> float:
    items = [i for i in gold if i in pred]
    n = len(items)
    both = Counter((gold[i], pred[i]) for i in items)
    a = Counter(gold[i] for i in items)
    b = Counter(pred[i] for i in items)
    index = sum(comb(v, 2) for v in both.values())
    sa, sb = sum(comb(v, 2) for v in a.values()), sum(comb(v, 2) for v in b.values())
    expected = sa * sb / comb(n, 2) if n > 1 else 0.0
    maximum = (sa + sb) / 2
    return (index - expected) / (maximum - expected) if maximum != expected else 1.0
