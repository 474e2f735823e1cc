"""Shared fixtures. Tests never use the network; ../shared is optional and skipped cleanly."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from rasid.config import Settings
from rasid.store.sqlite import SQLiteStore

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


@pytest.fixture
def shared_dir() -> Path:
    """../shared beside the project; tests that need it skip when it is absent."""
    if not (SHARED / "seeds").is_dir():
        pytest.skip("../shared/seeds is absent (it sits beside the project in CI and dev machines)")
    return SHARED


@pytest.fixture
def seeds_dir(shared_dir: Path) -> Path:
    return shared_dir / "seeds"


@pytest.fixture
def store(tmp_path: Path):
    s = SQLiteStore(tmp_path / "test.db")
    yield s
    s.close()


@pytest.fixture
def no_user_settings(monkeypatch, tmp_path):
    """No RASID_* variable and no user config file of the machine running the tests."""
    for key in list(os.environ):
        if key.startswith("RASID_"):
            monkeypatch.delenv(key)
    monkeypatch.setenv("RASID_CONFIG", str(tmp_path / "absent.toml"))


@pytest.fixture
def settings() -> Settings:
    return Settings(progress="never")


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory) -> str:
    """The bundled demo corpus ingested once per test session (path of the database).

    Shared by tests/serve and tests/store/test_browse.py; tests only read it. A test that
    writes must ingest into a database of its own."""
    from rasid.pipeline import ingest
    from rasid.resources import resource_path

    path = tmp_path_factory.mktemp("demo") / "demo.db"
    with SQLiteStore(path) as s:
        report = ingest([str(resource_path("demo/corpus"))], s, Settings(progress="never"))
    assert report.rejected == 0 and report.added > 0, report
    return str(path)


@pytest.fixture(scope="session")
def demo_store(demo_db):
    """A read-only handle on the demo database, for checking what the web layer shows."""
    s = SQLiteStore(demo_db)
    yield s
    s.close()


# A PostgreSQL server for the server-store tests: `.ci/run` starts one on loopback and sets
# RASID_TEST_POSTGRES to its URL (read here once: some fixtures clear RASID_* variables).
POSTGRES_URL = os.environ.get("RASID_TEST_POSTGRES", "")
REQUIRE_POSTGRES = os.environ.get("RASID_REQUIRE_POSTGRES") == "1"


@pytest.fixture
def pg_url():
    """The URL of a new, empty PostgreSQL database, dropped after the test."""
    import uuid

    if not POSTGRES_URL:
        if REQUIRE_POSTGRES:
            pytest.fail("RASID_REQUIRE_POSTGRES=1 but RASID_TEST_POSTGRES is not set")
        pytest.skip("no PostgreSQL server: set RASID_TEST_POSTGRES=postgresql://user@host:port/db "
                    "(.ci/run starts one with .ci/postgres.sh)")
    import pg8000.native

    from rasid.store.pgconn import connect_args

    admin = pg8000.native.Connection(**connect_args(POSTGRES_URL))
    name = "rasid_test_" + uuid.uuid4().hex[:12]
    admin.run(f"CREATE DATABASE {name}")
    base, _, _ = POSTGRES_URL.partition("?")
    query = POSTGRES_URL[len(base):]
    yield base.rsplit("/", 1)[0] + "/" + name + query
    admin.run(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
    admin.close()


@pytest.fixture(params=["sqlite", "postgres"])
def any_store(request, tmp_path):
    """Each backend in turn, for tests of the Store contract both must keep."""
    from rasid.store import open_store

    location = str(tmp_path / "test.db") if request.param == "sqlite" else request.getfixturevalue("pg_url")
    s = open_store(location)
    yield s
    s.close()
