"""A PostgreSQL connection that speaks the SQLite store's SQL dialect.

The store's queries are written once, for SQLite. Most of them are plain SQL that
PostgreSQL runs as is; this layer bridges the rest so the two backends share every
query instead of drifting apart:

- `?` placeholders become numbered parameters (outside quotes and comments);
- `INSERT OR IGNORE` / `INSERT OR REPLACE` become `ON CONFLICT DO NOTHING` / `DO UPDATE`
  on the table's primary key (the key is read from the catalog);
- `executemany` of an INSERT, UPDATE … WHERE k = ? or DELETE … WHERE k = ? is sent as one
  statement over `unnest()`ed column arrays, not one round trip per row: a batch of 2,000
  articles writes ~300,000 rows of shingles, buckets and mentions;
- `ORDER BY` puts NULLs where SQLite does (first ascending, last descending);
- SQLite's index hints (`INDEXED BY name`) are dropped: PostgreSQL's planner chooses;
- rows answer by position and by column name, as `sqlite3.Row` does.

The driver is pg8000 (pure Python, BSD-licensed). One connection may be shared by a
web server's threads, so every statement (and every transaction, whole) holds a lock.
"""
from __future__ import annotations

import re
import socket
import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from urllib.parse import parse_qs, unquote, urlsplit

from rasid.errors import StoreError

BULK_ROWS = 5000   # rows per unnest() statement: big enough to amortize, small enough for memory


class Row(tuple):
    """A result row: by position, by column name, and `dict(row)` (like sqlite3.Row)."""

    _names: dict[str, int]

    def __new__(cls, values, names: dict[str, int]):
        row = super().__new__(cls, values)
        row._names = names
        return row

    def __getitem__(self, key):
        if isinstance(key, str):
            return tuple.__getitem__(self, self._names[key])
        return tuple.__getitem__(self, key)

    def keys(self) -> list[str]:
        return list(self._names)


_ARRAY_CAST = re.compile(r"::\w+(?:\s+\w+)*\[\]")


def placeholders(sql: str) -> tuple[str, int, set[int]]:
    """`sql` with each `?` outside quotes and comments replaced by `:p1`, `:p2`, …; how many
    there were; and which (0-based) are cast to an array (`?::text[]`), the only ones that
    may be given a list."""
    out, n, i, quote, arrays = [], 0, 0, None, set()
    while i < len(sql):
        c = sql[i]
        if quote:
            out.append(c)
            if c == quote:
                quote = None
        elif c in "'\"":
            quote = c
            out.append(c)
        elif c == "-" and sql.startswith("--", i):
            end = sql.find("\n", i)
            end = len(sql) if end < 0 else end
            out.append(sql[i:end])
            i = end
            continue
        elif c == "?":
            if _ARRAY_CAST.match(sql, i + 1):
                arrays.add(n)
            n += 1
            out.append(f":p{n}")
        else:
            out.append(c)
        i += 1
    return "".join(out), n, arrays


_INSERT = re.compile(r"^\s*INSERT\s+(?:OR\s+(?P<or>IGNORE|REPLACE)\s+)?INTO\s+(?P<table>\w+)\s*"
                     r"\((?P<cols>[^)]*)\)\s*VALUES\s*\((?P<values>[^)]*)\)\s*$", re.I | re.S)
_UPDATE = re.compile(r"^\s*UPDATE\s+(?P<table>\w+)\s+SET\s+(?P<sets>.+?)\s+WHERE\s+(?P<where>.+?)\s*$",
                     re.I | re.S)
_DELETE = re.compile(r"^\s*DELETE\s+FROM\s+(?P<table>\w+)\s+WHERE\s+(?P<col>\"?\w+\"?)\s*=\s*\?\s*$",
                     re.I | re.S)
_ASSIGN = re.compile(r"^\s*(\"?\w+\"?)\s*=\s*\?\s*$")


_ORDER_BY = re.compile(r"\bORDER\s+BY\s+(?P<items>[^()]+?)(?=\s+LIMIT\b|\s+OFFSET\b|\)|$)", re.I | re.S)


_INDEXED_BY = re.compile(r"\s+INDEXED\s+BY\s+\w+", re.I)


def without_hints(sql: str) -> str:
    """`sql` without SQLite's index hints, which PostgreSQL does not know."""
    return _INDEXED_BY.sub("", sql)


def sqlite_nulls(sql: str) -> str:
    """Each ORDER BY item with SQLite's NULL placement made explicit (PostgreSQL's default is
    the opposite), so both stores list rows with missing dates in the same place."""
    def item(text: str) -> str:
        text = text.strip()
        if re.search(r"\bNULLS\s+(FIRST|LAST)$", text, re.I):
            return text
        return text + (" NULLS LAST" if re.search(r"\bDESC$", text, re.I) else " NULLS FIRST")
    return _ORDER_BY.sub(lambda m: "ORDER BY " + ", ".join(item(i) for i in m["items"].split(",")), sql)


def _cols(text: str) -> list[str]:
    return [c.strip() for c in text.split(",")]


def _bare(col: str) -> str:
    return col.strip().strip('"')


def _value(v):
    # PostgreSQL keeps booleans apart from integers; SQLite (and so the schema) does not.
    return int(v) if isinstance(v, bool) else v


def connect_args(url: str) -> dict:
    """pg8000 keyword arguments from a postgresql:// URL (host, port, user, password,
    database; `?host=/run/postgresql` for a Unix socket folder)."""
    parts = urlsplit(url)
    if parts.scheme not in ("postgresql", "postgres"):
        raise StoreError(f"{url}: not a postgresql:// URL")
    query = parse_qs(parts.query)
    args = {"user": unquote(parts.username or "postgres"),
            "database": unquote(parts.path.lstrip("/")) or "postgres"}
    if parts.password:
        args["password"] = unquote(parts.password)
    socket_dir = (query.get("host") or [None])[0]
    if socket_dir and socket_dir.startswith("/"):
        args["unix_sock"] = f"{socket_dir.rstrip('/')}/.s.PGSQL.{parts.port or 5432}"
    else:
        args["host"] = parts.hostname or socket_dir or "localhost"
        args["port"] = parts.port or 5432
    return args


class Cursor:
    """What the SQLite code asks of a cursor: execute, fetch, iterate, rowcount."""

    def __init__(self, conn: "PgConnection"):
        self.conn = conn
        self.rows: list[Row] = []
        self.rowcount = -1
        self.lastrowid = None
        self._at = 0

    def execute(self, sql: str, params: Sequence = ()) -> "Cursor":
        self.rows, self.rowcount = self.conn._run(sql, params)
        self._at = 0
        return self

    def executemany(self, sql: str, rows: Iterable[Sequence]) -> "Cursor":
        self.rows, self.rowcount = [], self.conn._many(sql, list(rows))
        return self

    def fetchone(self):
        if self._at < len(self.rows):
            self._at += 1
            return self.rows[self._at - 1]
        return None

    def fetchall(self) -> list[Row]:
        rest, self._at = self.rows[self._at:], len(self.rows)
        return rest

    def __iter__(self) -> Iterator[Row]:
        return iter(self.fetchall())


class PgConnection:
    def __init__(self, url: str):
        try:
            import pg8000.native
        except ImportError as e:
            raise StoreError("a postgresql:// store needs pg8000: pip install 'rasid[postgres]'") from e
        self.url = url
        self._errors = (pg8000.native.DatabaseError, pg8000.native.InterfaceError)
        try:
            self.native = pg8000.native.Connection(**connect_args(url), application_name="rasid")
        except Exception as e:   # refused, unknown host, bad password: all say where
            raise StoreError(f"cannot connect to {redacted(url)}: {e}") from e
        sock = getattr(self.native, "_usock", None)
        if sock is not None and sock.family in (socket.AF_INET, socket.AF_INET6):
            # pg8000 leaves Nagle's algorithm on: a statement sent in several writes then
            # waits for the server's delayed ACK, ~20 ms a statement on loopback.
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.lock = threading.RLock()
        self.in_transaction = False
        self._columns: dict[str, dict[str, str]] = {}
        self._keys: dict[str, list[str]] = {}

    # -- statements -------------------------------------------------------
    def _native(self, sql: str, params: Sequence) -> tuple[list[Row], int]:
        sql, n, arrays = placeholders(sqlite_nulls(without_hints(sql)))
        if n != len(params):
            raise StoreError(f"statement has {n} placeholders but {len(params)} values: {sql[:80]}")
        for i, v in enumerate(params):
            # pg8000 would send a list as an array and PostgreSQL would quietly store its
            # text form in a text column; SQLite refuses it, and so do we.
            if isinstance(v, (list, tuple, dict, set)) and i not in arrays:
                raise StoreError(f"value {i + 1} is a {type(v).__name__}, not a single value: {sql[:80]}")
        with self.lock:
            try:
                rows = self.native.run(sql, **{f"p{i + 1}": _value(v) for i, v in enumerate(params)})
            except self._errors as e:
                raise StoreError(f"PostgreSQL: {_message(e)} in: {sql[:120]}") from e
            names = {c["name"]: i for i, c in enumerate(self.native.columns or ())}
            count = self.native.row_count
        return [Row(r, names) for r in rows or ()], count

    def _run(self, sql: str, params: Sequence = ()) -> tuple[list[Row], int]:
        m = _INSERT.match(sql)
        if m and m["or"]:
            sql = self._insert_sql(m, f"VALUES ({m['values']})")
        return self._native(sql, params)

    def execute(self, sql: str, params: Sequence = ()) -> Cursor:
        return Cursor(self).execute(sql, params)

    def executemany(self, sql: str, rows: Iterable[Sequence]) -> Cursor:
        return Cursor(self).executemany(sql, rows)

    def cursor(self) -> Cursor:
        return Cursor(self)

    def _many(self, sql: str, rows: list[Sequence]) -> int:
        """Run `sql` once per row, as few statements as the statement's shape allows."""
        if not rows:
            return 0
        if m := _INSERT.match(sql):
            cols = _cols(m["cols"])
            if _cols(m["values"]) == ["?"] * len(cols):
                if (m["or"] or "").upper() == "REPLACE":
                    rows = self._last_per_key(m["table"], cols, rows)
                return self._bulk(m["table"], cols, rows,
                                  lambda source: self._insert_sql(m, source))
        if (m := _UPDATE.match(sql)) and self._simple_update(m):
            sets = [_ASSIGN.match(s)[1] for s in m["sets"].split(",")]
            keys = [_ASSIGN.match(w)[1] for w in re.split(r"\s+AND\s+", m["where"], flags=re.I)]
            rows = self._last_per_key_at(rows, range(len(sets), len(sets) + len(keys)))
            cols = sets + keys
            names = [f"c{i}" for i in range(len(cols))]
            table = m["table"]

            def update(source: str) -> str:
                assign = ", ".join(f"{c} = u.{n}" for c, n in zip(sets, names))
                match = " AND ".join(f"{table}.{c} = u.{n}" for c, n in zip(keys, names[len(sets):]))
                return f"UPDATE {table} SET {assign} FROM {source} AS u({', '.join(names)}) WHERE {match}"
            return self._bulk(table, cols, rows, update, subquery=False)
        if m := _DELETE.match(sql):
            col = m["col"]
            kind = self.columns(m["table"])[_bare(col)]
            total = 0
            for i in range(0, len(rows), BULK_ROWS):
                values = [_value(r[0]) for r in rows[i:i + BULK_ROWS]]
                total += self._native(f"DELETE FROM {m['table']} WHERE {col} = ANY(?::{kind}[])",
                                      (values,))[1]
            return total
        return sum(max(self._run(sql, r)[1], 0) for r in rows)

    @staticmethod
    def _simple_update(m: re.Match) -> bool:
        parts = m["sets"].split(",") + re.split(r"\s+AND\s+", m["where"], flags=re.I)
        return all(_ASSIGN.match(p) for p in parts)

    def _bulk(self, table: str, cols: list[str], rows: list[Sequence], statement,
              subquery: bool = True) -> int:
        kinds = self.columns(table)
        casts = ", ".join(f"?::{kinds[_bare(c)]}[]" for c in cols)
        source = f"unnest({casts})"
        sql = statement(f"SELECT * FROM {source}" if subquery else source)
        total = 0
        for i in range(0, len(rows), BULK_ROWS):
            chunk = rows[i:i + BULK_ROWS]
            arrays = [[_value(r[j]) for r in chunk] for j in range(len(cols))]
            total += max(self._native(sql, arrays)[1], 0)
        return total

    def _insert_sql(self, m: re.Match, source: str) -> str:
        table, cols = m["table"], m["cols"]
        sql = f"INSERT INTO {table} ({cols}) {source}"
        kind = (m["or"] or "").upper()
        if kind == "IGNORE":
            return sql + " ON CONFLICT DO NOTHING"
        if kind == "REPLACE":
            keys = self.primary_key(table)
            rest = [c for c in _cols(cols) if _bare(c) not in keys]
            update = ", ".join(f"{c} = EXCLUDED.{c}" for c in rest)
            target = ", ".join(f'"{k}"' for k in keys)
            return sql + (f" ON CONFLICT ({target}) DO UPDATE SET {update}" if update
                          else f" ON CONFLICT ({target}) DO NOTHING")
        return sql

    def _last_per_key(self, table: str, cols: list[str], rows: list[Sequence]) -> list[Sequence]:
        keys = self.primary_key(table)
        at = [i for i, c in enumerate(cols) if _bare(c) in keys]
        return self._last_per_key_at(rows, at)

    @staticmethod
    def _last_per_key_at(rows: list[Sequence], at) -> list[Sequence]:
        # One statement may not touch a row twice; row by row, the last write wins.
        at = list(at)
        latest = {tuple(r[i] for i in at): r for r in rows}
        return list(latest.values()) if len(latest) < len(rows) else rows

    # -- catalog ----------------------------------------------------------
    def columns(self, table: str) -> dict[str, str]:
        """Column name -> SQL type, for a table (temporary ones included)."""
        if table not in self._columns:
            rows, _ = self._native(
                "SELECT attname, format_type(atttypid, atttypmod) FROM pg_attribute"
                " WHERE attrelid = ?::regclass AND attnum > 0 AND NOT attisdropped", (table,))
            self._columns[table] = {r[0]: r[1] for r in rows}
        return self._columns[table]

    def primary_key(self, table: str) -> list[str]:
        if table not in self._keys:
            rows, _ = self._native(
                "SELECT a.attname FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid"
                " AND a.attnum = ANY(i.indkey) WHERE i.indrelid = ?::regclass AND i.indisprimary",
                (table,))
            self._keys[table] = [r[0] for r in rows]
        return self._keys[table]

    # -- transactions -----------------------------------------------------
    @contextmanager
    def transaction(self):
        """BEGIN … COMMIT, rolled back on any failure (Ctrl-C included); holds the lock."""
        with self.lock:
            self._native("BEGIN", ())
            self.in_transaction = True
            try:
                yield self.cursor()
                self._native("COMMIT", ())
            except BaseException:
                try:
                    self._native("ROLLBACK", ())
                except Exception:
                    pass
                raise
            finally:
                self.in_transaction = False

    def executescript(self, sql: str) -> None:
        with self.lock:
            try:
                self.native.run(sql)
            except self._errors as e:
                raise StoreError(f"PostgreSQL: {_message(e)}") from e

    def close(self) -> None:
        try:
            self.native.close()
        except Exception:
            pass


def _message(e: Exception) -> str:
    arg = e.args[0] if e.args else e
    return arg.get("M", str(arg)) if isinstance(arg, dict) else str(arg)


def redacted(url: str) -> str:
    """The URL without its password, for messages."""
    parts = urlsplit(url)
    if parts.password:
        netloc = parts.netloc.replace(f":{parts.password}@", ":***@")
        return parts._replace(netloc=netloc).geturl()
    return url
