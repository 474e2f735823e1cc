"""The default store: one SQLite file in WAL mode, versioned migrations, FTS5 search."""
from __future__ import annotations

import json
import re
import sqlite3
from contextlib import contextmanager
from collections.abc import Iterable, Iterator, Sequence
from datetime import datetime, timezone
from importlib import resources
from pathlib import Path

from rasid.errors import StoreError
from rasid.ids import rejection_id
from rasid.model import Article, Derivation, Entity, Rejection, Story
from rasid.store.base import FileDone, SearchHit
from rasid.store.browse import BrowseQueries
from rasid.store.codec import (article_from_row, date_from_row, date_row, derivation_from_row,
                               derivation_row, entity_from_row, entity_row, layout_json,
                               figure_from_row, figure_row, mention_from_row, mention_row,
                               pack_text, quote_from_row, quote_row, rejection_from_row,
                               story_data, story_from_row)
from rasid.text.tokens import match_keys, match_text


ARTICLE_COLUMNS = ("id", "source_id", "source", "line", "format", "encoding", "url", "outlet",
                   "headline", "text", "published", "published_at", "published_inferred", "lang",
                   "story_id", "thread_id", "original", "layout", "extra", "stage_versions",
                   "ingested_at")   # the order of SQLiteStore._article_row
_INSERT_ARTICLE = (f"INSERT OR IGNORE INTO articles ({', '.join(ARTICLE_COLUMNS)})"
                   f" VALUES ({','.join('?' * len(ARTICLE_COLUMNS))})")
_INSERT_REJECTION = ("INSERT OR IGNORE INTO rejected (id, source, line, code, reason, size, sha256,"
                     " sample, rejected_at) VALUES (?,?,?,?,?,?,?,?,?)")
_INSERT_MENTION = ('INSERT INTO mentions (article_id, idx, start, "end", text, type, key, score,'
                   ' role, same_as, entity_id) VALUES (?,?,?,?,?,?,?,?,?,?,?)')
_INSERT_QUOTE = ('INSERT INTO quotes (article_id, idx, start, "end", speaker_text, speaker_start,'
                 ' speaker_end, speaker_mention, channel, direct, anonymous, denial, verb)'
                 ' VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)')
_INSERT_FIGURE = ('INSERT INTO figures (article_id, idx, start, "end", value, low, unit, about, approx)'
                  ' VALUES (?,?,?,?,?,?,?,?,?)')
_INSERT_DATE = ('INSERT INTO dates (article_id, start, "end", text, value, end_value, grain, calendar,'
                ' relative, flags, what) VALUES (?,?,?,?,?,?,?,?,?,?,?)')


LEAD_CHARS = 500  # how much of an article's start names its story (for related articles)
RARE_DOCS = 200   # a word in more articles than this says little about which story it is


# stages whose mark has an index (migration 11; the names are rasid's own, never user input)
INDEXED_STAGES = frozenset({"dates", "mentions", "quotes", "figures", "derive", "story", "entities"})
RELATED_MEMO = 200_000   # remembered related-article answers, at most (see related_article_ids)


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


ENTITY_STAGE = "entities"   # the stage mark dropped when an article's names must be read again


def _counts(entity_of: dict) -> dict[str, int]:
    counts: dict[str, int] = {}
    for eid in entity_of.values():
        counts[eid] = counts.get(eid, 0) + 1
    return counts


def _unresolved(stages: dict) -> dict:
    return {k: v for k, v in stages.items() if k != ENTITY_STAGE}


CHUNK = 500   # ids bound per statement: under SQLite's limit on parameters


# Where entities appear: their mentions' articles and those articles' stories, from the
# covering indexes on mentions (entity_id, ...) and articles (id, ..., story_id).
ENTITY_MEMBERS = ("SELECT DISTINCT m.entity_id, m.article_id, a.story_id FROM mentions m"
                  " JOIN articles a INDEXED BY articles_facts ON a.id = m.article_id")


def rows_in(execute, sql: str, ids: Iterable[str], before: Sequence = ()) -> list:
    """Rows of `sql` (whose `{ids}` becomes a placeholder list) over `ids`, run through
    `execute` (a connection's or a transaction's cursor's) in chunks of `CHUNK` ids."""
    ids, out = list(ids), []
    for i in range(0, len(ids), CHUNK):
        chunk = ids[i:i + CHUNK]
        out += execute(sql.format(ids=",".join("?" * len(chunk))), [*before, *chunk]).fetchall()
    return out


def migrations() -> list[tuple[int, str]]:
    """(version, SQL) for every packaged migration, in order."""
    folder = resources.files("rasid.store").joinpath("migrations")
    found = []
    for entry in folder.iterdir():
        name = entry.name
        if name.endswith(".sql") and name[:3].isdigit():
            found.append((int(name[:3]), entry.read_text(encoding="utf-8")))
    return sorted(found)


_CLAUSE = re.compile(r"[^.!?؟\n]+[.!?؟]?")


def _snippet(text: str, keys: set[str], width: int = 220, max_clauses: int = 60) -> str | None:
    """The first sentence of `text` holding a searched word, clipped to `width` characters."""
    for i, m in enumerate(_CLAUSE.finditer(text)):
        if i >= max_clauses:
            break
        if keys.intersection(match_keys(m.group())):
            clause = m.group().strip()
            return clause if len(clause) <= width else clause[:width - 1] + "…"
    return None


def index_text(text: str | None) -> str:
    """What the search index holds for a text: its match keys (see rasid.text.tokens)."""
    return match_text(text) if text else ""


class SQLiteStore(BrowseQueries):
    """Store backed by one SQLite file (or ':memory:')."""

    def __init__(self, path: str | Path = "rasid.db"):
        self.path = str(path)
        try:
            self.db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        except sqlite3.Error as e:
            raise StoreError(f"cannot open database {self.path}: {e}") from e
        self.db.row_factory = sqlite3.Row
        try:
            if self.path != ":memory:":
                self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=NORMAL")
            self.db.execute("PRAGMA busy_timeout=10000")
            self.migrate()
        except sqlite3.DatabaseError as e:
            self.db.close()
            raise StoreError(f"{self.path} is not a rasid database (or is damaged): {e}") from e

    # -- schema -----------------------------------------------------------
    @property
    def schema_version(self) -> int:
        return self.db.execute("PRAGMA user_version").fetchone()[0]

    def migrate(self) -> None:
        current = self.schema_version
        known = migrations()
        if known and current > known[-1][0]:
            raise StoreError(f"{self.path} has schema version {current}, newer than this rasid "
                             f"understands ({known[-1][0]}); upgrade rasid")
        for version, sql in known:
            if version > current:
                self.db.executescript(f"BEGIN;\n{sql}\nPRAGMA user_version = {version};\nCOMMIT;")

    # -- writing ----------------------------------------------------------
    @contextmanager
    def _transaction(self):
        """BEGIN IMMEDIATE … COMMIT; any failure, Ctrl-C included, rolls the whole write back."""
        cur = self.db.cursor()
        cur.execute("BEGIN IMMEDIATE")
        try:
            yield cur
            cur.execute("COMMIT")
        except BaseException:
            if self.db.in_transaction:
                self.db.execute("ROLLBACK")
            raise

    @staticmethod
    def _put_stories(cur, stories: Iterable[Story]) -> None:
        stories = list(stories)
        moved = {aid: s.id for s in stories for aid in s.article_ids}
        # Lone names and garbles are read within a story: an article that changes story is
        # resolved again, and so is the rest of the story it left (a lone surname there may
        # have stood for a full name only the leaver gave). Their entity stage marks are
        # dropped; the stage finds them behind.
        select = "SELECT id, story_id, stage_versions FROM articles WHERE {col} IN ({{ids}})"
        was = rows_in(cur.execute, select.format(col="id"), moved)
        left = sorted({r[1] for r in was if r[1] and r[1] != moved[r[0]]})
        stale = [r for r in was if r[1] != moved[r[0]]] + rows_in(cur.execute, select.format(col="story_id"), left)
        cur.executemany("UPDATE articles SET stage_versions = ? WHERE id = ?",
                        [(json.dumps(_unresolved(json.loads(r[2] or "{}"))), r[0])
                         for r in {r[0]: r for r in stale}.values() if ENTITY_STAGE in json.loads(r[2] or "{}")])
        cur.executemany(
            "INSERT OR REPLACE INTO stories (id, thread_id, title, first_seen, last_seen,"
            " independent_origins, data) VALUES (?,?,?,?,?,?,?)",
            [(s.id, s.thread_id, s.title, s.first_seen, s.last_seen, s.independent_origins,
              story_data(s)) for s in stories])
        cur.executemany("UPDATE articles SET story_id = ?, thread_id = ? WHERE id = ?",
                        [(s.id, s.thread_id, aid) for s in stories for aid in s.article_ids])

    def _rows_in(self, sql: str, ids: Iterable[str], before: Sequence = ()) -> Iterator[sqlite3.Row]:
        """Rows of `sql` (whose `{ids}` becomes a placeholder list) over `ids`, in chunks that
        stay under SQLite's limit on bound parameters."""
        yield from rows_in(self.db.execute, sql, ids, before)

    def existing_article_ids(self, ids: Iterable[str]) -> set[str]:
        return {r[0] for r in self._rows_in("SELECT id FROM articles WHERE id IN ({ids})", ids)}

    def is_file_done(self, sha256: str) -> bool:
        return self.db.execute("SELECT 1 FROM files WHERE sha256 = ?", (sha256,)).fetchone() is not None

    def write_batch(self, articles: Iterable[Article], rejections: Iterable[Rejection] = (),
                    stories: Iterable[Story] = (), files_done: Iterable[FileDone] = ()) -> int:
        """Write everything in one transaction; returns the number of new articles."""
        now = _now()
        self._related_version = None   # new articles change every related-articles answer
        self._frequencies = None       # and the words' document frequencies
        self._vector_keys = None
        with self._transaction() as cur:
            new = self._insert_articles(cur, articles, now)
            added = [a for _, a in new]
            cur.executemany(_INSERT_DATE, [date_row(a.id, d) for a in added for d in a.dates])
            self._put_extracted(cur, added)
            self._index_articles(cur, new)
            cur.executemany(_INSERT_REJECTION, [self._rejection_row(r, now) for r in rejections])
            self._put_stories(cur, stories)
            for f in files_done:
                cur.execute("INSERT OR REPLACE INTO files (sha256, source, size, items, completed_at)"
                            " VALUES (?,?,?,?,?)", (f.sha256, f.source, f.size, f.items, now))
        return len(new)

    @staticmethod
    def _article_row(a: Article, now: str) -> tuple:
        return (a.id, a.source_id, a.source, a.line, a.format, a.encoding, a.url, a.outlet,
                a.headline, a.text, a.published, a.published_at, int(a.published_inferred),
                a.lang, a.story_id, a.thread_id, pack_text(a.original), layout_json(a),
                json.dumps(a.extra, ensure_ascii=False, default=str), json.dumps(a.stages), now)

    @staticmethod
    def _rejection_row(r: Rejection, now: str) -> tuple:
        return (rejection_id(r.source, r.line, r.sha256, r.code), r.source, r.line, r.code,
                r.reason, r.size, r.sha256, r.sample, now)

    @staticmethod
    def _index_articles(cur, new: list[tuple[int, Article]]) -> None:
        """Add newly stored articles (rowid, article) to the search index."""
        cur.executemany("INSERT INTO articles_fts (rowid, headline, body) VALUES (?,?,?)",
                        [(seq, index_text(a.headline), index_text(a.text)) for seq, a in new])

    def data_version(self) -> int:
        """A number that moves when another connection commits (caches compare it)."""
        return self.db.execute("PRAGMA data_version").fetchone()[0]

    def _insert_articles(self, cur, articles: Iterable[Article], now: str) -> list[tuple[int, Article]]:
        """Insert the articles not stored yet; (rowid, article) of each one inserted."""
        new = []
        for a in articles:
            cur.execute(_INSERT_ARTICLE, self._article_row(a, now))
            if cur.rowcount:
                new.append((cur.lastrowid, a))
        return new

    @staticmethod
    def _put_extracted(cur, articles: Iterable[Article]) -> None:
        articles = list(articles)
        cur.executemany(_INSERT_MENTION, [mention_row(a.id, i, m) for a in articles
                                          for i, m in enumerate(a.mentions)])
        cur.executemany(_INSERT_QUOTE, [quote_row(a.id, i, q) for a in articles
                                        for i, q in enumerate(a.quotes)])
        cur.executemany(_INSERT_FIGURE, [figure_row(a.id, i, f) for a in articles
                                         for i, f in enumerate(a.figures)])

    # -- reading ----------------------------------------------------------
    # Articles are read in bulk: five queries for a chunk of articles rather than five per
    # article, which matters on a server store where each query is a round trip.
    _CHILDREN = (("dates", 'start, "end"'), ("mentions", "idx"), ("quotes", "idx"), ("figures", "idx"))

    def _articles_from_rows(self, rows: Sequence, mentions: bool = True) -> list[Article]:
        ids = [r["id"] for r in rows]
        found: dict[str, dict[str, list]] = {t: {} for t, _ in self._CHILDREN}
        for table, order in self._CHILDREN:
            if table == "mentions" and not mentions:
                continue
            for r in self._rows_in(f"SELECT * FROM {table} WHERE article_id IN ({{ids}})"
                                   f" ORDER BY article_id, {order}", ids):
                found[table].setdefault(r["article_id"], []).append(r)
        out = []
        for row in rows:
            aid, text = row["id"], row["text"]
            out.append(article_from_row(
                row, tuple(date_from_row(r) for r in found["dates"].get(aid, ())),
                tuple(mention_from_row(r) for r in found["mentions"].get(aid, ())),
                tuple(quote_from_row(r, text) for r in found["quotes"].get(aid, ())),
                tuple(figure_from_row(r, text) for r in found["figures"].get(aid, ()))))
        return out

    def article(self, article_id: str) -> Article | None:
        row = self.db.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone()
        return self._articles_from_rows([row])[0] if row else None

    def articles(self, article_ids: Iterable[str], mentions: bool = True) -> list[Article]:
        """The stored ones of `article_ids`, in that order (unknown ids are left out).
        `mentions=False` leaves their name mentions out: the largest part to read, which the
        derivation stage never looks at (such articles are read, never written back)."""
        ids = list(article_ids)
        out: list[Article] = []
        for i in range(0, len(ids), 500):
            chunk = ids[i:i + 500]
            rows = {r["id"]: r for r in self._rows_in("SELECT * FROM articles WHERE id IN ({ids})", chunk)}
            got = {a.id: a for a in self._articles_from_rows(list(rows.values()), mentions)}
            out.extend(got[a] for a in chunk if a in got)
        return out

    def find_article(self, key: str) -> Article | None:
        """An article by id, by a unique id prefix, or by its source id."""
        got = self.article(key)
        if got is None and key:
            rows = self.db.execute("SELECT id FROM articles WHERE id LIKE ? LIMIT 2",
                                   (key.replace("%", "").replace("_", "") + "%",)).fetchall()
            if len(rows) != 1:
                rows = self.db.execute("SELECT id FROM articles WHERE source_id = ? LIMIT 2",
                                       (key,)).fetchall()
            got = self.article(rows[0][0]) if len(rows) == 1 else None
        return got

    def article_ids(self) -> list[str]:
        """Every stored article's id, in the order they were stored (nothing else is read)."""
        return [r[0] for r in self.db.execute("SELECT id FROM articles ORDER BY seq").fetchall()]

    def iter_articles(self) -> Iterator[Article]:
        ids = self.article_ids()
        for i in range(0, len(ids), 500):
            yield from self.articles(ids[i:i + 500])

    def articles_behind(self, stage: str, version: str) -> list[str]:
        """Ids of articles a stage has not processed at this version (e.g. after an upgrade).

        Every ingest asks this of each stage. A stage with an index on its mark (migration 11)
        is answered from the index: when little is behind, in time that does not grow with
        the archive."""
        if stage in INDEXED_STAGES:
            rows = self.db.execute(
                f"SELECT id FROM articles WHERE seq IN (SELECT seq FROM articles INDEXED BY"
                f" articles_stage_{stage} WHERE json_extract(stage_versions, '$.{stage}') IS NOT ?)"
                " ORDER BY seq", (version,))
        else:
            rows = self.db.execute("SELECT id FROM articles WHERE json_extract(stage_versions, ?) IS NOT ?"
                                   " ORDER BY seq", (f"$.{stage}", version))
        return [r[0] for r in rows]

    def articles_without_published(self, ids: Iterable[str]) -> list[Article]:
        """Those of `ids` whose publication date is unknown (candidates for inference)."""
        rows = self._rows_in("SELECT id FROM articles INDEXED BY articles_facts"
                             " WHERE published IS NULL AND id IN ({ids})", ids)
        return self.articles([r[0] for r in list(rows)])

    def related_article_ids(self, article: Article, limit: int = 5, keys: int = 6) -> list[str]:
        """`_related`, remembered until the articles change: the derivation stage and the story
        stage of one ingest ask the same questions."""
        version = self.data_version()
        if getattr(self, "_related_version", None) != version or len(self._related_memo) > RELATED_MEMO:
            self._related_memo: dict[tuple, list[str]] = {}
            self._related_version = version
        key = (article.id, article.headline, article.text[:LEAD_CHARS], limit, keys)
        got = self._related_memo.get(key)
        if got is None:
            got = self._related_memo[key] = self._related(article, limit, keys)
        return list(got)

    def _related(self, article: Article, limit: int = 5, keys: int = 6) -> list[str]:
        """Articles sharing the rarest words of `article`'s lead (its likely story-mates).

        The lead (headline and first paragraph) names the who and where. Only words that
        a few other articles share are queried: their posting lists are short, so a lookup
        stays cheap as the archive grows, and they are what story-mates have in common.
        Their frequencies come from the shared table (`document_frequencies`): asking the
        search vocabulary word by word reads each word's whole posting list, which grows with
        the archive (a millisecond a word at 300,000 articles, most of them common words).
        """
        lead = (article.headline or "") + " " + article.text[:LEAD_CHARS]
        words = {k for k in match_keys(lead) if len(k) >= 4 and not k.isdigit()}
        df = self.document_frequencies()[0]
        frequencies = [(df[w], w) for w in words if 2 <= df.get(w, 0) <= RARE_DOCS]
        if not frequencies:
            return []
        chosen = [w for _, w in sorted(frequencies)[:keys]]
        query = " OR ".join('"' + w.replace('"', '""') + '"' for w in chosen)
        rows = self.db.execute(
            "SELECT a.id FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid"
            " WHERE articles_fts MATCH ? AND a.id != ? ORDER BY bm25(articles_fts) LIMIT ?",
            (query, article.id, limit)).fetchall()
        return [r[0] for r in rows]

    def anchor_dates(self, article_ids: Iterable[str]) -> list[str]:
        """Dates near which these articles' events happened: the absolute day dates they
        report (not relative, not flagged) and their known publication dates."""
        ids = list(article_ids)
        if not ids:
            return []
        marks = ",".join("?" * len(ids))
        rows = self.db.execute(
            f"SELECT value FROM dates WHERE grain = 'day' AND relative = 0 AND flags = '[]'"
            f" AND value IS NOT NULL AND article_id IN ({marks})"
            f" UNION ALL SELECT published FROM articles WHERE published IS NOT NULL"
            f" AND published_inferred = 0 AND id IN ({marks})", ids + ids)
        return [r[0] for r in rows]

    def vectors(self, article_ids: Iterable[str], model: str) -> dict[str, "np.ndarray"]:
        import numpy as np

        rows = self._rows_in("SELECT article_id, vector FROM article_vectors WHERE model = ?"
                             " AND article_id IN ({ids})", article_ids, (model,))
        return {aid: np.frombuffer(blob, dtype=np.float16).astype(np.float32) for aid, blob in rows}

    def save_vectors(self, vectors: dict[str, "np.ndarray"], model: str) -> None:
        import numpy as np

        self._vector_keys = None
        with self._transaction() as cur:
            cur.executemany(
                "INSERT OR REPLACE INTO article_vectors (article_id, model, vector) VALUES (?,?,?)",
                [(aid, model, np.asarray(v, dtype=np.float16).tobytes()) for aid, v in vectors.items()])

    def story_members(self, article_ids: Iterable[str]) -> set[str]:
        """Every article that shares a story with one of `article_ids`."""
        return self._sharing("story_id", article_ids)

    def thread_members(self, article_ids: Iterable[str]) -> set[str]:
        """Every article that shares a thread with one of `article_ids`."""
        return self._sharing("thread_id", article_ids)

    def _sharing(self, column: str, article_ids: Iterable[str]) -> set[str]:
        ids = list(article_ids)
        rows = self._rows_in(f"SELECT m.id FROM articles a JOIN articles m ON m.{column} = a.{column}"
                             " WHERE a.id IN ({ids})", ids)
        return set(ids) | {r[0] for r in rows}

    def document_frequencies(self) -> tuple[dict[str, int], int]:
        """(word -> number of articles containing it, number of articles), from the search index.

        Read once until articles are added (here or by another connection): the derivation and
        story stages of one ingest and every related-articles lookup share it. The dict is
        shared, so callers must not change it."""
        version = self.data_version()
        memo = getattr(self, "_frequencies", None)
        if memo is None or memo[0] != version:
            df = dict(self.db.execute("SELECT term, doc FROM articles_vocab").fetchall())
            n = self.db.execute("SELECT count(*) FROM articles").fetchone()[0]
            memo = self._frequencies = (version, df, n)
        return memo[1], memo[2]

    def replace_stories(self, old_story_ids: Iterable[str], stories: Iterable[Story]) -> None:
        """Swap a neighbourhood's stories for its re-clustered ones, in one transaction."""
        with self._transaction() as cur:
            cur.executemany("DELETE FROM stories WHERE id = ?", [(s,) for s in set(old_story_ids)])
            self._put_stories(cur, stories)

    def mark_stage(self, article_ids: Iterable[str], stage: str, version: str) -> None:
        """Record that a corpus stage has processed these articles at this version."""
        with self._transaction() as cur:
            cur.executemany(
                "UPDATE articles SET stage_versions = json_set(stage_versions, ?, ?) WHERE id = ?",
                [(f"$.{stage}", version, aid) for aid in article_ids])

    def story_ids_of(self, article_ids: Iterable[str]) -> set[str]:
        return {r[0] for r in self._rows_in(
            "SELECT story_id FROM articles WHERE story_id IS NOT NULL AND id IN ({ids})", article_ids)}

    def update_articles(self, articles: Iterable[Article], stories: Iterable[Story] = ()) -> None:
        """Rewrite what later corpus stages learned: publication date and dates; stories."""
        articles = list({a.id: a for a in articles}.values())   # the last word on each
        ids = [(a.id,) for a in articles]
        with self._transaction() as cur:
            cur.executemany("UPDATE articles SET published = ?, published_inferred = ?, stage_versions = ?"
                            " WHERE id = ?", [(a.published, int(a.published_inferred),
                                               json.dumps(_unresolved(a.stages)), a.id) for a in articles])
            for table in ("dates", "mentions", "quotes", "figures"):
                cur.executemany(f"DELETE FROM {table} WHERE article_id = ?", ids)
            cur.executemany(_INSERT_DATE, [date_row(a.id, d) for a in articles for d in a.dates])
            self._put_extracted(cur, articles)
            self._put_stories(cur, stories)

    # -- entities -----------------------------------------------------------
    def mention_refs(self, articles: Iterable[str] | None = None):
        """Mentions with what the resolver needs: its article's story and date. All of them,
        or those of `articles` (an incremental run)."""
        from rasid.resolve.resolver import MentionRef

        select = ("SELECT m.article_id, m.idx, m.text, m.type, m.role, a.story_id, a.published, m.same_as"
                  " FROM mentions m JOIN articles a ON a.id = m.article_id")
        if articles is None:
            rows = self.db.execute(select + " ORDER BY a.seq, m.idx")
        else:
            rows = sorted(self._rows_in(select + " WHERE m.article_id IN ({ids})", set(articles)),
                          key=lambda r: (r[0], r[1]))
        for r in rows:
            yield MentionRef(r[0], r[1], r[2], r[3], r[5], r[6], r[4], r[7])

    @contextmanager
    def entity_update(self, articles: Iterable[str], keys: Iterable[str]):
        """An incremental entity run in one transaction (see `rasid.store.entity_update`): the
        mentions of `articles` are unlinked, and the forms of their earlier entities and of
        every entity indexed under `keys` are read as kept; `write` the result before the end."""
        from rasid.store.entity_update import EntityUpdate

        with self._transaction() as cur:
            yield EntityUpdate(self, cur, articles, keys)

    def has_entity_index(self) -> bool:
        """Whether the mentions were resolved with the entities' lookup keys (since schema 9):
        without them (an older archive, or entities lost) an incremental run could not find
        what a new name may join."""
        one = lambda q: self.db.execute(q).fetchone() is not None  # noqa: E731
        return one("SELECT 1 FROM entity_keys LIMIT 1") or not one("SELECT 1 FROM mentions LIMIT 1")

    def replace_entities(self, entities: Iterable[Entity], entity_of: dict, keys: dict,
                         index: Iterable[tuple[str, str]] = ()) -> None:
        """The resolver's whole result, in one transaction: entities, mention links and the
        entities' lookup keys. Only what differs from the stored result is written:
        re-resolving an archive mostly finds the entities and links it already had."""
        counts = _counts(entity_of)
        rows = {e.id: (*entity_row(e, counts.get(e.id, 0)), match_text(e.name_ar)) for e in entities}
        links = {k: (eid, keys.get(k, "")) for k, eid in entity_of.items()}
        index = set(index)
        with self._transaction() as cur:
            stored = {r[0]: tuple(r) for r in cur.execute(
                "SELECT id, type, name_ar, name_latin, mentions, data, name_key FROM entities")}
            cur.executemany("DELETE FROM entities WHERE id = ?",
                            [(i,) for i, row in stored.items() if rows.get(i) != row])
            cur.executemany("INSERT INTO entities (id, type, name_ar, name_latin, mentions, data, name_key)"
                            " VALUES (?,?,?,?,?,?,?)", [row for i, row in rows.items() if stored.get(i) != row])
            had = {(r[0], r[1]): (r[2], r[3]) for r in cur.execute(
                "SELECT article_id, idx, entity_id, key FROM mentions WHERE entity_id IS NOT NULL")}
            cur.executemany("UPDATE mentions SET entity_id = NULL WHERE article_id = ? AND idx = ?",
                            [k for k in had if k not in links])
            cur.executemany("UPDATE mentions SET entity_id = ?, key = ? WHERE article_id = ? AND idx = ?",
                            [(eid, key, k[0], k[1]) for k, (eid, key) in links.items() if had.get(k) != (eid, key)])
            indexed = {(r[0], r[1]) for r in cur.execute("SELECT key, entity_id FROM entity_keys")}
            cur.executemany("DELETE FROM entity_keys WHERE key = ? AND entity_id = ?", list(indexed - index))
            cur.executemany("INSERT INTO entity_keys (key, entity_id) VALUES (?, ?)", list(index - indexed))

    def entities(self, type: str | None = None, limit: int | None = None,
                 members: bool = True) -> list[Entity]:
        """Entities, most mentioned first; `members=False` leaves out where they appear (their
        article and story ids), which is all a caller reading names or roles would pay for."""
        sql = "SELECT * FROM entities" + (" WHERE type = ?" if type else "") + \
              " ORDER BY mentions DESC, id" + (f" LIMIT {int(limit)}" if limit else "")
        rows = self.db.execute(sql, (type,) if type else ()).fetchall()
        if not members:
            return [entity_from_row(r) for r in rows]
        # a whole listing reads every linked mention in one pass; a page asks for its own ids
        where = self._entity_members(None if limit is None else [r["id"] for r in rows])
        return [entity_from_row(r, *where.get(r["id"], ((), ()))) for r in rows]

    def entity(self, key: str) -> Entity | None:
        """An entity by id or unique id prefix."""
        rows = self.db.execute("SELECT * FROM entities WHERE id = ? OR id LIKE ? LIMIT 2",
                               (key, key.replace("%", "").replace("_", "") + "%")).fetchall()
        exact = [r for r in rows if r["id"] == key]
        rows = exact or rows
        if len(rows) != 1:
            return None
        return entity_from_row(rows[0], *self._entity_members([rows[0]["id"]]).get(rows[0]["id"], ((), ())))

    def _entity_members(self, entity_ids: list[str] | None) -> dict[str, tuple[set[str], set[str]]]:
        """entity id -> (its articles, their stories), read from its mentions (None: every
        linked entity, in one pass) through the covering indexes, never the article rows."""
        rows = (self.db.execute(ENTITY_MEMBERS + " WHERE m.entity_id IS NOT NULL") if entity_ids is None
                else self._rows_in(ENTITY_MEMBERS + " WHERE m.entity_id IN ({ids})", entity_ids))
        out: dict[str, tuple[set[str], set[str]]] = {}
        for eid, article, story in rows:
            articles, stories = out.setdefault(eid, (set(), set()))
            articles.add(article)
            if story:
                stories.add(story)
        return out

    def entity_mentions(self, entity_id: str) -> list[tuple[str, object]]:
        """(article_id, Mention) for every mention of one entity."""
        rows = self.db.execute("SELECT * FROM mentions WHERE entity_id = ? ORDER BY article_id, idx",
                               (entity_id,))
        return [(r["article_id"], mention_from_row(r)) for r in rows]

    # -- derivation -------------------------------------------------------
    def sidecar(self, name: str) -> Path | None:
        """Where a rebuildable cache (e.g. the vector index) lives beside the database file;
        None for an in-memory database."""
        if self.path == ":memory:":
            return None
        return Path(self.path + ".cache") / name

    def save_fingerprints(self, fingerprints: Iterable, bands: int) -> None:
        """MinHash signatures and their LSH band buckets (replacing any earlier ones)."""
        fps = list(fingerprints)
        with self._transaction() as cur:
            cur.executemany("DELETE FROM lsh_buckets WHERE article_id = ?", [(f.article_id,) for f in fps])
            cur.executemany("DELETE FROM shingle_samples WHERE article_id = ?", [(f.article_id,) for f in fps])
            cur.executemany("INSERT OR REPLACE INTO fingerprints (article_id, shingles, samples, signature)"
                            " VALUES (?,?,?,?)", [(f.article_id, f.shingles, len(f.samples), f.signature.tobytes())
                                                  for f in fps])
            cur.executemany("INSERT INTO shingle_samples (hash, article_id) VALUES (?,?)",
                            [(h, f.article_id) for f in fps for h in f.samples])
            cur.executemany("INSERT INTO lsh_buckets (band, bucket, article_id) VALUES (?,?,?)",
                            [(b, key, f.article_id) for f in fps for b, key in enumerate(f.bands(bands))])

    def lsh_candidates(self, article_ids: Iterable[str], max_bucket: int) -> set[tuple[str, str]]:
        """Pairs (article, other) sharing an LSH bucket. Buckets holding more than `max_bucket`
        articles are skipped: they are boilerplate every page of a site shares, not copies."""
        ids = list(article_ids)
        keys = {(r[0], r[1]) for r in self._rows_in(
            "SELECT band, bucket FROM lsh_buckets WHERE article_id IN ({ids})", ids)}
        if not keys:
            return set()
        self.db.execute("CREATE TEMP TABLE IF NOT EXISTS _keys (band INTEGER, bucket BIGINT)")
        self.db.execute("DELETE FROM _keys")
        self.db.executemany("INSERT INTO _keys (band, bucket) VALUES (?,?)", list(keys))
        members: dict[tuple[int, int], list[str]] = {}
        for band, bucket, aid in self.db.execute(
                "SELECT l.band, l.bucket, l.article_id FROM _keys k JOIN lsh_buckets l"
                " ON l.band = k.band AND l.bucket = k.bucket"):
            members.setdefault((band, bucket), []).append(aid)
        self.db.execute("DELETE FROM _keys")
        wanted = set(ids)
        pairs: set[tuple[str, str]] = set()
        for group in members.values():
            if len(group) < 2 or len(group) > max_bucket:
                continue
            for a in group:
                if a in wanted:
                    pairs.update((a, b) for b in group if b != a)
        return pairs

    def lsh_rows(self) -> Iterator[tuple[int, int, str]]:
        """Every (band, bucket, article id) of the archive: what a distributed engine joins."""
        for band, bucket, aid in self.db.execute("SELECT band, bucket, article_id FROM lsh_buckets"):
            yield band, bucket, aid

    def sample_rows(self) -> Iterator[tuple[int, str]]:
        """Every (sampled shingle hash, article id) of the archive."""
        for h, aid in self.db.execute("SELECT hash, article_id FROM shingle_samples"):
            yield h, aid

    def sample_counts(self) -> Iterator[tuple[str, int]]:
        """Every article's number of sampled shingles."""
        for aid, n in self.db.execute("SELECT article_id, samples FROM fingerprints"):
            yield aid, n

    def containment_candidates(self, article_ids: Iterable[str], max_postings: int,
                               min_share: float, min_shared: int) -> set[tuple[str, str]]:
        """Pairs (article, other) sharing at least `min_shared` sampled shingles, and at least
        `min_share` of the smaller one's samples: one text (mostly) inside the other. Samples
        found in more than `max_postings` articles are boilerplate and are not counted."""
        ids = list(article_ids)
        if not ids:
            return set()
        self.db.execute("CREATE TEMP TABLE IF NOT EXISTS _ids (id TEXT PRIMARY KEY)")
        self.db.execute("DELETE FROM _ids")
        self.db.executemany("INSERT OR IGNORE INTO _ids (id) VALUES (?)", [(i,) for i in ids])
        rows = self.db.execute(
            "WITH mine AS (SELECT s.hash, s.article_id FROM shingle_samples s JOIN _ids ON _ids.id = s.article_id),"
            " common AS (SELECT p.hash FROM shingle_samples p WHERE p.hash IN (SELECT hash FROM mine)"
            "            GROUP BY p.hash HAVING count(*) > ?)"
            " SELECT m.article_id, o.article_id, count(*) FROM mine m"
            " JOIN shingle_samples o ON o.hash = m.hash AND o.article_id != m.article_id"
            " WHERE m.hash NOT IN (SELECT hash FROM common)"
            " GROUP BY m.article_id, o.article_id HAVING count(*) >= ?", (max_postings, min_shared)).fetchall()
        self.db.execute("DELETE FROM _ids")
        if not rows:
            return set()
        involved = {x for r in rows for x in (r[0], r[1])}
        samples = {r[0]: r[1] for r in self._rows_in(
            "SELECT article_id, samples FROM fingerprints WHERE article_id IN ({ids})", involved)}
        return {(a, b) for a, b, n in rows
                if n >= min_share * max(1, min(samples.get(a, 0), samples.get(b, 0)))}

    def published_dates(self, article_ids: Iterable[str]) -> dict[str, str | None]:
        return {r[0]: r[1] for r in self._rows_in(
            "SELECT id, published FROM articles INDEXED BY articles_facts WHERE id IN ({ids})",
            article_ids)}

    def relay_facts(self, article_ids: Iterable[str]) -> dict[str, tuple[str | None, str, frozenset[str]]]:
        """{id: (outlet, language, quote channels)}: what tells, before an article is read,
        whether it could be the report another credits (link/credit.py)."""
        channels: dict[str, set[str]] = {}
        ids = list(article_ids)
        for r in self._rows_in("SELECT article_id, channel FROM quotes WHERE article_id IN ({ids})"
                               " AND channel IS NOT NULL", ids):
            channels.setdefault(r[0], set()).add(r[1])
        return {r[0]: (r[1], r[2], frozenset(channels.get(r[0], ())))
                for r in self._rows_in("SELECT id, outlet, lang FROM articles INDEXED BY articles_facts"
                                       " WHERE id IN ({ids})", ids)}

    def articles_without_vector(self, model: str) -> list[str]:
        """Ids of the articles with no vector of `model`, in storing order. Every ingest asks;
        the answer is almost always none, which the two counts (read from indexes) tell."""
        one = lambda sql, *args: self.db.execute(sql, args).fetchone()[0]  # noqa: E731
        if one("SELECT count(*) FROM article_vectors WHERE model = ?", model) == one("SELECT count(*) FROM articles"):
            return []
        return [r[0] for r in self.db.execute(
            "SELECT a.id FROM articles a INDEXED BY articles_facts WHERE NOT EXISTS (SELECT 1 FROM"
            " article_vectors v WHERE v.article_id = a.id AND v.model = ?) ORDER BY a.seq", (model,))]

    def vector_rows(self, model: str) -> Iterator[tuple[int, bytes]]:
        """Every (sequence number, float16 vector bytes) of this model: what a distributed
        engine searches for nearest neighbours."""
        for seq, blob in self.db.execute(
                "SELECT a.seq, v.vector FROM article_vectors v JOIN articles a ON a.id = v.article_id"
                " WHERE v.model = ?", (model,)):
            yield seq, bytes(blob)

    def vector_keys(self, model: str) -> dict[int, str]:
        """Sequence number -> article id, for every article with a vector of this model.

        Remembered until vectors or articles are added (here or by another connection): the
        derivation and story stages of one ingest both ask, a second each at 300,000
        articles. The dict is shared, so callers must not change it."""
        version = (model, self.data_version())
        memo = getattr(self, "_vector_keys", None)
        if memo is None or memo[0] != version:
            memo = self._vector_keys = (version, dict(self.db.execute(
                "SELECT a.seq, a.id FROM article_vectors v JOIN articles a ON a.id = v.article_id"
                " WHERE v.model = ?", (model,)).fetchall()))
        return memo[1]

    def delete_derivations(self, article_ids: Iterable[str]) -> None:
        """Forget every derivation touching `article_ids` (before they are checked again)."""
        ids = list(article_ids)
        with self._transaction() as cur:
            for i in range(0, len(ids), 500):
                chunk = ids[i:i + 500]
                marks = ",".join("?" * len(chunk))
                cur.execute(f"DELETE FROM derivations WHERE source_id IN ({marks})"
                            f" OR derived_id IN ({marks})", chunk + chunk)

    def add_derivations(self, derivations: Iterable[Derivation]) -> None:
        with self._transaction() as cur:
            cur.executemany("INSERT OR REPLACE INTO derivations (source_id, derived_id, kind, score,"
                            " directed, data) VALUES (?,?,?,?,?,?)",
                            [derivation_row(d) for d in derivations])

    def derivations(self, article_ids: Iterable[str] | None = None) -> list[Derivation]:
        """Derivations touching any of `article_ids` (all of them when None)."""
        if article_ids is None:
            rows = self.db.execute("SELECT * FROM derivations ORDER BY derived_id, source_id").fetchall()
        else:
            ids = list(article_ids)
            rows = list(self._rows_in("SELECT * FROM derivations WHERE source_id IN ({ids})", ids))
            rows += list(self._rows_in("SELECT * FROM derivations WHERE derived_id IN ({ids})", ids))
        seen, out = set(), []
        for r in rows:
            key = (r["source_id"], r["derived_id"])
            if key not in seen:
                seen.add(key)
                out.append(derivation_from_row(r))
        return sorted(out, key=lambda d: (d.derived_id, d.source_id))

    def _story_article_ids(self, story_id: str) -> tuple[str, ...]:
        rows = self.db.execute(
            "SELECT id FROM articles WHERE story_id = ? ORDER BY published, seq", (story_id,))
        return tuple(r[0] for r in rows)

    def stories(self) -> list[Story]:
        """Every story, newest first (by last seen, then first seen)."""
        rows = self.db.execute(
            "SELECT * FROM stories ORDER BY last_seen IS NULL, last_seen DESC, first_seen DESC, id")
        members: dict[str, list[str]] = {}
        for sid, aid in self.db.execute(
                "SELECT story_id, id FROM articles WHERE story_id IS NOT NULL ORDER BY published, seq"):
            members.setdefault(sid, []).append(aid)
        return [story_from_row(r, tuple(members.get(r["id"], ()))) for r in rows]

    def story(self, story_id: str) -> Story | None:
        """A story by id or by a unique id prefix (as git does for commits)."""
        row = self.db.execute("SELECT * FROM stories WHERE id = ?", (story_id,)).fetchone()
        if row is None and story_id:
            rows = self.db.execute("SELECT * FROM stories WHERE id LIKE ? LIMIT 2",
                                   (story_id.replace("%", "").replace("_", "") + "%",)).fetchall()
            row = rows[0] if len(rows) == 1 else None
        return story_from_row(row, self._story_article_ids(row["id"])) if row else None

    def iter_rejections(self) -> Iterator[Rejection]:
        for row in self.db.execute("SELECT * FROM rejected ORDER BY source, line"):
            yield rejection_from_row(row)

    def search(self, query: str, limit: int = 20) -> list[SearchHit]:
        """Articles matching every word of `query`, spelling and clitics folded."""
        keys = match_keys(query)
        if not keys:
            return []
        fts_query = " AND ".join('"' + k.replace('"', '""') + '"' for k in keys)
        rows = self.db.execute(
            "SELECT a.id, bm25(articles_fts) AS score, a.headline, a.text FROM articles_fts"
            " JOIN articles a ON a.seq = articles_fts.rowid WHERE articles_fts MATCH ?"
            " ORDER BY score LIMIT ?", (fts_query, limit)).fetchall()
        wanted = set(keys)
        return [SearchHit(r["id"], -r["score"], _snippet(r["text"], wanted) or r["headline"] or r["text"][:160])
                for r in rows]

    def counts(self) -> dict[str, int]:
        one = lambda q: self.db.execute(q).fetchone()[0]  # noqa: E731
        return {
            "articles": one("SELECT count(*) FROM articles"),
            "stories": one("SELECT count(*) FROM stories"),
            "rejected": one("SELECT count(*) FROM rejected"),
            "outlets": one("SELECT count(DISTINCT outlet) FROM articles WHERE outlet IS NOT NULL"),
            "files": one("SELECT count(*) FROM files"),  # input files whose every item is committed
            "derivations": one("SELECT count(*) FROM derivations"),
            "mentions": one("SELECT count(*) FROM mentions"),
            "entities": one("SELECT count(*) FROM entities"),
            "quotes": one("SELECT count(*) FROM quotes"),
            "figures": one("SELECT count(*) FROM figures"),
        }

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> "SQLiteStore":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
