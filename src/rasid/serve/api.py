"""REST routes (JSON): thin wrappers over `rasid.serve.views`; the schema is at /api/openapi.json.

Views return plain JSON data, so routes hand it to JSONResponse directly rather than
through FastAPI's generic encoder (which costs more than building a story view)."""
from __future__ import annotations

import hashlib
import re
from typing import Literal

from fastapi import APIRouter, Depends, Query, Request
from starlette.datastructures import UploadFile
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool

from rasid.errors import UsageError
from rasid.serve import views

router = APIRouter(prefix="/api")
MAX_UPLOAD_BYTES = 200 * 1024 * 1024
UPLOAD_SUFFIXES = (".jsonl", ".json", ".html", ".htm", ".txt", ".xml", ".rss", ".atom")


def state(request: Request):
    return request.app.state.rasid


def reader(request: Request):
    """Every read route: checks the token when reads need one."""
    st = state(request)
    st.check(request)
    return st


@router.get("/stories", summary="Stories, newest first, filtered and paginated")
async def stories(since: str | None = Query(None, description="YYYY-MM-DD: stories still running on or after"),
                  until: str | None = Query(None, description="YYYY-MM-DD: stories begun on or before"),
                  entity: str | None = Query(None, description="entity id"),
                  outlet: str | None = None, thread: str | None = None,
                  limit: int = Query(20, ge=1, le=views.MAX_PAGE),
                  offset: int = Query(0, ge=0, le=views.MAX_OFFSET),
                  st=Depends(reader)):
    return JSONResponse(views.story_list(st.store, views.story_filter(since, until, entity, outlet, thread), limit, offset))


@router.get("/stories/{story_id}", summary="One story: card, cited summary, sources, derivations, "
                                           "entities, quotes, figures, discrepancies")
async def story(story_id: str, sentences: int = Query(4, ge=1, le=20), st=Depends(reader)):
    return JSONResponse(st.story_view(story_id, sentences))


@router.get("/articles/{article_id}", summary="One article with its links, mentions, quotes and figures")
async def article(article_id: str, st=Depends(reader)):
    return JSONResponse(views.article_view(st.store, article_id))


@router.get("/entities/{entity_id}", summary="One person, organisation or place: names, roles, stories")
async def entity(entity_id: str, st=Depends(reader)):
    return JSONResponse(views.entity_view(st.store, entity_id))


@router.get("/outlets", summary="Every outlet with its article count")
async def outlets(st=Depends(reader)):
    return JSONResponse(views.outlets_view(st.store))


@router.get("/outlets/{outlet:path}", summary="One outlet: what it originated and what it copied")
async def outlet(outlet: str, st=Depends(reader)):
    return JSONResponse(views.outlet_view(st.store, outlet))


@router.get("/search", summary="Articles by words (normalized Arabic) or by meaning")
async def search(q: str = Query(..., min_length=1, description="the query"),
                 mode: Literal["text", "semantic"] = "text",
                 limit: int = Query(20, ge=1, le=views.MAX_PAGE), st=Depends(reader)):
    return JSONResponse(views.search_view(st.store, q, mode, limit))


@router.get("/stats", summary="How much the archive holds")
async def stats(st=Depends(reader)):
    return JSONResponse(views.overview(st.store))


def _safe_name(name: str) -> str:
    base = re.sub(r"[^\w.\-]+", "_", (name or "upload").rsplit("/", 1)[-1].rsplit("\\", 1)[-1])
    return base.strip("._") or "upload"


_UPLOAD_SCHEMA = {"requestBody": {"required": True, "content": {"multipart/form-data": {"schema": {
    "type": "object", "required": ["file"],
    "properties": {"file": {"type": "string", "format": "binary",
                            "description": "a .jsonl, .html, .txt or RSS/Atom file"}}}}}}}


@router.post("/ingest", summary="Upload a JSONL, HTML or text file and analyse it (needs the token)",
             openapi_extra=_UPLOAD_SCHEMA)
async def ingest_upload(request: Request):
    from rasid.serve.app import upload_dir

    st = state(request)
    st.check(request, write=True)     # before reading a byte of the body
    async with request.form(max_files=1, max_fields=4) as form:   # closes spooled files
        file = form.get("file")
        if not isinstance(file, UploadFile):
            raise UsageError("send the file as multipart/form-data in a field named 'file'")
        name = _safe_name(file.filename or "upload.txt")
        if not name.lower().endswith(UPLOAD_SUFFIXES):
            raise UsageError(f"{name}: upload a file ending in one of {', '.join(UPLOAD_SUFFIXES)}")
        data = await file.read(MAX_UPLOAD_BYTES + 1)
    if len(data) > MAX_UPLOAD_BYTES:
        raise UsageError(f"{name}: larger than {MAX_UPLOAD_BYTES // (1024 * 1024)} MB; "
                         "ingest big archives with `rasid ingest`")
    folder = upload_dir(st.db)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{hashlib.sha256(data).hexdigest()[:12]}-{name}"
    path.write_bytes(data)   # kept: the upload is the input of record, whatever happens next
    return JSONResponse(await run_in_threadpool(_ingest_file, st, str(path)))


@router.get("/openapi.json", include_in_schema=False)
async def openapi_schema(request: Request):
    reader(request)
    return JSONResponse(request.app.openapi())


def _ingest_file(st, path: str) -> dict:
    from rasid.config import load_settings
    from rasid.pipeline import ingest
    from rasid.serve.records import rejection_record
    from rasid.store import open_store

    with st.ingest_lock:      # one ingest at a time; readers go on (WAL)
        store = open_store(st.db)
        try:
            report = ingest([path], store, load_settings(progress="never"))
        finally:
            store.close()
    from pathlib import Path

    return {"file": Path(path).name, "items": report.items, "added": report.added,
            "already_stored": report.already_stored, "rejected": report.rejected,
            # rejections name the upload, not where the server keeps it
            "rejections": [{**rejection_record(r), "source": Path(r.source).name} for r in report.rejections],
            "stories": report.stories, "derivations": report.derivations}
