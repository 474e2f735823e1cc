"""Records <-> rows. Kept apart from SQL so every backend shares one encoding."""
from __future__ import annotations

import json
import zlib

from rasid.model import Article, OffsetMap, Rejection, Removal, Span, Story


def _spans(spans) -> list[list[int]]:
    return [[s.start, s.end] for s in spans]


def layout_json(a: Article) -> str:
    return json.dumps({
        "offset_map": [list(r) for r in a.offset_map.runs],
        "paragraphs": _spans(a.paragraphs),
        "subheadings": _spans(a.subheadings),
        "sentences": _spans(a.sentences),
        "removed": [[r.span.start, r.span.end, r.reason] for r in a.removed],
    }, separators=(",", ":"))


def pack_text(text: str) -> bytes:
    """Originals are read rarely (audit, offset mapping): store them compressed."""
    return zlib.compress(text.encode("utf-8"), 1)


def unpack_text(blob: bytes) -> str:
    return zlib.decompress(blob).decode("utf-8")


def article_from_row(row) -> Article:
    layout = json.loads(row["layout"])
    return Article(
        id=row["id"], source_id=row["source_id"], source=row["source"], line=row["line"],
        format=row["format"], text=row["text"], headline=row["headline"], url=row["url"],
        outlet=row["outlet"], published=row["published"], published_at=row["published_at"],
        published_inferred=bool(row["published_inferred"]), lang=row["lang"],
        encoding=row["encoding"], original=unpack_text(row["original"]),
        offset_map=OffsetMap(tuple(tuple(r) for r in layout["offset_map"])),
        paragraphs=tuple(Span(*s) for s in layout["paragraphs"]),
        subheadings=tuple(Span(*s) for s in layout["subheadings"]),
        sentences=tuple(Span(*s) for s in layout["sentences"]),
        removed=tuple(Removal(Span(s, e), why) for s, e, why in layout["removed"]),
        story_id=row["story_id"], thread_id=row["thread_id"], extra=json.loads(row["extra"]),
    )


def story_from_row(row, article_ids: tuple[str, ...]) -> Story:
    data = json.loads(row["data"])
    return Story(
        id=row["id"], thread_id=row["thread_id"], title=row["title"],
        first_seen=row["first_seen"], last_seen=row["last_seen"], article_ids=article_ids,
        outlets=tuple(data.get("outlets", ())), independent_origins=row["independent_origins"],
    )


def rejection_from_row(row) -> Rejection:
    return Rejection(source=row["source"], line=row["line"], code=row["code"],
                     reason=row["reason"], size=row["size"], sha256=row["sha256"],
                     sample=bytes(row["sample"]))
