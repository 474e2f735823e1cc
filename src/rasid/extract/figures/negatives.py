"""Numbers that are not amounts: dates, years, clock times, ordinals, phone numbers, names.

«القرار 2254» names a resolution, «الـ25» is an ordinal, «10:30» a time, «2025» standing
alone a year, «5 مارس» a day. Each rule is a small predicate over the tokens around a
numeral; `reason` says which one fired (tests and `--errors` show it).
"""
from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from rasid.extract.dates.lexicon import lexicon as date_lexicon
from rasid.extract.figures.document import Doc
from rasid.extract.figures.numbers import Numeral
from rasid.model import Span

_ORDINAL_PREFIXES = frozenset({"ال", "بال", "وال", "فال", "كال", "لل", "ولل", "فلل", "وبال"})
_CLITICS = frozenset({"و", "ف", "ب", "ل", "ك", "وب", "فب", "ول", "فل", "وك"})
_CURRENCY_SIGNS = frozenset("$€£")
_PERCENT_ESCAPE = re.compile(r"%[0-9a-f]{2}")
_ENUMERATORS = frozenset({"-", ".", ")", "–", "/"})
_MAX_PLAIN_DIGITS = 10  # an unseparated run longer than this is a phone or an account number
_LABEL_SKIPS = 2        # definite adjectives allowed between a name word and its number


@lru_cache(maxsize=1)
def _month_firsts() -> frozenset[str]:
    return frozenset(name.split(" ", 1)[0] for name in date_lexicon().months)


class DateSpans:
    """The article's date spans, for «is this number inside a date?» in O(log n)."""

    def __init__(self, spans: list[Span]):
        merged: list[list[int]] = []
        for s in sorted(spans):
            if merged and s.start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], s.end)
            else:
                merged.append([s.start, s.end])
        self._starts = [m[0] for m in merged]
        self._ends = [m[1] for m in merged]

    def overlaps(self, span: Span) -> bool:
        i = bisect_right(self._starts, span.end - 1) - 1
        return i >= 0 and self._ends[i] > span.start


def shape(doc: Doc, num: Numeral) -> str | None:
    """Reasons visible in the characters around a digit numeral: codes, times, ordinals…"""
    i = num.first
    w = doc.word(i)
    if not w[:1].isdigit():
        return None
    prev, nxt = doc.word(i - 1), doc.word(i + 1)
    g_prev, g_next = doc.glued(i), doc.glued(i + 1)
    if (g_prev or g_next) and _in_link(doc, i):
        return "code"                                   # …%D9%87%20… inside a web address
    if doc.is_latin(i - 1) or (g_prev and prev in ("×", "x")):
        return "code"                                   # G20, F16, «Lifeline 4», ×360
    if g_prev and doc.is_arabic(i - 1) and prev not in _CLITICS and prev not in _ORDINAL_PREFIXES:
        return "code"                                   # ص36 (a page), م5: letters glued to digits
    if g_prev and prev == "-" and doc.glued(i - 1) and (doc.is_latin(i - 2) or doc.is_arabic(i - 2)):
        return "code"                                   # F-16، إس-400، كوفيد-19
    if g_prev and prev == "+" and (len(w) >= 3 or doc.word(i - 2)[:1].isdigit()):
        return "phone"                                  # +962, «5+1» (but «+5%» is a change)
    if (g_prev and prev in _ORDINAL_PREFIXES) or prev == "ال":
        return "ordinal"                                # الـ25، للمرة الـ3
    if g_next and nxt in (":", "/") and doc.glued(i + 2) and doc.word(i + 2)[:1].isdigit():
        return "time" if nxt == ":" else "date"        # 10:30، 12/3
    if g_prev and prev in (":", "/") and doc.word(i - 2)[:1].isdigit() and doc.glued(i - 1):
        return "time" if prev == ":" else "date"
    if _hyphen_chain(doc, i) >= 3:
        return "phone"                                  # 0933-123-456، 2025-03-09
    if len(w) > 1 and w[0] == "0" and w[1].isdigit():
        return "phone"                                  # leading zero: a code, not an amount
    if w.isdigit() and len(w) > _MAX_PLAIN_DIGITS:
        return "phone"
    if nxt in _ENUMERATORS and num.value < 100 and (
            _line_start(doc, i) or (prev in (".", ":", "؛") and g_next and nxt in "-)")):
        return "list"                                   # «1 - تلبية طلب الزبائن»
    if (nxt[:1].isdigit() and not g_next) or (prev[:1].isdigit() and not g_prev):
        return "phone"                                  # +962 6 5551234: digit groups in a row
    if g_next and (doc.is_latin(i + 1) or doc.is_arabic(i + 1)) and (nxt,) not in doc.lex.units:
        return "code"                                   # 5G, «636250موبايلي» (but 500km is an amount)
    if g_next and nxt == "+":
        return "code"                                   # «5+1»
    return None


def _in_link(doc: Doc, i: int) -> bool:
    """True when token i sits in a web address or a percent-encoded run."""
    norm = doc.norm
    a = norm.rfind(" ", 0, doc.toks.starts[i]) + 1
    b = norm.find(" ", doc.toks.ends[i])
    chunk = norm[a:b if b >= 0 else len(norm)]
    return "://" in chunk or "www." in chunk or len(_PERCENT_ESCAPE.findall(chunk)) >= 2


def _line_start(doc: Doc, i: int) -> bool:
    """True when token i opens a line (only spaces before it since the last newline)."""
    p = doc.toks.starts[i] - 1
    while p >= 0 and doc.norm[p] in " \t":
        p -= 1
    return p < 0 or doc.norm[p] in "\n\r"


def _hyphen_chain(doc: Doc, i: int) -> int:
    """How many digit groups are joined by glued hyphens around token i."""
    first = i
    while doc.word(first - 1) == "-" and doc.glued(first) and doc.glued(first - 1) \
            and doc.word(first - 2)[:1].isdigit():
        first -= 2
    count, j = 1, first
    while doc.word(j + 1) == "-" and doc.glued(j + 1) and doc.glued(j + 2) and doc.word(j + 2)[:1].isdigit():
        count, j = count + 1, j + 2
    return count


def label(doc: Doc, start: int, num: Numeral) -> str | None:
    """Reasons in the words just before the numeral (`start`: its first token, or its range's)."""
    digits = doc.word(num.first)[:1].isdigit()  # names number things in digits: «القائمة 23»
    if doc.word(start - 1) == "(":
        start -= 1                                   # «المرتبة (31)»
    kinds = ("time_before", "year_before", "phone", "name", "rank") if digits else ("time_before", "year_before")
    direct = doc.phrase_before(_kinds(doc, kinds), start, 3)
    if direct is not None:
        kind = direct[0]
        if kind == "time_before" and num.value > 24:
            kind = None
        elif kind == "year_before" and (num.value > 2100 or num.value != int(num.value)):
            kind = None
        if kind:
            return kind
    if not digits:
        return None
    # «القرار الأممي 2254»، «المرسوم التشريعي رقم 10»: definite adjectives in between.
    j = start
    for _ in range(_LABEL_SKIPS):
        w = doc.word(j - 1)
        if not (w.startswith("ال") and len(w) >= 4 and doc.is_arabic(j - 1)):
            break
        j -= 1
        found = doc.phrase_before(_kinds(doc, ("name", "rank")), j, 3)
        if found is not None:
            return found[0]
    return None


_KIND_TABLES: dict[tuple[int, tuple[str, ...]], dict] = {}


def _kinds(doc: Doc, kinds: tuple[str, ...]) -> dict[tuple[str, ...], str]:
    key = (id(doc.lex), kinds)
    table = _KIND_TABLES.get(key)
    if table is None:
        table = {}
        for kind in kinds:
            for phrase in doc.lex.not_figures.get(kind, ()):
                table.setdefault(phrase, kind)
        _KIND_TABLES[key] = table
    return table


def after(doc: Doc, num: Numeral) -> str | None:
    """Reasons in the word after the numeral: a clock time, an era mark, a month name."""
    if num.scale != 1 or num.value != int(num.value):
        return None
    k = num.last
    w = doc.word(k)
    nf = doc.lex.not_figures
    if (w,) in nf["time_after"] and num.value <= 24:
        return "time"                                   # 10 صباحاً
    if not doc.word(num.first)[:1].isdigit():
        return None
    if (w,) in nf["era_after"] and num.value >= 100 or (w == "ق" and doc.word(k + 1) == "."):
        return "year"                                   # 1446 هـ، 65 ق.م
    if num.value <= 31:
        if w in ("من", "/", "-"):
            w = doc.word(k + 1)
        if w in _month_firsts() or w in ("الشهر", "شهر"):
            return "date"                               # 5 مارس، 15 من الشهر الجاري
    return None


def bare_code(doc: Doc, num: Numeral) -> bool:
    """An unseparated integer of five digits or more: with nothing counted, a code or an
    account or SMS number («أرسل إلى 88548»); amounts this large are written with a unit."""
    w = doc.word(num.first)
    return num.last == num.first + 1 and w.isdigit() and len(w) >= 5


def year(doc: Doc, num: Numeral) -> bool:
    """A bare four-digit number 1900–2100: a year unless a counted noun or an approximation
    word says otherwise (the caller checks those)."""
    w = doc.word(num.first)
    return (num.last == num.first + 1 and w.isdigit() and len(w) == 4 and 1900 <= num.value <= 2100)


def is_clitic(w: str) -> bool:
    return w in _CLITICS


def currency_sign(w: str) -> bool:
    return w in _CURRENCY_SIGNS
