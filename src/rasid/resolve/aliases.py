"""Reviewed aliases (`resources/entity_aliases.tsv`): قسد = SDF = قوات سوريا الديمقراطية.

Aliases are the only way two names with nothing in common become one entity, so they
come from a reviewed file, never from a model. Lookup is by folded name in either script.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from rasid.resolve.names import is_latin, latin_tokens, name_tokens


@dataclass(frozen=True, slots=True)
class Alias:
    id: str            # the line's English name, which also names the entity in exports
    type: str
    name_ar: str
    name_latin: str


def fold(name: str, clitics: bool = False) -> str:
    """The lookup key of a name; with `clitics`, a glued و/ب/ل comes off first (وحماس)."""
    return " ".join(latin_tokens(name) if is_latin(name) else name_tokens(name, clitics))


def _text() -> str:
    return resources.files("rasid.resources").joinpath("entity_aliases.tsv").read_text("utf-8")


def digest() -> str:
    """A short digest of the alias file: entities resolved under another file are stale."""
    from rasid.ids import digest as _digest

    return _digest(_text(), size=4)


@lru_cache(maxsize=1)
def _table() -> dict[str, Alias]:
    text = _text()
    table: dict[str, Alias] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) < 3 or cols[0] == "type":
            continue
        kind, name_ar, name_latin = cols[0].strip(), cols[1].strip(), cols[2].strip()
        entry = Alias(name_latin, kind, name_ar, name_latin)
        forms = [name_ar, name_latin] + (cols[3].split("|") if len(cols) > 3 else [])
        for form in forms:
            key = fold(form.strip())
            if key:
                table.setdefault(key, entry)
    return table


@lru_cache(maxsize=200_000)   # the resolver asks for the same name forms millions of times
def lookup(name: str, clitics: bool = False) -> Alias | None:
    return _table().get(fold(name, clitics))
