"""The HNSW neighbour index (a rebuildable cache beside the store) and cached headline vectors."""
from __future__ import annotations

import numpy as np
import pytest

from rasid.link.neighbours import HEADLINE_MODEL, VectorIndex, cached_vectors, exact_nearest
from rasid.link.stage import DerivationStage
from rasid.model import Article
from rasid.text.embed import DIM, headline_text


def _unit(n: int, seed: int = 0) -> np.ndarray:
    v = np.random.default_rng(seed).normal(size=(n, DIM)).astype(np.float32)
    return v / np.linalg.norm(v, axis=1, keepdims=True)


def _article(n: int, headline: str | None = None) -> Article:
    text = f"نص الخبر رقم {n} عن افتتاح مشروع جديد في المدينة."
    return Article(id=f"a{n:03d}", source_id=f"s{n}", source="x", line=n, format="jsonl",
                   text=text, original=text, headline=headline, lang="ar")


def test_search_finds_each_vector_itself_first(tmp_path):
    vecs = _unit(30)
    index = VectorIndex(tmp_path / "x.usearch")
    index.add(list(range(100, 130)), vecs)
    assert len(index) == 30
    found = index.search(vecs[:5], 3)
    assert len(found) == 5
    for r, hits in enumerate(found):
        assert len(hits) == 3
        assert hits[0][0] == 100 + r and hits[0][1] == pytest.approx(1.0, abs=1e-2)
        sims = [s for _, s in hits]
        assert sims == sorted(sims, reverse=True)
    # one query is a list of one result list too
    assert index.search(vecs[7:8], 1) == [[(107, pytest.approx(1.0, abs=1e-2))]]


def test_search_a_near_duplicate_and_k_larger_than_the_index(tmp_path):
    vecs = _unit(4, seed=1)
    index = VectorIndex()
    index.add([1, 2, 3, 4], vecs)
    near = vecs[2] + 0.05 * _unit(1, seed=9)[0]
    hits = index.search(near[None, :] / np.linalg.norm(near), 10)[0]
    assert len(hits) == 4 and hits[0][0] == 3 and hits[0][1] > 0.95
    assert {k for k, _ in hits} == {1, 2, 3, 4}


def test_empty_index_and_empty_query():
    index = VectorIndex()
    assert len(index) == 0
    assert index.search(_unit(2), 5) == [[], []]
    assert index.missing([]) == []
    assert index.missing([1, 2]) == [1, 2]
    index.add([], np.zeros((0, DIM), dtype=np.float32))       # no-op
    assert len(index) == 0


def test_missing_reports_keys_not_in_the_index():
    index = VectorIndex()
    index.add([10, 20, 30], _unit(3))
    assert index.missing([30, 5, 10, 40]) == [5, 40]
    assert index.missing(iter([10, 20])) == []


def test_save_and_load_roundtrip(tmp_path):
    path = tmp_path / "ann" / "m.usearch"
    vecs = _unit(12, seed=2)
    index = VectorIndex(path)
    index.add(list(range(12)), vecs)
    index.save()
    assert path.is_file() and not path.with_suffix(".tmp").exists()
    again = VectorIndex(path)
    assert len(again) == 12 and again.missing(range(13)) == [12]
    assert [h[0][0] for h in again.search(vecs, 1)] == list(range(12))


def test_save_without_a_path_does_nothing(tmp_path):
    index = VectorIndex(None)
    index.add([1], _unit(1))
    index.save()
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("damage", ["garbage", "truncated", "empty"])
def test_a_damaged_index_file_is_ignored(tmp_path, damage):
    path = tmp_path / "m.usearch"
    good = VectorIndex(path)
    good.add(list(range(20)), _unit(20))
    good.save()
    data = path.read_bytes()
    path.write_bytes({"garbage": b"not an index" * 50, "truncated": data[:len(data) // 2],
                      "empty": b""}[damage])
    index = VectorIndex(path)
    assert len(index) == 0
    index.add([1, 2], _unit(2, seed=3))      # still usable, and saving replaces the damage
    index.save()
    assert len(VectorIndex(path)) == 2


def test_cached_vectors_embed_once_and_live_in_the_store(store):
    arts = [_article(1, "افتتاح جسر جديد"), _article(2)]
    store.write_batch(arts)
    calls = []

    def embed(texts):
        calls.append(list(texts))
        return _unit(len(texts), seed=len(calls))

    got = cached_vectors(store, arts, embed)
    assert calls == [[headline_text(a) for a in arts]]
    assert calls[0] == ["افتتاح جسر جديد", arts[1].text[:110].strip()]
    assert set(got) == {"a001", "a002"}
    again = cached_vectors(store, arts + [_article(3)], embed)   # only the new one is embedded
    assert len(calls) == 2 and len(calls[1]) == 1
    # stored as float16: equal to what was returned, to half precision
    np.testing.assert_allclose(again["a001"], got["a001"], atol=1e-3)
    assert set(store.vectors(["a001", "a002"], HEADLINE_MODEL)) == {"a001", "a002"}


def test_stage_index_is_rebuilt_from_the_store_when_damaged(store):
    arts = [_article(n) for n in range(1, 7)]
    store.write_batch(arts[:4])
    vecs = _unit(6, seed=4)
    store.save_vectors({a.id: v for a, v in zip(arts[:4], vecs[:4])}, HEADLINE_MODEL)
    stage = DerivationStage()          # every stored article has a vector: index() embeds nothing
    index, keys = stage.index(store)
    assert sorted(keys.values()) == ["a001", "a002", "a003", "a004"]
    assert len(index) == 4
    path = store.sidecar(f"ann/{HEADLINE_MODEL}.usearch")
    assert path.is_file()
    # new vectors are added to the cached index on the next open, not rebuilt from nothing
    store.write_batch(arts[4:])
    store.save_vectors({a.id: v for a, v in zip(arts[4:], vecs[4:])}, HEADLINE_MODEL)
    index, keys = stage.index(store)
    assert len(index) == 6 and len(VectorIndex(path)) == 6
    hits = index.search(vecs[5:6], 1)[0]
    assert keys[hits[0][0]] == "a006"
    # a damaged file: rebuilt from the store's vectors, no crash
    path.write_bytes(b"\x00" * 64)
    index, keys = stage.index(store)
    assert len(index) == 6 and len(VectorIndex(path)) == 6
    assert [keys[h[0][0]] for h in index.search(vecs, 1)] == [a.id for a in arts]


def test_stage_without_embeddings_has_no_index(store):
    assert DerivationStage(embeddings=False).index(store) is None


def test_exact_nearest_agrees_with_a_full_sort_and_the_index():
    vecs = _unit(200, seed=3)
    keys = np.arange(1000, 1200)
    queries = _unit(12, seed=8)
    found = exact_nearest(vecs * 3.0, keys, queries, 7)          # not normalized: cosine anyway
    index = VectorIndex()
    index.add(list(keys), vecs)
    approx = index.search(queries, 7)
    for q, hits in enumerate(found):
        sims = vecs @ queries[q]
        order = np.argsort(-sims)[:7]
        assert [k for k, _ in hits] == [int(keys[c]) for c in order]
        assert [s for _, s in hits] == pytest.approx([float(sims[c]) for c in order], abs=1e-5)
        # the HNSW index is approximate; on 200 vectors it finds the same neighbours
        assert {k for k, _ in approx[q]} == {k for k, _ in hits}


def test_exact_nearest_edges():
    vecs, keys = _unit(3, seed=5), np.array([7, 8, 9])
    assert exact_nearest(vecs, keys, _unit(2), 10)[0] == sorted(
        exact_nearest(vecs, keys, _unit(2), 3)[0], key=lambda x: (-x[1], x[0]))
    assert len(exact_nearest(vecs, keys, _unit(2), 10)[1]) == 3      # k beyond the rows
    assert exact_nearest(vecs[:0], keys[:0], _unit(2), 3) == [[], []]
    assert exact_nearest(vecs, keys, _unit(0), 3) == []
    assert exact_nearest(vecs, keys, _unit(1), 0) == [[]]
    tied = np.stack([vecs[0], vecs[0], vecs[1]])                     # equal similarity: by key
    assert [k for k, _ in exact_nearest(tied, np.array([5, 2, 9]), vecs[:1], 2)[0]] == [2, 5]


def test_vector_rows_are_every_stored_vector_of_one_model(store):
    arts = [_article(n) for n in range(1, 4)]
    store.write_batch(arts)
    vecs = _unit(3, seed=2)
    store.save_vectors({a.id: v for a, v in zip(arts, vecs)}, HEADLINE_MODEL)
    store.save_vectors({arts[0].id: vecs[0]}, "other-model")
    keys = store.vector_keys(HEADLINE_MODEL)
    rows = dict(store.vector_rows(HEADLINE_MODEL))
    assert rows.keys() == keys.keys()
    for seq, blob in rows.items():
        got = np.frombuffer(blob, dtype=np.float16).astype(np.float32)
        np.testing.assert_allclose(got, vecs[arts.index(next(a for a in arts if a.id == keys[seq]))], atol=1e-3)
    assert len(dict(store.vector_rows("other-model"))) == 1

