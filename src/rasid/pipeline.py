"""The ordered stages of an ingest run, batched, with an explicit bad-input policy.

    paths -> ingest (files -> raw documents | rejections)
          -> ids (content ids; items already stored are skipped before any work)
          -> clean (raw -> Article)
          -> dates (date expressions resolved; a missing publication date inferred from the text)
          -> mentions (people, organisations, places, with titles written beside them)
          -> quotes (who said what, through which channel, anonymous or not, denials)
          -> figures (numbers in digits or words, with approximations and what they count)
          -> story (articles -> stories, with timelines)
          -> store (one transaction per batch)
    then, over the corpus: publication dates still missing are inferred from related
    articles, articles an older version of a stage produced are brought up to date,
    copies are linked, stories clustered, and mentions resolved into entities.

Bad input never stops a batch run: each rejected item is stored with its
reason and returned in the report. A crash or Ctrl-C loses at most the batch
in flight; re-running the same command completes the job without duplicates.
"""
from __future__ import annotations

import hashlib
import sys
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from time import perf_counter

from dataclasses import replace
from datetime import date

from rasid.extract.dates.published import infer_published
from rasid.config import Settings, load_settings
from rasid.ids import article_id
from rasid.ingest import InputFile, find_files, read_file
from rasid.ingest.sources import file_sha256
from rasid.link.stage import DerivationStage
from rasid.resolve.stage import EntityStage
from rasid.model import Article, RawDocument, Rejection
from rasid.runner import FIGURES_VERSION, ArticleStages, LocalEngine, workers_for
from rasid.store.base import FileDone, Store
from rasid.story import SingletonStories
from rasid.story.assign import StoryStage

MAX_REPORTED_REJECTIONS = 10_000


@dataclass(slots=True)
class IngestReport:
    files: int = 0
    items: int = 0
    added: int = 0
    already_stored: int = 0
    rejected: int = 0
    rejections: list[Rejection] = field(default_factory=list)  # the first MAX_REPORTED_REJECTIONS
    languages: Counter = field(default_factory=Counter)
    seconds: Counter = field(default_factory=Counter)  # wall time per stage: read, ids, clean, dates, …
    undated: list[str] = field(default_factory=list)    # undated new articles that related ones may date
    inferred: int = 0                                   # publication dates inferred
    stories: int = 0                                    # stories (re)written by clustering
    derivations: dict = field(default_factory=dict)     # kind -> links found (copy, rewrite, …)
    mentions: int = 0                                   # mentions tagged in new articles
    entities: int | None = None                         # entities after resolution (None: not run)

    @property
    def ok(self) -> bool:
        return self.rejected == 0


class _Batch:
    def __init__(self) -> None:
        self.raws: list[RawDocument] = []
        self.rejections: list[Rejection] = []
        self.files_done: list[FileDone] = []

    def __len__(self) -> int:
        return len(self.raws) + len(self.rejections)


class Pipeline:
    """Configured once, run on any number of path lists against one store."""

    def __init__(self, store: Store, settings: Settings | None = None) -> None:
        self.store = store
        self.settings = settings or load_settings()
        self.article_stages = ArticleStages(self.settings.ner_model)
        self.cleaner, self.dates = self.article_stages.cleaner, self.article_stages.dates
        self.mentions, self.quotes = self.article_stages.mentions, self.article_stages.quotes
        self.engine = _engine(self.article_stages, self.settings)
        self.entity_stage = EntityStage(embeddings=self.settings.embeddings)
        self.stories = SingletonStories()  # every article has a story from its first commit on
        # The corpus stages stay here, but their large embedding calls go to the workers too.
        embedder = self.engine.embedder()
        self.derive_stage = DerivationStage(embeddings=self.settings.embeddings, embedder=embedder,
                                            joiner=self.engine.joiner)
        self.story_stage = StoryStage(embeddings=self.settings.embeddings, embedder=embedder,
                                      model="packaged" if self.settings.story_model else None,
                                      joiner=self.engine.joiner)
        self.versions = self.article_stages.versions

    def _extract(self, article: Article) -> Article:
        return self.article_stages.extract(article)

    def _flush(self, batch: _Batch, report: IngestReport) -> None:
        t0 = perf_counter()
        ids = [article_id(r) for r in batch.raws]
        stored = self.store.existing_article_ids(ids)
        t1 = perf_counter()
        todo: list[tuple[RawDocument, str]] = []
        seen = set(stored)
        for raw, aid in zip(batch.raws, ids):
            if aid in seen:
                report.already_stored += 1
                continue
            seen.add(aid)
            todo.append((raw, aid))
        fresh: list[Article] = []
        for article, needs_corpus in self.engine.map(todo, report.seconds):
            fresh.append(article)
            if needs_corpus:
                report.undated.append(article.id)
        t2 = perf_counter()
        stories = self.stories.assign(fresh)
        t3 = perf_counter()
        report.added += self.store.write_batch(fresh, batch.rejections, stories, batch.files_done)
        t4 = perf_counter()
        report.languages.update(a.lang for a in fresh)
        report.mentions += sum(len(a.mentions) for a in fresh)
        report.inferred += sum(a.published_inferred for a in fresh)
        report.seconds.update({"ids": t1 - t0, "story": t3 - t2, "store": t4 - t3})

    def _infer_from_related(self, report: IngestReport) -> None:
        """Publication dates the text alone could not give: anchors from related articles."""
        updated = []
        for a in self.store.articles_without_published(report.undated):
            anchors = [date.fromisoformat(v)
                       for v in self.store.anchor_dates(self.store.related_article_ids(a))]
            found = infer_published(a.text, anchors)
            if found:
                updated.append(_redate(self.dates, a, found.isoformat(), True, self.versions))
        if updated:
            self.store.update_articles(updated, self.stories.assign(updated))
            report.inferred += len(updated)

    def _upgrade(self) -> int:
        """Re-run per-article stages on stored articles an older version produced;
        returns how many articles were brought up to date."""
        ids = self.store.articles_behind(self.dates.name, self.dates.version)
        for name, version in ((self.mentions.name, self.mentions.version),
                              (self.quotes.name, self.quotes.version), ("figures", FIGURES_VERSION)):
            ids = list(dict.fromkeys(ids + self.store.articles_behind(name, version)))
        for i in range(0, len(ids), self.settings.batch_size):
            articles = self.store.articles(ids[i:i + self.settings.batch_size])
            redone = [self._extract(_redate(self.dates, a, a.published, a.published_inferred,
                                            self.versions))
                      for a in articles]
            self.store.update_articles(redone, self.stories.assign(redone))
        return len(ids)

    def run(self, paths: Iterable[str], label: str | None = None, progress: bool | None = None) -> IngestReport:
        files = find_files(paths, label)
        report = IngestReport(files=len(files))
        bar = _progress_bar(sum(f.size for f in files), self.settings, progress)
        batch = _Batch()
        started = perf_counter()
        self._upgrade()
        try:
            for file in files:
                count = 0
                for item in read_file(file, self.settings, bar.update):
                    count += 1
                    report.items += 1
                    if isinstance(item, Rejection):
                        report.rejected += 1
                        if len(report.rejections) < MAX_REPORTED_REJECTIONS:
                            report.rejections.append(item)
                        batch.rejections.append(item)
                    else:
                        batch.raws.append(item)
                    if len(batch) >= self.settings.batch_size:
                        self._flush(batch, report)
                        batch = _Batch()
                        bar.set_postfix(articles=report.added, rejected=report.rejected, refresh=False)
                batch.files_done.append(_file_done(file, count))
            self._flush(batch, report)
            t0 = perf_counter()
            self._infer_from_related(report)
            report.seconds["corpus"] += perf_counter() - t0
            t0 = perf_counter()
            # Every article not yet checked for copies by this version (this run's, or a
            # crashed run's): before stories, which use the links.
            pending = self.store.articles_behind(self.derive_stage.name, self.derive_stage.version)
            if pending:
                report.derivations = self.derive_stage.update(self.store, pending).links
            report.seconds["derive"] += perf_counter() - t0
            t0 = perf_counter()
            # Every article not yet clustered by this version (this run's, or a crashed run's).
            pending = self.store.articles_behind(self.story_stage.name, self.story_stage.version)
            if pending:
                report.stories = self.story_stage.update(self.store, pending).stories
            report.seconds["stories"] += perf_counter() - t0
            t0 = perf_counter()
            # Entities are global, but only what this run changed is read again: new, re-tagged
            # and re-dated articles, those moved to another story (the store drops their mark),
            # and the entities their names may join (resolve/stage.py).
            resolved = self.entity_stage.update(self.store)
            if resolved.whole or resolved.articles:
                report.entities = self.store.counts()["entities"]
            report.seconds["entities"] += perf_counter() - t0
        finally:
            self.engine.close()
            bar.close()
            staged = sum(report.seconds.values())
            report.seconds["read"] = perf_counter() - started - staged
        return report


def _engine(stages: ArticleStages, settings: Settings):
    """The engine that runs the per-article stages: a local process pool, or Spark."""
    if settings.engine == "spark":
        from rasid.spark_engine import SparkEngine

        return SparkEngine(settings.spark_master, settings.ner_model, settings.blas_threads)
    return LocalEngine(stages, workers_for(settings.workers), settings.ner_model, settings.blas_threads)


def _redate(self_dates, article: Article, published: str | None, inferred: bool,
            versions: dict) -> Article:
    a = replace(article, published=published, published_inferred=inferred, stages=dict(versions))
    return self_dates(a)


def _file_done(file: InputFile, items: int) -> FileDone:
    try:
        sha = file_sha256(file.path)
    except OSError:
        sha = hashlib.sha256(file.name.encode()).hexdigest()
    return FileDone(sha, file.name, file.size, items)


def _progress_bar(total: int, settings: Settings, progress: bool | None):
    from tqdm import tqdm

    if progress is None:
        progress = settings.progress == "always" or (settings.progress == "auto" and sys.stderr.isatty())
    return tqdm(total=total, unit="B", unit_scale=True, desc="ingest", disable=not progress,
                file=sys.stderr, leave=False)


def ingest(paths: Iterable[str], store: Store, settings: Settings | None = None,
           label: str | None = None, progress: bool | None = None) -> IngestReport:
    """Ingest files and folders into `store`; see the module docstring for the policy."""
    return Pipeline(store, settings).run(paths, label=label, progress=progress)
