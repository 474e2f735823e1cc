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
