"""JSON fields -> contract names: aliases, first alias wins, types checked, the rest kept."""
from __future__ import annotations

import pytest

from rasid.config import Settings
from rasid.errors import InputError
from rasid.ingest.fields import map_fields
from rasid.ingest.readers import document_from_fields

SETTINGS = Settings(progress="never")
BODY = "ارتفعت أسعار الخضار في السوق المركزي هذا الأسبوع."


def _doc(obj: dict, source: str = "in.jsonl", line: int | None = 1, fmt: str = "jsonl"):
    return document_from_fields(obj, source, line, fmt, "utf-8", SETTINGS)


def test_contract_names_map_to_themselves():
    obj = {"id": "1", "url": "u", "outlet": "o", "published": "2024-01-02", "title": "t",
           "text": "x", "html": "<p>h</p>", "lang": "ar"}
    known, extra = map_fields(obj)
    assert known == obj
    assert extra == {}


@pytest.mark.parametrize("alias,canonical", [
    ("content", "text"), ("body", "text"), ("source", "outlet"), ("site_name", "outlet"),
    ("link", "url"), ("date", "published"), ("pubDate", "published"), ("headline", "title"),
    ("guid", "id"), ("language", "lang"), ("raw_html", "html"),
])
def test_aliases_map_to_contract_names(alias, canonical):
    known, extra = map_fields({alias: "v"})
    assert known == {canonical: "v"}
    assert extra == {}


def test_first_alias_present_wins_and_later_ones_are_kept_as_extra():
    known, extra = map_fields({"text": "first", "content": "second", "body": "third"})
    assert known == {"text": "first"}
    assert extra == {"content": "second", "body": "third"}


def test_empty_values_do_not_claim_a_field():
    known, extra = map_fields({"text": "", "body": BODY, "title": None})
    assert known == {"text": BODY}
    assert extra == {"text": "", "title": None}


def test_unknown_fields_are_kept_verbatim_as_extra():
    known, extra = map_fields({"text": BODY, "tags": ["a", "b"], "score": 3})
    assert extra == {"tags": ["a", "b"], "score": 3}


def test_id_becomes_source_id_and_caller_id():
    doc = _doc({"id": "ext-77", "text": BODY})
    assert doc.source_id == "ext-77"
    assert doc.caller_id == "ext-77"


def test_numeric_id_and_published_are_accepted_as_text():
    doc = _doc({"id": 42, "published": 2024, "text": BODY})
    assert doc.source_id == "42"
    assert doc.published == "2024"


def test_without_id_source_id_is_file_and_line():
    assert _doc({"text": BODY}, "dir/f.jsonl", 5).source_id == "dir/f.jsonl:5"
    assert _doc({"text": BODY}, "page.html", None).source_id == "page.html"


def test_feed_items_without_id_use_their_url_as_source_id():
    doc = _doc({"url": "https://example.org/n/1", "text": BODY}, "f.xml", 2, "feed")
    assert doc.source_id == "https://example.org/n/1"


@pytest.mark.parametrize("field,value", [("text", 12), ("title", ["a"]), ("url", {"x": 1}),
                                         ("outlet", 3.5), ("id", ["x"])])
def test_field_of_wrong_type_is_a_schema_error(field, value):
    obj = {"text": BODY, field: value}
    with pytest.raises(InputError) as info:
        _doc(obj)
    assert info.value.code == "schema"
    assert repr(field) in info.value.reason


@pytest.mark.parametrize("obj", [{}, {"title": "عنوان فقط"}])
def test_no_text_or_html_is_a_schema_error(obj):
    with pytest.raises(InputError) as info:
        _doc(obj, "in.jsonl", 9)
    assert info.value.code == "schema"
    assert info.value.line == 9


@pytest.mark.parametrize("obj", [{"text": "   \n "}, {"content": ""}, {"html": ""}])
def test_blank_text_field_is_an_empty_article(obj):
    with pytest.raises(InputError) as info:
        _doc(obj, "in.jsonl", 4)
    assert info.value.code == "empty"
    assert info.value.line == 4


def test_html_field_is_extracted_when_text_is_missing():
    html = ("<html><head><title>عنوان الصفحة</title></head><body><article><p>" + BODY +
            " <script>alert(1)</script>وأكد التجار أن الطلب بقي مرتفعا.</p></article></body></html>")
    doc = _doc({"html": html})
    assert "ارتفعت أسعار الخضار" in doc.text
    assert "alert" not in doc.text and "<" not in doc.text


def test_text_longer_than_max_record_chars_is_too_large():
    with pytest.raises(InputError) as info:
        document_from_fields({"text": "ن" * 50}, "in.jsonl", 3, "jsonl", "utf-8",
                             Settings(progress="never", max_record_chars=20))
    assert (info.value.code, info.value.line) == ("too_large", 3)
