"""A server store: the same tables and queries as the SQLite store, on PostgreSQL.

`--db postgresql://user:password@host:port/database` selects it. Every query of the
SQLite store runs here through `rasid.store.pgconn`, which bridges the two dialects,
so the backends cannot drift apart; what this module adds is what SQLite does in its
own way: schema versions, the search index (PostgreSQL's `arabic` text-search
configuration instead of FTS5), JSON stage versions, and where caches live.

Related-article lookups rank candidates with FTS5's BM25, recomputed here from the same
words and counts, so a story stage asking "which articles share this lead's rare words"
gets the answer SQLite gives and the two stores build the same stories.
"""
from __future__ import annotations

import json
import math
import os
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from contextlib import contextmanager
from importlib import resources
from pathlib import Path

from rasid.errors import StoreError
from rasid.model import Article
from rasid.store.base import SearchHit
from rasid.store.pgconn import PgConnection, redacted
from rasid.store.sqlite import (ARTICLE_COLUMNS, LEAD_CHARS, RARE_DOCS, SQLiteStore, _snippet,
                                index_text)
from rasid.text.tokens import match_keys

BM25_K1, BM25_B = 1.2, 0.75   # FTS5's constants
MAX_LEXEME_BYTES = 2046       # PostgreSQL's limit for one word in a tsvector
MAX_POSITIONS = 256           # and for the positions (here: the count) of one word
SEARCH_CHARS = 200_000        # text given to the stemmer per article (a tsvector is < 1 MB)

_WORD = re.compile(r"[^\W_]+")


def _fold(term: str) -> str:
    # FTS5's unicode61 tokenizer drops Latin diacritics (côtes -> cotes); match keys keep
    # them. Arabic is already folded by the match keys and is left alone.
    if term.isascii():
        return term
    out: list[str] = []
    for ch in unicodedata.normalize("NFD", term):
        if unicodedata.category(ch) == "Mn" and out and (ord(out[-1]) < 0x0600 or 0x1E00 <= ord(out[-1]) <= 0x1EFF):
            continue
        out.append(ch)
    return unicodedata.normalize("NFC", "".join(out))


def index_terms(text: str | None) -> list[str]:
    """The words FTS5 (unicode61) indexes for `text`: its match keys split at anything that
    is not a letter or digit (3,000 -> 3, 000). Checked word for word against FTS5 on
    12,000 archive articles."""
    return [_fold(t) for t in _WORD.findall(index_text(text))]


def tsvector_literal(counts: Counter) -> str:
    """Each word with its count as positions 1..n: a tsvector that stores term frequencies."""
    parts = []
    for term, n in sorted(counts.items()):
        if len(term.encode("utf-8")) <= MAX_LEXEME_BYTES:
            positions = ",".join(str(i) for i in range(1, min(n, MAX_POSITIONS) + 1))
            parts.append(f"'{term}':{positions}")
    return " ".join(parts)


def migrations() -> list[tuple[int, str]]:
    folder = resources.files("rasid.store").joinpath("migrations_pg")
    found = [(int(e.name[:3]), e.read_text(encoding="utf-8")) for e in folder.iterdir()
             if e.name.endswith(".sql") and e.name[:3].isdigit()]
    return sorted(found)


def cache_root() -> Path:
    if os.environ.get("RASID_CACHE_DIR"):
        return Path(os.environ["RASID_CACHE_DIR"])
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "rasid"


class PostgresStore(SQLiteStore):
    """Store on a PostgreSQL server (15+), reached by a postgresql:// URL."""

    def __init__(self, url: str):
        self.url = url
        self.path = redacted(url)
        self.db = PgConnection(url)
        try:
            self.migrate()
        except StoreError:
            self.db.close()
            raise

    # -- schema -----------------------------------------------------------
    @property
    def schema_version(self) -> int:
        rows = self.db.execute("SELECT to_regclass('rasid_schema') IS NOT NULL").fetchone()
        if not rows[0]:
            return 0
        return self.db.execute("SELECT max(version) FROM rasid_schema").fetchone()[0] or 0

    def migrate(self) -> None:
        known = migrations()
        with self._transaction() as cur:
            # One migrating process at a time; the others wait, then find nothing to do.
            cur.execute("SELECT pg_advisory_xact_lock(7204617)")
            cur.execute("CREATE TABLE IF NOT EXISTS rasid_schema (version INTEGER PRIMARY KEY)")
            current = self.schema_version
            if known and current > known[-1][0]:
                raise StoreError(f"{self.path} has schema version {current}, newer than this rasid "
                                 f"understands ({known[-1][0]}); upgrade rasid")
            for version, sql in known:
                if version > current:
                    self.db.executescript(sql)
                    cur.execute("INSERT INTO rasid_schema (version) VALUES (?)", (version,))

    @contextmanager
    def _transaction(self):
        with self.db.transaction() as cur:
            yield cur

    def data_version(self) -> str:
        """Moves on every commit to the server (its write-ahead log position)."""
        return self.db.execute("SELECT pg_current_wal_lsn()::text").fetchone()[0]

    # -- writing ------------------------------------------------------------
    def _insert_articles(self, cur, articles: Iterable[Article], now: str) -> list[tuple[int, Article]]:
        """One statement for the whole batch (a round trip per article costs more than the
        insert): the ids PostgreSQL reports as inserted are the new articles."""
        batch: dict[str, Article] = {}
        for a in articles:                 # inside the transaction: an error here rolls back
            batch.setdefault(a.id, a)      # the first of two equal ids wins, as in SQLite
        if not batch:
            return []
        rows = [self._article_row(a, now) for a in batch.values()]
        kinds = self.db.columns("articles")
        names = list(ARTICLE_COLUMNS)
        casts = ", ".join(f"?::{kinds[c]}[]" for c in names)
        inserted = cur.execute(
            f"INSERT INTO articles ({', '.join(names)}) SELECT * FROM unnest({casts})"
            " ON CONFLICT DO NOTHING RETURNING seq, id",
            [[r[j] for r in rows] for j in range(len(names))]).fetchall()
        seq = {aid: n for n, aid in inserted}
        return [(seq[a.id], a) for a in batch.values() if a.id in seq]

    # -- search index ---------------------------------------------------------
    def _index_articles(self, cur, new: list[tuple[int, Article]]) -> None:
        if not new:
            return
        ids, tokens, keys, texts = [], [], [], []
        vocabulary: Counter = Counter()
        for _, a in new:
            terms = index_terms(a.headline) + index_terms(a.text)
            counts = Counter(terms)
            vocabulary.update(counts.keys())
            ids.append(a.id)
            tokens.append(len(terms))
            keys.append(tsvector_literal(counts))
            texts.append((index_text(a.headline) + " " + index_text(a.text))[:SEARCH_CHARS])
        cur.execute("INSERT INTO article_search (article_id, tokens, keys, search)"
                    " SELECT u.a, u.n, u.k::tsvector, to_tsvector('arabic', u.t)"
                    " FROM unnest(?::text[], ?::integer[], ?::text[], ?::text[]) AS u(a, n, k, t)",
                    (ids, tokens, keys, texts))
        words = sorted(vocabulary)
        cur.execute("INSERT INTO vocabulary (term, doc) SELECT * FROM unnest(?::text[], ?::integer[])"
                    " ON CONFLICT (term) DO UPDATE SET doc = vocabulary.doc + EXCLUDED.doc",
                    (words, [vocabulary[w] for w in words]))
        cur.execute("UPDATE search_totals SET rows = rows + ?, tokens = tokens + ?",
                    (len(new), sum(tokens)))

    def document_frequencies(self) -> tuple[dict[str, int], int]:
        df = dict(self.db.execute("SELECT term, doc FROM vocabulary").fetchall())
        n = self.db.execute("SELECT count(*) FROM articles").fetchone()[0]
        return df, n

    def _related(self, article: Article, limit: int = 5, keys: int = 6) -> list[str]:
        """As SQLiteStore._related: the same rare lead words, ranked by the same BM25."""
        lead = (article.headline or "") + " " + article.text[:LEAD_CHARS]
        words = sorted({k for k in match_keys(lead) if len(k) >= 4 and not k.isdigit()})
        terms = sorted({t for w in words for t in index_terms(w)})
        docs = dict(self.db.execute("SELECT term, doc FROM vocabulary WHERE term = ANY(?::text[])",
                                    (terms,)).fetchall()) if terms else {}
        frequencies = sorted((docs[w], w) for w in words if 2 <= docs.get(w, 0) <= RARE_DOCS)
        if not frequencies:
            return []
        chosen = [w for _, w in frequencies[:keys]]
        n_rows, n_tokens = self.db.execute("SELECT rows, tokens FROM search_totals").fetchone()
        average = n_tokens / max(n_rows, 1)
        idf = {w: max(math.log((n_rows - docs[w] + 0.5) / (docs[w] + 0.5)), 1e-6) for w in chosen}
        query = " | ".join(f"'{w}'" for w in chosen)
        rows = self.db.execute(
            "SELECT a.seq, s.article_id, s.tokens, u.lexeme, cardinality(u.positions)"
            " FROM article_search s JOIN articles a ON a.id = s.article_id, unnest(s.keys) AS u"
            " WHERE s.keys @@ ?::tsquery AND u.lexeme = ANY(?::text[]) AND s.article_id != ?",
            (query, chosen, article.id)).fetchall()
        scores: dict[tuple[int, str], float] = {}
        for seq, aid, length, word, f in rows:
            norm = BM25_K1 * (1 - BM25_B + BM25_B * length / average)
            scores[(seq, aid)] = scores.get((seq, aid), 0.0) + idf[word] * f * (BM25_K1 + 1) / (f + norm)
        best = sorted(scores.items(), key=lambda kv: (-kv[1], kv[0][0]))[:limit]
        return [aid for (_, aid), _ in best]

    def search(self, query: str, limit: int = 20) -> list[SearchHit]:
        """Articles holding every word of `query` (spelling and clitics folded, then stemmed by
        PostgreSQL's Arabic configuration), best ranked first."""
        keys = match_keys(query)
        if not keys:
            return []
        rows = self.db.execute(
            "SELECT a.id, ts_rank(s.search, q) AS score, a.headline, a.text"
            " FROM article_search s JOIN articles a ON a.id = s.article_id,"
            " plainto_tsquery('arabic', ?) AS q WHERE s.search @@ q"
            " ORDER BY score DESC, a.seq LIMIT ?", (" ".join(keys), int(limit))).fetchall()
        wanted = set(keys)
        return [SearchHit(r["id"], float(r["score"]),
                          _snippet(r["text"], wanted) or r["headline"] or r["text"][:160]) for r in rows]

    # -- JSON stage versions ------------------------------------------------
    def articles_behind(self, stage: str, version: str) -> list[str]:
        rows = self.db.execute("SELECT id FROM articles WHERE (stage_versions::jsonb ->> ?)"
                               " IS DISTINCT FROM ? ORDER BY seq", (stage, version))
        return [r[0] for r in rows]

    def mark_stage(self, article_ids: Iterable[str], stage: str, version: str) -> None:
        ids = list(dict.fromkeys(article_ids))
        with self._transaction() as cur:
            for i in range(0, len(ids), 5000):
                cur.execute("UPDATE articles SET stage_versions ="
                            " jsonb_set(stage_versions::jsonb, ARRAY[?::text], to_jsonb(?::text))::text"
                            " WHERE id = ANY(?::text[])", (stage, version, ids[i:i + 5000]))

    # -- caches -------------------------------------------------------------
    def sidecar(self, name: str) -> Path | None:
        """Rebuildable caches (the vector index) live in the user's cache folder, named by
        this database's instance id ($RASID_CACHE_DIR overrides the folder)."""
        instance = self.db.execute("SELECT id FROM instance").fetchone()[0]
        return cache_root() / "postgres" / instance / name
