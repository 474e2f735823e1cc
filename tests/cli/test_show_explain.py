"""Who copied whom on the command line and in exports: `rasid show ID [--explain [OTHER]]`,
`rasid export`, and the ingest/digest summaries.

One database is ingested for the module from tests/link/data/corpus.jsonl (a port report, a
verbatim copy of it with an intro from another outlet, two unrelated reports and three
boilerplate-only pages)."""
from __future__ import annotations

import contextlib
import csv
import io
import json
import os
from pathlib import Path

import pytest

from rasid.cli import commands, main
from rasid.cli.digest import ingest_summary, plural, store_digest
from rasid.model import Article, Derivation, Span
from rasid.pipeline import IngestReport
from rasid.serve.export import export
from rasid.serve.records import derivation_record, derived_from_records
from rasid.store.sqlite import SQLiteStore

CORPUS = Path(__file__).resolve().parents[1] / "link" / "data" / "corpus.jsonl"


@contextlib.contextmanager
def _isolated_env(mp: pytest.MonkeyPatch, folder: Path):
    for key in list(os.environ):
        if key.startswith("RASID_"):
            mp.delenv(key)
    mp.setenv("RASID_CONFIG", str(folder / "absent.toml"))
    mp.chdir(folder)
    yield


@pytest.fixture(autouse=True)
def isolated(monkeypatch, tmp_path):
    with _isolated_env(monkeypatch, tmp_path):
        yield


class Db:
    def __init__(self, path: str, summary: str):
        self.path, self.summary = path, summary
        with SQLiteStore(path) as s:
            self.ids = {a.source_id: a.id for a in s.iter_articles()}
            self.story = {a.source_id: a.story_id for a in s.iter_articles()}


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Db:
    folder = tmp_path_factory.mktemp("cli-derive")
    (folder / "in").mkdir()
    (folder / "in" / "news.jsonl").write_text(CORPUS.read_text(encoding="utf-8"), encoding="utf-8")
    path = str(folder / "derive.db")
    out = io.StringIO()
    with pytest.MonkeyPatch.context() as mp, _isolated_env(mp, folder), contextlib.redirect_stdout(out):
        assert main(["ingest", str(folder / "in"), "--db", path]) == 0
    return Db(path, out.getvalue())


def _run(capsys, *argv: str) -> str:
    code = main(list(argv))
    out = capsys.readouterr().out
    assert code == 0, out
    return out


# -- ingest summary and digest -----------------------------------------------------------------

def test_ingest_summary_counts_the_links(db):
    assert "7 new articles" in db.summary
    assert "; derived: 1 copy;" in db.summary


def test_ingest_summary_pluralises_each_kind():
    report = IngestReport(files=1, items=3, added=3, derivations={"rewrite": 1, "copy": 2})
    assert ingest_summary(report, "x.db").endswith("; derived: 2 copies, 1 rewrite")
    assert "derived" not in ingest_summary(IngestReport(), "x.db")
    assert [plural(w, n) for w, n in [("copy", 1), ("copy", 3), ("translation", 2), ("rewrite", 0)]] == [
        "copy", "copies", "translations", "rewrites"]


def test_store_digest_reports_who_copied_whom(db):
    with SQLiteStore(db.path) as s:
        assert "who copied whom: 1 copy (1 with a known source)" in store_digest(s)


# -- rasid show ----------------------------------------------------------------------------------

def test_show_article_lists_its_source(db, capsys):
    copy, orig = db.ids["port-copy"], db.ids["port-orig"]
    out = _run(capsys, "show", copy, "--db", db.path)
    assert f"- {copy}  2024-03-11  موقع النهار  [ar]  port-copy" in out
    assert f"story {db.story['port-copy']}" in out
    assert "who copied whom (derived <- source):" in out
    # a copy reports which of its sentences are the original's (found by words, no embedding):
    # all five sentences of the original reappear after the copy's added intro
    assert f"  {copy} <- {orig}  copy 1.00 (source by published; 5 clauses align)" in out


def test_show_article_by_source_id_and_prefix(db, capsys):
    copy = db.ids["port-copy"]
    by_source = _run(capsys, "show", "port-copy", "--db", db.path)
    assert f"- {copy}  " in by_source
    assert _run(capsys, "show", copy[:12], "--db", db.path) == by_source


def test_show_article_json_has_derived_from_and_derivations(db, capsys):
    copy, orig = db.ids["port-copy"], db.ids["port-orig"]
    shown = json.loads(_run(capsys, "show", copy, "--db", db.path, "--json"))
    assert shown["id"] == copy
    (entry,) = shown["derived_from"]
    assert (entry["article_id"], entry["kind"], entry["direction"]) == (orig, "copy", "known")
    assert shown["derivations"] == [{"source_id": orig, "derived_id": copy, "kind": "copy",
                                     "score": entry["score"], "direction": "known",
                                     "basis": ["published"], "aligned_clauses": 5}]
    original = json.loads(_run(capsys, "show", orig, "--db", db.path, "--json"))
    assert original["derived_from"] == [] and len(original["derivations"]) == 1
    # each aligned span of the copy is the same sentence as its span in the original
    for al in entry["aligned"]:
        assert shown["text"][al["start"]:al["end"]] == original["text"][al["source_start"]:al["source_end"]]
        assert al["similarity"] == 1.0


def test_show_story_lists_the_link_and_one_origin(db, capsys):
    copy, orig = db.ids["port-copy"], db.ids["port-orig"]
    out = _run(capsys, "show", db.story["port-copy"], "--db", db.path)
    assert "2 articles, 1 independent origin;" in out
    assert f"  {copy} <- {orig}  copy" in out
    shown = json.loads(_run(capsys, "show", db.story["port-copy"], "--db", db.path, "--json"))
    assert shown["independent_origins"] == 1
    assert [(d["source_id"], d["derived_id"]) for d in shown["derivations"]] == [(orig, copy)]
    derived = {a["id"]: a["derived_from"] for a in shown["articles"]}
    assert derived[orig] == [] and [e["article_id"] for e in derived[copy]] == [orig]


def test_show_story_without_links_prints_no_link_section(db, capsys):
    out = _run(capsys, "show", db.story["wheat"], "--db", db.path)
    assert "who copied whom" not in out and "1 independent origin;" in out


# -- rasid show --explain ------------------------------------------------------------------------

def test_explain_one_pair(db, capsys):
    copy, orig = db.ids["port-copy"], db.ids["port-orig"]
    out = _run(capsys, "show", copy, "--db", db.path, "--explain", orig)
    first = out.splitlines()[0]
    assert first.startswith(f"{copy} ~ {orig}: LINKED copy (copy: 100% of the shorter text")
    assert f"direction: source {orig} from published" in out


def test_explain_one_pair_json(db, capsys):
    copy, orig = db.ids["port-copy"], db.ids["port-orig"]
    (rec,) = json.loads(_run(capsys, "show", copy, "--db", db.path, "--explain", "port-orig", "--json"))
    assert (rec["a"], rec["b"], rec["linked"], rec["kind"], rec["source_id"]) == (copy, orig, True, "copy", orig)
    assert rec["containment"] >= 0.95 and rec["languages"] == ["ar", "ar"]


def test_explain_an_unrelated_pair(db, capsys):
    out = _run(capsys, "show", "wheat", "--db", db.path, "--explain", "football")
    assert f"{db.ids['wheat']} ~ {db.ids['football']}: not linked (" in out
    assert "LINKED" not in out


def test_explain_an_article_checks_its_candidates(db, capsys):
    recs = json.loads(_run(capsys, "show", "port-orig", "--db", db.path, "--explain", "--json"))
    assert recs[0]["b"] == db.ids["port-copy"] and recs[0]["linked"]
    assert all(r["a"] == db.ids["port-orig"] for r in recs)
    assert [r["b"] for r in recs if r["linked"]] == [db.ids["port-copy"]]


def test_explain_a_story_checks_every_pair(db, capsys):
    recs = json.loads(_run(capsys, "show", db.story["port-copy"], "--db", db.path, "--explain", "--json"))
    assert len(recs) == 1 and recs[0]["linked"] and recs[0]["kind"] == "copy"
    assert {recs[0]["a"], recs[0]["b"]} == {db.ids["port-copy"], db.ids["port-orig"]}
    lone = _run(capsys, "show", db.story["wheat"], "--db", db.path, "--explain")
    assert lone.strip() == "no candidates: nothing shares enough text or meaning with this article to check"


def test_explain_a_too_large_story_is_a_usage_error(db, capsys, monkeypatch):
    monkeypatch.setattr(commands, "MAX_EXPLAIN_ARTICLES", 1)
    assert main(["show", db.story["port-copy"], "--db", db.path, "--explain"]) == 2
    assert "explain at most 1" in capsys.readouterr().err


def test_explain_unknown_ids_exit_2(db, capsys):
    assert main(["show", "port-copy", "--db", db.path, "--explain", "nosuch"]) == 2
    assert "no article matches 'nosuch'" in capsys.readouterr().err
    assert main(["show", "nosuch", "--db", db.path, "--explain"]) == 2
    assert "no story, article or entity matches 'nosuch'" in capsys.readouterr().err


# -- export --------------------------------------------------------------------------------------

def test_export_json_and_jsonl_carry_derived_from(db, capsys):
    copy, orig = db.ids["port-copy"], db.ids["port-orig"]
    data = json.loads(_run(capsys, "export", "--db", db.path, "--format", "json"))
    by_id = {a["id"]: a for a in data["articles"]}
    (entry,) = by_id[copy]["derived_from"]
    assert {k: entry[k] for k in ("article_id", "kind")} == {"article_id": orig, "kind": "copy"}
    assert isinstance(entry["score"], float) and 0.95 <= entry["score"] <= 1.0
    assert sum(len(a["derived_from"]) for a in data["articles"]) == 1
    lines = [json.loads(x) for x in _run(capsys, "export", "--db", db.path, "--format", "jsonl").splitlines()]
    arts = {r["id"]: r for r in lines if r["record"] == "article"}
    assert arts[copy]["derived_from"] == by_id[copy]["derived_from"]
    rows = list(csv.DictReader(io.StringIO(_run(capsys, "export", "--db", db.path, "--format", "csv"))))
    assert {r["id"] for r in rows} == set(db.ids.values())


def _two(store) -> tuple[Article, Article]:
    a = Article(id="a1", source_id="s1", source="x", line=1, format="jsonl", lang="ar",
                text="نص المقال الأول عن افتتاح الجسر", original="نص المقال الأول عن افتتاح الجسر")
    b = Article(id="b2", source_id="s2", source="x", line=2, format="jsonl", lang="ar",
                text="مقدمة قصيرة. نص المقال الأول عن افتتاح الجسر",
                original="مقدمة قصيرة. نص المقال الأول عن افتتاح الجسر")
    store.write_batch([a, b])
    return a, b


def test_an_undirected_link_is_listed_on_both_articles(store):
    a, b = _two(store)
    store.add_derivations([Derivation("a1", "b2", "rewrite", 0.7, False, (),
                                      ((Span(13, 44), Span(0, 31), 0.93),))])
    buf = io.StringIO()
    export(store, "json", buf)
    by_id = {r["id"]: r for r in json.loads(buf.getvalue())["articles"]}
    on_b, on_a = by_id["b2"]["derived_from"], by_id["a1"]["derived_from"]
    assert [(e["article_id"], e["direction"]) for e in on_b] == [("a1", "unknown")]
    assert [(e["article_id"], e["direction"]) for e in on_a] == [("b2", "unknown")]
    # start/end are offsets in the article the entry is on; source_* in the other one
    (al_b,) = on_b[0]["aligned"]
    (al_a,) = on_a[0]["aligned"]
    assert b.text[al_b["start"]:al_b["end"]] == a.text[al_b["source_start"]:al_b["source_end"]]
    assert (al_a["start"], al_a["end"], al_a["source_start"], al_a["source_end"]) == (0, 31, 13, 44)
    assert a.text[al_a["start"]:al_a["end"]] == b.text[al_a["source_start"]:al_a["source_end"]]


def test_a_directed_link_is_listed_on_the_derived_article_only():
    links = [Derivation("a1", "b2", "copy", 0.99, True, ("published",)),
             Derivation("c3", "b2", "translation", 0.8, True, ("mt-traces",))]
    on_b = derived_from_records("b2", links)
    assert [(e["article_id"], e["kind"], e["score"]) for e in on_b] == [
        ("a1", "copy", 0.99), ("c3", "translation", 0.8)]       # strongest first
    assert on_b[0]["basis"] == ["published"] and on_b[0]["aligned"] == []
    assert derived_from_records("a1", links) == [] and derived_from_records("zz", links) == []
    assert derivation_record(links[1]) == {"source_id": "c3", "derived_id": "b2", "kind": "translation",
                                           "score": 0.8, "direction": "known",
                                           "basis": ["mt-traces"], "aligned_clauses": 0}
