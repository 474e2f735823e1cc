"""One long ingest with the corpus stages run once at the end, against the same ingest run
in stretches (`corpus_every`): time, peak memory by stage, and how far the results agree.

The corpus is `bench_derivation.py`'s (SaudiNewsNet in crawl-date order, replicas with
renamed vocabularies beyond its 31,030 articles). Each mode ingests it into a fresh
database in a fresh process, the modes alternating over `--runs`. Agreement is read from
the last run of each mode: derivation links (source, derived, kind), the story and thread
partitions (B-cubed F1 and adjusted Rand index of one against the other) and the entity
links of every mention (B-cubed from cluster-pair counts).

    .venv/bin/python benchmarks/bench_corpus_every.py [--size 30000] [--every 10000] [--runs 1]
"""
from __future__ import annotations

import argparse
import json
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
from collections import Counter
from math import comb
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _memory import StagePeaks  # noqa: E402
from bench_derivation import fresh_corpus  # noqa: E402
from bench_stories import CORPUS  # noqa: E402

ARTICLE_STAGES = "per-article stages and storing"


def child(path: str, db: str, every: int) -> dict:
    import resource
    import time

    from rasid.config import Settings
    from rasid.pipeline import Pipeline
    from rasid.store.sqlite import SQLiteStore

    store = SQLiteStore(db)
    pipe = Pipeline(store, Settings(progress="never", corpus_every=every))
    peaks = StagePeaks()
    for attr, name in (("derive_stage", "derivation"), ("story_stage", "stories"), ("entity_stage", "entities")):
        stage = getattr(pipe, attr)
        stage.update = _in_stage(peaks, name, stage.update)
    pipe._flush = _in_stage(peaks, ARTICLE_STAGES, pipe._flush)
    t0 = time.perf_counter()
    report = pipe.run([path])
    elapsed = time.perf_counter() - t0
    stage_peaks = peaks.stop()
    store.close()
    return {"added": report.added, "seconds": elapsed, "passes": report.corpus_passes,
            "stages": dict(report.seconds), "stage_peaks_mb": stage_peaks,
            "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def _in_stage(peaks, name: str, update):
    def measured(*args, **kwargs):
        with peaks.stage(name):
            return update(*args, **kwargs)
    return measured


def bcubed_f1(a: dict, b: dict) -> float:
    keys = [k for k, v in a.items() if v is not None and b.get(k) is not None]
    both = Counter((a[k], b[k]) for k in keys)
    sa, sb = Counter(a[k] for k in keys), Counter(b[k] for k in keys)
    n = max(1, len(keys))
    p = sum(c * c / sa[x] for (x, _), c in both.items()) / n
    r = sum(c * c / sb[y] for (_, y), c in both.items()) / n
    return 2 * p * r / (p + r) if p + r else 0.0


def adjusted_rand(a: dict, b: dict) -> float:
    keys = [k for k in a if k in b]
    both = Counter((a[k], b[k]) for k in keys)
    sa = sum(comb(v, 2) for v in Counter(a[k] for k in keys).values())
    sb = sum(comb(v, 2) for v in Counter(b[k] for k in keys).values())
    index = sum(comb(v, 2) for v in both.values())
    expected = sa * sb / comb(len(keys), 2) if len(keys) > 1 else 0.0
    top = (sa + sb) / 2
    return (index - expected) / (top - expected) if top != expected else 1.0


def results(db: Path) -> dict:
    con = sqlite3.connect(db)
    out = {
        "links": {tuple(r) for r in con.execute("SELECT source_id, derived_id, kind FROM derivations")},
        "stories": dict(con.execute("SELECT id, story_id FROM articles")),
        "threads": dict(con.execute("SELECT id, thread_id FROM articles")),
        "entities": {(a, i): e for a, i, e in con.execute("SELECT article_id, idx, entity_id FROM mentions")},
    }
    con.close()
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--size", type=int, default=30000)
    ap.add_argument("--every", type=int, default=10000)
    ap.add_argument("--runs", type=int, default=1)
    ap.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        print(json.dumps(child(args.child[0], args.child[1], int(args.child[2]))))
        return 0
    if not CORPUS.exists():
        print(f"skipped: {CORPUS} is absent")
        return 0
    modes = {"once at the end": 0, f"every {args.every:,}": args.every}
    times: dict[str, list[dict]] = {m: [] for m in modes}
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "corpus.jsonl"
        fresh_corpus(args.size, path)
        dbs = {}
        for run in range(args.runs):
            for label, every in (modes.items() if run % 2 == 0 else reversed(modes.items())):
                db = Path(tmp) / f"{every}-{run}.db"
                proc = subprocess.run([sys.executable, __file__, "--child", str(path), str(db), str(every)],
                                      capture_output=True, text=True, check=True,
                                      env={**os.environ, "PYTHONWARNINGS": "ignore"})
                r = json.loads(proc.stdout.strip().splitlines()[-1])
                times[label].append(r)
                if label in dbs:
                    for old in Path(tmp).glob(dbs[label].name + "*"):
                        old.unlink()
                dbs[label] = db
                print(f"{label:>16}: {r['added']:,} articles in {r['seconds']:.0f} s "
                      f"({r['added'] / r['seconds']:.1f} articles/s), {r['passes']} corpus passes; "
                      + ", ".join(f"{k} {v:.0f} s" for k, v in sorted(r["stages"].items()) if v >= 0.5), flush=True)
                print("                  peak memory (main / with workers): " + ", ".join(
                    f"{k} {a:,.0f} / {b:,.0f} MB" for k, (a, b) in r["stage_peaks_mb"].items()), flush=True)
        for label, rs in times.items():
            print(f"{label:>16}: median {statistics.median(r['seconds'] for r in rs):.0f} s, "
                  f"peak main process {max(r['peak_rss_mb'] for r in rs):,.0f} MB")
        one, other = (results(dbs[m]) for m in modes)
    same = len(one["links"] & other["links"])
    print(f"derivation links: {same:,} in both, {len(one['links'] - other['links']):,} only once-at-the-end, "
          f"{len(other['links'] - one['links']):,} only in stretches")
    for part in ("stories", "threads"):
        print(f"{part}: B-cubed F1 {bcubed_f1(one[part], other[part]):.4f}, "
              f"ARI {adjusted_rand(one[part], other[part]):.4f}")
    print(f"entity links: B-cubed F1 {bcubed_f1(one['entities'], other['entities']):.4f} over "
          f"{len(one['entities']):,} mentions")
    return 0


if __name__ == "__main__":
    sys.exit(main())
