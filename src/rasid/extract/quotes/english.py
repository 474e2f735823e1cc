"""Quotes in English reports: «X said …», «“…,” X said», «…, he said», «according to X».

English marks speech with a few verbs and with the speaker's capitalised name, so rules do
well here; they run on Latin-script sentences only.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from rasid.model import Mention, Quote, Span

_VERBS = r"(?:said|says|told(?:\s+(?:reporters|journalists|[A-Z][\w\-]+(?:\s+[A-Z][\w\-]+){0,3}))?|added|stressed|warned|denied|noted|announced|confirmed|explained|insisted)"
_NAME = r"(?:[A-Z][\w'’\-]+(?:\s+(?:al-|el-|bin\s|ibn\s|of\s|the\s|for\s)?[A-Z][\w'’\-]+){0,6})"
_ROLE = (r"(?:(?:[Aa]n?|[Tt]he)\s+(?:[A-Z]?[\w\-'’]+\s+){0,5}?(?:official|source|spokesman|spokeswoman|"
         r"spokesperson|diplomat|minister|officer|resident|witness|analyst|expert|chairman|"
         r"director|governor|shopkeeper|farmer|doctor)s?)")
_PRONOUN = r"(?:he|she|they)"
_SPEAKER = rf"(?P<speaker>{_NAME}|{_ROLE}|{_PRONOUN})"
_ASIDE = r"(?:,\s[^,.“”\"]{3,120},)?"
_OPEN, _CLOSE = "“\"", "”\""
_REPORTED = re.compile(rf"(?<![\w’'])(?:{_SPEAKER}{_ASIDE}\s+(?P<verb>{_VERBS}))(?:\s+that)?[\s,:]+(?P<content>[^.!?\n]+)")
_AFTER_QUOTE = re.compile(rf"\s*,?\s*(?:(?P<verb1>{_VERBS})\s+{_SPEAKER}|(?P<speaker2>{_NAME}|{_ROLE}|{_PRONOUN}){_ASIDE}\s+(?P<verb2>{_VERBS}))")
# «Some 3,000 families have been moved to shelters, he said.»: the attribution closes the sentence.
_TRAILING = re.compile(rf"(?:^|(?<=[.!?\n]))\s*(?P<content>[^.!?\n“”\"]{{12,}}?),\s+{_SPEAKER}{_ASIDE}\s+(?P<verb>{_VERBS})\s*[.!?]")
# «According to a statement from Jordan's Interior Ministry, the two men agreed …»: the
# document is the channel, its issuer the speaker, the rest of the sentence what was said.
_ACCORDING_DOC = re.compile(r"(?:^|(?<=[.!?\n]))\s*According to (?:a|an|the) (?P<channel>statement|report|communiqu[ée])"
                            r"\s+(?:from|by|issued by)\s+(?P<speaker>[^,.\n]{3,80}),\s*(?P<content>[^.!?\n]{12,})")
_TOLD = re.compile(r"told\s+(?P<channel>(?!reporters|journalists)[A-Z][\w\-]+(?:\s+[A-Z][\w\-]+){0,3})")
_ANONYMOUS = re.compile(r"\b(official|source|diplomat|resident|witness|analyst)s?\b", re.I)
_DENIAL = re.compile(r"\bden(?:y|ied|ies)\b", re.I)
_SKIP_SPEAKERS = frozenset("The It This That These There A An In On At But And".split())


def english_quotes(text: str, mentions: Sequence[Mention] = ()) -> list[Quote]:
    """Candidates from the three shapes, read in text order so that «he said» finds the
    speaker named before it."""
    candidates: list[tuple[int, tuple[int, int], tuple[int, int], str, bool]] = []
    directs = _direct_spans(text)
    for start, end in directs:
        after = _AFTER_QUOTE.match(text, end + 1)
        if after:
            sp = "speaker" if after.group("speaker") else "speaker2"
            candidates.append((start, (start, end), after.span(sp),
                               after.group("verb1") or after.group("verb2"), True))
    for m in _TRAILING.finditer(text):
        candidates.append((m.start("content"), _trim(text, *m.span("content")), m.span("speaker"),
                           m.group("verb"), False))
    for m in _REPORTED.finditer(text):
        speaker = m.group("speaker")
        if speaker.split()[0] in _SKIP_SPEAKERS and not re.match(_ROLE, speaker):
            continue
        c0, c1 = m.span("content")
        inner = next(((s, e) for s, e in directs if c0 <= s - 1 <= c0 + 40 and e <= c1 + 2), None)
        span, direct = (inner, True) if inner else (_trim(text, c0, c1), False)
        candidates.append((m.start("speaker"), span, m.span("speaker"), m.group("verb"), direct))
    for m in _ACCORDING_DOC.finditer(text):
        candidates.append((m.start("content"), _trim(text, *m.span("content")), m.span("speaker"),
                           "according to a " + m.group("channel"), False))
    quotes: list[Quote] = []
    taken: list[tuple[int, int]] = []
    last: Quote | None = None
    for _, span, speaker, verb, direct in sorted(candidates, key=lambda c: c[0]):
        if span[1] - span[0] < 8 or any(s < span[1] and span[0] < e for s, e in taken):
            continue
        q = _quote(text, span, speaker, verb, direct, mentions, last)
        if q is not None:
            quotes.append(q)
            taken.append(span)
            last = q
    return sorted(quotes, key=lambda q: q.span.start)


def _direct_spans(text: str) -> list[tuple[int, int]]:
    out = []
    for m in re.finditer(r"[“\"]([^“”\"\n]{8,400})[”\"]", text):
        if len(m.group(1).split()) >= 3:
            out.append(m.span(1))
    return out


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and not text[start].isalnum() and text[start] not in _OPEN:
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;"):
        end -= 1
    return start, end


def _quote(text, span, speaker_span, verb, direct, mentions, last: Quote | None) -> Quote | None:
    s, e = speaker_span
    speaker = text[s:e]
    if re.fullmatch(_PRONOUN, speaker):
        if last is None:
            return None
        return Quote(Span(*span), text[span[0]:span[1]], last.speaker_text, last.speaker_span,
                     last.speaker_mention, channel=last.channel, direct=direct,
                     anonymous=last.anonymous, denial=bool(_DENIAL.search(verb)), verb=verb)
    inside = [k for k, m in enumerate(mentions) if s <= m.span.start and m.span.end <= e
              and m.type in ("PER", "ORG")]
    named = any(mentions[k].type == "PER" for k in inside)
    told = _TOLD.match(verb)
    channel = (told.group("channel") if told
               else verb.split()[-1] if verb.startswith("according to") else None)
    return Quote(Span(*span), text[span[0]:span[1]], speaker, Span(s, e),
                 inside[0] if inside else None, channel=channel, direct=direct,
                 anonymous=bool(_ANONYMOUS.search(speaker)) and not named,
                 denial=bool(_DENIAL.search(verb)), verb=verb)
