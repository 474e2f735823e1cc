"""Who held a title when: "الرئيس السوري" is Bashar al-Assad in mid-2024 and Ahmed al-Sharaa
in 2025. Built from the dated roles the corpus itself wrote next to names.

A title matches when the query's folded words run, in order and together, inside the role:
"الرئيس السوري" finds "الرئيس السوري المؤقت", never "رئيس الوزراء السوري". Each holder is reported with the first and last date
the title was written beside their name; `holder_on` picks, for a date, the holder whose
dated uses are nearest, preferring one whose span covers the date.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from rasid.model import Entity
from rasid.resolve.names import fold_arabic


@dataclass(frozen=True, slots=True)
class Tenure:
    entity_id: str
    name: str
    title: str            # the most used wording of the title for this holder
    first: str | None     # earliest dated use
    last: str | None      # latest dated use
    uses: int


def _words(text: str) -> tuple[str, ...]:
    # Not name_tokens: a title's first word is exactly what name folding drops (الرئيس).
    return tuple(w[2:] if w.startswith("ال") and len(w) > 4 else w
                 for w in re.findall(r"[^\W\d_]+", fold_arabic(text)))


def _contains(role: tuple[str, ...], want: tuple[str, ...]) -> bool:
    return any(role[i:i + len(want)] == want for i in range(len(role) - len(want) + 1))


def holders(entities: Iterable[Entity], title: str) -> list[Tenure]:
    """Everyone the corpus calls `title`, in the order they first held it."""
    want = _words(title)
    out = []
    for e in entities:
        uses = [r for r in e.roles if want and _contains(_words(r.title), want)]
        if not uses:
            continue
        dates = sorted(r.date for r in uses if r.date)
        wording = max({r.title for r in uses}, key=lambda t: (sum(r.title == t for r in uses), -len(t)))
        out.append(Tenure(e.id, e.name_ar or e.name_latin, wording, dates[0] if dates else None,
                          dates[-1] if dates else None, len(uses)))
    return sorted(out, key=lambda t: (t.first or "9999", t.name))


def holder_on(tenures: list[Tenure], on: str) -> Tenure | None:
    """The holder on a date (YYYY-MM-DD): one whose dated uses span it, else the nearest."""
    day = date.fromisoformat(on)
    dated = [t for t in tenures if t.first and t.last]
    covering = [t for t in dated if t.first <= on <= t.last]
    if covering:
        return max(covering, key=lambda t: t.uses)

    def distance(t: Tenure) -> int:
        return min(abs((date.fromisoformat(t.first) - day).days),
                   abs((date.fromisoformat(t.last) - day).days))
    return min(dated, key=distance) if dated else None
