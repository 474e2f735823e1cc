"""The read queries behind the web views (rasid.store.browse) on the ingested demo corpus,
checked against what the store's plain accessors say."""
from __future__ import annotations

from collections import Counter

import pytest

from rasid.store.browse import StoryFilter
from rasid.text.tokens import match_text


@pytest.fixture(scope="module")
def articles(demo_store):
    return {a.id: a for a in demo_store.iter_articles()}


@pytest.fixture(scope="module")
def all_stories(demo_store):
    page, total = demo_store.story_page(StoryFilter(), limit=500)
    assert total == len(page) == demo_store.counts()["stories"]
    return page


def test_story_page_orders_newest_first_with_members(demo_store, all_stories, articles):
    keys = [(s.last_seen, s.first_seen) for s in all_stories]
    assert keys == sorted(keys, reverse=True)
    assert [s.id for s in all_stories] == [s.id for s in demo_store.stories()]
    for s in all_stories:
        assert s.article_ids, s.id
        assert all(articles[aid].story_id == s.id for aid in s.article_ids)
        assert s.article_ids == demo_store.story(s.id).article_ids
        dated = [articles[aid].published for aid in s.article_ids if articles[aid].published]
        assert dated == sorted(dated), "members are listed by date"
    assert sum(len(s.article_ids) for s in all_stories) == len(articles)


def test_story_page_limit_and_offset(demo_store, all_stories):
    page, total = demo_store.story_page(StoryFilter(), limit=3, offset=4)
    assert total == len(all_stories)
    assert [s.id for s in page] == [s.id for s in all_stories[4:7]]
    assert demo_store.story_page(StoryFilter(), limit=3, offset=total)[0] == []


def test_story_filter_where_clauses_match_python_filters(demo_store, all_stories, articles):
    outlet = Counter(a.outlet for a in articles.values() if a.outlet).most_common(1)[0][0]
    thread = Counter(s.thread_id for s in all_stories).most_common(1)[0][0]
    entity = Counter(m.entity_id for a in articles.values() for m in a.mentions
                     if m.entity_id).most_common(1)[0][0]
    cases = {
        StoryFilter(since="2025-04-01"): lambda s: s.last_seen >= "2025-04-01",
        StoryFilter(until="2025-04-01"): lambda s: s.first_seen <= "2025-04-01",
        StoryFilter(thread=thread): lambda s: s.thread_id == thread,
        StoryFilter(outlet=outlet): lambda s: any(articles[a].outlet == outlet for a in s.article_ids),
        StoryFilter(entity=entity): lambda s: any(m.entity_id == entity for a in s.article_ids
                                                  for m in articles[a].mentions),
        StoryFilter(since="2025-03-01", until="2025-04-30", outlet=outlet):
            lambda s: s.last_seen >= "2025-03-01" and s.first_seen <= "2025-04-30"
            and any(articles[a].outlet == outlet for a in s.article_ids),
    }
    for flt, keep in cases.items():
        page, total = demo_store.story_page(flt, limit=500)
        want = [s.id for s in all_stories if keep(s)]
        assert want, flt
        assert [s.id for s in page] == want and total == len(want), flt
    assert demo_store.story_page(StoryFilter(outlet="لا يوجد"))[1] == 0
    assert StoryFilter().where() == ("", [])


def test_thread_stories_and_their_count(demo_store, all_stories):
    for thread, n in Counter(s.thread_id for s in all_stories).items():
        assert [s.id for s in demo_store.thread_stories(thread)] == [
            s.id for s in all_stories if s.thread_id == thread]
        assert demo_store.story_of_thread_count(thread) == n
    assert demo_store.story_of_thread_count("t-none") == 0


def test_outlets_with_counts_and_spans(demo_store, articles):
    rows = demo_store.outlets()
    by_outlet: dict[str, list] = {}
    for a in articles.values():
        if a.outlet:
            by_outlet.setdefault(a.outlet, []).append(a.published)
    assert {o.name for o in rows} == set(by_outlet)
    for o in rows:
        dated = sorted(p for p in by_outlet[o.name] if p)
        assert o.articles == len(by_outlet[o.name])
        assert (o.first, o.last) == ((dated[0], dated[-1]) if dated else (None, None))
    assert [(-o.articles, o.name) for o in rows] == sorted((-o.articles, o.name) for o in rows)


def test_outlet_articles_and_daily_counts(demo_store, articles):
    for o in demo_store.outlets():
        mine = [a for a in articles.values() if a.outlet == o.name]
        listed = demo_store.outlet_articles(o.name)
        assert {r["id"] for r in listed} == {a.id for a in mine}
        dates = [r["published"] for r in listed if r["published"]]
        assert dates == sorted(dates, reverse=True)
        assert all(r["story_id"] == articles[r["id"]].story_id for r in listed)
        daily = demo_store.outlet_daily(o.name)
        assert dict(daily) == dict(Counter(a.published for a in mine if a.published))
        assert [d for d, _ in daily] == sorted(d for d, _ in daily)
    assert demo_store.outlet_articles("لا يوجد") == []


def test_outlet_links_are_every_derivation_touching_the_outlet(demo_store, articles):
    links = demo_store.derivations()
    assert links
    for o in demo_store.outlets():
        rows = demo_store.outlet_links(o.name)
        want = {(d.source_id, d.derived_id) for d in links
                if o.name in (articles[d.source_id].outlet, articles[d.derived_id].outlet)}
        assert {(r["source_id"], r["derived_id"]) for r in rows} == want, o.name
        for r in rows:
            assert r["source_outlet"] == articles[r["source_id"]].outlet
            assert r["derived_outlet"] == articles[r["derived_id"]].outlet
            d = next(d for d in links if (d.source_id, d.derived_id) == (r["source_id"], r["derived_id"]))
            assert (r["kind"], r["score"], bool(r["directed"])) == (d.kind, d.score, d.directed)


def test_article_briefs(demo_store, articles):
    ids = list(articles)[:7] + ["a-missing"]
    briefs = demo_store.article_briefs(ids)
    assert set(briefs) == set(ids[:7])
    for aid, b in briefs.items():
        a = articles[aid]
        assert b == {"id": a.id, "headline": a.headline, "outlet": a.outlet, "published": a.published,
                     "lang": a.lang, "story_id": a.story_id, "thread_id": a.thread_id}
    assert demo_store.article_briefs([]) == {}
    assert len(demo_store.article_briefs(list(articles) * 40)) == len(articles)   # > 500 ids: chunked


def test_article_ids_by_seq_round_trips(demo_store, articles):
    seqs = {r[0]: r[1] for r in demo_store.db.execute("SELECT seq, id FROM articles")}
    assert demo_store.article_ids_by_seq(seqs) == seqs
    assert demo_store.article_ids_by_seq([10 ** 9]) == {}


def test_story_entity_counts(demo_store, all_stories, articles):
    for s in all_stories:
        got = demo_store.story_entity_counts(s.article_ids)
        want = Counter(m.entity_id for aid in s.article_ids for m in articles[aid].mentions if m.entity_id)
        assert dict(got) == dict(want), s.id
        assert got == sorted(got, key=lambda kv: (-kv[1], kv[0]))
    assert demo_store.story_entity_counts([]) == []


def test_entity_names_and_search(demo_store):
    entities = demo_store.entities()
    names = demo_store.entity_names([e.id for e in entities[:5]] + ["e-missing"])
    assert set(names) == {e.id for e in entities[:5]}
    for e in entities[:5]:
        assert (names[e.id]["type"], names[e.id]["name_ar"]) == (e.type, e.name_ar)
    for top in entities[:5]:
        query = top.name_ar.split()[0]
        found = demo_store.search_entities(query, 50)
        assert top.id in [f["id"] for f in found], query
        key = match_text(query)
        for f in found:     # a word of the name starts with the query, spelling folded
            words = match_text(f["name_ar"]).split()
            assert any(w.startswith(key.split()[0]) for w in words) or (
                (f["name_latin"] or "").lower().startswith(query.lower())), (query, f)
        mentions = [f["mentions"] for f in found]
        assert mentions == sorted(mentions, reverse=True)
    assert demo_store.search_entities("%") == [] and demo_store.search_entities("  ") == []
