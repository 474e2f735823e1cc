"""Growth of the whole ingest, story clustering included, from 10k to 100k articles.

SaudiNewsNet has 31,030 articles over three weeks; larger sizes replicate it with
perturbations: copy k gets a new URL, its crawl date moved k × 28 days later (so
the volume per week stays that of the real corpus, as in a growing archive), and
5% of its words dropped at random. Each size is ingested into a fresh database in
its own process; the growth exponent is the slope of log(time) over log(size).

    .venv/bin/python benchmarks/bench_stories.py [--sizes 10000,20000,50000,100000]
"""
from __future__ import annotations

import argparse
import gzip
import json
import math
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "data" / "saudinewsnet" / "saudinewsnet.jsonl.gz"


def make_corpus(n: int, out: Path, by_date: bool = False) -> None:
    """The first n articles: in file order (grouped by outlet), or with `by_date` in crawl-date
    order, so a smaller corpus is a shorter stretch of time with every outlet in it (the news
    volume per day, and so the number of reports per event, stays the same at every size)."""
    with gzip.open(CORPUS, "rt", encoding="utf-8") as fh:
        base = [json.loads(x) for x in fh]
    if by_date:
        base.sort(key=lambda r: ((r.get("date_extracted") or "")[:10], r["url"]))
    rng = random.Random(7)
    with open(out, "w", encoding="utf-8") as w:
        for i in range(n):
            k, r = divmod(i, len(base))
            rec = dict(base[r])
            crawled = (rec.get("date_extracted") or "2015-07-21")[:10]
            day = date.fromisoformat(crawled) + timedelta(days=28 * k)
            text = rec.get("content") or ""
            if k:
                words = text.split(" ")
                text = " ".join(x for x in words if rng.random() > 0.05)
            w.write(json.dumps({"id": f"{rec['url']}#{k}", "url": f"{rec['url']}#{k}",
                                "outlet": rec["source"], "title": rec.get("title") or None,
                                "text": text, "published": day.isoformat()},
                               ensure_ascii=False) + "\n")


def child(path: str, db: str) -> dict:
    from rasid.config import Settings
    from rasid.pipeline import ingest
    from rasid.store.sqlite import SQLiteStore

    store = SQLiteStore(db)
    t0 = time.perf_counter()
    report = ingest([path], store, Settings(progress="never"))
    elapsed = time.perf_counter() - t0
    stories = store.counts()["stories"]
    store.close()
    return {"items": report.items, "added": report.added, "seconds": elapsed,
            "stages": dict(report.seconds), "stories": stories,
            "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def child_or_absent(args, child) -> int | None:
    """A benchmark's child run (`--child A B`: its result printed as JSON for the parent), or
    the skip when SaudiNewsNet is absent: the exit code; None: the parent's work goes on."""
    if args.child:
        print(json.dumps(child(*args.child)))
        return 0
    if not CORPUS.exists():
        print(f"skipped: {CORPUS} is absent")
        return 0
    return None


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="10000,20000,50000,100000")
    ap.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = ap.parse_args()
    done = child_or_absent(args, child)
    if done is not None:
        return done
    sizes = [int(x) for x in args.sizes.split(",")]
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            path = Path(tmp) / f"corpus{n}.jsonl"
            make_corpus(n, path)
            proc = subprocess.run([sys.executable, __file__, "--child", str(path), str(Path(tmp) / f"{n}.db")],
                                  capture_output=True, text=True, check=True,
                                  env={**os.environ, "PYTHONWARNINGS": "ignore"})
            r = json.loads(proc.stdout.strip().splitlines()[-1])
            rows.append((n, r))
            st = r["stages"]
            print(f"{n:>7,} articles: {r['seconds']:7.1f} s ({n / r['seconds']:,.0f}/s), "
                  f"stories stage {st.get('stories', 0):6.1f} s, {r['stories']:,} stories, "
                  f"peak RSS {r['peak_rss_mb']:.0f} MB", flush=True)
    if len(rows) >= 2:
        xs = [math.log(n) for n, _ in rows]
        for label, pick in (("whole ingest", lambda r: r["seconds"]),
                            ("stories stage", lambda r: r["stages"].get("stories", 0) or 1e-9)):
            ys = [math.log(pick(r)) for _, r in rows]
            mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
            slope = sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)
            print(f"growth exponent ({label}): {slope:.2f} (1.0 = linear)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
