"""A long ingest runs the corpus stages after every `corpus_every` new articles, as a series
of ingests into a growing archive would: memory holds one stretch, and a crash in one
stretch's corpus work loses nothing the next run cannot finish."""
from __future__ import annotations

import pytest

from rasid.config import Settings, load_settings
from rasid.errors import ConfigError
from rasid.pipeline import Pipeline, ingest
from rasid.resources import resource_path
from rasid.store.sqlite import SQLiteStore

DEMO = str(resource_path("demo/corpus"))
STAGES = ("derive", "story", "entities")


def _run(tmp_path, name: str, **settings):
    store = SQLiteStore(tmp_path / f"{name}.db")
    report = ingest([DEMO], store, Settings(progress="never", batch_size=4, **settings))
    return store, report


def _state(store):
    links = {(d.source_id, d.derived_id, d.kind) for d in store.derivations()}
    stories = {frozenset(s.article_ids) for s in store.stories()}
    return links, stories


def _behind(store, pipe: Pipeline) -> dict[str, int]:
    return {"derive": len(store.articles_behind(pipe.derive_stage.name, pipe.derive_stage.version)),
            "story": len(store.articles_behind(pipe.story_stage.name, pipe.story_stage.version)),
            "entities": len(store.articles_behind(pipe.entity_stage.name, pipe.entity_stage.version))}


def test_the_corpus_stages_run_after_every_stretch_and_end_where_one_pass_ends(tmp_path):
    once, report_once = _run(tmp_path, "once", corpus_every=0)
    stretches, report = _run(tmp_path, "stretches", corpus_every=8)
    assert report_once.corpus_passes == 1
    n = report.added
    assert n == report_once.added > 24
    assert report.corpus_passes == -(-n // 8)    # after every 8 (batches of 4), then the rest at the end
    pipe = Pipeline(stretches, Settings(progress="never"))
    assert _behind(stretches, pipe) == {"derive": 0, "story": 0, "entities": 0}
    links, stories = _state(stretches)
    links_once, stories_once = _state(once)
    assert links == links_once
    assert stories == stories_once
    assert report.derivations == report_once.derivations
    assert stretches.counts()["entities"] == once.counts()["entities"]


def test_a_crash_in_a_later_stretch_keeps_the_earlier_stretches_corpus_work(tmp_path, monkeypatch):
    from rasid.story.assign import StoryStage

    original = StoryStage.update
    calls = {"n": 0}

    def flaky(self, store, new_ids):
        calls["n"] += 1
        if calls["n"] == 2:
            raise KeyboardInterrupt   # Ctrl-C in the second stretch's story clustering
        return original(self, store, new_ids)

    monkeypatch.setattr(StoryStage, "update", flaky)
    db = tmp_path / "crash.db"
    store = SQLiteStore(db)
    settings = Settings(progress="never", batch_size=4, corpus_every=8)
    with pytest.raises(KeyboardInterrupt):
        ingest([DEMO], store, settings)
    pipe = Pipeline(store, Settings(progress="never"))
    stored = store.counts()["articles"]
    behind = _behind(store, pipe)
    # the first stretch went through every stage; the second was checked for copies, then
    # stopped before its stories; nothing was read after it
    assert stored == 16
    assert behind == {"derive": 0, "story": 8, "entities": 8}
    store.close()

    monkeypatch.setattr(StoryStage, "update", original)
    with SQLiteStore(db) as reopened:
        report = ingest([DEMO], reopened, settings)
        assert report.already_stored == 16
        assert _behind(reopened, Pipeline(reopened, Settings(progress="never"))) == \
            {"derive": 0, "story": 0, "entities": 0}
        once, _ = _run(tmp_path, "once", corpus_every=0)
        assert _state(reopened) == _state(once)


def test_corpus_every_must_not_be_negative(monkeypatch):
    monkeypatch.setenv("RASID_CORPUS_EVERY", "-1")
    with pytest.raises(ConfigError, match="corpus_every"):
        load_settings()
