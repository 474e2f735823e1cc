"""Which of two derived articles is the source?

Each kind of evidence casts a weighted vote (positive: `a` is the source):
- publication time: the earlier one (a date without a time decides only across days);
- citation: a text that names the other's outlet («نقلاً عن …», «لـ"…"», "according to …")
  took from it;
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

from rasid.link.compare import numbers
from rasid.model import Article, Span
from rasid.resources import read_lines
from rasid.text.tokens import match_text

DECISIVE = 1.5
W_PUBLISHED, W_CITES, W_MT, W_SPECIFIC = 2.0, 2.0, 1.5, 1.0
CITATION_WINDOW = 4   # words between a citation phrase and the outlet's name («نقلاً عن صحيفة …»)
DATELINE_WORDS = 16   # a text's first words, where wires are credited («الرياض 12 شوال … - واس»)
OUTLET_PREFIXES = ("صحيفة", "جريدة", "وكالة", "موقع", "قناة", "مجلة", "the")


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
    keys = f" {' '.join(_words(article.id, article.text))} "
    hits = len(_SPACE_COMMA.findall(article.text)) + len(_LATIN_ACRONYM.findall(article.text))
    hits += sum(keys.count(f" {c} ") for c in _calques() if c)
    return 100.0 * hits / words


def outlet_key(outlet: str | None) -> str:
    """An outlet name as it would appear inside running text, prefixes such as صحيفة dropped."""
    if not outlet:
        return ""
    key = match_text(outlet)
    for p in OUTLET_PREFIXES:
        pk = match_text(p)
        if key.startswith(pk + " "):
            key = key[len(pk) + 1:]
    return key if len(key) >= 3 else ""


@lru_cache(maxsize=1)
def _citation_markers() -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(match_text(line).split()) for line in read_lines("citation_markers.txt"))


@lru_cache(maxsize=4096)
def _words(article_id: str, text: str) -> list[str]:
    return match_text(text).split()


def _name_key(name: str) -> str:
    return outlet_key(name) or match_text(name)


@lru_cache(maxsize=1)
def _alias_groups() -> tuple[frozenset[str], ...]:
    return tuple(frozenset(k for k in (_name_key(n.lstrip("=")) for n in line.split("\t")) if k)
                 for line in read_lines("outlet_aliases.tsv"))


@lru_cache(maxsize=1)
def _agency_codes() -> frozenset[str]:
    """Names marked "=" in outlet_aliases.tsv: credits wherever they stand in a dateline."""
    return frozenset(_name_key(n[1:]) for line in read_lines("outlet_aliases.tsv")
                     for n in line.split("\t") if n.startswith("="))


def outlet_names(outlet: str | None) -> set[str]:
    """The outlet's own name (prefixes dropped) and every alias of it in resources/outlet_aliases.tsv."""
    key = outlet_key(outlet) or (match_text(outlet) if outlet else "")
    if not key:
        return set()
    names = {key}
    for group in _alias_groups():
        if key in group:
            names |= group
    return names


def cites(article: Article, outlet: str | None) -> bool:
    """True when the text credits `outlet` (or one of its aliases): the name right after a
    citation phrase («نقلاً عن»، «بحسب»، «لـ"…"»، «المصدر:»، "according to"), or an agency code
    in the dateline («الرياض - واس»). A bare mention does not count: many outlet names
    (الوطن، الحياة، النهار) are ordinary words."""
    # the headline too: a dateline line on its own is often taken for one
    words = _words(article.id, f"{article.headline or ''}\n{article.text}")
    for key in outlet_names(outlet):
        name = key.split()
        for i in range(len(words) - len(name) + 1):
            if words[i:i + len(name)] != name:
                continue
            if i < DATELINE_WORDS and key in _agency_codes():
                return True
            before = words[max(0, i - CITATION_WINDOW):i]
            for marker in _citation_markers():
                m = len(marker)
                if any(before[j:j + m] == list(marker) for j in range(len(before) - m + 1)):
                    return True
    return False


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

    a_cites_b, b_cites_a = cites(a, b.outlet), cites(b, a.outlet)
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
