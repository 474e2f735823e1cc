"""Readers: JSON Lines, JSON arrays, HTML pages and RSS/Atom feeds -> raw documents or rejections."""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from rasid.config import Settings
from rasid.ingest.sources import InputFile, read_file
from rasid.model import RawDocument, Rejection

SETTINGS = Settings(progress="never")
T1 = "وصل القطار الجديد إلى المحطة الرئيسية صباح اليوم."
T2 = "أعلنت الجامعة عن منح دراسية للطلاب المتفوقين."
T3 = "شارك مئات العدائين في سباق الماراثون السنوي."


def _items(path: Path, settings: Settings = SETTINGS) -> list:
    return list(read_file(InputFile(path, str(path), path.stat().st_size), settings))


def _jsonl(path: Path, *lines: object) -> Path:
    out = [ln if isinstance(ln, str) else json.dumps(ln, ensure_ascii=False) for ln in lines]
    path.write_text("\n".join(out) + "\n", encoding="utf-8")
    return path


def _assert_kept(rej: Rejection) -> None:
    assert rej.sample, "the rejected bytes are kept"
    assert rej.size >= len(rej.sample) > 0
    assert len(rej.sha256) == 64
    if rej.size == len(rej.sample):
        assert rej.sha256 == hashlib.sha256(rej.sample).hexdigest()


# -- JSON Lines ---------------------------------------------------------------

def test_jsonl_reads_every_contract_field(tmp_path):
    path = _jsonl(tmp_path / "a.jsonl", {
        "id": "ext-1", "url": "https://example.org/n/1", "outlet": "صحيفة الوادي",
        "published": "2024-05-02T08:15:00+03:00", "title": "قطار جديد", "text": T1, "lang": "ar",
        "section": "محليات"})
    [doc] = _items(path)
    assert isinstance(doc, RawDocument)
    assert (doc.source_id, doc.caller_id, doc.url, doc.outlet) == (
        "ext-1", "ext-1", "https://example.org/n/1", "صحيفة الوادي")
    assert (doc.published, doc.title, doc.text, doc.lang) == (
        "2024-05-02T08:15:00+03:00", "قطار جديد", T1, "ar")
    assert (doc.format, doc.line, doc.source) == ("jsonl", 1, str(path))
    assert doc.extra == {"section": "محليات"}


def test_jsonl_aliases_source_content_body(tmp_path):
    path = _jsonl(tmp_path / "a.jsonl", {"id": "1", "source": "وكالة", "content": T1},
                  {"id": "2", "body": T2})
    d1, d2 = _items(path)
    assert (d1.outlet, d1.text) == ("وكالة", T1)
    assert d2.text == T2


def test_jsonl_html_field_is_extracted(tmp_path):
    html = f"<html><body><article><p>{T1} {T2}</p><script>alert(1)</script></article></body></html>"
    [doc] = _items(_jsonl(tmp_path / "a.jsonl", {"id": "h", "html": html}))
    assert T1 in doc.text
    assert "alert" not in doc.text and "<p>" not in doc.text


def test_bad_json_on_line_3_rejects_only_that_line(tmp_path):
    path = _jsonl(tmp_path / "a.jsonl", {"id": "1", "text": T1}, {"id": "2", "text": T2},
                  '{"id": "3", "text": "مقطوع', {"id": "4", "text": T3})
    items = _items(path)
    rejections = [i for i in items if isinstance(i, Rejection)]
    assert [(r.line, r.code, r.source) for r in rejections] == [(3, "json", str(path))]
    assert [d.source_id for d in items if isinstance(d, RawDocument)] == ["1", "2", "4"]
    assert rejections[0].sample.startswith(b'{"id": "3"')
    _assert_kept(rejections[0])


def test_blank_lines_are_skipped_but_still_counted(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps({"text": T1}) + "\n\n   \n" + json.dumps({"text": T2}) + "\n")
    assert [d.line for d in _items(path)] == [1, 4]


@pytest.mark.parametrize("line,needle", [
    ({"id": "x", "title": "عنوان بلا نص"}, "text"),
    (["قائمة", "لا", "كائن"], "list"),
    ({"id": "x", "text": 123}, "text"),
    ({"id": "x", "text": T1, "title": {"ar": "عنوان"}}, "title"),
    ('"just a string"', "str"),
])
def test_schema_problems_are_rejected_with_line_and_reason(tmp_path, line, needle):
    path = _jsonl(tmp_path / "a.jsonl", {"id": "ok", "text": T1}, line)
    ok, rej = _items(path)
    assert ok.source_id == "ok"
    assert isinstance(rej, Rejection)
    assert (rej.code, rej.line) == ("schema", 2)
    assert needle in rej.reason
    _assert_kept(rej)


def test_over_long_line_is_too_large_with_its_line_number(tmp_path):
    settings = Settings(progress="never", max_record_chars=50)
    path = _jsonl(tmp_path / "a.jsonl", {"id": "1", "text": "قصير"},
                  {"id": "2", "text": "ط" * 500}, {"id": "3", "text": "قصير أيضا"})
    items = _items(path, settings)
    assert [type(i).__name__ for i in items] == ["RawDocument", "Rejection", "RawDocument"]
    rej = items[1]
    assert (rej.code, rej.line) == ("too_large", 2)
    _assert_kept(rej)
    assert items[2].source_id == "3", "the line after an over-long one is read normally"


def test_over_long_line_rejection_records_the_real_line_size(tmp_path):
    settings = Settings(progress="never", max_record_chars=50)
    line = json.dumps({"id": "2", "text": "ط" * 500}, ensure_ascii=False) + "\n"
    path = tmp_path / "a.jsonl"
    path.write_bytes(line.encode("utf-8"))
    [rej] = _items(path, settings)
    assert rej.size == len(line.encode("utf-8"))


def test_text_field_over_max_record_chars_is_too_large(tmp_path):
    settings = Settings(progress="never", max_record_chars=30)
    path = _jsonl(tmp_path / "a.jsonl", '{"text": "' + "x" * 40 + '"}')
    [rej] = _items(path, settings)
    assert (rej.code, rej.line) == ("too_large", 1)


def test_jsonl_with_utf8_bom_reads_first_line(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps({"id": "b", "text": T1}).encode() + b"\n")
    [doc] = _items(path)
    assert (doc.source_id, doc.text) == ("b", T1)


def test_json_array_file_yields_one_document_per_object(tmp_path):
    path = tmp_path / "arr.json"
    path.write_text(json.dumps([{"id": "a1", "text": T1}, {"id": "a2", "content": T2}, 7],
                               ensure_ascii=False), encoding="utf-8")
    d1, d2, rej = _items(path)
    assert [(d.source_id, d.text, d.line) for d in (d1, d2)] == [("a1", T1, 1), ("a2", T2, 2)]
    assert (rej.code, rej.line) == ("schema", 3)
    _assert_kept(rej)


def test_broken_json_array_is_one_json_rejection(tmp_path):
    path = tmp_path / "arr.json"
    path.write_text('[{"id": "a1", "text": "نص"},\n{"id": ', encoding="utf-8")
    [rej] = _items(path)
    assert rej.code == "json"
    _assert_kept(rej)


# -- HTML ---------------------------------------------------------------------

PAGE = """<!doctype html><html lang="ar"><head><meta charset="utf-8">
<title>افتتاح حديقة عامة في الحي القديم</title>
<meta property="og:site_name" content="جريدة الحي">
<meta property="article:published_time" content="2024-03-15T09:00:00+00:00">
<script>alert(1)</script></head><body><nav>الرئيسية | رياضة | اقتصاد</nav>
<article><h1>افتتاح حديقة عامة في الحي القديم</h1>
<p>افتتحت البلدية صباح اليوم حديقة عامة جديدة في الحي القديم تضم ملاعب للأطفال وممرات للمشي.</p>
<p>وقال رئيس البلدية إن <b>الحديقة</b> ستبقى <i>مفتوحة</i> كل يوم حتى منتصف الليل طوال الصيف.</p>
<p>وأضاف أن المشروع استغرق عامين بمشاركة متطوعين من سكان الحي.<script>alert(1)</script></p>
</article><footer>جميع الحقوق محفوظة</footer></body></html>"""


def test_html_main_text_title_site_and_date_are_extracted(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    [doc] = _items(path)
    assert doc.format == "html"
    assert "افتتحت البلدية صباح اليوم حديقة عامة" in doc.text
    assert "الحديقة ستبقى مفتوحة كل يوم" in doc.text, "inline markup is flattened into text"
    assert "alert" not in doc.text and "<" not in doc.text and "script" not in doc.text
    assert doc.title == "افتتاح حديقة عامة في الحي القديم"
    assert doc.outlet == "جريدة الحي"
    assert doc.published == "2024-03-15"
    assert doc.encoding == "utf-8"


def test_html_in_cp1256_with_declared_charset_is_decoded(tmp_path):
    path = tmp_path / "old.htm"
    page = PAGE.replace('charset="utf-8"', 'charset="windows-1256"')
    path.write_bytes(page.encode("cp1256"))
    [doc] = _items(path)
    assert doc.encoding == "cp1256"
    assert "افتتحت البلدية صباح اليوم" in doc.text


def test_html_without_main_text_is_an_html_rejection(tmp_path):
    path = tmp_path / "empty.html"
    path.write_text("<html><head><title></title></head><body><div></div></body></html>")
    [rej] = _items(path)
    assert (rej.code, rej.line, rej.source) == ("html", None, str(path))
    _assert_kept(rej)


# -- feeds --------------------------------------------------------------------

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>وكالة الساحل</title><link>https://example.org</link>
<language>ar</language>
<item><title>أمطار غزيرة على الساحل</title><link>https://example.org/n/1</link>
<pubDate>Tue, 05 Mar 2024 10:30:00 GMT</pubDate>
<description>&lt;p&gt;شهدت المدن الساحلية أمطارا غزيرة أمس.&lt;/p&gt;&lt;script&gt;alert(1)&lt;/script&gt;</description></item>
<item><title>افتتاح جسر جديد</title><link>https://example.org/n/2</link>
<pubDate>Wed, 06 Mar 2024 08:00:00 GMT</pubDate><description>افتتحت الحكومة جسرا جديدا فوق النهر.</description></item>
</channel></rss>"""
ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>نشرة المساء</title><id>urn:n</id>
<updated>2024-04-01T12:00:00Z</updated>
<entry><title>مهرجان للكتاب في العاصمة</title><link href="https://example.net/b/1"/><id>urn:b1</id>
<updated>2024-04-01T12:00:00Z</updated><published>2024-04-01T11:00:00Z</published>
<content type="html">&lt;p&gt;انطلق مهرجان الكتاب السنوي بمشاركة عشرات دور النشر.&lt;/p&gt;</content></entry>
</feed>"""


def test_rss_items_become_documents_with_url_title_published(tmp_path):
    path = tmp_path / "news.xml"
    path.write_text(RSS, encoding="utf-8")
    d1, d2 = _items(path)
    assert [d.format for d in (d1, d2)] == ["feed", "feed"]
    assert (d1.url, d1.source_id, d1.title) == (
        "https://example.org/n/1", "https://example.org/n/1", "أمطار غزيرة على الساحل")
    assert d1.published.startswith("2024-03-05T10:30:00")
    assert d1.text == "شهدت المدن الساحلية أمطارا غزيرة أمس."
    assert (d1.outlet, d1.lang, d1.line) == ("وكالة الساحل", "ar", 1)
    assert (d2.url, d2.line, d2.published[:10]) == ("https://example.org/n/2", 2, "2024-03-06")


def test_atom_entries_become_documents(tmp_path):
    path = tmp_path / "n.atom"
    path.write_text(ATOM, encoding="utf-8")
    [doc] = _items(path)
    assert (doc.format, doc.url, doc.title) == ("feed", "https://example.net/b/1", "مهرجان للكتاب في العاصمة")
    assert doc.published.startswith("2024-04-01T11:00:00")
    assert doc.text == "انطلق مهرجان الكتاب السنوي بمشاركة عشرات دور النشر."
    assert doc.outlet == "نشرة المساء"


@pytest.mark.parametrize("content", [
    '<?xml version="1.0"?><rss version="2.0"><channel><title>فارغة</title></channel></rss>',
    '<?xml version="1.0"?><rss version="2.0"><channel><title>مكسورة</ti',
])
def test_feed_with_no_entries_or_broken_xml_is_a_feed_rejection(tmp_path, content):
    path = tmp_path / "bad.rss"
    path.write_text(content, encoding="utf-8")
    [rej] = _items(path)
    assert rej.code == "feed"
    assert rej.sample == content.encode("utf-8")
    _assert_kept(rej)


def test_feed_truncated_inside_an_item_is_a_feed_rejection_keeping_its_bytes(tmp_path):
    path = tmp_path / "cut.rss"
    content = '<rss version="2.0"><channel><item><title>خبر مقطو'
    path.write_text(content, encoding="utf-8")
    [rej] = _items(path)
    assert rej.code == "feed"
    assert rej.sample == content.encode("utf-8")
