"""Whole-ingest throughput on SaudiNewsNet (real Arabic news, 14 outlets), stage by stage.

Prints articles/s (median of several runs, each in a fresh process so peak
memory is per run), peak RSS, the per-stage split, and the ratio against a
baseline measured in the same process: reading the same file and parsing
every JSON line, the floor any JSONL ingester pays.

    .venv/bin/python benchmarks/bench_ingest.py [--limit N] [--runs K] [--workers 1,2,spark]
        [--stores sqlite,postgres [--pg postgresql://user@host:port/db]]

With several worker counts, each run ingests the same sample once per count (in that order,
fresh databases), so the counts are compared on the same machine state; the stored results
are compared too (articles, mentions, quotes, figures, stories, links must be identical).
`spark` is the Spark engine on local[2] (PySpark and Java 17 needed). With `--stores
sqlite,postgres`, every worker count runs on both stores (PostgreSQL: a fresh database per run
on the server of --pg, default $RASID_TEST_POSTGRES; `eval "$(bash .ci/postgres.sh start)"`
starts one), and the stored results of the two stores are compared the same way.

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


def one_run(path: str, db: str, workers: str = "1") -> dict:
    """Runs inside a child process: baseline then the real ingest, same process."""
    from rasid.config import Settings
    from rasid.pipeline import ingest
    from rasid.store import open_store

    t0 = time.perf_counter()
    n = 0
    with open(path, "rb") as fh:
        for line in fh:
            if line.strip():
                json.loads(line)
                n += 1
    baseline = time.perf_counter() - t0

    store = open_store(db)
    settings = (Settings(progress="never", engine="spark", spark_master="local[2]", workers=1)
                if workers == "spark" else Settings(progress="never", workers=int(workers)))
    t0 = time.perf_counter()
    report = ingest([path], store, settings)
    elapsed = time.perf_counter() - t0
    t0 = time.perf_counter()
    again = ingest([path], store, settings)  # a no-op re-run
    reingest = time.perf_counter() - t0
    digest = _digest(store)
    store.close()
    return {
        "workers": workers, "digest": digest,
        "items": report.items, "added": report.added, "rejected": report.rejected,
        "seconds": elapsed, "baseline_seconds": baseline, "baseline_items": n,
        "stages": dict(report.seconds),
        "reingest_seconds": reingest, "reingest_added": again.added,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def _label(config: str) -> str:
    store, workers = config.split(":")
    return (f"{store}, " if store != "sqlite" else "") + (
        "spark local[2]" if workers == "spark" else f"{workers} worker(s)")


def _fresh_database(server: str, name: str) -> str:
    """A new empty database on the PostgreSQL server of `server` (a URL); its URL."""
    import pg8000.native

    from rasid.store.pgconn import connect_args

    admin = pg8000.native.Connection(**connect_args(server))
    admin.run(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
    admin.run(f"CREATE DATABASE {name}")
    admin.close()
    return server.split("?")[0].rsplit("/", 1)[0] + "/" + name


def _size_mb(db: str) -> float:
    if "://" not in db:
        return Path(db).stat().st_size / 1e6
    from rasid.store import open_store

    with open_store(db) as s:
        return s.db.execute("SELECT pg_database_size(current_database())").fetchone()[0] / 1e6


def _digest(store) -> str:
    """A hash of what the run stored (everything but timings): equal digests, equal results."""
    import hashlib

    h = hashlib.sha256()
    for a in sorted(store.iter_articles(), key=lambda a: a.id):
        h.update(repr((a.id, a.text, a.published, a.story_id, a.thread_id, a.mentions, a.quotes,
                       a.figures, a.dates)).encode())
    for d in sorted(store.derivations(), key=lambda d: (d.source_id, d.derived_id)):
        h.update(repr((d.source_id, d.derived_id, d.kind, d.score)).encode())
    return h.hexdigest()[:16]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--limit", type=int, default=0, help="articles to use (default: all 31,030)")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--workers", default="1", help="comma-separated worker counts to compare")
    ap.add_argument("--stores", default="sqlite", help="comma-separated: sqlite, postgres")
    ap.add_argument("--pg", default=os.environ.get("RASID_TEST_POSTGRES", ""),
                    help="a PostgreSQL server URL for --stores postgres")
    ap.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
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
        stores = args.stores.split(",")
        if "postgres" in stores and not args.pg:
            print("--stores postgres needs a server: --pg URL or $RASID_TEST_POSTGRES")
            return 2
        counts = [f"{s}:{w}" for w in args.workers.split(",") for s in stores]
        results: dict[str, list[dict]] = {c: [] for c in counts}
        for k in range(args.runs):
            for c in counts:
                store, w = c.split(":")
                db = (_fresh_database(args.pg, f"rasid_bench_{k}_{w}") if store == "postgres"
                      else str(Path(tmp) / f"run{k}-w{w}.db"))
                proc = subprocess.run([sys.executable, __file__, "--child", str(sample), db, str(w)],
                                      capture_output=True, text=True, check=True,
                                      env={**os.environ, "PYTHONWARNINGS": "ignore"})
                r = json.loads(proc.stdout.strip().splitlines()[-1])
                results[c].append(r)
                size_mb = _size_mb(db)
                print(f"run {k + 1}, {_label(c)}: {r['items']:,} items in {r['seconds']:.2f} s "
                      f"({r['items'] / r['seconds']:,.1f}/s), peak RSS {r['peak_rss_mb']:.0f} MB (main process), "
                      f"db {size_mb:.0f} MB, results {r['digest']}")
    first = counts[0]
    for w in counts:
        runs = results[w]
        rate = statistics.median(r["items"] / r["seconds"] for r in runs)
        base = statistics.median(r["baseline_items"] / r["baseline_seconds"] for r in runs)
        peak = max(r["peak_rss_mb"] for r in runs)
        keys = sorted({k for r in runs for k in r["stages"]})
        stages = {k: statistics.median(r["stages"].get(k, 0) for r in runs) for k in keys}
        total = sum(stages.values()) or 1
        r0 = runs[0]
        print(f"\n{_label(w)}: median {rate:,.1f} articles/s through the whole analysis over {len(runs)} runs "
              f"({r0['added']:,} articles stored, {r0['rejected']:,} rejected)")
        if w != first:
            ratio = rate / statistics.median(r["items"] / r["seconds"] for r in results[first])
            same = {r["digest"] for r in runs} == {r["digest"] for r in results[first]}
            print(f"  {ratio:.2f}x the {_label(first)} rate; stored results "
                  f"{'identical' if same else 'DIFFERENT'} to the {_label(first)} run")
        print(f"  baseline (read + json.loads only): median {base:,.0f} lines/s; rasid costs {base / rate:,.0f}x it")
        print(f"  peak memory of the main process: {peak:.0f} MB RSS")
        reingest = statistics.median(r["reingest_seconds"] for r in runs)
        print(f"  re-ingesting the same file: median {reingest:.1f} s, "
              f"{max(r['reingest_added'] for r in runs)} articles added (content ids make it a no-op)")
        print("  time by stage (wall clock): " + ", ".join(
            f"{k} {stages[k]:.1f} s ({100 * stages[k] / total:.0f}%)" for k in keys if stages[k] >= 0.05))
    return 0


if __name__ == "__main__":
    sys.exit(main())
