"""Records <-> rows. Kept apart from SQL so every backend shares one encoding."""
from __future__ import annotations

import json
import zlib
from collections.abc import Iterable

from rasid.model import (Article, DateRef, Derivation, Entity, Figure, Mention, OffsetMap, Quote,
                         Rejection, Removal, Role, Span, Story, TimelineEntry)


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


def date_row(article_id: str, d: DateRef) -> tuple:
    return (article_id, d.span.start, d.span.end, d.text, d.value, d.end, d.grain, d.calendar,
            int(d.relative), json.dumps(list(d.flags)), d.what)


def date_from_row(row) -> DateRef:
    return DateRef(span=Span(row["start"], row["end"]), text=row["text"], value=row["value"],
                   end=row["end_value"], grain=row["grain"], calendar=row["calendar"],
                   relative=bool(row["relative"]), flags=tuple(json.loads(row["flags"])),
                   what=row["what"])


def mention_row(article_id: str, index: int, m: Mention) -> tuple:
    return (article_id, index, m.span.start, m.span.end, m.text, m.type, m.key, m.score, m.role,
            m.same_as, m.entity_id)


def mention_from_row(row) -> Mention:
    return Mention(span=Span(row["start"], row["end"]), text=row["text"], type=row["type"],
                   key=row["key"], score=row["score"], entity_id=row["entity_id"], role=row["role"],
                   same_as=row["same_as"])


def quote_row(article_id: str, index: int, q: Quote) -> tuple:
    sp = q.speaker_span
    return (article_id, index, q.span.start, q.span.end, q.speaker_text, sp.start if sp else None,
            sp.end if sp else None, q.speaker_mention, q.channel, int(q.direct), int(q.anonymous),
            int(q.denial), q.verb)


def quote_from_row(row, text: str) -> Quote:
    sp = Span(row["speaker_start"], row["speaker_end"]) if row["speaker_start"] is not None else None
    return Quote(span=Span(row["start"], row["end"]), text=text[row["start"]:row["end"]],
                 speaker_text=row["speaker_text"], speaker_span=sp,
                 speaker_mention=row["speaker_mention"], channel=row["channel"],
                 direct=bool(row["direct"]), anonymous=bool(row["anonymous"]),
                 denial=bool(row["denial"]), verb=row["verb"])


def figure_row(article_id: str, index: int, f: Figure) -> tuple:
    return (article_id, index, f.span.start, f.span.end, f.value, f.low, f.unit, f.about, f.approx)


def figure_from_row(row, text: str) -> Figure:
    return Figure(span=Span(row["start"], row["end"]), text=text[row["start"]:row["end"]],
                  value=row["value"], low=row["low"], unit=row["unit"], about=row["about"],
                  approx=row["approx"])


def entity_row(e: Entity, mentions: int) -> tuple:
    # No article or story ids: the mentions table says where an entity appears, and a
    # record holding them grew with the archive (a place every article names held every
    # article's id) and was rewritten whole by every ingest that named it.
    data = {"variants": list(e.variants), "aliases": list(e.aliases),
            "roles": [[r.title, r.date, r.article_id] for r in e.roles]}
    return (e.id, e.type, e.name_ar, e.name_latin, mentions, json.dumps(data, ensure_ascii=False))


def entity_from_row(row, article_ids: Iterable[str] = (), story_ids: Iterable[str] = ()) -> Entity:
    """An entity record, with where it appears as the store read it from the mentions (a
    record written by an earlier version still holds lists of its own: they are ignored)."""
    data = json.loads(row["data"])
    return Entity(id=row["id"], type=row["type"], name_ar=row["name_ar"], name_latin=row["name_latin"],
                  variants=tuple(data["variants"]), article_ids=tuple(sorted(article_ids)),
                  story_ids=tuple(sorted(story_ids)), aliases=tuple(data.get("aliases", ())),
                  roles=tuple(Role(t, d, a) for t, d, a in data["roles"]))


def story_data(s: Story) -> str:
    return json.dumps({"outlets": list(s.outlets),
                       "timeline": [{"date": e.date, "grain": e.grain, "what": e.what,
                                     "article_ids": list(e.article_ids)} for e in s.timeline]},
                      ensure_ascii=False)


def article_from_row(row, dates: tuple[DateRef, ...] = (), mentions: tuple[Mention, ...] = (),
                     quotes: tuple[Quote, ...] = (), figures: tuple[Figure, ...] = ()) -> Article:
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
        dates=dates, mentions=mentions, quotes=quotes, figures=figures,
        stages=json.loads(row["stage_versions"]),
    )


def story_from_row(row, article_ids: tuple[str, ...]) -> Story:
    data = json.loads(row["data"])
    return Story(
        id=row["id"], thread_id=row["thread_id"], title=row["title"],
        first_seen=row["first_seen"], last_seen=row["last_seen"], article_ids=article_ids,
        outlets=tuple(data.get("outlets", ())), independent_origins=row["independent_origins"],
        timeline=tuple(TimelineEntry(e["date"], e["grain"], e["what"], tuple(e["article_ids"]))
                       for e in data.get("timeline", ())),
    )


def rejection_from_row(row) -> Rejection:
    return Rejection(source=row["source"], line=row["line"], code=row["code"],
                     reason=row["reason"], size=row["size"], sha256=row["sha256"],
                     sample=bytes(row["sample"]))


def derivation_row(d: Derivation) -> tuple:
    data = {"basis": list(d.basis),
            "aligned": [[x.start, x.end, y.start, y.end, round(s, 3)] for x, y, s in d.aligned]}
    return (d.source_id, d.derived_id, d.kind, d.score, int(d.directed),
            json.dumps(data, ensure_ascii=False))


def derivation_from_row(row, aligned: bool = True) -> Derivation:
    """`aligned=False` skips decoding the aligned clauses (most of a link's bytes) for
    readers that only need who derives from whom."""
    data = json.loads(row["data"])
    return Derivation(row["source_id"], row["derived_id"], row["kind"], row["score"],
                      bool(row["directed"]), tuple(data.get("basis", ())),
                      tuple((Span(a, b), Span(c, d), s) for a, b, c, d, s in data.get("aligned", ()))
                      if aligned else ())
