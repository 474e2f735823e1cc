"""Settings: packaged defaults, then a user file, then RASID_* environment variables.

Every setting is named, defaulted and explained here. The user file is TOML at
$RASID_CONFIG or ~/.config/rasid/config.toml, with the same names as keys.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, fields, replace
from pathlib import Path

from rasid.errors import ConfigError


@dataclass(frozen=True, slots=True)
class Settings:
    db: str = "rasid.db"
    """Database used when --db is not given: a SQLite file path."""

    max_file_bytes: int = 20 * 1024 * 1024
    """Largest .txt/.html/feed file read whole; bigger ones are rejected as too_large.
    JSON Lines files are streamed and have no file limit."""

    max_record_chars: int = 1_000_000
    """Largest single article (a JSONL line or a text body); bigger ones are rejected."""

    batch_size: int = 500
    """Articles per database transaction: a crash loses at most one uncommitted batch."""

    workers: int = 0
    """Processes for the per-article stages (cleaning, dates, names, quotes, figures) of an
    ingest: 0 for one per core, 1 to keep everything in one process. Batches of fewer than 64
    new articles always run in the main process. The corpus stages (copies, stories,
    entities) run in the main process either way; results are the same whatever the count."""

    engine: str = "local"
    """Where an ingest's per-article stages run: `local` (the process pool of `workers`) or
    `spark` (a Spark cluster at `spark_master`; `pip install 'rasid[spark]'`, Java 17). The
    corpus stages run beside the store either way, and the stored results are the same."""

    spark_master: str = "local[2]"
    """Spark master URL for `engine = spark`: `local[N]` on this machine, or a cluster's
    `spark://host:7077`."""

    rejected_sample_bytes: int = 1024 * 1024
    """Bytes of a rejected item kept in the database (the whole item when smaller)."""

    embeddings: bool = True
    """Multilingual lead embeddings for story clustering (USE v3, shipped in its package).
    Off, stories rest on words, dates and names alone (faster, no cross-language links)."""

    story_model: bool = True
    """Weigh two reports in one language by the story model fitted on labelled events
    (`resources/story_model.json`, with a fit of its own for reports in two languages); off,
    by the hand-set rule (ClusterParams), which leaves an English report of an Arabic story
    apart. The model:
    event B-cubed F1 0.912 vs 0.876 on the SaudiNewsNet test split, 0.854 vs 0.841 cross-validated
    over all its labelled articles."""

    ner_model: str = ""
    """Named-entity tagger: empty for the CRF shipped with rasid; `crf:DIR` for one trained
    with `rasid train-ner --out DIR`; otherwise a transformers token-classification model
    (a local directory, or a hub name already in the local cache; install `rasid[hf]`)."""

    serve_token: str = ""
    """Token for `rasid serve`: needed to upload through the ingest endpoint, and for every
    request when the server listens beyond loopback. Empty: uploads are off."""

    blas_threads: int = 1
    """BLAS threads per rasid process (CLI, server worker). rasid's matrices are small, and
    more threads only spin: one query embedding took 220 ms with OpenBLAS's default threads
    on a busy 2-core machine, 1 ms with one."""

    progress: str = "auto"
    """Progress bars on stderr: auto (when stderr is a terminal), always or never."""


_ENV_PREFIX = "RASID_"


def _coerce(name: str, value: object, kind: type) -> object:
    if kind is bool and isinstance(value, str):
        if value.lower() in ("1", "true", "yes", "on"):
            return True
        if value.lower() in ("0", "false", "no", "off"):
            return False
        raise ConfigError(f"setting {name}={value!r} is not a valid boolean (true/false)")
    try:
        return kind(value)
    except (TypeError, ValueError) as e:
        raise ConfigError(f"setting {name}={value!r} is not a valid {kind.__name__}") from e


def _user_file() -> Path:
    env = os.environ.get("RASID_CONFIG")
    return Path(env) if env else Path.home() / ".config" / "rasid" / "config.toml"


def load_settings(**overrides: object) -> Settings:
    """Defaults <- user file <- environment <- explicit overrides (e.g. CLI options)."""
    settings = Settings()
    types = {f.name: type(getattr(settings, f.name)) for f in fields(Settings)}
    layers: list[dict[str, object]] = []
    path = _user_file()
    if path.is_file():
        try:
            import tomllib
        except ModuleNotFoundError:  # Python 3.10
            tomllib = None
        if tomllib is not None:
            try:
                layers.append(tomllib.loads(path.read_text(encoding="utf-8")))
            except (OSError, ValueError) as e:
                raise ConfigError(f"cannot read config file {path}: {e}") from e
    layers.append({k[len(_ENV_PREFIX):].lower(): v for k, v in os.environ.items()
                   if k.startswith(_ENV_PREFIX) and k != "RASID_CONFIG"})
    layers.append({k: v for k, v in overrides.items() if v is not None})
    for layer in layers:
        known = {k: _coerce(k, v, types[k]) for k, v in layer.items() if k in types}
        settings = replace(settings, **known)
    if settings.progress not in ("auto", "always", "never"):
        raise ConfigError(f"setting progress={settings.progress!r}: use auto, always or never")
    if settings.engine not in ("local", "spark"):
        raise ConfigError(f"setting engine={settings.engine!r}: use local or spark")
    if settings.workers < 0:
        raise ConfigError("setting workers must be 0 (one per core) or more")
    if settings.batch_size < 1:
        raise ConfigError("setting batch_size must be at least 1")
    return settings
