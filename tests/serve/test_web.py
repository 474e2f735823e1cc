"""The HTML pages: Arabic right to left by default, English by ?lang=en; what the story,
entity and outlet pages show; the API reference page; the SVG plot geometry."""
from __future__ import annotations

from datetime import date, timedelta
from urllib.parse import parse_qs, quote, unquote, urljoin, urlsplit

import lxml.html
import pytest
from fastapi.testclient import TestClient

from rasid.serve import plots
from rasid.serve.i18n import STRINGS, choose, translator


def page(client, path: str, **params):
    r = client.get(path, params=params)
    assert r.status_code == 200, (path, r.status_code, r.text[:300])
    assert r.headers["content-type"].startswith("text/html")
    return lxml.html.fromstring(r.text)


def texts(nodes) -> list[str]:
    return [" ".join(n.text_content().split()) for n in nodes]


def section(doc, sid: str):
    found = doc.xpath(f'//section[@id="{sid}"]')
    assert len(found) == 1, sid
    return found[0]


AR, EN = translator("ar"), translator("en")


# -- language ------------------------------------------------------------------------

@pytest.fixture
def fresh(app):
    """A client with a cookie jar of its own (the language cookie must start empty)."""
    return TestClient(app)


def test_pages_are_arabic_right_to_left_by_default(client, stories):
    for path in ("/", f"/stories/{stories[0]['id']}", "/outlets", "/search", "/api/docs"):
        doc = page(client, path)
        html = doc.xpath("/html")[0]
        assert (html.get("lang"), html.get("dir")) == ("ar", "rtl"), path
        nav = texts(doc.xpath("//header//nav/a"))
        assert nav[:2] == [AR("stories"), AR("outlets")], path
        assert nav[-1] == "English"


def test_lang_en_switches_the_interface_to_english_left_to_right(client, stories):
    doc = page(client, f"/stories/{stories[0]['id']}", lang="en")
    html = doc.xpath("/html")[0]
    assert (html.get("lang"), html.get("dir")) == ("en", "ltr")
    assert texts(doc.xpath("//header//nav/a"))[:2] == ["Stories", "Outlets"]
    assert section(doc, "summary").findtext("h2") == EN("summary") == "Summary"
    assert texts(doc.xpath('//section[@id="sources"]/h2')) == ["Sources"]
    assert doc.xpath('//a[@id="lang-toggle"]/@href')[0].endswith("lang=ar")
    # article text, names and quotes are shown as written: the title stays Arabic
    assert doc.findtext(".//h1") == stories[0]["title"]


def test_the_language_cookie_remembers_the_choice(fresh):
    r = fresh.get("/outlets", params={"lang": "en"})
    assert "rasid_lang=en" in r.headers["set-cookie"]
    doc = page(fresh, "/")                        # no ?lang: the cookie decides
    assert doc.xpath("/html/@lang") == ["en"] and doc.xpath("/html/@dir") == ["ltr"]
    assert doc.findtext(".//main/h1") == "Stories"
    page(fresh, "/", lang="ar")                   # and switching back is remembered too
    assert page(fresh, "/outlets").xpath("/html/@lang") == ["ar"]


def test_an_unknown_language_falls_back_to_arabic_without_a_cookie(fresh):
    r = fresh.get("/", params={"lang": "fr"})
    assert "set-cookie" not in r.headers
    assert lxml.html.fromstring(r.text).xpath("/html/@dir") == ["rtl"]
    assert choose("fr", None) == "ar" and choose(None, "en") == "en" and choose("ar", "en") == "ar"


def test_the_language_switch_keeps_the_other_parameters(client):
    doc = page(client, "/", outlet="وكالة الأفق", limit=3)
    href = urlsplit(doc.xpath('//a[@id="lang-toggle"]/@href')[0])
    assert href.path == "/"
    assert parse_qs(href.query) == {"outlet": ["وكالة الأفق"], "limit": ["3"], "lang": ["en"]}


def test_every_interface_string_has_both_languages():
    for key, (ar, en) in STRINGS.items():
        assert ar.strip() and en.strip(), key
    assert translator("en")("truncated", n=300).startswith("Only the first 300")
    assert translator("ar")("no such key") == "no such key"


# -- story list ----------------------------------------------------------------------

def test_story_list_page_shows_the_first_page_with_a_pager(client, stories):
    doc = page(client, "/", limit=5)
    links = doc.xpath('//ol[@id="story-list"]/li/a[@class="title"]')
    assert [a.get("href") for a in links] == [f"/stories/{s['id']}" for s in stories[:5]]
    assert texts(links) == [" ".join(s["title"].split()) for s in stories[:5]]
    older = doc.xpath('//nav[@class="pager"]/a[@rel="next"]/@href')
    assert older and "offset=5" in older[0] and "limit=5" in older[0]
    assert not doc.xpath('//nav[@class="pager"]/a[@rel="prev"]')
    last = page(client, "/", limit=5, offset=(len(stories) - 1) // 5 * 5)
    assert last.xpath('//nav[@class="pager"]/a[@rel="prev"]')
    assert not last.xpath('//nav[@class="pager"]/a[@rel="next"]')


def test_story_list_filters_echo_and_empty_result_says_so(client):
    doc = page(client, "/", since="2030-01-01")
    assert doc.xpath('//input[@name="since"]/@value') == ["2030-01-01"]
    assert texts(doc.xpath('//p[@class="empty"]')) == [AR("no_stories")]


def test_footer_shows_the_archive_counts(client, demo_store):
    footer = page(client, "/outlets").findtext(".//footer")
    counts = demo_store.counts()
    for key in ("articles", "stories", "outlets", "derivations", "entities"):
        assert str(counts[key]) in footer


# -- story page ----------------------------------------------------------------------

@pytest.fixture(scope="module")
def rich(details):
    """The demo story with the most derivation links (it has a tree and cited summary)."""
    return max(details.values(), key=lambda d: (d["derivations"], len(d["articles"])))


def test_story_page_summary_cites_story_articles_by_their_source_number(client, rich):
    doc = page(client, f"/stories/{rich['story']['id']}")
    members = rich["story"]["article_ids"]
    number = {aid: i + 1 for i, aid in enumerate(a["id"] for a in rich["articles"])}
    items = section(doc, "summary").xpath('.//ol[@class="summary"]/li')
    assert len(items) == len(rich["story"]["summary"])
    for li, item in zip(items, rich["story"]["summary"]):
        assert " ".join(li.xpath("./span")[0].text_content().split()) == " ".join(item["sentence"].split())
        cites = li.xpath('.//a[@class="cite"]')
        assert [a.get("href") for a in cites] == [f"/articles/{aid}" for aid in item["article_ids"]]
        for a in cites:
            aid = a.get("href").rsplit("/", 1)[1]
            assert aid in members
            assert a.text == f"[{number[aid]}]"
    sources = section(doc, "sources").xpath('./ol[@class="sources"]/li/a[1]/@href')
    assert sources == [f"/articles/{a['id']}" for a in rich["articles"]]


def test_story_page_shows_counts_and_the_thread_link(client, rich):
    s = rich["story"]
    doc = page(client, f"/stories/{s['id']}")
    assert doc.xpath('//div[@class="meta"]/span[@class="count origins"]/b/text()') == [str(s["independent_origins"])]
    assert doc.xpath('//div[@class="meta"]/span[@class="count"]/b/text()') == [str(len(s["article_ids"]))]
    assert doc.xpath(f'//div[@class="meta"]/a[@href="/?thread={s["thread_id"]}"]')


def test_story_page_shows_the_derivation_tree(client, rich):
    doc = page(client, f"/stories/{rich['story']['id']}")
    tree = doc.xpath('//div[@id="derivations"]')
    assert len(tree) == 1
    linked = {h.rsplit("/", 1)[1] for h in tree[0].xpath(".//a/@href")}

    def walk(nodes):
        for n in nodes:
            yield n["article_id"]
            yield from walk(n["children"])

    assert linked == set(walk(rich["derivation_tree"]))
    assert linked <= set(rich["story"]["article_ids"])
    kinds = texts(tree[0].xpath('.//span[contains(@class, "kind")]'))
    assert AR("original") in kinds and any(AR("copy") in k or AR("translation") in k for k in kinds)
    assert AR("no_derivations") not in doc.text_content()


def test_story_without_derivations_says_so(client, details):
    plain = next(d for d in details.values() if not d["derivation_tree"] and len(d["articles"]) > 1)
    doc = page(client, f"/stories/{plain['story']['id']}")
    assert not doc.xpath('//div[@id="derivations"]')
    assert AR("no_derivations") in texts(section(doc, "sources").xpath('.//p[@class="empty"]'))
    en = page(client, f"/stories/{plain['story']['id']}", lang="en")
    assert EN("no_derivations") in en.text_content()


def test_story_page_links_its_entities(client, rich):
    doc = page(client, f"/stories/{rich['story']['id']}")
    hrefs = section(doc, "entities").xpath('.//a/@href')
    want = {f"/entities/{e['id']}" for t in rich["entities"].values() for e in t[:15]}
    assert want and set(hrefs) == want
    names = texts(section(doc, "entities").xpath(".//a"))
    assert {e["name_ar"] for t in rich["entities"].values() for e in t[:15]} == set(names)


def test_story_page_quotes_table(client, details):
    d = max(details.values(), key=lambda d: len(d["quotes"]))
    doc = page(client, f"/stories/{d['story']['id']}")
    rows = section(doc, "quotes").xpath(".//table/tbody/tr")
    assert len(rows) == len(d["quotes"]) > 0
    for tr, q in zip(rows, d["quotes"]):
        cells = tr.xpath("./td")
        assert q["speaker_text"] in cells[0].text_content()
        assert " ".join(q["text"].split()) in " ".join(cells[1].text_content().split())
        assert cells[3].xpath(".//a/@href") == [f"/articles/{q['article_id']}"]
        if q["speaker_entity_id"]:
            assert cells[0].xpath(".//a/@href") == [f"/entities/{q['speaker_entity_id']}"]
    assert texts(section(doc, "quotes").xpath('./p[@class="muted"]'))[0].startswith(
        str(d["story"]["anonymous_sources"]))


def test_story_page_shows_discrepancies_when_sources_disagree(client, details):
    d = next(d for d in details.values() if d["story"]["discrepancies"])
    doc = page(client, f"/stories/{d['story']['id']}")
    sec = section(doc, "discrepancies")
    assert sec.get("class") == "alert"
    assert len(sec.xpath("./ul/li")) == len(d["story"]["discrepancies"])
    for href in sec.xpath(".//a/@href"):
        assert href.rsplit("/", 1)[1] in d["story"]["article_ids"]


def test_story_page_draws_the_timeline_and_coverage_plots(client, rich):
    doc = page(client, f"/stories/{rich['story']['id']}")
    svgs = section(doc, "timeline").xpath(".//svg")
    bars = rich["plots"]["timeline"]["bars"]
    assert len(svgs[0].xpath("./rect")) == len(bars) > 0
    assert sum(b["n"] for b in bars) == sum(1 for a in rich["articles"] if a["published"])
    circles = svgs[1].xpath(".//circle")
    assert len(circles) == sum(len(r["dots"]) for r in rich["plots"]["coverage"]["rows"])


# -- article, entity, outlet pages ---------------------------------------------------

def test_article_page_links_mentions_and_the_story(client, rich, article_of):
    aid = rich["articles"][0]["id"]
    doc = page(client, f"/articles/{aid}")
    a = article_of(aid)
    body = doc.xpath('//section[@id="text"]/div[@class="body"]')[0]
    assert body.text_content() == a["text"]
    mentions = body.xpath('./a[starts-with(@class, "mention")]')
    assert mentions
    linked = {m["entity_id"] for m in a["mentions"] if m["entity_id"]}
    assert {m.get("href").rsplit("/", 1)[1] for m in mentions} <= linked
    assert doc.xpath(f'//div[@class="meta"]/a[@href="/stories/{rich["story"]["id"]}"]')
    if a["url"].startswith("https://"):
        assert doc.xpath(f'//div[@class="meta"]/a[@href="{a["url"]}"]/@rel')[0].split() == [
            "noopener", "noreferrer", "nofollow"]


def test_entity_page_lists_variants_roles_and_stories(client, demo_store):
    e = max((e for e in demo_store.entities("PER") if e.roles), key=lambda e: len(e.variants))
    doc = page(client, f"/entities/{e.id}")
    assert doc.findtext(".//h1") == e.name_ar
    assert set(texts(section(doc, "variants").xpath(".//li"))) == set(e.variants) | set(e.aliases)
    rows = section(doc, "roles").xpath(".//tr")
    assert len(rows) == len(e.roles)
    assert {" ".join(r.xpath("./td")[1].text_content().split()) for r in rows} == {r.title for r in e.roles}
    for r in rows:
        assert r.xpath("./td/a/@href")[0].rsplit("/", 1)[1] in e.article_ids
    stories = section(doc, "stories").xpath('.//a[@class="title"]/@href')
    assert {h.rsplit("/", 1)[1] for h in stories} == set(e.story_ids)


def test_entity_without_roles_says_so(client, demo_store):
    e = next(e for e in demo_store.entities("LOC") if not e.roles)
    doc = page(client, f"/entities/{e.id}", lang="en")
    assert texts(section(doc, "roles").xpath('./p[@class="empty"]')) == [EN("no_roles")]


def test_outlets_page_links_every_outlet(client, demo_store):
    doc = page(client, "/outlets")
    rows = doc.xpath('//table[@class="outlets"]//tr')
    assert [r.xpath(".//a")[0].text for r in rows] == [o.name for o in demo_store.outlets()]
    assert [unquote(r.xpath(".//a/@href")[0]) for r in rows] == [
        "/outlets/" + o.name for o in demo_store.outlets()]


def test_outlet_page_shows_who_it_copied_and_who_copied_it(client):
    v = next(v for v in (client.get(f"/api/outlets/{o['name']}").json()
                         for o in client.get("/api/outlets").json()["outlets"])
             if v["copied_by"] and v["copied_from"])
    doc = page(client, f"/outlets/{v['outlet']}")
    assert doc.findtext(".//h1") == v["outlet"]
    got_by = texts(section(doc, "copied-by").xpath(".//li/a"))
    got_from = texts(section(doc, "copied-from").xpath(".//li/a"))
    assert got_by == [r["outlet"] for r in v["copied_by"]]
    assert got_from == [r["outlet"] for r in v["copied_from"]]
    recent = doc.xpath('//section[h2="%s"]//li/a/@href' % AR("recent_articles"))
    assert recent == [f"/articles/{a['id']}" for a in v["recent"]]
    assert len(doc.xpath("//svg[@class='plot']/rect")) == len(v["plots"]["daily"]["bars"])


def test_search_page_lists_hits_and_matching_entities(client):
    doc = page(client, "/search", q="ماجد")
    assert doc.xpath('//input[@id="q"]/@value') == ["ماجد"]
    hits = doc.xpath('//ol[@id="hits"]/li/a[@class="title"]/@href')
    api = client.get("/api/search", params={"q": "ماجد", "limit": 30}).json()
    assert hits == [f"/articles/{h['id']}" for h in api["hits"]]
    chips = doc.xpath('//ul[@class="chips"]//a/@href')
    assert chips == [f"/entities/{e['id']}" for e in api["entities"]]
    none = page(client, "/search", q="كلمةغيرموجودةاطلاقا")
    assert texts(none.xpath('//p[@class="empty"]')) == [AR("no_hits")]
    assert not page(client, "/search").xpath('//ol[@id="hits"]')


def test_every_link_on_the_site_leads_to_a_page(client):
    """Crawl the demo site from the story list: no internal link may end in an error page
    (an article without an outlet, for one, must not link to /outlets/None)."""
    seen, todo, broken = set(), ["/"], []
    while todo:
        path = todo.pop()
        if path in seen:
            continue
        seen.add(path)
        r = client.get(path)
        if r.status_code != 200:
            broken.append((path, r.status_code))
            continue
        if not r.headers["content-type"].startswith("text/html"):
            continue
        for href in lxml.html.fromstring(r.text).xpath("//a/@href | //link/@href"):
            url = urlsplit(urljoin("http://testserver" + path, href))
            if url.netloc != "testserver" or "lang=" in url.query or "offset=" in url.query:
                continue
            target = url.path + ("?" + url.query if url.query else "")
            if target not in seen:
                todo.append(target)
    assert len(seen) > 100
    assert broken == []


# -- /api/docs -----------------------------------------------------------------------

def test_api_docs_page_lists_every_route_from_the_schema(client):
    schema = client.get("/api/openapi.json").json()
    doc = page(client, "/api/docs")
    rows = [tuple(td.text_content().strip() for td in tr.xpath("./td")[:2])
            for tr in doc.xpath('//table[@class="api"]/tbody/tr')]
    assert sorted(rows) == sorted((m.upper(), p) for p, ops in schema["paths"].items() for m in ops)
    assert ("POST", "/api/ingest") in rows and ("GET", "/api/search") in rows
    assert doc.xpath('//a[@href="/api/openapi.json"]')
    assert "since" in doc.text_content() and "YYYY-MM-DD" in doc.text_content()


def test_static_stylesheet_is_served(client):
    r = client.get("/static/rasid.css")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/css")


# -- plots (pure) --------------------------------------------------------------------

def days(first: str, n: int, every: int = 1) -> list[str]:
    d0 = date.fromisoformat(first)
    return [(d0 + timedelta(days=i * every)).isoformat() for i in range(n)]


def test_daily_bars_one_bar_per_day_with_the_count():
    p = plots.daily_bars(["2025-03-01", "2025-03-01", "2025-03-03", None, "2025-03-01"])
    assert (p["first"], p["last"], p["max"], p["step"]) == ("2025-03-01", "2025-03-03", 3, 1)
    assert [(b["day"], b["n"]) for b in p["bars"]] == [("2025-03-01", 3), ("2025-03-03", 1)]
    tall, short = p["bars"]
    assert tall["h"] == plots.HEIGHT - 20 and short["h"] == pytest.approx(tall["h"] / 3, abs=0.01)
    assert tall["y"] + tall["h"] == short["y"] + short["h"] == plots.HEIGHT - 14   # one baseline
    w = plots.WIDTH / 3                                                        # three days span
    assert (tall["x"], short["x"]) == (0, round(2 * w, 2))
    for b in p["bars"]:
        assert 0 <= b["x"] and b["x"] + b["w"] <= plots.WIDTH
        assert 0 <= b["y"] and b["h"] > 0


def test_daily_bars_for_a_single_day_fill_the_width():
    (bar,) = plots.daily_bars(["2025-01-05"])["bars"]
    assert (bar["x"], bar["w"], bar["n"]) == (0, plots.WIDTH - 1, 1)


def test_daily_bars_keep_days_up_to_120_and_weeks_beyond():
    assert plots.daily_bars(days("2025-01-01", 2, every=119))["step"] == 1    # 120 days
    p = plots.daily_bars(days("2025-01-01", 200))                             # 200 days
    assert p["step"] == 7
    assert len(p["bars"]) == (200 + 6) // 7
    assert sum(b["n"] for b in p["bars"]) == 200
    assert [b["n"] for b in p["bars"]] == [7] * 28 + [4]
    assert p["bars"][1]["day"] == "2025-01-08"
    for b in p["bars"]:
        assert b["x"] + b["w"] <= plots.WIDTH


def test_plots_of_nothing_are_empty():
    assert plots.daily_bars([]) == {"bars": [], "first": None, "last": None, "max": 0, "step": 1}
    assert plots.daily_bars([None, ""])["bars"] == []
    assert plots.coverage_grid([])["rows"] == []
    assert plots.coverage_grid([("A", None)]) == {"rows": [], "height": 0, "first": None, "last": None}


def test_coverage_grid_one_row_per_outlet_most_prolific_first():
    items = [("A", "2025-01-01"), ("B", "2025-01-01"), ("A", "2025-01-02"), ("A", "2025-01-02"),
             (None, "2025-01-03"), ("B", None)]
    g = plots.coverage_grid(items)
    assert [r["outlet"] for r in g["rows"]] == ["A", "B", "?"]
    assert (g["first"], g["last"], g["height"]) == ("2025-01-01", "2025-01-03", 3 * 22)
    a = g["rows"][0]
    assert [(d["day"], d["n"]) for d in a["dots"]] == [("2025-01-01", 1), ("2025-01-02", 2)]
    assert a["dots"][1]["r"] > a["dots"][0]["r"]
    assert all(d["cy"] == r["y"] for r in g["rows"] for d in r["dots"])
    xs = [d["cx"] for d in a["dots"]]
    assert xs == sorted(xs) and all(g["label_width"] < x < plots.WIDTH for x in xs)
    assert len({r["y"] for r in g["rows"]}) == 3


def test_coverage_grid_keeps_the_most_prolific_outlets_only():
    items = [(f"o{i}", "2025-01-01") for i in range(20) for _ in range(i + 1)]
    g = plots.coverage_grid(items, max_outlets=5)
    assert [r["outlet"] for r in g["rows"]] == ["o19", "o18", "o17", "o16", "o15"]


def test_coverage_grid_buckets_by_week_beyond_120_days():
    g = plots.coverage_grid([("A", d) for d in days("2025-01-01", 150)])
    assert len(g["rows"][0]["dots"]) == (150 + 6) // 7
    assert sum(d["n"] for d in g["rows"][0]["dots"]) == 150
