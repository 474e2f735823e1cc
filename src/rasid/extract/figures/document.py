"""One text prepared for figure reading: normalized tokens, and the way back to the original.

Matching runs on normalized text; every span is mapped back to the caller's text
(through rasid.text.normalize.OffsetIndex) so that `Figure.text` is always an
exact slice of it, diacritics and tatweel included.
"""
from __future__ import annotations

import re

from rasid.extract.figures.lexicon import Lexicon, lexicon
from rasid.extract.figures.numbers import Tokens, tokenize
from rasid.model import Span
from rasid.text.normalize import Norm, normalize, normalize_indexed

# Marks that belong to the letter before them (a span ending on «قتيلاً» takes its tanween).
_TRAILING_MARKS = frozenset("\u0640" + "".join(chr(c) for c in range(0x064B, 0x0660)) + "\u0670")
# Characters that end a clause for the purposes of «about» and look-backs.
BOUNDARY = frozenset(".،,؛;:!?؟()[]{}«»\"“”'…–—|")
_DISPLAY = Norm.INVISIBLE | Norm.PRESENTATION | Norm.DIACRITICS | Norm.TATWEEL
_ARABIC_DECIMAL = re.compile(r"(?<=\d)،(?=\d)")
_REVERSED_DECIMAL = re.compile(r"\dر\d")
_CLITIC_PREFIXES = ("وب", "فب", "ول", "فل", "و", "ف", "ب", "ل")


class Doc:
    __slots__ = ("text", "norm", "index", "toks", "lex", "n")

    def __init__(self, text: str, lex: Lexicon | None = None):
        self.text = text
        self.norm, self.index = normalize_indexed(text, Norm.MATCH)
        if "،" in self.norm:  # «2،5» is a decimal comma; same length, so offsets hold
            self.norm = _ARABIC_DECIMAL.sub(",", self.norm)
        self.toks: Tokens = tokenize(self.norm)
        self.lex = lex or lexicon()
        if "ر" in self.norm and _REVERSED_DECIMAL.search(self.norm):
            self._join_reversed()
        self.n = len(self.toks)

    def _join_reversed(self) -> None:
        """Saudi and Egyptian press write 6.935 as «935ر6» and 22,000 as «000ر22»: the groups
        in reverse order joined by ر. Each such run becomes one number token."""
        t = self.toks
        words, starts, ends = [], [], []
        i, n = 0, len(t.words)
        while i < n:
            j = i
            while (j + 2 < n and t.words[j][:1].isdigit() and t.words[j + 1] == "ر"
                   and t.words[j + 2][:1].isdigit() and t.starts[j + 1] == t.ends[j]
                   and t.starts[j + 2] == t.ends[j + 1] and t.words[j + 2].isdigit()
                   and t.words[j].isdigit()):
                j += 2
            if j == i:
                words.append(t.words[i])
                starts.append(t.starts[i])
                ends.append(t.ends[i])
                i += 1
                continue
            groups = t.words[i:j + 1:2][::-1]               # most significant first
            nxt = self.lex.numbers.get(t.words[j + 1]) if j + 1 < n else None
            scaled = nxt is not None and nxt.clitic == 0 and nxt.kind in ("scale", "scale_plural")
            if len(groups) == 2 and (scaled or len(groups[1]) != 3):
                word = f"{groups[0]}.{groups[1]}"           # 935ر6 مليون -> 6.935
            else:
                word = ",".join(groups)                     # 000ر22 -> 22,000
            words.append(word)
            starts.append(t.starts[i])
            ends.append(t.ends[j])
            i = j + 1
        self.toks = Tokens(words, starts, ends)

    # -- tokens --------------------------------------------------------------------
    def word(self, i: int) -> str:
        return self.toks.words[i] if 0 <= i < self.n else ""

    def glued(self, i: int) -> bool:
        return self.toks.glued(i)

    def is_boundary(self, i: int) -> bool:
        w = self.word(i)
        return not w or (len(w) == 1 and w in BOUNDARY)

    def is_arabic(self, i: int) -> bool:
        w = self.word(i)
        return bool(w) and "\u0621" <= w[0] <= "\u064a"

    def is_latin(self, i: int) -> bool:
        w = self.word(i)
        return bool(w) and w[0].isascii() and w[0].isalpha()

    def definite(self, i: int, skip: int = 0) -> bool:
        """True when the word at i (after `skip` clitic letters) starts with the article ال.

        Read on the original text: normalization folds آلية and ألغام onto the article's
        plain alef, the original keeps them apart.
        """
        w = self.word(i)
        if len(w) - skip <= 3 or w[skip:skip + 2] != "ال":
            return False
        return self.text[self.index.source(self.toks.starts[i] + skip)] == "\u0627"

    def phrase_before(self, table: dict, end: int, longest: int, clitics: bool = True
                      ) -> tuple[object, int, int] | None:
        """(value, first token, clitic letters) of the longest `table` phrase ending before `end`."""
        for k in range(min(longest, end), 0, -1):
            words = self.toks.words[end - k:end]
            key = tuple(words)
            if key in table:
                return table[key], end - k, 0
            if clitics:
                for p in _CLITIC_PREFIXES:
                    if words[0].startswith(p) and len(words[0]) - len(p) >= 2:
                        key = (words[0][len(p):], *words[1:])
                        if key in table:
                            return table[key], end - k, len(p)
        return None

    def phrase_at(self, table: dict, start: int, longest: int) -> tuple[object, int] | None:
        """(value, next token) of the longest `table` phrase starting at token `start`."""
        for k in range(min(longest, self.n - start), 0, -1):
            key = tuple(self.toks.words[start:start + k])
            if key in table:
                return table[key], start + k
        return None

    def stems(self, i: int) -> list[tuple[str, int]]:
        """The word at i and its readings without proclitics: [(stem, clitic letters)…]."""
        w = self.word(i)
        out = [(w, 0)]
        for p in _CLITIC_PREFIXES:
            if w.startswith(p) and len(w) - len(p) >= 2:
                out.append((w[len(p):], len(p)))
        return out

    # -- offsets -------------------------------------------------------------------
    def span(self, start: int, end: int) -> Span:
        """Normalized offsets -> a Span of the original text (trailing marks included)."""
        s = self.index.source(start)
        e = self.index.source(end - 1) + 1 if end > start else s
        while e < len(self.text) and self.text[e] in _TRAILING_MARKS:
            e += 1
        return Span(s, max(s, e))

    def display(self, start: int, end: int) -> str:
        """The original words between normalized offsets, without diacritics or tatweel."""
        sp = self.span(start, end)
        return " ".join(normalize(self.text[sp.start:sp.end], _DISPLAY).split())
