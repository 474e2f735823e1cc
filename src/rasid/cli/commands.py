"""One function per command; each parses nothing and decides nothing the library could."""
from __future__ import annotations

import json
import sys
from pathlib import Path

from rasid.cli.digest import ingest_summary, store_digest
from rasid.config import load_settings
from rasid.errors import NotFound, UsageError
from rasid.ingest import find_files
from rasid.pipeline import ingest
from rasid.resources import resource_path
from rasid.serve.export import export
from rasid.serve.records import article_record, story_record
from rasid.store import open_store


def _db(args) -> str:
    return args.db or load_settings().db


def _existing_store(args):
    db = _db(args)
    if "://" not in db and not Path(db).exists():
        raise UsageError(f"no database at {db}: run `rasid ingest PATH... --db {db}` first")
    return open_store(db)


def _print_json(obj) -> None:
    json.dump(obj, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def _report_rejections(report) -> None:
    for r in report.rejections:
        where = f"{r.source}:{r.line}" if r.line is not None else r.source
        print(f"{where}: rejected ({r.code}): {r.reason}", file=sys.stderr)
    if report.rejected > len(report.rejections):
        print(f"... and {report.rejected - len(report.rejections)} more rejections "
              "(all kept in the database)", file=sys.stderr)


def cmd_ingest(args) -> int:
    db = _db(args)
    settings = load_settings(progress="never" if args.quiet else None)
    find_files(args.paths)  # a missing path is a usage error before any database is created
    store = open_store(db)
    try:
        report = ingest(args.paths, store, settings)
    finally:
        store.close()
    _report_rejections(report)
    if not args.quiet:
        print(ingest_summary(report, db))
    return 0 if report.ok else 1


def cmd_demo(args) -> int:
    db = _db(args)
    store = open_store(db)
    try:
        report = ingest([str(resource_path("demo/corpus"))], store, label="demo")
        _report_rejections(report)
        print(ingest_summary(report, db))
        print(store_digest(store))
    finally:
        store.close()
    return 0 if report.ok else 1


def cmd_stories(args) -> int:
    store = _existing_store(args)
    try:
        stories = store.stories()
        if args.json:
            _print_json([story_record(s) for s in stories])
        else:
            for s in stories:
                print(f"{s.id}\t{s.last_seen or '-'}\t{len(s.article_ids)}\t{s.title}")
    finally:
        store.close()
    return 0


def cmd_show(args) -> int:
    store = _existing_store(args)
    try:
        story = store.story(args.story_id)
        if story is None:
            raise NotFound(f"no story matches {args.story_id!r}: `rasid stories` lists them")
        articles = [store.article(aid) for aid in story.article_ids]
        if args.json:
            _print_json({**story_record(story), "articles": [article_record(a) for a in articles if a]})
            return 0
        print(f"{story.title}\n{story.id}  thread {story.thread_id}")
        n, k = len(articles), story.independent_origins
        print(f"seen {story.first_seen or '?'} .. {story.last_seen or '?'}; {n} article{'s' * (n != 1)}, "
              f"{k} independent origin{'s' * (k != 1)}; outlets: "
              f"{', '.join(story.outlets) or '-'}")
        if story.timeline:
            print("\ntimeline:")
            for e in story.timeline:
                print(f"  {e.date}  {e.what}  [{', '.join(e.article_ids)}]")
        for a in articles:
            if a is None:
                continue
            inferred = " (inferred)" if a.published_inferred else ""
            print(f"\n- {a.id}  {a.published or '?'}{inferred}  {a.outlet or '-'}  [{a.lang}]  {a.source_id}")
            if a.headline:
                print(f"  {a.headline}")
            first = a.sentences[0].of(a.text) if a.sentences else a.text[:200]
            print(f"  {first}")
    finally:
        store.close()
    return 0


def cmd_export(args) -> int:
    store = _existing_store(args)
    try:
        if args.out:
            with open(args.out, "w", encoding="utf-8", newline="") as out:
                export(store, args.format, out)
        else:
            export(store, args.format, sys.stdout)
    finally:
        store.close()
    return 0


def cmd_search(args) -> int:
    store = _existing_store(args)
    try:
        hits = store.search(args.query, args.limit)
        if args.json:
            _print_json([{"article_id": h.article_id, "score": round(h.score, 3), "snippet": h.snippet}
                         for h in hits])
        else:
            for h in hits:
                print(f"{h.article_id}\t{h.score:.2f}\t{h.snippet}")
    finally:
        store.close()
    return 0
