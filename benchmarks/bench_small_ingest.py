"""What one small ingest costs in a large archive, stage by stage.

A monitor ingests every few minutes, so what matters at scale is not only the backfill but
the cost of the next hundred articles in an archive of hundreds of thousands. This takes an
archive made by bench_derivation.py (`--dir DIR` keeps `DIR/N.fresh.db`), ingests the next
articles of the same stream (`fresh_records`: replicas with renamed vocabularies, dated after
the archive) in batches of `--size`, one ingest per batch, each in a fresh process, and
prints each stage's seconds per batch and their medians.

It changes the archive it is given (the batches stay in it), so give it a copy:

    cp DIR/300000.fresh.db COPY.db && cp -r DIR/300000.fresh.db.cache COPY.db.cache
    .venv/bin/python benchmarks/bench_small_ingest.py COPY.db --start 300000 [--size 100] [--batches 3]

`--start` is the number of corpus records the archive was made from (the N of N.fresh.db);
`--first K` starts at the K-th batch (to alternate two copies, one batch at a time, when
comparing two versions of the code on one machine).
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from bench_derivation import fresh_records  # noqa: E402
from bench_stories import child_or_absent  # noqa: E402


def child(db: str, batch: str) -> dict:
    from rasid.config import Settings
    from rasid.pipeline import Pipeline
    from rasid.store.sqlite import SQLiteStore

    opened = time.perf_counter()
    store = SQLiteStore(db)   # a first open of an older archive migrates it: not counted below
    opened = time.perf_counter() - opened
    started = time.perf_counter()
    report = Pipeline(store, Settings(progress="never")).run([batch])
    seconds = time.perf_counter() - started
    store.close()
    return {"added": report.added, "seconds": seconds, "open": opened, "stages": dict(report.seconds),
            "links": report.derivations}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("archive")
    ap.add_argument("--start", type=int, required=True, help="corpus records the archive was made from")
    ap.add_argument("--size", type=int, default=100)
    ap.add_argument("--batches", type=int, default=3)
    ap.add_argument("--first", type=int, default=0, help="index of the first batch")
    ap.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = ap.parse_args()
    done = child_or_absent(args, child)
    if done is not None:
        return done
    runs = []
    with tempfile.TemporaryDirectory() as tmp:
        for b in range(args.first, args.first + args.batches):
            start = args.start + b * args.size
            path = Path(tmp) / f"batch{b}.jsonl"
            with open(path, "w", encoding="utf-8") as w:
                for record in fresh_records(start, start + args.size):
                    w.write(json.dumps(record, ensure_ascii=False) + "\n")
            proc = subprocess.run([sys.executable, __file__, args.archive, "--start", "0", "--child",
                                   args.archive, str(path)], stdout=subprocess.PIPE, text=True, check=True,
                                  env={**os.environ, "PYTHONWARNINGS": "ignore"})
            r = json.loads(proc.stdout.strip().splitlines()[-1])
            runs.append(r)
            stages = ", ".join(f"{k} {v:.2f}" for k, v in sorted(r["stages"].items()))
            print(f"batch {b} (records {start:,}-{start + args.size - 1:,}): {r['added']} added in"
                  f" {r['seconds']:.1f} s (opening {r['open']:.1f} s); {stages}", flush=True)
    if len(runs) > 1:
        keys = sorted({k for r in runs for k in r["stages"]})
        print("median seconds per batch: whole " + f"{statistics.median(r['seconds'] for r in runs):.1f}, " +
              ", ".join(f"{k} {statistics.median(r['stages'].get(k, 0.0) for r in runs):.2f}" for k in keys))
    return 0


if __name__ == "__main__":
    sys.exit(main())
