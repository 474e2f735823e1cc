"""Approximate nearest neighbours over article embeddings (usearch HNSW), so rewrite and
translation candidates come from an index rather than a scan of the archive.

The index is a cache beside the store (`<db>.ann/<model>.usearch`), keyed by the
articles' integer sequence numbers; the store's vectors stay the truth. On open it is
checked against the store and brought up to date (or rebuilt when missing or damaged),
so deleting it is always safe.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path

import numpy as np

from rasid.model import Article
from rasid.text.embed import DIM, Embedder, headline_text

HEADLINE_MODEL = "use-m3-headline"   # shared by the derivation and story stages

CONNECTIVITY = 16
EXPANSION_ADD = 64
# Measured on SaudiNewsNet's headlines replicated to 100k (benchmarks/bench_vector_search.py):
# at 64 the index found 97.4% of the exact 32 nearest (98.6% of those at cosine >= 0.5 at 30k),
# at 128 98.6% (99.2%), for 0.15 ms more a query.
EXPANSION_SEARCH = 128


class VectorIndex:
    def __init__(self, path: str | Path | None = None, ndim: int = DIM):
        from usearch.index import Index

        self.path = Path(path) if path else None
        self._new = lambda: Index(ndim=ndim, metric="cos", dtype="f16", connectivity=CONNECTIVITY,
                                  expansion_add=EXPANSION_ADD, expansion_search=EXPANSION_SEARCH)
        self.index = self._new()
        if self.path and self.path.exists():
            try:
                self.index.load(str(self.path))
            except Exception:      # damaged or from another usearch version: it is only a cache
                self.index = self._new()

    def __len__(self) -> int:
        return len(self.index)

    def missing(self, keys: Iterable[int]) -> list[int]:
        keys = np.asarray(list(keys), dtype=np.uint64)
        if not len(keys):
            return []
        have = np.asarray(self.index.contains(keys), dtype=bool).reshape(-1)
        return [int(k) for k, h in zip(keys, have) if not h]

    def add(self, keys: Sequence[int], vectors: np.ndarray) -> None:
        if len(keys):
            self.index.add(np.asarray(keys, dtype=np.uint64), np.asarray(vectors, dtype=np.float32),
                           threads=1)

    def search(self, vectors: np.ndarray, k: int) -> list[list[tuple[int, float]]]:
        """For each query: up to k (key, cosine similarity) pairs, best first."""
        if not len(self.index) or not len(vectors):
            return [[] for _ in range(len(vectors))]
        found = self.index.search(np.asarray(vectors, dtype=np.float32), min(k, len(self.index)),
                                  threads=1)
        keys = np.asarray(found.keys).reshape(len(vectors), -1)
        dist = np.asarray(found.distances).reshape(len(vectors), -1)
        counts = (np.asarray(found.counts).reshape(-1) if hasattr(found, "counts")
                  else np.array([len(np.asarray(found.keys))]))  # one query: a single Matches
        return [[(int(keys[r, c]), 1.0 - float(dist[r, c])) for c in range(int(counts[r]))]
                for r in range(len(vectors))]

    def save(self) -> None:
        if self.path:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            tmp = self.path.with_suffix(".tmp")
            self.index.save(str(tmp))
            tmp.replace(self.path)   # atomic: a crash never leaves half an index behind


def synced_index(store, keys: dict[int, str], model: str = HEADLINE_MODEL, chunk: int = 512) -> VectorIndex:
    """The sidecar index of `model`'s vectors, with every stored vector in `keys` (index key ->
    article id, `store.vector_keys`) added and saved: the derivation and story stages search
    it, and the web UI's semantic search reads it."""
    index = VectorIndex(store.sidecar(f"ann/{model}.usearch"))
    missing = index.missing(keys)
    for start in range(0, len(missing), chunk):
        part = missing[start:start + chunk]
        got = store.vectors([keys[k] for k in part], model)
        have = [k for k in part if keys[k] in got]
        if have:
            index.add(have, np.stack([got[keys[k]] for k in have]))
    if missing:
        index.save()
    return index


def exact_nearest(vectors: np.ndarray, keys: np.ndarray, queries: np.ndarray,
                  k: int) -> list[list[tuple[int, float]]]:
    """For each query: its k most cosine-similar rows of `vectors` as (key, similarity), best
    first, ties by key. What the index approximates, computed exactly: a distributed engine
    runs it on each partition of the archive and keeps the best k of the partitions' answers."""
    if not len(vectors) or not len(queries) or k <= 0:
        return [[] for _ in range(len(queries))]
    v = np.asarray(vectors, dtype=np.float32)
    q = np.asarray(queries, dtype=np.float32)
    v = v / np.maximum(np.linalg.norm(v, axis=1, keepdims=True), 1e-12)
    q = q / np.maximum(np.linalg.norm(q, axis=1, keepdims=True), 1e-12)
    sims = q @ v.T
    k = min(k, len(v))
    out = []
    for row in sims:
        top = np.argpartition(-row, k - 1)[:k] if k < len(v) else np.arange(len(v))
        out.append(sorted(((int(keys[c]), float(row[c])) for c in top), key=lambda x: (-x[1], x[0])))
    return out


def cached_vectors(store, articles: Sequence[Article], embedder: Embedder,
                   model: str = HEADLINE_MODEL) -> dict[str, np.ndarray]:
    """Headline embeddings, computed once per article and kept in the store."""
    cached = store.vectors([a.id for a in articles], model)
    missing = [a for a in articles if a.id not in cached]
    if missing:
        fresh = embedder([headline_text(a) for a in missing])
        new = {a.id: v for a, v in zip(missing, fresh)}
        store.save_vectors(new, model)
        cached.update(new)
    return cached


def near_in_time(store, index: VectorIndex, keys: dict[int, str], articles: Sequence[Article], k: int,
                 min_similarity: float, max_days: int, model: str = HEADLINE_MODEL) -> dict[str, list[str]]:
    """For each article with a stored vector: the others among its k nearest in `index` (keys:
    index key -> article id) at cosine `min_similarity` or more and published at most
    `max_days` apart (an unknown date counts as near), nearest first. Rewrite candidates and a
    story run's neighbourhood both come from here."""
    vectors = store.vectors([a.id for a in articles], model)
    asked = [a for a in articles if a.id in vectors]
    if not asked:
        return {}
    found = index.search(np.stack([vectors[a.id] for a in asked]), k)
    hits = {a.id: [keys[key] for key, sim in row if key in keys and keys[key] != a.id and sim >= min_similarity]
            for a, row in zip(asked, found)}
    dates = store.published_dates({o for near in hits.values() for o in near})
    return {a.id: [o for o in hits[a.id] if days_apart(a.published, dates.get(o)) <= max_days] for a in asked}


def days_apart(a: str | None, b: str | None) -> int:
    """Days between two ISO dates; 0 when either is unknown (no evidence they are far apart)."""
    if not (a and b):
        return 0
    return abs((date.fromisoformat(a[:10]) - date.fromisoformat(b[:10])).days)
