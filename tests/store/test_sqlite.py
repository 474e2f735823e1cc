"""SQLite store: its migrations and file handling. What every store must do is in
test_store_contract.py, run on SQLite and PostgreSQL alike."""
from __future__ import annotations

import sqlite3

import pytest

from rasid.errors import StoreError
from rasid.model import Article
from rasid.store import open_store
from rasid.store.base import Store
from rasid.store.sqlite import SQLiteStore, migrations
from rasid.text.tokens import match_keys

LATEST = migrations()[-1][0]


def _article(n: int) -> Article:
    text = f"خبر تجريبي رقم {n} عن افتتاح سوق شعبي في البلدة."
    return Article(id=f"a{n:04d}", source_id=f"src-{n}", source="in.jsonl", line=n,
                   format="jsonl", text=text, original=text, lang="ar")

def test_new_database_is_migrated_to_the_latest_version(store):
    assert store.schema_version == LATEST >= 1
    tables = {r[0] for r in store.db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"articles", "stories", "rejected", "files", "articles_fts"} <= tables
    assert isinstance(store, Store)


def test_wal_journal_mode_is_on(store):
    assert store.db.execute("PRAGMA journal_mode").fetchone()[0].lower() == "wal"


def test_reopening_does_not_rerun_migrations(tmp_path):
    path = tmp_path / "r.db"
    with SQLiteStore(path) as s:
        s.write_batch([_article(1)])
    with SQLiteStore(path) as s:  # a re-run of CREATE TABLE would raise "already exists"
        assert s.schema_version == LATEST
        assert s.counts()["articles"] == 1


def test_newer_schema_version_is_refused(tmp_path):
    path = tmp_path / "future.db"
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version = {LATEST + 5}")
    db.close()
    with pytest.raises(StoreError, match="newer"):
        SQLiteStore(path)


def test_non_database_file_is_a_store_error(tmp_path):
    path = tmp_path / "notes.db"
    path.write_bytes("هذا ليس ملف قاعدة بيانات بل نص عادي. ".encode() * 200)
    with pytest.raises(StoreError, match="not a rasid database"):
        SQLiteStore(path)


def test_unknown_server_url_is_a_usage_error():
    from rasid.errors import UsageError
    with pytest.raises(UsageError, match="postgresql://"):
        open_store("mysql://localhost/rasid")


def _plans(store, call) -> list[str]:
    """The query plans of every statement `call` runs on the store's connection."""
    ran: list[str] = []
    store.db.set_trace_callback(ran.append)
    try:
        call()
    finally:
        store.db.set_trace_callback(None)
    plans = []
    for sql in ran:
        if sql.lstrip().upper().startswith("SELECT"):
            plans += [r[3] for r in store.db.execute("EXPLAIN QUERY PLAN " + sql)]
    return plans


def test_a_stage_with_an_index_on_its_mark_is_answered_without_reading_the_rows(store):
    store.write_batch([_article(n) for n in range(1, 7)])
    store.mark_stage(["a0001", "a0002", "a0003"], "derive", "derive/9")
    store.mark_stage(["a0004"], "derive", "derive/8")
    assert store.articles_behind("derive", "derive/9") == ["a0004", "a0005", "a0006"]
    assert store.articles_behind("derive", "derive/8") == ["a0001", "a0002", "a0003", "a0005", "a0006"]
    # a stage rasid has no index for is still answered, by reading every row
    store.mark_stage(["a0001"], "other", "1")
    assert store.articles_behind("other", "1") == ["a0002", "a0003", "a0004", "a0005", "a0006"]
    plans = _plans(store, lambda: store.articles_behind("derive", "derive/9"))
    assert any("USING INDEX articles_stage_derive" in p for p in plans), plans
    assert not any(p == "SCAN articles" for p in plans), plans


def test_dates_outlets_and_languages_by_id_come_from_the_covering_index(store):
    store.write_batch([_article(1), _article(2)])
    assert store.published_dates(["a0001", "a0002", "zz"]) == {"a0001": None, "a0002": None}
    assert store.relay_facts(["a0001"]) == {"a0001": (None, "ar", frozenset())}
    for call in (lambda: store.published_dates(["a0001"]), lambda: store.relay_facts(["a0001"])):
        plans = [p for p in _plans(store, call) if p.split()[1] == "articles"]   # not quotes
        assert plans and all("COVERING INDEX articles_facts" in p for p in plans), plans


def test_document_frequencies_are_read_once_until_articles_are_added(tmp_path):
    path = tmp_path / "f.db"
    with SQLiteStore(path) as s, SQLiteStore(path) as other:
        s.write_batch([_article(1)])
        df, n = s.document_frequencies()
        assert n == 1 and df[match_keys("سوق")[0]] == 1
        assert s.document_frequencies()[0] is df             # remembered
        s.write_batch([_article(2)])                          # added here
        df2, n2 = s.document_frequencies()
        assert n2 == 2 and df2[match_keys("سوق")[0]] == 2
        other.write_batch([_article(3)])                      # added by another connection
        assert s.document_frequencies()[1] == 3


def test_an_ingests_entity_reads_come_from_covering_indexes(store):
    """The kept mentions of a place every article names run to millions: their article's date
    and story must not be read from the article's row (see migration 11)."""
    from rasid.store import entity_update as eu
    from rasid.store.sqlite import ENTITY_MEMBERS
    for sql in (eu._FORMS, eu._ROLES, ENTITY_MEMBERS + " WHERE m.entity_id IN ({ids})"):
        plans = [r[3] for r in store.db.execute("EXPLAIN QUERY PLAN " + sql.format(ids="?,?"), ("e1", "e2"))]
        assert any("COVERING INDEX mentions_entity" in p for p in plans), plans
        assert any("COVERING INDEX articles_facts" in p for p in plans), plans


def test_articles_without_a_vector_of_a_model(store):
    import numpy as np
    store.write_batch([_article(n) for n in range(1, 4)])
    assert store.articles_without_vector("m") == ["a0001", "a0002", "a0003"]
    store.save_vectors({"a0002": np.ones(4, dtype=np.float32)}, "m")
    assert store.articles_without_vector("m") == ["a0001", "a0003"]
    store.save_vectors({"a0001": np.ones(4, dtype=np.float32), "a0003": np.ones(4, dtype=np.float32)}, "m")
    assert store.articles_without_vector("m") == []
    assert store.articles_without_vector("other") == ["a0001", "a0002", "a0003"]


def test_vector_keys_are_read_once_until_vectors_or_articles_are_added(tmp_path):
    import numpy as np
    path = tmp_path / "v.db"
    with SQLiteStore(path) as s, SQLiteStore(path) as other:
        s.write_batch([_article(1), _article(2)])
        s.save_vectors({"a0001": np.ones(4, dtype=np.float32)}, "m")
        keys = s.vector_keys("m")
        assert sorted(keys.values()) == ["a0001"] and s.vector_keys("m") is keys   # remembered
        assert s.vector_keys("other") == {}                                        # per model
        s.save_vectors({"a0002": np.ones(4, dtype=np.float32)}, "m")               # added here
        assert sorted(s.vector_keys("m").values()) == ["a0001", "a0002"]
        other.write_batch([_article(3)])                                           # and elsewhere
        other.save_vectors({"a0003": np.ones(4, dtype=np.float32)}, "m")
        assert sorted(s.vector_keys("m").values()) == ["a0001", "a0002", "a0003"]
