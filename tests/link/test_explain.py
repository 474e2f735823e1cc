"""--explain records: the evidence for one pair, an article's candidates, and their text form."""
from __future__ import annotations

from dataclasses import replace

import pytest

from rasid.link import stage as stage_module
from rasid.link.decide import Verdict
from rasid.link.explain import check_record, explain_article, explain_pair, format_check
from rasid.link.stage import DerivationStage


@pytest.fixture(scope="module")
def stage():
    return DerivationStage()


@pytest.fixture
def always_stage(monkeypatch):
    """A stage whose model calls every aligned pair a rewrite: the tests using it check how
    aligned clauses are reported and stored, whatever the packaged weights say."""
    monkeypatch.setattr(stage_module, "decide",
                        lambda e, *args, **kw: Verdict("rewrite", 0.9, "rewrite: forced for the test"))
    return DerivationStage()


@pytest.fixture(scope="module")
def trimmed(rewrite_text, article):
    return article(rewrite_text, id="trim", outlet="موقع الشمال", published="2024-03-12")


def test_explain_pair_for_the_copy(stage, ingested):
    store, ids = ingested.store, ingested.ids
    copy, orig = store.article(ids["port-copy"]), store.article(ids["port-orig"])
    rec = explain_pair(stage, copy, orig)
    assert (rec["a"], rec["b"]) == (copy.id, orig.id)
    assert rec["linked"] is True and rec["kind"] == "copy"
    assert rec["source_id"] == orig.id and "published" in rec["direction_basis"]
    assert rec["containment"] >= 0.95 and rec["score"] == rec["containment"]
    assert rec["languages"] == ["ar", "ar"]
    assert rec["reason"].startswith("copy:")
    text = format_check(rec)
    assert text.splitlines()[0].startswith(f"{copy.id} ~ {orig.id}: LINKED copy (copy:")
    assert f"direction: source {orig.id} from published" in text


def test_explain_pair_for_an_unrelated_pair(stage, ingested):
    store, ids = ingested.store, ingested.ids
    rec = explain_pair(stage, store.article(ids["port-orig"]), store.article(ids["football"]))
    assert rec["linked"] is False and rec["kind"] is None and rec["source_id"] is None
    assert rec["direction_basis"] == [] and rec["containment"] == 0.0
    assert rec["reason"] and not rec["reason"].startswith(("copy", "rewrite", "translation"))
    assert rec["aligned"] == []
    text = format_check(rec)
    assert text == f"{ids['port-orig']} ~ {ids['football']}: not linked ({rec['reason']})"


def test_explain_article_lists_its_candidates_linked_first(stage, ingested):
    store, ids = ingested.store, ingested.ids
    recs = explain_article(stage, store, store.article(ids["port-copy"]))
    assert recs and recs[0]["linked"] and recs[0]["kind"] == "copy"
    assert recs[0]["a"] == ids["port-copy"] and recs[0]["b"] == ids["port-orig"]
    assert [r["linked"] for r in recs] == sorted((r["linked"] for r in recs), reverse=True)
    assert all(r["a"] == ids["port-copy"] and r["b"] != r["a"] for r in recs)
    assert sum(r["linked"] for r in recs) == 1


def test_aligned_clauses_are_reported_in_order_with_both_texts(always_stage, corpus_articles, trimmed):
    orig = corpus_articles["port-orig"]
    c = always_stage.check(trimmed, orig)
    assert c.evidence.containment < 0.6 and c.units is not None      # checked by alignment
    rec = check_record(c)
    assert len(rec["aligned"]) >= 3
    for al in rec["aligned"]:
        assert al["a"] in trimmed.text and al["b"] in orig.text
        assert 0.5 < al["similarity"] <= 1.0
    starts = [orig.text.index(al["b"]) for al in rec["aligned"]]
    assert starts == sorted(starts)
    assert rec["kind"] == "rewrite" and rec["linked"]


def test_a_derivation_stores_derived_spans_first(always_stage, corpus_articles, trimmed):
    orig = corpus_articles["port-orig"]
    for a, b in ((trimmed, orig), (orig, trimmed)):        # either argument order
        c = always_stage.check(a, b)
        d = c.derivation()
        assert d is not None and d.kind == "rewrite"
        assert (d.source_id, d.derived_id) == (orig.id, trimmed.id) and d.directed
        assert len(d.aligned) == len(c.evidence.alignment.pairs) >= 3
        for x, y, sim in d.aligned:
            assert x.end <= len(trimmed.text) and y.end <= len(orig.text)
            assert x.of(trimmed.text) and y.of(orig.text)
        # derived spans, in the derived text's order, pair with the source spans the check found
        rec = check_record(c)
        mine = [(al["a"], al["b"]) if a is trimmed else (al["b"], al["a"]) for al in rec["aligned"]]
        assert [(x.of(trimmed.text), y.of(orig.text)) for x, y, _ in d.aligned] == mine


def test_an_undirected_derivation_puts_the_smaller_id_first(always_stage, corpus_articles, trimmed):
    orig = replace(corpus_articles["port-orig"], published=None, published_at=None)
    undated = replace(trimmed, published=None)
    c = always_stage.check(undated, orig)
    assert c.direction.source is None
    d = c.derivation()
    assert not d.directed and d.basis == c.direction.basis
    assert (d.source_id, d.derived_id) == tuple(sorted((orig.id, undated.id)))
    rec = check_record(c)
    assert rec["linked"] and rec["source_id"] is None
    assert "direction: unknown" in format_check(rec)


def test_format_check_limits_the_aligned_lines():
    rec = {"a": "a1", "b": "b2", "linked": True, "kind": "rewrite", "reason": "rewrite: …",
           "source_id": "b2", "direction_basis": ["published", "cites"],
           "aligned": [{"a": f"جملة {i}", "b": f"عبارة {i}", "similarity": 0.8} for i in range(9)]}
    lines = format_check(rec, limit=4).splitlines()
    assert lines[0] == "a1 ~ b2: LINKED rewrite (rewrite: …)"
    assert lines[1] == "  direction: source b2 from published, cites"
    assert lines[2] == "  0.80  جملة 0  <>  عبارة 0"
    assert len(lines) == 2 + 4 + 1 and lines[-1] == "  … 5 more aligned clauses"
    assert len(format_check(rec, limit=9).splitlines()) == 2 + 9
