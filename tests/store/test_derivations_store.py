"""SQLite store, schema 4: fingerprints and LSH buckets, derivations, article lookup, sidecars."""
from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import numpy as np
import pytest

from rasid.link.fingerprint import BANDS, NUM_PERM, fingerprint
from rasid.model import Article, Derivation, Span
from rasid.store.sqlite import SQLiteStore, migrations

CORPUS = Path(__file__).resolve().parents[1] / "link" / "data" / "corpus.jsonl"
ROWS = {r["id"]: r for r in map(json.loads, CORPUS.read_text(encoding="utf-8").splitlines())}


def _article(aid: str, text: str, source_id: str | None = None, **kw) -> Article:
    return Article(id=aid, source_id=source_id or f"src-{aid}", source="in.jsonl", line=1,
                   format="jsonl", text=text, original=text, lang="ar", **kw)


def _count(store: SQLiteStore, table: str) -> int:
    return store.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


@pytest.fixture
def texts(store):
    """The port report, its copy with an intro, and two unrelated reports, stored."""
    arts = [_article("a-orig", ROWS["port-orig"]["text"]), _article("b-copy", ROWS["port-copy"]["text"]),
            _article("c-wheat", ROWS["wheat"]["text"]), _article("d-ball", ROWS["football"]["text"])]
    store.write_batch(arts)
    return {a.id: a for a in arts}


# -- schema -------------------------------------------------------------------------------------

def test_migrations_reach_schema_4_with_the_derivation_tables(store):
    versions = [v for v, _ in migrations()]
    assert versions == sorted(set(versions)) and 4 in versions
    assert store.schema_version == versions[-1] >= 4
    tables = {r[0] for r in store.db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"fingerprints", "lsh_buckets", "derivations"} <= tables


def test_a_schema_3_database_is_upgraded_keeping_its_articles(tmp_path):
    path = tmp_path / "old.db"
    db = sqlite3.connect(path)
    for version, sql in migrations():
        if version <= 3:
            db.executescript(f"BEGIN;\n{sql}\nPRAGMA user_version = {version};\nCOMMIT;")
    db.close()
    with SQLiteStore(path) as s:
        assert s.schema_version >= 4
        s.write_batch([_article("a1", "نص قديم")])
        assert s.derivations() == [] and s.counts()["derivations"] == 0
    with SQLiteStore(path) as s:
        assert s.article("a1") is not None


# -- fingerprints and LSH -----------------------------------------------------------------------

def test_lsh_finds_a_copied_pair_and_nothing_unrelated(store, texts):
    store.save_fingerprints([fingerprint(a.id, a.text) for a in texts.values()], BANDS)
    assert store.lsh_candidates(["b-copy"], 50) == {("b-copy", "a-orig")}
    assert store.lsh_candidates(["a-orig", "b-copy"], 50) == {("a-orig", "b-copy"), ("b-copy", "a-orig")}
    assert store.lsh_candidates(["c-wheat", "d-ball"], 50) == set()
    assert store.lsh_candidates([], 50) == set()
    assert store.lsh_candidates(["nosuch"], 50) == set()


def test_fingerprints_are_stored_and_replaced_not_duplicated(store, texts):
    fps = [fingerprint(a.id, a.text) for a in texts.values()]
    store.save_fingerprints(fps, BANDS)
    store.save_fingerprints(fps[:2], BANDS)            # re-fingerprinting replaces the buckets
    assert _count(store, "fingerprints") == 4
    assert _count(store, "lsh_buckets") == 4 * BANDS
    row = store.db.execute("SELECT shingles, signature FROM fingerprints WHERE article_id = 'a-orig'").fetchone()
    assert row[0] == fps[0].shingles
    np.testing.assert_array_equal(np.frombuffer(row[1], dtype=np.uint32), fps[0].signature)
    assert len(row[1]) == NUM_PERM * 4
    # a changed text moves the article to other buckets: the old pair disappears
    store.save_fingerprints([fingerprint("b-copy", ROWS["football"]["text"])], BANDS)
    assert ("b-copy", "a-orig") not in store.lsh_candidates(["b-copy"], 50)
    assert ("b-copy", "d-ball") in store.lsh_candidates(["b-copy"], 50)


def test_buckets_larger_than_max_bucket_are_skipped(store):
    text = ROWS["wheat"]["text"]
    arts = [_article(f"w{i}", text) for i in range(4)]        # four pages with the same text
    store.write_batch(arts)
    store.save_fingerprints([fingerprint(a.id, a.text) for a in arts], BANDS)
    every = {(a.id, b.id) for a in arts for b in arts if a.id != b.id}
    assert store.lsh_candidates([a.id for a in arts], max_bucket=4) == every
    assert store.lsh_candidates(["w0"], max_bucket=4) == {("w0", "w1"), ("w0", "w2"), ("w0", "w3")}
    assert store.lsh_candidates([a.id for a in arts], max_bucket=3) == set()


def test_vector_keys_map_sequence_numbers_to_ids(store, texts):
    store.save_vectors({"a-orig": np.ones(4), "c-wheat": np.zeros(4)}, "m1")
    store.save_vectors({"d-ball": np.ones(4)}, "m2")
    keys = store.vector_keys("m1")
    assert sorted(keys.values()) == ["a-orig", "c-wheat"]
    seq = dict(store.db.execute("SELECT id, seq FROM articles").fetchall())
    assert keys == {seq["a-orig"]: "a-orig", seq["c-wheat"]: "c-wheat"}
    assert store.vector_keys("m2") == {seq["d-ball"]: "d-ball"}
    assert store.vector_keys("none") == {}


# -- derivations --------------------------------------------------------------------------------

LINKS = [
    Derivation("a-orig", "b-copy", "copy", 0.98, True, ("published", "cites"),
               ((Span(0, 40), Span(10, 50), 0.97), (Span(41, 90), Span(51, 99), 0.8))),
    Derivation("c-wheat", "d-ball", "rewrite", 0.7, False),
    Derivation("b-copy", "e-x", "translation", 0.61, True, ("mt-traces",)),
]


def test_derivations_round_trip(store, texts):
    store.add_derivations(LINKS)
    got = store.derivations()
    assert sorted(got, key=lambda d: d.source_id) == sorted(LINKS, key=lambda d: d.source_id)
    assert got == sorted(got, key=lambda d: (d.derived_id, d.source_id))
    first = next(d for d in got if d.kind == "copy")
    assert first.aligned[1] == (Span(41, 90), Span(51, 99), 0.8)
    assert first.basis == ("published", "cites") and first.directed is True
    assert next(d for d in got if d.kind == "rewrite").directed is False
    assert store.counts()["derivations"] == 3


def test_derivations_of_ids_touch_either_end(store, texts):
    store.add_derivations(LINKS)
    assert {(d.source_id, d.derived_id) for d in store.derivations(["b-copy"])} == {
        ("a-orig", "b-copy"), ("b-copy", "e-x")}
    assert [d.kind for d in store.derivations(["d-ball"])] == ["rewrite"]
    assert [d.kind for d in store.derivations(["c-wheat"])] == ["rewrite"]
    both = store.derivations(["a-orig", "b-copy"])          # a link with both ends listed: once
    assert len(both) == 2
    assert store.derivations(["nosuch"]) == [] and store.derivations([]) == []


def test_adding_a_pair_again_replaces_it(store, texts):
    store.add_derivations(LINKS[:1])
    store.add_derivations([Derivation("a-orig", "b-copy", "rewrite", 0.55, False)])
    (d,) = store.derivations()
    assert (d.kind, d.score, d.directed, d.basis, d.aligned) == ("rewrite", 0.55, False, (), ())


def test_delete_derivations_forgets_links_touching_the_articles(store, texts):
    store.add_derivations(LINKS)
    store.delete_derivations(["b-copy"])                    # it is the source of one, derived of one
    assert [(d.source_id, d.derived_id) for d in store.derivations()] == [("c-wheat", "d-ball")]
    store.delete_derivations([])
    assert store.counts()["derivations"] == 1
    store.delete_derivations(["d-ball"])
    assert store.derivations() == []


def test_delete_derivations_handles_more_ids_than_sqlite_parameters(store, texts):
    store.add_derivations(LINKS)
    store.delete_derivations([f"x{i}" for i in range(1200)] + ["e-x"])
    assert {d.kind for d in store.derivations()} == {"copy", "rewrite"}


def test_add_derivations_is_atomic(store, texts):
    bad = Derivation("a-orig", "c-wheat", "copy", ["not", "a", "float"], True)
    with pytest.raises(sqlite3.Error):
        store.add_derivations([LINKS[0], bad])
    assert store.derivations() == [] and not store.db.in_transaction


# -- lookup and sidecar -------------------------------------------------------------------------

def test_find_article_by_id_prefix_and_source_id(store):
    store.write_batch([_article("a1234567", "نص أول", source_id="https://example.org/1"),
                       _article("a1299999", "نص ثان", source_id="n-2"),
                       _article("b7777777", "نص ثالث", source_id="a12")])
    assert store.find_article("a1234567").id == "a1234567"
    assert store.find_article("a123").id == "a1234567"             # a unique prefix
    assert store.find_article("b7").id == "b7777777"
    assert store.find_article("https://example.org/1").id == "a1234567"
    assert store.find_article("n-2").id == "a1299999"
    # an ambiguous prefix falls back to the source id, and otherwise finds nothing
    assert store.find_article("a12").id == "b7777777"
    assert store.find_article("a1") is None
    assert store.find_article("zzz") is None and store.find_article("") is None
    assert store.find_article("%") is None and store.find_article("a_2") is None


def test_sidecar_sits_beside_the_database_file(tmp_path):
    with SQLiteStore(tmp_path / "x.db") as s:
        assert s.sidecar("ann/m.usearch") == Path(str(tmp_path / "x.db") + ".cache") / "ann" / "m.usearch"
    with SQLiteStore(":memory:") as s:
        assert s.sidecar("ann/m.usearch") is None
