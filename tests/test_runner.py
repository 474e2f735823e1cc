"""rasid.runner: the per-article stages mapped over worker processes give exactly what one
process gives, in the same order."""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import numpy as np
import pytest

from rasid.config import Settings, load_settings
from rasid.errors import ConfigError
from rasid.ids import article_id
from rasid.ingest import find_files, read_file
from rasid.model import RawDocument
from rasid.pipeline import ingest
from rasid.resources import resource_path
from rasid.runner import MIN_PARALLEL, ArticleStages, LocalEngine, PooledEmbedder, workers_for
from rasid.text.embed import Embedder
from rasid.store.sqlite import SQLiteStore


def _demo_raws() -> list[tuple[RawDocument, str]]:
    settings = Settings(progress="never")
    raws = [item for f in find_files([str(resource_path("demo/corpus"))])
            for item in read_file(f, settings, lambda n: None) if isinstance(item, RawDocument)]
    assert len(raws) >= 20
    return [(r, article_id(r)) for r in raws]


def _fingerprint(article) -> tuple:
    return (article.id, article.text, article.headline, article.published, article.lang,
            article.dates, article.mentions, article.quotes, article.figures, article.stages)


def test_two_workers_give_what_one_process_gives_in_order():
    items = _demo_raws()
    stages = ArticleStages()
    one = LocalEngine(stages, workers=1).map(items, Counter())
    engine = LocalEngine(stages, workers=2, min_parallel=1)
    seconds: Counter = Counter()
    try:
        two = engine.map(items, seconds)
        assert engine._pool is not None          # the pool really ran
    finally:
        engine.close()
    assert [(_fingerprint(a), n) for a, n in two] == [(_fingerprint(a), n) for a, n in one]
    assert any(a.mentions for a, _ in two) and any(a.quotes for a, _ in two)
    assert {"clean", "dates", "extract"} <= set(seconds) and all(v >= 0 for v in seconds.values())


def test_small_batches_stay_in_process():
    items = _demo_raws()[:3]
    engine = LocalEngine(ArticleStages(), workers=2)
    assert len(items) < MIN_PARALLEL
    out = engine.map(items, Counter())
    assert engine._pool is None and len(out) == 3
    engine.close()


def test_pipeline_with_workers_stores_the_same_archive(tmp_path, monkeypatch):
    started = []
    real_start = LocalEngine._start
    monkeypatch.setattr(LocalEngine, "_start", lambda self: started.append(self.workers) or real_start(self))
    lines = [{"id": f"w{i:03d}", "outlet": "صحيفة الميناء", "published": f"2024-06-{i % 28 + 1:02d}",
              "title": f"خبر محلي رقم {i}",
              "text": f"أفاد مراسلنا في مدينة حلب اليوم بأن بلدية المدينة افتتحت المشروع رقم {i}. "
                      f"وقال رئيس البلدية أحمد الخطيب إن «العمل سيستمر حتى نهاية العام»."}
             for i in range(MIN_PARALLEL + 6)]
    src = tmp_path / "feed.jsonl"
    src.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines), encoding="utf-8")
    stored = {}
    for workers in (1, 2):
        store = SQLiteStore(tmp_path / f"w{workers}.db")
        report = ingest([str(src)], store, Settings(progress="never", workers=workers, embeddings=False))
        assert report.added == len(lines)
        stored[workers] = sorted((_fingerprint(a), a.story_id) for a in store.iter_articles())
        store.close()
    assert started and set(started) == {2}     # the two-worker run used its pool, the other none
    assert stored[1] == stored[2]


def test_worker_counts():
    assert workers_for(3) == 3
    assert workers_for(0) >= 1
    with pytest.raises(ConfigError):
        load_settings(workers=-1)


def test_pooled_embeddings_equal_one_process_embeddings():
    texts = [f"{w} رقم {i} في التقرير الأسبوعي" for i in range(300)
             for w in ("زيارة وفد أمني", "ارتفاع أسعار")][:PooledEmbedder.MIN_TEXTS + 40]
    texts += ["The delegation arrived in Damascus on Thursday."] * 5
    engine = LocalEngine(ArticleStages(), workers=2)
    try:
        pooled = PooledEmbedder(engine)(texts)
        assert engine._pool is not None
    finally:
        engine.close()
    local = Embedder()(texts)
    assert pooled.shape == local.shape
    assert np.array_equal(pooled, local)


def test_a_killed_worker_costs_time_not_results():
    import os
    import signal

    items = _demo_raws()
    stages = ArticleStages()
    one = LocalEngine(stages, workers=1).map(items, Counter())
    engine = LocalEngine(stages, workers=2, min_parallel=1)
    pool = engine._start()
    list(pool.map(abs, [1, 2]))                      # the workers are up
    os.kill(next(iter(pool._processes)), signal.SIGKILL)
    try:
        got = engine.map(items, Counter())
        assert engine.restarts == 1
        again = engine.map(items, Counter())         # the next batch gets a fresh pool
        assert engine._pool is not None and engine.restarts == 1
    finally:
        engine.close()
    want = [(_fingerprint(a), n) for a, n in one]
    assert [(_fingerprint(a), n) for a, n in got] == want
    assert [(_fingerprint(a), n) for a, n in again] == want
