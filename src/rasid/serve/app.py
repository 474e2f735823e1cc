"""The web application: REST API under /api, the analyst's web UI everywhere else.

`create_app(db, token=…, reads_need_token=…)` builds one FastAPI app over one store.
Routes live in `api.py` (JSON) and `web.py` (HTML); both call `views.py`.

Security choices:
- every error, from any route, is one JSON shape under /api:
  {"error": {"status": 404, "code": "not_found", "message": "..."}};
- writing (the ingest endpoint) always needs the configured token; with no token
  configured, ingest over HTTP is off;
- reads are open when the server listens on loopback only; `rasid serve` refuses to
  listen elsewhere unless a token is configured, and then reads need it too;
- the API's reference page (/api/docs) is rendered here from the OpenAPI schema, so it
  needs no script from a CDN (this tool often runs offline);
- pages are rendered with autoescaping and a Content-Security-Policy that allows no
  script at all, so article text (hostile HTML from the web) can only ever be text.
"""
from __future__ import annotations

import hmac
import logging
import os
import threading
from collections import OrderedDict
import time
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from rasid.errors import ModelError, NotFound, RasidError, StoreError

CSP = ("default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
       "base-uri 'none'; frame-ancestors 'none'")
TOKEN_COOKIE = "rasid_token"
COUNTS_TTL = 30.0
VIEW_CACHE = 256     # story pages kept per worker (a few MB)


class AuthError(RasidError):
    def __init__(self, message: str, status: int = 401):
        super().__init__(message)
        self.status = status


class State:
    """What routes share: the store (one SQLite connection used from the event loop's
    thread only) and caches that depend on the archive's size."""

    def __init__(self, db: str, token: str | None, reads_need_token: bool):
        from rasid.store import open_store

        self.db = db
        self.token = token or None
        self.reads_need_token = reads_need_token
        self.store = open_store(db)
        self._frequencies: tuple[int, tuple] | None = None
        self._recent_values: dict[str, tuple[float, object]] = {}
        self._views: OrderedDict[tuple, dict] = OrderedDict()
        self._views_version: int | None = None
        self.ingest_lock = threading.Lock()

    def story_view(self, story_id: str, sentences: int) -> dict:
        """A story page's data, kept for the next reader until the database changes (any
        commit by any process moves SQLite's data_version): a busy story is computed once."""
        from rasid.serve import views

        version = self.store.data_version()
        if version != self._views_version:
            self._views.clear()
            self._views_version = version
        key = (story_id, sentences)
        if key in self._views:
            self._views.move_to_end(key)
            return self._views[key]
        view = views.story_view(self.store, story_id, sentences, self.frequencies())
        self._views[key] = view
        if len(self._views) > VIEW_CACHE:
            self._views.popitem(last=False)
        return view

    def _recent(self, name: str, compute):
        """`compute()`'s result, recomputed at most every COUNTS_TTL seconds: for footers and
        menus that scan the whole archive (counting millions of mentions on every page would
        cost more than the page)."""
        now = time.monotonic()
        kept = self._recent_values.get(name)
        if kept is None or now - kept[0] > COUNTS_TTL:
            kept = self._recent_values[name] = (now, compute())
        return kept[1]

    def counts(self) -> dict[str, int]:
        return self._recent("counts", self.store.counts)

    def outlets(self):
        return self._recent("outlets", self.store.outlets)

    def frequencies(self) -> tuple[dict, int]:
        """Archive document frequencies for summary salience, reloaded when the archive grows."""
        n = self.store.db.execute("SELECT max(seq) FROM articles").fetchone()[0] or 0
        if self._frequencies is None or self._frequencies[0] != n:
            self._frequencies = (n, self.store.document_frequencies())
        return self._frequencies[1]

    def valid(self, given: str | None) -> bool:
        return bool(self.token and given) and hmac.compare_digest(given.encode(), self.token.encode())

    def check(self, request: Request, write: bool = False) -> None:
        if not write and not self.reads_need_token:
            return
        if self.token is None:
            raise AuthError("ingest over HTTP is off: set RASID_SERVE_TOKEN (or serve_token in the "
                            "config file) and restart `rasid serve`", status=403)
        given = _bearer(request) or (None if write else request.cookies.get(TOKEN_COOKIE))
        if not self.valid(given):
            raise AuthError("a valid token is needed: send the header 'Authorization: Bearer TOKEN'")


def _bearer(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    if header.lower().startswith("bearer "):
        return header[7:].strip()
    return request.headers.get("x-rasid-token")


def error_body(status: int, code: str, message: str, detail=None) -> dict:
    body = {"status": status, "code": code, "message": message}
    if detail is not None:
        body["detail"] = detail
    return {"error": body}


_CODES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found",
          405: "method_not_allowed", 413: "too_large", 422: "invalid_request", 500: "internal",
          503: "unavailable"}
log = logging.getLogger("rasid.serve")


def _status_of(exc: Exception) -> int:
    if isinstance(exc, NotFound):
        return 404
    if isinstance(exc, AuthError):
        return exc.status
    if isinstance(exc, (StoreError, ModelError)):
        return 503     # the server's fault, not the request's
    if isinstance(exc, RasidError):
        return 400
    return 500


_HEADERS = [(b"content-security-policy", CSP.encode()), (b"x-content-type-options", b"nosniff"),
            (b"referrer-policy", b"no-referrer")]


class SecurityHeaders:
    """Adds the security headers to every response (a plain ASGI middleware: no per-request
    task or body copy, unlike `@app.middleware`)."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                have = {k.lower() for k, _ in message.get("headers", ())}
                message["headers"] = list(message.get("headers", ())) + [
                    (k, v) for k, v in _HEADERS if k not in have]
            await send(message)

        await self.app(scope, receive, send_with_headers)


def create_app(db: str, token: str | None = None, reads_need_token: bool = False) -> FastAPI:
    from rasid import __version__
    from rasid.serve import api, web

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        yield
        app.state.rasid.store.close()

    app = FastAPI(title="rasid", version=__version__, lifespan=lifespan,
                  description="Story intelligence for Arabic news: stories, who copied whom, "
                              "who said what, and where sources disagree.",
                  docs_url=None, redoc_url=None, openapi_url=None)
    app.state.rasid = State(db, token, reads_need_token)

    def respond(request: Request, status: int, code: str, message: str, detail=None):
        if request.url.path.startswith("/api"):
            response = JSONResponse(error_body(status, code, message, detail), status_code=status)
        else:
            response = web.error_page(request, status, code, message)
        # crashes are answered outside the middleware stack: the headers go on here too
        response.headers.update({k.decode(): v.decode() for k, v in _HEADERS})
        return response

    @app.exception_handler(RasidError)
    async def rasid_error(request: Request, exc: RasidError):
        status = _status_of(exc)
        if status >= 500:    # a store or model fault: logged here, never echoed (paths, internals)
            log.error("%s on %s: %s", type(exc).__name__, request.url.path, exc)
            return respond(request, status, _CODES[status], "the server cannot read its database or "
                           "models right now; the server log has the details")
        return respond(request, status, _CODES.get(status, "error"), str(exc))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        message = exc.detail if isinstance(exc.detail, str) else _CODES.get(exc.status_code, "error")
        if exc.status_code == 404 and message == "Not Found":
            message = f"nothing at {request.url.path}"
        return respond(request, exc.status_code, _CODES.get(exc.status_code, "error"), message)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError):
        problems = [{"where": ".".join(str(x) for x in e.get("loc", ())), "problem": e.get("msg")}
                    for e in exc.errors()]
        message = "; ".join(f"{p['where']}: {p['problem']}" for p in problems) or "invalid request"
        return respond(request, 422, "invalid_request", message, problems)

    @app.exception_handler(Exception)
    async def crashed(request: Request, exc: Exception):
        log.exception("internal error on %s", request.url.path)
        return respond(request, 500, "internal", f"internal error ({type(exc).__name__}); "
                       "the server log has the details")

    app.add_middleware(SecurityHeaders)

    app.add_exception_handler(web.TokenInUrl, web.token_redirect)
    app.include_router(api.router)
    app.include_router(web.router)
    web.mount_static(app)

    return app


def app_from_env() -> FastAPI:
    """For `uvicorn --factory` with several workers: settings come from the environment
    `rasid serve` sets (RASID_SERVE_DB, RASID_SERVE_TOKEN, RASID_SERVE_READS_NEED_TOKEN)."""
    from rasid.config import load_settings
    from rasid.text.blas import limit_blas_threads

    limit_blas_threads(load_settings().blas_threads)   # each worker: one query at a time
    return create_app(os.environ["RASID_SERVE_DB"], os.environ.get("RASID_SERVE_TOKEN") or None,
                      os.environ.get("RASID_SERVE_READS_NEED_TOKEN") == "1")


def upload_dir(db: str) -> Path:
    """Where uploaded files are kept (beside the database), so an upload is never lost."""
    return Path(db + ".uploads") if "://" not in db else Path("rasid-uploads")
