"""Records in the exact shapes of ../CONTRACT.md, shared by export, CLI and (later) REST.

Fields a later stage fills (mentions, dates, quotes, figures, derived_from,
entities, timeline, summary, discrepancies) are present as empty lists until
that stage exists, so consumers can rely on the keys.
"""
from __future__ import annotations

from rasid.model import Article, Rejection, Story


def article_record(a: Article) -> dict:
    return {
        "id": a.id,
        "source_id": a.source_id,
        "url": a.url,
        "outlet": a.outlet,
        "lang": a.lang,
        "headline": a.headline,
        "published": a.published,
        "published_inferred": a.published_inferred,
        "text": a.text,
        "story_id": a.story_id,
        "thread_id": a.thread_id,
        "derived_from": [],
        "mentions": [],
        "dates": [],
        "quotes": [],
        "figures": [],
        # Additions beyond the contract (allowed: fields may be added, never removed).
        "published_at": a.published_at,
        "source": a.source,
        "line": a.line,
        "format": a.format,
        "subheadings": [{"start": s.start, "end": s.end, "text": s.of(a.text)} for s in a.subheadings],
    }


def story_record(s: Story) -> dict:
    return {
        "id": s.id,
        "thread_id": s.thread_id,
        "title": s.title,
        "first_seen": s.first_seen,
        "last_seen": s.last_seen,
        "article_ids": list(s.article_ids),
        "independent_origins": s.independent_origins,
        "timeline": [],
        "summary": [],
        "discrepancies": [],
        "outlets": list(s.outlets),
    }


def rejection_record(r: Rejection) -> dict:
    return {"source": r.source, "line": r.line, "reason": r.reason,
            "code": r.code, "size": r.size, "sha256": r.sha256}
