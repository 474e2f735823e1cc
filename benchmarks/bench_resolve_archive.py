"""Entity resolution of a whole stored archive (a first ingest, an upgrade, a backfill).

    .venv/bin/python benchmarks/bench_resolve_archive.py ARCHIVE.db [--runs 1]

Runs `EntityStage().update(store, whole=True)` on the archive (it rewrites the entities table: use a
copy) and prints wall time, mentions per second and a hash of the partition (every
mention's entity), so two versions of the resolver can be compared for speed and sameness.
The 100k archive of the README is `bench_derivation.py`'s 100k replica, ingested.
"""
from __future__ import annotations

import argparse
import hashlib
import statistics
import time


def main() -> int:
    from rasid.resolve.stage import EntityStage
    from rasid.store.sqlite import SQLiteStore

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("db")
    ap.add_argument("--runs", type=int, default=1)
    args = ap.parse_args()
    store = SQLiteStore(args.db)
    times = []
    for _ in range(args.runs):
        stage = EntityStage()
        t0 = time.perf_counter()
        report = stage.update(store)
        times.append(time.perf_counter() - t0)
    h = hashlib.sha256()
    for row in store.db.execute("SELECT article_id, idx, entity_id FROM mentions ORDER BY article_id, idx"):
        h.update(repr(tuple(row)).encode())
    wall = statistics.median(times)
    print(f"{report.mentions:,} mentions -> {report.entities:,} entities: median {wall:.1f} s over "
          f"{len(times)} run(s), {report.mentions / wall:,.0f} mentions/s; partition {h.hexdigest()[:16]}")
    store.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
