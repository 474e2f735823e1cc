"""HTML routes of the web UI: Arabic first (right to left), English by `?lang=en`.

Templates autoescape everything; article text reaches them only as plain strings
(see `views.text_segments`), never as markup.
"""
from __future__ import annotations

from pathlib import Path
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader, select_autoescape

from rasid.serve import views
from rasid.serve.app import TOKEN_COOKIE
from rasid.serve.i18n import DIRECTION, choose, translator

HERE = Path(__file__).parent
LANG_COOKIE = "rasid_lang"
router = APIRouter(include_in_schema=False)
_env = Environment(loader=FileSystemLoader(HERE / "templates"),
                   autoescape=select_autoescape(default=True, default_for_string=True),
                   trim_blocks=True, lstrip_blocks=True)


def _number(value) -> str:
    """9000.0 -> "9,000"; 2.5 -> "2.5": figures as a reader writes them."""
    if isinstance(value, (int, float)):
        return f"{int(value):,}" if float(value).is_integer() else f"{value:,}"
    return "" if value is None else str(value)


_env.filters["num"] = _number


def mount_static(app) -> None:
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")


def _lang(request: Request) -> str:
    return choose(request.query_params.get("lang"), request.cookies.get(LANG_COOKIE))


def _url(request: Request, **changes) -> str:
    """This page's URL with some query parameters changed (None removes one)."""
    params = dict(request.query_params)
    for k, v in changes.items():
        if v is None:
            params.pop(k, None)
        else:
            params[k] = str(v)
    # one leading slash, always: "//host/x" in a link would leave the site
    return "/" + request.url.path.lstrip("/") + (("?" + urlencode(params)) if params else "")


def render(request: Request, template: str, status: int = 200, **context) -> HTMLResponse:
    lang = _lang(request)
    st = request.app.state.rasid
    page = _env.get_template(template).render(
        lang=lang, dir=DIRECTION[lang], t=translator(lang), other_lang="en" if lang == "ar" else "ar",
        url=lambda **c: _url(request, **c), path=request.url.path,
        counts=st.counts() if template != "error.html" else None, **context)
    response = HTMLResponse(page, status_code=status)
    if request.query_params.get("lang") == lang:
        response.set_cookie(LANG_COOKIE, lang, max_age=365 * 86400, samesite="lax")
    return response


def error_page(request: Request, status: int, code: str, message: str) -> HTMLResponse:
    return render(request, "error.html", status=status, status_code=status, code=code, message=message)


class TokenInUrl(Exception):
    """A reader came with `?token=`: answered by `token_redirect`, not by the page."""


def reader(request: Request):
    """Every page: checks the token when reads need one (a dependency, as in api.py)."""
    st = request.app.state.rasid
    if st.reads_need_token and request.query_params.get("token"):
        raise TokenInUrl()
    st.check(request)
    return st


async def token_redirect(request: Request, exc: TokenInUrl) -> RedirectResponse:
    """A token in the URL becomes a cookie once (when it is right), then leaves the address bar."""
    token = request.query_params.get("token")
    response = RedirectResponse(_url(request, token=None), status_code=303)
    if request.app.state.rasid.valid(token):
        response.set_cookie(TOKEN_COOKIE, token, httponly=True, samesite="strict")
    return response


@router.get("/", response_class=HTMLResponse)
async def story_list(request: Request, since: str | None = None, until: str | None = None,
                     entity: str | None = None, outlet: str | None = None, thread: str | None = None,
                     offset: int = Query(0, ge=0, le=views.MAX_OFFSET), limit: int = 20,
                     st=Depends(reader)):
    flt = views.story_filter(since, until, entity, outlet, thread)
    page = views.story_list(st.store, flt, limit, offset)
    entity_name = None
    if entity:
        names = st.store.entity_names([entity])
        entity_name = names.get(entity, {}).get("name_ar") or entity
    return render(request, "stories.html", page=page, outlets=st.outlets(),
                  entity_name=entity_name)


@router.get("/stories/{story_id}", response_class=HTMLResponse)
async def story_page(request: Request, story_id: str, sentences: int = 4, st=Depends(reader)):
    view = st.story_view(story_id, sentences)
    number = {a["id"]: i + 1 for i, a in enumerate(view["articles"])}
    return render(request, "story.html", v=view, s=view["story"], number=number,
                  by_id={a["id"]: a for a in view["articles"]}, max_articles=views.MAX_STORY_ARTICLES)


@router.get("/articles/{article_id}", response_class=HTMLResponse)
async def article_page(request: Request, article_id: str, st=Depends(reader)):
    view = views.article_view(st.store, article_id)
    return render(request, "article.html", v=view, a=view["article"])


@router.get("/entities/{entity_id}", response_class=HTMLResponse)
async def entity_page(request: Request, entity_id: str, st=Depends(reader)):
    return render(request, "entity.html", v=views.entity_view(st.store, entity_id))


@router.get("/outlets", response_class=HTMLResponse)
async def outlets_page(request: Request, st=Depends(reader)):
    return render(request, "outlets.html", v=views.outlets_view(st.store))


@router.get("/outlets/{outlet:path}", response_class=HTMLResponse)
async def outlet_page(request: Request, outlet: str, st=Depends(reader)):
    return render(request, "outlet.html", v=views.outlet_view(st.store, outlet))


@router.get("/search", response_class=HTMLResponse)
async def search_page(request: Request, q: str = "", mode: str = "text", st=Depends(reader)):
    return render(request, "search.html", v=views.search_view(st.store, q, mode, 30))


@router.get("/api/docs", response_class=HTMLResponse)
async def api_docs(request: Request, _reads=Depends(reader)):
    """The REST API's reference, from its OpenAPI schema (no CDN scripts: works offline)."""
    schema = request.app.openapi()
    routes = [{"method": method.upper(), "path": path, "summary": op.get("summary", ""),
               "parameters": [{"name": p["name"], "in": p["in"], "required": p.get("required", False),
                               "description": p.get("description", "")} for p in op.get("parameters", ())]}
              for path, ops in schema["paths"].items() for method, op in ops.items()]
    return render(request, "apidocs.html", routes=routes, info=schema["info"])
