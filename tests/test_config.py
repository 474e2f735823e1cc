"""Settings: packaged defaults <- user TOML file <- RASID_* environment <- explicit overrides."""
from __future__ import annotations

import dataclasses

import pytest

from rasid.config import Settings, load_settings
from rasid.errors import ConfigError


@pytest.fixture(autouse=True)
def clean_env(no_user_settings):
    """No user file and no RASID_* variables from the machine running the tests."""


def test_defaults():
    s = load_settings()
    assert s == Settings()
    assert (s.db, s.batch_size, s.progress) == ("rasid.db", 500, "auto")
    assert s.max_file_bytes == 20 * 1024 * 1024
    assert s.max_record_chars == 1_000_000
    assert s.rejected_sample_bytes == 1024 * 1024


def test_settings_are_frozen():
    with pytest.raises(dataclasses.FrozenInstanceError):
        Settings().batch_size = 3  # type: ignore[misc]


def test_environment_overrides_defaults_with_type_coercion(monkeypatch):
    monkeypatch.setenv("RASID_BATCH_SIZE", "7")
    monkeypatch.setenv("RASID_DB", "/data/news.db")
    monkeypatch.setenv("RASID_MAX_FILE_BYTES", "1000")
    monkeypatch.setenv("RASID_PROGRESS", "never")
    s = load_settings()
    assert (s.batch_size, s.db, s.max_file_bytes, s.progress) == (7, "/data/news.db", 1000, "never")
    assert isinstance(s.batch_size, int)


def test_unknown_rasid_variables_are_ignored(monkeypatch):
    monkeypatch.setenv("RASID_NO_SUCH_SETTING", "x")
    assert load_settings() == Settings()


def test_explicit_overrides_beat_environment_and_none_means_not_given(monkeypatch):
    monkeypatch.setenv("RASID_BATCH_SIZE", "7")
    assert load_settings(batch_size=9).batch_size == 9
    assert load_settings(batch_size=None).batch_size == 7


def test_user_file_is_read_and_environment_beats_it(monkeypatch, tmp_path):
    cfg = tmp_path / "config.toml"
    cfg.write_text('batch_size = 42\ndb = "from-file.db"\n', encoding="utf-8")
    monkeypatch.setenv("RASID_CONFIG", str(cfg))
    assert (load_settings().batch_size, load_settings().db) == (42, "from-file.db")
    monkeypatch.setenv("RASID_DB", "from-env.db")
    assert load_settings().db == "from-env.db"


def test_broken_user_file_is_a_config_error(monkeypatch, tmp_path):
    cfg = tmp_path / "config.toml"
    cfg.write_text("batch_size = = 3\n", encoding="utf-8")
    monkeypatch.setenv("RASID_CONFIG", str(cfg))
    with pytest.raises(ConfigError, match="config file"):
        load_settings()


@pytest.mark.parametrize("name,value,needle", [
    ("RASID_BATCH_SIZE", "lots", "batch_size"),
    ("RASID_MAX_RECORD_CHARS", "1.5", "max_record_chars"),
    ("RASID_PROGRESS", "sometimes", "progress"),
    ("RASID_BATCH_SIZE", "0", "batch_size"),
    ("RASID_BATCH_SIZE", "-4", "batch_size"),
])
def test_invalid_values_are_config_errors_naming_the_setting(monkeypatch, name, value, needle):
    monkeypatch.setenv(name, value)
    with pytest.raises(ConfigError, match=needle):
        load_settings()


def test_invalid_override_is_a_config_error():
    with pytest.raises(ConfigError):
        load_settings(max_file_bytes="big")
