"""Read queries behind the analyst's views (REST API and web UI) on the SQLite store.

Every query here is bounded by an index (stories by last seen, articles by story,
outlet or sequence number, mentions by entity) so a page costs the same in a
demo database and in an archive of a hundred thousand articles.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from rasid.model import Derivation, Story
from rasid.store.codec import derivation_from_row, story_from_row
from rasid.text.tokens import match_text


@dataclass(frozen=True, slots=True)
class StoryFilter:
    since: str | None = None     # stories still running on or after this day (YYYY-MM-DD)
    until: str | None = None     # stories that began on or before this day
    entity: str | None = None    # entity id: stories mentioning it
    outlet: str | None = None    # stories it reported
    thread: str | None = None

    def where(self) -> tuple[str, list]:
        clauses, params = [], []
        if self.since:
            clauses.append("s.last_seen >= ?")
            params.append(self.since)
        if self.until:
            clauses.append("s.first_seen <= ?")
            params.append(self.until)
        if self.thread:
            clauses.append("s.thread_id = ?")
            params.append(self.thread)
        if self.outlet:
            clauses.append("s.id IN (SELECT story_id FROM articles WHERE outlet = ?)")
            params.append(self.outlet)
        if self.entity:
            clauses.append("s.id IN (SELECT a.story_id FROM mentions m JOIN articles a"
                           " ON a.id = m.article_id WHERE m.entity_id = ?)")
            params.append(self.entity)
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


@dataclass(frozen=True, slots=True)
class OutletStats:
    name: str
    articles: int
    first: str | None
    last: str | None


class BrowseQueries:
    """Mixed into SQLiteStore: needs `self.db` (sqlite3, Row factory) and `_rows_in`."""

    def story_page(self, flt: StoryFilter = StoryFilter(), limit: int = 20,
                   offset: int = 0) -> tuple[list[Story], int]:
        """One page of stories, newest first, and how many match in all."""
        where, params = flt.where()
        total = self.db.execute(f"SELECT count(*) FROM stories s{where}", params).fetchone()[0]
        rows = self.db.execute(
            f"SELECT s.* FROM stories s{where} ORDER BY s.last_seen IS NULL, s.last_seen DESC,"
            " s.first_seen DESC, s.id LIMIT ? OFFSET ?", [*params, int(limit), int(offset)]).fetchall()
        members: dict[str, list[str]] = {}
        for sid, aid in self._rows_in(
                "SELECT story_id, id FROM articles WHERE story_id IN ({ids}) ORDER BY published, seq",
                [r["id"] for r in rows]):
            members.setdefault(sid, []).append(aid)
        return [story_from_row(r, tuple(members.get(r["id"], ()))) for r in rows], total

    def thread_stories(self, thread_id: str) -> list[Story]:
        return self.story_page(StoryFilter(thread=thread_id), limit=500)[0]

    def outlets(self) -> list[OutletStats]:
        """Every outlet with its article count and the days it spans, most prolific first."""
        rows = self.db.execute(
            "SELECT outlet, count(*), min(published), max(published) FROM articles INDEXED BY articles_facts"
            " WHERE outlet IS NOT NULL GROUP BY outlet ORDER BY count(*) DESC, outlet")   # not the rows
        return [OutletStats(*r) for r in rows]

    def outlet_articles(self, outlet: str, limit: int = 50, offset: int = 0) -> list[dict]:
        """An outlet's articles, newest first: id, headline, published, story."""
        rows = self.db.execute(
            "SELECT id, headline, published, story_id, lang FROM articles WHERE outlet = ?"
            " ORDER BY published IS NULL, published DESC, seq DESC LIMIT ? OFFSET ?",
            (outlet, int(limit), int(offset)))
        return [dict(r) for r in rows]

    def outlet_daily(self, outlet: str) -> list[tuple[str, int]]:
        return [tuple(r) for r in self.db.execute(
            "SELECT published, count(*) FROM articles WHERE outlet = ? AND published IS NOT NULL"
            " GROUP BY published ORDER BY published", (outlet,))]

    def outlet_links(self, outlet: str) -> list[dict]:
        """Every derivation touching one outlet's articles, with both sides' outlets."""
        rows = self.db.execute(
            "SELECT d.source_id, d.derived_id, d.kind, d.score, d.directed,"
            " sa.outlet AS source_outlet, da.outlet AS derived_outlet"
            " FROM derivations d JOIN articles sa ON sa.id = d.source_id"
            " JOIN articles da ON da.id = d.derived_id"
            " WHERE d.source_id IN (SELECT id FROM articles WHERE outlet = ?)"
            " OR d.derived_id IN (SELECT id FROM articles WHERE outlet = ?)", (outlet, outlet))
        return [dict(r) for r in rows]

    def article_briefs(self, article_ids: Iterable[str]) -> dict[str, dict]:
        """id -> headline, outlet, published, lang, story: what a list or a link needs."""
        return {r["id"]: dict(r) for r in self._rows_in(
            "SELECT id, headline, outlet, published, lang, story_id, thread_id FROM articles"
            " WHERE id IN ({ids})", article_ids)}

    def article_ids_by_seq(self, seqs: Iterable[int]) -> dict[int, str]:
        seqs = [int(s) for s in seqs]
        return {r[0]: r[1] for r in self._rows_in("SELECT seq, id FROM articles WHERE seq IN ({ids})", seqs)}

    def entity_names(self, entity_ids: Iterable[str]) -> dict[str, dict]:
        """id -> type and Arabic/Latin names, without decoding each entity's whole record."""
        return {r["id"]: dict(r) for r in self._rows_in(
            "SELECT id, type, name_ar, name_latin, mentions FROM entities WHERE id IN ({ids})",
            entity_ids)}

    def story_entity_counts(self, article_ids: Iterable[str]) -> list[tuple[str, int]]:
        """(entity id, mentions) over a story's articles, most mentioned first."""
        counts: dict[str, int] = {}
        for r in self._rows_in("SELECT entity_id, count(*) FROM mentions WHERE article_id IN ({ids})"
                               " AND entity_id IS NOT NULL GROUP BY entity_id", article_ids):
            counts[r[0]] = counts.get(r[0], 0) + r[1]
        return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))

    def search_entities(self, query: str, limit: int = 10) -> list[dict]:
        """Entities with a name word starting with the query's first word and holding the
        rest (spelling folded: احمد finds أحمد, الزبيدى finds ماجد الزبيدي), or a Latin name
        starting with the query (case-insensitive); most mentioned first."""
        q = query.strip()
        keys = match_text(q).split()
        if not q or not keys:
            return []
        names, by_word = self._entity_name_index()
        found = set()
        for word, ids in by_word.items():      # a few thousand distinct name words
            if word.startswith(keys[0]):
                found.update(ids)
        found = {i for i in found if all(any(w.startswith(k) for w in names[i][1].split()) for k in keys[1:])}
        if q.isascii():
            latin = q.lower()
            found.update(i for i, row in names.items() if row[2].lower().startswith(latin))
        best = sorted(found, key=lambda i: (-names[i][3], i))[:int(limit)]
        return [{"id": i, "type": names[i][0], "name_ar": names[i][4], "name_latin": names[i][2],
                 "mentions": names[i][3]} for i in best]

    def _entity_name_index(self):
        """id -> (type, name key, Latin name, mentions, Arabic name) and name word -> ids,
        read once per database version (entities are rewritten whole on every resolution)."""
        version = self.data_version()
        cached = getattr(self, "_names_cache", None)
        if cached is None or cached[0] != version:
            names, by_word = {}, {}
            for r in self.db.execute("SELECT id, type, name_key, name_latin, mentions, name_ar FROM entities"):
                names[r[0]] = (r[1], r[2], r[3], r[4], r[5])
                for w in r[2].split():
                    by_word.setdefault(w, []).append(r[0])
            cached = self._names_cache = (version, (names, by_word))
        return cached[1]

    def story_of_thread_count(self, thread_id: str) -> int:
        return self.db.execute("SELECT count(*) FROM stories WHERE thread_id = ?",
                               (thread_id,)).fetchone()[0]

    def derivations_within(self, article_ids: Iterable[str],
                           aligned_kinds: tuple[str, ...] | None = None) -> list[Derivation]:
        """Derivations whose both articles are among `article_ids` (a story's own links),
        without decoding the links that leave the set; with `aligned_kinds`, aligned clauses
        are decoded only for links of those kinds (a story page needs them for translations)."""
        ids = sorted(set(article_ids))
        if not ids or len(ids) > 900:     # SQLite's bound-parameter limit, twice over
            keep = set(ids)
            return [d for d in self.derivations(ids) if d.source_id in keep and d.derived_id in keep]
        marks = ",".join("?" * len(ids))
        rows = self.db.execute(f"SELECT * FROM derivations WHERE source_id IN ({marks})"
                               f" AND derived_id IN ({marks})", [*ids, *ids]).fetchall()
        return sorted((derivation_from_row(r, aligned_kinds is None or r["kind"] in aligned_kinds)
                       for r in rows), key=lambda d: (d.derived_id, d.source_id))
