"""Security of the web layer: hostile article text stays text, pages may run no script,
tokens guard writing (and reading, off loopback), and `rasid serve` refuses to expose an
archive without a token."""
from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import quote

import lxml.html
import pytest
from fastapi.testclient import TestClient

from rasid.errors import UsageError
from rasid.serve import views
from rasid.serve.app import CSP, create_app, upload_dir
from rasid.serve.server import is_loopback, serve

TOKEN = "s3cret"   # the token of the token_client and locked_client fixtures
AUTH = {"Authorization": f"Bearer {TOKEN}"}

HOSTILE = '<script>alert(1)</script> <img src=x onerror=alert(1)> "><svg onload=alert(1)>'
RAW = ("<script", "<img src=x", "<svg onload", '"><svg')
ESCAPED = ("&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;img src=x onerror=alert(1)&gt;",
           "&#34;&gt;&lt;svg onload=alert(1)&gt;")
HOSTILE_ARTICLES = [
    {"id": "h1", "url": "javascript:alert(1)", "outlet": "صحيفة الشر " + HOSTILE,
     "published": "2025-01-05", "title": "عنوان خبيث " + HOSTILE,
     "text": "قال الوزير أحمد الخطيب إن " + HOSTILE + " وأضاف أن الحكومة ستصلح الطرق في بغداد.\n\n"
             "وقال مسؤول إن الأمطار الغزيرة أغلقت الطرق في المدينة " + HOSTILE},
]
UPLOAD = [
    {"id": "up1", "outlet": "صحيفة الرفد", "published": "2025-08-01", "title": "افتتاح مكتبة عامة في الموصل",
     "text": "افتتحت بلدية الموصل اليوم مكتبة عامة جديدة تضم عشرين ألف كتاب.\n\n"
             "وقال رئيس البلدية إن المكتبة ستفتح أبوابها للطلاب مجاناً."},
    {"id": "up2", "outlet": "وكالة السهل", "published": "2025-08-02", "title": "موسم حصاد القمح يبدأ مبكراً",
     "text": "بدأ المزارعون في سهل نينوى حصاد القمح قبل موعده المعتاد بأسبوعين بسبب الحر."},
]


def jsonl_bytes(records) -> bytes:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode("utf-8")


def assert_no_raw_markup(page: str, where: str) -> None:
    """The hostile markup is nowhere as markup: not in the source, not in the parsed tree."""
    for raw in RAW:
        assert raw not in page, f"{where}: raw {raw!r} in the page"
    doc = lxml.html.fromstring(page)
    assert doc.xpath("//script | //img | //iframe | //object") == [], where
    handlers = [(el.tag, a) for el in doc.iter() if isinstance(el.tag, str)
                for a in el.attrib if a.lower().startswith("on")]
    assert handlers == [], where


# -- (a) hostile text is escaped -----------------------------------------------------

@pytest.fixture(scope="module")
def hostile(make_db):
    db = make_db(HOSTILE_ARTICLES, "hostile")
    with TestClient(create_app(db)) as c:
        story = c.get("/api/stories").json()["items"][0]
        article = c.get(f"/api/stories/{story['id']}").json()["articles"][0]
        yield c, story, article


def test_hostile_text_is_stored_as_written(hostile):
    c, story, article = hostile
    assert HOSTILE in story["title"]
    assert HOSTILE in c.get(f"/api/articles/{article['id']}").json()["article"]["text"]


@pytest.mark.parametrize("page", ["story", "article", "list", "search", "search_query", "outlets"])
def test_hostile_text_is_escaped_on_every_page(hostile, page):
    c, story, article = hostile
    path = {"story": f"/stories/{story['id']}", "article": f"/articles/{article['id']}",
            "list": "/", "search": "/search?q=" + quote("الوزير"),
            "search_query": "/search?q=" + quote(HOSTILE), "outlets": "/outlets"}[page]
    r = c.get(path)
    assert r.status_code == 200
    assert_no_raw_markup(r.text, path)
    for escaped in ESCAPED:
        assert escaped in r.text, (path, escaped)


def test_hostile_text_on_the_story_page_is_in_the_title_summary_and_quotes(hostile):
    c, story, _ = hostile
    doc = lxml.html.fromstring(c.get(f"/stories/{story['id']}").text)
    assert HOSTILE in doc.findtext(".//h1")              # shown as text, once parsed
    assert doc.xpath("//script | //img | //svg[@onload] | //*[@onerror] | //*[@onload]") == []
    assert any(HOSTILE in li.text_content() for li in doc.xpath('//ol[@class="summary"]/li'))


def test_article_page_never_links_a_javascript_url(hostile):
    c, _, article = hostile
    assert c.get(f"/api/articles/{article['id']}").json()["article"]["url"] == "javascript:alert(1)"
    page = c.get(f"/articles/{article['id']}").text
    assert 'href="javascript:' not in page.lower()
    doc = lxml.html.fromstring(page)
    for href in doc.xpath("//a/@href"):
        assert href.startswith(("/", "http://", "https://", "?")), href
    assert not [a for a in doc.xpath("//a") if a.text == "الرابط الأصلي"]


def test_the_404_page_never_links_to_another_site(client):
    """The page path is echoed in links (the language switch); a path that starts with
    two slashes must not become a protocol-relative link to another host."""
    r = client.get("http://testserver//evil.example/x")
    assert r.status_code == 404
    doc = lxml.html.fromstring(r.text)
    for href in doc.xpath("//a/@href"):
        assert not href.startswith("//"), href


# -- (b) Content-Security-Policy -----------------------------------------------------

def assert_strict_csp(response, where: str) -> None:
    csp = response.headers.get("content-security-policy")
    assert csp, f"{where}: no Content-Security-Policy"
    directives = {d.strip().split(" ", 1)[0]: d.strip() for d in csp.split(";") if d.strip()}
    assert directives["default-src"] == "default-src 'none'", where
    assert "'unsafe-inline'" not in directives.get("script-src", "")
    assert "'unsafe-eval'" not in csp
    assert "frame-ancestors 'none'" in csp
    assert response.headers.get("x-content-type-options") == "nosniff"


def test_every_html_page_carries_a_strict_csp_and_no_script(client, stories, details):
    story = stories[0]["id"]
    article = details[story]["articles"][0]["id"]
    entity = next(e["id"] for t in details[story]["entities"].values() for e in t)
    outlet = next(a["outlet"] for a in details[story]["articles"] if a["outlet"])
    pages = ["/", "/?lang=en", f"/stories/{story}", f"/articles/{article}", f"/entities/{entity}",
             "/outlets", f"/outlets/{outlet}", "/search?q=" + quote("نابل"), "/search", "/api/docs",
             "/stories/nope", "/?since=bad", "/?limit=x"]
    for path in pages:
        r = client.get(path)
        assert r.headers["content-type"].startswith("text/html"), path
        assert_strict_csp(r, path)
        assert "<script" not in r.text.lower(), path
        doc = lxml.html.fromstring(r.text)
        assert not [a for el in doc.iter() if isinstance(el.tag, str)
                    for a in el.attrib if a.lower().startswith("on")], path


def test_the_csp_constant_allows_no_script_at_all():
    assert "script-src" not in CSP and "default-src 'none'" in CSP


def test_json_responses_carry_the_headers_too(client):
    assert_strict_csp(client.get("/api/stats"), "/api/stats")
    assert_strict_csp(client.get("/api/nothing"), "/api/nothing")


def test_internal_error_page_carries_the_csp(raw_client, monkeypatch):
    """The 500 page is HTML like any other and gets the same headers."""
    def boom(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(views, "story_list", boom)
    r = raw_client.get("/")
    assert r.status_code == 500
    assert_strict_csp(r, "/ (500)")


# -- (c) tokens ----------------------------------------------------------------------

def test_ingest_with_the_token_adds_the_upload_and_keeps_it(token_client):
    db = token_client.app.state.rasid.db
    data = jsonl_bytes(UPLOAD)
    r = token_client.post("/api/ingest", files={"file": ("news.jsonl", data, "application/x-ndjson")},
                          headers=AUTH)
    assert r.status_code == 200, r.text
    report = r.json()
    assert (report["items"], report["added"], report["rejected"]) == (2, 2, 0)
    assert report["stories"] == 2
    kept = upload_dir(db) / report["file"]
    assert upload_dir(db) == Path(db + ".uploads")
    assert kept.name.endswith("-news.jsonl") and kept.read_bytes() == data
    for record in UPLOAD:
        hits = token_client.get("/api/search", params={"q": record["title"]}).json()["hits"]
        assert [h["headline"] for h in hits][:1] == [record["title"]]
    assert token_client.get("/api/stats").json()["counts"]["articles"] == 2
    assert token_client.get("/api/stories").json()["total"] == 2

    again = token_client.post("/api/ingest", files={"file": ("news.jsonl", data)}, headers=AUTH)
    assert again.status_code == 200
    assert (again.json()["added"], again.json()["already_stored"]) == (0, 2)
    assert token_client.get("/api/stats").json()["counts"]["articles"] == 2


def test_uploaded_articles_are_found_by_meaning_too(token_client):
    before = token_client.get("/api/search", params={"q": "library", "mode": "semantic"}).json()
    assert before["hits"] == []                     # an empty archive has no vector index yet
    r = token_client.post("/api/ingest", files={"file": ("news.jsonl", jsonl_bytes(UPLOAD))}, headers=AUTH)
    assert r.status_code == 200 and r.json()["added"] == 2
    hits = token_client.get("/api/search", params={"q": "a new public library opened in Mosul",
                                                   "mode": "semantic"}).json()["hits"]
    assert [h["headline"] for h in hits][:1] == [UPLOAD[0]["title"]]


def test_ingest_reports_rejected_lines(token_client):
    r = token_client.post("/api/ingest", headers=AUTH,
                          files={"file": ("bad.jsonl", b'{"id": 1,\n\n{bad\n')})
    assert r.status_code == 200, r.text
    report = r.json()
    assert (report["added"], report["rejected"]) == (0, 2)
    assert [(x["line"], x["code"]) for x in report["rejections"]] == [(1, "json"), (3, "json")]


def test_ingest_accepts_the_x_rasid_token_header(token_client):
    r = token_client.post("/api/ingest", files={"file": ("a.jsonl", jsonl_bytes(UPLOAD[:1]))},
                          headers={"X-Rasid-Token": TOKEN})
    assert r.status_code == 200 and r.json()["added"] == 1


def test_ingest_rejects_files_of_other_kinds(token_client):
    for name in ("tool.exe", "archive.zip", "news.jsonl.exe", "noext"):
        r = token_client.post("/api/ingest", files={"file": (name, b"MZ\x90\x00")}, headers=AUTH)
        assert r.status_code == 400, name
        assert r.json()["error"]["code"] == "bad_request"
    db = token_client.app.state.rasid.db
    assert not upload_dir(db).exists() or not any(upload_dir(db).iterdir())


def test_ingest_keeps_uploads_inside_the_upload_folder(token_client):
    db = token_client.app.state.rasid.db
    r = token_client.post("/api/ingest", headers=AUTH,
                          files={"file": ("../../../outside.jsonl", jsonl_bytes(UPLOAD[1:]))})
    assert r.status_code == 200, r.text
    name = r.json()["file"]                # the report names the upload, not a server path
    assert "/" not in name
    kept = (upload_dir(db) / name).resolve()
    assert kept.is_file() and kept.parent == upload_dir(db).resolve()
    assert ".." not in kept.name and kept.name.endswith("outside.jsonl")


def test_writing_never_accepts_the_cookie(tmp_path):
    with TestClient(create_app(str(tmp_path / "w.db"), token=TOKEN, reads_need_token=True)) as c:
        c.cookies.set("rasid_token", TOKEN)
        assert c.get("/api/stats").status_code == 200          # reads may use the cookie
        r = c.post("/api/ingest", files={"file": ("a.jsonl", jsonl_bytes(UPLOAD[:1]))})
        assert r.status_code == 401                              # writes need the header


def test_reads_need_the_token_when_configured(locked_client):
    r = locked_client.get("/api/stories")
    assert r.status_code == 401 and r.json()["error"]["code"] == "unauthorized"
    assert locked_client.get("/api/stories", headers={"Authorization": "Bearer nope"}).status_code == 401
    ok = locked_client.get("/api/stories", headers=AUTH)
    assert ok.status_code == 200 and ok.json()["total"] > 0
    for path in ("/api/stats", "/api/outlets", "/api/search?q=x"):
        assert locked_client.get(path).status_code == 401, path
        assert locked_client.get(path, headers=AUTH).status_code == 200, path
    page = locked_client.get("/outlets")
    assert page.status_code == 401 and page.headers["content-type"].startswith("text/html")


def test_token_in_a_page_url_becomes_a_cookie_then_leaves_the_address_bar(locked_client):
    r = locked_client.get(f"/outlets?token={TOKEN}&lang=en", follow_redirects=False)
    assert r.status_code == 303
    assert r.headers["location"] == "/outlets?lang=en"
    cookie = r.headers["set-cookie"]
    assert cookie.startswith(f"rasid_token={TOKEN};")
    assert "HttpOnly" in cookie and "samesite=strict" in cookie.lower()
    page = locked_client.get(r.headers["location"])
    assert page.status_code == 200
    assert lxml.html.fromstring(page.text).xpath("//html/@lang") == ["en"]
    assert locked_client.get("/").status_code == 200
    assert locked_client.get("/api/stories").status_code == 200


def test_a_wrong_token_in_the_url_does_not_open_pages(locked_client):
    r = locked_client.get("/outlets?token=wrong")    # follows the redirect
    assert r.status_code == 401
    assert "token=" not in str(r.url)


def test_reads_stay_open_on_loopback_even_with_a_token(demo_db):
    c = TestClient(create_app(demo_db, token=TOKEN))
    assert c.get("/api/stories").status_code == 200
    assert c.get("/").status_code == 200


# -- (d) serve refuses to expose an archive without a token -----------------------------

@pytest.fixture
def no_uvicorn(monkeypatch):
    """Fail instead of starting a server, should a check let the call through."""
    import uvicorn

    def refuse(*args, **kwargs):
        raise AssertionError("uvicorn.run was called")

    monkeypatch.setattr(uvicorn, "run", refuse)
    for key in ("RASID_SERVE_DB", "RASID_SERVE_TOKEN", "RASID_SERVE_READS_NEED_TOKEN"):
        monkeypatch.setenv(key, "")   # recorded, so what serve() sets is undone after the test
        monkeypatch.delenv(key)


@pytest.mark.parametrize("host", ["0.0.0.0", "192.168.1.5", "::", "example.org"])
def test_serve_refuses_a_reachable_host_without_a_token(demo_db, no_uvicorn, host):
    with pytest.raises(UsageError, match="token"):
        serve(demo_db, host=host, token=None)
    with pytest.raises(UsageError):
        serve(demo_db, host=host, token="")


def test_serve_with_a_token_on_a_reachable_host_makes_reads_need_it(demo_db, no_uvicorn, monkeypatch):
    import os

    import uvicorn
    calls = []
    monkeypatch.setattr(uvicorn, "run", lambda *a, **k: calls.append((a, k)))
    serve(demo_db, host="0.0.0.0", token=TOKEN)
    assert calls and calls[0][1]["host"] == "0.0.0.0" and calls[0][1]["factory"] is True
    assert os.environ["RASID_SERVE_READS_NEED_TOKEN"] == "1"
    assert os.environ["RASID_SERVE_TOKEN"] == TOKEN
    from rasid.serve.app import app_from_env
    with TestClient(app_from_env()) as c:
        assert c.get("/api/stats").status_code == 401
        assert c.get("/api/stats", headers=AUTH).status_code == 200


def test_serve_rejects_zero_workers(demo_db, no_uvicorn):
    with pytest.raises(UsageError, match="workers"):
        serve(demo_db, host="127.0.0.1", workers=0)


@pytest.mark.parametrize("host, loopback", [
    ("127.0.0.1", True), ("127.0.0.53", True), ("::1", True), ("localhost", True),
    ("0.0.0.0", False), ("::", False), ("192.168.1.5", False), ("10.0.0.1", False),
    ("example.org", False), ("", False),
])
def test_is_loopback(host, loopback):
    assert is_loopback(host) is loopback


def test_cli_serve_refuses_a_reachable_host_without_a_token(demo_db, no_uvicorn, capsys):
    from rasid.cli import main

    assert main(["serve", "--db", demo_db, "--host", "0.0.0.0"]) == 2
    assert "token" in capsys.readouterr().err


def test_cli_serve_refuses_a_missing_database(tmp_path, no_uvicorn, capsys):
    from rasid.cli import main

    assert main(["serve", "--db", str(tmp_path / "absent.db")]) == 2
    assert not (tmp_path / "absent.db").exists()
