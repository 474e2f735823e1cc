"""Titles written next to a person's name: "وزير الخارجية العراقي فؤاد حسين".

Arabic news names a person with a title in front ("الرئيس السوري أحمد الشرع") or in
apposition after a comma ("حميد الشطري، رئيس جهاز المخابرات العراقي"). The title is
recorded as a role of that person, dated by the article, so "who was president when"
comes out of the corpus itself.
"""
from __future__ import annotations

import re
from functools import lru_cache

from rasid.extract.entities.lexicon import triggers
from rasid.text.tokens import match_key, tokenize

MAX_TITLE_WORDS = 7
# Words that end a title when walking away from the name: verbs of saying, conjunctions
# that start a clause, relatives. A title never contains them.
_STOP = frozenset(match_key(w) for w in """
قال أكد أضاف أوضح أشار كشف صرح لفت شدد اعتبر تابع نفى حذر أعلن ذكر بحسب حسب وفق
أن إن ان الذي التي الذين كما حيث بعد قبل خلال عند مع لدى إلى الى على عن ثم أو بين
""".split())
# Particles that belong to names, not titles (ابن، أبو …), are not title starts.
_NOT_TITLES = frozenset(match_key(w) for w in "ابن بن أبو أم عبد د".split())


@lru_cache(maxsize=1)
def _titles() -> frozenset[str]:
    return frozenset(k for k, classes in triggers().items()
                     if "per_title" in classes and k not in _NOT_TITLES)


def role_before(text: str, start: int, floor: int = 0, window: int = 120) -> str | None:
    """The title right before a name starting at `start`, or None.

    `floor` is where the previous mention ends: a title never reaches back across
    another name ("الرئيس السوري أحمد الشرع استقبل حميد الشطري" gives الشطري no title).
    """
    left = max(0, floor, start - window)
    tokens = tokenize(text[left:start])
    words = []
    for tok in reversed(tokens):
        if not tok.is_word or _stops(tok.text) or len(words) >= MAX_TITLE_WORDS:
            break
        words.append(tok)
    titles = _titles()
    # The title starts at the farthest title word: "رئيس جهاز المخابرات العراقي".
    first = None
    for i, tok in enumerate(words):
        if match_key(tok.text) in titles:
            first = i
    if first is None:
        return None
    span_start = left + words[first].start
    return _clean(text[span_start:start])


def role_after(text: str, end: int, window: int = 120) -> str | None:
    """An appositive title after a name: "حميد الشطري، رئيس جهاز المخابرات"."""
    right = text[end:end + window]
    m = re.match(r"\s*[،,]\s*", right)
    if not m:
        return None
    tokens = tokenize(right[m.end():])
    if not tokens or not tokens[0].is_word or match_key(tokens[0].text) not in _titles():
        return None
    last = tokens[0]
    for tok in tokens[: MAX_TITLE_WORDS]:
        if not tok.is_word or _stops(tok.text):
            break
        last = tok
    base = end + m.end()
    return _clean(text[base + tokens[0].start: base + last.end])


@lru_cache(maxsize=1)
def _offices() -> frozenset[str]:
    from rasid.resources import read_lines

    return frozenset(match_key(w) for w in read_lines("ner/offices.txt"))


_MODIFIER = re.compile(r"^(?:[وف]?(?:ال|لل))|ي(?:ة|ه)?$")
MAX_TITLE_REFERENCE = 5


def title_references(text: str, mentions) -> list:
    """Titles standing alone for a person: «وقال الرئيس السوري إن…», «أكد وزير الخارجية
    العراقي». An office word with at least one modifier (a definite genitive or a nisba),
    not followed by a name (that is a role) and not inside another mention. Returned as PER
    mentions whose `role` is their own text, for the resolver to name by date."""
    from rasid.model import Mention, Span

    taken = [(m.span.start, m.span.end) for m in mentions]
    offices = _offices()
    tokens = tokenize(text)
    out = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        word = tok.text[1:] if tok.text[:1] in "وف" and match_key(tok.text[1:]) in offices else tok.text
        if not tok.is_word or match_key(word) not in offices:
            i += 1
            continue
        j = i + 1
        while (j < len(tokens) and j - i <= MAX_TITLE_REFERENCE and tokens[j].is_word
               and not _stops(tokens[j].text) and _MODIFIER.search(tokens[j].text)):
            j += 1
        start = tok.start + (len(tok.text) - len(word))
        end = tokens[j - 1].end
        follows = tokens[j].start if j < len(tokens) else len(text)
        named = any(s >= end and s <= follows + 1 for s, _ in taken)  # a name right after: a role
        inside = any(s < end and start < e for s, e in taken)
        if j > i + 1 and not named and not inside:
            phrase = text[start:end]
            out.append(Mention(Span(start, end), phrase, "PER", score=0.5, role=phrase))
        i = j
    return out


def _stops(word: str) -> bool:
    """A word that ends a title, with or without a glued و/ف (وقال، فأكد)."""
    key = match_key(word)
    return key in _STOP or (word[:1] in "وف" and len(word) > 2 and match_key(word[1:]) in _STOP)


def _clean(title: str) -> str | None:
    title = " ".join(title.split())
    if title[:1] in ("و", "ف") and len(title) > 1 and match_key(title.split()[0][1:]) in _titles():
        title = title[1:]
    return title or None
