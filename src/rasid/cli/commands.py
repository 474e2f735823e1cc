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
from rasid.serve.records import (article_record, derivation_record, entity_record, mention_record,
                                story_record)

MAX_EXPLAIN_ARTICLES = 25
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
    settings = load_settings(progress="never" if args.quiet else None, workers=args.workers,
                             engine=args.engine, spark_master=args.master)
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


def cmd_resolve(args) -> int:
    """Every entity of the archive resolved again from all its mentions. An ingest reads
    only what it changed; this is the whole pass (e.g. to check that the two agree)."""
    from time import perf_counter

    from rasid.resolve.stage import EntityStage

    store = _existing_store(args)
    try:
        t0 = perf_counter()
        report = EntityStage(embeddings=load_settings().embeddings).update(store, whole=True)
        print(f"{report.mentions:,} mentions -> {report.entities:,} entities in {perf_counter() - t0:.1f} s")
    finally:
        store.close()
    return 0


def cmd_demo(args) -> int:
    db = _db(args)
    store = open_store(db)
    try:
        report = ingest([str(resource_path("demo/corpus"))], store, label="demo")
        _report_rejections(report)
        print(ingest_summary(report, db))
        print(store_digest(store))
        print(f"browse it: rasid serve --db {db}   (then open http://127.0.0.1:8000/)")
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


def cmd_entities(args) -> int:
    if args.role:
        return _role_holders(args)
    if args.on:
        raise UsageError("--on needs --role TITLE")
    store = _existing_store(args)
    try:
        entities = store.entities(args.type, limit=args.limit)
        if args.json:
            _print_json([entity_record(e) for e in entities])
        else:
            from rasid.resolve.resolver import latin_name

            for e in entities:
                print(f"{e.id}\t{e.type}\t{len(e.article_ids)}\t{e.name_ar}\t{latin_name(e)}"
                      f"\t{' | '.join(e.variants[:6])}")
    finally:
        store.close()
    return 0


def _role_holders(args) -> int:
    from dataclasses import asdict
    from datetime import date

    from rasid.resolve.roles import holder_on, holders

    if args.on:
        try:
            date.fromisoformat(args.on)
        except ValueError:
            raise UsageError(f"--on wants a day as YYYY-MM-DD, not {args.on!r}") from None
    store = _existing_store(args)
    try:
        tenures = holders(store.entities("PER", members=False), args.role)
    finally:
        store.close()
    if args.on:
        tenures = [t for t in [holder_on(tenures, args.on)] if t is not None]
    if args.json:
        _print_json([asdict(t) for t in tenures])
    else:
        for t in tenures:
            print(f"{t.first or '?'} .. {t.last or '?'}\t{t.name}\t{t.title}\t({t.uses} uses)\t{t.entity_id}")
    return 0


def _show_entity(store, entity, as_json: bool) -> None:
    mentions = store.entity_mentions(entity.id)
    if as_json:
        _print_json({**entity_record(entity), "mentions": [
            {"article_id": aid, **mention_record(m)} for aid, m in mentions]})
        return
    from rasid.resolve.resolver import latin_name

    print(f"{entity.name_ar}  ({latin_name(entity) or '-'})  {entity.type}  {entity.id}")
    print(f"  variants: {' | '.join(entity.variants)}")
    if entity.aliases:
        print(f"  alias file: {', '.join(entity.aliases)}")
    for r in entity.roles:
        print(f"  role: {r.title}  ({r.date or 'undated'}, {r.article_id})")
    print(f"  {len(entity.article_ids)} articles, {len(entity.story_ids)} stories")
    for aid, m in mentions[:40]:
        print(f"    {aid}  {m.span.start}-{m.span.end}  {m.text}")


def cmd_train_ner(args) -> int:
    from rasid.extract.entities.crf import default_model_dir
    from rasid.extract.entities.train import DEFAULT_CORPORA, train_model
    from rasid.extract.entities.unlabelled import missing

    data = Path(args.data)
    if not (data / "anercorp" / "train.txt").is_file():
        raise UsageError(f"no ANERcorp at {data / 'anercorp' / 'train.txt'}: pass --data with "
                         "the folder that holds the public NER corpora")
    corpora = tuple(args.corpora.split(",")) if args.corpora else DEFAULT_CORPORA
    out = Path(args.out) if args.out else default_model_dir()
    unlabelled = tuple(args.unlabelled or ())
    if unlabelled and not args.out:
        raise UsageError("--unlabelled adapts the tagger to your text: write the model to a folder of "
                         "your own with --out DIR (and set ner_model = \"crf:DIR\"), not over the shipped one")
    for source in unlabelled:
        if why := missing(source):
            raise UsageError(f"--unlabelled {source}: {why}")
    card = train_model(data, out, corpora, log=lambda msg: print(msg, file=sys.stderr), unlabelled=unlabelled)
    print(json.dumps(card["dev"], indent=1))
    return 0


def cmd_show(args) -> int:
    store = _existing_store(args)
    try:
        story = store.story(args.story_id)
        article = store.find_article(args.story_id) if story is None else None
        entity = store.entity(args.story_id) if story is None and article is None else None
        if entity is not None and args.explain is None:
            _show_entity(store, entity, args.json)
            return 0
        if story is None and article is None:
            raise NotFound(f"no story, article or entity matches {args.story_id!r}: "
                           "`rasid stories` lists stories, `rasid entities` entities")
        if args.explain is not None:
            return _explain(store, story, article, args)
        if article is not None:
            _show_article(store, article, args.json)
        else:
            _show_story(store, story, args.json)
    finally:
        store.close()
    return 0


def _derivation_line(d, titles: dict) -> str:
    arrow = f"{d.derived_id} <- {d.source_id}" if d.directed else f"{d.derived_id} ~ {d.source_id}"
    why = f"source by {', '.join(d.basis)}" if d.directed else "direction unknown"
    return f"  {arrow}  {d.kind} {d.score:.2f} ({why}; {len(d.aligned)} clauses align)"


def _show_story(store, story, as_json: bool) -> None:
    articles = store.articles(story.article_ids)
    members = set(story.article_ids)
    derivations = [d for d in store.derivations(members)
                   if d.source_id in members and d.derived_id in members]
    from rasid.serve.records import story_voices
    from rasid.serve.thread import thread_reports
    from rasid.story.claims import discrepancies, story_claims
    from rasid.story.summary import summarize

    found = story_claims(members, *thread_reports(store, story, articles))
    disagreements = discrepancies(articles, found)
    df, n_docs = store.document_frequencies()
    summary = summarize(articles, derivations, df=df, n_docs=n_docs)
    record = story_record(story, story_voices(articles).get(story.id), found, disagreements, summary)
    if as_json:
        _print_json({**record, "articles": [article_record(a, derivations) for a in articles],
                     "derivations": [derivation_record(d) for d in derivations]})
        return
    print(f"{story.title}\n{story.id}  thread {story.thread_id}")
    n, k = len(articles), story.independent_origins
    print(f"seen {story.first_seen or '?'} .. {story.last_seen or '?'}; {n} article{'s' * (n != 1)}, "
          f"{k} independent origin{'s' * (k != 1)}; outlets: "
          f"{', '.join(story.outlets) or '-'}")
    if summary:
        print("\nsummary:")
        for x in summary:
            print(f"  {x.text}  [{', '.join(x.article_ids)}]")
    if story.timeline:
        print("\ntimeline:")
        for e in story.timeline:
            print(f"  {e.date}  {e.what}  [{', '.join(e.article_ids)}]")
    if derivations:
        print("\nwho copied whom (derived <- source):")
        for d in derivations:
            print(_derivation_line(d, {}))
    if found:
        print(f"\nwho said what ({record['anonymous_sources']} statements from unnamed sources):")
        for c in found[:12]:
            origins = f"{c.independent_origins} origin{'s' * (c.independent_origins != 1)}"
            print(f"  {'denies: ' if c.denial else ''}{c.speaker_text}: «{_clip(c.text)}»  "
                  f"[{origins}: {', '.join(c.article_ids)}]")
    if disagreements:
        print("\nwhere the sources disagree:")
        for d in disagreements:
            sides = "  vs  ".join(f"{_clip(str(v['value']), 50)} [{', '.join(v['article_ids'])}]"
                                  for v in d["values"])
            print(f"  {_clip(d['about'], 40)}: {sides}")
    for a in articles:
        _article_lines(a)


def _clip(text: str, width: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[:width - 1] + "…"


def _article_lines(a) -> None:
    inferred = " (inferred)" if a.published_inferred else ""
    print(f"\n- {a.id}  {a.published or '?'}{inferred}  {a.outlet or '-'}  [{a.lang}]  {a.source_id}")
    if a.headline:
        print(f"  {a.headline}")
    first = a.sentences[0].of(a.text) if a.sentences else a.text[:200]
    print(f"  {first}")


def _show_article(store, article, as_json: bool) -> None:
    derivations = store.derivations([article.id])
    if as_json:
        _print_json({**article_record(article, derivations),
                     "derivations": [derivation_record(d) for d in derivations]})
        return
    _article_lines(article)
    print(f"  story {article.story_id}  thread {article.thread_id}")
    if derivations:
        print("\nwho copied whom (derived <- source):")
        for d in derivations:
            print(_derivation_line(d, {}))


def _explain(store, story, article, args) -> int:
    """Why articles are or are not linked as copies, rewrites or translations."""
    from rasid.link.explain import explain_article, explain_pair, format_check
    from rasid.link.stage import DerivationStage

    stage = DerivationStage(embeddings=load_settings().embeddings).use_frequencies(store)
    if article is not None and args.explain:
        other = store.find_article(args.explain)
        if other is None:
            raise NotFound(f"no article matches {args.explain!r}")
        records = [explain_pair(stage, article, other)]
    elif article is not None:
        records = explain_article(stage, store, article)
    else:
        members = store.articles(story.article_ids)
        if len(members) > MAX_EXPLAIN_ARTICLES:
            raise UsageError(f"story {story.id} has {len(members)} articles; explain at most "
                             f"{MAX_EXPLAIN_ARTICLES} (pick one: rasid show ARTICLE_ID --explain)")
        records = [explain_pair(stage, a, b) for i, a in enumerate(members) for b in members[i + 1:]]
    if args.json:
        _print_json(records)
    else:
        if not records:
            print("no candidates: nothing shares enough text or meaning with this article to check")
        for rec in records:
            print(format_check(rec) + "\n")
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


def cmd_serve(args) -> int:
    from rasid.serve.server import serve

    store = _existing_store(args)   # a missing database is a usage error, not an empty site
    store.close()
    settings = load_settings()
    serve(_db(args), args.host, args.port, settings.serve_token or None, args.workers)
    return 0
