"""An incremental entity run against a store, in one transaction.

The articles an ingest changed are read again with the rest of their stories. Their
mentions are unlinked first; what stays linked is what earlier runs decided and this run
keeps. Those kept mentions reach the resolver summed by spelling (`KeptForm`), never one
by one: a place every article names (Iran, Riyadh) is a few forms, not thousands of
mentions. Everything here runs in the store's write transaction, so a crash leaves the
entities as they were and the articles still marked behind.

The queries are the SQLite store's, and run on PostgreSQL through its dialect bridge.
"""
from __future__ import annotations

from collections.abc import Iterable

from rasid.resolve.resolver import KeptForm, Resolution
from rasid.store.codec import entity_row
from rasid.store.sqlite import rows_in
from rasid.text.tokens import match_text

# The two read every kept mention of the entities an ingest may touch, thousands for a
# place every article names: from two covering indexes (migration 11), never the rows, since
# SQLite reads an article's date or story only after walking its body's overflow pages.
_FORMS = ("SELECT m.entity_id, m.text, m.type, CASE WHEN m.role = m.text THEN 1 ELSE 0 END, count(*),"
          " min(a.published), min(m.article_id || '/' || (100000000 + m.idx))"
          " FROM mentions m JOIN articles a INDEXED BY articles_facts ON a.id = m.article_id"
          " WHERE m.entity_id IN ({ids}) GROUP BY 1, 2, 3, 4")
_ROLES = ("SELECT m.entity_id, m.text, m.type, CASE WHEN m.role = m.text THEN 1 ELSE 0 END, m.role,"
          " a.published, min(m.article_id)"
          " FROM mentions m JOIN articles a INDEXED BY articles_facts ON a.id = m.article_id"
          " WHERE m.entity_id IN ({ids}) AND m.role IS NOT NULL GROUP BY 1, 2, 3, 4, 5, 6")
_MOVING = "~"   # marks a kept mention's entity id while it is being renamed


class EntityUpdate:
    """What an incremental run reads (`kept`, `lost`, and the lookups the resolver asks for)
    and writes (`write`). Made by the store's `entity_update(articles, keys)`."""

    def __init__(self, store, cur, articles: Iterable[str], keys: Iterable[str]) -> None:
        self.store, self.cur = store, cur
        self.articles = sorted(set(articles))
        # the entity each re-read mention had: those entities lose or keep them now
        self.was: dict[tuple[str, int], str] = {(r[0], r[1]): r[2] for r in self._rows(
            "SELECT article_id, idx, entity_id FROM mentions WHERE entity_id IS NOT NULL"
            " AND article_id IN ({ids})", self.articles)}
        self.lost: set[str] = set(self.was.values())
        candidates = self.lost | {r[0] for r in self._rows(
            "SELECT DISTINCT entity_id FROM entity_keys WHERE key IN ({ids})", sorted(set(keys)))}
        self._rows("UPDATE mentions SET entity_id = NULL WHERE article_id IN ({ids})", self.articles)
        self.kept: list[KeptForm] = self._forms(sorted(candidates))

    # -- reading -------------------------------------------------------------------
    def _rows(self, sql: str, ids: list[str]) -> list:
        return rows_in(self.cur.execute, sql, ids)

    def _forms(self, entity_ids: list[str]) -> list[KeptForm]:
        roles: dict[tuple, list[tuple[str, str | None, str]]] = {}
        for r in self._rows(_ROLES, entity_ids):
            roles.setdefault((r[0], r[1], r[2], bool(r[3])), []).append((r[4], r[5], r[6]))
        forms = []
        for r in self._rows(_FORMS, entity_ids):
            key = (r[0], r[1], r[2], bool(r[3]))
            article, index = r[6].split("/")
            forms.append(KeptForm(r[0], r[1], r[2], bool(r[3]), int(r[4]), r[5], (article, int(index) - 100000000),
                                  tuple(sorted(roles.get(key, ()), key=lambda x: (x[1] or "", x[0], x[2])))))
        return sorted(forms, key=lambda f: (f.first, f.text, f.type, f.title))

    def together(self, a: set[str], b: set[str]) -> bool:
        """Whether an entity of `a` and one of `b` are named in one kept article."""
        a, b = sorted(a), sorted(b)
        sql = (f"SELECT 1 FROM mentions x JOIN mentions y ON y.article_id = x.article_id"
               f" WHERE x.entity_id IN ({','.join('?' * len(a))}) AND y.entity_id IN ({','.join('?' * len(b))})"
               f" LIMIT 1")
        return self.cur.execute(sql, [*a, *b]).fetchone() is not None

    def existing(self, entity_ids: Iterable[str]) -> set[str]:
        return {r[0] for r in self._rows("SELECT id FROM entities WHERE id IN ({ids})", sorted(set(entity_ids)))}

    # -- writing -------------------------------------------------------------------
    def write(self, result: Resolution) -> None:
        cur = self.cur
        cur.executemany("UPDATE mentions SET entity_id = NULL WHERE entity_id = ?",
                        [(old,) for old, new in sorted(result.renamed.items()) if new is None])
        moves = {old: new for old, new in result.renamed.items() if new is not None and old != new}
        # Through a marked id, so a chain (A becomes B while B becomes C) cannot mix.
        cur.executemany("UPDATE mentions SET entity_id = ? WHERE entity_id = ?",
                        [(_MOVING + new, old) for old, new in sorted(moves.items())])
        cur.executemany("UPDATE mentions SET entity_id = ? WHERE entity_id = ?",
                        [(new, _MOVING + new) for new in sorted(set(moves.values()))])
        cur.executemany("UPDATE mentions SET entity_id = ?, key = ? WHERE article_id = ? AND idx = ?",
                        [(eid, result.keys.get(k, ""), k[0], k[1]) for k, eid in sorted(result.entity_of.items())])
        gone = [(e,) for e in sorted(result.replaced)]
        cur.executemany("DELETE FROM entities WHERE id = ?", gone)
        cur.executemany("DELETE FROM entity_keys WHERE entity_id = ?", gone)
        ids = sorted({e.id for e in result.entities})
        counts = {r[0]: r[1] for r in self._rows(
            "SELECT entity_id, count(*) FROM mentions WHERE entity_id IN ({ids}) GROUP BY entity_id", ids)}
        cur.executemany("INSERT INTO entities (id, type, name_ar, name_latin, mentions, data, name_key)"
                        " VALUES (?,?,?,?,?,?,?)", [(*entity_row(e, counts.get(e.id, 0)), match_text(e.name_ar))
                                                    for e in result.entities])
        cur.executemany("INSERT INTO entity_keys (key, entity_id) VALUES (?, ?)", sorted(set(result.index)))
