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


MAX_NAME_WORDS = 8   # longer names are looked for in the words themselves (none is listed)
# Texts whose credit views are kept: about 8 KB each (mostly the word sequences after citation
# phrases), so at most about 140 MB; a derivation run's partners are mostly within a few chunks
# of 2,000 articles, which fit.
VIEW_CACHE = 16384


def text_words(article_id: str, headline: str | None, text: str) -> list[str]:
    """The match keys of an article's headline and text (a dateline line on its own is often
    taken for a headline)."""
    return (text_keys(article_id + "#headline", headline) if headline else []) + text_keys(article_id, text)


def grams(words: list[str], i: int, longest: int = MAX_NAME_WORDS) -> tuple[str, ...]:
    """The names that could start at word i: its 1- to `longest`-word sequences."""
    return tuple(" ".join(words[i:i + n]) for n in range(1, min(longest, len(words) - i) + 1))


class ViewCache:
    """Per-text results the credit checks compute once, kept for many texts: keyed by the
    article id and the hashes of its strings (Python keeps a string's hash), so the cache
    holds no text. A derivation run asks about each article many times, chunks apart."""

    def __init__(self, build, size: int = VIEW_CACHE):
        self.build = build
        self.size = size
        self._items: dict[tuple, object] = {}

    def __call__(self, article_id: str, headline: str | None, text: str):
        key = (article_id, hash(headline), hash(text))
        got = self._items.get(key)
        if got is None:
            if len(self._items) >= self.size:
                self._items.pop(next(iter(self._items)))   # the oldest: dicts keep insertion order
            got = self._items[key] = self.build(article_id, headline, text)
        return got


def _citations(article_id: str, headline: str | None, text: str) -> tuple[frozenset[str], frozenset[str]]:
    """The names a text could be crediting: every word sequence (up to MAX_NAME_WORDS words)
    that starts right after a citation phrase (within CITATION_WINDOW words of it), and the
    agency codes that start in the dateline."""
    words = text_words(article_id, headline, text)
    credited = frozenset(g for i in _after_citations(words) for g in grams(words, i))
    # only agency codes count in the dateline, so only they are kept (a view stays small)
    dateline = frozenset(g for i in range(min(DATELINE_WORDS, len(words))) for g in grams(words, i)
                         if g in _agency_codes())
    return credited, dateline


def _after_citations(words: list[str]) -> set[int]:
    """Positions a credited name may start at: a citation phrase lies wholly within the
    CITATION_WINDOW words before them."""
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for marker in _citation_markers():
        if marker and len(marker) <= CITATION_WINDOW:   # a longer phrase never fits the window
            by_first.setdefault(marker[0], []).append(marker)
    after: set[int] = set()
    for s, w in enumerate(words):
        for marker in by_first.get(w, ()):
            m = len(marker)
            if tuple(words[s:s + m]) == marker:
                after.update(range(s + m, min(s + CITATION_WINDOW, len(words) - 1) + 1))
    return after


citations = ViewCache(_citations)


def cites(article: Article, outlet: str | None) -> bool:
    """True when the text credits `outlet` (or one of its aliases): the name right after a
    citation phrase («نقلاً عن»، «بحسب»، «لـ"…"»، «المصدر:»، "according to"), or an agency code
    in the dateline («الرياض - واس»). A bare mention does not count: many outlet names
    (الوطن، الحياة، النهار) are ordinary words."""
    return credits_any(article, outlet_names(outlet))


def credits_any(article: Article, names: frozenset[str]) -> bool:
    """True when the text credits any of `names` (match keys), as `cites` reads a credit."""
    credited, dateline = citations(article.id, article.headline, article.text)
    if not credited.isdisjoint(names) or not dateline.isdisjoint(names):
        return True
    for key in _odd(names):   # keys with stray spaces, and names longer than the views keep
        name = key.split()
        if len(name) > MAX_NAME_WORDS:
            if _credited_long(article, name, key in _agency_codes()):
                return True
        elif " ".join(name) in credited or (" ".join(name) in dateline and key in _agency_codes()):
            return True
    return False


@lru_cache(maxsize=64)
def _odd(names: frozenset[str]) -> tuple[str, ...]:
    return tuple(k for k in names if k.split() and (" ".join(k.split()) != k or k.count(" ") >= MAX_NAME_WORDS))


def _credited_long(article: Article, name: list[str], agency: bool) -> bool:
    """`credits_any` for a name longer than the views keep, from the words themselves."""
    words = text_words(article.id, article.headline, article.text)
    starts = [i for i in range(len(words) - len(name) + 1) if words[i:i + len(name)] == name]
    if agency and any(i < DATELINE_WORDS for i in starts):
        return True
    return bool(starts) and not _after_citations(words).isdisjoint(starts)
