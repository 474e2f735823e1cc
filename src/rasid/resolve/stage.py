"""The entity stage over a store: read mentions, resolve, write entities back.

Resolution is global (a new article can join two spellings seen months apart), but an
ingest does not re-read the archive for it. The articles it changed (new, re-dated, moved
to another story: those the store finds behind this stage) are resolved again with the
rest of their stories, together with every entity their names may join, found by the
keys the last run indexed them under (name blocks, lone names, acronyms, titles). Those
entities' other mentions keep their earlier decisions and can gain new names, and the
entities are written back in place of the old. A first ingest, a store resolved before
the index existed, or a run where most articles changed is resolved whole
(`update(store, whole=True)` forces it: `rasid resolve`).

What costs most in a whole run, romanizing Arabic names to compare them with Latin ones,
is kept beside the store (`romanizations`), so the next ingest, in a new process, does not
romanize them again.
"""
from __future__ import annotations

import gzip
import json
import os
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from rasid.resolve import aliases, script
from rasid.resolve.resolver import EntityResolver


@dataclass
class EntityReport:
    mentions: int = 0          # mentions decided (all of them in a whole run)
    entities: int = 0          # entities written
    kept: int = 0              # an incremental run: other mentions of the entities it read,
                               # kept with their entity and read summed by spelling
    articles: int = 0          # changed articles resolved again (0: a whole run)
    whole: bool = True


class EntityStage:
    name = "entities"
    # The resolver's rules and its reviewed alias file: a new version of either puts every
    # article behind, so the next ingest resolves the whole archive under the new rules.
    version = f"{EntityResolver.version}+{aliases.digest()}"

    def __init__(self, resolver: EntityResolver | None = None, embeddings: bool = True) -> None:
        if resolver is None:
            embed = None
            if embeddings:
                from rasid.text.embed import Embedder
                embed = Embedder()
            resolver = EntityResolver(embed=embed)
        self.resolver = resolver

    def update(self, store, whole: bool = False) -> EntityReport:
        cache = romanization_cache(store)
        known = read_romanizations(cache)
        script.remember(known)
        script.learned()   # what is computed from here on is what the cache lacks
        behind = store.articles_behind(self.name, self.version)
        whole = whole or _whole(store, behind)
        if not whole and not behind:
            return EntityReport(whole=False)
        if whole:
            refs = list(store.mention_refs())
            result = self.resolver.resolve(refs)
            store.replace_entities(result.entities, result.entity_of, result.keys, result.index)
            report = EntityReport(mentions=len(refs), entities=len(result.entities))
        else:
            report = self._update(store, behind)
        store.mark_stage(behind, self.name, self.version)
        new = {k: v for k, v in script.learned().items() if k not in known}
        if new and cache is not None:
            write_romanizations(cache, {**known, **new})
        return report

    def _update(self, store, changed: list[str]) -> EntityReport:
        """Resolve the changed articles' stories again, with the entities their names may join."""
        context = sorted(store.story_members(changed))   # names are read within their story
        refs = list(store.mention_refs(articles=context))
        with store.entity_update(context, self.resolver.lookup_keys(refs)) as update:
            result = self.resolver.update(refs, update.kept, update.was, update.together, update.existing)
            update.write(result)
        return EntityReport(mentions=len(refs), entities=len(result.entities),
                            kept=sum(f.count for f in update.kept), articles=len(changed), whole=False)


# Past this share of changed articles a whole run reads little more and decides everything
# afresh (a first ingest, a backfill).
WHOLE_SHARE = 0.5


def _whole(store, behind: list[str]) -> bool:
    """Whether this run must resolve the whole archive."""
    if not hasattr(store, "entity_update") or not store.has_entity_index():
        # resolved before the lookup keys existed, or its entities were lost: once, whole
        return True
    return bool(behind) and len(behind) > WHOLE_SHARE * store.counts()["articles"]


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
