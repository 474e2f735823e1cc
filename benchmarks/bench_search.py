"""Full-text search latency: SQLite FTS5 against PostgreSQL's `arabic` configuration, on the
same articles, with the same queries.

Loads N SaudiNewsNet articles into both stores (the write path only: clean, then one
`write_batch` per 500 articles, so the search index is what is measured), then times
queries of one and two words drawn from the articles' own headlines (real Arabic,
words that exist), and prints p50/p95 per store, hits per query, and the load rate.

    eval "$(bash .ci/postgres.sh start)"     # a throwaway server, if you have none
    .venv/bin/python benchmarks/bench_search.py [--limit 20000] [--queries 400] [--pg URL]

Needs ../shared/data/saudinewsnet/saudinewsnet.jsonl.gz (CC BY-NC-SA: used here only to
measure; never bundled).
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "data" / "saudinewsnet" / "saudinewsnet.jsonl.gz"
sys.path.insert(0, str(ROOT / "benchmarks"))


def articles(limit: int):
    from rasid.clean.cleaner import clean
    from rasid.config import Settings
    from rasid.errors import InputError
    from rasid.ingest.readers import document_from_fields

    settings = Settings(progress="never")
    with gzip.open(CORPUS, "rt", encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if i >= limit:
                break
            try:
                raw = document_from_fields(json.loads(line), "saudinewsnet.jsonl", i + 1, "jsonl",
                                           "utf-8", settings)
            except InputError:       # the corpus's empty bodies
                continue
            yield clean(raw)


def load(store, arts, batch: int = 500) -> float:
    t0 = time.perf_counter()
    for i in range(0, len(arts), batch):
        store.write_batch(arts[i:i + batch])
    return time.perf_counter() - t0


def timed(store, queries: list[str]) -> tuple[list[float], list[int]]:
    store.search(queries[0])                       # warm caches and connections
    times, hits = [], []
    for q in queries:
        t0 = time.perf_counter()
        found = store.search(q, limit=20)
        times.append((time.perf_counter() - t0) * 1000)
        hits.append(len(found))
    return times, hits


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(p * len(values)))]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--limit", type=int, default=20000)
    ap.add_argument("--queries", type=int, default=400)
    ap.add_argument("--pg", default=os.environ.get("RASID_TEST_POSTGRES", ""))
    args = ap.parse_args()
    if not CORPUS.exists():
        print(f"skipped: {CORPUS} is absent (../shared/data is needed for this benchmark)")
        return 0
    if not args.pg:
        print("skipped: no PostgreSQL server (--pg URL or $RASID_TEST_POSTGRES)")
        return 0
    from bench_ingest import _fresh_database
    from rasid.store import open_store
    from rasid.text.tokens import match_keys

    arts = list(articles(args.limit))
    rng = random.Random(7)
    words = [w for a in arts if a.headline for w in a.headline.split() if len(match_keys(w)) == 1
             and len(w) >= 4 and not w.isdigit()]
    queries = [rng.choice(words) if i % 2 else f"{rng.choice(words)} {rng.choice(words)}"
               for i in range(args.queries)]
    with tempfile.TemporaryDirectory() as tmp:
        stores = {"sqlite (FTS5)": open_store(str(Path(tmp) / "search.db")),
                  "postgresql (arabic)": open_store(_fresh_database(args.pg, "rasid_bench_search"))}
        loaded = {name: load(s, arts) for name, s in stores.items()}
        print(f"{len(arts):,} articles, {len(queries)} queries (half one word, half two words)")
        for name, s in stores.items():
            times, hits = timed(s, queries)
            found = sum(1 for h in hits if h)
            print(f"  {name}: p50 {statistics.median(times):.2f} ms, p95 {pct(times, 0.95):.2f} ms; "
                  f"{found}/{len(queries)} queries find something, median {statistics.median(hits):.0f} hits; "
                  f"write path {len(arts) / loaded[name]:,.0f} articles/s")
            s.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
