"""How many: amounts an article states, with what they count.

    text --numbers.py--> numerals --figures.py (approximation, range, unit, negatives)--> Figure

`extract_figures(text, dates)` is the library entry point; `FigureExtractor` the
per-article stage. `approx_kind` and `unit_kind` say how two figures may be compared.
Reviewed word lists live in resources/figures/.
"""
from rasid.extract.figures.figures import (VERSION, FigureExtractor, approx_kind, extract_figures,
                                           unit_kind)
from rasid.extract.figures.numbers import parse_digits, parse_number

__all__ = ["VERSION", "FigureExtractor", "approx_kind", "extract_figures", "parse_digits",
           "parse_number", "unit_kind"]
