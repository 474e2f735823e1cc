"""The REST API over the demo corpus: what each endpoint returns, checked against the store
and against the other endpoints, not just status codes."""
from __future__ import annotations

import re
from collections import Counter

import pytest
from fastapi.testclient import TestClient

from rasid.serve.app import create_app
from rasid.text.tokens import match_text

STORY_KEYS = {"id", "thread_id", "title", "first_seen", "last_seen", "article_ids",
              "independent_origins", "timeline", "summary", "discrepancies"}
ROW_KEYS = {"id", "title", "thread_id", "first_seen", "last_seen", "articles",
            "independent_origins", "outlets"}


def ok(client, path: str, **params):
    r = client.get(path, params=params)
    assert r.status_code == 200, (path, params, r.status_code, r.text[:300])
    assert r.headers["content-type"].startswith("application/json")
    return r.json()


def ids(items) -> list[str]:
    return [x["id"] for x in items]


def tree_edges(nodes, parent=None):
    """(parent id, child node) for every edge of a derivation forest, and every node id."""
    for n in nodes:
        yield parent, n
        yield from tree_edges(n["children"], n["article_id"])


# -- /api/stories --------------------------------------------------------------------

def test_stories_are_newest_first_and_total_is_the_archive_count(client, demo_store, stories):
    page = ok(client, "/api/stories")
    assert page["total"] == demo_store.counts()["stories"] == len(stories)
    assert (page["limit"], page["offset"], page["filters"]) == (20, 0, {})
    assert ids(page["items"]) == ids(stories)[:20]
    keys = [(s["last_seen"], s["first_seen"]) for s in stories]
    assert all(s["last_seen"] for s in stories)
    assert keys == sorted(keys, reverse=True), "last seen (then first seen) must never increase"
    for s in stories:
        assert set(s) == ROW_KEYS
        assert s["first_seen"] <= s["last_seen"]
        assert 1 <= s["independent_origins"] <= s["articles"]


def test_story_rows_agree_with_their_detail(stories, details):
    for s in stories:
        d = details[s["id"]]
        members = d["articles"]
        assert s["articles"] == len(members) == len(d["story"]["article_ids"])
        assert set(s["outlets"]) == {a["outlet"] for a in members if a["outlet"]}
        dated = [a["published"] for a in members if a["published"]]
        assert (s["first_seen"], s["last_seen"]) == (min(dated), max(dated))
        assert s["independent_origins"] == d["story"]["independent_origins"]


def test_pagination_slices_the_full_list(client, stories):
    page = ok(client, "/api/stories", limit=2, offset=2)
    assert ids(page["items"]) == ids(stories)[2:4]
    assert (page["total"], page["limit"], page["offset"]) == (len(stories), 2, 2)
    walked = []
    for offset in range(0, len(stories), 5):
        walked += ids(ok(client, "/api/stories", limit=5, offset=offset)["items"])
    assert walked == ids(stories)
    beyond = ok(client, "/api/stories", offset=len(stories))
    assert beyond["items"] == [] and beyond["total"] == len(stories)


def test_outlet_filter_returns_exactly_the_stories_with_an_article_of_that_outlet(client, stories, details):
    outlets = [o["name"] for o in ok(client, "/api/outlets")["outlets"]]
    assert len(outlets) > 3
    for name in outlets:
        page = ok(client, "/api/stories", outlet=name, limit=100)
        expected = [s["id"] for s in stories
                    if any(a["outlet"] == name for a in details[s["id"]]["articles"])]
        assert expected, name
        assert ids(page["items"]) == expected, name
        assert page["total"] == len(expected) and page["filters"] == {"outlet": name}


@pytest.mark.parametrize("day", ["2025-03-12", "2025-04-07", "2025-05-19"])
def test_since_and_until_filter_by_the_story_span(client, stories, day):
    since = ok(client, "/api/stories", since=day, limit=100)
    until = ok(client, "/api/stories", until=day, limit=100)
    both = ok(client, "/api/stories", since=day, until=day, limit=100)
    want_since = [s["id"] for s in stories if s["last_seen"] >= day]
    want_until = [s["id"] for s in stories if s["first_seen"] <= day]
    assert 0 < len(want_since) < len(stories) and 0 < len(want_until) < len(stories)
    assert ids(since["items"]) == want_since and since["total"] == len(want_since)
    assert ids(until["items"]) == want_until and until["total"] == len(want_until)
    assert ids(both["items"]) == [i for i in want_since if i in want_until]
    assert both["filters"] == {"since": day, "until": day}


def test_entity_filter_returns_the_stories_that_mention_the_entity(client, details, article_of):
    counts = Counter(e["id"] for d in details.values() for t in d["entities"].values() for e in t)
    entity_id, in_stories = counts.most_common(1)[0]
    assert in_stories >= 2
    page = ok(client, "/api/stories", entity=entity_id, limit=100)
    found = ids(page["items"])
    assert set(found) == {sid for sid, d in details.items()
                          if any(e["id"] == entity_id for t in d["entities"].values() for e in t)}
    assert set(found) == set(ok(client, f"/api/entities/{entity_id}")["entity"]["story_ids"])
    for sid in found:
        mentioned = [aid for aid in details[sid]["story"]["article_ids"]
                     if any(m["entity_id"] == entity_id for m in article_of(aid)["mentions"])]
        assert mentioned, f"story {sid} is listed for {entity_id} but none of its articles mentions it"


def test_thread_filter_returns_the_thread_s_stories(client, stories, details):
    threads = Counter(s["thread_id"] for s in stories)
    assert max(threads.values()) >= 2, "the demo has a thread of several stories"
    for thread, n in threads.items():
        page = ok(client, "/api/stories", thread=thread, limit=100)
        assert ids(page["items"]) == [s["id"] for s in stories if s["thread_id"] == thread]
        assert page["total"] == n
    for sid, d in details.items():
        assert d["thread_stories"] == threads[d["story"]["thread_id"]]


def test_filters_combine(client, stories, details):
    thread = Counter(s["thread_id"] for s in stories).most_common(1)[0][0]
    outlet = next(a["outlet"] for s in stories if s["thread_id"] == thread
                  for a in details[s["id"]]["articles"] if a["outlet"])
    page = ok(client, "/api/stories", thread=thread, outlet=outlet, limit=100)
    assert ids(page["items"]) == [s["id"] for s in stories if s["thread_id"] == thread
                                  and any(a["outlet"] == outlet for a in details[s["id"]]["articles"])]


# -- /api/stories/{id} ---------------------------------------------------------------

def test_story_detail_has_the_contract_keys(details):
    for sid, d in details.items():
        s = d["story"]
        assert STORY_KEYS <= set(s), STORY_KEYS - set(s)
        assert s["id"] == sid
        assert [a["id"] for a in d["articles"]] == s["article_ids"]
        assert d["truncated"] is False
        assert set(d["entities"]) == {"PER", "ORG", "LOC"}
        for t in s["timeline"]:
            assert set(t["article_ids"]) <= set(s["article_ids"])


def test_story_found_by_unique_id_prefix(client, stories):
    sid = stories[0]["id"]
    prefix = next(sid[:n] for n in range(4, len(sid))
                  if sum(s["id"].startswith(sid[:n]) for s in stories) == 1)
    assert ok(client, f"/api/stories/{prefix}")["story"]["id"] == sid


def test_summary_sentences_are_verbatim_and_cite_story_members(details, article_of):
    cited = 0
    for sid, d in details.items():
        s = d["story"]
        assert 1 <= len(s["summary"]) <= 4, sid
        members = set(s["article_ids"])
        for item in s["summary"]:
            assert item["article_ids"] and set(item["article_ids"]) <= members
            assert item["article_id"] in item["article_ids"]
            text = article_of(item["article_id"])["text"]
            assert item["sentence"] in text
            assert text[item["start"]:item["end"]] == item["sentence"]
            cited += len(item["article_ids"]) > 1
    assert cited, "some summary sentence is backed by several articles in the demo"


def test_sentences_parameter_bounds_the_summary(client, stories):
    sid = max(stories, key=lambda s: s["articles"])["id"]
    assert len(ok(client, f"/api/stories/{sid}", sentences=1)["story"]["summary"]) == 1
    assert len(ok(client, f"/api/stories/{sid}", sentences=2)["story"]["summary"]) <= 2


def test_derivation_tree_nodes_are_story_articles_and_edges_are_stored_links(details, demo_store):
    stored = {(d.source_id, d.derived_id): d for d in demo_store.derivations()}
    trees = 0
    for sid, d in details.items():
        members = set(d["story"]["article_ids"])
        edges = list(tree_edges(d["derivation_tree"]))
        nodes = [n["article_id"] for _, n in edges]
        assert set(nodes) <= members
        assert len(nodes) == len(set(nodes)), "an article appears once in the tree"
        links = [k for k in stored if k[0] in members and k[1] in members]
        assert d["derivations"] == len(links)
        assert bool(d["derivation_tree"]) == bool(links)
        assert {a for k in links for a in k} == set(nodes)
        for parent, n in edges:
            if parent is None:
                assert n["kind"] is None and n["direction"] is None
                continue
            trees += 1
            link = stored.get((parent, n["article_id"])) or stored.get((n["article_id"], parent))
            assert link is not None, (parent, n["article_id"])
            assert (n["kind"], n["score"]) == (link.kind, link.score)
            assert n["direction"] == ("known" if link.directed else "unknown")
            if link.directed:
                assert (parent, n["article_id"]) == (link.source_id, link.derived_id)
    assert trees >= 5


def test_unknown_direction_link_never_hangs_a_dated_article_under_an_undated_one(details):
    """An undated article is not "the earlier-published" one. In the demo, موقع الشرفة's
    undated Arabic repost is a translation of Levant Monitor's dated English report
    (labels.json: demo-009 <- demo-008), and the store keeps that orientation; the tree
    must not turn it around because None sorts before every date."""
    checked = 0
    for sid, d in details.items():
        for parent, n in tree_edges(d["derivation_tree"]):
            if parent is None or n["direction"] != "unknown":
                continue
            published = {a["id"]: a["published"] for a in d["articles"]}
            checked += 1
            if n["published"]:
                assert published[parent], (
                    f"story {sid}: dated article {n['article_id']} ({n['outlet']}, {n['published']}) "
                    f"is shown as derived from undated {parent}")
    assert checked >= 1


def test_the_sources_list_and_the_tree_name_the_same_source(details):
    """An article's `derived_from` in the story's article list and its parent in the
    derivation tree are shown on one page; they must agree. (In the demo, Crescent Wire's
    translation has two equally scored known sources: the wire and its verbatim copy.)"""
    for sid, d in details.items():
        parent_of = {n["article_id"]: p for p, n in tree_edges(d["derivation_tree"]) if p}
        for a in d["articles"]:
            if a["derived_from"]:
                assert parent_of.get(a["id"]) == a["derived_from"]["article_id"], (
                    f"story {sid}: article {a['id']} ({a['outlet']}) is listed as derived from "
                    f"{a['derived_from']['article_id']} but hangs under {parent_of.get(a['id'])} in the tree")


def test_story_articles_carry_origin_and_known_sources(details, demo_store):
    directed = {(d.source_id, d.derived_id) for d in demo_store.derivations() if d.directed}
    undirected = {frozenset((d.source_id, d.derived_id)) for d in demo_store.derivations()
                  if not d.directed}
    for d in details.values():
        origins = {a["origin"] for a in d["articles"]}
        assert len(origins) == d["story"]["independent_origins"]
        for a in d["articles"]:
            link = a["derived_from"]
            if link and link["direction"] == "known":
                assert (link["article_id"], a["id"]) in directed
            elif link:   # a link of unknown direction is shown, and said to be so
                assert frozenset((link["article_id"], a["id"])) in undirected
            if link:
                assert link["article_id"] in d["story"]["article_ids"]


def test_story_quotes_and_figures_point_into_member_articles(details, article_of):
    quotes = 0
    for d in details.values():
        members = set(d["story"]["article_ids"])
        for q in d["quotes"]:
            quotes += 1
            assert q["article_id"] in members
            assert article_of(q["article_id"])["text"][q["start"]:q["end"]] == q["text"]
        for f in d["figures"]:
            assert f["article_id"] in members
            assert article_of(f["article_id"])["text"][f["start"]:f["end"]] == f["text"]
    assert quotes > 10


# -- /api/articles/{id} --------------------------------------------------------------

def test_article_detail_matches_the_stored_article(client, demo_store, details):
    story = max(details.values(), key=lambda d: d["derivations"])
    for brief in story["articles"]:
        v = ok(client, f"/api/articles/{brief['id']}")
        a = v["article"]
        stored = demo_store.article(brief["id"])
        assert (a["id"], a["text"], a["headline"], a["outlet"], a["published"]) == (
            stored.id, stored.text, stored.headline, stored.outlet, stored.published)
        assert a["story_id"] == story["story"]["id"]
        assert "".join(seg["text"] for seg in v["segments"]) == a["text"]
        for seg in v["segments"]:
            if seg.get("entity_id"):
                assert seg["entity_id"] in v["entities"]
        for m in a["mentions"]:
            assert a["text"][m["start"]:m["end"]] == m["text"]
        if brief["derived_from"]:
            src = brief["derived_from"]["article_id"]
            assert {"article_id": src, "role": "derived"}.items() <= next(
                link for link in v["links"] if link["article_id"] == src).items()
            assert src in [x["article_id"] for x in a["derived_from"]]
    sources = {b["derived_from"]["article_id"] for b in story["articles"] if b["derived_from"]}
    assert sources
    for src in sources:
        roles = {link["role"] for link in ok(client, f"/api/articles/{src}")["links"]}
        assert "source" in roles


def test_article_found_by_source_id_and_by_prefix(client, demo_store):
    a = next(x for x in demo_store.iter_articles() if x.source_id == "demo-002")
    assert ok(client, "/api/articles/demo-002")["article"]["id"] == a.id
    assert ok(client, f"/api/articles/{a.id[:10]}")["article"]["id"] == a.id


# -- /api/entities/{id} --------------------------------------------------------------

def test_entity_detail_lists_variants_roles_and_its_stories(client, details):
    seen = 0
    for sid, d in details.items():
        for typ, entities in d["entities"].items():
            for e in entities[:2]:
                v = ok(client, f"/api/entities/{e['id']}")
                ent = v["entity"]
                seen += 1
                assert ent["id"] == e["id"] and ent["type"] == typ and ent["name_ar"] == e["name_ar"]
                assert ent["variants"], e
                assert sid in ent["story_ids"]
                assert sid in ids(v["stories"])
                assert v["mentions"] == len(ent["article_ids"])
                assert set(ent["article_ids"]) & set(d["story"]["article_ids"])
                keys = [(r["date"] or "", r["title"]) for r in ent["roles"]]
                assert keys == sorted(keys)
    assert seen > 20


def test_entity_roles_carry_the_outlet_of_their_article(client, demo_store):
    person = next(e for e in demo_store.entities("PER") if e.roles)
    v = ok(client, f"/api/entities/{person.id}")
    briefs = demo_store.article_briefs(r["article_id"] for r in v["entity"]["roles"])
    assert v["entity"]["roles"]
    for r in v["entity"]["roles"]:
        assert r["outlet"] == briefs[r["article_id"]]["outlet"]
        assert r["title"]


# -- /api/outlets --------------------------------------------------------------------

def test_outlets_count_articles_most_prolific_first(client, demo_store):
    rows = ok(client, "/api/outlets")["outlets"]
    by_outlet = Counter(a.outlet for a in demo_store.iter_articles() if a.outlet)
    assert {r["name"]: r["articles"] for r in rows} == dict(by_outlet)
    assert [r["articles"] for r in rows] == sorted((r["articles"] for r in rows), reverse=True)
    assert len(rows) == demo_store.counts()["outlets"]
    for r in rows:
        dated = sorted(a.published for a in demo_store.iter_articles()
                       if a.outlet == r["name"] and a.published)
        assert (r["first"], r["last"]) == ((dated[0], dated[-1]) if dated else (None, None))


def test_outlet_detail_copied_from_and_by_follow_the_known_direction_links(client, demo_store):
    outlet_of = {a.id: a.outlet for a in demo_store.iter_articles()}
    links = [d for d in demo_store.derivations() if d.directed]
    across = [d for d in links if outlet_of[d.source_id] and outlet_of[d.derived_id]
              and outlet_of[d.source_id] != outlet_of[d.derived_id]]
    assert across, "the demo has known-direction copies between outlets"
    listed = {r["name"]: r["articles"] for r in ok(client, "/api/outlets")["outlets"]}
    for name, n in listed.items():
        v = ok(client, f"/api/outlets/{name}")
        assert v["outlet"] == name and v["articles"] == n
        want_from = Counter(outlet_of[d.source_id] for d in links
                            if outlet_of[d.derived_id] == name and outlet_of[d.source_id] != name)
        want_by = Counter(outlet_of[d.derived_id] for d in links
                          if outlet_of[d.source_id] == name and outlet_of[d.derived_id] != name)
        assert {r["outlet"]: r["links"] for r in v["copied_from"]} == dict(want_from), name
        assert {r["outlet"]: r["links"] for r in v["copied_by"]} == dict(want_by), name
        assert v["derived"] == len({d.derived_id for d in links if outlet_of[d.derived_id] == name
                                    and outlet_of[d.source_id] != name})
        recent = v["recent"]
        assert all(outlet_of[r["id"]] == name for r in recent)
        dates = [r["published"] for r in recent if r["published"]]
        assert dates == sorted(dates, reverse=True)
    d = across[0]
    src, dst = outlet_of[d.source_id], outlet_of[d.derived_id]
    assert dst in [r["outlet"] for r in ok(client, f"/api/outlets/{src}")["copied_by"]]
    assert src in [r["outlet"] for r in ok(client, f"/api/outlets/{dst}")["copied_from"]]


def test_outlet_whose_name_has_a_slash_can_be_opened(small_db):
    """Outlet names such as «Sky News/عربية» exist; /api/outlets lists the outlet, so
    /api/outlets/{name} must find it (and so must the page /outlets/{name})."""
    with TestClient(create_app(small_db)) as c:
        names = [o["name"] for o in ok(c, "/api/outlets")["outlets"]]
        assert "Sky News/عربية" in names
        r = c.get("/api/outlets/Sky News/عربية")
        assert r.status_code == 200, r.text
        assert r.json()["outlet"] == "Sky News/عربية"
        assert c.get("/outlets/Sky News/عربية").status_code == 200


# -- /api/search ---------------------------------------------------------------------

def hit_ids(client, q: str, **params) -> list[str]:
    return ids(ok(client, "/api/search", q=q, limit=100, **params)["hits"])


@pytest.mark.parametrize("forms", [
    ("إيواء", "ايواء", "أيواء", "آيواء"),          # hamza on/under alef, bare alef, madda
    ("الأولوية", "الاولوية", "الإولوية", "أولوية"),   # the same word, and without the article
    ("الزبيدي", "الزبيدى", "الزبيـــدي"),             # alef maqsura for final ya, tatweel
    ("عمّان", "عمان"),                               # shadda
    ("أحمد", "احمد", "إحمد"),
    ("مسيّرة", "مسيرة", "مسيره"),                     # shadda, ta marbuta as ha
])
def test_text_search_folds_spelling_variants(client, demo_store, forms):
    exact = hit_ids(client, forms[0])
    assert exact, forms[0]
    assert any(forms[0] in demo_store.article(i).text or forms[0] in (demo_store.article(i).headline or "")
               for i in exact)
    for form in forms[1:]:
        assert sorted(hit_ids(client, form)) == sorted(exact), form


@pytest.mark.parametrize("bare, clitic", [("طرقات", "والطرقات"), ("طرقات", "بالطرقات"),
                                          ("جسور", "والجسور"), ("موارد", "للموارد")])
def test_text_search_finds_a_clitic_form_by_the_bare_word(client, demo_store, bare, clitic):
    hits = hit_ids(client, bare)
    only_clitic = [i for i in hits
                   if clitic in demo_store.article(i).text
                   and not re.search(rf"(?<!\w)(ال)?{bare}(?!\w)", demo_store.article(i).text)]
    assert only_clitic, f"{bare} finds no article that writes only {clitic}"
    assert sorted(hit_ids(client, clitic)) == sorted(hits)


def test_search_hint_example_hijra_finds_al_hijra_and_wa_bil_hijra(small_db):
    """The page's own hint: «هجرة» finds «الهجرة» and «وبالهجرة»."""
    with TestClient(create_app(small_db)) as c:
        hits = ok(c, "/api/search", q="هجرة")["hits"]
        assert sorted(h["headline"] for h in hits) == ["تقرير عن السكان", "ندوة عن الهجرة"]


def test_text_search_hits_are_ranked_with_briefs_and_entities(client):
    v = ok(client, "/api/search", q="الزبيدي")
    assert (v["query"], v["mode"]) == ("الزبيدي", "text")
    scores = [h["score"] for h in v["hits"]]
    assert len(scores) >= 5 and scores == sorted(scores, reverse=True)
    for h in v["hits"]:
        assert {"id", "headline", "outlet", "published", "story_id", "score", "snippet"} <= set(h)
        assert h["story_id"]
    assert len(ok(client, "/api/search", q="الزبيدي", limit=2)["hits"]) == 2
    names = [e["name_ar"] for e in ok(client, "/api/search", q="ماجد")["entities"]]
    assert {"ماجد الزبيدي", "ماجد السعدي"} <= set(names)
    assert all(any(w.startswith(match_text("ماجد")) for w in match_text(n).split()) for n in names)


def test_text_search_for_words_in_no_article_finds_nothing(client):
    assert ok(client, "/api/search", q="كلمةغيرموجودةاطلاقا")["hits"] == []
    assert ok(client, "/api/search", q="!!!")["hits"] == []


@pytest.mark.parametrize("query, arabic_word", [
    ("fire at a fuel depot in Basra", "البصرة"),
    ("container terminal deal at Damietta port", "دمياط"),
])
def test_semantic_search_finds_arabic_articles_for_an_english_query(client, query, arabic_word):
    stories_with_word = {h["story_id"] for h in ok(client, "/api/search", q=arabic_word, limit=100)["hits"]}
    v = ok(client, "/api/search", q=query, mode="semantic", limit=5)
    assert v["mode"] == "semantic" and v["entities"] == []
    hits = v["hits"]
    assert len(hits) == 5
    scores = [h["score"] for h in hits]
    assert scores == sorted(scores, reverse=True)
    assert all(-1.0 <= s <= 1.0 for s in scores)
    top = hits[0]
    assert top["story_id"] in stories_with_word
    arabic = [h for h in hits if h["lang"] == "ar" and h["story_id"] in stories_with_word]
    assert arabic, "an Arabic report of the same event ranks among the first hits"


# -- /api/stats, /api/openapi.json ---------------------------------------------------

def test_stats_are_the_store_counts(client, demo_store):
    assert ok(client, "/api/stats") == {"counts": demo_store.counts()}


API_ROUTES = {("get", "/api/stories"), ("get", "/api/stories/{story_id}"),
              ("get", "/api/articles/{article_id}"), ("get", "/api/entities/{entity_id}"),
              ("get", "/api/outlets"), ("get", "/api/outlets/{outlet}"), ("get", "/api/search"),
              ("get", "/api/stats"), ("post", "/api/ingest")}


def test_openapi_schema_lists_every_api_route(client):
    from rasid.serve import api

    schema = ok(client, "/api/openapi.json")
    listed = {(m, p) for p, ops in schema["paths"].items() for m in ops}
    assert listed == API_ROUTES
    declared = {(m.lower(), re.sub(r":\w+}", "}", r.path)) for r in api.router.routes
                for m in r.methods if r.include_in_schema}
    assert declared == API_ROUTES, "a route was added: add it to API_ROUTES and test it"
    for path, ops in schema["paths"].items():
        for op in ops.values():
            assert op.get("summary"), path
    params = {p["name"] for p in schema["paths"]["/api/stories"]["get"]["parameters"]}
    assert params == {"since", "until", "entity", "outlet", "thread", "limit", "offset"}
