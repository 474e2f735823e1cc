"""Storage behind one protocol: SQLite by default; PostgreSQL by postgresql:// URL."""
from __future__ import annotations

from rasid.errors import UsageError
from rasid.store.base import FileDone, SearchHit, Store
from rasid.store.sqlite import SQLiteStore


def open_store(location: str) -> Store:
    """Open the store a --db value names: a SQLite path, or a server URL."""
    if "://" in location:
        scheme = location.split("://", 1)[0]
        if scheme in ("postgresql", "postgres"):
            from rasid.store.postgres import PostgresStore

            return PostgresStore(location)
        raise UsageError(f"--db {scheme}://… : rasid stores data in a SQLite file or in "
                         "PostgreSQL (postgresql://user@host:port/database)")
    return SQLiteStore(location)


__all__ = ["FileDone", "SearchHit", "Store", "SQLiteStore", "open_store"]
