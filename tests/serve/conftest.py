"""Fixtures for the web layer: the demo database (tests/conftest.py, once per session),
apps and clients over it, and small databases built for one purpose.

`client` is shared by the whole session (one app, one event loop); its cookies are
cleared before every test, so a test that switches the language or logs in with a
token cannot leak into the next one. Tests that write use a database of their own.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from rasid.config import Settings
from rasid.serve.app import create_app
from rasid.store.sqlite import SQLiteStore

TOKEN = "s3cret"
AUTH = {"Authorization": f"Bearer {TOKEN}"}

# Articles for checks the demo corpus cannot make: an outlet whose name has a slash,
# and the search hint's own example (هجرة finds الهجرة and وبالهجرة).
SMALL_ARTICLES = [
    {"id": "m1", "outlet": "Sky News/عربية", "published": "2025-06-01",
     "title": "افتتاح جسر جديد فوق نهر دجلة",
     "text": "افتتحت وزارة النقل اليوم جسراً جديداً فوق نهر دجلة في وسط المدينة.\n\n"
             "وقال وزير النقل إن الجسر سيخفف الازدحام المروري بنسبة كبيرة."},
    {"id": "m2", "outlet": "صحيفة الغد", "published": "2025-06-02",
     "title": "ندوة عن الهجرة",
     "text": "نظمت الجامعة ندوة عن الهجرة إلى المدن الكبرى وأثرها على الريف."},
    {"id": "m3", "outlet": "صحيفة الغد", "published": "2025-06-03",
     "title": "تقرير عن السكان",
     "text": "يهتم التقرير السنوي للسكان وبالهجرة الداخلية بين المحافظات."},
]


def jsonl(records: list[dict]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


def ingest_records(folder: Path, records: list[dict], name: str = "news.jsonl") -> str:
    """A fresh database holding `records` (ingested through the real pipeline)."""
    from rasid.pipeline import ingest

    folder.mkdir(parents=True, exist_ok=True)
    source = folder / name
    source.write_text(jsonl(records), encoding="utf-8")
    db = folder / "db.sqlite"
    with SQLiteStore(db) as s:
        report = ingest([str(source)], s, Settings(progress="never"))
    assert report.rejected == 0 and report.added == len(records), report
    return str(db)


@pytest.fixture(autouse=True)
def _isolated_settings(no_user_settings):
    """No RASID_* variable or user config file of the machine reaches the app."""


@pytest.fixture(scope="session")
def app(demo_db):
    return create_app(demo_db)


@pytest.fixture(scope="session")
def _session_client(app):
    with TestClient(app) as c:   # the lifespan closes the app's store at the end
        yield c


@pytest.fixture
def client(_session_client):
    """A client over the demo database (reads open, no token), with no cookies."""
    _session_client.cookies.clear()
    yield _session_client
    _session_client.cookies.clear()


@pytest.fixture
def raw_client(app):
    """Like `client`, but a crash becomes the app's 500 response instead of an exception."""
    return TestClient(app, raise_server_exceptions=False)


@pytest.fixture
def token_client(tmp_path):
    """A client over a fresh, empty database with the token "s3cret" configured (reads open)."""
    db = str(tmp_path / "fresh.db")
    with TestClient(create_app(db, token=TOKEN)) as c:
        yield c


@pytest.fixture
def locked_client(demo_db):
    """The demo database served as `rasid serve --host 0.0.0.0` would: every read needs the token."""
    with TestClient(create_app(demo_db, token=TOKEN, reads_need_token=True),
                    raise_server_exceptions=False) as c:
        yield c


@pytest.fixture(scope="session")
def make_db(tmp_path_factory):
    """make_db(records) -> path of a fresh database holding them (ingested by the pipeline)."""
    return lambda records, name="db": ingest_records(tmp_path_factory.mktemp(name), records)


@pytest.fixture(scope="session")
def small_db(tmp_path_factory) -> str:
    return ingest_records(tmp_path_factory.mktemp("small"), SMALL_ARTICLES)


@pytest.fixture(scope="session")
def stories(_session_client) -> list[dict]:
    """Every demo story as /api/stories lists it (one page of 100)."""
    page = _session_client.get("/api/stories", params={"limit": 100}).json()
    assert page["total"] == len(page["items"]) > 0
    return page["items"]


@pytest.fixture(scope="session")
def details(_session_client, stories) -> dict[str, dict]:
    """story id -> /api/stories/{id}."""
    out = {}
    for s in stories:
        r = _session_client.get(f"/api/stories/{s['id']}")
        assert r.status_code == 200, r.text
        out[s["id"]] = r.json()
    return out


@pytest.fixture(scope="session")
def article_of(_session_client):
    """article id -> /api/articles/{id}["article"], fetched once each."""
    cache: dict[str, dict] = {}

    def get(article_id: str) -> dict:
        if article_id not in cache:
            r = _session_client.get(f"/api/articles/{article_id}")
            assert r.status_code == 200, r.text
            cache[article_id] = r.json()
        return cache[article_id]["article"]

    return get
