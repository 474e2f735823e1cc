"""Export the whole store in open formats: one JSON object, JSON Lines, or CSV.

JSON follows the contract exactly and is written incrementally, so exporting a
large archive does not hold it in memory twice. JSON Lines writes one record
per line tagged with "record" (article, entity, story, rejected). CSV writes
the articles table, one row per article, for spreadsheets.
"""
from __future__ import annotations

import csv
import json
from collections import Counter
from typing import TextIO

from rasid.errors import UsageError
from rasid.serve.records import (article_record, entity_record, rejection_record, story_record,
                                story_voices, thread_record)
from rasid.store.base import Store

FORMATS = ("json", "jsonl", "csv")
CSV_COLUMNS = ("id", "source_id", "url", "outlet", "lang", "published", "published_inferred",
               "headline", "story_id", "thread_id", "text")


def _dump(obj: dict) -> str:
    return json.dumps(obj, ensure_ascii=False)


def _threads(store: Store):
    by_thread: dict[str, list] = {}
    for s in store.stories():
        by_thread.setdefault(s.thread_id, []).append(s)
    return (thread_record(tid, stories) for tid, stories in by_thread.items())


def _articles(store: Store):
    by_article: dict[str, list] = {}
    for d in store.derivations():
        by_article.setdefault(d.derived_id, []).append(d)
        if not d.directed:
            by_article.setdefault(d.source_id, []).append(d)
    return (article_record(a, by_article.get(a.id, ())) for a in store.iter_articles())


def _stories(store: Store):
    """Story cards with their cited summary, who they quote, what is claimed by how many
    origins, and where the sources disagree; one story's articles in memory at a time."""
    from rasid.serve.thread import THREAD_ARTICLES, thread_reports
    from rasid.story.claims import claims, discrepancies, story_claims
    from rasid.story.summary import summarize

    df, n_docs = store.document_frequencies()
    by_article: dict[str, list] = {}
    for d in store.derivations():  # indexed once: each story looks up only its own links
        by_article.setdefault(d.derived_id, []).append(d)

    def within(ids: set[str]) -> list:
        return [d for aid in ids for d in by_article.get(aid, ()) if d.source_id in ids]

    stories = store.stories()
    of_thread: dict[str, list[str]] = {}
    for s in stories:
        of_thread.setdefault(s.thread_id, []).extend(s.article_ids)
    left = Counter(s.thread_id for s in stories)   # a thread's claims are dropped after its last story
    thread_found: dict[str, list] = {}   # a thread small enough is matched once for all its stories
    for s in stories:
        members = store.articles(s.article_ids)
        ids = set(s.article_ids)
        links = within(ids)
        thread = of_thread[s.thread_id]
        if len(thread) <= THREAD_ARTICLES + len(ids):
            if s.thread_id not in thread_found:
                every = members if len(thread) == len(ids) else store.articles(thread)
                thread_found[s.thread_id] = claims(every, within({a.id for a in every}))
            found = [c for c in thread_found[s.thread_id] if not ids.isdisjoint(c.article_ids)]
        else:
            found = story_claims(ids, *thread_reports(store, s, members))
        left[s.thread_id] -= 1
        if not left[s.thread_id]:
            thread_found.pop(s.thread_id, None)
        yield story_record(s, story_voices(members).get(s.id), found, discrepancies(members, found),
                           summarize(members, links, df=df, n_docs=n_docs))


def _sections(store: Store):
    yield "articles", _articles(store)
    yield "entities", (entity_record(e) for e in store.entities())
    yield "stories", _stories(store)
    yield "rejected", (rejection_record(r) for r in store.iter_rejections())
    yield "threads", _threads(store)  # an addition: threads with their combined timelines


def export_json(store: Store, out: TextIO) -> None:
    out.write("{")
    for k, (name, records) in enumerate(_sections(store)):
        out.write(("," if k else "") + f'\n"{name}": [')
        for i, rec in enumerate(records):
            out.write(("," if i else "") + "\n  " + _dump(rec))
        out.write("\n]")
    out.write("\n}\n")


def export_jsonl(store: Store, out: TextIO) -> None:
    kinds = {"articles": "article", "entities": "entity", "stories": "story", "rejected": "rejected",
             "threads": "thread"}
    for name, records in _sections(store):
        for rec in records:
            out.write(_dump({"record": kinds[name], **rec}) + "\n")


def export_csv(store: Store, out: TextIO) -> None:
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for rec in _articles(store):
        writer.writerow(["true" if rec[c] is True else "false" if rec[c] is False else rec[c]
                         for c in CSV_COLUMNS])


def export(store: Store, fmt: str, out: TextIO) -> None:
    writers = {"json": export_json, "jsonl": export_jsonl, "csv": export_csv}
    if fmt not in writers:
        raise UsageError(f"unknown export format {fmt!r}: use one of {', '.join(FORMATS)}")
    writers[fmt](store, out)
