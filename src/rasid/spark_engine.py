"""The per-article stages on Apache Spark (`rasid ingest --engine spark --master URL`).

The same batch function the local engine maps over its process pool
(`rasid.runner.ArticleStages`) runs here inside Spark's Python workers through
`mapInArrow`: each batch of raw documents becomes a DataFrame of (position, pickled
document), each partition is cleaned, dated and tagged by stages built once per Python
worker, and the articles come back in their input order, so the store receives exactly
what a one-process run would give it. The corpus stages (copies, stories, entities) stay
with the store in the driver, but their corpus joins run here: the copy stage's candidate
joins as Spark SQL, the copy and story stages' nearest-neighbour queries as a Spark job
(`SparkVectorSearch`), and the story clusterer's embedding blocks as Spark tasks
(`map_blocks`). Optional: `pip install 'rasid[spark]'` (Java 17).
"""
from __future__ import annotations

import os
import pickle
import sys
from collections import Counter
from collections.abc import Iterator, Sequence
from functools import partial
from time import perf_counter

from rasid.errors import ConfigError
from rasid.model import Article, RawDocument

_SCHEMA_IN = "i long, payload binary"
_SCHEMA_OUT = "i long, result binary"
_SCHEMA_NEAR = "query int, seq long, sim double"
_STAGES = None   # per Spark Python worker: built on its first partition, reused after


def _pickled_rows(batches: Iterator, fn) -> Iterator:
    """The mapInArrow loop both bodies share: (i, pickled item) rows -> (i, pickled fn(item))."""
    import pyarrow as pa

    for batch in batches:
        positions = batch.column("i").to_pylist()
        results = [pickle.dumps(fn(pickle.loads(payload)), protocol=pickle.HIGHEST_PROTOCOL)
                   for payload in batch.column("payload").to_pylist()]
        yield pa.RecordBatch.from_arrays([pa.array(positions, pa.int64()), pa.array(results, pa.binary())],
                                         names=["i", "result"])


def _partition(batches: Iterator, ner_model: str, blas_threads: int) -> Iterator:
    """mapInArrow body: (i, pickled (raw, id)) rows -> (i, pickled (article, needs_corpus,
    stage seconds)) rows."""
    global _STAGES
    if _STAGES is None:
        from rasid.runner import ArticleStages
        from rasid.text.blas import limit_blas_threads

        limit_blas_threads(blas_threads)
        _STAGES = ArticleStages(ner_model)

    def one(item):
        seconds: Counter = Counter()
        article, needs = _STAGES(*item, seconds)
        return article, needs, dict(seconds)

    return _pickled_rows(batches, one)


def _apply_partition(batches: Iterator) -> Iterator:
    """mapInArrow body: (i, pickled (fn, item)) rows -> (i, pickled fn(item)) rows."""
    return _pickled_rows(batches, lambda pair: pair[0](pair[1]))


def _nearest_partition(batches: Iterator, queries, k: int) -> Iterator:
    """mapInArrow body: (seq, float16 vector) rows of one partition of the archive -> each
    broadcast query's k nearest among them, as (query, seq, cosine) rows."""
    import numpy as np
    import pyarrow as pa

    from rasid.link.neighbours import exact_nearest

    wanted = queries.value
    for batch in batches:
        seqs = np.asarray(batch.column("seq").to_pylist(), dtype=np.int64)
        if not len(seqs):
            continue
        vectors = np.stack([np.frombuffer(b, dtype=np.float16) for b in batch.column("vector").to_pylist()])
        found = exact_nearest(vectors, seqs, wanted, k)
        rows = [(q, key, sim) for q, hits in enumerate(found) for key, sim in hits]
        yield pa.RecordBatch.from_arrays(
            [pa.array([r[0] for r in rows], pa.int32()), pa.array([r[1] for r in rows], pa.int64()),
             pa.array([r[2] for r in rows], pa.float64())], names=["query", "seq", "sim"])


class SparkVectorSearch:
    """`search(vectors, k)` like the sidecar index (`link.neighbours.VectorIndex`), as a Spark
    job over every stored vector of one model: the archive is spread over the workers, each
    partition answers every query (broadcast) with its own k nearest, and a shuffle by query
    keeps the best k of all (a window over the partitions' answers). Exact, where the index
    is approximate. The archive's frame is read once per search object and persisted."""

    def __init__(self, engine: "SparkEngine", store, model: str) -> None:
        self.engine, self.store, self.model = engine, store, model
        self._frame = None
        self.searches = 0

    def _archive(self):
        if self._frame is None:
            spark = self.engine.session()
            rows = list(self.store.vector_rows(self.model))
            parts = max(1, min(len(rows) // 2000 + 1, 4 * spark.sparkContext.defaultParallelism))
            self._frame = (spark.createDataFrame(rows, "seq long, vector binary")
                           .repartition(parts).persist())
        return self._frame

    def search(self, vectors, k: int) -> list[list[tuple[int, float]]]:
        import numpy as np
        from pyspark.sql import Window
        from pyspark.sql import functions as F

        queries = np.asarray(vectors, dtype=np.float32)
        out: list[list[tuple[int, float]]] = [[] for _ in range(len(queries))]
        if not len(queries) or k <= 0:
            return out
        self.searches += 1
        spark = self.engine.session()
        shared = spark.sparkContext.broadcast(queries)
        try:
            found = self._archive().mapInArrow(partial(_nearest_partition, queries=shared, k=k), _SCHEMA_NEAR)
            rank = Window.partitionBy("query").orderBy(F.desc("sim"), F.asc("seq"))
            best = found.withColumn("rank", F.row_number().over(rank)).where(F.col("rank") <= k)
            for r in best.collect():
                out[r["query"]].append((r["seq"], r["sim"]))
        finally:
            shared.unpersist()
        return [sorted(hits, key=lambda x: (-x[1], x[0])) for hits in out]

    def close(self) -> None:
        if self._frame is not None:
            self._frame.unpersist()
            self._frame = None


class SparkEngine:
    """`map(items, seconds)` like `LocalEngine`, on a Spark cluster (or `local[N]`)."""


    def __init__(self, master: str = "local[2]", ner_model: str = "", blas_threads: int = 1,
                 app_name: str = "rasid") -> None:
        try:
            import pyspark  # noqa: F401
        except ImportError as e:
            raise ConfigError("the spark engine needs PySpark: pip install 'rasid[spark]' "
                              "(and Java 17)") from e
        self.master = master
        self.ner_model = ner_model
        self.blas_threads = blas_threads
        self.app_name = app_name
        self.restarts = 0
        self._spark = None
        self._searches: list[SparkVectorSearch] = []
        self.mapped = 0   # items run through map_blocks

    def embedder(self):
        """The driver's own embedding calls (copies, stories) stay in the driver."""
        return None

    @property
    def joiner(self) -> "SparkEngine":
        """The corpus joins run here: the copy stage's candidate joins as Spark SQL, the
        nearest-neighbour queries of the copy and story stages and the story clusterer's
        embedding blocks as Spark jobs."""
        return self

    def map_blocks(self, fn, items: Sequence) -> list:
        """`[fn(x) for x in items]` on the Spark workers, in input order: the story clusterer's
        embedding-neighbour blocks (`story.cluster.block_pairs`), one task each. `fn` and the
        items must pickle (module-level functions, plain records)."""
        if not items:
            return []
        self.mapped += len(items)
        return self._pickled_map([(fn, x) for x in items], _apply_partition, len(items))

    def _pickled_map(self, items: Sequence, body, partitions: int) -> list:
        """Each item pickled into a (position, payload) row, the rows spread over `partitions`,
        `body` run on them with mapInArrow, and its pickled results back in input order."""
        spark = self.session()
        rows = [(i, pickle.dumps(item, protocol=pickle.HIGHEST_PROTOCOL)) for i, item in enumerate(items)]
        frame = spark.createDataFrame(rows, _SCHEMA_IN).repartition(min(len(rows), partitions))
        got = sorted(frame.mapInArrow(body, _SCHEMA_OUT).collect(), key=lambda r: r["i"])
        if [r["i"] for r in got] != list(range(len(items))):
            raise RuntimeError(f"spark returned {len(got)} of {len(items)} results")
        return [pickle.loads(r["result"]) for r in got]

    def vector_search(self, store, model: str) -> SparkVectorSearch:
        """A search over every stored vector of `model` (the archive as of this call)."""
        for stale in [s for s in self._searches if s.model == model]:
            stale.close()   # still usable: it reads the archive again if asked
            self._searches.remove(stale)
        search = SparkVectorSearch(self, store, model)
        self._searches.append(search)
        return search

    def session(self):
        if self._spark is None:
            from pyspark.sql import SparkSession

            # Spark's Python workers must run this interpreter (with rasid installed), not
            # whatever `python3` is first on the PATH.
            os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
            os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
            self._spark = (SparkSession.builder.master(self.master).appName(self.app_name)
                           .config("spark.ui.enabled", "false")
                           .config("spark.ui.showConsoleProgress", "false")
                           .config("spark.sql.shuffle.partitions", "8")
                           .getOrCreate())
            self._spark.sparkContext.setLogLevel("ERROR")
        return self._spark

    def map(self, items: Sequence[tuple[RawDocument, str]], seconds: Counter) -> list[tuple[Article, bool]]:
        """Every (raw, id) as (article, needs_corpus), in input order. `seconds` gets each
        stage's time over the cores that ran it, `engine start` (the JVM and session, once a
        run) and `engine`: the rest of the wall time (pickling, scheduling, starting Python
        workers and their stages, Arrow transfer, collecting)."""
        if not items:
            return []
        t0 = perf_counter()
        spark = self.session()
        started = perf_counter()
        seconds["engine start"] += started - t0   # the JVM and the session, once a run
        parallelism = max(1, spark.sparkContext.defaultParallelism)
        body = partial(_partition, ner_model=self.ner_model, blas_threads=self.blas_threads)
        out, spent = [], Counter()
        for article, needs, stage_seconds in self._pickled_map(items, body, 2 * parallelism):
            out.append((article, needs))
            spent.update(stage_seconds)
        wall = perf_counter() - started
        busy = {k: v / parallelism for k, v in spent.items()}
        seconds.update(busy)
        seconds["engine"] += max(0.0, wall - sum(busy.values()))
        return out

    def close(self) -> None:
        """End the session (the pipeline calls this at the end of a run)."""
        for search in self._searches:
            search.close()
        self._searches.clear()
        if self._spark is not None:
            self._spark.stop()
            self._spark = None

    def lsh_candidates(self, store, article_ids: Sequence[str], max_bucket: int) -> set[tuple[str, str]]:
        """`store.lsh_candidates` as a Spark SQL shuffle: the archive's band buckets are
        grouped, buckets of 2 to `max_bucket` articles kept (larger ones are boilerplate a
        site repeats), and joined with themselves on (band, bucket) from the given articles'
        side. The same pairs as the store's own query (tested)."""
        from pyspark.sql import functions as F

        if not article_ids:
            return set()
        spark = self.session()
        buckets = spark.createDataFrame(list(store.lsh_rows()), "band int, bucket long, article_id string")
        sizes = buckets.groupBy("band", "bucket").count().where(
            (F.col("count") >= 2) & (F.col("count") <= max_bucket))
        kept = buckets.join(sizes.select("band", "bucket"), ["band", "bucket"]).persist()  # used twice
        mine = kept.join(spark.createDataFrame([(i,) for i in article_ids], "article_id string"), "article_id")
        pairs = (mine.alias("a").join(kept.alias("b"), ["band", "bucket"])
                 .where(F.col("a.article_id") != F.col("b.article_id"))
                 .select(F.col("a.article_id").alias("a"), F.col("b.article_id").alias("b")).distinct())
        found = {(r["a"], r["b"]) for r in pairs.collect()}
        kept.unpersist()
        return found

    def containment_candidates(self, store, article_ids: Sequence[str], max_postings: int,
                               min_share: float, min_shared: int) -> set[tuple[str, str]]:
        """`store.containment_candidates` as Spark SQL: pairs sharing at least `min_shared`
        sampled shingles that fewer than `max_postings` articles hold, and at least
        `min_share` of the smaller one's samples (a short text copied inside a long one)."""
        from pyspark.sql import functions as F

        if not article_ids:
            return set()
        spark = self.session()
        samples = spark.createDataFrame(list(store.sample_rows()), "hash long, article_id string")
        rare = samples.groupBy("hash").count().where(F.col("count") <= max_postings).select("hash")
        kept = samples.join(rare, "hash").persist()   # used twice
        mine = kept.join(spark.createDataFrame([(i,) for i in article_ids], "article_id string"), "article_id")
        shared = (mine.alias("m").join(kept.alias("o"), "hash")
                  .where(F.col("m.article_id") != F.col("o.article_id"))
                  .groupBy(F.col("m.article_id").alias("a"), F.col("o.article_id").alias("b")).count()
                  .where(F.col("count") >= min_shared))
        sizes = spark.createDataFrame(list(store.sample_counts()), "article_id string, samples long")
        pairs = (shared.join(sizes.withColumnRenamed("article_id", "a").withColumnRenamed("samples", "sa"), "a")
                 .join(sizes.withColumnRenamed("article_id", "b").withColumnRenamed("samples", "sb"), "b")
                 .where(F.col("count") >= F.lit(min_share) * F.greatest(F.lit(1), F.least("sa", "sb"))))
        found = {(r["a"], r["b"]) for r in pairs.select("a", "b").collect()}
        kept.unpersist()
        return found
