"""Storage behind one protocol: SQLite by default; server backends plug in by URL."""
from __future__ import annotations

from rasid.errors import UsageError
from rasid.store.base import FileDone, SearchHit, Store
from rasid.store.sqlite import SQLiteStore


def open_store(location: str) -> Store:
    """Open the store a --db value names: a SQLite path, or a server URL."""
    if "://" in location:
        scheme = location.split("://", 1)[0]
        raise UsageError(f"--db {scheme}://… : no server store is available yet in this "
                         "version; give a SQLite file path")
    return SQLiteStore(location)


__all__ = ["FileDone", "SearchHit", "Store", "SQLiteStore", "open_store"]
