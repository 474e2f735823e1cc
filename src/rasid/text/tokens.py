"""Tokens with offsets, and clitic-stripped match keys.

Arabic glues conjunctions (و ف), prepositions (ب ل ك) and the article (ال) to
the word: والهجرة، بالهجرة، للهجرة are all "الهجرة". For matching and search
we strip them with a light, symmetric rule: the same function runs at index
and query time, so an occasional over-strip (بغداد -> غداد) still matches
itself. Single-letter proclitics are only stripped when at least four letters
remain, which keeps common words such as وزير and قال whole.
"""
from __future__ import annotations

import re
from functools import lru_cache
from dataclasses import dataclass

from rasid.text.normalize import Norm, normalize

# A word is a run of letters, digits, combining marks and tatweel; numbers may
# carry internal separators (1,905 / 3.5 / ٢٠٢٤).
_TOKEN_RE = re.compile(r"\d+(?:[.,٫٬]\d+)*|[^\W\d_]+(?:[\u064B-\u065F\u0670\u0640][^\W\d_]*)*|\S")


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    start: int
    end: int

    @property
    def is_word(self) -> bool:
        return self.text[0].isalpha()

    @property
    def is_number(self) -> bool:
        return self.text[0].isdigit()


def tokenize(text: str) -> list[Token]:
    """Words, numbers and single punctuation marks, with offsets into `text`."""
    return [Token(m.group(), m.start(), m.end()) for m in _TOKEN_RE.finditer(text)]


_ARTICLE = "ال"
_CONJUNCTIONS = "وف"
_PREPOSITIONS = "بلك"


def _strip_clitics(word: str) -> str:
    """Strip proclitics from an already-normalized word, until nothing more comes off.

    Stripping to a fixed point makes keys stable (the key of a key is itself),
    so الولايات, والولايات and ولايات all meet at one key.
    """
    w = word
    while True:
        stripped = _strip_once(w)
        if stripped == w:
            return w
        w = stripped


def _strip_once(word: str) -> str:
    w = word
    if len(w) > 2 and w[0] in _CONJUNCTIONS and (w[1:].startswith(_ARTICLE) or len(w) - 1 >= 4):
        w = w[1:]
    if len(w) > 2 and w[0] in _PREPOSITIONS:
        if w[0] == "ل" and w.startswith("لل") and len(w) >= 4:
            return w[2:]  # لل = ل + ال with the alef dropped
        if w[1:].startswith(_ARTICLE) or len(w) - 1 >= 4:
            w = w[1:]
    if w.startswith(_ARTICLE) and len(w) - 2 >= 2:
        w = w[2:]
    return w


@lru_cache(maxsize=200_000)   # news vocabulary is Zipfian: most calls are repeats
def match_key(word: str) -> str:
    """The form of one word used for matching: normalized, clitics stripped."""
    w = normalize(word, Norm.MATCH)
    if w and "\u0621" <= w[0] <= "\u064a":
        return _strip_clitics(w)
    return w


# Words and numbers of normalized text (punctuation is never a key).
_KEY_TOKEN_RE = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+")


class _KeyCache(dict):
    """word -> key; misses computed on demand, so lookups run as C-level map()."""

    max_size = 200_000  # news vocabulary is Zipfian: a bounded cache catches most words

    def __missing__(self, word: str) -> str:
        key = _strip_clitics(word) if "\u0621" <= word[0] <= "\u064a" else word
        if len(self) < self.max_size:
            self[word] = key
        return key


_KEYS = _KeyCache()


def match_keys(text: str) -> list[str]:
    """Match keys of every word and number in `text`, in order."""
    return list(map(_KEYS.__getitem__, _KEY_TOKEN_RE.findall(normalize(text, Norm.MATCH))))


def match_text(text: str) -> str:
    """Match keys joined by spaces: what a search index stores for `text`."""
    return " ".join(map(_KEYS.__getitem__, _KEY_TOKEN_RE.findall(normalize(text, Norm.MATCH))))
