"""Which of two derived articles is the source?

Each kind of evidence casts a weighted vote (positive: `a` is the source):
- publication time: the earlier one (a date without a time decides only across days);
- citation: a text that names the other's outlet («نقلاً عن …», «لـ"…"», "according to …",
  «مصادر تحدثت إلى …»; link/credit.py) took from it;
- machine-translation traces (a space before the Arabic comma, Latin acronyms in an
  Arabic text, calques listed in resources/mt_traces.txt): the text that has them is
  the translation;
- specificity: within the passages that align, the original keeps figures the copy loses
  (background a republisher adds elsewhere does not count).
A pair whose votes do not reach DECISIVE stays undirected: "unknown" is an answer.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from rasid.link.compare import numbers, text_keys
from rasid.link.credit import credits, relayed_from
from rasid.model import Article, Span
from rasid.resources import read_lines
from rasid.text.tokens import match_text

DECISIVE = 1.5
W_PUBLISHED, W_CITES, W_MT, W_SPECIFIC = 2.0, 2.0, 1.5, 1.0


@dataclass(frozen=True, slots=True)
class Direction:
    source: str | None     # article id of the source, None when unknown
    votes: float           # signed: positive favours the first article given
    basis: tuple[str, ...]


@lru_cache(maxsize=1)
def _calques() -> tuple[str, ...]:
    return tuple(match_text(line) for line in read_lines("mt_traces.txt"))


_SPACE_COMMA = re.compile(r"\S \u060c")             # "word ،": MT output spaces Arabic commas
_LATIN_ACRONYM = re.compile(r"\b[A-Z]{2,6}\b")


def mt_traces(article: Article) -> float:
    """Traces of machine translation per 100 words of an Arabic text (0 for other languages)."""
    if article.lang != "ar":
        return 0.0
    words = max(1, len(article.text.split()))
    keys = f" {' '.join(text_keys(article.id, article.text))} "
    hits = len(_SPACE_COMMA.findall(article.text)) + len(_LATIN_ACRONYM.findall(article.text))
    hits += sum(keys.count(f" {c} ") for c in _calques() if c)
    return 100.0 * hits / words


def direction(a: Article, b: Article, aligned: Sequence[tuple[Span, Span]] | None = None) -> Direction:
    """`aligned`: matching (span in a, span in b) passages; without it whole texts are compared."""
    votes, basis = 0.0, []

    if a.published and b.published:
        if a.published != b.published:
            w = W_PUBLISHED / 2 if (a.published_inferred or b.published_inferred) else W_PUBLISHED
            votes += w if a.published < b.published else -w
            basis.append("published")
        elif a.published_at and b.published_at and len(a.published_at) > 10 and len(b.published_at) > 10 \
                and a.published_at[:16] != b.published_at[:16]:
            votes += W_PUBLISHED if a.published_at < b.published_at else -W_PUBLISHED
            basis.append("published")

    a_cites_b, b_cites_a = credits(a, b.outlet), credits(b, a.outlet)
    if a_cites_b == b_cites_a:   # both trace to a third outlet: the one that is its report is the source
        source = relayed_from(a, b)
        a_cites_b, b_cites_a = source == b.id, source == a.id
    if a_cites_b != b_cites_a:
        votes += W_CITES if b_cites_a else -W_CITES
        basis.append("cites")

    mt_a, mt_b = mt_traces(a), mt_traces(b)
    if abs(mt_a - mt_b) >= 1.0:   # at least one trace per hundred words more
        votes += W_MT if mt_b > mt_a else -W_MT
        basis.append("mt-traces")

    if aligned:
        na = set().union(*(numbers(x.of(a.text)) for x, _ in aligned))
        nb = set().union(*(numbers(y.of(b.text)) for _, y in aligned))
    else:
        na, nb = numbers(a.text), numbers(b.text)
    only_a, only_b = len(na - nb), len(nb - na)
    if abs(only_a - only_b) >= 2:
        votes += W_SPECIFIC if only_a > only_b else -W_SPECIFIC
        basis.append("specificity")

    if abs(votes) < DECISIVE:
        return Direction(None, votes, tuple(basis))
    return Direction(a.id if votes > 0 else b.id, votes, tuple(basis))
