"""One reader per input format; each yields RawDocument or Rejection items.

Readers never raise for bad content: one bad JSON line or feed entry becomes a
Rejection naming its file and line, and the rest of the file goes on. They
report bytes consumed through `advance` so long files can drive a progress bar.
"""
from __future__ import annotations

import gzip
import hashlib
import json
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path

from rasid.config import Settings
from rasid.errors import InputError
from rasid.ingest.decode import decode_bytes, declared_encoding, wide_encoding
from rasid.ingest.fields import has_field, map_fields
from rasid.ingest.html import extract_page, html_fragment_text
from rasid.model import RawDocument, Rejection

Item = RawDocument | Rejection
Advance = Callable[[int], None]


def rejection(err: InputError, data: bytes, settings: Settings,
              size: int | None = None, sha256: str | None = None) -> Rejection:
    """A Rejection keeping the item's bytes (capped); `size`/`sha256` describe the whole
    item when only part of it (`data`) was read."""
    return Rejection(
        source=err.source, line=err.line, code=err.code, reason=err.reason,
        size=len(data) if size is None else size,
        sha256=sha256 or hashlib.sha256(data).hexdigest(),
        sample=data[: settings.rejected_sample_bytes],
    )


def _as_text(value: object, name: str, source: str, line: int | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, (int, float)) and name in ("id", "published"):
        return str(value)
    if not isinstance(value, str):
        raise InputError("schema", f"field {name!r} must be a string, not {type(value).__name__}",
                         source, line)
    return value


def document_from_fields(obj: dict, source: str, line: int | None, fmt: str,
                         encoding: str | None, settings: Settings) -> RawDocument:
    """Build a RawDocument from a JSON object (or feed entry) using contract field names."""
    known, extra = map_fields(obj)
    f = {k: _as_text(v, k, source, line) for k, v in known.items()}
    text, html = f.get("text"), f.get("html")
    title, outlet, published, url = f.get("title"), f.get("outlet"), f.get("published"), f.get("url")
    if not (text and text.strip()) and html:
        page = extract_page(html, source, line, url=url)
        text = page.text
        title = title or page.title
        outlet = outlet or page.outlet
        published = published or page.published
        url = url or page.url
    if not (text and text.strip()):
        if has_field(obj, "text") or has_field(obj, "html"):
            raise InputError("empty", "empty article: its text field is blank", source, line)
        raise InputError("schema", "no article text: give a non-empty 'text' or 'html' field",
                         source, line)
    if len(text) > settings.max_record_chars:
        raise InputError("too_large", f"article text has {len(text):,} characters, more than "
                         f"max_record_chars={settings.max_record_chars:,}", source, line)
    caller_id = f.get("id")
    if caller_id:
        source_id = caller_id
    elif fmt == "feed" and url:
        source_id = url
    else:
        source_id = f"{source}:{line}" if line is not None else source
    return RawDocument(
        source=source, line=line, format=fmt, text=text, source_id=source_id,
        title=title, url=url, outlet=outlet, published=published,
        lang=f.get("lang"), encoding=encoding, caller_id=caller_id, extra=extra,
    )


def read_whole(path: Path, settings: Settings) -> bytes:
    size = path.stat().st_size
    opener = gzip.open if path.suffix.lower() == ".gz" else open
    with opener(path, "rb") as fh:
        data = fh.read(settings.max_file_bytes + 1)
    if len(data) > settings.max_file_bytes:
        raise InputError("too_large", f"file is larger than max_file_bytes="
                         f"{settings.max_file_bytes:,} ({size:,} bytes on disk); split it or "
                         f"raise the limit (RASID_MAX_FILE_BYTES)", str(path))
    return data


def read_txt(data: bytes, source: str, settings: Settings) -> Iterator[Item]:
    try:
        text, encoding = decode_bytes(data, source)
        if len(text) > settings.max_record_chars:
            raise InputError("too_large", f"text has {len(text):,} characters, more than "
                             f"max_record_chars={settings.max_record_chars:,}", source)
    except InputError as e:
        yield rejection(e, data, settings)
        return
    yield RawDocument(source=source, line=None, format="txt", text=text, source_id=source,
                      encoding=encoding)


def read_html(data: bytes, source: str, settings: Settings) -> Iterator[Item]:
    try:
        html, encoding = decode_bytes(data, source, declared=declared_encoding(data))
        page = extract_page(html, source)
    except InputError as e:
        yield rejection(e, data, settings)
        return
    yield RawDocument(source=source, line=None, format="html", text=page.text, source_id=source,
                      title=page.title, url=page.url, outlet=page.outlet,
                      published=page.published, lang=page.lang, encoding=encoding)


def read_jsonl(path: Path, source: str, settings: Settings, advance: Advance) -> Iterator[Item]:
    line_limit = settings.max_record_chars * 4  # UTF-8 Arabic is 2 bytes a character, plus JSON
    with open(path, "rb") as raw_fh:
        fh = gzip.GzipFile(fileobj=raw_fh) if path.suffix.lower() == ".gz" else raw_fh
        number = 0
        try:
            head = fh.peek(64)[:64]
            if wide_encoding(head) or head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"["):
                yield from _read_whole_json(fh, source, settings)
                advance(path.stat().st_size)
                return
            last_pos = 0
            for number, (data, size) in enumerate(_lines(fh, line_limit), start=1):
                pos = raw_fh.tell()
                advance(pos - last_pos)
                last_pos = pos
                if size > line_limit:
                    err = InputError("too_large", f"line is {size:,} bytes long, more than the "
                                     f"{line_limit:,}-byte limit (max_record_chars x 4)", source, number)
                    yield rejection(err, data, settings, size=size)
                elif data.strip():  # blank lines carry nothing
                    yield _jsonl_item(data, source, number, settings)
        except (OSError, EOFError, zlib.error) as e:
            # A damaged compressed stream: what was read is kept, the rest is one rejection.
            err = InputError("io", f"damaged or truncated file after line {number}: {e}; "
                             "the lines before it were read", source, number + 1)
            yield rejection(err, b"", settings)


def _lines(fh, limit: int) -> Iterator[tuple[bytes, int]]:
    """(line, full length) pairs; an over-long line is cut to its first `limit` bytes
    and the rest is skipped without being held in memory."""
    while True:
        line = fh.readline(limit + 1)
        if not line:
            return
        size = len(line)
        if size > limit and not line.endswith(b"\n"):
            while True:
                chunk = fh.readline(1 << 20)
                size += len(chunk)
                if not chunk or chunk.endswith(b"\n"):
                    break
            line = line[:limit]
        yield line, size


def _object(item: object, source: str, number: int) -> dict:
    """A JSON line (text) or an already-parsed array item, checked to be an object."""
    obj = item
    if isinstance(item, str):
        try:
            obj = json.loads(item)
        except json.JSONDecodeError as e:
            raise InputError("json", f"invalid JSON: {e.msg} at column {e.colno}",
                             source, number) from e
    if not isinstance(obj, dict):
        raise InputError("schema", f"expected a JSON object, got {type(obj).__name__}",
                         source, number)
    return obj


def _jsonl_item(data: bytes, source: str, number: int, settings: Settings) -> Item:
    try:
        if number == 1 and data.startswith(b"\xef\xbb\xbf"):
            data = data[3:]
        try:
            line_text, encoding = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            line_text, encoding = decode_bytes(data, source, number)
        obj = _object(line_text, source, number)
        return document_from_fields(obj, source, number, "jsonl", encoding, settings)
    except InputError as e:
        return rejection(e, data, settings)


def _read_whole_json(fh, source: str, settings: Settings) -> Iterator[Item]:
    """A JSON array file, or JSON Lines in UTF-16/32 (which cannot be split on bytes)."""
    data = fh.read(settings.max_file_bytes + 1)
    try:
        if len(data) > settings.max_file_bytes:
            raise InputError("too_large", "file is larger than max_file_bytes; write it as "
                             "UTF-8 JSON Lines, which is streamed", source)
        text, encoding = decode_bytes(data, source)
    except InputError as e:
        yield rejection(e, data, settings)
        return
    if text.lstrip().startswith("["):
        try:
            items = json.loads(text)
        except json.JSONDecodeError as e:
            yield rejection(InputError("json", f"invalid JSON: {e.msg} at line {e.lineno} "
                                       f"column {e.colno}", source, e.lineno), data, settings)
            return
        numbered = enumerate(items, start=1)
    else:
        numbered = ((n, line) for n, line in enumerate(text.splitlines(), start=1) if line.strip())
    for number, item in numbered:
        try:
            obj = _object(item, source, number)
            yield document_from_fields(obj, source, number, "jsonl", encoding, settings)
        except InputError as e:
            item_text = item if isinstance(item, str) else json.dumps(item, ensure_ascii=False)
            yield rejection(e, item_text.encode("utf-8"), settings)


def read_feed(data: bytes, source: str, settings: Settings) -> Iterator[Item]:
    import feedparser

    try:
        decode_bytes(data, source)  # empty/binary/undecodable feeds fail here with a clear reason
    except InputError as e:
        yield rejection(e, data, settings)
        return
    parsed = feedparser.parse(data)
    exc = parsed.get("bozo_exception") if parsed.get("bozo") else None
    if isinstance(exc, feedparser.CharacterEncodingOverride):
        exc = None  # a wrong charset declaration that feedparser corrected: not damage
    line = exc.getLineNumber() if exc is not None and hasattr(exc, "getLineNumber") else None
    if not parsed.entries:
        why = f"malformed feed: {exc}" if exc is not None else "feed has no entries"
        yield rejection(InputError("feed", why, source, line), data, settings)
        return
    for number, entry in enumerate(parsed.entries, start=1):
        body = ""
        if entry.get("content"):
            body = entry.content[0].get("value", "")
        body = body or entry.get("summary", "") or entry.get("description", "")
        published = None
        for key in ("published_parsed", "updated_parsed"):
            if entry.get(key):
                t = entry[key]
                published = f"{t.tm_year:04d}-{t.tm_mon:02d}-{t.tm_mday:02d}T{t.tm_hour:02d}:{t.tm_min:02d}:{t.tm_sec:02d}+00:00"
                break
        fields = {
            "id": None, "url": entry.get("link"), "title": entry.get("title"),
            "text": html_fragment_text(body), "published": published,
            "outlet": parsed.feed.get("title"), "lang": parsed.feed.get("language"),
        }
        entry_bytes = json.dumps({k: v for k, v in fields.items() if v}, ensure_ascii=False).encode()
        try:
            yield document_from_fields(fields, source, number, "feed", parsed.get("encoding"), settings)
        except InputError as e:
            if exc is not None:
                # The entry is empty because the XML is damaged: say so, and keep the feed itself.
                e = InputError("feed", f"malformed feed (entry {number} has no text): {exc}",
                               source, line)
                yield rejection(e, data, settings)
            else:
                yield rejection(e, entry_bytes, settings)
