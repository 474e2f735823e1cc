"""`rasid entities`, `rasid show ENTITY` and `rasid train-ner` from the command line."""
from __future__ import annotations

import json

import pytest

from rasid.cli import main

ARTICLES = [
    {"id": "x1", "outlet": "وكالة السهل", "published": "2025-05-19",
     "title": "وزير الخارجية العراقي يستقبل نظيره الأردني",
     "text": "استقبل وزير الخارجية العراقي فؤاد حسين في بغداد يوم الاثنين نظيره الأردني أيمن الصفدي. "
             "وقال حسين إن البلدين يعملان على تعزيز التعاون في مجال الطاقة."},
]


@pytest.fixture
def db(tmp_path, monkeypatch):
    monkeypatch.setenv("RASID_EMBEDDINGS", "false")
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(json.dumps(a, ensure_ascii=False) for a in ARTICLES) + "\n", "utf-8")
    path = str(tmp_path / "t.db")
    assert main(["ingest", str(src), "--db", path, "--quiet"]) == 0
    return path


def test_entities_lists_people_and_places(db, capsys):
    capsys.readouterr()
    assert main(["entities", "--db", db, "--json"]) == 0
    records = json.loads(capsys.readouterr().out)
    names = {r["name_ar"]: r for r in records}
    assert names["فؤاد حسين"]["type"] == "PER"
    assert "حسين" in names["فؤاد حسين"]["variants"]      # the lone surname joined him
    assert names["فؤاد حسين"]["name_latin"] == "Fuad Hussein"       # from the alias file
    assert names["أيمن الصفدي"]["name_latin"]                          # romanized
    assert names["بغداد"]["type"] == "LOC" and names["بغداد"]["name_latin"] == "Baghdad"
    assert main(["entities", "--db", db, "--type", "LOC"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines and all("\tLOC\t" in line for line in lines)


def test_show_entity_by_id_prefix(db, capsys):
    capsys.readouterr()
    main(["entities", "--db", db, "--type", "PER", "--json"])
    eid = json.loads(capsys.readouterr().out)[0]["id"]
    assert main(["show", eid[:8], "--db", db]) == 0
    out = capsys.readouterr().out
    assert "فؤاد حسين" in out and "role: وزير الخارجية العراقي" in out
    assert main(["show", eid, "--db", db, "--json"]) == 0
    rec = json.loads(capsys.readouterr().out)
    assert rec["id"] == eid and {m["text"] for m in rec["mentions"]} == {"فؤاد حسين", "حسين"}


def test_a_second_ingest_joins_known_names_and_resolve_redoes_the_whole_archive(db, tmp_path, capsys, monkeypatch):
    from rasid.resolve.stage import EntityStage

    incremental = []
    original = EntityStage._update
    monkeypatch.setattr(EntityStage, "_update", lambda self, store, changed: incremental.append(changed)
                        or original(self, store, changed))
    later = {"id": "x2", "outlet": "صحيفة الوادي", "published": "2025-05-26",
             "title": "فؤاد حسين في عمّان",
             "text": "وصل وزير الخارجية فؤاد حسين إلى عمّان اليوم الاثنين في زيارة رسمية. "
                     "وأكد حسين أهمية التنسيق بين بغداد وعمّان."}
    src = tmp_path / "later.jsonl"
    src.write_text(json.dumps(later, ensure_ascii=False) + "\n", "utf-8")
    assert main(["ingest", str(src), "--db", db, "--quiet"]) == 0
    assert len(incremental) == 1               # the ingest read only what it changed
    capsys.readouterr()
    main(["entities", "--db", db, "--json"])
    after_ingest = json.loads(capsys.readouterr().out)
    fuad = next(r for r in after_ingest if r["name_ar"] == "فؤاد حسين")
    assert fuad["article_ids"] == sorted(fuad["article_ids"]) and len(fuad["article_ids"]) == 2
    assert main(["resolve", "--db", db]) == 0
    assert "entities in" in capsys.readouterr().out
    main(["entities", "--db", db, "--json"])
    assert json.loads(capsys.readouterr().out) == after_ingest     # the two paths agree


def test_resolve_without_a_database_is_a_usage_error(tmp_path, capsys):
    assert main(["resolve", "--db", str(tmp_path / "none.db")]) == 2
    assert "no database" in capsys.readouterr().err


def test_train_ner_without_data_is_a_usage_error(tmp_path, capsys):
    assert main(["train-ner", "--data", str(tmp_path), "--out", str(tmp_path / "m")]) == 2
    assert "no ANERcorp" in capsys.readouterr().err


def test_train_ner_unlabelled_text_needs_an_output_folder_and_existing_sources(tmp_path, capsys):
    (tmp_path / "anercorp").mkdir()
    (tmp_path / "anercorp" / "train.txt").write_text("", encoding="utf-8")
    news = tmp_path / "news.txt"
    news.write_text("وصل الوفد إلى دمشق.\n", encoding="utf-8")
    # adapting the tagger never overwrites the shipped model
    assert main(["train-ner", "--data", str(tmp_path), "--unlabelled", str(news)]) == 2
    assert "--out DIR" in capsys.readouterr().err
    assert main(["train-ner", "--data", str(tmp_path), "--out", str(tmp_path / "m"),
                 "--unlabelled", str(news), str(tmp_path / "missing.db")]) == 2
    assert "missing.db: no such file" in capsys.readouterr().err
    assert main(["train-ner", "--data", str(tmp_path), "--out", str(tmp_path / "m"),
                 "--unlabelled", str(tmp_path / "anercorp")]) == 2
    assert "a folder: pass the files in it" in capsys.readouterr().err
    assert not (tmp_path / "m").exists()


def test_role_holders_from_the_command_line(db, capsys):
    capsys.readouterr()
    assert main(["entities", "--db", db, "--role", "وزير الخارجية", "--json"]) == 0
    got = json.loads(capsys.readouterr().out)
    assert [(t["name"], t["first"]) for t in got] == [("فؤاد حسين", "2025-05-19")]
    assert main(["entities", "--db", db, "--role", "وزير الخارجية", "--on", "2025-06-01"]) == 0
    assert "فؤاد حسين" in capsys.readouterr().out
    assert main(["entities", "--db", db, "--on", "2025-06-01"]) == 2
    assert main(["entities", "--db", db, "--role", "وزير", "--on", "June"]) == 2


def test_show_story_lists_who_said_what(db, capsys):
    capsys.readouterr()
    main(["stories", "--db", db])
    story_id = capsys.readouterr().out.split("\t")[0]
    assert main(["show", story_id, "--db", db]) == 0
    out = capsys.readouterr().out
    assert "who said what" in out and "حسين" in out and "البلدين يعملان على تعزيز التعاون" in out
    assert main(["show", story_id, "--db", db, "--json"]) == 0
    rec = json.loads(capsys.readouterr().out)
    assert rec["claims"][0]["independent_origins"] == 1 and rec["anonymous_sources"] == 0
