"""Per story (and per thread): the dated happenings in order, each with its articles.

Only dates that pin a happening (day or month grain, with the clause they
date) make the timeline; publication times do not. The same date reported by
several articles is one entry citing all of them.
"""
from __future__ import annotations

from collections.abc import Iterable

from rasid.model import Article, TimelineEntry

TIMELINE_GRAINS = ("day", "month")


def story_timeline(articles: Iterable[Article]) -> tuple[TimelineEntry, ...]:
    entries: dict[str, dict] = {}
    ordered = sorted(articles, key=lambda a: (a.published or "9999", a.id))
    for a in ordered:
        for d in a.dates:
            if d.value is None or d.grain not in TIMELINE_GRAINS or not d.what:
                continue
            e = entries.setdefault(d.value, {"grain": d.grain, "what": d.what, "ids": []})
            if a.id not in e["ids"]:
                e["ids"].append(a.id)
    return tuple(TimelineEntry(value, e["grain"], e["what"], tuple(e["ids"]))
                 for value, e in sorted(entries.items()))


def merge_timelines(timelines: Iterable[Iterable[TimelineEntry]]) -> tuple[TimelineEntry, ...]:
    """A thread's timeline: its stories' entries merged by date."""
    merged: dict[str, TimelineEntry] = {}
    for timeline in timelines:
        for e in timeline:
            if e.date in merged:
                old = merged[e.date]
                ids = old.article_ids + tuple(i for i in e.article_ids if i not in old.article_ids)
                merged[e.date] = TimelineEntry(old.date, old.grain, old.what, ids)
            else:
                merged[e.date] = e
    return tuple(merged[k] for k in sorted(merged))
