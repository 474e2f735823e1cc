"""Every error under /api has one JSON shape; everywhere else an error is an HTML page.

    {"error": {"status": int, "code": str, "message": str, ["detail": [...]]}}
"""
from __future__ import annotations

import lxml.html
import pytest

from rasid.serve import views

TOKEN = "s3cret"   # the token of the token_client fixture
AUTH = {"Authorization": f"Bearer {TOKEN}"}

CODES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found",
         405: "method_not_allowed", 422: "invalid_request", 500: "internal"}


def error_of(response, status: int) -> dict:
    """The error body of a JSON error response, checked against the one shape."""
    assert response.status_code == status, (response.status_code, response.text[:300])
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"}
    err = body["error"]
    assert set(err) in ({"status", "code", "message"}, {"status", "code", "message", "detail"}), err
    assert err["status"] == status
    assert err["code"] == CODES[status]
    assert isinstance(err["message"], str) and err["message"].strip()
    return err


@pytest.mark.parametrize("path, words", [
    ("/api/stories/s0000000000000000", "no story"),
    ("/api/articles/a0000000000000000", "no article"),
    ("/api/entities/e0000000000000000", "no entity"),
    ("/api/outlets/لا يوجد", "no outlet"),
])
def test_unknown_ids_are_404(client, path, words):
    err = error_of(client.get(path), 404)
    assert words in err["message"]
    assert "detail" not in err


@pytest.mark.parametrize("params, name", [
    ({"since": "2025-13-01"}, "since"), ({"until": "yesterday"}, "until"),
    ({"since": "2025-02-30"}, "since"), ({"until": "2025/03/01"}, "until"),
])
def test_bad_dates_are_400_and_name_the_parameter(client, params, name):
    err = error_of(client.get("/api/stories", params=params), 400)
    assert name in err["message"] and "YYYY-MM-DD" in err["message"]


@pytest.mark.parametrize("path, params, where", [
    ("/api/stories", {"limit": 0}, "query.limit"),
    ("/api/stories", {"limit": 101}, "query.limit"),
    ("/api/stories", {"limit": "ten"}, "query.limit"),
    ("/api/stories", {"offset": -1}, "query.offset"),
    ("/api/search", {}, "query.q"),
    ("/api/search", {"q": ""}, "query.q"),
    ("/api/search", {"q": "نابل", "mode": "fuzzy"}, "query.mode"),
    ("/api/search", {"q": "نابل", "limit": 1000}, "query.limit"),
])
def test_invalid_parameters_are_422_with_a_detail_list(client, path, params, where):
    err = error_of(client.get(path, params=params), 422)
    assert isinstance(err["detail"], list) and err["detail"]
    for item in err["detail"]:
        assert set(item) == {"where", "problem"}
        assert isinstance(item["problem"], str) and item["problem"]
    assert where in [item["where"] for item in err["detail"]]
    assert where in err["message"]


def test_an_offset_too_large_for_the_database_is_the_client_s_error(raw_client):
    """offset=10**20 passes `ge=0` but SQLite cannot bind it (OverflowError): a bad
    parameter must be a 4xx in the one shape (and a 4xx page), not an internal error."""
    r = raw_client.get("/api/stories", params={"offset": 10 ** 20})
    assert 400 <= r.status_code < 500, (r.status_code, r.text)
    error_of(r, r.status_code)
    assert 400 <= raw_client.get("/", params={"offset": 10 ** 20}).status_code < 500


def test_story_sentences_out_of_range_is_422(client, stories):
    err = error_of(client.get(f"/api/stories/{stories[0]['id']}", params={"sentences": 21}), 422)
    assert err["detail"][0]["where"] == "query.sentences"


@pytest.mark.parametrize("path", ["/api/nothing", "/api", "/api/", "/api/stories/x/y",
                                  "/api/stats/more"])
def test_unknown_api_routes_are_404_json(client, path):
    err = error_of(client.get(path), 404)
    assert path in err["message"]


@pytest.mark.parametrize("method, path", [("delete", "/api/stories"), ("post", "/api/stories"),
                                          ("put", "/api/outlets"), ("get", "/api/ingest"),
                                          ("post", "/api/search")])
def test_wrong_method_is_405_json(client, method, path):
    error_of(client.request(method, path), 405)


def test_ingest_is_off_without_a_configured_token(client, demo_store):
    before = demo_store.counts()
    r = client.post("/api/ingest", files={"file": ("a.jsonl", '{"id": "x", "text": "نص"}\n'.encode())},
                    headers=AUTH)
    err = error_of(r, 403)
    assert "token" in err["message"].lower()
    assert demo_store.counts() == before


@pytest.mark.parametrize("headers", [{}, {"Authorization": "Bearer wrong"},
                                     {"Authorization": f"Basic {TOKEN}"},
                                     {"Authorization": f"Bearer {TOKEN}x"}])
def test_ingest_with_a_missing_or_wrong_token_is_401(token_client, headers):
    r = token_client.post("/api/ingest", files={"file": ("a.jsonl", b'{"id": "x", "text": "a"}\n')},
                          headers=headers)
    err = error_of(r, 401)
    assert "Bearer" in err["message"]
    assert token_client.get("/api/stats").json()["counts"]["articles"] == 0


def test_ingest_without_a_token_is_refused_before_the_upload_is_parsed(token_client):
    """The token is checked first: a caller without it learns nothing about the form the
    endpoint wants (and the server does not read and spool an unauthorised upload)."""
    error_of(token_client.post("/api/ingest"), 401)
    error_of(token_client.post("/api/ingest", content=b"x" * 1000,
                               headers={"content-type": "application/octet-stream"}), 401)


def test_internal_error_is_500_without_a_traceback(raw_client, monkeypatch):
    def boom(*args, **kwargs):
        raise RuntimeError("secret internals at /srv/rasid/views.py line 42")

    monkeypatch.setattr(views, "story_list", boom)
    err = error_of(raw_client.get("/api/stories"), 500)
    body = raw_client.get("/api/stories").text
    for leak in ("secret internals", "/srv/rasid", "Traceback", 'File "', "line 42"):
        assert leak not in body
    assert "internal" in err["message"]


def test_server_side_failures_are_not_reported_as_the_client_s_fault(raw_client, monkeypatch):
    """A store failure (disk full, database locked) is the server's fault: 5xx, not
    400 "bad_request", and its message (which names the database file) stays in the log."""
    from rasid.errors import StoreError

    def broken(*args, **kwargs):
        raise StoreError("cannot open database /srv/private/rasid.db: disk I/O error")

    monkeypatch.setattr(views, "story_list", broken)
    r = raw_client.get("/api/stories")
    assert r.status_code >= 500, r.text
    assert "/srv/private" not in r.text


# -- HTML routes: errors are pages, not JSON --------------------------------------------

def error_page(response, status: int):
    assert response.status_code == status, (response.status_code, response.text[:200])
    assert response.headers["content-type"].startswith("text/html")
    doc = lxml.html.fromstring(response.text)
    section = doc.xpath('//section[@class="error"]')
    assert section, response.text[:300]
    assert section[0].get("data-code") == CODES[status]
    assert str(status) in section[0].findtext(".//h1")
    return doc


@pytest.mark.parametrize("path", ["/stories/s0000000000000000", "/articles/nope", "/entities/nope",
                                  "/outlets/لا يوجد", "/no/such/page"])
def test_missing_pages_are_html_404(client, path):
    doc = error_page(client.get(path), 404)
    assert doc.xpath('//html/@lang') == ["ar"]
    assert doc.xpath('//a[@href="/"]')


def test_html_errors_follow_the_language(client):
    doc = error_page(client.get("/stories/nope", params={"lang": "en"}), 404)
    assert doc.xpath('//html/@lang') == ["en"]
    assert "Error 404" in doc.findtext(".//h1")


@pytest.mark.parametrize("path, params, status", [
    ("/", {"since": "someday"}, 400),
    ("/", {"limit": 1000}, 400),
    ("/", {"limit": "x"}, 422),
    ("/search", {"q": "نابل", "mode": "fuzzy"}, 400),
])
def test_bad_page_parameters_are_html_errors(client, path, params, status):
    error_page(client.get(path, params=params), status)


def test_wrong_method_on_a_page_is_html_405(client):
    error_page(client.post("/"), 405)


def test_internal_error_on_a_page_is_an_html_500_without_details(raw_client, monkeypatch):
    def boom(*args, **kwargs):
        raise RuntimeError("secret internals")

    monkeypatch.setattr(views, "story_list", boom)
    r = raw_client.get("/")
    error_page(r, 500)
    assert "secret internals" not in r.text and "Traceback" not in r.text
