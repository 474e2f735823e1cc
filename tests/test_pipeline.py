"""The ingest pipeline: idempotent re-runs, kept rejections, crash safety, one story per article."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from rasid.config import Settings
from rasid.ids import story_id_for
from rasid.pipeline import ingest
from rasid.store.sqlite import SQLiteStore

TOPICS = ["افتتاح مدرسة جديدة", "ارتفاع أسعار الخبز", "فوز الفريق المحلي", "انقطاع المياه",
          "مهرجان الزيتون", "تعديل مواعيد الحافلات", "حملة تشجير", "إصلاح الطريق الساحلي"]


def _line(i: int) -> dict:
    topic = TOPICS[i % len(TOPICS)]
    return {"id": f"n{i:03d}", "outlet": "صحيفة الميناء", "published": f"2024-06-{i % 28 + 1:02d}",
            "title": f"{topic} ({i})",
            "text": f"أفاد مراسلنا اليوم بخبر عن {topic} في المنطقة رقم {i}. "
                    f"وقال مسؤول محلي إن الأمور تسير وفق الخطة المقررة."}


def _corpus(root: Path, n_jsonl: int = 10) -> Path:
    root.mkdir(exist_ok=True)
    (root / "sub").mkdir(exist_ok=True)
    (root / "feed.jsonl").write_text(
        "".join(json.dumps(_line(i), ensure_ascii=False) + "\n" for i in range(n_jsonl)),
        encoding="utf-8")
    (root / "sub" / "note.txt").write_text(
        "نقص الأدوية في المستشفى\n"
        "اشتكى مرضى في المستشفى العام من نقص في بعض الأدوية الأساسية هذا الأسبوع.\n"
        "وقالت الإدارة إن شحنة جديدة ستصل خلال أيام.", encoding="utf-8")
    return root


def _rows(store: SQLiteStore) -> dict[str, int]:
    return {t: store.db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("articles", "stories", "rejected", "files", "articles_fts")}


def _assert_consistent(store: SQLiteStore) -> None:
    assert store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    rows = _rows(store)
    assert rows["articles_fts"] == rows["articles"]
    orphans = store.db.execute("SELECT count(*) FROM articles WHERE story_id IS NULL OR story_id"
                               " NOT IN (SELECT id FROM stories)").fetchone()[0]
    assert orphans == 0


def test_ingest_reads_a_folder_into_articles(tmp_path, store, settings):
    report = ingest([str(_corpus(tmp_path / "in"))], store, settings)
    assert (report.files, report.items, report.added, report.rejected) == (2, 11, 11, 0)
    assert report.ok
    assert report.languages["ar"] == 11
    a = next(x for x in store.iter_articles() if x.source_id == "n003")
    assert (a.outlet, a.published, a.headline, a.lang, a.format) == (
        "صحيفة الميناء", "2024-06-04", "انقطاع المياه (3)", "ar", "jsonl")
    assert "انقطاع المياه في المنطقة رقم 3" in a.text
    txt = next(x for x in store.iter_articles() if x.format == "txt")
    assert txt.source_id == str(tmp_path / "in" / "sub" / "note.txt")
    _assert_consistent(store)


def test_every_article_gets_a_story_that_lists_it(tmp_path, store, settings):
    ingest([str(_corpus(tmp_path / "in"))], store, settings)
    stories = {s.id: s for s in store.stories()}
    articles = list(store.iter_articles())
    for a in articles:
        story = stories[a.story_id]
        assert a.id in story.article_ids
        assert a.thread_id == story.thread_id
    assert sorted(aid for s in stories.values() for aid in s.article_ids) == sorted(a.id for a in articles)


def test_story_cards_span_their_members(tmp_path, store, settings):
    """Clustered stories: the unrelated hospital note stays alone; every card's dates and
    outlets come from its members; its id is seeded by its first report."""
    ingest([str(_corpus(tmp_path / "in"))], store, settings)
    articles = {a.id: a for a in store.iter_articles()}
    note = next(a for a in articles.values() if a.format == "txt")
    for story in store.stories():
        members = [articles[i] for i in story.article_ids]
        if note.id in story.article_ids:
            assert story.article_ids == (note.id,)
        published = sorted(a.published for a in members if a.published)
        assert (story.first_seen, story.last_seen) == ((published[0], published[-1]) if published
                                                       else (None, None))
        assert set(story.outlets) == {a.outlet for a in members if a.outlet}
        seed = min(members, key=lambda a: (a.published or "9999", a.id))
        assert story.id == story_id_for(seed.id)


def test_ingesting_the_same_folder_twice_adds_nothing(tmp_path, store, settings):
    folder = str(_corpus(tmp_path / "in"))
    first = ingest([folder], store, settings)
    before = _rows(store)
    second = ingest([folder], store, settings)
    assert first.added == 11
    assert (second.added, second.already_stored, second.items) == (0, 11, 11)
    assert _rows(store) == before


def test_duplicate_lines_within_one_run_are_stored_once(tmp_path, store, settings):
    path = tmp_path / "dup.jsonl"
    line = json.dumps(_line(1), ensure_ascii=False) + "\n"
    path.write_text(line * 3, encoding="utf-8")
    report = ingest([str(path)], store, settings)
    assert (report.added, report.already_stored) == (1, 2)
    assert store.counts()["articles"] == 1


def test_rejections_are_stored_with_file_and_line_and_reported(tmp_path, store, settings):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.jsonl").write_text(
        json.dumps(_line(1), ensure_ascii=False) + "\n{not json\n"
        + json.dumps({"id": "x", "title": "بلا نص"}, ensure_ascii=False) + "\n", encoding="utf-8")
    (folder / "b.txt").write_bytes(b"\x89PNG\r\n\x1a\nbinary")
    report = ingest([str(folder)], store, settings)
    assert not report.ok
    assert (report.added, report.rejected) == (1, 3)
    got = sorted((Path(r.source).name, r.line, r.code) for r in report.rejections)
    assert got == [("a.jsonl", 2, "json"), ("a.jsonl", 3, "schema"), ("b.txt", None, "binary")]
    stored = sorted((Path(r.source).name, r.line, r.code) for r in store.iter_rejections())
    assert stored == got
    row = store.db.execute("SELECT sample, size, sha256 FROM rejected WHERE line = 2").fetchone()
    assert bytes(row["sample"]) == b"{not json\n" and row["size"] == 10 and len(row["sha256"]) == 64
    again = ingest([str(folder)], store, settings)
    assert again.rejected == 3 and store.counts()["rejected"] == 3, "rejections are not duplicated"


def test_a_crash_mid_run_keeps_committed_batches_and_a_rerun_completes(tmp_path, monkeypatch):
    folder = str(_corpus(tmp_path / "in", n_jsonl=12))  # 12 jsonl lines + 1 txt = 13 articles
    settings = Settings(progress="never", batch_size=2)
    db = tmp_path / "crash.db"
    store = SQLiteStore(db)
    original = SQLiteStore.write_batch
    calls = {"n": 0}

    def flaky(self, articles, *rest, **kw):
        calls["n"] += 1
        if calls["n"] == 3:
            def interrupted():
                yield from list(articles)[:1]  # one row goes in, then Ctrl-C
                raise KeyboardInterrupt
            return original(self, interrupted(), *rest, **kw)
        return original(self, articles, *rest, **kw)

    monkeypatch.setattr(SQLiteStore, "write_batch", flaky)
    with pytest.raises(KeyboardInterrupt):
        ingest([folder], store, settings)
    store.close()
    monkeypatch.setattr(SQLiteStore, "write_batch", original)

    with SQLiteStore(db) as reopened:
        ids = [a.source_id for a in reopened.iter_articles()]
        assert ids == ["n000", "n001", "n002", "n003"], "exactly the first two batches"
        _assert_consistent(reopened)
        report = ingest([folder], reopened, settings)
        assert (report.added, report.already_stored) == (9, 4)
        all_ids = [a.source_id for a in reopened.iter_articles()]
        assert len(all_ids) == len(set(all_ids)) == 13
        assert {f"n{i:03d}" for i in range(12)} <= set(all_ids)
        _assert_consistent(reopened)


def test_a_crash_in_the_cleaner_loses_only_the_batch_in_flight(tmp_path, store, monkeypatch):
    from rasid.clean.cleaner import Cleaner
    folder = str(_corpus(tmp_path / "in", n_jsonl=9))
    settings = Settings(progress="never", batch_size=3)
    original = Cleaner.__call__
    seen = {"n": 0}

    def flaky(self, raw, aid=None):
        seen["n"] += 1
        if seen["n"] == 8:  # inside the third batch
            raise KeyboardInterrupt
        return original(self, raw, aid)

    monkeypatch.setattr(Cleaner, "__call__", flaky)
    with pytest.raises(KeyboardInterrupt):
        ingest([folder], store, settings)
    assert store.counts()["articles"] == 6
    _assert_consistent(store)
    monkeypatch.setattr(Cleaner, "__call__", original)
    report = ingest([folder], store, settings)
    assert (report.added, report.already_stored) == (4, 6)
    assert store.counts()["articles"] == 10
    _assert_consistent(store)


def test_missing_path_stops_before_anything_is_written(tmp_path, store, settings):
    from rasid.errors import UsageError
    folder = str(_corpus(tmp_path / "in"))
    with pytest.raises(UsageError):
        ingest([folder, str(tmp_path / "missing")], store, settings)
    assert store.counts()["articles"] == 0


def test_files_are_recorded_as_done_with_their_item_counts(tmp_path, store, settings):
    ingest([str(_corpus(tmp_path / "in"))], store, settings)
    rows = store.db.execute("SELECT source, items FROM files ORDER BY source").fetchall()
    assert [(Path(r["source"]).name, r["items"]) for r in rows] == [("feed.jsonl", 10), ("note.txt", 1)]
