"""What each page and endpoint shows, assembled from the store by library functions.

The REST API returns these dicts as JSON; the web UI renders the same dicts through
templates. Neither adds logic of its own. Everything is plain data (str, int, float,
list, dict), so it serialises as is and templates cannot reach into the store.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

from rasid.errors import NotFound, UsageError
from rasid.link.origins import origin_groups
from rasid.model import Article, Derivation
from rasid.serve import plots
from rasid.serve.records import (article_record, entity_record, figure_record, quote_record,
                                story_record, story_voices)
from rasid.store.browse import StoryFilter

MAX_PAGE = 100
MAX_OFFSET = 10**9   # SQLite takes 64-bit offsets; larger ones are a client's mistake
MAX_STORY_ARTICLES = 300   # a story page reads at most this many articles in full
TYPES = ("PER", "ORG", "LOC")


def _day(value: str | None, name: str) -> str | None:
    from datetime import date

    if not value:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise UsageError(f"{name} wants a day as YYYY-MM-DD, not {value!r}") from None


def story_filter(since=None, until=None, entity=None, outlet=None, thread=None) -> StoryFilter:
    return StoryFilter(_day(since, "since"), _day(until, "until"), entity or None, outlet or None,
                       thread or None)


def _page(limit: int, offset: int) -> tuple[int, int]:
    if not 1 <= limit <= MAX_PAGE:
        raise UsageError(f"limit must be between 1 and {MAX_PAGE}, not {limit}")
    if not 0 <= offset <= MAX_OFFSET:
        raise UsageError(f"offset must be between 0 and {MAX_OFFSET}, not {offset}")
    return limit, offset


def story_row(s) -> dict:
    """A story as a list shows it."""
    return {"id": s.id, "title": s.title, "thread_id": s.thread_id, "first_seen": s.first_seen,
            "last_seen": s.last_seen, "articles": len(s.article_ids),
            "independent_origins": s.independent_origins, "outlets": list(s.outlets)}


def story_list(store, flt: StoryFilter = StoryFilter(), limit: int = 20, offset: int = 0) -> dict:
    limit, offset = _page(limit, offset)
    stories, total = store.story_page(flt, limit, offset)
    return {"total": total, "limit": limit, "offset": offset,
            "filters": {k: v for k, v in zip(("since", "until", "entity", "outlet", "thread"),
                                             (flt.since, flt.until, flt.entity, flt.outlet, flt.thread)) if v},
            "items": [story_row(s) for s in stories]}


def _story_articles(store, story) -> tuple[list[Article], list[Derivation], bool]:
    ids = story.article_ids[:MAX_STORY_ARTICLES]
    articles = store.articles(ids)
    # aligned clauses matter here only for translations (summary citations across languages)
    links = store.derivations_within(ids, aligned_kinds=("translation",))
    return articles, links, len(story.article_ids) > len(ids)


def _earlier(a: Article, b: Article) -> bool:
    """Whether `a` is known to come before `b`: an undated article is never the earlier one."""
    return bool(a.published) and (not b.published or a.published < b.published)


def parents(articles: Sequence[Article], links: Sequence[Derivation]) -> dict[str, tuple[str, Derivation]]:
    """Each derived article's one parent for display: its best-scored known source (ties go to
    a source that is itself an original, then to the earlier one); a link of unknown direction
    hangs under the article known to be earlier, else under the stored source."""
    by_id = {a.id: a for a in articles}
    derived = {d.derived_id for d in links if d.directed}

    def rank(d: Derivation):
        src = by_id[d.source_id]
        return (not d.directed, -d.score, d.source_id in derived, src.published or "9999", d.source_id)

    out: dict[str, tuple[str, Derivation]] = {}
    for d in sorted(links, key=rank):
        parent, child = d.source_id, d.derived_id
        if not d.directed and _earlier(by_id[child], by_id[parent]):
            parent, child = child, parent
        if child in out or child == parent or _ancestor(out, parent, child):
            continue
        out[child] = (parent, d)
    return out


def _ancestor(tree: dict[str, tuple[str, Derivation]], node: str, candidate: str) -> bool:
    """Whether `candidate` is `node` or above it (adding node->candidate would close a loop)."""
    seen = set()
    while node not in seen:
        if node == candidate:
            return True
        seen.add(node)
        if node not in tree:
            return False
        node = tree[node][0]
    return True


def derivation_tree(articles: Sequence[Article], links: Sequence[Derivation]) -> list[dict]:
    """Who copied whom as a forest: each original with what derives from it, recursively."""
    by_id = {a.id: a for a in articles}
    parent_of = parents(articles, links)
    children: dict[str, list[tuple[str, Derivation]]] = {}
    for child, (parent, d) in sorted(parent_of.items(), key=lambda kv: (-kv[1][1].score, kv[0])):
        children.setdefault(parent, []).append((child, d))

    def node(aid: str, via: Derivation | None) -> dict:
        a = by_id[aid]
        return {"article_id": aid, "headline": a.headline, "outlet": a.outlet, "published": a.published,
                "lang": a.lang, "kind": via.kind if via else None,
                "score": via.score if via else None,
                "direction": (("known" if via.directed else "unknown") if via else None),
                "children": [node(c, d) for c, d in children.get(aid, ())]}

    linked = {d.source_id for d in links} | {d.derived_id for d in links}
    return [node(a.id, None) for a in articles if a.id in linked and a.id not in parent_of]


def _entities(store, articles: Sequence[Article]) -> dict[str, list[dict]]:
    counts = store.story_entity_counts([a.id for a in articles])
    names = store.entity_names([eid for eid, _ in counts])
    out: dict[str, list[dict]] = {t: [] for t in TYPES}
    for eid, n in counts:
        e = names.get(eid)
        if e and e["type"] in out:
            out[e["type"]].append({"id": eid, "name_ar": e["name_ar"], "name_latin": e["name_latin"],
                                   "mentions": n})
    return out


def _brief(a: Article) -> dict:
    return {"id": a.id, "headline": a.headline, "outlet": a.outlet, "published": a.published,
            "published_inferred": a.published_inferred, "lang": a.lang, "url": a.url}


def story_view(store, story_id: str, sentences: int = 4, frequencies=None) -> dict:
    """Everything the story page shows; `frequencies` = (df, n) from the archive, if known."""
    from rasid.serve.thread import thread_reports
    from rasid.story.claims import discrepancies, story_claims
    from rasid.story.summary import summarize

    story = store.story(story_id)
    if story is None:
        raise NotFound(f"no story {story_id!r}")
    if not 1 <= sentences <= 20:
        raise UsageError(f"sentences must be between 1 and 20, not {sentences}")
    articles, links, truncated = _story_articles(store, story)
    found = story_claims([a.id for a in articles],
                         *thread_reports(store, story, articles, aligned_kinds=("translation",)))
    df, n = frequencies or (None, 0)
    summary = summarize(articles, links, sentences, df=df, n_docs=n)
    record = story_record(story, story_voices(articles).get(story.id), found,
                          discrepancies(articles, found), summary)
    by_id = {a.id: a for a in articles}
    groups = origin_groups(list(by_id), links, {a.id: a.outlet for a in articles})
    origin_of = {aid: i for i, g in enumerate(groups) for aid in g}
    parent_of = parents(articles, links)   # the same choice the derivation tree shows
    briefs = []
    for a in articles:
        parent, d = parent_of.get(a.id, (None, None))
        briefs.append({**_brief(a), "origin": origin_of.get(a.id),
                       "derived_from": ({"article_id": parent, "kind": d.kind, "score": d.score,
                                         "direction": "known" if d.directed else "unknown"}
                                        if d else None)})
    quotes = [{"article_id": a.id, "outlet": a.outlet, **quote_record(q, a.mentions)}
              for a in articles for q in a.quotes]
    figures = [{"article_id": a.id, "outlet": a.outlet, **figure_record(f)}
               for a in articles for f in a.figures]
    return {
        "story": record,
        "truncated": truncated,
        "articles": briefs,
        "derivation_tree": derivation_tree(articles, links),
        "derivations": len(links),
        "entities": _entities(store, articles),
        "quotes": quotes,
        "figures": figures,
        "thread_stories": store.story_of_thread_count(story.thread_id),
        "plots": {"timeline": plots.daily_bars(a.published for a in articles),
                  "coverage": plots.coverage_grid((a.outlet, a.published) for a in articles)},
    }


def article_view(store, article_id: str) -> dict:
    a = store.find_article(article_id)
    if a is None:
        raise NotFound(f"no article {article_id!r}")
    links = store.derivations([a.id])
    briefs = store.article_briefs({d.other(a.id) for d in links})
    record = article_record(a, links)
    names = store.entity_names({m.entity_id for m in a.mentions if m.entity_id})
    return {
        "article": record,
        "segments": text_segments(a),
        "links": [{"article_id": d.other(a.id), "kind": d.kind, "score": d.score,
                   "role": ("source" if d.source_id == a.id else "derived") if d.directed else "unknown",
                   **{k: briefs.get(d.other(a.id), {}).get(k) for k in ("headline", "outlet", "published")}}
                  for d in links],
        "entities": {eid: v for eid, v in names.items()},
    }


def text_segments(a: Article) -> list[dict]:
    """The article text cut at its mentions, so a template can link names and still escape
    every character of the text: [{"text", "entity_id"?, "type"?}]. Paragraph breaks stay."""
    out, at = [], 0
    for m in sorted(a.mentions, key=lambda m: m.span.start):
        if m.span.start < at:
            continue
        if m.span.start > at:
            out.append({"text": a.text[at:m.span.start]})
        out.append({"text": a.text[m.span.start:m.span.end], "entity_id": m.entity_id, "type": m.type})
        at = m.span.end
    if at < len(a.text):
        out.append({"text": a.text[at:]})
    return out


def entity_view(store, entity_id: str, limit: int = 50) -> dict:
    e = store.entity(entity_id)
    if e is None:
        raise NotFound(f"no entity {entity_id!r}")
    record = entity_record(e)
    stories = store.story_page(StoryFilter(entity=e.id), limit=limit)[0]
    briefs = store.article_briefs({r.article_id for r in e.roles})
    roles = sorted(({"title": r.title, "date": r.date, "article_id": r.article_id,
                     "outlet": briefs.get(r.article_id, {}).get("outlet")} for r in e.roles),
                   key=lambda r: (r["date"] or "", r["title"]))
    return {"entity": {**record, "roles": roles}, "stories": [story_row(s) for s in stories],
            "mentions": len(e.article_ids)}


def outlet_view(store, outlet: str, limit: int = 50) -> dict:
    """What one outlet originated and what it copied, and from whom."""
    days = store.outlet_daily(outlet)
    articles = store.outlet_articles(outlet, limit)
    if not articles:
        raise NotFound(f"no outlet {outlet!r}")
    links = store.outlet_links(outlet)
    copied_from: Counter[str | None] = Counter()   # None: articles without an outlet
    copied_by: Counter[str | None] = Counter()
    derived_ids, source_ids = set(), set()
    for r in links:
        if not r["directed"]:
            continue
        if r["derived_outlet"] == outlet and r["source_outlet"] != outlet:
            copied_from[r["source_outlet"]] += 1
            derived_ids.add(r["derived_id"])
        elif r["source_outlet"] == outlet and r["derived_outlet"] != outlet:
            copied_by[r["derived_outlet"]] += 1
            source_ids.add(r["source_id"])
    total = sum(n for _, n in days)
    undated = sum(1 for a in articles if not a["published"])
    by_kind = Counter(r["kind"] for r in links if r["directed"] and r["derived_outlet"] == outlet
                      and r["source_outlet"] != outlet)
    return {
        "outlet": outlet,
        "articles": total + undated if total else len(articles),
        "derived": len(derived_ids),
        "originated_copied": len(source_ids),
        "derived_by_kind": dict(by_kind),
        "copied_from": [{"outlet": o, "links": n} for o, n in copied_from.most_common()],
        "copied_by": [{"outlet": o, "links": n} for o, n in copied_by.most_common()],
        "recent": articles,
        "first": days[0][0] if days else None, "last": days[-1][0] if days else None,
        "plots": {"daily": plots.daily_bars(d for d, n in days for _ in range(n))},
    }


def outlets_view(store) -> dict:
    return {"outlets": [{"name": o.name, "articles": o.articles, "first": o.first, "last": o.last}
                        for o in store.outlets()]}


def search_view(store, query: str, mode: str = "text", limit: int = 20, embedder=None) -> dict:
    """Articles matching `query`: words (normalized spelling, clitics folded) or meaning
    (multilingual embeddings of headlines and leads), each with its story."""
    limit, _ = _page(limit, 0)
    query = (query or "").strip()
    if mode not in ("text", "semantic"):
        raise UsageError(f"mode must be text or semantic, not {mode!r}")
    if not query:
        return {"query": query, "mode": mode, "hits": [], "entities": []}
    if mode == "text":
        hits = [(h.article_id, h.score, h.snippet) for h in store.search(query, limit)]
    else:
        hits = [(aid, score, None) for aid, score in semantic_search(store, query, limit, embedder)]
    briefs = store.article_briefs([aid for aid, _, _ in hits])
    out = []
    for aid, score, snippet in hits:
        b = briefs.get(aid)
        if b:
            out.append({**b, "score": round(float(score), 4), "snippet": snippet or b["headline"]})
    return {"query": query, "mode": mode, "hits": out,
            "entities": store.search_entities(query, 8) if mode == "text" else []}


def semantic_search(store, query: str, limit: int, embedder=None) -> list[tuple[str, float]]:
    from rasid.link.neighbours import HEADLINE_MODEL, VectorIndex
    from rasid.text.embed import Embedder

    path = store.sidecar(f"ann/{HEADLINE_MODEL}.usearch")
    if path is None or not path.exists():
        return []
    index = _index(str(path), path.stat().st_mtime_ns, VectorIndex)
    vector = (embedder or Embedder())([query])
    found = index.search(vector, limit)[0]
    ids = store.article_ids_by_seq(k for k, _ in found)
    return [(ids[k], sim) for k, sim in found if k in ids]


@lru_cache(maxsize=2)
def _index(path: str, mtime: int, cls):
    """The headline vector index, loaded once per version of its file."""
    return cls(path)


def overview(store) -> dict:
    return {"counts": store.counts()}

