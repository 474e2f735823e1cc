"""Outlets as running text names them: an outlet's aliases, and whether a text credits one.

Pure functions over articles and the reviewed list resources/outlet_aliases.tsv.
"""
from __future__ import annotations

from functools import lru_cache

from rasid.model import Article
from rasid.resources import read_lines
from rasid.text.tokens import match_text

CITATION_WINDOW = 4   # words between a citation phrase and the outlet's name («نقلاً عن صحيفة …»)
DATELINE_WORDS = 16   # a text's first words, where wires are credited («الرياض 12 شوال … - واس»)
OUTLET_PREFIXES = ("صحيفة", "جريدة", "وكالة", "موقع", "قناة", "مجلة", "the")


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
def text_keys(article_id: str, text: str) -> list[str]:
    return match_text(text).split()


def _name_key(name: str) -> str:
    return outlet_key(name) or match_text(name)


@lru_cache(maxsize=1)
def _alias_groups() -> tuple[frozenset[str], ...]:
    return tuple(frozenset(k for k in (_name_key(n.lstrip("=")) for n in line.split("\t")
                                       if not n.startswith("~")) if k)
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
    words = text_keys(article.id, f"{article.headline or ''}\n{article.text}")
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
