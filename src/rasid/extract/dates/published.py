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
from rasid.extract.dates.extractor import analyse


MAX_GAP_DAYS = 6


def choose_published(cues: Iterable[int], own: Iterable[date] = (),
                     related: Iterable[date] = ()) -> date | None:
    """The publication date implied by weekday cues and anchors (see the module docstring).

    The article's own past dates say it appeared on or after them: the first day
    with the cue's weekday on or after the latest one. Failing those, dates from
    related articles (their publication dates and the events they report) say it
    appeared near them: the cue's weekday nearest to them, by majority.
    """
    cues = list(cues)
    if not cues:
        return None
    weekday = Counter(cues).most_common(1)[0][0]
    own = list(own)
    if own:
        latest = max(own)
        ahead = (weekday - latest.isoweekday()) % 7
        return latest + timedelta(days=ahead) if ahead <= MAX_GAP_DAYS else None
    votes = Counter(nearest_weekday(d, weekday) for d in related)
    if not votes:
        return None
    best = max(votes.values())
    return max(d for d, n in votes.items() if n == best)  # ties: the later, closest to the news


def infer_published(text: str, related: Iterable[date] = ()) -> date | None:
    """The publication date `text` implies, given dates from related articles."""
    _, evidence = analyse(text, None)
    return choose_published(evidence.cues, evidence.anchors, related)
