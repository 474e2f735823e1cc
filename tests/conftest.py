"""Shared fixtures. Tests never use the network; ../shared is optional and skipped cleanly."""
from __future__ import annotations

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
def settings() -> Settings:
    return Settings(progress="never")
