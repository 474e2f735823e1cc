"""Which reader a file needs: by its extension, confirmed by sniffing its first bytes."""
from __future__ import annotations

import re
from pathlib import Path

_BY_SUFFIX = {
    ".txt": "txt", ".text": "txt", ".md": "txt",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl",
    ".rss": "feed", ".atom": "feed", ".rdf": "feed", ".xml": "feed",
}
_FEED_RE = re.compile(rb"<(rss|feed|rdf:RDF)[\s>]", re.I)
_HTML_RE = re.compile(rb"<!doctype\s+html|<html[\s>]|<body[\s>]|<article[\s>]|<p[\s>]", re.I)


def suffix_of(path: Path) -> str:
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    return suffixes[-1] if suffixes else ""


def is_gzip(path: Path) -> bool:
    return path.suffix.lower() == ".gz"


def sniff(head: bytes) -> str | None:
    """The format the first bytes suggest, or None when they say nothing."""
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped.startswith((b"{", b"[")):
        return "jsonl"
    if _FEED_RE.search(head[:4096]):
        return "feed"
    if _HTML_RE.search(head[:4096]):
        return "html"
    return None


def detect_format(path: Path, head: bytes) -> str:
    """Extension first, except that a document's own markup overrides a .txt or .xml name."""
    by_suffix = _BY_SUFFIX.get(suffix_of(path))
    sniffed = sniff(head)
    if by_suffix == "feed" and sniffed == "html":
        return "html"
    if by_suffix == "txt" and sniffed in ("html", "feed"):
        return sniffed
    if by_suffix:
        return by_suffix
    return sniffed or "txt"
