"""Export: the stored cleaned text comes out unchanged, Arabic unescaped, in all three formats."""
from __future__ import annotations

import csv
import io
import json

import pytest

from rasid.errors import UsageError
from rasid.pipeline import ingest
from rasid.serve.export import CSV_COLUMNS, export
from rasid.serve.records import article_record

# A messy .txt: a headline line, doubled spaces, a tab and a paragraph broken mid-sentence,
# so the cleaned text differs from the raw input and the test checks the stored version.
TXT = ("تساقط الثلوج على المرتفعات\n"
       "تساقطت   الثلوج بغزارة على المرتفعات\tالجبلية ليلة أمس،\n"
       "وأغلقت عدة طرق فرعية أمام حركة السير.\n\n"
       "وقالت الأرصاد إن \"الموجة\" ستستمر يومين آخرين.\n")
JSONL = {"id": "e1", "outlet": "صحيفة \"الفجر\"", "published": "2024-01-20",
         "title": "مزاد خيري", "text": "جمع مزاد خيري أمس مبلغ 5,000 دينار لصالح الأيتام.\nشكرا للجميع."}


@pytest.fixture
def filled(tmp_path, store, settings):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "snow.txt").write_text(TXT, encoding="utf-8")
    (folder / "a.jsonl").write_text(json.dumps(JSONL, ensure_ascii=False) + "\n{bad\n",
                                    encoding="utf-8")
    ingest([str(folder)], store, settings)
    return store


def _export(store, fmt: str) -> str:
    buf = io.StringIO()
    export(store, fmt, buf)
    return buf.getvalue()


def test_exported_json_text_equals_the_stored_cleaned_text(filled):
    data = json.loads(_export(filled, "json"))
    stored = {a.id: a for a in filled.iter_articles()}
    assert {a["id"] for a in data["articles"]} == set(stored)
    for rec in data["articles"]:
        a = stored[rec["id"]]
        assert rec["text"] == a.text
        assert rec["headline"] == a.headline
        assert rec["published"] == a.published
    snow = next(a for a in stored.values() if a.format == "txt")
    assert snow.text != TXT, "the cleaner changed the raw text; export shows the cleaned version"
    assert "تساقطت الثلوج بغزارة" in snow.text


def test_json_export_keeps_arabic_unescaped_and_is_valid_json(filled):
    raw = _export(filled, "json")
    assert "\\u06" not in raw
    assert "جمع مزاد خيري" in raw
    assert json.loads(raw)["rejected"][0]["line"] == 2


def test_jsonl_export_tags_records_and_round_trips_text(filled):
    raw = _export(filled, "jsonl")
    assert "\\u06" not in raw
    records = [json.loads(ln) for ln in raw.splitlines()]
    kinds = [r["record"] for r in records]
    assert kinds == ["article", "article", "story", "story", "rejected", "thread", "thread"]
    texts = {r["id"]: r["text"] for r in records if r["record"] == "article"}
    assert texts == {a.id: a.text for a in filled.iter_articles()}


def test_csv_export_has_fixed_columns_and_round_trips_multiline_text(filled):
    rows = list(csv.reader(io.StringIO(_export(filled, "csv"))))
    assert tuple(rows[0]) == CSV_COLUMNS
    by_id = {r[0]: dict(zip(CSV_COLUMNS, r)) for r in rows[1:]}
    for a in filled.iter_articles():
        assert "\n\n" in a.text  # paragraphs survive the CSV quoting
        assert by_id[a.id]["text"] == a.text
    e1 = next(r for r in by_id.values() if r["source_id"] == "e1")
    assert e1["outlet"] == JSONL["outlet"]
    assert e1["published_inferred"] in ("true", "false")


def test_empty_store_exports_empty_sections(store):
    assert json.loads(_export(store, "json")) == {
        "articles": [], "entities": [], "stories": [], "rejected": [], "threads": []}
    assert _export(store, "jsonl") == ""
    assert _export(store, "csv").splitlines() == [",".join(CSV_COLUMNS)]


def test_unknown_format_is_a_usage_error(store):
    with pytest.raises(UsageError, match="unknown export format"):
        export(store, "xml", io.StringIO())


def test_article_record_lists_every_extracted_field_with_offsets_into_text(filled):
    for a in filled.iter_articles():
        rec = article_record(a)
        for key in ("derived_from", "mentions", "quotes", "figures"):
            assert isinstance(rec[key], list)
        for item in rec["mentions"] + rec["quotes"] + rec["figures"]:
            assert rec["text"][item["start"]:item["end"]] == item["text"]
        for f in rec["figures"]:
            assert isinstance(f["value"], (int, float))


def test_article_record_exports_dates_with_offsets_into_text(filled):
    for a in filled.iter_articles():
        rec = article_record(a)
        for d in rec["dates"]:
            assert rec["text"][d["start"]:d["end"]] == d["text"]
            assert set(d) >= {"text", "start", "end", "value", "grain"}
    jsonl = next(a for a in filled.iter_articles() if a.format == "jsonl")
    (yesterday,) = [d for d in article_record(jsonl)["dates"] if d["text"] == "أمس"]
    assert (yesterday["value"], yesterday["grain"]) == ("2024-01-19", "day")
