"""The per-article stages as one batch function, and the local engine that maps it over a
process pool.

Cleaning, dates, mentions, quotes and figures read one article and nothing else, so a batch
can be cut anywhere and its pieces run in any process: the result is the same article, in
the same order, whichever worker made it. The corpus stages (copies, stories, entities)
need the whole archive and stay in the main process with the store.

Workers are started with `spawn` and build their own stages from the settings: a forked
child would inherit the parent's model threads (ONNX Runtime, BLAS) in whatever state
they were, which can deadlock.
"""
from __future__ import annotations

import multiprocessing
import os
from concurrent.futures.process import BrokenProcessPool

import numpy as np
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from time import perf_counter

from rasid.clean import Cleaner
from rasid.extract.dates import DateExtractor
from rasid.extract.entities import MentionExtractor
from rasid.extract.figures import extract_figures
from rasid.extract.quotes import QuoteExtractor
from rasid.model import Article, RawDocument
from rasid.text.embed import BATCH, DIM, Embedder, batches

FIGURES_VERSION = "1"
# Below this many new articles a batch runs in the main process: starting workers (each loads
# the tagger) costs more than it saves.
MIN_PARALLEL = 64
CHUNK = 16   # articles per task sent to a worker: large enough to amortise the pickling


class ArticleStages:
    """clean -> dates -> mentions -> quotes -> figures for one article (pure, no store)."""

    def __init__(self, ner_model: str = "") -> None:
        self.cleaner = Cleaner()
        self.dates = DateExtractor()
        self.mentions = MentionExtractor(ner_model)
        self.quotes = QuoteExtractor()
        self.versions = {self.cleaner.name: self.cleaner.version, self.dates.name: self.dates.version,
                         self.mentions.name: self.mentions.version,
                         self.quotes.name: self.quotes.version, "figures": FIGURES_VERSION}

    def __call__(self, raw: RawDocument, aid: str, seconds: Counter) -> tuple[Article, bool]:
        """The article, and True when only related articles can still date it."""
        t0 = perf_counter()
        cleaned = self.cleaner(raw, aid)
        t1 = perf_counter()
        a, needs_corpus = self.dates.analyse(cleaned)
        t2 = perf_counter()
        a = self.extract(a)
        seconds["clean"] += t1 - t0
        seconds["dates"] += t2 - t1
        seconds["extract"] += perf_counter() - t2
        return replace(a, stages=dict(self.versions)), needs_corpus

    def extract(self, article: Article) -> Article:
        """Mentions, then the quotes whose speakers they name, and the figures (which skip
        the numbers the date stage read as dates)."""
        a = self.mentions(article)
        return replace(a, quotes=tuple(self.quotes(a.text, a.mentions)),
                       figures=tuple(extract_figures(a.text, a.dates)),
                       stages={**a.stages, self.quotes.name: self.quotes.version,
                               "figures": FIGURES_VERSION})

    def batch(self, items: Sequence[tuple[RawDocument, str]]) -> tuple[list[tuple[Article, bool]], Counter]:
        seconds: Counter = Counter()
        return [self(raw, aid, seconds) for raw, aid in items], seconds


def workers_for(setting: int) -> int:
    """0 means one worker per core this process may use."""
    if setting > 0:
        return setting
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


_WORKER_STAGES: ArticleStages | None = None


def _start_worker(ner_model: str, blas_threads: int) -> None:
    global _WORKER_STAGES
    from rasid.text.blas import limit_blas_threads

    limit_blas_threads(blas_threads)
    _WORKER_STAGES = ArticleStages(ner_model)


def _run_chunk(items: list[tuple[RawDocument, str]]) -> tuple[list[tuple[Article, bool]], Counter]:
    assert _WORKER_STAGES is not None, "worker started without its stages"
    return _WORKER_STAGES.batch(items)


_WORKER_EMBEDDER: Embedder | None = None
BATCHES_PER_TASK = 4


def _embed_batches(texts: list[list[str]]) -> list[np.ndarray]:
    global _WORKER_EMBEDDER
    if _WORKER_EMBEDDER is None:
        _WORKER_EMBEDDER = Embedder()
    return [_WORKER_EMBEDDER.encode(batch) for batch in texts]


class LocalEngine:
    """Maps the per-article stages over a pool of `workers` processes (1: in this process).

    The pool starts on the first batch large enough to need it and lives until `close`;
    results come back in input order, so a run stores exactly what a one-process run stores.
    A worker that dies costs time, not results: its batch is redone in this process.
    """

    def __init__(self, stages: ArticleStages, workers: int = 1, ner_model: str = "",
                 blas_threads: int = 1, min_parallel: int = MIN_PARALLEL) -> None:
        self.stages = stages
        self.workers = max(1, workers)
        self.ner_model = ner_model
        self.blas_threads = blas_threads
        self.min_parallel = min_parallel
        self.restarts = 0        # batches redone in this process after a worker died
        self._pool = None

    def map(self, items: Sequence[tuple[RawDocument, str]], seconds: Counter) -> list[tuple[Article, bool]]:
        """Every (raw, id) as (article, needs_corpus), in order. `seconds` gets the stages'
        share of this call's wall time (worker time, scaled to the wall clock)."""
        if self.workers == 1 or len(items) < self.min_parallel:
            out, spent = self.stages.batch(items)
            seconds.update(spent)
            return out
        started = perf_counter()
        done = self.run(_run_chunk, [list(items[i:i + CHUNK]) for i in range(0, len(items), CHUNK)])
        if done is None:
            out, spent = self.stages.batch(items)
        else:
            out, spent = [], Counter()
            for part, part_seconds in done:
                out.extend(part)
                spent.update(part_seconds)
        wall = perf_counter() - started
        total = sum(spent.values()) or 1.0
        seconds.update({k: v * wall / total for k, v in spent.items()})
        return out

    def run(self, fn, tasks: list) -> list | None:
        """`fn` over `tasks` in the workers, results in order; None when a worker died
        (killed, out of memory): nothing of the call is stored yet, so the caller redoes it
        in this process, and the next call starts a fresh pool."""
        try:
            return list(self._start().map(fn, tasks))
        except BrokenProcessPool:
            self.restarts += 1
            self.close()
            return None

    def embedder(self) -> Embedder | None:
        """What the corpus stages should embed with: the workers when there are several."""
        return PooledEmbedder(self) if self.workers > 1 else None

    joiner = None   # the corpus joins (copy candidates) stay in the store's own queries

    def _start(self):
        if self._pool is None:
            from concurrent.futures import ProcessPoolExecutor

            self._pool = ProcessPoolExecutor(
                max_workers=self.workers, mp_context=multiprocessing.get_context("spawn"),
                initializer=_start_worker, initargs=(self.ner_model, self.blas_threads))
        return self._pool

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None


class PooledEmbedder(Embedder):
    """An Embedder whose large calls are spread over the engine's workers. The texts are cut
    into exactly the batches the one-process Embedder makes, and a batch gives the same
    vectors in any process, so copies, rewrites and stories come out the same."""

    MIN_TEXTS = 512   # below this the call stays in this process

    def __init__(self, engine: LocalEngine) -> None:
        super().__init__()
        self.engine = engine

    def __call__(self, texts: Sequence[str], batch: int = BATCH) -> np.ndarray:
        if self.engine.workers == 1 or len(texts) < self.MIN_TEXTS:
            return super().__call__(texts, batch)
        cut = batches(texts, batch)
        tasks = [cut[k:k + BATCHES_PER_TASK] for k in range(0, len(cut), BATCHES_PER_TASK)]
        done = self.engine.run(_embed_batches, [[[texts[i] for i in idx] for idx in task] for task in tasks])
        if done is None:
            return super().__call__(texts, batch)
        out = np.zeros((len(texts), DIM), dtype=np.float32)
        for task, vectors in zip(tasks, done):
            for idx, v in zip(task, vectors):
                out[idx] = v
        return out
