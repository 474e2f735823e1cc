"""Infer a missing publication date from the text and from related articles.

Evidence: "اليوم الخميس" says the article appeared on a Thursday; "أمس الأحد"
says on a Monday. Absolute dates the article (or a related article) reports in
the past are anchors: the article appeared on or after them. The inferred date
is the first day with the stated weekday on or after the latest anchor, within
a week. Without a weekday cue and an anchor, nothing is inferred: a guess
would be worse than an honest null.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import date, timedelta

from rasid.extract.dates.calendar import nearest_weekday
from rasid.extract.dates.extractor import parse_text
from rasid.extract.dates.resolve import resolve

MAX_GAP_DAYS = 6


def evidence(text: str) -> tuple[list[int], list[date]]:
    """(publication weekdays implied by اليوم/أمس/غداً + weekday, absolute past day dates
    stated with a year), from one parse of the text."""
    parsed, _ = parse_text(text)
    cues, anchors = [], []
    for p in parsed:
        if p.kind == "relday" and "weekday" in p.fields:
            cues.append((p.fields["weekday"] - 1 - p.fields["offset"]) % 7 + 1)
        elif p.kind in ("date", "numeric") and "year" in p.fields and "day" in p.fields:
            v = resolve(p, None)
            if v.value and v.grain == "day" and not v.flags:
                anchors.append(date.fromisoformat(v.value))
    return cues, anchors


def weekday_cues(text: str) -> list[int]:
    return evidence(text)[0]


def infer_published(text: str, related: Iterable[date] = ()) -> date | None:
    """The publication date the text implies.

    The article's own past dates say it appeared on or after them: the first day
    with the cue's weekday on or after the latest one. Failing those, dates from
    related articles (their publication dates and the events they report) say it
    appeared near them: the cue's weekday nearest to them, by majority.
    """
    cues, own = evidence(text)
    if not cues:
        return None
    weekday = Counter(cues).most_common(1)[0][0]
    if own:
        latest = max(own)
        ahead = (weekday - latest.isoweekday()) % 7
        return latest + timedelta(days=ahead) if ahead <= MAX_GAP_DAYS else None
    votes = Counter(nearest_weekday(d, weekday) for d in related)
    if not votes:
        return None
    best = max(votes.values())
    return max(d for d, n in votes.items() if n == best)  # ties: the later, closest to the news
