"""Map a JSON object's fields onto the contract names, using the alias table."""
from __future__ import annotations

from functools import lru_cache

from rasid.resources import read_table


@lru_cache(maxsize=1)
def _aliases() -> dict[str, str]:
    table: dict[str, str] = {}
    for canonical, aliases in read_table("fields.tsv"):
        for alias in aliases.split(","):
            table.setdefault(alias.strip(), canonical)
    return table


def map_fields(obj: dict) -> tuple[dict[str, object], dict[str, object]]:
    """Split `obj` into (contract fields, everything else). The first alias present wins."""
    aliases = _aliases()
    known: dict[str, object] = {}
    extra: dict[str, object] = {}
    for key, value in obj.items():
        canonical = aliases.get(key)
        if canonical and canonical not in known and value not in (None, ""):
            known[canonical] = value
        else:
            extra[key] = value
    return known, extra


def has_field(obj: dict, canonical: str) -> bool:
    """True if `obj` has the field under any of its names, even with an empty value."""
    aliases = _aliases()
    return any(aliases.get(key) == canonical for key in obj)
