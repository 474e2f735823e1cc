"""Lines built from pieces of the original, and the OffsetMap they assemble into."""
from __future__ import annotations

import pytest

from rasid.clean.pieces import Line, Piece, assemble, join_lines
from rasid.model import OffsetMap, Span


def line(*pieces: tuple[str, int | None], start: int = 0, end: int = 0) -> Line:
    return Line([Piece(t, o) for t, o in pieces], start, end)


def test_line_text_concatenates_pieces():
    assert line(("وصل", 0), (" ", None), ("الوفد", 7)).text == "وصل الوفد"


def test_strip_drops_blank_edge_pieces_and_moves_the_origin_past_cut_spaces():
    ln = line((" ", None), ("  وصل ", 3), (" ", None), start=2, end=12).strip()
    assert ln.text == "وصل"
    assert ln.pieces == [Piece("وصل", 5)]
    assert (ln.start, ln.end) == (2, 12)  # original bounds kept for audit


def test_strip_keeps_inserted_pieces_unanchored():
    ln = line(("  x", None), ("y", 9)).strip()
    assert ln.pieces == [Piece("x", None), Piece("y", 9)]


def test_strip_of_blank_line_has_no_pieces():
    assert line(("   ", 0), (" ", None)).strip().pieces == []


def test_cut_removes_a_range_across_pieces_keeping_origins():
    ln = line(("ab", 0), ("cd", 5))
    out = ln.cut(1, 3)
    assert out.text == "ad"
    assert out.pieces == [Piece("a", 0), Piece("d", 6)]


def test_cut_with_replacement_inserts_unanchored_text():
    out = line(("ab", 0), ("cd", 5)).cut(1, 3, "X")
    assert out.text == "aXd"
    assert Piece("X", None) in out.pieces


def test_cut_to_the_end_of_the_line():
    out = line(("وصل الوفد (رويترز)", 10)).cut(9, 18)
    assert out.text == "وصل الوفد"
    assert out.pieces == [Piece("وصل الوفد", 10)]


def test_cut_insertion_at_end_of_line():
    assert line(("ab", 0), ("cd", 5)).cut(4, 4, "X").text == "abcdX"


@pytest.mark.parametrize("at, expected", [(0, "Xabcd"), (2, "abXcd")])
def test_cut_insertion_at_piece_boundary(at, expected):
    assert line(("ab", 0), ("cd", 5)).cut(at, at, "X").text == expected


def test_join_lines_inserts_separator_and_spans_both_lines():
    a = line(("وصل", 0), start=0, end=3)
    b = line(("الوفد", 5), start=5, end=10)
    joined = join_lines([a, b], " ")
    assert joined.text == "وصل الوفد"
    assert joined.pieces[1] == Piece(" ", None)
    assert (joined.start, joined.end) == (0, 10)


def test_assemble_separates_paragraphs_and_records_runs():
    original = "وصل الوفد\n\nبدأ الاجتماع"
    a = line(("وصل الوفد", 0))
    b = line(("بدأ الاجتماع", 11))
    text, omap = assemble([a, b])
    assert text == "وصل الوفد\n\nبدأ الاجتماع"
    assert omap.runs == ((0, 0, 9), (11, 11, 12))
    for c, o, n in omap.runs:
        assert text[c:c + n] == original[o:o + n]


def test_assemble_merges_adjacent_contiguous_pieces_into_one_run():
    text, omap = assemble([line(("ab", 0), ("cd", 2))])
    assert text == "abcd"
    assert omap.runs == ((0, 0, 4),)


def test_assemble_does_not_merge_pieces_that_are_not_contiguous_in_the_original():
    _, omap = assemble([line(("ab", 0), ("cd", 3))])
    assert omap.runs == ((0, 0, 2), (2, 3, 2))


def test_assemble_with_inserted_join_space():
    original = "وصل الوفد   إلى بغداد"
    ln = line(("وصل الوفد", 0), (" ", None), ("إلى بغداد", 12))
    text, omap = assemble([ln])
    assert text == "وصل الوفد إلى بغداد"
    assert omap.runs == ((0, 0, 9), (10, 12, 9))
    assert original[omap.to_original(text.index("إلى"))] == "إ"


def test_assemble_of_nothing():
    assert assemble([]) == ("", OffsetMap(()))


def test_offset_map_to_original_inside_runs_and_inserted_text():
    omap = OffsetMap(((0, 0, 2), (3, 10, 2)))
    assert omap.to_original(0) == 0
    assert omap.to_original(1) == 1
    assert omap.to_original(2) == 2    # inserted char: just after the preceding run
    assert omap.to_original(3) == 10
    assert omap.to_original(4) == 11
    assert omap.to_original(9) == 12   # past the end: just after the last run


def test_offset_map_empty_maps_to_zero():
    assert OffsetMap(()).to_original(5) == 0


def test_offset_map_before_first_run_maps_to_its_start():
    assert OffsetMap(((2, 7, 3),)).to_original(0) == 7


def test_span_to_original_covers_first_to_last_char():
    omap = OffsetMap(((0, 0, 2), (3, 10, 2)))
    assert omap.span_to_original(Span(0, 5)) == Span(0, 12)
    assert omap.span_to_original(Span(3, 5)) == Span(10, 12)
    assert omap.span_to_original(Span(4, 4)) == Span(11, 11)
