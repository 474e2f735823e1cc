"""base: label sets of every corpus and model collapse onto PER, ORG, LOC."""
from __future__ import annotations

import pytest

from rasid.extract.entities.base import TYPES, Tagger, coarse_type


@pytest.mark.parametrize(("label", "expected"), [
    ("B-PERS", "PER"), ("I-PERS", "PER"), ("PER", "PER"), ("B-PERSON", "PER"),
    ("I-GPE", "LOC"), ("B-FAC", "LOC"), ("B-LOC", "LOC"), ("LOCATION", "LOC"),
    ("B-ORG", "ORG"), ("I-ORGANIZATION", "ORG"), ("S-ORG", "ORG"), ("E-LOC", "LOC"),
    ("U-PER", "PER"), ("L-GPE", "LOC"),
    ("gpe", "LOC"), ("Person", "PER"),  # bare types fold case
])
def test_coarse_type_maps_kept_types(label, expected):
    assert coarse_type(label) == expected


@pytest.mark.parametrize("label", ["O", "B-MISC", "I-MISC", "MISC", "B-DATE", "DATE",
                                   "I-NORP", "B-OCC", "", "B-"])
def test_coarse_type_drops_everything_else(label):
    assert coarse_type(label) is None


def test_types_are_the_three_resolved_kinds():
    assert TYPES == ("PER", "ORG", "LOC")


def test_tagger_protocol_is_structural():
    class Fake:
        name = "fake"

        def tag(self, text):
            return []

        def pipe(self, texts):
            return iter([])

    class NoPipe:
        name = "half"

        def tag(self, text):
            return []

    assert isinstance(Fake(), Tagger)
    assert not isinstance(NoPipe(), Tagger)
