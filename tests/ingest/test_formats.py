"""Format detection: the extension decides, the first bytes confirm or override."""
from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from rasid.config import Settings
from rasid.ingest.formats import detect_format, is_gzip, sniff, suffix_of
from rasid.ingest.sources import InputFile, read_file

RSS_HEAD = b'<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel>'
ATOM_HEAD = b'<?xml version="1.0"?>\n<feed xmlns="http://www.w3.org/2005/Atom">'
HTML_HEAD = b"<!doctype html>\n<html><head><title>t</title></head><body>"
JSONL_HEAD = '{"id": "x1", "text": "خبر قصير"}\n'.encode()


@pytest.mark.parametrize("name,fmt", [
    ("a.txt", "txt"), ("a.TXT", "txt"), ("a.md", "txt"),
    ("a.html", "html"), ("a.htm", "html"),
    ("a.jsonl", "jsonl"), ("a.ndjson", "jsonl"), ("a.json", "jsonl"),
    ("a.rss", "feed"), ("a.atom", "feed"), ("a.xml", "feed"),
])
def test_extension_decides_when_content_agrees_or_is_silent(name, fmt):
    assert detect_format(Path(name), "نص عادي بلا وسوم".encode()) == fmt
    head = {"txt": "مجرد نص".encode(), "html": HTML_HEAD, "jsonl": JSONL_HEAD, "feed": RSS_HEAD}[fmt]
    assert detect_format(Path(name), head) == fmt


def test_txt_containing_doctype_html_is_html():
    assert detect_format(Path("story.txt"), HTML_HEAD) == "html"


def test_txt_containing_a_feed_is_feed():
    assert detect_format(Path("story.txt"), RSS_HEAD) == "feed"


def test_xml_rss_is_feed_and_xml_atom_is_feed():
    assert detect_format(Path("news.xml"), RSS_HEAD) == "feed"
    assert detect_format(Path("news.xml"), ATOM_HEAD) == "feed"


def test_xml_holding_an_html_page_is_html():
    assert detect_format(Path("page.xml"), HTML_HEAD) == "html"


def test_unknown_extension_with_json_lines_is_jsonl():
    assert detect_format(Path("dump.data"), JSONL_HEAD) == "jsonl"
    assert detect_format(Path("noext"), b"\xef\xbb\xbf  " + JSONL_HEAD) == "jsonl"


def test_unknown_extension_with_plain_text_is_txt():
    assert detect_format(Path("notes.log"), "كان الجو جميلا اليوم".encode()) == "txt"


def test_unknown_extension_with_rss_is_feed():
    assert detect_format(Path("feed.cgi"), RSS_HEAD) == "feed"


def test_jsonl_gz_suffix_is_seen_through_the_gz():
    path = Path("archive.jsonl.gz")
    assert suffix_of(path) == ".jsonl"
    assert is_gzip(path)
    assert detect_format(path, JSONL_HEAD) == "jsonl"
    assert not is_gzip(Path("archive.jsonl"))


def test_sniff_says_nothing_for_plain_text():
    assert sniff("السلام عليكم".encode()) is None
    assert sniff(b"[{\"text\": \"x\"}]") == "jsonl"


def test_gzipped_jsonl_file_is_read_as_jsonl(tmp_path):
    path = tmp_path / "news.jsonl.gz"
    lines = [{"id": "g1", "text": "وصلت قافلة المساعدات إلى القرية."},
             {"id": "g2", "text": "بدأ العام الدراسي في موعده."}]
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        for obj in lines:
            fh.write(json.dumps(obj, ensure_ascii=False) + "\n")
    items = list(read_file(InputFile(path, str(path), path.stat().st_size), Settings(progress="never")))
    assert [(i.format, i.source_id, i.text, i.line) for i in items] == [
        ("jsonl", "g1", lines[0]["text"], 1), ("jsonl", "g2", lines[1]["text"], 2)]


def test_txt_file_holding_html_is_extracted_not_kept_as_markup(tmp_path):
    path = tmp_path / "saved.txt"
    path.write_text(
        "<!doctype html><html><body><article><p>عاد الصيادون إلى الميناء بعد رحلة طويلة في البحر "
        "استمرت ثلاثة أيام كاملة.</p></article></body></html>", encoding="utf-8")
    [item] = read_file(InputFile(path, "saved.txt", path.stat().st_size), Settings(progress="never"))
    assert item.format == "html"
    assert "<" not in item.text
    assert "عاد الصيادون" in item.text
