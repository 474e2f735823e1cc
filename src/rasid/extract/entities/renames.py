"""When the text itself says two names are one: «قوات سوريا الديمقراطية (قسد)», «أحمد
الشرع، المعروف بأبي محمد الجولاني», «Iraqi National Intelligence Service (INIS)».

A reviewed alias file cannot list every organisation's acronym or every nom de guerre;
news introduces them as it goes, and an analyst trusts a renaming the source wrote
down. Only two shapes are read, both explicit: a name in brackets right after another
of the same type, and a name after «المعروف بـ / الملقب بـ / المكنى بـ / also known as».
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from rasid.model import Mention

_BRACKET = re.compile(r"\s*[(\[«]\s*$")
_CLOSE = re.compile(r"^\s*[)\]»]")
_KNOWN_AS = re.compile(
    r"[،,]?\s*(?:(?:وهو|و)\s*)?(?:ال)?(?:معروف|ملقب|مكنى|مسمى)(?:ة)?\s*(?:بـ|ب|باسم|بلقب|بكنية)\s*"
    r"|,?\s*(?:also known as|known as|a\.k\.a\.?|aka)\s+$", re.IGNORECASE)
MAX_GAP = 40


def renames(text: str, mentions: Sequence[Mention]) -> list[int | None]:
    """For each mention, the index of the earlier mention it renames, or None."""
    out: list[int | None] = [None] * len(mentions)
    for i in range(1, len(mentions)):
        prev, cur = mentions[i - 1], mentions[i]
        gap = text[prev.span.end:cur.span.start]
        if len(gap) > MAX_GAP:
            continue
        bracketed = _BRACKET.fullmatch(gap) and _CLOSE.match(text[cur.span.end:cur.span.end + 3])
        known_as = _KNOWN_AS.fullmatch(gap)
        # A place in brackets after a place is where it lies («نابل (تونس)»), not a new
        # name for it; people and organisations in brackets are other names for them.
        if (bracketed and cur.type == prev.type != "LOC") or (known_as and {cur.type, prev.type} == {"PER"}):
            out[i] = i - 1
    return out


_ACRONYM_AFTER = re.compile(r"\s*\(\s*([\u0621-\u064a]{2,6}|[A-Z]{2,6})\s*\)")
_WORDS = re.compile(r"[^\W\d_]+")
_KUNYA = re.compile(r"(?:أبو|ابو|أبي|ابي|أبا|ابا|أم|ام)\s+$")


def initials(words: Sequence[str]) -> str:
    """First letters of the name's words, the article ال and glued و/ل skipped:
    قوات سوريا الديمقراطية -> قسد; Iraqi National Intelligence Service -> INIS."""
    out = []
    for w in words:
        if w.lower() in ("of", "for", "the", "and", "al", "el"):
            continue
        if w.startswith("لل") and len(w) > 4:
            w = w[2:]
        elif w.startswith("ال") and len(w) > 3:
            w = w[2:]
        out.append(w[0].upper() if w[0].isascii() else w[0])
    return "".join(out).replace("أ", "ا").replace("إ", "ا")


def with_bracketed_acronyms(text: str, mentions: list[Mention]) -> list[Mention]:
    """An organisation followed by its acronym in brackets: the acronym becomes a mention
    of its own, and the organisation's span grows to the bracket when the tagger stopped
    short (قوات سوريا + الديمقراطية). Only when the acronym spells the name's initials."""
    from dataclasses import replace

    from rasid.model import Span

    out = list(mentions)
    taken = [(m.span.start, m.span.end) for m in mentions]
    for i, m in enumerate(mentions):
        if m.type not in ("ORG", "LOC"):
            continue
        nxt = mentions[i + 1].span.start if i + 1 < len(mentions) else len(text)
        tail = text[m.span.end:nxt]
        paren = tail.find("(")
        if paren < 0 or paren > 40:
            continue
        found = _ACRONYM_AFTER.match(tail, paren)
        if not found or any(s < m.span.end + found.end(1) and m.span.end + found.start(1) < e
                            for s, e in taken):
            continue
        words = _WORDS.findall(text[m.span.start:m.span.end + paren])
        acronym = found.group(1).replace("أ", "ا").replace("إ", "ا")
        if initials(words) != acronym:
            continue
        end = m.span.end + len(tail[:paren].rstrip())
        start = m.span.end + found.start(1)
        out[out.index(m)] = replace(m, span=Span(m.span.start, end), text=text[m.span.start:end])
        out.append(Mention(Span(start, m.span.end + found.end(1)), found.group(1), "ORG", score=m.score))
    return sorted(out, key=lambda x: x.span.start)


def with_kunya(text: str, mentions: list[Mention]) -> list[Mention]:
    """أبو / أبي / أم before a person's name is part of it (a kunya): أبو محمد الجولاني."""
    from dataclasses import replace

    from rasid.model import Span

    out = []
    floor = 0
    for m in mentions:
        before = _KUNYA.search(text, max(floor, m.span.start - 6), m.span.start)
        if m.type == "PER" and before:
            m = replace(m, span=Span(before.start(), m.span.end), text=text[before.start():m.span.end])
        out.append(m)
        floor = m.span.end
    return out
