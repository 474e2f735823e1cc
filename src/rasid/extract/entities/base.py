"""What every NER backend provides: text in, `Mention`s with character offsets out.

The shipped backend is a CRF trained in-project (`crf.py`); `hf.py` loads transformer
token-classification models for users who have them. Both map their labels onto the
three types rasid resolves (PER, ORG, LOC) with `coarse_type`.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Protocol, runtime_checkable

from rasid.model import Mention

TYPES = ("PER", "ORG", "LOC")

# Label sets differ by corpus and model: ANERcorp says PERS, Wojood and OntoNotes say
# GPE and FAC for places, CoNLL models say MISC. Everything not here is dropped.
_COARSE = {
    "PER": "PER", "PERS": "PER", "PERSON": "PER",
    "ORG": "ORG", "ORGANIZATION": "ORG", "ORGANISATION": "ORG",
    "LOC": "LOC", "LOCATION": "LOC", "GPE": "LOC", "FAC": "LOC",
}


def coarse_type(label: str) -> str | None:
    """'B-PERS' -> 'PER', 'I-GPE' -> 'LOC', 'MISC' / 'O' -> None."""
    if label[:2] in ("B-", "I-", "E-", "S-", "L-", "U-"):
        label = label[2:]
    return _COARSE.get(label.upper())


@runtime_checkable
class Tagger(Protocol):
    """A named-entity tagger. `name` is recorded as the version of the mentions stage."""

    name: str

    def tag(self, text: str) -> list[Mention]:
        """Mentions in `text`, in order, non-overlapping, offsets into `text`."""
        ...

    def pipe(self, texts: Iterable[str]) -> Iterator[list[Mention]]:
        ...
