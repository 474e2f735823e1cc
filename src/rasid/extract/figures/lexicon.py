"""The figure vocabulary, loaded from reviewed data files in resources/figures/.

Every entry is stored as a tuple of normalized tokens (the same folding and the
same tokenizer the text gets), so matching is a dictionary hit on token tuples.
Proclitics are expanded here, once, into the lookup tables: a word such as
«وبثلاثة» is then one dictionary hit, not a loop of stripping attempts.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rasid.resources import read_lines, read_table
from rasid.text.normalize import Norm, normalize

# Words of normalized text: numbers with their separators, letter runs, single marks.
TOKEN_RE = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+|\S")

# Proclitics a number word may carry. ب ل ك ف only on words of three letters or more, so
# short words are not read inside others (لست "I am not" is not ل + ست).
_CONJ = ("", "و", "ف")
_PREP = ("", "ب", "ل", "ك")


def norm(word: str) -> str:
    return " ".join(normalize(word, Norm.MATCH).split())


def tokens_of(phrase: str) -> tuple[str, ...]:
    return tuple(TOKEN_RE.findall(norm(phrase)))


@dataclass(frozen=True, slots=True)
class Word:
    """A number word: its value and grammatical kind (see resources/figures/numbers.tsv)."""
    value: float
    kind: str
    clitic: int = 0           # proclitic letters before the word proper
    definite: bool = False    # carried the article (only vague words are listed so)


@dataclass(frozen=True, slots=True)
class Lexicon:
    numbers: dict[str, Word]                     # surface token (clitics included) -> word
    vague: dict[str, Word]                       # عشرات، العشرات، بالآلاف … (kind vague|few|several)
    vague_names: dict[float, str]                # value -> the word Figure.approx reports
    few_name: str
    several_name: str
    approx_before: dict[tuple[str, ...], str]    # token tuple -> reported phrase
    approx_after: dict[tuple[str, ...], str]
    approx_kinds: dict[str, str]                 # reported phrase -> about|over|under|…
    units: dict[tuple[str, ...], str]            # token tuple -> unit name
    unit_kinds: dict[str, str]                   # unit name -> person|money|…
    not_figures: dict[str, frozenset[tuple[str, ...]]]  # kind -> token tuples
    not_units: frozenset[str]
    change: frozenset[str]
    max_unit: int                                # longest unit entry, in tokens
    max_approx: int


def _cells(cell: str) -> list[str]:
    return [w.strip() for w in cell.split(",") if w.strip()]


def _with_clitics(form: str, word: Word, table: dict[str, Word], article: bool = False) -> None:
    bases = [("", form)]
    if article:
        bases += [("ال", "ال" + form), ("لل", "لل" + form)]  # لل = ل + ال
    for conj in _CONJ:
        for prep in _PREP:
            for art, base in bases:
                if art == "لل" and prep:
                    continue
                if prep and len(form) < 3:
                    continue
                surface = conj + prep + base
                clitic = len(conj) + len(prep)
                definite = bool(art)
                if art == "لل":
                    clitic += 2  # ل + the article's ل: the span starts at the word proper
                table.setdefault(surface, Word(word.value, word.kind, clitic, definite))


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    numbers: dict[str, Word] = {}
    exact: dict[str, Word] = {}
    for value, kind, words in read_table("figures/numbers.tsv"):
        for w in _cells(words):
            exact.setdefault(norm(w), Word(float(value), kind))
    numbers.update(exact)  # a listed word always wins over a clitic reading of another
    for form, word in exact.items():
        _with_clitics(form, word, numbers)

    vague: dict[str, Word] = {}
    vague_names: dict[float, str] = {}
    few_name = several_name = ""
    for value, kind, words in read_table("figures/vague.tsv"):
        forms = _cells(words)
        if kind == "vague":
            vague_names.setdefault(float(value), forms[0])
        elif kind == "few":
            few_name = few_name or forms[0]
        elif kind == "several":
            several_name = several_name or forms[0]
        for w in forms:
            _with_clitics(norm(w), Word(float(value), kind), vague, article=kind == "vague")

    approx_before: dict[tuple[str, ...], str] = {}
    approx_after: dict[tuple[str, ...], str] = {}
    approx_kinds: dict[str, str] = {}
    for kind, position, phrases in read_table("figures/approx.tsv"):
        forms = _cells(phrases)
        table = approx_before if position == "before" else approx_after
        approx_kinds.setdefault(forms[0], kind)
        for p in forms:
            table.setdefault(tokens_of(p), forms[0])

    units: dict[tuple[str, ...], str] = {}
    unit_kinds: dict[str, str] = {}
    for kind, forms in read_table("figures/units.tsv"):
        names = _cells(forms)
        unit_kinds.setdefault(names[0], kind)
        for f in names:
            units.setdefault(tokens_of(f), names[0])

    not_figures: dict[str, set[tuple[str, ...]]] = {}
    for kind, words in read_table("figures/not_figures.tsv"):
        not_figures.setdefault(kind, set()).update(tokens_of(w) for w in _cells(words))
    not_units = frozenset(t[0] for t in not_figures.pop("not_unit", set()) if len(t) == 1)
    change = frozenset(norm(w) for w in read_lines("figures/change.txt"))
    return Lexicon(
        numbers=numbers, vague=vague, vague_names=vague_names, few_name=few_name,
        several_name=several_name, approx_before=approx_before, approx_after=approx_after,
        approx_kinds=approx_kinds, units=units, unit_kinds=unit_kinds,
        not_figures={k: frozenset(v) for k, v in not_figures.items()}, not_units=not_units,
        change=change, max_unit=max(len(k) for k in units),
        max_approx=max(len(k) for k in (*approx_before, *approx_after)),
    )
