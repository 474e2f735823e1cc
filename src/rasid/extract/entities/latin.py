"""Names in Latin script (English reports, or Latin names inside Arabic text), by rule.

English capitalises names, so finding them is easy where Arabic needs a model; what
needs care is the type and the edges. A capitalised run (allowing al-, bin, of, for,
the inside it) is a candidate; it is an organisation when it carries an organisation
head word (Ministry, Agency, Forces…) or is an acronym, a place when the gazetteer knows
it, a person when it has a given name, a title before it, or two or more parts. A
sentence's first word alone is not a name unless the gazetteer says so.
"""
from __future__ import annotations

import re
from functools import lru_cache

from rasid.model import Mention, Span

_RUN = re.compile(
    r"(?:[A-Z][\w\-]*|[A-Z]{2,})(?:\s+(?:(?:al|el|bin|ibn|bint|abu|de|of|for|the|da|van|von)[\-\s]+)?"
    r"(?:[A-Z][\w\-]*))*")
_ORG_HEADS = frozenset("""ministry agency service services authority council organization
organisation company corporation party army forces force union bank university command
monitor news tv times post press network committee commission office department front
movement group institute foundation association federation league club court parliament
assembly government logistics airlines police guard brigade brigades battalion coalition
alliance fund programme program center centre hospital port terminal nations""".split())
_TITLES = frozenset("""mr mrs ms dr president minister prime sheikh king prince general
gen col colonel spokesman spokeswoman spokesperson chief director governor ambassador
envoy secretary senator mayor judge commander emir sultan pope imam said told""".split())
_NOT_NAMES = frozenset("""the a an in on at for of and but or he she it they we i you this
that these those his her its their our my your after before during while when where
which who what why how if as by with from to into over under about than then there here
monday tuesday wednesday thursday friday saturday sunday january february march april
may june july august september october november december according also however
meanwhile earlier later last next first second third new""".split())


@lru_cache(maxsize=1)
def _given_names() -> frozenset[str]:
    """Latin spellings of Arabic given names, from the romanizer's Wikidata units."""
    import sqlite3
    from pathlib import Path

    try:
        import arabic_name_romanizer
    except ImportError:
        return frozenset()
    db = Path(arabic_name_romanizer.__file__).parent / "resources" / "names.sqlite3"
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        rows = con.execute("SELECT latin FROM units WHERE role = 'given' GROUP BY latin HAVING SUM(count) >= 3")
        return frozenset(r[0].lower() for r in rows)
    finally:
        con.close()


def tag_latin(text: str) -> list[Mention]:
    from rasid.resolve.places import place_ids

    out: list[Mention] = []
    for m in _RUN.finditer(text):
        start, end = m.span()
        words = m.group().split()
        # Trim leading words that are only capitalised because they start a sentence.
        while words and words[0].lower() in _NOT_NAMES and not re.fullmatch(r"[A-Z]{2,6}", words[0]):
            start = text.index(words[1], start + len(words[0])) if len(words) > 1 else end
            words = words[1:]
        # "Interior Minister Firas al-Hadidi": the title is a role, the name follows it.
        cut = max((i for i, w in enumerate(words[:-1]) if w.lower() in _TITLES), default=None)
        if cut is not None:
            start = text.index(words[cut + 1], start + sum(len(w) + 1 for w in words[:cut]))
            words = words[cut + 1:]
        if not words:
            continue
        surface = text[start:end].rstrip("'’-")
        end = start + len(surface)
        kind = _kind(text, start, surface, place_ids)
        if kind:
            out.append(Mention(Span(start, end), surface, kind, score=0.8))
    return out


def _kind(text: str, start: int, surface: str, place_ids) -> str | None:
    words = re.findall(r"[A-Za-z]+", surface)
    lower = [w.lower() for w in words]
    if not words:
        return None
    if any(w in _ORG_HEADS for w in lower) or re.fullmatch(r"[A-Z]{2,6}s?", surface):
        return "ORG"
    if place_ids(surface):
        return "LOC"
    before = re.findall(r"[A-Za-z]+", text[max(0, start - 30):start])
    titled = bool(before) and before[-1].lower() in _TITLES
    sentence_start = start == 0 or bool(re.search(r"[.!?\n]\s*$", text[max(0, start - 3):start]))
    if lower[0] in _given_names() or titled:
        return "PER"
    if len(words) >= 2 and not sentence_start:
        return "PER"
    return None
