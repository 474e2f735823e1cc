"""The entity stage after a small ingest into a large archive: incremental against whole.

    .venv/bin/python benchmarks/bench_entities_incremental.py ARCHIVE.db NEW.jsonl [--runs 3]

ARCHIVE.db is an ingested archive (e.g. `bench_derivation.py`'s 10k corpus through
`rasid ingest`); it is not changed. NEW.jsonl is ingested into a copy with the entity stage
left out, so every later run starts from the same state: the new articles, and those the
story stage moved, behind the entity stage. Then, each in a fresh process and alternating,
`--runs` times on fresh copies of that state:

- incremental: `EntityStage().update(store)`, what an ingest runs: the changed articles'
  stories, with the entities their names may join read as kept forms;
- whole: `EntityStage().update(store, whole=True)`, every mention of the archive.

It prints the median seconds of each, their ratio, peak memory, and how far the two
results agree: B-cubed precision and recall of the incremental partition of mentions against
the whole one, and how many entity records are identical.
"""
from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path


def _copy(src: Path, dst: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        if Path(str(src) + suffix).exists():
            shutil.copy(str(src) + suffix, str(dst) + suffix)
    cache = Path(str(src) + ".cache")
    if cache.is_dir():
        shutil.copytree(cache, Path(str(dst) + ".cache"), dirs_exist_ok=True)


def _child(mode: str, db: str) -> dict:
    """One run in this (fresh) process."""
    import resource
    import time

    from rasid.resolve.stage import EntityStage
    from rasid.store.sqlite import SQLiteStore

    store = SQLiteStore(db)
    t0 = time.perf_counter()
    report = EntityStage().update(store, whole=mode == "whole")
    seconds = time.perf_counter() - t0
    store.close()
    return {"mode": mode, "seconds": seconds, "mentions_read": report.mentions, "kept": report.kept,
            "entities_written": report.entities,
            "articles": report.articles, "whole": report.whole,
            "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024}


def _prepare(args) -> None:
    """Ingest NEW into DB with the entity stage left out."""
    from rasid.config import Settings
    from rasid.pipeline import Pipeline
    from rasid.resolve.stage import EntityReport
    from rasid.store.sqlite import SQLiteStore

    store = SQLiteStore(args.db)
    pipeline = Pipeline(store, Settings(progress="never"))
    pipeline.entity_stage.update = lambda store, whole=False: EntityReport(whole=False)
    pipeline.run([args.new])
    store.close()


def _partition(db: Path) -> tuple[dict, dict]:
    import sqlite3

    con = sqlite3.connect(db)
    links = {(a, i): e for a, i, e in con.execute("SELECT article_id, idx, entity_id FROM mentions")}
    records = {r[0]: tuple(r[1:]) for r in con.execute("SELECT id, type, name_ar, name_latin, mentions, data FROM entities")}
    con.close()
    return links, records


def _bcubed(got: dict, gold: dict) -> tuple[float, float, int]:
    """B-cubed precision and recall of `got` against `gold` over the mentions both link, from
    the counts of each (got, gold) cluster pair (linear in the mentions: a hub entity's
    tens of thousands of mentions are not intersected one by one)."""
    from collections import Counter

    keys = [k for k, e in gold.items() if e is not None and got.get(k) is not None]
    both = Counter((got[k], gold[k]) for k in keys)
    size_got = Counter(got[k] for k in keys)
    size_gold = Counter(gold[k] for k in keys)
    n = max(1, len(keys))
    p = sum(c * c / size_got[a] for (a, _), c in both.items()) / n
    r = sum(c * c / size_gold[b] for (_, b), c in both.items()) / n
    return p, r, len(keys)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("archive")
    ap.add_argument("new", nargs="?")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--child", choices=["incremental", "whole", "prepare"], help=argparse.SUPPRESS)
    ap.add_argument("--db", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child == "prepare":
        _prepare(args)
        return 0
    if args.child:
        print(json.dumps(_child(args.child, args.db)))
        return 0

    work = Path(tempfile.mkdtemp(prefix="rasid-inc-"))
    try:
        base = work / "base.db"
        _copy(Path(args.archive), base)
        me = [sys.executable, __file__]
        subprocess.run(me + [args.archive, args.new, "--child", "prepare", "--db", str(base)], check=True)
        runs: dict[str, list[dict]] = {"incremental": [], "whole": []}
        kept: dict[str, Path] = {}
        for i in range(args.runs):
            for mode in ("incremental", "whole"):
                db = work / f"{mode}{i}.db"
                _copy(base, db)
                out = subprocess.run(me + [args.archive, "--child", mode, "--db", str(db)],
                                     check=True, capture_output=True, text=True).stdout
                runs[mode].append(json.loads(out.strip().splitlines()[-1]))
                if i == 0:
                    kept[mode] = db
        med = {m: statistics.median(r["seconds"] for r in rs) for m, rs in runs.items()}
        for mode, rs in runs.items():
            r = rs[0]
            times = " / ".join(f"{x['seconds']:.2f}" for x in rs)
            print(f"{mode:>11}: {times} s, median {med[mode]:.2f} s; {r['mentions_read']:,} mentions decided"
                  f" ({r['kept']:,} more kept, read summed by spelling), {r['entities_written']:,} entities written,"
                  f" peak {max(x['peak_mb'] for x in rs)} MB")
        print(f"incremental / whole: {med['incremental'] / med['whole']:.2f}x"
              f" ({runs['incremental'][0]['articles']} changed articles)")
        inc, whole = _partition(kept["incremental"]), _partition(kept["whole"])
        p, r, n = _bcubed(inc[0], whole[0])
        same = sum(1 for k, e in whole[0].items() if inc[0].get(k) == e)
        records = sum(1 for i, row in whole[1].items() if inc[1].get(i) == row)
        print(f"agreement with the whole run over {n:,} linked mentions: B-cubed P {p:.4f} R {r:.4f}"
              f" F1 {2 * p * r / (p + r):.4f}; identical links {same:,}/{len(whole[0]):,};"
              f" identical records {records:,}/{len(whole[1]):,} (incremental wrote {len(inc[1]):,})")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
