"""How far small ingests drift from one pass: stories and threads.

An archive grows by small ingests, and each re-clusters only its neighbourhood (the new
articles, the reports the clusterer would compare them with, and their stories and threads).
This builds an archive of `--base` articles in one run (bench_derivation.py's corpus:
SaudiNewsNet in crawl-date order), ingests the next `--batches` x `--size` articles one batch
per run, then re-clusters a copy of the result whole, and compares the two partitions of the
same articles: B-cubed F1 and adjusted Rand index, for stories and for threads, the one-pass
partition taken as the reference. It also prints the story stage's time per small ingest, and
how far the old articles' threads moved from where the base run put them, in the small runs
and in one pass.

    .venv/bin/python benchmarks/bench_story_drift.py [--base 9856] [--batches 10] [--size 100]
"""
from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "eval" / "stories"))
from bench_derivation import fresh_corpus  # noqa: E402
from bench_stories import CORPUS  # noqa: E402
from metrics import adjusted_rand, bcubed  # noqa: E402


def partitions(store) -> dict[str, tuple[str, str]]:
    """article id -> (story id, thread id)."""
    return {a.id: (a.story_id, a.thread_id) for a in store.iter_articles()}


def agreement(reference: dict, other: dict, part: int, ids=None) -> tuple[float, float]:
    ids = ids if ids is not None else reference.keys()
    ref = {i: reference[i][part] for i in ids}
    got = {i: other[i][part] for i in ids}
    return bcubed(ref, got)[2], adjusted_rand(ref, got)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--base", type=int, default=9856)
    ap.add_argument("--batches", type=int, default=10)
    ap.add_argument("--size", type=int, default=100)
    args = ap.parse_args()
    if not CORPUS.exists():
        print(f"skipped: {CORPUS} is absent")
        return 0
    from rasid.config import Settings
    from rasid.pipeline import ingest
    from rasid.store.sqlite import SQLiteStore
    from rasid.story.assign import StoryStage

    settings = Settings(progress="never")
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        corpus = tmp / "corpus.jsonl"
        fresh_corpus(args.base + args.batches * args.size, corpus)
        lines = corpus.read_text(encoding="utf-8").splitlines(keepends=True)
        (tmp / "base.jsonl").write_text("".join(lines[:args.base]), encoding="utf-8")
        db = tmp / "archive.db"
        with SQLiteStore(db) as store:
            started = time.perf_counter()
            ingest([str(tmp / "base.jsonl")], store, settings)
            print(f"base: {store.counts()['articles']:,} articles in one run, {time.perf_counter() - started:.0f} s",
                  flush=True)
            base = partitions(store)
            story_seconds = []
            for k in range(args.batches):
                part = tmp / f"batch{k}.jsonl"
                start = args.base + k * args.size
                part.write_text("".join(lines[start:start + args.size]), encoding="utf-8")
                report = ingest([str(part)], store, settings)
                story_seconds.append(report.seconds.get("stories", 0.0))
            small = partitions(store)
        whole_db = tmp / "whole.db"
        shutil.copy(db, whole_db)
        if Path(str(db) + ".cache").exists():
            shutil.copytree(str(db) + ".cache", str(whole_db) + ".cache")
        with SQLiteStore(whole_db) as store:
            started = time.perf_counter()
            StoryStage(model="packaged" if settings.story_model else None,
                       embeddings=settings.embeddings).recluster_all(store)
            whole_seconds = time.perf_counter() - started
            whole = partitions(store)
    print(f"{args.batches} ingests of {args.size}: story stage median {statistics.median(story_seconds):.1f} s"
          f" per ingest (all: {', '.join(f'{s:.1f}' for s in story_seconds)}); one pass over all"
          f" {len(whole):,}: {whole_seconds:.1f} s")
    for part, name in ((0, "stories"), (1, "threads")):
        f1, ari = agreement(whole, small, part)
        count_small = len({v[part] for v in small.values()})
        count_whole = len({v[part] for v in whole.values()})
        moved_small = agreement(base, small, part, base.keys())[0]
        moved_whole = agreement(base, whole, part, base.keys())[0]
        print(f"{name}: small ingests against one pass B-cubed F1 {f1:.4f}, ARI {ari:.4f}"
              f" ({count_small:,} against {count_whole:,}); the {len(base):,} old articles against"
              f" the base run: F1 {moved_small:.4f} after the small ingests, {moved_whole:.4f} after one pass")
    return 0


if __name__ == "__main__":
    sys.exit(main())
