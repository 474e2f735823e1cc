"""Whole-ingest throughput on SaudiNewsNet (real Arabic news, 14 outlets), stage by stage.

Prints articles/s (median of several runs, each in a fresh process so peak
memory is per run), peak RSS, the per-stage split, and the ratio against a
baseline measured in the same process: reading the same file and parsing
every JSON line, the floor any JSONL ingester pays.

    .venv/bin/python benchmarks/bench_ingest.py [--limit N] [--runs K]

Needs ../shared/data/saudinewsnet/saudinewsnet.jsonl.gz (CC BY-NC-SA: used
here only to measure; never bundled).
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "data" / "saudinewsnet" / "saudinewsnet.jsonl.gz"


def one_run(path: str, db: str) -> dict:
    """Runs inside a child process: baseline then the real ingest, same process."""
    from rasid.config import Settings
    from rasid.pipeline import ingest
    from rasid.store.sqlite import SQLiteStore

    t0 = time.perf_counter()
    n = 0
    with open(path, "rb") as fh:
        for line in fh:
            if line.strip():
                json.loads(line)
                n += 1
    baseline = time.perf_counter() - t0

    store = SQLiteStore(db)
    t0 = time.perf_counter()
    report = ingest([path], store, Settings(progress="never"))
    elapsed = time.perf_counter() - t0
    t0 = time.perf_counter()
    again = ingest([path], store, Settings(progress="never"))  # idempotent re-run: all skipped
    reingest = time.perf_counter() - t0
    store.close()
    return {
        "items": report.items, "added": report.added, "rejected": report.rejected,
        "seconds": elapsed, "baseline_seconds": baseline, "baseline_items": n,
        "stages": dict(report.seconds),
        "reingest_seconds": reingest, "reingest_added": again.added,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--limit", type=int, default=0, help="articles to use (default: all 31,030)")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        print(json.dumps(one_run(*args.child)))
        return 0
    if not CORPUS.exists():
        print(f"skipped: {CORPUS} is absent (../shared/data is needed for this benchmark)")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        sample = Path(tmp) / "saudinewsnet.jsonl"
        with gzip.open(CORPUS, "rb") as src, open(sample, "wb") as out:
            for i, line in enumerate(src):
                if args.limit and i >= args.limit:
                    break
                out.write(line)
        results = []
        for k in range(args.runs):
            db = Path(tmp) / f"run{k}.db"
            proc = subprocess.run([sys.executable, __file__, "--child", str(sample), str(db)],
                                  capture_output=True, text=True, check=True,
                                  env={**os.environ, "PYTHONWARNINGS": "ignore"})
            results.append(json.loads(proc.stdout.strip().splitlines()[-1]))
            size_mb = db.stat().st_size / 1e6
            r = results[-1]
            print(f"run {k + 1}: {r['items']:,} items in {r['seconds']:.2f} s "
                  f"({r['items'] / r['seconds']:,.0f}/s), peak RSS {r['peak_rss_mb']:.0f} MB, db {size_mb:.0f} MB")
    rate = statistics.median(r["items"] / r["seconds"] for r in results)
    base = statistics.median(r["baseline_items"] / r["baseline_seconds"] for r in results)
    peak = max(r["peak_rss_mb"] for r in results)
    stages = {k: statistics.median(r["stages"].get(k, 0) for r in results)
              for k in ("read", "ids", "clean", "dates", "story", "store", "corpus")}
    total = sum(stages.values()) or 1
    r0 = results[0]
    print(f"\ningest (read, clean, dates, story, store, corpus pass): median {rate:,.0f} articles/s over {len(results)} runs "
          f"({r0['added']:,} articles stored, {r0['rejected']:,} rejected), one process, one core")
    print(f"baseline (read + json.loads only): median {base:,.0f} lines/s; "
          f"rasid costs {base / rate:.1f}x the baseline")
    print(f"peak memory: {peak:.0f} MB RSS")
    reingest = statistics.median(r["reingest_seconds"] for r in results)
    print(f"re-ingesting the same file: median {reingest:.1f} s, "
          f"{max(r['reingest_added'] for r in results)} articles added (content ids make it a no-op)")
    print("time by stage: " + ", ".join(f"{k} {100 * v / total:.0f}%" for k, v in stages.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
