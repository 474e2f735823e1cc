"""Independent origins: derivation chains collapsed, so support is counted in sources that
did their own reporting rather than in articles."""
from __future__ import annotations

from collections.abc import Iterable, Mapping

from rasid.model import Derivation


def origin_groups(article_ids: Iterable[str], derivations: Iterable[Derivation],
                  outlet_of: Mapping[str, str | None] | None = None) -> list[list[str]]:
    """Articles joined by any derivation (either direction, through any chain) form one group;
    so do articles of one outlet (an outlet repeating itself is not a second confirmation).
    Each group is one independent origin. Groups and members are sorted."""
    ids = sorted(set(article_ids))
    parent = {i: i for i in ids}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(a: str, b: str) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    for d in derivations:
        if d.source_id in parent and d.derived_id in parent:
            union(d.source_id, d.derived_id)
    first_of_outlet: dict[str, str] = {}
    for i in ids:
        outlet = (outlet_of or {}).get(i)
        if outlet:
            union(first_of_outlet.setdefault(outlet, i), i)
    groups: dict[str, list[str]] = {}
    for i in ids:
        groups.setdefault(find(i), []).append(i)
    return sorted(groups.values())


def independent_origins(article_ids: Iterable[str], derivations: Iterable[Derivation],
                        outlet_of: Mapping[str, str | None] | None = None) -> int:
    return len(origin_groups(article_ids, derivations, outlet_of))


def roots(article_ids: Iterable[str], derivations: Iterable[Derivation]) -> list[str]:
    """The articles that derive from nothing else in the set: the originals (an undirected
    pair contributes both, as either may be the original)."""
    ids = set(article_ids)
    derived = {d.derived_id for d in derivations
               if d.directed and d.source_id in ids and d.derived_id in ids}
    return sorted(ids - derived)
