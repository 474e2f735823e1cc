"""The reports a story's claims are matched against: its own and its thread's others
(story.claims.story_claims), read from the store with a bound on how many."""
from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from rasid.model import Article, Derivation, Story

# A thread can run for months; its other reports nearest in time to the story are the ones
# likely to carry the same statements, and reading more would make one story page cost as much
# as the whole thread.
THREAD_ARTICLES = 300


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def thread_reports(store, story: Story, own: Sequence[Article], limit: int = THREAD_ARTICLES,
                   aligned_kinds: tuple[str, ...] | None = None) -> tuple[list[Article], list[Derivation]]:
    """`own` (the story's articles) and up to `limit` articles of the thread's other stories,
    those whose stories began nearest the story's first day first, with the derivations among
    them all (aligned clauses decoded for `aligned_kinds`, all when None)."""
    others = [s for s in store.thread_stories(story.thread_id) if s.id != story.id] if story.thread_id else []
    start = _day(story.first_seen)

    def distance(s: Story):
        day = _day(s.first_seen)
        return (day is None or start is None, abs((day - start).days) if day and start else 0, s.id)

    have = {a.id for a in own}
    ids = [aid for s in sorted(others, key=distance) for aid in s.article_ids if aid not in have][:limit]
    articles = list(own) + (store.articles(ids) if ids else [])
    return articles, store.derivations_within([a.id for a in articles], aligned_kinds=aligned_kinds)
