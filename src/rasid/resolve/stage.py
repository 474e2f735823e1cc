"""The entity stage over a store: read every mention, resolve, write entities back.

Resolution is global (a new article can join two spellings seen months apart), so
the stage re-resolves the whole corpus when anything changed. It is cheap next to
tagging: names are compared only inside blocks (see `resolver.py`). What costs most in it,
romanizing Arabic names to compare them with Latin ones, is kept beside the store
(`romanizations`), so the next ingest, in a new process, does not romanize them again.
"""
from __future__ import annotations

import gzip
import json
import os
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from rasid.resolve import script
from rasid.resolve.resolver import EntityResolver


@dataclass
class EntityReport:
    mentions: int = 0
    entities: int = 0


class EntityStage:
    name = "entities"
    version = EntityResolver.version

    def __init__(self, resolver: EntityResolver | None = None, embeddings: bool = True) -> None:
        if resolver is None:
            embed = None
            if embeddings:
                from rasid.text.embed import Embedder
                embed = Embedder()
            resolver = EntityResolver(embed=embed)
        self.resolver = resolver

    def update(self, store) -> EntityReport:
        cache = romanization_cache(store)
        known = read_romanizations(cache)
        script.remember(known)
        script.learned()   # what is computed from here on is what the cache lacks
        refs = list(store.mention_refs())
        result = self.resolver.resolve(refs)
        store.replace_entities(result.entities, result.entity_of, result.keys)
        new = {k: v for k, v in script.learned().items() if k not in known}
        if new and cache is not None:
            write_romanizations(cache, {**known, **new})
        return EntityReport(mentions=len(refs), entities=len(result.entities))


def romanization_cache(store) -> Path | None:
    """The store's romanization cache, named by the romanizer's version (another version may
    spell differently); None for a store without a place for caches (in memory)."""
    try:
        version = metadata.version("arabic-name-romanizer")
    except metadata.PackageNotFoundError:
        version = "unknown"
    sidecar = getattr(store, "sidecar", None)   # a store keeping no caches has none
    return sidecar(f"entities/romanizations-{version}.jsonl.gz") if sidecar else None


def read_romanizations(path: Path | None) -> dict[tuple[str, int, bool], tuple[str, ...]]:
    """The cache's romanizations; an absent, truncated or damaged cache reads as what it
    holds up to the damage (it is only a cache: whatever is missing is computed again)."""
    out: dict[tuple[str, int, bool], tuple[str, ...]] = {}
    if path is None or not path.is_file():
        return out
    try:
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            for line in fh:
                row = json.loads(line)
                out[(str(row["name"]), int(row["top_k"]), bool(row["model"]))] = tuple(map(str, row["spellings"]))
    except (OSError, EOFError, ValueError, KeyError, TypeError):
        pass
    return out


def write_romanizations(path: Path, rows: dict[tuple[str, int, bool], tuple[str, ...]]) -> None:
    """The whole cache, written beside and then renamed over the old one, so a crash leaves
    the old cache or the new, never half of one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + f".{os.getpid()}.tmp")
    with gzip.open(tmp, "wt", encoding="utf-8") as fh:
        for (name, top_k, model), spellings in sorted(rows.items()):
            fh.write(json.dumps({"name": name, "top_k": top_k, "model": model, "spellings": list(spellings)},
                                ensure_ascii=False) + "\n")
    os.replace(tmp, path)
