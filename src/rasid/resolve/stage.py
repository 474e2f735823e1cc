"""The entity stage over a store: read every mention, resolve, write entities back.

Resolution is global (a new article can join two spellings seen months apart), so
the stage re-resolves the whole corpus when anything changed. It is cheap next to
tagging: names are compared only inside blocks (see `resolver.py`).
"""
from __future__ import annotations

from dataclasses import dataclass

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
        refs = list(store.mention_refs())
        result = self.resolver.resolve(refs)
        store.replace_entities(result.entities, result.entity_of, result.keys)
        return EntityReport(mentions=len(refs), entities=len(result.entities))
