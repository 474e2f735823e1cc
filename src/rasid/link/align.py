"""Sentence-level alignment between two articles, in order.

Units are clauses rather than whole sentences: Arabic news sentences often run to
sixty words with four facts joined by commas, and a rewrite splits or merges them.
Each long sentence is cut at clause marks (، ؛ :) and before a reporting verb that
opens a new attribution, then short pieces are merged back so no unit is under
MIN_WORDS words.

The alignment is the best monotone path through the similarity matrix (each unit
used once, order kept): a copy or translation keeps the source's order, while two
independent reports that share one quoted statement align in one place only. How
far the path spreads over each article (`spread`) is what tells them apart.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from rasid.model import Article, Span

MAX_WORDS = 22
MIN_WORDS = 5
MAX_UNITS = 40           # the lead and body carry the evidence; bounds cost on very long texts
SPREAD_BINS = 5

_CLAUSE = re.compile(r"(?<=[،؛:,;])\s+|\s+(?=و(?:قال|أضاف|أكد|أوضح|لفت|اعتبر|أشار|كشف|تابع)\b)")


@dataclass(frozen=True, slots=True)
class Alignment:
    pairs: tuple[tuple[int, int, float], ...]   # (unit in a, unit in b, similarity), in order
    units_a: int
    units_b: int

    @property
    def mean_similarity(self) -> float:
        return float(np.mean([s for _, _, s in self.pairs])) if self.pairs else 0.0

    def coverage(self, side: str) -> float:
        n = self.units_a if side == "a" else self.units_b
        return len(self.pairs) / n if n else 0.0

    def spread(self, side: str, bins: int = SPREAD_BINS) -> float:
        """Share of the article's equal parts (fifths, or fewer for short texts) that hold an
        aligned unit: 1.0 when the alignment runs from its beginning to its end."""
        n = self.units_a if side == "a" else self.units_b
        if not n or not self.pairs:
            return 0.0
        bins = min(bins, n)
        hit = {min(bins - 1, (p[0] if side == "a" else p[1]) * bins // n) for p in self.pairs}
        return len(hit) / bins


def units(article: Article) -> list[Span]:
    """Clause-sized spans of the body text, in order; pieces under MIN_WORDS words join
    the unit before them (or the next, at the start)."""
    text = article.text
    sentences = article.sentences or (Span(0, len(text)),)
    pieces: list[Span] = []
    for s in sentences:
        pieces += _split(text, s) if len(text[s.start:s.end].split()) > MAX_WORDS else [s]
    out: list[Span] = []
    pending: Span | None = None
    for p in pieces:
        if pending is not None:
            p, pending = Span(pending.start, p.end), None
        if len(text[p.start:p.end].split()) >= MIN_WORDS:
            out.append(p)
        elif out:
            out[-1] = Span(out[-1].start, p.end)
        else:
            pending = p
    if pending is not None and text[pending.start:pending.end].strip():
        out.append(pending)
    return out[:MAX_UNITS]


def _split(text: str, s: Span) -> list[Span]:
    pieces: list[Span] = []
    start = s.start
    for m in _CLAUSE.finditer(text, s.start, s.end):
        pieces.append(Span(start, m.start()))
        start = m.end()
    pieces.append(Span(start, s.end))
    # merge forward until each piece has MIN_WORDS words (the last one merges backward)
    merged: list[Span] = []
    for p in pieces:
        if merged and len(text[merged[-1].start:merged[-1].end].split()) < MIN_WORDS:
            merged[-1] = Span(merged[-1].start, p.end)
        else:
            merged.append(p)
    if len(merged) > 1 and len(text[merged[-1].start:merged[-1].end].split()) < MIN_WORDS:
        last = merged.pop()
        merged[-1] = Span(merged[-1].start, last.end)
    return merged


def monotone_path(sims: np.ndarray, threshold: float) -> Alignment:
    """Best order-keeping one-to-one alignment: maximise the sum of (similarity - threshold)
    over pairs above the threshold (a weighted longest common subsequence)."""
    n, m = sims.shape
    if not n or not m:
        return Alignment((), n, m)
    gain = sims - threshold
    score = np.zeros((n + 1, m + 1))
    for i in range(1, n + 1):
        row_gain = gain[i - 1]
        prev, cur = score[i - 1], score[i]
        diag = prev[:-1] + np.where(row_gain > 0, row_gain, -np.inf)
        # cur[j] = max(prev[j], cur[j-1], diag[j-1]): the left-to-right max needs a scan
        best = np.maximum(prev[1:], diag)
        cur[1:] = np.maximum.accumulate(best)
    pairs = []
    i, j = n, m
    while i > 0 and j > 0:
        if score[i, j] == score[i - 1, j]:
            i -= 1
        elif score[i, j] == score[i, j - 1]:
            j -= 1
        else:
            pairs.append((i - 1, j - 1, float(sims[i - 1, j - 1])))
            i, j = i - 1, j - 1
    return Alignment(tuple(reversed(pairs)), n, m)
