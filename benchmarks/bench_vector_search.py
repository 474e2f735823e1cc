"""The nearest-neighbour queries of the copy and story stages: the sidecar HNSW index (one
process), an exact search in the same process, and the Spark job (`--engine spark`, local[2]).

The archive is SaudiNewsNet's headlines embedded as the pipeline embeds them (USE, 512
dimensions, stored as float16); above its 31,030 articles, replica k of each vector is the
vector with 2% Gaussian noise, renormalized (a near-duplicate headline, as agencies' copies
are). The queries are a batch of new articles (the last `--queries` vectors) asking for
2 x 16 neighbours, what the copy stage asks. Recall is the index's share of the exact k
nearest; the Spark job is checked against the exact search (the share of queries given the
same neighbours up to ties: the same similarities in the same order).

    .venv/bin/python benchmarks/bench_vector_search.py [--sizes 10000,100000] [--queries 2000] [--runs 3] [--no-spark]
"""
from __future__ import annotations

import argparse
import gzip
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "data" / "saudinewsnet" / "saudinewsnet.jsonl.gz"
K = 32   # 2 x ANN_NEIGHBOURS


def headlines() -> np.ndarray:
    from rasid.text.embed import Embedder

    with gzip.open(CORPUS, "rt", encoding="utf-8") as fh:
        rows = [json.loads(x) for x in fh]
    texts = [(r.get("title") or r.get("content", "")[:110]).strip() or "-" for r in rows]
    return np.asarray(Embedder()(texts), dtype=np.float32)


def archive(base: np.ndarray, n: int) -> np.ndarray:
    rng = np.random.default_rng(7)
    parts, k = [base[:n]], 1
    while sum(len(p) for p in parts) < n:
        noisy = base + 0.02 * rng.normal(size=base.shape).astype(np.float32)
        parts.append(noisy / np.linalg.norm(noisy, axis=1, keepdims=True))
        k += 1
    return np.concatenate(parts)[:n].astype(np.float16).astype(np.float32)  # stored as float16


class _Store:
    """Just what SparkVectorSearch reads from a store."""

    def __init__(self, vectors: np.ndarray):
        self.rows = [(i, v.astype(np.float16).tobytes()) for i, v in enumerate(vectors)]

    def vector_rows(self, model: str):
        return iter(self.rows)


def _agreement(got, want) -> float:
    """Share of queries answered alike: the same similarities, position by position, to 1e-5.
    Headlines repeated word for word tie, and which of the tied ones fills the k-th place may
    differ (the partitions' sums round differently); any other difference in the neighbours
    would show as a different similarity."""
    return statistics.mean(len(a) == len(b) and all(abs(x[1] - y[1]) < 1e-5 for x, y in zip(a, b))
                           for a, b in zip(got, want))


def timed(fn, runs: int) -> tuple[float, object]:
    times, out = [], None
    for _ in range(runs):
        t0 = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="10000,100000")
    ap.add_argument("--queries", type=int, default=2000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--no-spark", action="store_true")
    args = ap.parse_args()
    if not CORPUS.exists():
        print(f"skipped: {CORPUS} is not there")
        return 0
    from rasid.link.neighbours import VectorIndex, exact_nearest

    sys.stdout.write("embedding SaudiNewsNet's headlines ... ")
    sys.stdout.flush()
    t0 = time.perf_counter()
    base = headlines()
    print(f"{len(base):,} in {time.perf_counter() - t0:.0f} s")
    engine = None
    if not args.no_spark:
        from rasid.spark_engine import SparkEngine

        engine = SparkEngine("local[2]")
        engine.session()   # the JVM starts once, outside the timings
    print(f"{'archive':>9} | {'index build':>11} | {'index search':>12} | {'recall':>6} | "
          f"{'exact (numpy)':>13} | {'spark first':>11} | {'spark again':>11} | same as exact")
    for n in (int(s) for s in args.sizes.split(",")):
        vectors = archive(base, n)
        keys = np.arange(n)
        queries = vectors[-args.queries:]

        def build():
            index = VectorIndex()
            index.add(list(keys), vectors)
            return index
        build_s, index = timed(build, 1)
        search_s, approx = timed(lambda: index.search(queries, K), args.runs)
        exact_s, exact = timed(lambda: exact_nearest(vectors, keys, queries, K), args.runs)
        recall = statistics.mean(len({k for k, _ in a} & {k for k, _ in e}) / len(e)
                                 for a, e in zip(approx, exact))
        spark_first = spark_again = float("nan")
        same = "-"
        if engine is not None:
            with tempfile.TemporaryDirectory():
                search = engine.vector_search(_Store(vectors), "bench")
                spark_first, got = timed(lambda: search.search(queries, K), 1)
                spark_again, got = timed(lambda: search.search(queries, K), max(1, args.runs - 1))
                same = f"{_agreement(got, exact):.4f}"
                search.close()
        print(f"{n:>9,} | {build_s:>9.1f} s | {search_s:>10.2f} s | {recall:>6.4f} | "
              f"{exact_s:>11.2f} s | {spark_first:>9.1f} s | {spark_again:>9.1f} s | {same}")
    if engine is not None:
        engine.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
