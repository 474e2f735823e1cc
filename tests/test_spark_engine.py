"""rasid.spark_engine: the per-article stages on Spark (local[2]) store what one process
stores. Needs PySpark and Java: installed by `make test` (extra `spark`); skipped without."""
from __future__ import annotations

import json
import shutil

import pytest

from rasid.config import Settings, load_settings
from rasid.errors import ConfigError
from rasid.pipeline import ingest
from rasid.store.sqlite import SQLiteStore

pytest.importorskip("pyspark", reason="PySpark is not installed (pip install 'rasid[spark]')")
if shutil.which("java") is None:
    pytest.skip("Spark needs Java (17) on the PATH", allow_module_level=True)


def _fingerprint(a) -> tuple:
    return (a.id, a.text, a.headline, a.published, a.lang, a.dates, a.mentions, a.quotes,
            a.figures, a.story_id)


def _feed(tmp_path):
    """40 council sessions, an agency's long item and a paper's copy of it, and one empty line."""
    lines = [{"id": f"s{i:03d}", "outlet": "وكالة الساحل", "published": f"2024-07-{i % 27 + 1:02d}",
              "title": f"اجتماع مجلس المحافظة رقم {i}",
              "text": f"عقد مجلس محافظة البصرة يوم الأحد جلسته رقم {i} برئاسة المحافظ سالم "
                      f"العيداني، وقال العيداني إن «المشاريع الخدمية ستنجز قبل الصيف»."}
             for i in range(40)]
    long_text = " ".join(f"وأضاف العيداني أن المرحلة {k} من مشروع تأهيل شبكة المياه في قضاء "
                         f"الزبير ستكتمل خلال {k + 3} أشهر بكلفة {k * 7 + 12} مليار دينار." for k in range(12))
    lines.append({"id": "wire", "outlet": "وكالة الساحل", "published": "2024-07-02",
                  "title": "مشروع المياه في الزبير", "text": long_text})
    lines.append({"id": "copy", "outlet": "صحيفة الخليج", "published": "2024-07-02",
                  "title": "مشروع المياه في الزبير", "text": "البصرة - خاص: " + long_text})
    lines.append({"id": "bad", "text": ""})                  # a rejection travels the same way
    src = tmp_path / "feed.jsonl"
    src.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines), encoding="utf-8")
    return src


def _run(src, store, engine: str):
    report = ingest([str(src)], store, Settings(progress="never", engine=engine, workers=1,
                                                spark_master="local[2]", embeddings=False))
    return (report, sorted(_fingerprint(a) for a in store.iter_articles()),
            sorted((d.source_id, d.derived_id, d.kind) for d in store.derivations()),
            sorted((s.id, s.article_ids, s.thread_id) for s in store.stories()))


def test_spark_and_one_process_store_the_same_archive(tmp_path):
    src = _feed(tmp_path)
    runs = {}
    for engine in ("local", "spark"):
        with SQLiteStore(tmp_path / f"{engine}.db") as store:
            runs[engine] = _run(src, store, engine)
    (local, *want), (spark, *got) = runs["local"], runs["spark"]
    assert spark.added == local.added == 42
    assert spark.rejected == local.rejected == 1
    assert got == want                                      # articles, links, stories
    assert want[1]                                          # copies found by the Spark join too
    assert any(f[6] for f in got[0]) and any(f[7] for f in got[0])   # mentions, quotes
    assert spark.seconds["engine"] > 0          # Spark's own overhead is reported apart


def test_spark_on_a_postgresql_store_stores_what_one_process_stores_in_sqlite(tmp_path, pg_url):
    """The two halves of going beyond one machine together: the Spark engine writing to the
    server store keeps the articles, links and stories of one process writing to SQLite."""
    from rasid.store import open_store

    src = _feed(tmp_path)
    with SQLiteStore(tmp_path / "local.db") as local:
        want = _run(src, local, "local")
    server = open_store(pg_url)
    try:
        got = _run(src, server, "spark")
    finally:
        server.close()
    assert got[0].added == want[0].added == 42 and got[0].rejected == want[0].rejected == 1
    assert got[1:] == want[1:] and want[2] and want[3]        # articles, links, stories


def test_engine_setting_is_checked():
    assert load_settings(engine="spark").engine == "spark"
    with pytest.raises(ConfigError):
        load_settings(engine="dask")


def test_candidate_joins_in_spark_sql_find_the_stores_pairs(tmp_path):
    from rasid.resources import resource_path
    from rasid.spark_engine import SparkEngine

    store = SQLiteStore(tmp_path / "demo.db")
    ingest([str(resource_path("demo/corpus"))], store, Settings(progress="never", workers=1, embeddings=False))
    ids = sorted(a.id for a in store.iter_articles())
    engine = SparkEngine("local[2]")
    try:
        for some in (ids, ids[::3]):
            for max_bucket in (50, 1):
                want = store.lsh_candidates(some, max_bucket)
                assert engine.lsh_candidates(store, some, max_bucket) == want
            for postings, share, shared in ((50, 0.3, 3), (4, 0.1, 1), (2, 0.1, 1)):
                want = store.containment_candidates(some, postings, share, shared)
                assert engine.containment_candidates(store, some, postings, share, shared) == want
        assert store.lsh_candidates(ids, 50)                   # the demo's copies share buckets
        assert store.containment_candidates(ids, 50, 0.3, 3)   # and sampled shingles
        assert not store.lsh_candidates(ids, 1)                 # the size cap bites (pairs need 2)
    finally:
        engine.close()
        store.close()


def test_nearest_neighbour_queries_in_spark_answer_like_an_exact_search(tmp_path):
    """The copy and story stages' embedding neighbours as a Spark job: each partition of the
    archive answers every query, a shuffle by query keeps the best k."""
    import numpy as np

    from rasid.link.neighbours import HEADLINE_MODEL, VectorIndex, exact_nearest
    from rasid.resources import resource_path
    from rasid.spark_engine import SparkEngine

    store = SQLiteStore(tmp_path / "demo.db")
    ingest([str(resource_path("demo/corpus"))], store, Settings(progress="never", workers=1))
    rows = list(store.vector_rows(HEADLINE_MODEL))
    assert len(rows) == store.counts()["articles"] > 20
    keys = np.array([k for k, _ in rows])
    vectors = np.stack([np.frombuffer(b, dtype=np.float16).astype(np.float32) for _, b in rows])
    queries = vectors[::4] + 0.01
    index = VectorIndex()
    index.add(list(keys), vectors)
    engine = SparkEngine("local[2]")
    try:
        search = engine.vector_search(store, HEADLINE_MODEL)
        for k in (1, 5, len(rows) + 3):
            got = search.search(queries, k)
            want = exact_nearest(vectors, keys, queries, k)
            assert [[key for key, _ in hits] for hits in got] == [[key for key, _ in hits] for hits in want]
            for g, w in zip(got, want):
                assert [s for _, s in g] == pytest.approx([s for _, s in w], abs=1e-5)
            assert [{key for key, _ in hits} for hits in got] == \
                [{key for key, _ in hits} for hits in index.search(queries, k)]
        assert search.search(queries[:0], 5) == []
        assert search.searches == 3
        # a second search object for the model replaces the first, which still answers
        again = engine.vector_search(store, HEADLINE_MODEL)
        assert again.search(queries[:2], 3) == search.search(queries[:2], 3)
    finally:
        engine.close()
        store.close()


def test_spark_runs_the_neighbour_queries_and_stores_what_one_process_stores(tmp_path, monkeypatch):
    """With embeddings on, the copy stage's rewrite candidates and the story stage's
    neighbourhood come from Spark's search: the archive is still the one process's."""
    from rasid.spark_engine import SparkEngine, SparkVectorSearch

    src = _feed(tmp_path)
    calls, blocks = [], []
    original = SparkVectorSearch.search
    monkeypatch.setattr(SparkVectorSearch, "search",
                        lambda self, v, k: calls.append(len(v)) or original(self, v, k))
    mapped = SparkEngine.map_blocks
    monkeypatch.setattr(SparkEngine, "map_blocks",
                        lambda self, fn, items: blocks.append(len(items)) or mapped(self, fn, items))
    runs = {}
    for engine in ("local", "spark"):
        settings = Settings(progress="never", engine=engine, workers=1, spark_master="local[2]")
        with SQLiteStore(tmp_path / f"{engine}.db") as store:
            ingest([str(src)], store, settings)
            # a second, smaller run: the story stage looks up the new articles' neighbours
            more = tmp_path / "more.jsonl"
            more.write_text(json.dumps({"id": "late", "outlet": "صحيفة الخليج", "published": "2024-07-03",
                                        "title": "مشروع المياه في الزبير يتأخر",
                                        "text": "قال المحافظ سالم العيداني إن مشروع تأهيل شبكة المياه "
                                                "في قضاء الزبير سيتأخر شهرين."}, ensure_ascii=False) + "\n",
                            encoding="utf-8")
            ingest([str(more)], store, settings)
            runs[engine] = (sorted(_fingerprint(a) for a in store.iter_articles()),
                            sorted((d.source_id, d.derived_id, d.kind) for d in store.derivations()),
                            sorted((s.id, s.article_ids, s.thread_id) for s in store.stories()))
    assert runs["spark"] == runs["local"]
    assert len(calls) >= 3          # copy candidates in both runs, the story neighbourhood in the second
    assert len(blocks) == 2 and all(blocks)   # the clusterer's embedding blocks, once a run


def test_the_story_clusterers_embedding_blocks_run_as_spark_tasks():
    from functools import partial

    import numpy as np

    from rasid.spark_engine import SparkEngine
    from rasid.story.cluster import ClusterParams, block_pairs, vector_blocks
    from rasid.story.features import Features

    rng = np.random.default_rng(2)
    feats = []
    for i in range(60):
        v = rng.normal(size=512) + (i % 4) * 3
        feats.append(Features(article_id=f"a{i:02d}", published=None, terms={}, lead=frozenset(),
                              days=frozenset(), vector=(v / np.linalg.norm(v)).astype(np.float32),
                              lang="en" if i % 5 == 0 else "ar"))
    blocks = list(vector_blocks(feats, block=16))
    fn = partial(block_pairs, p=ClusterParams())
    engine = SparkEngine("local[2]")
    try:
        got = engine.map_blocks(fn, blocks)
        assert got == [fn(b) for b in blocks] and any(got)
        assert engine.map_blocks(fn, []) == []
        assert engine.mapped == len(blocks) == 4
    finally:
        engine.close()
