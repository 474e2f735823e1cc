"""Recognise boilerplate lines using the reviewed patterns in resources/boilerplate.tsv."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rasid.resources import read_table
from rasid.text.normalize import Norm, normalize

# Lines are folded like this before matching (case is handled by re.I, and
# folding a pattern's text must not lower-case escapes such as \S).
LINE_FOLD = Norm.MATCH & ~Norm.LOWER


@dataclass(frozen=True, slots=True)
class Rule:
    reason: str
    scope: str
    pattern: re.Pattern[str]


@lru_cache(maxsize=1)
def rules() -> tuple[Rule, ...]:
    out = []
    for reason, scope, source in read_table("boilerplate.tsv"):
        if scope not in ("inline", "line", "block", "trailer", "caption"):
            raise ValueError(f"boilerplate.tsv: unknown scope {scope!r}")
        text = source if scope == "inline" else normalize(source, LINE_FOLD)
        out.append(Rule(reason, scope, re.compile(text, re.I)))
    return tuple(out)


def fold_line(line: str) -> str:
    return normalize(line, LINE_FOLD)


def line_reason(folded: str, scopes: tuple[str, ...] = ("line",)) -> str | None:
    """The reason a (folded) line is boilerplate under the given scopes, or None."""
    for rule in rules():
        if rule.scope in scopes and rule.pattern.search(folded):
            return rule.reason
    return None


def caption_credit(folded: str) -> re.Match[str] | None:
    for rule in rules():
        if rule.scope == "caption":
            m = rule.pattern.search(folded)
            if m:
                return m
    return None
