"""Growth of the derivation stage (who copied whom) from 10k to 100k articles.

The corpus is SaudiNewsNet in crawl-date order (a smaller size is a shorter stretch of time
with every outlet in it: the volume per day, and so the number of copies of each story, stays
that of the real corpus), replicated above its 31,030 articles, each replica k dated k x 28 days later, in one of two ways:

- `--replicas fresh` (default): replica k renames the vocabulary. Every word is swapped for
  another of about the same frequency by a permutation of replica k's own, the same for all
  of its articles, with figures kept. A replica is then three more weeks of news of the same
  shape: the same lengths, word statistics, agency copies and rewrites *inside* it, and no
  copies of earlier weeks. A real archive grows like this, with each week's stories copied
  that week and not re-run every month.
- `--replicas copies`: replica k is the original with 5% of its words dropped (as in
  bench_stories.py). Every article then has k near-copies, so the true links per article grow
  with the archive. Any correct detector's work then grows faster than linearly, by the size of
  its output.

Each size is ingested into a fresh database in its own process. The whole pipeline runs, and
the derivation stage's share is reported apart. The growth exponent is the slope of log(time)
over log(size): 1.0 is linear.

Each corpus stage's time and peak memory go to stderr as soon as the stage ends, so a long run
that is killed still says how far it got. With `--dir DIR` the corpus and database are kept
there; run the same command again and the ingest resumes (stored articles are skipped, and
each corpus stage picks up the articles it has not done), and the run says it was resumed.

    .venv/bin/python benchmarks/bench_derivation.py [--sizes 10000,30000,100000] [--replicas fresh|copies] [--dir DIR]
"""
from __future__ import annotations

import argparse
import json
import math
import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _memory import StagePeaks  # noqa: E402
from bench_stories import CORPUS, child_or_absent, make_corpus  # noqa: E402


FREQUENCY_BAND = 64   # words are swapped only with words of about the same frequency


def fresh_corpus(n: int, out: Path) -> None:
    """SaudiNewsNet in crawl-date order; beyond its size, replicas with renamed vocabularies."""
    with open(out, "w", encoding="utf-8") as w:
        for record in fresh_records(0, n):
            w.write(json.dumps(record, ensure_ascii=False) + "\n")


def fresh_records(start: int, stop: int):
    """Records start..stop-1 of the stream `fresh_corpus` writes (the next articles of an
    archive it made are `fresh_records(n, n + k)`)."""
    import gzip
    import random
    from collections import Counter
    from datetime import date, timedelta

    with gzip.open(CORPUS, "rt", encoding="utf-8") as fh:
        base = [json.loads(x) for x in fh]
    base.sort(key=lambda r: ((r.get("date_extracted") or "")[:10], r["url"]))
    counts = Counter(w for r in base for w in ((r.get("title") or "") + " " + (r.get("content") or "")).split()
                     if not any(c.isdigit() for c in w))
    ranked = [w for w, _ in counts.most_common()]
    maps: dict[int, dict[str, str]] = {}

    def renamed(text: str, k: int) -> str:
        if k not in maps:
            rng, table = random.Random(k), {}
            for start in range(0, len(ranked), FREQUENCY_BAND):
                band = ranked[start:start + FREQUENCY_BAND]
                swapped = band[:]
                rng.shuffle(swapped)
                table.update(zip(band, swapped))
            maps[k] = table
        table = maps[k]
        return " ".join(table.get(w, w) for w in text.split(" "))

    for i in range(start, stop):
        k, r = divmod(i, len(base))
        rec = base[r]
        day = date.fromisoformat((rec.get("date_extracted") or "2015-07-21")[:10]) + timedelta(days=28 * k)
        title, text = rec.get("title") or None, rec.get("content") or ""
        if k:
            title, text = (renamed(title, k) if title else None), renamed(text, k)
        yield {"id": f"{rec['url']}#{k}", "url": f"{rec['url']}#{k}", "outlet": rec["source"],
               "title": title, "text": text, "published": day.isoformat()}


def child(path: str, db: str) -> dict:
    import resource
    import time

    resumed = Path(db).exists()

    from rasid.config import Settings
    from rasid.pipeline import Pipeline
    from rasid.store.sqlite import SQLiteStore

    store = SQLiteStore(db)
    pipe = Pipeline(store, Settings(progress="never"))
    stats = {}
    peaks = StagePeaks()
    update = pipe.derive_stage.update

    def measured(store_, ids, progress=None):
        _log("derive starts", None, peaks)
        with peaks.stage("derive"):
            started = time.perf_counter()
            report = update(store_, ids, progress)
        _log("derive", time.perf_counter() - started, peaks, len(ids))
        stats.update(candidates=report.candidates, aligned=report.aligned, links=report.links,
                     clauses=report.clauses, embedded=report.embedded)
        return report

    pipe.derive_stage.update = measured
    for name in ("story", "entity"):   # the corpus stages after derivation, named as in the report
        stage = getattr(pipe, f"{name}_stage")
        stage.update = _in_stage(peaks, "stories" if name == "story" else "entities", stage.update)
    _log(f"{'resuming' if resumed else 'starting'} {path} into {db}", None, peaks)
    t0 = time.perf_counter()
    # the run's own stage until derivation starts: reading, per-article stages, storing, dates
    # from related articles; the corpus stages then take over the sampling (see _memory.py)
    with peaks.stage("per-article stages and storing"):
        report = pipe.run([path])
    elapsed = time.perf_counter() - t0
    stage_peaks = peaks.stop()
    store.close()
    _log(f"whole ingest ({report.added:,} added)", elapsed, peaks)
    return {"resumed": resumed, "added": report.added, "seconds": elapsed, "derive": report.seconds.get("derive", 0.0),
            "stages": dict(report.seconds), **stats, "stage_peaks_mb": stage_peaks,
            "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def _in_stage(peaks, name: str, update):
    import time

    def measured(*args, **kwargs):
        _log(f"{name} starts", None, peaks)
        with peaks.stage(name):
            started = time.perf_counter()
            out = update(*args, **kwargs)
        _log(name, time.perf_counter() - started, peaks, len(args[1]) if len(args) > 1 else None)
        return out
    return measured


def _log(what: str, seconds: float | None, peaks, articles: int | None = None) -> None:
    """One line on stderr as a stage ends: a killed run still leaves its stage times."""
    import time

    held = {k: v for k, v in peaks.peaks.items() if not k.startswith("after ")}
    peak = max((b for _, b in held.values()), default=0) / 2**20
    bits = [time.strftime("%H:%M:%S"), what]
    if articles is not None:
        bits.append(f"{articles:,} articles")
    if seconds is not None:
        bits.append(f"{seconds:.1f} s")
    bits.append(f"peak so far {peak:,.0f} MB with workers")
    print(" · ".join(bits), file=sys.stderr, flush=True)


def slope(rows: list[tuple[int, float]]) -> float:
    xs = [math.log(n) for n, _ in rows]
    ys = [math.log(max(t, 1e-9)) for _, t in rows]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="10000,30000,100000")
    ap.add_argument("--replicas", choices=("fresh", "copies"), default="fresh")
    ap.add_argument("--dir", help="keep the corpus and databases here; run again to resume")
    ap.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = ap.parse_args()
    done = child_or_absent(args, child)
    if done is not None:
        return done
    rows = []
    with tempfile.TemporaryDirectory() as scratch:
        tmp = Path(args.dir) if args.dir else Path(scratch)
        tmp.mkdir(parents=True, exist_ok=True)
        for n in [int(x) for x in args.sizes.split(",")]:
            path = tmp / f"corpus{n}.{args.replicas}.jsonl"
            if not path.exists():
                part = path.with_suffix(".part")
                if args.replicas == "fresh":
                    fresh_corpus(n, part)
                else:
                    make_corpus(n, part, by_date=True)
                part.rename(path)   # a killed run never leaves half a corpus behind
            proc = subprocess.run([sys.executable, __file__, "--child", str(path), str(tmp / f"{n}.{args.replicas}.db")],
                                  stdout=subprocess.PIPE, text=True, check=True,
                                  env={**os.environ, "PYTHONWARNINGS": "ignore"})
            r = json.loads(proc.stdout.strip().splitlines()[-1])
            rows.append((n, r))
            links = ", ".join(f"{v:,} {k}" for k, v in sorted(r.get("links", {}).items()))
            if r["resumed"]:
                print(f"{n:>7,} articles: RESUMED run: the times below cover only this last stretch", flush=True)
            print(f"{n:>7,} articles: derivation stage {r['derive']:7.1f} s ({n / r['derive']:,.0f} articles/s),"
                  f" {r.get('candidates', 0):,} candidate pairs, {r.get('aligned', 0):,} articles aligned"
                  f" ({r.get('embedded', 0):,} distinct clauses embedded of {r.get('clauses', 0):,}),"
                  f" links: {links}; whole ingest {r['seconds']:.0f} s ({n / r['seconds']:,.1f} articles/s);"
                  f" peak RSS {r['peak_rss_mb']:.0f} MB (main process)", flush=True)
            print("         by stage: " + ", ".join(f"{k} {v:.0f} s" for k, v in sorted(r["stages"].items())
                                                   if v >= 0.5), flush=True)
            print("         peak memory by stage (main process / with workers): " + ", ".join(
                f"{k} {a:,.0f} / {b:,.0f} MB" for k, (a, b) in r["stage_peaks_mb"].items()), flush=True)
            if not args.dir:
                os.remove(path)
    if len(rows) >= 2:
        print(f"growth exponent (derivation stage): {slope([(n, r['derive']) for n, r in rows]):.2f} (1.0 = linear)")
        print(f"growth exponent (whole ingest): {slope([(n, r['seconds']) for n, r in rows]):.2f}")
        stages = sorted({k for _, r in rows for k, v in r["stages"].items() if v >= 1.0})
        print("growth exponent by stage: " + ", ".join(
            f"{k} {slope([(n, max(r['stages'].get(k, 0.0), 1e-3)) for n, r in rows]):.2f}" for k in stages))
    return 0


if __name__ == "__main__":
    sys.exit(main())
