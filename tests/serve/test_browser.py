"""The web UI in a real browser: Debian's Chromium driven by Playwright.

`.ci/run` installs chromium and sets RASID_REQUIRE_BROWSER=1, so in CI a missing browser
fails instead of skipping. With RASID_SCREENSHOTS=DIR the walk also saves the README's
screenshots there (`make screenshots`).
"""
from __future__ import annotations

import os
import re
import shutil
import socket
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# read at import: fixtures that isolate tests from RASID_* settings must not hide these
REQUIRE_BROWSER = os.environ.get("RASID_REQUIRE_BROWSER") == "1"
SCREENSHOTS = os.environ.get("RASID_SCREENSHOTS")
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
               "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def _need_browser():
    reason = None
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        reason = "playwright is not installed (pip install -e '.[test]')"
    if reason is None and not Path(CHROMIUM).exists():
        reason = "Debian's chromium is not installed (apt-get install chromium); .ci/run installs it"
    if reason:
        if REQUIRE_BROWSER:
            pytest.fail(reason)
        pytest.skip(reason)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass(frozen=True)
class Served:
    url: str
    db: str


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    _need_browser()
    import uvicorn

    from rasid.pipeline import ingest
    from rasid.resources import resource_path
    from rasid.serve.app import create_app
    from rasid.store import open_store
    from rasid.config import Settings

    db = str(tmp_path_factory.mktemp("browser") / "demo.db")
    store = open_store(db)
    ingest([str(resource_path("demo/corpus"))], store, Settings(progress="never"))
    store.close()
    port = _free_port()
    srv = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port,
                                        log_level="warning", access_log=False))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.time() + 20
    while not srv.started and time.time() < deadline:
        time.sleep(0.05)
    assert srv.started, "the test server did not start"
    yield Served(f"http://127.0.0.1:{port}", db)
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def page(server):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        context = browser.new_context(viewport={"width": 1200, "height": 900}, locale="ar")
        pg = context.new_page()
        errors: list[str] = []
        pg.on("pageerror", lambda e: errors.append(str(e)))
        pg.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        pg.errors = errors
        yield pg
        browser.close()


def _shot(page, name: str) -> None:
    if SCREENSHOTS:
        Path(SCREENSHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(SCREENSHOTS) / f"{name}.png"), full_page=name != "story")


def test_walk_through_the_ui(server, page):
    # the story list: Arabic, right to left, newest first, with article and origin counts
    page.goto(server.url + "/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator("html").get_attribute("lang") == "ar"
    rows = page.locator("#story-list > li")
    assert rows.count() >= 7   # the demo corpus's labelled events, each at least one story
    dates = [re.findall(r"\d{4}-\d{2}-\d{2}", rows.nth(i).locator(".meta").inner_text())[-1]
             for i in range(rows.count())]
    assert dates == sorted(dates, reverse=True)
    _shot(page, "stories")

    # open the first story that has several articles
    counts = [int(rows.nth(i).locator(".count b").first.inner_text()) for i in range(rows.count())]
    pick = next(i for i, n in enumerate(counts) if n >= 3)
    title = rows.nth(pick).locator("a.title").inner_text()
    rows.nth(pick).locator("a.title").click()
    page.wait_for_url(re.compile(r"/stories/s[0-9a-f]+$"))
    assert page.locator("h1").inner_text() == title
    summary = page.locator("#summary ol.summary > li")
    assert summary.count() >= 2
    assert page.locator("#sources ol.sources > li").count() == counts[pick]
    _shot(page, "story")

    # follow a citation: it opens an article of this story that carries the sentence
    sentence = summary.first.locator("span").first.inner_text()
    story_url = page.url
    page.locator("#summary a.cite").first.click()
    page.wait_for_url(re.compile(r"/articles/a[0-9a-f]+$"))
    body = page.locator("#text .body").inner_text()
    words = [w for w in re.findall(r"\w{4,}", sentence)][:8]
    assert sum(w in body for w in words) >= len(words) * 0.6
    assert page.locator(".meta a[href^='/stories/']").get_attribute("href") in story_url
    _shot(page, "article")

    # search from the header: normalized Arabic finds the word with a clitic and the article
    page.goto(server.url + "/")
    page.fill("header form.search input[name=q]", "البصره")   # ta marbuta written as ha
    page.press("header form.search input[name=q]", "Enter")
    page.wait_for_url(re.compile(r"/search\?q="))
    hits = page.locator("#hits > li")
    assert hits.count() >= 1
    assert "البصرة" in hits.first.inner_text()
    _shot(page, "search")

    # switch the interface to English and back; the choice is remembered between pages
    page.click("#lang-toggle")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("html").get_attribute("dir") == "ltr"
    page.goto(server.url + "/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("header nav a").first.inner_text() == "Stories"
    page.goto(story_url)
    _shot(page, "story-en")
    page.click("#lang-toggle")
    assert page.locator("html").get_attribute("dir") == "rtl"

    # the pages run no script at all, so the browser reports no error
    assert page.errors == []


def test_hostile_article_text_is_shown_as_text(server, page, tmp_path):
    """Markup inside an article reaches the browser as characters: no element, no script."""
    from rasid.pipeline import ingest
    from rasid.store import open_store
    from rasid.config import Settings

    evil = tmp_path / "evil.jsonl"
    evil.write_text('{"id": "evil-1", "outlet": "موقع مريب", "published": "2025-08-01", '
                    '"title": "عنوان <img src=x onerror=\\"document.title=\'pwned\'\\">", '
                    '"text": "قال مسؤول إن <script>document.title=\'pwned\'</script> الهجوم وقع فجراً '
                    'في المدينة، وإن <b>الأضرار</b> كبيرة جداً بحسب الشهود والسكان المحليين."}\n',
                    encoding="utf-8")
    store = open_store(server.db)
    ingest([str(evil)], store, Settings(progress="never", embeddings=False))
    store.close()
    page.goto(server.url + "/search?q=الاضرار")
    page.locator("#hits a.title").first.click()
    page.wait_for_url(re.compile(r"/articles/"))
    assert page.title() != "pwned"
    body = page.locator("#text .body")
    assert "<script>" in body.inner_text()
    assert body.locator("script, b, img").count() == 0
    assert page.locator("h1").inner_text().startswith("عنوان <img")
    assert page.locator("img").count() == 0
