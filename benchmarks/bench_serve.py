"""Latency of the web UI and REST API under concurrent load, on a large archive.

Starts `rasid serve` on loopback over a database (by default one built from 100,000
articles: SaudiNewsNet replicated with perturbations, as in bench_stories.py) and
drives it with wrk (Debian package `wrk`) from a second process. Scenarios:

- story pages (HTML, full page: summary, derivations, entities, quotes, figures, plots)
  over a few hundred stories, large and small;
- the same through the JSON API;
- text search over normalized Arabic with words taken from real headlines;
- semantic search (multilingual embeddings, ANN index);
- baseline: a static file served by the same server under the same load, the floor any
  page pays here (HTTP, the event loop, the loopback).

Story views are cached per server worker until the database changes, so under load most
story requests are cache hits; the script also reports the view computed cold, in process,
for every sampled story (what the first reader after an ingest waits for).

Each scenario runs --runs times; medians of p50/p95/p99 and throughput are printed,
and the p95 ratio against the baseline.

    .venv/bin/python benchmarks/bench_serve.py --db /path/store.db [--build 100000]
        [--connections 8] [--duration 15] [--workers 2] [--runs 3]
"""
from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

LUA = r"""
local paths = {}
for line in io.lines(os.getenv("RASID_WRK_PATHS")) do paths[#paths + 1] = line end
local i = math.random(#paths)
request = function()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %d %d %.3f %.3f %.3f %d %d\n", summary.requests, summary.duration,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    e.connect + e.read + e.write + e.timeout, e.status))
end
"""


def build(db: Path, n: int) -> None:
    from bench_stories import make_corpus

    from rasid.config import load_settings
    from rasid.pipeline import ingest
    from rasid.store import open_store

    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        make_corpus(n, corpus, by_date=True)
        store = open_store(str(db))
        t = time.perf_counter()
        ingest([str(corpus)], store, load_settings(progress="auto"))
        store.close()
        print(f"built {db} from {n} articles in {time.perf_counter() - t:.0f} s", file=sys.stderr)


def sample_paths(db: Path, n: int, rng: random.Random) -> dict[str, list[str]]:
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    sizes = con.execute("SELECT story_id, count(*) FROM articles WHERE story_id IS NOT NULL"
                        " GROUP BY story_id").fetchall()
    # half the sample from stories of several articles (the pages analysts open), half at random
    big = [s for s, k in sizes if k >= 3]
    stories = rng.sample(big, min(n // 2, len(big))) + rng.sample([s for s, _ in sizes], n // 2)
    headlines = [r[0] for r in con.execute("SELECT headline FROM articles WHERE headline IS NOT NULL"
                                           " ORDER BY random() LIMIT 2000")]
    con.close()
    words = [w for h in headlines for w in re.findall(r"[\u0621-\u064a]{4,}", h)]
    queries = []
    for _ in range(n):
        k = rng.choice((1, 1, 2))
        queries.append(" ".join(rng.sample(words, k)))
    return {
        "story page (HTML)": [f"/stories/{s}" for s in stories],
        "story (JSON API)": [f"/api/stories/{s}" for s in stories],
        "text search (HTML)": [f"/search?q={quote(q)}" for q in queries],
        "text search (JSON API)": [f"/api/search?q={quote(q)}" for q in queries],
        "semantic search (JSON API)": [f"/api/search?mode=semantic&q={quote(h)}"
                                       for h in rng.sample(headlines, min(n, len(headlines)))],
        "story list (HTML)": [f"/?offset={20 * rng.randrange(50)}" for _ in range(n)],
        "baseline: static file": ["/static/rasid.css"],
    }


def cold_story_views(db: Path, paths: list[str]) -> dict:
    """The story view computed without the server's cache, in this process: what a reader
    waits for when a story is opened first (or right after an ingest)."""
    from rasid.serve import views
    from rasid.store import open_store
    from rasid.text.blas import limit_blas_threads

    limit_blas_threads(1)
    store = open_store(str(db))
    freq = store.document_frequencies()
    times = []
    for p in dict.fromkeys(paths):
        t = time.perf_counter()
        views.story_view(store, p.rsplit("/", 1)[-1], 4, freq)
        times.append((time.perf_counter() - t) * 1000)
    store.close()
    times.sort()
    return {"stories": len(times), "median": statistics.median(times),
            "p95": times[int(0.95 * (len(times) - 1))], "max": times[-1]}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(db: Path, port: int, workers: int) -> subprocess.Popen:
    proc = subprocess.Popen([str(Path(sys.executable).parent / "rasid"), "serve", "--db", str(db),
                             "--port", str(port), "--workers", str(workers)],
                            stderr=subprocess.DEVNULL)
    deadline = time.time() + 120
    while time.time() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/api/stats", timeout=5).read()
            return proc
        except OSError:
            time.sleep(0.5)
    proc.terminate()
    raise SystemExit("the server did not start")


def warm(port: int, paths: list[str]) -> None:
    """Load each worker's caches (embedding model, vector index, frequencies) before timing."""
    for p in paths[:20]:
        urllib.request.urlopen(f"http://127.0.0.1:{port}{p}", timeout=120).read()


def wrk(port: int, paths: list[str], connections: int, duration: int, script: Path) -> dict:
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as fh:
        fh.write("\n".join(paths) + "\n")
    env = {**os.environ, "RASID_WRK_PATHS": fh.name}
    out = subprocess.run(["wrk", "-t", "2", "-c", str(connections), "-d", f"{duration}s", "--timeout", "10s",
                          "-s", str(script), f"http://127.0.0.1:{port}"],
                         capture_output=True, text=True, env=env, check=True).stdout
    os.unlink(fh.name)
    line = next(x for x in out.splitlines() if x.startswith("RESULT"))
    req, us, p50, p95, p99, errors, status = line.split()[1:]
    return {"requests": int(req), "rps": int(req) / (int(us) / 1e6), "p50": float(p50),
            "p95": float(p95), "p99": float(p99), "errors": int(errors), "non2xx": int(status)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", required=True, help="database to serve (built first with --build N if missing)")
    ap.add_argument("--build", type=int, default=100_000, help="articles to build the database from")
    ap.add_argument("--connections", type=int, default=8)
    ap.add_argument("--duration", type=int, default=15, help="seconds per run")
    ap.add_argument("--workers", type=int, default=2, help="server processes")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--sample", type=int, default=400, help="distinct stories and queries per scenario")
    ap.add_argument("--only", default=None, help="comma-separated scenario name prefixes")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is needed: apt-get install wrk")
    db = Path(args.db)
    if not db.exists():
        build(db, args.build)
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    articles, stories = (con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("articles", "stories"))
    con.close()
    scenarios = sample_paths(db, args.sample, random.Random(11))
    if args.only:
        keep = tuple(args.only.split(","))
        scenarios = {k: v for k, v in scenarios.items() if k.startswith(keep) or k.startswith("baseline")}
    cold = cold_story_views(db, scenarios["story page (HTML)"]) if "story page (HTML)" in scenarios else None
    port = free_port()
    proc = start_server(db, port, args.workers)
    results: dict[str, dict] = {}
    try:
        with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as lua:
            lua.write(LUA)
        for _ in range(args.workers * 2):
            for paths in scenarios.values():
                warm(port, paths)
        runs: dict[str, list[dict]] = {k: [] for k in scenarios}
        for _ in range(args.runs):          # interleaved, so machine noise spreads over all
            for name, paths in scenarios.items():
                runs[name].append(wrk(port, paths, args.connections, args.duration, Path(lua.name)))
        for name, rs in runs.items():
            results[name] = {k: statistics.median(r[k] for r in rs) for k in rs[0]}
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    base = results["baseline: static file"]["p95"]
    report = {"articles": articles, "stories": stories, "workers": args.workers,
              "connections": args.connections, "duration_s": args.duration, "runs": args.runs,
              "scenarios": results, "cold_story_view_ms": cold}
    if args.json:
        print(json.dumps(report, indent=1))
        return 0
    print(f"{articles:,} articles, {stories:,} stories; {args.workers} server workers, "
          f"{args.connections} connections, {args.runs} runs × {args.duration} s (medians)")
    print(f"{'scenario':30} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'×base p95':>10} {'errors':>7}")
    for name, r in results.items():
        print(f"{name:30} {r['rps']:8.0f} {r['p50']:8.1f} {r['p95']:8.1f} {r['p99']:8.1f} "
              f"{r['p95'] / base if base else 0:10.1f} {int(r['errors'] + r['non2xx']):7d}")
    if cold:
        print(f"story view computed cold (no cache, one process, {cold['stories']} stories): "
              f"median {cold['median']:.1f} ms, p95 {cold['p95']:.1f} ms, max {cold['max']:.1f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
