"""The `rasid` command, run in-process through rasid.cli.main, against CONTRACT.md."""
from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from rasid.cli import main
from rasid.resources import resource_path

RASID_BIN = Path(sys.executable).parent / "rasid"
ARTICLES = [
    {"id": "c1", "url": "https://example.org/c1", "outlet": "صحيفة الغد", "published": "2024-07-01",
     "title": "افتتاح معرض الكتاب", "text": "افتتح معرض الكتاب أبوابه أمس بمشاركة مئة دار نشر."},
    {"id": "c2", "outlet": "وكالة الأنباء", "published": "2024-07-03",
     "title": "إغلاق طريق الجبل", "text": "أغلقت السلطات طريق الجبل بسبب الانهيارات الصخرية."},
    {"id": "c3", "title": "حملة تطعيم", "text": "بدأت وزارة الصحة حملة تطعيم في المدارس الابتدائية."},
]


@pytest.fixture(autouse=True)
def isolated(no_user_settings, monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)


@pytest.fixture
def corpus(tmp_path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "news.jsonl").write_text(
        "".join(json.dumps(a, ensure_ascii=False) + "\n" for a in ARTICLES), encoding="utf-8")
    return folder


@pytest.fixture
def db(tmp_path, corpus, capsys) -> str:
    path = str(tmp_path / "cli.db")
    assert main(["ingest", str(corpus), "--db", path, "--quiet"]) == 0
    capsys.readouterr()
    return path


def _usage_exit(argv: list[str]) -> int:
    with pytest.raises(SystemExit) as info:
        main(argv)
    return info.value.code


def test_ingest_clean_input_exits_0_and_summarises(tmp_path, corpus, capsys):
    path = str(tmp_path / "a.db")
    assert main(["ingest", str(corpus), "--db", path]) == 0
    out, err = capsys.readouterr()
    assert "3 new articles" in out and "0 rejected" in out
    assert "rejected (" not in err
    assert Path(path).is_file()


def test_ingest_quiet_prints_nothing(tmp_path, corpus, capsys):
    assert main(["ingest", str(corpus), "--db", str(tmp_path / "q.db"), "-q"]) == 0
    assert capsys.readouterr() == ("", "")


def test_ingest_with_rejections_exits_1_and_names_file_line_and_reason(tmp_path, corpus, capsys):
    bad = corpus / "bad.jsonl"
    bad.write_text(json.dumps(ARTICLES[0], ensure_ascii=False) + "\n\n{\"id\": \"x\",\n",
                   encoding="utf-8")
    (corpus / "pic.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    assert main(["ingest", str(corpus), "--db", str(tmp_path / "r.db")]) == 1
    err = capsys.readouterr().err
    assert f"{bad}:3: rejected (json): invalid JSON" in err
    assert f"{corpus / 'pic.txt'}: rejected (binary): not text" in err


def test_rejected_inputs_are_kept_in_the_database(tmp_path, corpus, capsys):
    (corpus / "empty.txt").write_bytes(b"")
    db = str(tmp_path / "k.db")
    assert main(["ingest", str(corpus), "--db", db, "-q"]) == 1
    capsys.readouterr()
    assert main(["export", "--db", db, "--format", "json"]) == 0
    rejected = json.loads(capsys.readouterr().out)["rejected"]
    assert [(r["source"], r["line"]) for r in rejected] == [(str(corpus / "empty.txt"), None)]


def test_ingest_missing_path_exits_2(tmp_path, capsys):
    assert main(["ingest", str(tmp_path / "nowhere"), "--db", str(tmp_path / "m.db")]) == 2
    assert "no such file or folder" in capsys.readouterr().err


@pytest.mark.parametrize("argv", [
    ["ingest", "x", "--bogus"], ["stories", "--nope"], ["frobnicate"], [],
    ["export", "--format", "xml"], ["export"], ["ingest"],
])
def test_usage_errors_exit_2(argv, capsys):
    assert _usage_exit(argv) == 2
    assert "usage:" in capsys.readouterr().err


def test_db_url_without_server_store_is_a_usage_error(corpus, capsys):
    assert main(["ingest", str(corpus), "--db", "postgresql://localhost/x"]) == 2
    assert "postgresql" in capsys.readouterr().err


def test_stories_prints_one_line_per_story_newest_first(db, capsys):
    assert main(["stories", "--db", db]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 3
    fields = [ln.split("\t") for ln in lines]
    assert [f[1] for f in fields] == ["2024-07-03", "2024-07-01", "-"]
    assert [f[3] for f in fields] == ["إغلاق طريق الجبل", "افتتاح معرض الكتاب", "حملة تطعيم"]
    assert all(f[0].startswith("s") and f[2] == "1" for f in fields)


def test_stories_json(db, capsys):
    assert main(["stories", "--db", db, "--json"]) == 0
    stories = json.loads(capsys.readouterr().out)
    assert [s["title"] for s in stories] == ["إغلاق طريق الجبل", "افتتاح معرض الكتاب", "حملة تطعيم"]
    assert all(len(s["article_ids"]) == 1 for s in stories)


def test_stories_on_a_missing_db_exits_2_without_creating_it(tmp_path, capsys):
    missing = tmp_path / "none.db"
    assert main(["stories", "--db", str(missing)]) == 2
    assert "no database" in capsys.readouterr().err
    assert not missing.exists()
    assert main(["stories"]) == 2  # the default ./rasid.db
    assert not (tmp_path / "rasid.db").exists()


def test_show_by_id_prints_the_story_and_its_articles(db, capsys):
    main(["stories", "--db", db, "--json"])
    story = json.loads(capsys.readouterr().out)[0]
    assert main(["show", story["id"], "--db", db]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == "إغلاق طريق الجبل"
    assert story["id"] in out and story["article_ids"][0] in out
    assert "أغلقت السلطات طريق الجبل" in out and "وكالة الأنباء" in out


def test_show_prefix_json_includes_articles(db, capsys):
    main(["stories", "--db", db, "--json"])
    story = json.loads(capsys.readouterr().out)[1]
    assert main(["show", story["id"][:8], "--db", db, "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["id"] == story["id"]
    assert [a["id"] for a in shown["articles"]] == story["article_ids"]
    assert shown["articles"][0]["text"] == ARTICLES[0]["text"]
    assert shown["articles"][0]["source_id"] == "c1"


def test_show_unknown_story_exits_2(db, capsys):
    assert main(["show", "nosuch", "--db", db]) == 2
    assert "nosuch" in capsys.readouterr().err


def test_search_finds_articles_by_folded_word(db, capsys):
    assert main(["search", "طريق", "--db", db, "--json"]) == 0
    hits = json.loads(capsys.readouterr().out)
    # the snippet is the body sentence holding the word (the headline is shown beside it)
    assert len(hits) == 1 and hits[0]["snippet"] == "أغلقت السلطات طريق الجبل بسبب الانهيارات الصخرية."


def _check_type(value, kind, where: str) -> None:
    assert isinstance(value, kind) and not (kind is int and isinstance(value, bool)), (where, value)


def test_export_json_matches_the_contract_shape(db, capsys):
    assert main(["export", "--db", db, "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    # the contract's four sections, plus "threads" (an addition: threads and their timelines)
    assert set(data) == {"articles", "entities", "stories", "rejected", "threads"}
    assert len(data["articles"]) == 3 and len(data["stories"]) == 3
    assert data["entities"] == [] and data["rejected"] == []
    opt_str = (str, type(None))
    article_types = {"id": str, "source_id": str, "url": opt_str, "outlet": opt_str, "lang": str,
                     "headline": opt_str, "published": opt_str, "published_inferred": bool,
                     "text": str, "story_id": str, "thread_id": str, "derived_from": list,
                     "mentions": list, "dates": list, "quotes": list, "figures": list}
    for a in data["articles"]:
        assert set(article_types) <= set(a)
        for key, kind in article_types.items():
            _check_type(a[key], kind, f"article.{key}")
    by_source = {a["source_id"]: a for a in data["articles"]}
    assert by_source["c1"]["url"] == "https://example.org/c1"
    assert by_source["c2"]["url"] is None and by_source["c3"]["outlet"] is None
    assert by_source["c1"]["published"] == "2024-07-01" and by_source["c3"]["published"] is None
    story_types = {"id": str, "thread_id": str, "title": str, "first_seen": opt_str,
                   "last_seen": opt_str, "article_ids": list, "independent_origins": int,
                   "timeline": list, "summary": list, "discrepancies": list}
    ids = set(by_source[k]["id"] for k in by_source)
    for s in data["stories"]:
        assert set(story_types) <= set(s)
        for key, kind in story_types.items():
            _check_type(s[key], kind, f"story.{key}")
        assert set(s["article_ids"]) <= ids
    assert {a["story_id"] for a in data["articles"]} == {s["id"] for s in data["stories"]}


def test_export_json_rejected_shape(tmp_path, corpus, capsys):
    (corpus / "bad.jsonl").write_text("{oops\n", encoding="utf-8")
    (corpus / "blank.txt").write_text("   ", encoding="utf-8")
    db = str(tmp_path / "rj.db")
    main(["ingest", str(corpus), "--db", db, "-q"])
    capsys.readouterr()
    main(["export", "--db", db, "--format", "json"])
    rejected = json.loads(capsys.readouterr().out)["rejected"]
    assert len(rejected) == 2
    for r in rejected:
        _check_type(r["source"], str, "rejected.source")
        _check_type(r["reason"], str, "rejected.reason")
        assert r["line"] is None or isinstance(r["line"], int)
    assert sorted((Path(r["source"]).name, r["line"]) for r in rejected) == [
        ("bad.jsonl", 1), ("blank.txt", None)]


def test_export_jsonl_to_a_file(db, tmp_path, capsys):
    out = tmp_path / "dump.jsonl"
    assert main(["export", "--db", db, "--format", "jsonl", "--out", str(out)]) == 0
    assert capsys.readouterr().out == ""
    records = [json.loads(ln) for ln in out.read_text(encoding="utf-8").splitlines()]
    assert [r["record"] for r in records] == ["article"] * 3 + ["story"] * 3 + ["thread"] * 3
    assert "افتتاح معرض الكتاب" in out.read_text(encoding="utf-8")


def test_export_csv_to_a_file(db, tmp_path):
    out = tmp_path / "dump.csv"
    assert main(["export", "--db", db, "--format", "csv", "--out", str(out)]) == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert len(rows) == 3
    by_id = {r["source_id"]: r for r in rows}
    assert by_id["c2"]["text"] == ARTICLES[1]["text"]
    assert by_id["c2"]["published_inferred"] == "false"
    assert by_id["c2"]["url"] == ""


def test_export_on_missing_db_exits_2(tmp_path, capsys):
    assert main(["export", "--db", str(tmp_path / "x.db"), "--format", "json"]) == 2
    assert not (tmp_path / "x.db").exists()


def test_keyboard_interrupt_exits_130_with_advice(monkeypatch, corpus, tmp_path, capsys):
    import rasid.cli.commands as commands

    def interrupted(*a, **k):
        raise KeyboardInterrupt
    monkeypatch.setattr(commands, "ingest", interrupted)
    assert main(["ingest", str(corpus), "--db", str(tmp_path / "i.db")]) == 130
    assert "run the same command again" in capsys.readouterr().err


@pytest.mark.skipif(not resource_path("demo/corpus").is_dir(), reason="no bundled demo corpus")
def test_demo_ingests_the_bundled_corpus_cleanly_and_idempotently(tmp_path, capsys):
    from rasid.store.sqlite import SQLiteStore
    db = tmp_path / "demo.db"
    assert main(["demo", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert "0 rejected" in out and "newest stories:" in out
    with SQLiteStore(db) as store:
        counts = store.counts()
    assert 0 < counts["stories"] <= counts["articles"]
    assert main(["demo", "--db", str(db)]) == 0
    assert " 0 new articles" in capsys.readouterr().out


def test_installed_entry_point_runs_ingest_and_export(tmp_path, corpus):
    assert RASID_BIN.is_file(), f"{RASID_BIN} is not installed"
    env = {k: v for k, v in os.environ.items() if not k.startswith("RASID_")}
    env["RASID_CONFIG"] = str(tmp_path / "absent.toml")
    db = str(tmp_path / "sub.db")
    (corpus / "bad.jsonl").write_text("[1, 2\n", encoding="utf-8")
    run = subprocess.run([str(RASID_BIN), "ingest", str(corpus), "--db", db],
                         capture_output=True, text=True, env=env, timeout=120)
    assert run.returncode == 1, run.stderr
    assert f"{corpus / 'bad.jsonl'}" in run.stderr and "rejected" in run.stderr
    assert "3 new articles" in run.stdout
    run = subprocess.run([str(RASID_BIN), "export", "--db", db, "--format", "json"],
                         capture_output=True, text=True, env=env, timeout=120)
    assert run.returncode == 0, run.stderr
    assert len(json.loads(run.stdout)["articles"]) == 3
    assert "افتتح معرض الكتاب" in run.stdout
    run = subprocess.run([str(RASID_BIN), "show", "nosuch", "--db", db],
                         capture_output=True, text=True, env=env, timeout=120)
    assert run.returncode == 2
