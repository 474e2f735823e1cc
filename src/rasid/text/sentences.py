"""Sentence splitting that knows Arabic punctuation, quotation marks and abbreviations.

Sentences end at . ! ? ؟ and … (and at line breaks, which the cleaner uses for
paragraphs). They do not end at the Arabic comma ، or semicolon ؛ (clause marks),
inside a quotation, after an abbreviation such as "د." or "Dr.", inside a decimal
number, or after a single Latin initial. Closing quotes and brackets right after
the stop belong to the sentence that ends.
"""
from __future__ import annotations

import re
from functools import lru_cache

from rasid.model import Span
from rasid.resources import read_lines

_TERMINALS = ".!?؟…"
_CLOSERS = "\"'»”’)]}"
_OPEN_CLOSE = {"«": "»", "“": "”"}
_TOKEN_BEFORE = re.compile(r"([\w.\u0640]+)$")


@lru_cache(maxsize=1)
def _abbreviations() -> frozenset[str]:
    return frozenset(read_lines("abbreviations.txt"))


def _is_abbreviation(text: str, dot: int) -> bool:
    window = text[max(0, dot - 24):dot]  # a bounded look-back keeps this O(1) per stop
    m = _TOKEN_BEFORE.search(window)
    if not m:
        return False
    token = m.group(1).rstrip(".")
    # Case matters for Latin abbreviations ("No." before a number, not "said no.").
    if token in _abbreviations():
        return True
    # Single Latin initial ("J. Smith") – but not an Arabic one-letter word.
    return len(token) == 1 and token.isascii() and token.isalpha() and token.isupper()


def _is_decimal(text: str, i: int) -> bool:
    return 0 < i < len(text) - 1 and text[i - 1].isdigit() and text[i + 1].isdigit()


# Only these characters can change the splitter's state; everything else is skipped.
_SPECIAL = re.compile(r'[.!?؟…«»“”"]')


def _paragraph_sentences(text: str, start: int, end: int, respect_quotes: bool) -> list[Span]:
    spans: list[Span] = []
    sent_start = start
    depth = 0
    ascii_open = False
    resume = start  # stops inside an already-consumed run of closers are skipped
    for m in _SPECIAL.finditer(text, start, end):
        i = m.start()
        if i < resume:
            continue
        ch = text[i]
        if respect_quotes:
            closing = False
            if ch in _OPEN_CLOSE:
                depth += 1
            elif ch in ("»", "”"):
                depth = max(0, depth - 1)
                closing = True
            elif ch == '"':
                closing = ascii_open
                ascii_open = not ascii_open
            if ch in _OPEN_CLOSE or ch in ("»", "”", '"'):
                # «...انتهى.» ثم: a quotation that ends on a stop ends the sentence too.
                if (closing and not depth and not ascii_open and i > start
                        and text[i - 1] in _TERMINALS and (i + 1 >= end or text[i + 1].isspace())):
                    j = i + 1
                    spans.append(Span(sent_start, j))
                    while j < end and text[j].isspace():
                        j += 1
                    sent_start = resume = j
                continue
        if ch not in _TERMINALS or depth or ascii_open:
            continue
        if ch == "." and (_is_decimal(text, i) or _is_abbreviation(text, i)):
            continue
        j = i + 1
        while j < end and (text[j] in _TERMINALS or text[j] in _CLOSERS):
            if respect_quotes and text[j] == '"':
                ascii_open = not ascii_open
            j += 1
        if j >= end or text[j].isspace():
            spans.append(Span(sent_start, j))
            while j < end and text[j].isspace():
                j += 1
            sent_start = j
        resume = j
    if sent_start < end and text[sent_start:end].strip():
        spans.append(Span(sent_start, end))
    if respect_quotes and (depth or ascii_open) and len(spans) <= 1 and end - start > 600:
        # An unbalanced quote swallowed a long paragraph: quotes were not a
        # reliable guide here, so split on punctuation alone.
        return _paragraph_sentences(text, start, end, respect_quotes=False)
    return spans


def _trim(text: str, span: Span) -> Span:
    s, e = span.start, span.end
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return Span(s, e)


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Sentence spans (character offsets into `text`) between `start` and `end`."""
    end = len(text) if end is None else end
    spans: list[Span] = []
    para_start = start
    while para_start < end:
        nl = text.find("\n", para_start, end)
        para_end = end if nl == -1 else nl
        for span in _paragraph_sentences(text, para_start, para_end, respect_quotes=True):
            span = _trim(text, span)
            if span.end > span.start:
                spans.append(span)
        para_start = para_end + 1
    return spans
