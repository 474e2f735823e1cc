"""The reviewed word lists the quote extractor reads (`resources/quotes/`)."""
from __future__ import annotations

from functools import lru_cache

from rasid.resources import read_lines
from rasid.text.normalize import Norm, normalize


@lru_cache(maxsize=200_000)   # called for every word the extractor reads: mostly repeats
def fold(word: str) -> str:
    """Spelling-insensitive form of one word (hamza, ya, ta marbuta, diacritics, tanween)."""
    return normalize(word, Norm.MATCH)


@lru_cache(maxsize=1)
def verbs() -> dict[str, str]:
    """folded form -> say | deny | cont, with a glued و/ف also accepted."""
    out: dict[str, str] = {}
    for line in read_lines("quotes/verbs.tsv"):
        form, kind = line.split("\t")
        out[fold(form)] = kind
    return out


def verb_kind(word: str) -> str | None:
    table = verbs()
    w = fold(word)
    if w in table:
        return table[w]
    if w[:1] in ("و", "ف") and w[1:] in table:
        return table[w[1:]]
    return None


@lru_cache(maxsize=1)
def anonymous_heads() -> frozenset[str]:
    return frozenset(fold(w) for w in read_lines("quotes/anonymous.txt"))


@lru_cache(maxsize=1)
def channel_words() -> frozenset[str]:
    return frozenset(fold(w) for w in read_lines("quotes/channels.txt"))


@lru_cache(maxsize=1)
def outlets() -> frozenset[str]:
    """Outlet names and aliases, folded, from resources/outlet_aliases.tsv (any column)."""
    out = set()
    for line in read_lines("outlet_aliases.tsv"):
        for name in line.replace("=", "\t").split("\t"):
            if name.startswith("~"):   # short names count only in credits (link/credit.py)
                continue
            name = " ".join(fold(w) for w in name.split())
            if len(name) > 2:
                out.add(name)
    return frozenset(out)
