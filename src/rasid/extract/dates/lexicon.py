"""The date vocabulary, loaded from reviewed data files in resources/dates/.

Every word is stored in its normalized form (the same folding the text gets),
so lookups are plain dictionary hits on normalized tokens.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from rasid.resources import read_lines, read_table
from rasid.text.normalize import Norm, normalize


def norm(word: str) -> str:
    return " ".join(normalize(word, Norm.MATCH).split())


@dataclass(frozen=True, slots=True)
class Lexicon:
    months: dict[str, tuple[str, int]]        # name -> (calendar, month number)
    weekdays: dict[str, int]                  # name -> ISO weekday (Monday = 1)
    numbers: dict[str, int]                   # cardinal words (one or two tokens)
    ordinals: dict[str, int]                  # ordinal day words, compounds included
    units: dict[str, tuple[str, str]]         # word -> (unit, "1" | "2" | "n")
    day_words: dict[str, int]                 # اليوم, أمس, أول أمس … -> day offset
    directions: dict[str, int]                # الماضي -> -1, المقبل -> 1, الحالي -> 0
    parts: dict[str, str]                     # مطلع -> start …
    periods: dict[str, str]                   # الأسبوع -> week …
    year_words: frozenset[str]
    hijri_era: frozenset[str]
    gregorian_era: frozenset[str]
    not_today_after: frozenset[str]
    not_today_before: frozenset[str]
    time_of_day: frozenset[str]
    date_context: frozenset[str]
    same_month: frozenset[str]
    future_phrases: tuple[str, ...]
    not_verbs: frozenset[str]
    max_phrase: int                           # longest multi-word entry, in tokens


def _words(cell: str) -> list[str]:
    return [norm(w) for w in cell.split(",") if w.strip()]


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    months = {}
    for calendar, number, names in read_table("dates/months.tsv"):
        for name in _words(names):
            months.setdefault(name, (calendar, int(number)))
    weekdays = {w: int(n) for n, names in read_table("dates/weekdays.tsv") for w in _words(names)}
    numbers = {w: int(n) for n, names in read_table("dates/numbers.tsv") for w in _words(names)}
    units_ = {n: v for n, v in numbers.items() if v < 10}
    tens = {n: v for n, v in numbers.items() if v in (20, 30, 40, 50, 60, 70, 80, 90)}
    for unit_word, u in units_.items():  # خمسة وعشرين
        for ten_word, t in tens.items():
            numbers[f"{unit_word} و{ten_word}"] = u + t
    ordinals = {w: int(n) for n, names in read_table("dates/ordinals.tsv") for w in _words(names)}
    base = {w: v for w, v in ordinals.items() if v < 10}
    for word, v in list(base.items()):
        ordinals.setdefault(f"{word} عشر", 10 + v)            # الحادي عشر … التاسع عشر
        for ten_word, t in (("العشرين", 20), ("الثلاثين", 30)):
            ordinals.setdefault(f"{word} و{ten_word}", v + t)  # الخامس والعشرين
    units = {}
    for unit, count, words in read_table("dates/units.tsv"):
        for w in _words(words):
            units[w] = (unit, count)
    table = {}
    for kind, value, words in read_table("dates/relative.tsv"):
        for w in _words(words):
            table.setdefault(kind, {})[w] = value
    future, not_verbs = [], set()
    for line in read_lines("dates/future_markers.txt"):
        (not_verbs.add(norm(line[1:])) if line.startswith("!") else future.append(norm(line)))
    every = [*months, *numbers, *ordinals, *table.get("day", {})]
    return Lexicon(
        months=months, weekdays=weekdays, numbers=numbers, ordinals=ordinals, units=units,
        day_words={w: int(v) for w, v in table["day"].items()},
        directions={w: int(v) for w, v in table["direction"].items()},  # the order lines come in
        parts=dict(table["part"]), periods=dict(table["period"]),
        year_words=frozenset(table["year_word"]) | {norm("عامي"), norm("سنتي")},
        hijri_era=frozenset(table["hijri_era"]), gregorian_era=frozenset(table["gregorian_era"]),
        not_today_after=frozenset(table["not_today_after"]),
        not_today_before=frozenset(table["not_today_before"]),
        time_of_day=frozenset(table["time_of_day"]), date_context=frozenset(table["date_context"]),
        same_month=frozenset(table["same_month"]),
        future_phrases=tuple(future), not_verbs=frozenset(not_verbs),
        max_phrase=max(len(w.split()) for w in every),
    )
