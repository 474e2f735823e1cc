"""One exception tree for rasid. Messages say what went wrong and what to do.

    RasidError
    ├── UsageError          bad command-line use or arguments (exit status 2)
    ├── ConfigError         a setting has an invalid value
    ├── InputError          one input item cannot be read (kept as a Rejection)
    │   (code: empty | binary | too_large | encoding | json | schema | html | feed | io)
    ├── StoreError          the database cannot be opened, migrated or written
    ├── ModelError          a model, or the optional package it needs, cannot be loaded
    └── NotFound            a story or article id matches nothing
"""
from __future__ import annotations


class RasidError(Exception):
    """Base class of every error rasid raises on purpose."""


class UsageError(RasidError):
    exit_status = 2


class ConfigError(RasidError):
    pass


class InputError(RasidError):
    """An input item that cannot become an article.

    Batch ingestion turns these into `Rejection` records and goes on; the
    library raises them when asked to read one item strictly.
    """

    def __init__(self, code: str, reason: str, source: str = "", line: int | None = None):
        self.code = code
        self.reason = reason
        self.source = source
        self.line = line
        where = f"{source}:{line}" if line is not None else source
        super().__init__(f"{where}: {reason}" if where else reason)


class StoreError(RasidError):
    pass


class ModelError(RasidError):
    """A model file or directory is missing or unreadable, or its optional package is absent."""


class NotFound(RasidError):
    pass
