"""Orthographic normalization for matching, as explicit flags in a fixed order.

Arabic news spells the same word many ways: hamza seats (أحمد/احمد, مسؤول/مسئول),
alef maqsura for ya (مصطفى/مصطفي), ta marbuta for ha (سورية/سوريه), optional
diacritics, tatweel used for justification, and three digit sets. Matching
folds these away; the exported text never changes. Each rule is a tiny
character map; the rules run in the order of `Norm` so that indexing and
querying with the same flags always agree. Every rule maps one character to
zero, one or a few characters, which is what lets `normalize_with_offsets`
point every output character back at its source.
"""
from __future__ import annotations

import bisect
import enum
import re
import unicodedata
from functools import lru_cache

from rasid.text.script import INVISIBLE_CHARS


class Norm(enum.Flag):
    """Normalization rules; applied in declaration order whatever the flag order."""

    INVISIBLE = enum.auto()     # zero-width, bidi controls, soft hyphen -> removed
    PRESENTATION = enum.auto()  # Arabic presentation forms (ﻻ, ﺍ…) -> base letters
    DIACRITICS = enum.auto()    # harakat, tanween, shadda, sukun, dagger alef -> removed
    TATWEEL = enum.auto()       # ـ -> removed
    ALEF = enum.auto()          # أ إ آ ٱ -> ا
    HAMZA = enum.auto()         # ؤ ئ -> ء (so مسؤول and مسئول meet)
    YA = enum.auto()            # ى and Persian ی -> ي
    TA_MARBUTA = enum.auto()    # ة -> ه
    KAF = enum.auto()           # Persian ک -> ك
    DIGITS = enum.auto()        # Arabic-Indic and Persian digits, ٫ ٬ -> ASCII
    LOWER = enum.auto()         # Latin case folded

    MATCH = (INVISIBLE | PRESENTATION | DIACRITICS | TATWEEL | ALEF | HAMZA | YA
             | TA_MARBUTA | KAF | DIGITS | LOWER)
    DISPLAY = INVISIBLE | PRESENTATION  # harmless for readers; used for clean text keys


_DIACRITICS = [chr(c) for c in range(0x064B, 0x0660)] + ["\u0670"] + [
    chr(c) for c in range(0x06D6, 0x06EE) if c not in (0x06DD, 0x06DE, 0x06E5, 0x06E6, 0x06E9)
]


def _presentation_rules() -> dict[str, str]:
    rules = {}
    for start, end in ((0xFB50, 0xFDFF), (0xFE70, 0xFEFF)):
        for code in range(start, end + 1):
            ch = chr(code)
            folded = unicodedata.normalize("NFKC", ch)
            if folded != ch and folded.strip():
                rules[ch] = folded
    return rules


_RULES: dict[Norm, dict[str, str]] = {
    Norm.INVISIBLE: {c: "" for c in INVISIBLE_CHARS},
    Norm.PRESENTATION: _presentation_rules(),
    Norm.DIACRITICS: {c: "" for c in _DIACRITICS},
    Norm.TATWEEL: {"\u0640": ""},
    Norm.ALEF: {c: "\u0627" for c in "\u0623\u0625\u0622\u0671\u0672\u0673"},
    Norm.HAMZA: {"\u0624": "\u0621", "\u0626": "\u0621"},
    Norm.YA: {"\u0649": "\u064a", "\u06cc": "\u064a"},
    Norm.TA_MARBUTA: {"\u0629": "\u0647"},
    Norm.KAF: {"\u06a9": "\u0643"},
    Norm.DIGITS: {
        **{chr(0x0660 + i): str(i) for i in range(10)},
        **{chr(0x06F0 + i): str(i) for i in range(10)},
        "\u066b": ".", "\u066c": ",",
    },
}
_ORDER = [flag for flag in Norm if flag in _RULES]


@lru_cache(maxsize=64)
def _table(flags: Norm) -> dict[int, str]:
    """Compose the selected rules, in order, into one str.translate table."""
    rules = [_RULES[f] for f in _ORDER if f in flags]
    domain = set().union(*rules) if rules else set()
    table: dict[int, str] = {}
    for ch in domain:
        out = ch
        for rule in rules:
            out = "".join(rule.get(c, c) for c in out)
        if out != ch:
            table[ord(ch)] = out
    return table


@lru_cache(maxsize=64)
def _substituter(flags: Norm):
    """A regex over every character the rules change, and its replacement lookup.

    re.sub visits only the characters that change (a few percent of real text),
    which is about twice as fast as str.translate's per-character lookups.
    """
    table = _table(flags)
    if not table:
        return None
    chars = "".join(re.escape(chr(c)) for c in sorted(table))
    by_char = {chr(c): out for c, out in table.items()}
    get = by_char.__getitem__
    pattern = re.compile(f"[{chars}]")
    return lambda text: pattern.sub(lambda m: get(m.group()), text)


# flags value -> (substituter, lower?): normalize runs millions of times a batch, and hashing
# or testing an enum flag costs Python-level calls; an int key does not.
_PLANS: dict[int, tuple] = {}


def normalize(text: str, flags: Norm = Norm.MATCH) -> str:
    """Fold `text` with the given rules; the workhorse of matching and indexing."""
    plan = _PLANS.get(flags._value_)
    if plan is None:
        plan = _PLANS[flags._value_] = (_substituter(flags), Norm.LOWER in flags)
    sub, lower = plan
    out = sub(text) if sub else text
    if lower:
        # Case is folded character by character (so offsets stay one-to-one);
        # str.lower() agrees except for the context-sensitive Greek final sigma.
        out = out.lower() if "\u03a3" not in out else "".join(c.lower() for c in out)
    return out


def normalize_with_offsets(text: str, flags: Norm = Norm.MATCH) -> tuple[str, list[int]]:
    """Like `normalize`, plus for each output character the index of its source character."""
    table = _table(flags)
    lower = Norm.LOWER in flags
    parts: list[str] = []
    origin: list[int] = []
    for i, ch in enumerate(text):
        out = table.get(ord(ch), ch)
        if lower:
            out = out.lower()
        if out:
            parts.append(out)
            origin.extend([i] * len(out))
    return "".join(parts), origin


class OffsetIndex:
    """Maps offsets in normalized text back to the source text.

    Built from breakpoints only where normalization changed a length (deleted
    diacritics, expanded ligatures); one-for-one replacements such as أ -> ا
    shift nothing, so typical news text has few breakpoints.
    """

    __slots__ = ("_norm", "_shift")

    def __init__(self, breakpoints: list[tuple[int, int]]):
        self._norm = [b[0] for b in breakpoints]
        self._shift = [b[1] for b in breakpoints]

    def source(self, offset: int) -> int:
        i = bisect.bisect_right(self._norm, offset) - 1
        return offset + (self._shift[i] if i >= 0 else 0)


# Characters whose lower case is not one character (İ): offsets need the slow path.
_LOWER_CHANGES_LENGTH = re.compile(
    "[" + "".join(re.escape(chr(c)) for c in range(0x80, 0x10000)
                  if not 0xD800 <= c <= 0xDFFF and len(chr(c).lower()) != 1) + "]")


@lru_cache(maxsize=64)
def _shifting(flags: Norm) -> re.Pattern[str] | None:
    """The characters these rules delete or expand (the only ones that move offsets)."""
    table = _table(flags)
    chars = "".join(re.escape(chr(c)) for c in sorted(table) if len(table[c]) != 1)
    return re.compile(f"[{chars}]") if chars else None


def normalize_indexed(text: str, flags: Norm = Norm.MATCH) -> tuple[str, OffsetIndex]:
    """`normalize` plus an OffsetIndex from normalized offsets to `text` offsets."""
    table = _table(flags)
    shifting = _shifting(flags)
    if Norm.LOWER in flags and _LOWER_CHANGES_LENGTH.search(text):
        out, origin = normalize_with_offsets(text, flags)  # rare: case folding changes lengths
        points = [(i, o - i) for i, o in enumerate(origin) if i == 0 or o - i != origin[i - 1] - (i - 1)]
        return out, OffsetIndex(points)
    points: list[tuple[int, int]] = []
    delta = 0  # source offset minus normalized offset, for the characters that follow
    if shifting is not None:
        for m in shifting.finditer(text):
            p = m.start()
            length = len(table[ord(m.group())])
            q = p - delta  # where this character's replacement starts in the normalized text
            for k in range(1, length):  # every character of an expansion maps to its source
                points.append((q + k, p - (q + k)))
            delta += 1 - length
            points.append((q + length, delta))
    return normalize(text, flags), OffsetIndex(points)
