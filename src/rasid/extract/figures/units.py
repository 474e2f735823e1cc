"""What a figure counts: the unit after the number, and the words that say what it is of.

    «9 آلاف عنصر من داعش في سجون الحسكة»  unit "عنصر", about "عنصر من داعش"
    «25 قتيلاً مدنياً»                      unit "قتيل", about "قتيلا مدنيا"
    «عشرات القتلى» / «الآلاف من المتظاهرين»  the definite noun a vague amount governs
    «ارتفع عدد القتلى إلى 25»               no noun after: the «عدد X» before names it

Units are folded through resources/figures/units.tsv (singular, accusative and plural
forms to one name) so that figures from different articles compare; nouns not listed
keep their written form without article, clitics, diacritics or case ending.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from rasid.extract.figures.document import Doc
from rasid.extract.figures.numbers import Numeral

MAX_ABOUT_WORDS = 6
_VERBISH = re.compile(r"^[لس][يتن]\w{3,}$")        # ليرتفع، ستصل: a verb, not a counted noun
# بمشاركة، لمدة، باستخدام، لإنقاذ: ب/ل + a verbal noun (but لاعب, لاجئ are nouns)
_PREPOSED = re.compile(r"^[بل](?:[مت]\w{2,}|س\w{3,}|ا[^عج]\w{2,})$")
_IMPERFECT = re.compile(r"^[يت]\w{3}$")             # يموت، تدفع: a four-letter present-tense verb
_PRONOUN = ("ها", "هم", "هن", "كم")
_CLITIC_ARTICLE = ("لل", "بال", "كال", "فال")       # للكمية: a preposition + article, not a count                  # من موظفيها، من عناصرهم
_NISBA = ("ي", "يه", "يا", "يين", "يون", "يات")     # مدنيا، سورية، أمريكيين: adjectives of origin
_COUNT_WORDS = ("عدد", "حصيله")
PERCENT = "%"


@dataclass(frozen=True, slots=True)
class UnitRead:
    unit: str
    last: int                 # token after the unit (where the figure's span ends)
    end: int                  # normalized char offset where the unit ends
    about: str | None
    sure: bool = True         # listed in units.tsv, or marked as a noun by the accusative alef


def _noun_ok(doc: Doc, i: int, stem: str) -> bool:
    lex = doc.lex
    w = doc.word(i)
    if not doc.is_arabic(i) or len(stem) < 2 or stem in lex.not_units or w in lex.not_units:
        return False
    if stem != w and len(stem) < 3:
        return False                                   # التي، الذي: not «ال» + a noun
    if stem in lex.numbers or stem in lex.vague or _VERBISH.match(stem):
        return False
    nf = lex.not_figures
    return (stem,) not in nf["time_after"] and (stem,) not in nf["era_after"]


def _fold(doc: Doc, i: int, skip: int, partitive: bool = False) -> tuple[str, int, int]:
    """(unit name, start, end) of the noun at token i, `skip` leading letters (ال) dropped.

    A listed form gives its unit; otherwise the word is cut back to a singular-looking stem
    by three light rules: the accusative alef (قتيلاً), a possessive after «من» (موظفيها),
    the sound masculine plural (محتجزين; not the broken plurals of the فعاليل shape).
    """
    units = doc.lex.units
    w = doc.word(i)
    stem = w[skip:]
    start, end = doc.toks.starts[i] + skip, doc.toks.ends[i]
    name = units.get((stem,))
    if name is not None:
        return name, start, end
    cut = 0
    if partitive and stem.endswith(_PRONOUN) and len(stem) >= 5:
        cut = 2
        if stem[-3] == "ي" and len(stem) >= 6:            # موظفي+ها: the construct plural
            for guess in (stem[:-3] + "ين", stem[:-3]):
                if (guess,) in units:
                    return units[(guess,)], start, end
            cut = 3
        elif (stem[:-2],) in units:
            return units[(stem[:-2],)], start, end
    elif stem.endswith("ا") and not stem.endswith(("ايا", "اا")) and len(stem) >= 3:
        cut = 1
    elif stem.endswith(("ين", "ون")) and len(stem) >= 5 and stem[-4] != "ا":
        cut = 2
    return doc.display(start, end - cut), start, end


def read_unit(doc: Doc, k: int, num: Numeral) -> UnitRead | None:
    """The unit at token k, right after the numeral (or after its range's second numeral)."""
    lex = doc.lex
    hit = doc.phrase_at(lex.units, k, lex.max_unit)
    if hit is not None:
        name, nxt = hit
        if name == PERCENT:
            return UnitRead(PERCENT, nxt, doc.toks.ends[nxt - 1], percent_of(doc, nxt))
        return UnitRead(name, nxt, doc.toks.ends[nxt - 1],
                        _about(doc, doc.toks.starts[k], nxt, definite=False))
    w = doc.word(k)
    if not w:
        return None
    definite = doc.definite(k)
    if definite and num.vague is None:
        return None                                    # «قتل 25 الأسبوع الماضي»
    stem = w[2:] if definite else w
    if num.vague is not None and not definite and (w,) not in lex.units and w != "من":
        return None                                    # «المئات بحالات اختناق»: عشرات القتلى only
    if _noun_ok(doc, k, stem) and (definite or _indefinite_ok(doc, w)):
        name, start, end = _fold(doc, k, 2 if definite else 0)
        sure = (stem,) in lex.units or (not definite and stem.endswith("ا"))
        return UnitRead(name, k + 1, end, _about(doc, doc.toks.starts[k], k + 1, definite), sure)
    if w == "من":                                      # partitive: «اثنان من الجنود»
        noun = doc.word(k + 1)
        definite = doc.definite(k + 1)
        stem = noun[2:] if definite else noun
        if _noun_ok(doc, k + 1, stem) and (definite or _indefinite_ok(doc, noun)):
            name, start, end = _fold(doc, k + 1, 2 if definite else 0, partitive=True)
            return UnitRead(name, k + 2, end, _about(doc, doc.toks.starts[k + 1], k + 2, definite),
                            sure=(stem,) in lex.units)
    return None


def _indefinite_ok(doc: Doc, w: str) -> bool:
    """An unlisted indefinite word may be a counted noun unless it opens with the conjunction
    و (قتل 5 وأصيب) or is ب/ل before a verbal noun (2025 بمشاركة)."""
    if (w,) in doc.lex.units:
        return True
    return (w[0] != "و" and not _PREPOSED.match(w) and not w.startswith(_CLITIC_ARTICLE)
            and not _IMPERFECT.match(w))


def _adjective(doc: Doc, i: int, definite: bool) -> bool:
    w = doc.word(i)
    if not doc.is_arabic(i) or w in doc.lex.not_units:
        return False
    if doc.definite(i) != definite:
        return False
    return len(w) >= 4 and w.endswith(_NISBA)


def _about(doc: Doc, start: int, j: int, definite: bool) -> str:
    """The unit word and what qualifies it: nisba adjectives, then «من» + a short noun phrase."""
    words = 1
    for _ in range(2):
        if _adjective(doc, j, definite):
            j, words = j + 1, words + 1
    if doc.word(j) == "من" and doc.is_arabic(j + 1):
        noun = doc.word(j + 1)
        stem = noun[2:] if noun.startswith("ال") else noun
        if _noun_ok(doc, j + 1, stem) and noun[0] not in "وف":
            j, words = j + 2, words + 2
            while words < MAX_ABOUT_WORDS and doc.is_arabic(j) and doc.word(j) not in doc.lex.not_units \
                    and (doc.word(j).startswith("ال") or _adjective(doc, j, False)) \
                    and doc.word(j)[2:] not in doc.lex.numbers:
                j, words = j + 1, words + 1
    return doc.display(start, doc.toks.ends[j - 1])


def percent_of(doc: Doc, j: int) -> str | None:
    """«40% من السكان» -> "السكان"."""
    if doc.word(j) != "من" or not doc.is_arabic(j + 1) or doc.word(j + 1) in doc.lex.not_units:
        return None
    k, words = j + 2, 1
    while words < MAX_ABOUT_WORDS - 1 and doc.is_arabic(k) and doc.word(k).startswith("ال") \
            and doc.word(k) not in doc.lex.not_units:
        k, words = k + 1, words + 1
    return doc.display(doc.toks.starts[j + 1], doc.toks.ends[k - 1])


def look_back(doc: Doc, start: int) -> tuple[str, str] | None:
    """(unit, about) from «عدد القتلى» / «حصيلة الضحايا» a few words before a bare number."""
    for p in range(start - 1, max(-1, start - 7), -1):
        if doc.is_boundary(p) or doc.word(p)[:1].isdigit():
            return None
        for stem, clitic in doc.stems(p):
            if stem not in _COUNT_WORDS:
                continue
            q = p + 1
            noun = doc.word(q)
            definite = doc.definite(q)
            if q >= start or not _noun_ok(doc, q, noun[2:] if definite else noun):
                return None
            unit, _, _ = _fold(doc, q, 2 if definite else 0)
            end = q + 1
            while end < start and end - q < 3 and doc.word(end).startswith("ال") and doc.is_arabic(end) \
                    and doc.word(end) not in doc.lex.not_units:
                end += 1
            return unit, doc.display(doc.toks.starts[p] + clitic, doc.toks.ends[end - 1])
    return None
