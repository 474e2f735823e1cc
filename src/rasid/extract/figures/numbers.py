"""Numerals: digits in any script and Arabic number words, read into one value.

    «1,905» «٢٫٥» «۱۲۰۰»                      digits, with , . ٬ ٫ separators
    «ثلاثة آلاف» «خمسمائة» «مئتين وخمسين»      words, with case and gender forms and clitics
    «2.5 مليار» «9 آلاف» «3 ملايين و200 ألف»   digits times a multiplier word
    «عشرات الآلاف» «بضعة آلاف» «مئات»          vague amounts: a lower bound and the word

The reader works on normalized tokens (rasid.text.normalize, Norm.MATCH), so the
digit sets, hamza seats, ta marbuta, diacritics and tatweel are already folded.
Arabic joins the parts of a number with و and puts units before tens
(«خمسة وعشرون»); the grammar below accepts a part only where MSA allows it, which
is what keeps two neighbouring numbers («بين 10 و15») apart.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass

from rasid.extract.figures.lexicon import TOKEN_RE, Lexicon, Word, lexicon
from rasid.text.normalize import Norm, normalize

MAX_DIGITS = 15  # longer digit runs are identifiers or noise, not amounts
_DIGITS = re.compile(r"\d+(?:[.,]\d+)*")
_SCALES = ("scale", "scale_plural")


def parse_digits(s: str) -> float | None:
    """The value of one written number: «1,905» 1905, «3.5» 3.5, «٢٬٥٠٠» 2500, «2,5» 2.5.

    A comma before exactly three digits groups thousands, otherwise it is a decimal
    comma; a lone dot is a decimal point («1.500» is 1.5), several dots group
    thousands («1.500.000»). When both marks appear, the last one is the decimal.
    Returns None for things that are not one number (dates such as «3.5.2025»).
    """
    s = normalize(s.strip(), Norm.DIGITS)
    if not s or len(s) > 40 or not _DIGITS.fullmatch(s):
        return None
    dots, commas = s.count("."), s.count(",")
    if dots and commas:
        dec = "." if s.rfind(".") > s.rfind(",") else ","
        if s.count(dec) != 1:
            return None
        whole, _, frac = s.rpartition(dec)
        groups = whole.split("," if dec == "." else ".")
        return _join(groups, frac)
    if not dots and not commas:
        return float(s) if len(s.lstrip("0")) <= MAX_DIGITS else None
    sep = "." if dots else ","
    parts = s.split(sep)
    if len(parts) == 2:
        if sep == "," and len(parts[1]) == 3 and len(parts[0]) <= 3 and parts[0][0] != "0":
            return _join(parts, "")
        return _join([parts[0]], parts[1])
    return _join(parts, "")


def _join(groups: list[str], frac: str) -> float | None:
    """Thousand groups (each after the first exactly three digits) plus a fraction."""
    if len(groups) > 1 and (not 1 <= len(groups[0]) <= 3 or any(len(g) != 3 for g in groups[1:])):
        return None
    whole = "".join(groups)
    if len(whole.lstrip("0")) > MAX_DIGITS:
        return None
    return float(f"{whole}.{frac}" if frac else whole)


@dataclass(slots=True)
class Tokens:
    """Tokens of normalized text as parallel lists (cheaper than one object per token)."""
    words: list[str]
    starts: list[int]
    ends: list[int]

    def __len__(self) -> int:
        return len(self.words)

    def word(self, i: int) -> str:
        return self.words[i] if 0 <= i < len(self.words) else ""

    def glued(self, i: int) -> bool:
        """True when token i touches token i-1 (no space between)."""
        return 0 < i < len(self.words) and self.starts[i] == self.ends[i - 1]


def tokenize(norm_text: str) -> Tokens:
    words, starts, ends = [], [], []
    for m in TOKEN_RE.finditer(norm_text):
        words.append(m.group())
        starts.append(m.start())
        ends.append(m.end())
    return Tokens(words, starts, ends)


@dataclass(frozen=True, slots=True)
class Numeral:
    first: int                # token index of the first part (its clitic excluded)
    last: int                 # token index after the last part
    start: int                # normalized character offsets
    end: int
    value: float
    scale: float = 1.0        # the largest multiplier word applied (1 when none)
    words: bool = False       # spelled, at least in part, in words
    vague: str | None = None  # the vague word as Figure.approx reports it: «عشرات»
    definite: bool = False    # a vague word with the article: «العشرات»


def _is_digits(w: str) -> bool:
    return w[:1].isdigit()


def read_numeral(toks: Tokens, i: int, lex: Lexicon | None = None) -> Numeral | None:
    """The numeral starting at token i, or None when the token starts none."""
    lex = lex or lexicon()
    w = toks.words[i]
    start = toks.starts[i]
    total, group, parts, last_scale = 0.0, 0.0, set(), math.inf
    spelled = False
    j = i + 1
    if _is_digits(w):
        value = parse_digits(w)
        if value is None:
            return None
        group, parts = value, {"digits"}
    else:
        entry = lex.numbers.get(w)
        if entry is None or entry.kind == "scale_plural":
            return _read_vague(toks, i, lex)
        start += entry.clitic
        spelled = True
        kind, v = entry.kind, entry.value
        if kind == "teen_unit":
            if _plain(lex, toks.word(j), "ten") is None:
                return None
            group, parts, j = v + 10, {"teen"}, j + 1
        elif kind in ("unit", "tens", "hundred"):
            group, parts = v, {kind}
        elif kind == "ten":
            group, parts = v, {"teen"}
        elif kind == "scale":
            total, last_scale = v, v
        elif kind == "scale_dual":
            total, last_scale = v, v / 2
        elif kind == "fraction":
            scale = _plain(lex, toks.word(j), "scale")
            if scale is None:
                return None
            total, last_scale, j = v * scale.value, scale.value, j + 1
        else:
            return None
    n = len(toks)
    while j < n:
        w = toks.words[j]
        entry = lex.numbers.get(w)
        plain = entry is not None and entry.clitic == 0
        if plain and entry.kind in _SCALES and group > 0 and entry.value < last_scale:
            total += group * entry.value            # ثلاثة آلاف، 2.5 مليار، ثلاثمئة ألف
            group, parts, last_scale, spelled, j = 0.0, set(), entry.value, True, j + 1
            continue
        if plain and entry.kind == "hundred" and entry.value == 100 and parts == {"unit"} and group >= 3:
            group, parts, j = group * 100, {"hundred"}, j + 1  # ثلاث مئة
            continue
        if plain and entry.kind == "ten" and "unit" in parts and not parts & {"tens", "teen"}:
            group, j = group + 10, j + 1                        # ثلاثة عشر، مئة وخمسة عشر
            parts = (parts - {"unit"}) | {"teen"}
            continue
        # A part joined by و: «وخمسون» (one token) or «و 200» / «و200».
        if w == "و" and j + 1 < n:
            piece, k = toks.words[j + 1], j + 2
            piece_entry = None if _is_digits(piece) else _plain_entry(lex, piece)
            if piece_entry is None and not _is_digits(piece):
                break
        elif entry is not None and entry.clitic == 1 and w[0] == "و":
            piece, k, piece_entry = w, j + 1, entry
        else:
            break
        saved = (total, group, set(parts), last_scale)
        step = _join_part(toks, lex, piece, piece_entry, k, total, group, parts, last_scale)
        if step is None:
            break
        total, group, parts, last_scale, k, final = step
        after = lex.numbers.get(toks.word(k))
        if after is not None and after.clitic == 0 and after.kind in _SCALES and after.value >= saved[3]:
            total, group, parts, last_scale = saved  # «3 آلاف و5 آلاف»: a second number
            break
        spelled = spelled or piece_entry is not None
        j = k
        if final:
            break
    value = total + group
    if value <= 0 and "digits" not in parts:
        return None
    scale = last_scale if last_scale != math.inf else 1.0
    return Numeral(i, j, start, toks.ends[j - 1], value, scale, spelled)


def _plain(lex: Lexicon, w: str, kind: str) -> Word | None:
    entry = lex.numbers.get(w)
    return entry if entry is not None and entry.clitic == 0 and entry.kind == kind else None


def _plain_entry(lex: Lexicon, w: str) -> Word | None:
    entry = lex.numbers.get(w)
    return entry if entry is not None and entry.clitic == 0 else None


def _join_part(toks: Tokens, lex: Lexicon, piece: str, entry: Word | None, k: int,
               total: float, group: float, parts: set, last_scale: float):
    """The state after one و-joined part, or None when MSA would not join it here.

    Returns (total, group, parts, last_scale, next token, final?).
    """
    after_scale = group == 0 and total > 0
    if entry is None:  # digits: only below the multiplier just closed («3 ملايين و200 ألف»)
        v = parse_digits(piece)
        if v is None or not after_scale or v >= last_scale:
            return None
        return total, v, {"digits"}, last_scale, k, False
    kind, v = entry.kind, entry.value
    taken = parts & {"tens", "teen", "digits"}
    if kind == "tens" and not taken and (parts & {"unit", "hundred"} or after_scale):
        return total, group + v, parts | {"tens"}, last_scale, k, False
    if kind == "unit" and not taken and "unit" not in parts and ("hundred" in parts or after_scale):
        return total, group + v, parts | {"unit"}, last_scale, k, False
    if kind == "teen_unit" and not taken and ("hundred" in parts or after_scale) \
            and _plain(lex, toks.word(k), "ten") is not None:
        return total, group + v + 10, parts | {"teen"}, last_scale, k + 1, False
    if kind == "ten" and not taken and "unit" not in parts and ("hundred" in parts or after_scale):
        return total, group + 10, parts | {"teen"}, last_scale, k, False
    if kind == "hundred" and after_scale and v < last_scale:
        return total, v, {"hundred"}, last_scale, k, False
    if kind == "scale" and after_scale and v < last_scale:
        return total + v, 0.0, set(), v, k, False          # مليون وألف
    if kind == "fraction":
        if after_scale:
            return total + v * last_scale, 0.0, set(), last_scale, k, True  # مليون ونصف
        if group > 0 and total == 0 and "digits" not in parts:
            return total, group + v, parts, last_scale, k, True              # ثلاثة ونصف
    return None


def _read_vague(toks: Tokens, i: int, lex: Lexicon) -> Numeral | None:
    """عشرات، مئات الآلاف، بضعة آلاف، عدة ملايين: an order of magnitude, not a count."""
    entry = lex.vague.get(toks.words[i])
    if entry is None:
        return None
    start = toks.starts[i] + entry.clitic
    j = i + 1
    nxt = lex.vague.get(toks.word(j))
    nxt_ok = nxt is not None and nxt.clitic == 0 and nxt.kind == "vague"
    if entry.kind == "vague":
        value, name = entry.value, lex.vague_names[entry.value]
        if nxt_ok and nxt.value >= 1000 and nxt.value > entry.value:
            value, name, j = value * nxt.value, f"{name} ال{lex.vague_names[nxt.value]}", j + 1
    else:
        lead = lex.few_name if entry.kind == "few" else lex.several_name
        if nxt_ok and not nxt.definite:
            value, name, j = entry.value * nxt.value, f"{lead} {lex.vague_names[nxt.value]}", j + 1
        elif entry.kind == "few":
            value, name = entry.value, lead
        else:
            return None  # «عدة أشخاص»: several, no amount
    return Numeral(i, j, start, toks.ends[j - 1], value, 1.0, True, name, entry.definite)


def parse_number(s: str) -> float | None:
    """The value of a string that is one numeral and nothing else, else None.

    >>> parse_number("ثلاثة آلاف"), parse_number("2.5 مليار"), parse_number("مئتين وخمسين")
    (3000.0, 2500000000.0, 250.0)
    """
    toks = tokenize(normalize(s, Norm.MATCH))
    if not len(toks):
        return None
    num = read_numeral(toks, 0)
    if num is None or num.last != len(toks):
        return None
    return num.value
