"""Readers for the public NER corpora the shipped model is trained on.

Each corpus has its own quirks (see its README under `shared/data/`); every reader
returns sentences as (tokens, tags) with IOB2 tags over PER, ORG, LOC and MISC, and
re-tokenizes with rasid's own tokenizer so training sees the tokens tagging will see
(ANERcorp glues brackets to words: "(د" becomes "(" + "د").
"""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from rasid.text.tokens import tokenize

Sentence = tuple[list[str], list[str]]

_ANER = {"PERS": "PER", "PER": "PER", "ORG": "ORG", "LOC": "LOC", "MISC": "MISC"}
_WOJOOD = {"PERS": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}
# NewsFANE writes only fine classes; these are their coarse parents.
_FANE_PER = {"Politician", "Athlete", "Artist", "Other_PER", "Religious_PER", "Scientist",
             "Businessperson", "Lawyer", "Engineer", "Police", "Group"}
_FANE_LOC = {"Nation", "Population-Center", "State-or-Province", "GPE-Cluster",
             "Continent", "County-or-District", "Water-Body", "Land", "Land-Region-Natural",
             "Building-Grounds", "Airport", "Path"}
_FANE_ORG = {"Non-Governmental", "Sports", "Government", "Media", "Commercial",
             "Educational", "Medical-Science", "Religious_ORG", "Entertainment"}


def _fane(cls: str) -> str | None:
    if cls in _FANE_PER:
        return "PER" if cls != "Group" and cls != "Police" else "ORG"
    if cls in _FANE_LOC:
        return "LOC"
    if cls in _FANE_ORG:
        return "ORG"
    return "MISC"


def _split_tag(tag: str) -> tuple[str, str]:
    tag = tag.strip().replace("--", "-")
    if tag in ("O", "IO", "OO", "") or "-" not in tag:
        return "O", ""
    prefix, _, cls = tag.partition("-")
    return ("B" if prefix == "B" else "I"), cls


def _retokenize(words: list[str], tags: list[str]) -> Sentence:
    """Split glued punctuation off; the entity tag stays on the word pieces."""
    tokens, out = [], []
    for word, tag in zip(words, tags):
        pieces = [t.text for t in tokenize(word)] or [word]
        first = True
        for piece in pieces:
            tokens.append(piece)
            if tag == "O" or not (piece[0].isalnum()):
                out.append("O")
            else:
                out.append(tag if first else "I" + tag[1:])
                first = False
    # An entity that lost its first piece to punctuation must still open with B.
    for i, tag in enumerate(out):
        if tag.startswith("I-") and (i == 0 or out[i - 1][2:] != tag[2:]):
            out[i] = "B" + tag[1:]
    return tokens, out


def _coarse(tag: str, mapping) -> str:
    prefix, cls = _split_tag(tag)
    if prefix == "O":
        return "O"
    coarse = mapping(cls) if callable(mapping) else mapping.get(cls)
    return f"{prefix}-{coarse}" if coarse else "O"


def read_conll(path: Path, mapping=_ANER, sep: str | None = None) -> Iterator[Sentence]:
    """token<sep>tag[ tag...] per line, blank line between sentences; first tag wins."""
    words: list[str] = []
    tags: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.replace("\u200e", "").replace("\ufeff", "")
        if not line.strip():
            if words:
                yield _retokenize(words, tags)
            words, tags = [], []
            continue
        parts = line.split(sep) if sep else line.split()
        if len(parts) < 2 or parts[0] == "$#$":
            continue
        words.append(parts[0])
        tags.append(_outer(parts[1:], mapping))
    if words:
        yield _retokenize(words, tags)


def _outer(layers: list[str], mapping) -> str:
    """Nested corpora (Wojood) carry one tag per layer: keep the outermost kept type."""
    for tag in layers:
        coarse = _coarse(tag, mapping)
        if coarse != "O":
            return coarse
    return "O"


def anercorp(data: Path) -> list[Sentence]:
    return list(read_conll(data / "anercorp" / "train.txt"))


def aqmar(data: Path) -> list[Sentence]:
    def mapping(cls: str) -> str | None:
        if cls.upper().startswith(("MIS", "SPANISH", "ENGLISH")):
            return "MISC"
        return _ANER.get(cls.upper())
    out: list[Sentence] = []
    for path in sorted((data / "aqmar").glob("*.txt")):
        if path.name != "README.md":
            out.extend(read_conll(path, mapping))
    return out


def wojood(data: Path, split: str) -> list[Sentence]:
    return list(read_conll(data / "wojood_sample" / f"{split}.txt", _WOJOOD))


def newsfane(data: Path) -> list[Sentence]:
    return list(read_conll(data / "newsfane_gold" / "newsfane_gold_shared.tsv", _fane, sep="\t"))


def spans(tags: list[str]) -> set[tuple[int, int, str]]:
    """(start, end, type) of every entity in an IOB2 tag sequence (I- without B- opens one)."""
    out, start, kind = set(), None, None
    for i, tag in enumerate(tags + ["O"]):
        if tag == "O" or tag.startswith("B-") or (tag.startswith("I-") and tag[2:] != kind):
            if start is not None:
                out.add((start, i, kind))
            start, kind = (i, tag[2:]) if tag != "O" else (None, None)
    return out
