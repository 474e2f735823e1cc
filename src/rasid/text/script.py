"""Script-level facts about characters: invisible controls and Arabic letters."""
from __future__ import annotations

import re

# Characters that change nothing a reader sees but break matching and offsets:
# zero-width space/joiners, bidi marks, embeddings, overrides and isolates, the
# Arabic letter mark, the BOM used as a zero-width no-break space, soft hyphen.
# Zero-width and bidi controls, and the C0/DEL control characters other than tab and line
# breaks: scraped pages carry NULs and stray escapes that no reader sees (and a NUL cannot
# even be stored in a PostgreSQL text column).
CONTROL_CHARS = frozenset(chr(c) for c in [*range(0x00, 0x09), 0x0e, 0x0f, *range(0x10, 0x1c), 0x7f])
INVISIBLE_CHARS = frozenset(
    "\u200b\u200c\u200d\u200e\u200f"
    "\u202a\u202b\u202c\u202d\u202e"
    "\u2066\u2067\u2068\u2069"
    "\u061c\ufeff\u00ad\u2060"
) | CONTROL_CHARS
_DELETE_INVISIBLE = {ord(c): None for c in INVISIBLE_CHARS}


def strip_invisible(text: str) -> str:
    """Remove zero-width and bidi control characters."""
    return text.translate(_DELETE_INVISIBLE)


_LETTER = re.compile(r"[^\W\d_]")
# Arabic-script letters: the letter ranges, filtered to what Python calls a
# letter (so marks such as the dagger alef and ornate brackets are out) plus
# tatweel, which Python counts as a letter and which only occurs in Arabic.
_ARABIC_LETTER_CODES = [
    c for lo, hi in ((0x0621, 0x064A), (0x066E, 0x06D3), (0x06FA, 0x06FF),
                     (0xFB50, 0xFDFF), (0xFE70, 0xFEFC))
    for c in range(lo, hi + 1) if chr(c).isalpha()
]
_DELETE_ARABIC_LETTERS = {c: None for c in _ARABIC_LETTER_CODES}


def is_arabic_letter(ch: str) -> bool:
    """True for letters of the Arabic script (base block, extensions, presentation forms)."""
    return ord(ch) in _DELETE_ARABIC_LETTERS


def arabic_letter_count(text: str) -> int:
    """Number of Arabic-script letters (a C-speed count via str.translate)."""
    return len(text) - len(text.translate(_DELETE_ARABIC_LETTERS))


def letter_count(text: str) -> int:
    return len(_LETTER.findall(text))


def arabic_ratio(text: str, sample: int = 2000) -> float:
    """Share of Arabic-script letters among all letters in the first `sample` chars."""
    head = text[:sample]
    letters = letter_count(head)
    return arabic_letter_count(head) / letters if letters else 0.0
