"""Outlets as running text names them: an outlet's aliases, and whether a text credits one.

Pure functions over articles and the reviewed list resources/outlet_aliases.tsv.
"""
from __future__ import annotations

from functools import lru_cache

from rasid.link.compare import text_keys
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


@lru_cache(maxsize=16384)
def outlet_names(outlet: str | None) -> frozenset[str]:
    """The outlet's own name (prefixes dropped) and every alias of it in resources/outlet_aliases.tsv."""
    key = outlet_key(outlet) or (match_text(outlet) if outlet else "")
    if not key:
        return frozenset()
    names = {key}
    for group in _alias_groups():
        if key in group:
            names |= group
    return frozenset(names)


@lru_cache(maxsize=2048)
def article_keys(article_id: str, headline: str | None, text: str) -> tuple[list[str], dict[str, list[int]]]:
    """The match keys of an article's headline and text (a dateline line on its own is often
    taken for a headline), and where each key stands: a name is looked up, not scanned for.
    Keyed by the article's own strings, whose hashes Python keeps."""
    words = (text_keys(article_id + "#headline", headline) if headline else []) + text_keys(article_id, text)
    where: dict[str, list[int]] = {}
    for i, w in enumerate(words):
        where.setdefault(w, []).append(i)
    return words, where


def cites(article: Article, outlet: str | None) -> bool:
    """True when the text credits `outlet` (or one of its aliases): the name right after a
    citation phrase («نقلاً عن»، «بحسب»، «لـ"…"»، «المصدر:»، "according to"), or an agency code
    in the dateline («الرياض - واس»). A bare mention does not count: many outlet names
    (الوطن، الحياة، النهار) are ordinary words."""
    return credits_any(article, outlet_names(outlet))


def credits_any(article: Article, names: frozenset[str]) -> bool:
    """True when the text credits any of `names` (match keys), as `cites` reads a credit."""
    words, where = article_keys(article.id, article.headline, article.text)
    for key in names:
        name = key.split()
        for i in where.get(name[0], ()) if name else ():
            if words[i:i + len(name)] == name and _credited_at(words, i, key):
                return True
    return False


def _credited_at(words: list[str], i: int, key: str) -> bool:
    if i < DATELINE_WORDS and key in _agency_codes():
        return True
    before = words[max(0, i - CITATION_WINDOW):i]
    for marker in _citation_markers():
        m = len(marker)
        if any(before[j:j + m] == list(marker) for j in range(len(before) - m + 1)):
            return True
    return False
