"""The PostgreSQL store: the dialect bridge (no server needed), then, on a server, the same
results as SQLite, Arabic search, bad input, a killed ingest, and the web layer on top.

The Store contract tests (test_store_contract.py) also run on this backend."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

import pytest

from rasid.config import Settings
from rasid.errors import StoreError
from rasid.pipeline import ingest
from rasid.resources import resource_path
from rasid.store import open_store
from rasid.store.pgconn import Row, connect_args, placeholders, redacted, sqlite_nulls, without_hints
from rasid.store.postgres import PostgresStore, index_terms, migrations, tsvector_literal
from rasid.store.sqlite import SQLiteStore

ROOT = Path(__file__).resolve().parents[2]


# -- the dialect bridge ---------------------------------------------------------------

def test_placeholders_are_numbered_outside_quotes_and_comments():
    sql, n, arrays = placeholders("SELECT '?', \"a?\" FROM t -- why?\nWHERE a = ? AND b = ANY(?::text[])")
    assert n == 2 and arrays == {1}
    assert sql == "SELECT '?', \"a?\" FROM t -- why?\nWHERE a = :p1 AND b = ANY(:p2::text[])"


def test_order_by_puts_nulls_where_sqlite_does():
    assert sqlite_nulls("SELECT id FROM a ORDER BY published, seq DESC LIMIT ?") == \
        "SELECT id FROM a ORDER BY published NULLS FIRST, seq DESC NULLS LAST LIMIT ?"
    assert sqlite_nulls("SELECT 1 ORDER BY x DESC NULLS FIRST") == "SELECT 1 ORDER BY x DESC NULLS FIRST"


def test_sqlite_index_hints_are_dropped_for_postgresql():
    assert without_hints("SELECT id FROM articles INDEXED BY articles_facts WHERE id IN (?)") == \
        "SELECT id FROM articles WHERE id IN (?)"
    assert without_hints("FROM mentions m JOIN articles a INDEXED BY articles_facts ON a.id = m.article_id") == \
        "FROM mentions m JOIN articles a ON a.id = m.article_id"


def test_connection_arguments_from_urls():
    assert connect_args("postgresql://ana:p%40ss@db.example:6543/news") == {
        "user": "ana", "password": "p@ss", "database": "news", "host": "db.example", "port": 6543}
    assert connect_args("postgres://localhost/rasid") == {
        "user": "postgres", "database": "rasid", "host": "localhost", "port": 5432}
    assert connect_args("postgresql:///rasid?host=/run/postgresql")["unix_sock"] == \
        "/run/postgresql/.s.PGSQL.5432"
    assert redacted("postgresql://ana:secret@h/db") == "postgresql://ana:***@h/db"


def test_rows_answer_by_position_and_by_name():
    row = Row(("a1", 3), {"id": 0, "n": 1})
    assert (row[0], row["id"], row["n"], dict(row), tuple(row)) == ("a1", "a1", 3, {"id": "a1", "n": 3}, ("a1", 3))


def test_index_terms_split_as_fts5_does_and_tsvectors_carry_counts():
    assert index_terms("بلغ عدد المشاركين 3,000 شخص في côtes") == ["بلغ", "عدد", "مشاركين", "3", "000", "شخص", "في", "cotes"]
    assert tsvector_literal(Counter({"عدد": 2, "بلغ": 1})) == "'بلغ':1 'عدد':1,2"
    assert tsvector_literal(Counter({"ا" * 2000: 1})) == "", "a word over PostgreSQL's limit is left out"


def test_an_unreachable_server_is_a_store_error_without_the_password():
    with pytest.raises(StoreError) as e:
        open_store("postgresql://ana:topsecret@127.0.0.1:1/rasid")
    assert "127.0.0.1:1" in str(e.value) and "topsecret" not in str(e.value)


# -- on a server ----------------------------------------------------------------------

@pytest.fixture
def pg(pg_url):
    s = open_store(pg_url)
    yield s
    s.close()


def test_a_new_database_is_migrated_and_reopening_does_not_rerun_migrations(pg_url):
    with PostgresStore(pg_url) as s:
        assert s.schema_version == migrations()[-1][0]
        tables = {r[0] for r in s.db.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")}
        assert {"articles", "stories", "derivations", "mentions", "article_search", "vocabulary"} <= tables
    with PostgresStore(pg_url) as s:
        assert s.db.execute("SELECT count(*) FROM rasid_schema").fetchone()[0] == len(migrations())


def test_stores_opened_at_once_migrate_once(pg_url):
    errors, stores = [], []

    def open_one():
        try:
            stores.append(PostgresStore(pg_url))
        except Exception as e:   # pragma: no cover - the assertion below reports it
            errors.append(e)
    threads = [threading.Thread(target=open_one) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors and len(stores) == 4
    assert stores[0].db.execute("SELECT count(*) FROM rasid_schema").fetchone()[0] == len(migrations())
    for s in stores:
        s.close()


def test_a_newer_schema_is_refused(pg_url):
    with PostgresStore(pg_url) as s:
        s.db.execute("INSERT INTO rasid_schema (version) VALUES (999)")
    with pytest.raises(StoreError, match="newer"):
        PostgresStore(pg_url)


def test_the_demo_corpus_gives_the_same_export_as_sqlite(pg_url, demo_db):
    """Same stories, links, entities, quotes, in the same order, byte for byte."""
    import io

    from rasid.serve.export import export

    with open_store(pg_url) as pg:
        report = ingest([str(resource_path("demo/corpus"))], pg, Settings(progress="never"))
        assert report.added > 20 and report.rejected == 0
        for fmt in ("json", "jsonl", "csv"):
            outs = []
            for store in (SQLiteStore(demo_db), pg):
                out = io.StringIO()
                export(store, fmt, out)
                outs.append(out.getvalue())
            assert outs[0] == outs[1], f"{fmt} export differs between SQLite and PostgreSQL"
        stories = pg.stories()
        assert len(stories) < report.added, "articles were grouped into stories"


def test_related_articles_and_word_frequencies_match_sqlite(pg_url, demo_store):
    """The story stage asks the store for articles sharing a lead's rare words, ranked by
    BM25: PostgreSQL recomputes FTS5's ranking from the same words and counts."""
    with open_store(pg_url) as pg:
        ingest([str(resource_path("demo/corpus"))], pg, Settings(progress="never"))
        assert pg.document_frequencies() == demo_store.document_frequencies()
        compared = 0
        for a in demo_store.iter_articles():
            theirs = demo_store.related_article_ids(a, limit=20)
            assert pg.related_article_ids(a, limit=20) == theirs, a.id
            compared += bool(theirs)
        assert compared >= 20
        # and a story run's neighbourhood grows to the same stories and threads
        ids = [a.id for a in demo_store.iter_articles()][::7]
        assert pg.story_members(ids) == demo_store.story_members(ids)
        assert pg.thread_members(ids) == demo_store.thread_members(ids) > demo_store.story_members(ids)


def test_search_uses_postgresqls_arabic_stemmer_over_folded_text(pg):
    from rasid.model import Article

    texts = {"a1": "وصل وفد المخابرات العراقية إلى دمشق أمس.",
             "a2": "أعلنت الحكومة السورية عن مفاوضات جديدة.",
             "a3": "افتتاح ملعب جديد لكرة القدم يشرف عليه معلمون."}
    pg.write_batch([Article(id=k, source_id=k, source="t", line=None, format="txt", text=v,
                            original=v, lang="ar") for k, v in texts.items()])
    assert [h.article_id for h in pg.search("العراق")] == ["a1"], "stem of العراقية"
    assert [h.article_id for h in pg.search("سوريه")] == ["a2"], "ta marbuta folded, then stemmed"
    assert [h.article_id for h in pg.search("معلم")] == ["a3"], "plural suffix stemmed"
    hit = pg.search("المخابرات")[0]
    assert "المخابرات" in hit.snippet and hit.score > 0
    assert pg.search("كرة السلة") == [], "every word is required"


def test_bad_input_is_kept_with_its_reason_as_in_sqlite(pg_url, tmp_path):
    folder = tmp_path / "bad"
    folder.mkdir()
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (folder / "cp1256.txt").write_bytes("وصل الوفد العراقي إلى دمشق صباح اليوم لبحث الأمن.".encode("cp1256"))
    (folder / "mixed.jsonl").write_text(
        json.dumps({"id": "n\u0000ul", "outlet": "صحيفة\u0000", "title": "عنوان\u0007",
                    "text": "نص فيه \u0000 محرف صفري \u001b[0m عن اجتماع أمني في بغداد اليوم."},
                   ensure_ascii=False) + "\n{not json\n\n" + json.dumps({"text": ""}) + "\n",
        encoding="utf-8")
    (folder / "hostile.html").write_text(
        "<html><body><script>alert(1)</script><p onclick='x'>وقع انفجار في <b>ميناء<p>المدينة"
        "<iframe src=javascript:alert(1)>", encoding="utf-8")
    settings = Settings(progress="never")
    with SQLiteStore(tmp_path / "s.db") as lite, open_store(pg_url) as pg:
        reports = [ingest([str(folder)], s, settings) for s in (lite, pg)]
        assert reports[0].added == reports[1].added >= 3
        assert reports[0].rejected == reports[1].rejected >= 3
        assert list(lite.iter_rejections()) == list(pg.iter_rejections())
        assert [a.text for a in lite.iter_articles()] == [a.text for a in pg.iter_articles()]
        article = pg.find_article("nul")
        assert article is not None and "\u0000" not in article.text + article.headline + article.outlet
        again = ingest([str(folder)], pg, settings)
        assert again.added == 0 and pg.counts() == lite.counts()


def _corpus(folder: Path, n: int = 60) -> Path:
    folder.mkdir()
    towns = ["الموصل", "البصرة", "كركوك", "النجف", "أربيل", "الرمادي"]
    lines = []
    for i in range(n):
        town = towns[i % len(towns)]
        lines.append(json.dumps({
            "id": f"k{i:03d}", "outlet": f"صحيفة {i % 5}", "published": f"2025-03-{i % 27 + 1:02d}",
            "title": f"افتتاح مشروع للمياه في {town} رقم {i}",
            "text": f"افتتح محافظ {town} اليوم مشروعاً لتحلية المياه بكلفة {i + 3} ملايين دولار. "
                    f"وقال المحافظ إن المشروع الذي يحمل الرقم {i} سيخدم آلاف السكان في أحياء {town}."},
            ensure_ascii=False))
    (folder / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def test_an_ingest_killed_mid_run_loses_nothing_and_a_rerun_completes(pg_url, tmp_path):
    """SIGKILL (no cleanup at all) after some batches are committed; the re-run adds the rest,
    stores nothing twice, and the search index and word counts match the articles."""
    folder = _corpus(tmp_path / "in")
    env = {**os.environ, "RASID_BATCH_SIZE": "4", "RASID_PROGRESS": "never", "RASID_WORKERS": "1"}
    cmd = [sys.executable, "-m", "rasid.cli", "ingest", "--db", pg_url, str(folder)]
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    watcher = open_store(pg_url)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        if watcher.db.execute("SELECT count(*) FROM articles").fetchone()[0] >= 8:
            break
        time.sleep(0.02)
    killed = proc.poll() is None
    if killed:
        proc.send_signal(signal.SIGKILL)
    _, stderr = proc.communicate()
    done_before = watcher.db.execute("SELECT count(*) FROM articles").fetchone()[0]
    watcher.close()
    assert killed and 8 <= done_before < 60, (killed, done_before, stderr[-500:])

    result = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    with open_store(pg_url) as pg:
        ids = [a.source_id for a in pg.iter_articles()]
        assert sorted(ids) == [f"k{i:03d}" for i in range(60)], "every article once"
        one = lambda sql: pg.db.execute(sql).fetchone()[0]  # noqa: E731
        assert one("SELECT count(*) FROM article_search") == 60
        assert one("SELECT count(*) FROM articles WHERE story_id IS NULL"
                   " OR story_id NOT IN (SELECT id FROM stories)") == 0
        expected = Counter()
        for a in pg.iter_articles():
            expected.update(set(index_terms(a.headline) + index_terms(a.text)))
        assert pg.document_frequencies()[0] == dict(expected), "no batch counted twice"


def test_the_web_layer_serves_a_postgresql_store_to_concurrent_readers(pg_url):
    from fastapi.testclient import TestClient

    from rasid.serve.app import create_app

    with open_store(pg_url) as pg:
        ingest([str(resource_path("demo/corpus"))], pg, Settings(progress="never"))
        story = pg.stories()[0]
        entity = pg.entities(limit=1)[0]
    with TestClient(create_app(pg_url)) as client:
        listed = client.get("/api/stories").json()
        assert story.id in [s["id"] for s in listed["items"]]
        failures = []

        def read(i):
            for path in ("/api/stories", f"/api/stories/{story.id}", "/api/search?q=العراق",
                         f"/api/entities/{entity.id}", "/api/openapi.json")[i % 5:]:
                r = client.get(path)
                if r.status_code != 200:
                    failures.append((path, r.status_code, r.text[:200]))
        threads = [threading.Thread(target=read, args=(i,)) for i in range(10)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert not failures
        page = client.get(f"/stories/{story.id}")
        assert page.status_code == 200 and 'dir="rtl"' in page.text
