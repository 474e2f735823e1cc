"""Find date expressions in normalized text and say what they mean, before any calendar maths.

A small hand-written grammar over tokens, tried at each position, longest
rules first. It yields `Parsed` records (the token span and the fields the
expression states: day, month, year, weekday, offsets, direction…); turning
those into calendar dates against a publication date is `resolve.py`'s job.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from rasid.extract.dates.lexicon import Lexicon, lexicon

_TOKEN = re.compile(r"\d+|[^\W\d_]+|\S")
_CLITICS = "وفبل"
_DECADE = re.compile(r"^(?:ال)?(عشرين|ثلاثين|اربعين|خمسين|ستين|سبعين|ثمانين|تسعين)(?:ي)?ات$")
_DECADE_BASE = {"عشرين": 20, "ثلاثين": 30, "اربعين": 40, "خمسين": 50, "ستين": 60,
                "سبعين": 70, "ثمانين": 80, "تسعين": 90}
# Month names that are also ordinary words (اب "father", مارس "practised", نيسان the
# car maker, ماي) or short English forms: alone, they need "شهر", a pair or a direction.
_AMBIGUOUS_MONTHS = {"اب", "مارس", "نيسان", "ماي", "may", "mar", "jan", "feb", "apr", "jun",
                     "jul", "aug", "sep", "sept", "oct", "nov", "dec", "june", "july", "march",
                     "april"}
_TO = {"الي", "حتي", "و", "-", "–"}
# Words that may follow a bare year ("في 1972 بعد تفجير") without making it a count.
_FUNCTION_WORDS = {"بعد", "قبل", "حين", "عندما", "حيث", "ثم", "و", "او", "على", "علي", "الي", "من",
                   "في", "عن", "مع", "وهو", "وهي", "حتى", "حتي", "لكن", "كما", "اذ", "وقد", "فقد",
                   "لم", "لن", "قد", "كان", "كانت", "وكان", "وكانت", "and", "in", "when", "after"}
# Context words after which a number is as often a count as a year ("في 2000 موقع");
# after خلال, منذ, حتى a four-digit number is a year.
_COUNT_PRONE = {"في", "وفي", "من", "الى", "بعد", "قبل"}
_DUALS = {"يومي", "عامي", "العامين", "سنتي", "السنتين"}


@dataclass(slots=True)
class Parsed:
    first: int                 # token index where the expression starts (clitic excluded)
    last: int                  # token index after the expression
    kind: str                  # date | numeric | year | decade | relday | weekday | period | offset
    start_char: int = 0        # normalized offsets (clitic excluded)
    end_char: int = 0
    fields: dict = field(default_factory=dict)


HIJRI_YEARS = (1350, 1500)   # a four-digit year in figures read as Hijri (numeric dates)


def tokenize(text: str) -> list[re.Match[str]]:
    """Token matches of normalized text: .group() is the word, .start()/.end() its offsets."""
    return list(_TOKEN.finditer(text))



_FIRSTS: dict[int, frozenset[str]] = {}


def _firsts(table: dict) -> frozenset[str]:
    """First words of a table's entries: a phrase lookup that fails on them fails fast."""
    key = id(table)
    if key not in _FIRSTS:
        _FIRSTS[key] = frozenset(k.split(" ", 1)[0] for k in table)
    return _FIRSTS[key]


# Words (besides digits and lexicon entries) at which some rule can start.
_STARTERS = {"من", "بين", "منذ", "قبل", "بعد", "يومي", "عامي", "العامين", "سنتي", "السنتين",
             "القرن", "للقرن", "والقرن", "بالقرن", "هذا", "هذه", "شهر", "بشهر", "لشهر", "(", "وقبل",
             "وبعد", "ومنذ", "فقبل", "فبعد"}


@lru_cache(maxsize=1)
def _triggers() -> frozenset[str]:
    lex = lexicon()
    words = set(_STARTERS) | lex.year_words | lex.time_of_day
    for table in (lex.months, lex.weekdays, lex.day_words, lex.parts, lex.periods, lex.ordinals,
                  lex.directions):
        words |= _firsts(table)
    return frozenset(words)


class Parser:
    def __init__(self, tokens: list[re.Match[str]], lex: Lexicon | None = None):
        self.t = tokens
        self.w = list(map(re.Match.group, tokens))
        self.lex = lex or lexicon()
        self.n = len(tokens)

    # -- token helpers ----------------------------------------------------------
    def word(self, i: int) -> str:
        return self.w[i] if 0 <= i < self.n else ""

    def phrase(self, table: dict, i: int, clitic: bool = True) -> tuple[object, int, int] | None:
        """(value, next index, clitic length) of the longest entry of `table` at token i."""
        if i >= self.n:
            return None
        firsts = _firsts(table)
        w0 = self.w[i]
        if w0 not in firsts and not (clitic and w0[1:] in firsts and w0[:1] in _CLITICS):
            return None
        for k in range(min(self.lex.max_phrase, self.n - i), 0, -1):
            words = self.w[i:i + k]
            key = " ".join(words)
            if key in table:
                return table[key], i + k, 0
            if clitic and len(words[0]) > 2 and words[0][0] in _CLITICS:
                key = " ".join([words[0][1:], *words[1:]])
                if key in table:
                    return table[key], i + k, 1
        return None

    def number(self, i: int, lo: int, hi: int) -> tuple[int, int] | None:
        w = self.word(i)
        if w.isdigit() and len(w) <= 4 and lo <= int(w) <= hi:
            return int(w), i + 1
        return None

    def year(self, i: int) -> tuple[int, int, int] | None:
        """(year, next index, digits) for a 4-digit (or flagged 2-digit) year."""
        w = self.word(i)
        if w.isdigit() and len(w) in (2, 3, 4):
            return int(w), i + 1, len(w)
        return None

    # -- entry point ------------------------------------------------------------
    def parse(self) -> list[Parsed]:
        out: list[Parsed] = []
        rules = (self.range_, self.absolute, self.same_month, self.english_absolute, self.numeric,
                 self.part, self.relday, self.weekday, self.period, self.offset, self.decade,
                 self.century, self.year_, self.month_alone)
        triggers = _triggers()
        decade = _DECADE.match
        hits = [i for i, w in enumerate(self.w)
                if w in triggers or w[0].isdigit() or (w[0] in _CLITICS and w[1:] in triggers)
                or (w[-1] == "ت" and decade(w))]
        # Every rule starts at a trigger word (a digit, a lexicon entry or a starter such
        # as من/قبل/يوم), so only those positions are tried.
        done = 0
        for i in hits:
            if i < done:
                continue
            for rule in rules:
                p = rule(i)
                if p is not None:
                    p.start_char = self.t[p.first].start() + p.fields.pop("_clitic", 0)
                    p.end_char = self.t[p.last - 1].end()
                    out.append(p)
                    done = p.last
                    break
        return out

    # -- pieces shared by rules --------------------------------------------------
    def month_tail(self, i: int) -> tuple[dict, int, int] | None:
        """[شهر] MONTH [/ MONTH | (MONTH)] at i: ({calendar, month, paired}, next, clitic)."""
        j = i
        clitic = 0
        if self.word(j) in ("شهر", "بشهر", "لشهر"):
            j += 1
        found = self.phrase(self.lex.months, j)
        if found is None and self.word(j) == "(":
            inner = self.phrase(self.lex.months, j + 1, clitic=False)
            if inner and self.word(inner[1]) == ")":
                outer = self.phrase(self.lex.months, inner[1] + 1, clitic=False)
                if outer:
                    (cal, m), k = outer[0], outer[1]
                    return {"calendar": cal, "month": m, "paired": True}, k, 0
        if found is None:
            return None
        (cal, m), k, c = found
        if j == i:
            clitic = c
        info = {"calendar": cal, "month": m, "paired": False, "name": self.word(k - 1)}
        sep = self.word(k)
        if sep in ("/", "-", "("):
            pair = self.phrase(self.lex.months, k + 1, clitic=False)
            if pair:
                k = pair[1] + (1 if sep == "(" and self.word(pair[1]) == ")" else 0)
                info["paired"] = True
                if pair[0][0] == cal and pair[0][1] != m:
                    info["pair_mismatch"] = True
        return info, k, clitic

    def year_tail(self, i: int) -> tuple[dict, int]:
        """[من] [عام|سنة] YEAR [era] after a month: ({year, digits, era}, next) or ({}, i)."""
        j = i
        if self.word(j) == "من":
            j += 1
        if self.word(j) in self.lex.year_words and self.word(j) not in ("منذ", "خلال"):
            j += 1
        y = self.year(j)
        if y is None or (y[2] < 4 and self.word(j - 1) == "من" and j - 1 == i):
            return {}, i
        year, j, digits = y
        info = {"year": year, "digits": digits}
        return info, self.era(j, info)

    def era(self, i: int, fields: dict) -> int:
        """Consume an era marker after a year (هـ، للهجرة / م، ميلادية); Hijri is noted."""
        word = self.word(i)
        if word in self.lex.hijri_era:
            fields["era"] = "hijri"
            return i + 1
        return i + 1 if word in self.lex.gregorian_era else i

    def day(self, i: int) -> tuple[int, int] | None:
        n = self.number(i, 1, 99)
        if n and len(self.word(i)) <= 2:
            return n
        o = self.phrase(self.lex.ordinals, i)
        if o:
            value, j, _ = o
            if self.word(j) == "من":
                j += 1
            return value, j
        return None

    # -- rules ----------------------------------------------------------------------
    def same_month(self, i: int) -> Parsed | None:
        """"19 منه", "الخامس من الشهر الجاري": a day of the month just mentioned (or this one)."""
        d = self.day(i)
        if d is None:
            return None
        day, j = d
        if self.word(j - 1) == "من" and j - 1 > i:
            j -= 1  # day() swallowed the "من" of "الخامس من الشهر الجاري"
        for k in range(min(3, self.n - j), 0, -1):
            if " ".join(self.w[j:j + k]) in self.lex.same_month:
                return Parsed(i, j + k, "date", fields={"day": day, "month_ref": True})
        return None

    def absolute(self, i: int) -> Parsed | None:
        """[weekday[،]] DAY [من] [شهر] MONTH[/MONTH] [[من] [عام] YEAR [era]]."""
        j = i
        weekday = None
        if self.word(j) in self.lex.time_of_day:
            j += 1
        wd = self.phrase(self.lex.weekdays, j)
        if wd:
            weekday, j = wd[0], wd[1]
            if self.word(j) in ("،", ","):
                j += 1
        d = self.day(j)
        if d is None:
            return None
        day, j = d
        if self.word(j) == "من":
            j += 1
        mt = self.month_tail(j)
        if mt is None:
            return None
        info, j, _ = mt
        y, j = self.year_tail(j)
        fields = {**info, **y, "day": day}
        if weekday:
            fields["weekday"] = weekday
        return Parsed(i, j, "date", fields=fields)

    def english_absolute(self, i: int) -> Parsed | None:
        """February 18, 2025 / Feb. 18 2025."""
        found = self.phrase(self.lex.months, i, clitic=False)
        if not found or not self.word(i).isascii():
            return None
        (cal, m), j, _ = found
        if self.word(j) == ".":
            j += 1
        d = self.number(j, 1, 99)
        if d is None:
            return None
        day, j = d
        fields = {"calendar": cal, "month": m, "day": day}
        k = j + 1 if self.word(j) == "," else j
        y = self.year(k)
        if y and y[2] == 4:
            fields.update(year=y[0], digits=4)
            j = y[1]
        return Parsed(i, j, "date", fields=fields)

    def numeric(self, i: int) -> Parsed | None:
        """12/3/2025, 12-03-2025, 12.03.2025, 2025-03-12 (day first unless year first)."""
        if not self.word(i).isdigit():
            return None
        sep = self.word(i + 1)
        if sep not in ("/", "-", ".") or self.word(i + 3) != sep:
            return None
        a, b, c = self.word(i), self.word(i + 2), self.word(i + 4)
        if not (b.isdigit() and c.isdigit()) or self.word(i + 5) in ("/", "-") or len(b) > 2:
            return None
        if len(a) == 4 and len(c) <= 2:
            fields = {"year": int(a), "month": int(b), "day": int(c), "digits": 4}
        elif len(a) <= 2 and len(c) in (2, 4):
            fields = {"day": int(a), "month": int(b), "year": int(c), "digits": len(c)}
        else:
            return None
        # Saudi official references date by the Hijri calendar: «وتاريخ 28 / 7 / 1433هـ». The
        # era marker says so; without one, a day in year 1350-1500 is Hijri too (1931-2077 AD),
        # since no news dates a day of the 14th or 15th century AD in figures.
        end = self.era(i + 5, fields)
        hijri = fields.get("era") == "hijri" or HIJRI_YEARS[0] <= fields["year"] <= HIJRI_YEARS[1]
        fields["calendar"] = "hijri" if hijri else "gregorian"
        return Parsed(i, end, "numeric", fields=fields)

    def range_(self, i: int) -> Parsed | None:
        """من 10 إلى 12 مارس 2025 · بين عامي 2015 و2017 · يومي 10 و11 أبريل · من يناير حتى مارس 2024."""
        w = self.word(i)
        if w in _DUALS:
            j = i + 1  # "عامي 2015 و2017", "يومي 10 و11 أبريل": the dual names the unit
        elif w in ("من", "بين", "منذ"):
            j = i + 1
            if self.word(j) in ("يومي", "عامي", "العامين"):
                j += 1
        else:
            return None
        # day range sharing one month
        d1 = self.number(j, 1, 31)
        if d1 and self.word(d1[1]) in _TO:
            d2 = self.number(d1[1] + 1, 1, 31)
            if d2:
                mt = self.month_tail(d2[1])
                if mt:
                    info, k, _ = mt
                    y, k = self.year_tail(k)
                    return Parsed(i, k, "date", fields={**info, **y, "day": d1[0], "end_day": d2[0]})
        # two full dates: من 28 فبراير إلى 3 مارس 2024 · بين 30 ديسمبر 2023 و2 يناير 2024
        first = self.absolute(j)
        if first is not None and self.word(first.last) in _TO:
            second = self.absolute(first.last + 1)
            if second is not None and "year" in second.fields:
                f1, f2 = first.fields, second.fields
                year1 = f1.get("year", f2["year"] - (1 if f1["month"] > f2["month"] else 0))
                return Parsed(i, second.last, "date", fields={
                    **f1, "year": year1, "digits": f1.get("digits", 4), "end_day": f2["day"],
                    "end_month": f2["month"], "end_year": f2["year"]})
        # year range
        k = j + 1 if self.word(j) in self.lex.year_words else j
        y1 = self.year(k)
        if y1 and y1[2] == 4 and self.word(y1[1]) in _TO:
            k2 = y1[1] + 1
            if self.word(k2) in self.lex.year_words:
                k2 += 1
            y2 = self.year(k2)
            if y2 and y2[2] == 4 and y2[0] >= y1[0]:
                return Parsed(i, y2[1], "year", fields={"year": y1[0], "end_year": y2[0]})
        if w in _DUALS:
            return None
        # month range
        m1 = self.month_tail(j)
        if m1:
            info1, k, _ = m1
            y1f, k = self.year_tail(k)
            if self.word(k) in _TO:
                m2 = self.month_tail(k + 1)
                if m2:
                    info2, k2, _ = m2
                    y2f, k2 = self.year_tail(k2)
                    if y1f or y2f:
                        year2 = y2f.get("year", y1f.get("year"))
                        return Parsed(i, k2, "month", fields={
                            **info1, "year": y1f.get("year", year2), "end_month": info2["month"],
                            "end_year": year2, "digits": 4})
        return None

    def part(self, i: int) -> Parsed | None:
        """مطلع/منتصف/أواخر + month [year|direction] | + [عام] YEAR | + العام/الشهر + direction."""
        found = self.phrase(self.lex.parts, i)
        if not found:
            return None
        part, j, clitic = found
        if part != "season" and (self.word(j) == "شهر" or self.phrase(self.lex.months, j, clitic=False)):
            mt = self.month_tail(j)
            if mt:
                info, k, _ = mt
                y, k2 = self.year_tail(k)
                fields = {**info, **y, "part": part, "_clitic": clitic}
                if not y:
                    dr = self.lex.directions.get(self.word(k))
                    if dr is not None:
                        fields["direction"] = dr
                        k2 = k + 1
                return Parsed(i, k2, "month", fields=fields)
        y, k = self.year_tail(j)
        if y and y["digits"] == 4:
            return Parsed(i, k, "year", fields={**y, "part": part, "_clitic": clitic})
        per = self.lex.periods.get(self.word(j))
        if per and part != "season":
            dr = self.lex.directions.get(self.word(j + 1))
            if dr is not None and self.word(j + 1) not in ("هذا", "هذه"):
                return Parsed(i, j + 2, "period", fields={"unit": per, "direction": dr,
                                                          "part": part, "_clitic": clitic})
            # "مطلع العام", "نهاية الشهر": the current one
            return Parsed(i, j + 1, "period", fields={"unit": per, "direction": 0,
                                                      "part": part, "_clitic": clitic})
        return None

    def relday(self, i: int) -> Parsed | None:
        """[مساء] اليوم|أمس|أول أمس|غداً|بعد غد [weekday]."""
        j = i
        if self.word(j) in self.lex.time_of_day and self.word(j) != "يوم":
            j += 1
        found = self.phrase(self.lex.day_words, j)
        if not found:
            return None
        offset, k, clitic = found
        followed_by_weekday = self.phrase(self.lex.weekdays, k, clitic=False) is not None
        if offset == 0 and not followed_by_weekday:  # "اليوم الخميس" is always today
            if self.word(j - 1) in self.lex.not_today_after or self.word(k) in self.lex.not_today_before:
                return None
        fields = {"offset": offset, "_clitic": clitic if j == i else 0}
        wd = self.phrase(self.lex.weekdays, k, clitic=False)
        if wd:
            fields["weekday"], k = wd[0], wd[1]
        return Parsed(i, k, "relday", fields=fields)

    def weekday(self, i: int) -> Parsed | None:
        """[يوم|مساء…] WEEKDAY [الماضي|المقبل]."""
        j = i
        if self.word(j) in self.lex.time_of_day:
            j += 1
        found = self.phrase(self.lex.weekdays, j)
        if not found:
            return None
        wd, k, clitic = found
        fields = {"weekday": wd, "_clitic": clitic if j == i else 0,
                  # "فجر الاثنين" in Monday's paper, "on Monday" in English: may be the same day
                  "same_day_ok": (j > i and self.word(i) != "يوم") or self.word(j).isascii()}
        if self.word(k) in self.lex.time_of_day and self.word(k) != "يوم":
            k += 1  # "يوم الأحد مساء"
        dr = self.lex.directions.get(self.word(k))
        if dr is not None and self.word(k) not in ("هذا", "هذه"):
            fields["direction"] = dr
            k += 1
        return Parsed(i, k, "weekday", fields=fields)

    def period(self, i: int) -> Parsed | None:
        """الأسبوع/الشهر/العام الماضي · هذا العام · العام الحالي."""
        j = i
        direction = None
        if self.word(j) in ("هذا", "هذه"):
            direction, j = 0, j + 1
        if direction is None and self.word(j).isascii() and self.word(j) in self.lex.directions:
            unit = self.lex.periods.get(self.word(j + 1))  # English order: "next month"
            if unit:
                return Parsed(i, j + 2, "period", fields={"unit": unit,
                                                          "direction": self.lex.directions[self.word(j)]})
        found = self.phrase(self.lex.periods, j)
        if not found:
            return None
        unit, k, clitic = found
        if direction is None:
            direction = self.lex.directions.get(self.word(k))
            if direction is None or self.word(k) in ("هذا", "هذه"):
                return None
            k += 1
        return Parsed(i, k, "period", fields={"unit": unit, "direction": direction,
                                               "_clitic": clitic if j == i else 0})

    def offset(self, i: int) -> Parsed | None:
        """منذ/قبل/بعد [N] UNIT: قبل ثلاثة أيام, منذ 3 أيام, بعد أسبوعين, قبل عام."""
        w = self.word(i)
        sign = {"منذ": -1, "قبل": -1, "بعد": 1}.get(w[1:] if w[:1] in "وف" and len(w) > 3 else w)
        if sign is None:
            return None
        j = i + 1
        count = None
        n = self.number(j, 1, 999)
        if n:
            count, j = n
        else:
            found = self.phrase(self.lex.numbers, j, clitic=False)
            if found:
                count, j = found[0], found[1]
        unit = self.lex.units.get(self.word(j))
        if unit is None:
            return None
        name, implied = unit
        if count is None:
            if implied == "n":
                return None  # "قبل أيام": vague, not a date
            count = int(implied)
        if self.year(j + 1) and len(self.word(j + 1)) == 4:
            return None  # "منذ عام 2017" is a year, not "one year ago"
        return Parsed(i, j + 1, "offset", fields={"unit": name, "count": count * sign})

    def decade(self, i: int) -> Parsed | None:
        m = _DECADE.match(self.word(i))
        if not m:
            return None
        j = i + 1
        century = 1900
        if self.word(j) == "من":
            j += 1
        if self.word(j) == "القرن":
            nxt = self.word(j + 1)
            if nxt in ("الحالي", "الحادي", "الجاري"):
                century = 2000
                j += 2 + (1 if nxt == "الحادي" and self.word(j + 2) == "والعشرين" else 0)
            elif nxt in ("الماضي", "العشرين", "المنصرم", "الفاءت"):
                j += 2
            elif nxt == "التاسع" and self.word(j + 2) == "عشر":
                century, j = 1800, j + 3
            else:
                j = i + 1
        else:
            j = i + 1
        return Parsed(i, j, "decade", fields={"year": century + _DECADE_BASE[m.group(1)]})

    def century(self, i: int) -> Parsed | None:
        """القرن التاسع عشر · القرن العشرين · القرن الحادي والعشرين · القرن الماضي."""
        if self.word(i) not in ("القرن", "للقرن", "والقرن", "بالقرن"):
            return None
        nxt = self.word(i + 1)
        if nxt in ("العشرين",):
            return Parsed(i, i + 2, "century", fields={"year": 1900})
        o = self.phrase(self.lex.ordinals, i + 1, clitic=False)
        if o and 1 <= o[0] <= 21:
            return Parsed(i, o[1], "century", fields={"year": (o[0] - 1) * 100})
        dr = self.lex.directions.get(nxt)
        if dr is not None and nxt not in ("هذا", "هذه"):
            return Parsed(i, i + 2, "century", fields={"direction": dr})
        return None

    def year_(self, i: int) -> Parsed | None:
        """عام 2017 · سنة ١٩٩٠ · 1446هـ · 2024م · في 2019. (a bare year needs context)."""
        w = self.word(i)
        j = i
        if w in self.lex.year_words and w not in ("منذ", "خلال"):
            j += 1
        elif w[:1] in "وبل" and w[1:] in self.lex.year_words:
            j += 1
        y = self.year(j)
        if y is None or y[2] < 3:
            return None
        year, k, digits = y
        fields = {"year": year, "digits": digits}
        after = self.era(k, fields)
        if after > k:
            k = after
        elif j == i:
            # A bare number is a year only in a year's company: after a context word
            # ("في 1972"), or alone in brackets ("(1949)"), and within plausible years.
            bracketed = self.word(i - 1) == "(" and self.word(k) == ")"
            if digits != 4 or not 1800 <= year <= 2100:
                return None
            if not bracketed and self.word(i - 1) not in self.lex.date_context:
                return None
            nxt = self.word(k)
            if (not bracketed and self.word(i - 1) in _COUNT_PRONE and nxt[:1].isalpha()
                    and not nxt.startswith("ال") and nxt not in _FUNCTION_WORDS):
                return None  # "في 2000 موقع": a count before its noun, not a year
        if self.word(k) in self.lex.units:
            return None
        return Parsed(i, k, "year", fields=fields)

    def month_alone(self, i: int) -> Parsed | None:
        """[شهر] MONTH[/MONTH] [الماضي|المقبل] or MONTH [عام] YEAR."""
        mt = self.month_tail(i)
        if mt is None:
            return None
        info, k, clitic = mt
        y, k2 = self.year_tail(k)
        fields = {**info, **y, "_clitic": clitic}
        if y:
            return Parsed(i, k2, "month", fields=fields)
        dr = self.lex.directions.get(self.word(k))
        if dr is not None and self.word(k) not in ("هذا", "هذه"):
            fields["direction"] = dr
            return Parsed(i, k + 1, "month", fields=fields)
        said_month = self.word(i) in ("شهر", "بشهر", "لشهر")
        if said_month or info["paired"]:
            return Parsed(i, k, "month", fields=fields)
        # A bare month needs a preposition before it: "في مارس" is March, while "مارس"
        # alone may be the verb "practised" (and "in May" is a month, "may" alone is not).
        if self.word(i - 1) not in self.lex.date_context:
            return None
        if info.get("name") in _AMBIGUOUS_MONTHS and info["name"].isascii() != self.word(i - 1).isascii():
            return None
        return Parsed(i, k, "month", fields=fields)
