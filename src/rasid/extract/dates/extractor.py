"""The date stage: every date expression in an article, resolved, with the happening it dates.

Matching runs on normalized text (so أيار/ايار, ١٢/12 and diacritics don't
matter); spans are mapped back to the article's own text. A bare weekday is
read in the tense of its sentence: past narrative points to the most recent
such day before publication, a future verb (سيزور, من المقرر) to the next one.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache

from rasid.extract.dates.lexicon import lexicon
from rasid.extract.dates.parse import Parsed, Parser, tokenize
from rasid.extract.dates.resolve import RELATIVE_KINDS, resolve
from rasid.model import Article, DateRef, Span
from rasid.text.normalize import Norm, normalize, normalize_indexed
from rasid.text.sentences import split_sentences

VERSION = "dates/2"   # 2: numeric Hijri dates («28 / 7 / 1433هـ») read as Hijri
WHAT_MAX_WORDS = 18
WINDOW_BEFORE, WINDOW_AFTER = 10, 8
_CLAUSE = re.compile(r"[،؛:;]\s*|,\s+")
_TRAILING_MARKS = frozenset("\u0640" + "".join(chr(c) for c in range(0x064B, 0x0660)) + "\u0670")
_LEADING = re.compile(r"^(?:و|ف)?(?:في|يوم|منذ|خلال|حتى|قبل|بعد|ب|من)?\s+")


@lru_cache(maxsize=1)
def _future_re() -> re.Pattern[str]:
    lex = lexicon()
    phrases = "|".join(re.escape(p) for p in sorted(lex.future_phrases, key=len, reverse=True))
    return re.compile(rf"(?<!\w)[وف]?(?:{phrases})(?!\w)|(?<!\w)[وف]?س[يتن]\w{{3,}}")


def is_future(sentence_norm: str) -> bool:
    """True when a normalized sentence speaks of the future (سوف, من المقرر, سيزور…)."""
    lex = lexicon()
    for m in _future_re().finditer(sentence_norm):
        word = m.group().lstrip("وف")
        if word not in lex.not_verbs:
            return True
    return False


def parse_text(text: str) -> tuple[list[Parsed], list[Span]]:
    """Parsed expressions with spans mapped to `text`."""
    norm, index = normalize_indexed(text, Norm.MATCH)
    parsed = Parser(tokenize(norm)).parse()
    spans = []
    for p in parsed:
        start = index.source(p.start_char)
        end = index.source(p.end_char - 1) + 1
        while end < len(text) and text[end] in _TRAILING_MARKS:  # هـ: the tatweel belongs to it
            end += 1
        spans.append(Span(start, max(start, end)))
    return parsed, spans


def _clause(text: str, sentence: Span, span: Span) -> tuple[int, int, list[int]]:
    """(start, end, clause bounds) of the clause holding `span`, relative to the sentence."""
    s_text = text[sentence.start:sentence.end]
    rel_start, rel_end = span.start - sentence.start, span.end - sentence.start
    bounds = [0] + [m.end() for m in _CLAUSE.finditer(s_text)] + [len(s_text)]
    clause_start = max(b for b in bounds if b <= rel_start)
    clause_end = min((b for b in bounds if b >= rel_end), default=len(s_text))
    return clause_start, clause_end, bounds


def _tense_text(text: str, sentence: Span, span: Span) -> str:
    """The words that set a date's tense: its clause up to the date, and the clause before
    when this one has no verb of its own (a date opening a clause: "، الأحد المقبل")."""
    clause_start, _, bounds = _clause(text, sentence, span)
    piece = text[sentence.start + clause_start:span.end]
    if len(piece.split()) < 3 and clause_start > 0:
        prev = max(b for b in bounds if b < clause_start)
        piece = text[sentence.start + prev:span.end]
    return piece


def _what(text: str, sentence: Span, span: Span) -> str | None:
    """The clause the date sits in, without the date: "وكان الشطري قد زار دمشق"."""
    s_text = text[sentence.start:sentence.end]
    rel_start, rel_end = span.start - sentence.start, span.end - sentence.start
    clause_start, clause_end, bounds = _clause(text, sentence, span)
    before = s_text[clause_start:rel_start].strip(" ،,")
    after = s_text[rel_end:clause_end].strip(" ،,.؛:")
    if len(before.split()) < 3 and clause_start > 0:  # the subject is often in the clause before
        prev_start = max(b for b in bounds if b < clause_start)
        before = (s_text[prev_start:clause_start].strip(" ،,") + " " + before).strip()
    what = " ".join(w for w in (before, after) if w)
    if len(what.split()) < 4:
        # Tiny clauses ("، اليوم الخميس،"): a window of the sentence around the date instead.
        left = s_text[:rel_start].split()[-WINDOW_BEFORE:]
        right = s_text[rel_end:].split()[:WINDOW_AFTER]
        what = " ".join(left + right).strip(" ،,.")
    what = re.sub(r"\s+(?:في|يوم|منذ|خلال|حتى|من|بتاريخ)$", "", what).strip()
    what = _LEADING.sub("", what) if len(what.split()) > 3 else what
    what = what.strip(" ،,.؛:;-–")
    words = what.split()
    if len(words) < 2:
        return None
    return " ".join(words[:WHAT_MAX_WORDS]) + ("…" if len(words) > WHAT_MAX_WORDS else "")


@dataclass(frozen=True, slots=True)
class Evidence:
    """What a text says about its own publication date."""

    cues: tuple[int, ...]      # ISO weekdays implied by اليوم/أمس/غداً + weekday
    anchors: tuple[date, ...]  # absolute day dates it states with a year


def analyse(text: str, published: date | None, sentences: Iterable[Span] | None = None
            ) -> tuple[tuple[DateRef, ...], Evidence]:
    """Dates in `text` resolved against `published`, and the publication evidence, in one parse."""
    parsed, spans = parse_text(text)
    if not parsed:
        return (), Evidence((), ())
    sents = list(sentences) if sentences is not None else split_sentences(text)
    out = []
    cues, anchors = [], []
    last_month: tuple[int, int] | None = None
    for p, span in zip(parsed, spans):
        if p.fields.get("month_ref") and last_month:  # "22 أبريل بدلاً من 19 منه"
            p.fields.update(year=last_month[0], month=last_month[1], digits=4)
            del p.fields["month_ref"]
        sentence = next((s for s in sents if s.start <= span.start < s.end), Span(0, len(text)))
        future = is_future(normalize(_tense_text(text, sentence, span), Norm.MATCH))
        v = resolve(p, published, future)
        if v.value and v.grain in ("day", "month"):
            last_month = (int(v.value[:4]), int(v.value[5:7]))
        if p.kind == "relday" and "weekday" in p.fields:
            cues.append((p.fields["weekday"] - 1 - p.fields["offset"]) % 7 + 1)
        elif (p.kind in ("date", "numeric") and "year" in p.fields and v.grain == "day"
              and v.value and not v.flags and not future):
            anchors.append(date.fromisoformat(v.value))  # a past event: the article came after it
        # Relative: the value depends on the publication date (a weekday, "أمس", and also a
        # day or month stated without a year: "28 ديسمبر", "ديسمبر الماضي").
        relative = p.kind in RELATIVE_KINDS or (
            p.kind in ("date", "month") and "year" not in p.fields and v.calendar == "gregorian")
        out.append(DateRef(
            span=span, text=text[span.start:span.end], value=v.value, grain=v.grain, end=v.end,
            calendar=v.calendar, relative=relative, flags=v.flags,
            what=_what(text, sentence, span),
        ))
    return tuple(out), Evidence(tuple(cues), tuple(anchors))


def extract_dates(text: str, published: date | None, sentences: Iterable[Span] | None = None
                  ) -> tuple[DateRef, ...]:
    """Every date expression in `text`, resolved against `published` (may be None)."""
    return analyse(text, published, sentences)[0]


def published_date(article: Article) -> date | None:
    return date.fromisoformat(article.published) if article.published else None


class DateExtractor:
    """Per-article stage: needs cleaned text and the publication date; adds `dates`.

    When the publication date is missing it is inferred from the text where the
    text allows (see published.py); `needs_corpus` tells the caller when only
    related articles could settle it.
    """

    name = "dates"
    version = VERSION

    def analyse(self, article: Article) -> tuple[Article, bool]:
        """(article with dates, True if its publication date is still open but has cues)."""
        body = list(article.sentences) + list(article.subheadings) or None
        dates, evidence = analyse(article.text, published_date(article), body)
        if article.published is not None or not evidence.cues:
            return replace(article, dates=dates), False
        from rasid.extract.dates.published import choose_published  # published.py imports this module

        found = choose_published(evidence.cues, evidence.anchors)
        if found is None:
            return replace(article, dates=dates), True
        dates = analyse(article.text, found, body)[0]
        return replace(article, dates=dates, published=found.isoformat(), published_inferred=True), False

    def __call__(self, article: Article) -> Article:
        return self.analyse(article)[0]

    def pipe(self, articles: Iterable[Article]) -> Iterator[Article]:
        for a in articles:
            yield self(a)
