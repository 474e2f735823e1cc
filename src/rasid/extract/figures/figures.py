"""The figure stage: every amount an article states, with what it counts.

    «قرابة 9 آلاف عنصر من داعش»   value 9000, unit "عنصر", about "عنصر من داعش", approx "قرابة"
    «بين 10 و15 قتيلاً»            value 15, low 10, unit "قتيل"
    «عشرات القتلى»                  value 10 (a lower bound), approx "عشرات", unit "قتيل"
    «40% من الناخبين»               value 40, unit "%", about "الناخبين"

A figure is read around a numeral (numbers.py): the approximation word before it,
a range partner after it, the unit and the noun phrase after that. Numbers that
are not amounts (negatives.py: dates, years, clock times, ordinals, phone numbers,
«القرار 2254») are skipped; the article's own date spans (rasid.extract.dates)
are skipped when given. Spans cover approximation + number + unit and index the
caller's text exactly.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import replace

from rasid.extract.figures import negatives
from rasid.extract.figures.document import Doc
from rasid.extract.figures.lexicon import Lexicon, lexicon
from rasid.extract.figures.numbers import Numeral, read_numeral
from rasid.extract.figures.units import PERCENT, UnitRead, look_back, percent_of, read_unit
from rasid.model import Article, DateRef, Figure

VERSION = "figures/1"
_DOT_THOUSANDS = re.compile(r"^[1-9]\d{0,2}\.\d{3}$")
_BETWEEN = ("بين",)
_FROM = ("من",)
_TO = frozenset({"الي", "حتي"})
_RANGE_MARKS = frozenset({"-", "–"})
_CHANGE_WINDOW = 6
_OPEN_QUOTES = frozenset("«\"“'")
_CLOSE_QUOTES = frozenset("»\"”'")
# Number words that are also common words: تسع "accommodates", ست "lady", سبع "lion".
_HOMOGRAPHS = frozenset({"تسع", "ست", "سبع"})


class _Reader:
    def __init__(self, doc: Doc, dates: negatives.DateSpans):
        self.doc = doc
        self.dates = dates
        self.lex: Lexicon = doc.lex
        self.floor = 0  # first token not taken by the previous figure: context may not reach back past it

    # -- helpers -------------------------------------------------------------------
    def numeral(self, i: int) -> Numeral | None:
        if not 0 <= i < self.doc.n:
            return None
        return read_numeral(self.doc.toks, i, self.lex)

    def rejected(self, num: Numeral, start: int) -> str | None:
        """Why `num` is not an amount (None when it is one). `start`: first token of its context."""
        doc = self.doc
        if self.dates.overlaps(doc.span(num.start, num.end)):
            return "date"
        reason = negatives.shape(doc, num) or negatives.label(doc, start, num) or negatives.after(doc, num)
        if reason:
            return reason
        prev = doc.word(num.first - 1)
        if prev.startswith("ال") and prev[2:] in self.lex.numbers and not doc.glued(num.first):
            return "definite"                              # «الخمسة عشر»: a definite numeral
        if num.words and not num.vague and doc.word(num.first - 1) in _OPEN_QUOTES \
                and doc.word(num.last) in _CLOSE_QUOTES:
            return "name"                                  # «ألف»: a name in quotes
        alone = self.lex.numbers.get(doc.word(num.first)) if num.last == num.first + 1 else None
        if alone is not None and alone.kind == "ten" and doc.definite(num.first - 1):
            return "ordinal"                               # «الثالث عشر»، «الحادي عشر»
        if num.last == num.first + 1 and doc.word(num.first) in _HOMOGRAPHS:
            nxt = doc.word(num.last)
            if not (nxt == "من" or nxt in self.lex.numbers or (doc.is_arabic(num.last)
                                                              and not doc.definite(num.last))):
                return "homograph"                         # «تسع القاعة»: accommodates, not nine
        if num.words and not num.vague:
            nxt = doc.word(num.last)
            if nxt[:1].isdigit() or (negatives.is_clitic(nxt) and doc.word(num.last + 1)[:1].isdigit()):
                return "verb"                              # «تسع 500 شخص»: تسع accommodates
            if num.last == num.first + 1 and num.value == 1:
                return "one"                               # «في آن واحد»: واحد is an adjective
        return None

    def approx_before(self, start: int) -> tuple[str, int] | None:
        """(phrase, normalized start) of an approximation word ending just before token `start`."""
        found = self.doc.phrase_before(self.lex.approx_before, start, self.lex.max_approx)
        if found is None or found[1] < self.floor:
            return None
        phrase, first, clitic = found
        return phrase, self.doc.toks.starts[first] + clitic

    def approx_after(self, k: int) -> tuple[str, int] | None:
        """(phrase, next token) of an approximation word at token k: «على الأقل»، «تقريباً»."""
        return self.doc.phrase_at(self.lex.approx_after, k, self.lex.max_approx)

    def changed(self, i: int) -> bool:
        """A word of change (ارتفع، تراجع…) shortly before token i, in the same clause."""
        doc = self.doc
        for p in range(i - 1, max(-1, i - 1 - _CHANGE_WINDOW), -1):
            if doc.is_boundary(p):
                return False
            if any(stem in self.lex.change for stem, _ in doc.stems(p)):
                return True
        return False

    # -- ranges --------------------------------------------------------------------
    def range_prefix(self, i: int) -> tuple[str, int] | None:
        """("between" | "from", normalized start) when token i follows «بين» or «من»."""
        doc = self.doc
        if i - 1 < self.floor:
            return None
        for stem, clitic in doc.stems(i - 1):
            if stem in _BETWEEN:
                return "between", doc.toks.starts[i - 1] + clitic
            if stem in _FROM and (clitic == 0 or doc.word(i - 1) == "ومن"):
                return "from", doc.toks.starts[i - 1] + clitic
        return None

    def range_partner(self, num: Numeral, kind: str | None) -> Numeral | None:
        """The second numeral of «بين X وY» / «من X إلى Y» / «X-Y» / «X إلى Y» / «X أو Y»."""
        doc = self.doc
        k = num.last
        w = doc.word(k)
        if kind == "between":
            if w == "و" or w == "الي":                  # «بين 10 و15»، «ما بين 20 إلى 30»
                return self.numeral(k + 1)
            entry = self.lex.numbers.get(w)
            if w.startswith("و") and entry is not None and entry.clitic == 1:
                return self.numeral(k)                   # «وخمسة»
            return None
        if w in _TO or (kind is None and w == "او"):
            return self.numeral(k + 1)
        if w in _RANGE_MARKS and doc.word(num.first)[:1].isdigit() and doc.word(k + 1)[:1].isdigit():
            return self.numeral(k + 1)
        return None

    # -- one figure ----------------------------------------------------------------
    def read(self, i: int) -> tuple[list[Figure], int]:
        """Figures starting at token i, and the token to continue from."""
        num = self.numeral(i)
        if num is None:
            return [], i + 1
        prefix = self.range_prefix(num.first)
        kind = prefix[0] if prefix else None
        if kind == "from" and self.approx_before(num.first) is not None:
            prefix = kind = None                         # «أكثر من 10»: من belongs to أكثر
        partner = self.range_partner(num, kind)
        if partner is not None:
            out = self.read_range(num, partner, prefix)
            if out is not None:
                return out
        if self.rejected(num, num.first):
            return [], max(num.last, i + 1)
        fig, nxt = self.build(num, num.first, num.start)
        return ([fig] if fig else []), nxt

    def read_range(self, low: Numeral, high: Numeral, prefix: tuple[str, int] | None
                   ) -> tuple[list[Figure], int] | None:
        first = low.first - (1 if prefix else 0)
        if self.rejected(low, first) or self.rejected(high, high.first):
            return [], high.last
        if prefix and prefix[0] == "from" and self.changed(first):
            # «ارتفع العدد من 10 إلى 15»: two figures, before and after.
            second, nxt = self.build(high, high.first, high.start)
            lone, _ = self.build(low, low.first, low.start, unit_from=second)
            return [f for f in (lone, second) if f], nxt
        if _year_like(self.doc, low) and _year_like(self.doc, high) \
                and read_unit(self.doc, high.last, high) is None:
            return [], high.last                         # «1491 - 1547»: a span of years
        low_value = low.value
        if low.scale == 1 and high.scale > 1 and low.value * high.scale <= high.value:
            low_value = low.value * high.scale            # «بين 2 و3 ملايين»
        if low_value >= high.value:
            if self.doc.word(low.last) in _RANGE_MARKS and read_unit(self.doc, high.last, high) is None:
                return [], high.last                     # «2-2»، «3-1»: a score, not two amounts
            return None
        start = prefix[1] if prefix else low.start
        fig, nxt = self.build(high, first, start, low_value=low_value)
        return ([fig] if fig else []), nxt

    def build(self, num: Numeral, first: int, start: int, low_value: float | None = None,
              unit_from: Figure | None = None) -> tuple[Figure | None, int]:
        """A figure around `num` (the high end of a range when `low_value` is set); `first` and
        `start` are the token and offset where its context begins (a range's «بين»)."""
        doc = self.doc
        end = num.end
        approx = None
        value = num.value
        k = num.last
        if low_value is None and first == num.first and first - 1 >= self.floor \
                and doc.word(first - 1) == "(" and doc.word(k) == ")":
            # «ما يزيد على (22,000) مسلم»، «(6) ملايين»: the brackets are transparent.
            first, start, end, k = first - 1, doc.toks.starts[first - 1], doc.toks.ends[k], k + 1
            scale = self.lex.numbers.get(doc.word(k))
            if scale is not None and scale.clitic == 0 and scale.kind in ("scale", "scale_plural") \
                    and num.scale == 1:
                value, end, k = value * scale.value, doc.toks.ends[k], k + 1
        pre = self.approx_before(first)
        if pre is not None:
            approx, start = pre[0], min(start, pre[1])
        unit: str | None = None
        about: str | None = None
        sign = doc.word(num.first - 1) if low_value is None and num.first - 1 >= self.floor else ""
        if sign in ("%", "٪") and doc.glued(num.first):            # «%40» (bidi-flipped)
            unit, start = PERCENT, min(start, doc.toks.starts[num.first - 1])
            about = percent_of(doc, num.last)
        elif negatives.currency_sign(sign):                          # «$500»
            unit, start = self.lex.units.get((sign,)), min(start, doc.toks.starts[num.first - 1])
        post = self.approx_after(k)
        if post is not None and post[0] != "على الأقل":                # «عشرون ونيف»
            approx = approx or post[0]
            k, end = post[1], doc.toks.ends[post[1] - 1]
        read: UnitRead | None = read_unit(doc, k, num) if unit is None else None
        if read is not None:
            unit, about, k, end = read.unit, read.about, read.last, read.end
        counted = num.first - 1 >= self.floor and doc.word(num.first - 1) in _PART_OF
        if low_value is None and approx is None and (read is not None and not read.sure) \
                and not counted and (negatives.year(doc, num) or negatives.bare_code(doc, num)):
            return None, num.last                   # «خلال 2024 تغيرت»: a verb is no counted noun
        if low_value is None and approx is None and unit is None and negatives.year(doc, num):
            return None, num.last                   # «2025» standing as a year
        post = self.approx_after(k)
        if post is not None:                                         # «على الأقل»، «تقريباً»
            approx = approx or post[0]
            k, end = post[1], doc.toks.ends[post[1] - 1]
        if unit is None and unit_from is not None and unit_from.unit is not None:
            unit, about = unit_from.unit, unit_from.about  # «من 12 إلى 19 قتيلاً»: 12 counts قتلى
        elif unit is None:
            back = look_back(doc, first)
            if back is not None:
                unit, about = back
            elif approx is None and low_value is None and negatives.bare_code(doc, num):
                return None, num.last
        if unit is not None and num.scale == 1 and _DOT_THOUSANDS.match(doc.word(num.first)) \
                and self.lex.unit_kinds.get(unit, "thing") in ("person", "thing"):
            value = value * 1000                     # «65.669 مشجعاً»: people are not counted in parts
        if approx is None and num.vague is not None and low_value is None:
            approx = num.vague
        span = doc.span(start, end)
        fig = Figure(span=span, text=doc.text[span.start:span.end], value=_clean(value),
                     unit=unit, about=about, approx=approx,
                     low=_clean(low_value) if low_value is not None else None)
        return fig, max(k, num.last)


def approx_kind(approx: str | None) -> str | None:
    """Which way a figure's approximation leans, for comparing figures across articles:
    about | over | under | at_least | up_to (resources/figures/approx.tsv), "at_least" for a
    vague amount (عشرات، بضعة آلاف: the value is a floor), None for an exact figure."""
    if approx is None:
        return None
    lex = lexicon()
    kind = lex.approx_kinds.get(approx)
    if kind is not None:
        return kind
    head = approx.split(" ", 1)[0]
    if head in lex.vague_names.values() or head in (lex.few_name, lex.several_name):
        return "at_least"
    return None


def unit_kind(unit: str | None) -> str | None:
    """person | money | measure | time | thing | percent for a listed unit, else None."""
    return lexicon().unit_kinds.get(unit) if unit else None


def _year_like(doc: Doc, num: Numeral) -> bool:
    w = doc.word(num.first)
    return num.last == num.first + 1 and w.isdigit() and len(w) == 4 and 1000 <= num.value <= 2100


def _clean(v: float) -> float:
    """Round away float noise from decimal scaling (2.3 * 1e6 = 2299999.9999999995)."""
    r = round(v, 6)
    return float(round(r)) if abs(r - round(r)) < 1e-9 else r


# «بينهم 2000 عراقي»: a number after these counts part of a group, so it is no year.
_PART_OF = frozenset("بينهم منهم بينها منها بينهن منهن".split())


def extract_figures(text: str, dates: Iterable[DateRef] = ()) -> list[Figure]:
    """Every amount `text` states, in text order. `dates`: the article's DateRefs, whose
    spans are skipped (a day number or a year inside a date is not a figure)."""
    if not text or not text.strip():
        return []
    doc = Doc(text, lexicon())
    reader = _Reader(doc, negatives.DateSpans([d.span for d in dates]))
    numbers, vague = doc.lex.numbers, doc.lex.vague
    words = doc.toks.words
    out: list[Figure] = []
    i, n = 0, doc.n
    while i < n:
        w = words[i]
        if not (w[0].isdigit() or w in numbers or w in vague):
            i += 1
            continue
        figures, nxt = reader.read(i)
        out.extend(figures)
        i = max(nxt, i + 1)
        if figures:
            reader.floor = i
    return out


class FigureExtractor:
    """Per-article stage: needs cleaned text (and dates, when the date stage ran); adds `figures`."""

    name = "figures"
    version = VERSION

    def __call__(self, article: Article) -> Article:
        return replace(article, figures=tuple(extract_figures(article.text, article.dates)))

    def pipe(self, articles: Iterable[Article]) -> Iterator[Article]:
        for a in articles:
            yield self(a)
