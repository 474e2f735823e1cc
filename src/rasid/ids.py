"""Content-derived ids, so re-runs and parallel workers agree without coordination.

An article's id hashes what identifies it as a publication: who says they
published it (caller id, URL, outlet) and exactly what it says (title and raw
text). The same wire text from two outlets is two articles (the derivation
stage links them); the same file ingested twice is one.
"""
from __future__ import annotations

import hashlib

from rasid.model import RawDocument

_SEP = "\x1f"


def digest(*parts: str | None, size: int = 8) -> str:
    h = hashlib.blake2b(digest_size=size)
    for part in parts:
        h.update((part or "").encode("utf-8", "surrogatepass"))
        h.update(_SEP.encode())
    return h.hexdigest()


def article_id(raw: RawDocument) -> str:
    return "a" + digest(raw.caller_id, raw.url, raw.outlet, raw.title, raw.text)


def story_id_for(seed_article_id: str) -> str:
    return "s" + digest("story", seed_article_id)


def thread_id_for(seed_story_id: str) -> str:
    return "t" + digest("thread", seed_story_id)


def rejection_id(source: str, line: int | None, sha256: str, code: str) -> str:
    return "r" + digest(source, str(line), sha256, code)
