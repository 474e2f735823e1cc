"""Records in the exact shapes of ../CONTRACT.md, shared by export, CLI and (later) REST.

Fields a later stage fills (mentions, quotes, figures, derived_from, entities,
discrepancies) are present as empty lists when a stage found nothing, so consumers
can rely on the keys.
"""
from __future__ import annotations

from collections.abc import Iterable

from rasid.model import (Article, DateRef, Derivation, Entity, Figure, Mention, Quote, Rejection,
                         Story, TimelineEntry)
from rasid.story.timeline import merge_timelines


def derived_from_records(article_id: str, derivations: Iterable[Derivation]) -> list[dict]:
    """What `article_id` was derived from: directed links name the source; a link whose
    direction is unknown is listed on both articles with "direction": "unknown"."""
    out = []
    for d in derivations:
        if d.derived_id == article_id or (not d.directed and d.source_id == article_id):
            mine_first = d.derived_id == article_id
            out.append({
                "article_id": d.other(article_id), "kind": d.kind, "score": d.score,
                # additions: whether the source is known, why, and which clauses align
                "direction": "known" if d.directed else "unknown",
                "basis": list(d.basis),
                "aligned": [{"start": (x if mine_first else y).start, "end": (x if mine_first else y).end,
                             "source_start": (y if mine_first else x).start,
                             "source_end": (y if mine_first else x).end, "similarity": sim}
                            for x, y, sim in d.aligned],
            })
    return sorted(out, key=lambda r: (-r["score"], r["article_id"]))


def derivation_record(d: Derivation) -> dict:
    return {"source_id": d.source_id, "derived_id": d.derived_id, "kind": d.kind, "score": d.score,
            "direction": "known" if d.directed else "unknown", "basis": list(d.basis),
            "aligned_clauses": len(d.aligned)}


def article_record(a: Article, derivations: Iterable[Derivation] = ()) -> dict:
    return {
        "id": a.id,
        "source_id": a.source_id,
        "url": a.url,
        "outlet": a.outlet,
        "lang": a.lang,
        "headline": a.headline,
        "published": a.published,
        "published_inferred": a.published_inferred,
        "text": a.text,
        "story_id": a.story_id,
        "thread_id": a.thread_id,
        "derived_from": derived_from_records(a.id, derivations),
        "mentions": [mention_record(m) for m in a.mentions],
        "dates": [date_record(d) for d in a.dates],
        "quotes": [quote_record(q, a.mentions) for q in a.quotes],
        "figures": [figure_record(f) for f in a.figures],
        # Additions beyond the contract (allowed: fields may be added, never removed).
        "published_at": a.published_at,
        "source": a.source,
        "line": a.line,
        "format": a.format,
        "subheadings": [{"start": s.start, "end": s.end, "text": s.of(a.text)} for s in a.subheadings],
    }


def story_record(s: Story, voices: dict | None = None, claims=(), discrepancies=(), summary=()) -> dict:
    voices = voices or {}
    return {
        "id": s.id,
        "thread_id": s.thread_id,
        "title": s.title,
        "first_seen": s.first_seen,
        "last_seen": s.last_seen,
        "article_ids": list(s.article_ids),
        "independent_origins": s.independent_origins,
        "timeline": [timeline_record(e) for e in s.timeline],
        "summary": [summary_record(x) for x in summary],
        "discrepancies": list(discrepancies),
        "outlets": list(s.outlets),
        # additions: who the story quotes, and how many statements come from unnamed sources
        "speakers": voices.get("speakers", []),
        "anonymous_sources": voices.get("anonymous_sources", 0),
        "claims": [claim_record(c) for c in claims],
    }


def summary_record(x) -> dict:
    return {"sentence": x.text, "article_ids": list(x.article_ids),
            # additions: the article and offsets the sentence is taken from
            "article_id": x.article_id, "start": x.span.start, "end": x.span.end}


def claim_record(c) -> dict:
    return {"text": c.text, "speaker": c.speaker_text, "speaker_id": c.speaker, "denial": c.denial,
            "article_ids": c.article_ids, "quotes": len(c.quotes),
            "independent_origins": c.independent_origins}


def mention_record(m: Mention) -> dict:
    return {"text": m.text, "start": m.span.start, "end": m.span.end, "type": m.type,
            "entity_id": m.entity_id,
            # additions: the tagger's confidence, the title written beside the name
            "score": m.score, "role": m.role}


def quote_record(q: Quote, mentions: tuple[Mention, ...] = ()) -> dict:
    speaker = mentions[q.speaker_mention] if q.speaker_mention is not None and q.speaker_mention < len(mentions) else None
    sp = q.speaker_span
    return {"text": q.text, "speaker_entity_id": speaker.entity_id if speaker else q.speaker_entity_id,
            "speaker_text": q.speaker_text, "channel": q.channel, "direct": q.direct,
            # additions: offsets, anonymity, denial, the reporting verb
            "start": q.span.start, "end": q.span.end,
            "speaker_start": sp.start if sp else None, "speaker_end": sp.end if sp else None,
            "anonymous": q.anonymous, "denial": q.denial, "verb": q.verb}


def figure_record(f: Figure) -> dict:
    return {"text": f.text, "value": f.value, "unit": f.unit, "about": f.about,
            # additions: offsets, the approximation word, a range's lower end
            "start": f.span.start, "end": f.span.end, "approx": f.approx, "low": f.low}


def story_voices(articles) -> dict[str, dict]:
    """story id -> its anonymous-source count and the speakers it quotes (most quoted first)."""
    from collections import Counter

    out: dict[str, dict] = {}
    for a in articles:
        if not a.story_id:
            continue
        entry = out.setdefault(a.story_id, {"anonymous": 0, "speakers": Counter()})
        for q in a.quotes:
            if q.anonymous:
                entry["anonymous"] += 1
            else:
                entry["speakers"][q.speaker_text] += 1
    return {sid: {"anonymous_sources": e["anonymous"],
                  "speakers": [s for s, _ in e["speakers"].most_common()]} for sid, e in out.items()}


def entity_record(e: Entity) -> dict:
    from rasid.resolve.resolver import latin_name

    return {"id": e.id, "type": e.type, "name_ar": e.name_ar, "name_latin": latin_name(e),
            "variants": list(e.variants),
            # additions: titles with the date of the article that wrote them, where it appears
            "roles": [{"title": r.title, "date": r.date, "article_id": r.article_id} for r in e.roles],
            "article_ids": list(e.article_ids), "story_ids": list(e.story_ids),
            "aliases": list(e.aliases)}


def date_record(d: DateRef) -> dict:
    return {"text": d.text, "start": d.span.start, "end": d.span.end, "value": d.value,
            "grain": d.grain,
            # additions: range end, the calendar the text used, anchored or not, flags, what it dates
            "end_value": d.end, "calendar": d.calendar, "relative": d.relative,
            "flags": list(d.flags), "what": d.what}


def timeline_record(e: TimelineEntry) -> dict:
    return {"date": e.date, "what": e.what, "article_ids": list(e.article_ids), "grain": e.grain}


def thread_record(thread_id: str, stories: list[Story]) -> dict:
    return {"id": thread_id, "story_ids": [s.id for s in stories],
            "timeline": [timeline_record(e) for e in merge_timelines(s.timeline for s in stories)]}


def rejection_record(r: Rejection) -> dict:
    return {"source": r.source, "line": r.line, "reason": r.reason,
            "code": r.code, "size": r.size, "sha256": r.sha256}
