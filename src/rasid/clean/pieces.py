"""Text assembled from pieces of an original, so every cleaned character can be traced back.

A `Line` is a list of pieces: slices copied from the original (which remember
where they came from) and short strings the cleaner inserted (a space that
replaces a run of whitespace, the space that joins a broken paragraph). Joining
lines yields the cleaned text and its OffsetMap in one pass.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from rasid.model import OffsetMap


@dataclass(frozen=True, slots=True)
class Piece:
    text: str
    origin: int | None  # start in the original, None for inserted text


@dataclass(slots=True)
class Line:
    pieces: list[Piece] = field(default_factory=list)
    start: int = 0      # where the line began in the original (for removals and audit)
    end: int = 0

    @property
    def text(self) -> str:
        return "".join(p.text for p in self.pieces)

    def strip(self) -> "Line":
        pieces = list(self.pieces)
        while pieces and not pieces[0].text.strip():
            pieces.pop(0)
        while pieces and not pieces[-1].text.strip():
            pieces.pop()
        if pieces:
            first = pieces[0]
            cut = len(first.text) - len(first.text.lstrip())
            pieces[0] = Piece(first.text[cut:], None if first.origin is None else first.origin + cut)
            last = pieces[-1]
            pieces[-1] = Piece(last.text.rstrip(), last.origin)
        return Line(pieces, self.start, self.end)

    def cut(self, a: int, b: int, replacement: str = "") -> "Line":
        """A copy with line-text characters [a, b) replaced by `replacement`."""
        inserted = [Piece(replacement, None)] if replacement else []
        return Line(_slice(self.pieces, 0, a) + inserted + _slice(self.pieces, b, None),
                    self.start, self.end)


def _slice(pieces: list[Piece], lo: int, hi: int | None) -> list[Piece]:
    """The pieces covering line-text characters [lo, hi), split where needed."""
    out: list[Piece] = []
    pos = 0
    for p in pieces:
        p_end = pos + len(p.text)
        a = max(lo, pos)
        b = p_end if hi is None else min(hi, p_end)
        if a < b:
            k = a - pos
            out.append(Piece(p.text[k:b - pos], None if p.origin is None else p.origin + k))
        pos = p_end
    return out


def join_lines(lines: list[Line], sep: str) -> Line:
    pieces: list[Piece] = []
    for i, line in enumerate(lines):
        if i:
            pieces.append(Piece(sep, None))
        pieces.extend(line.pieces)
    return Line(pieces, lines[0].start if lines else 0, lines[-1].end if lines else 0)


def assemble(lines: list[Line], sep: str = "\n\n") -> tuple[str, OffsetMap]:
    """Cleaned text and its offset map; adjacent copied pieces merge into one run."""
    runs: list[tuple[int, int, int]] = []
    parts: list[str] = []
    offset = 0
    for i, line in enumerate(lines):
        if i:
            parts.append(sep)
            offset += len(sep)
        for p in line.pieces:
            n = len(p.text)
            if not n:
                continue
            if p.origin is not None:
                if runs and runs[-1][0] + runs[-1][2] == offset and runs[-1][1] + runs[-1][2] == p.origin:
                    c, o, length = runs[-1]
                    runs[-1] = (c, o, length + n)
                else:
                    runs.append((offset, p.origin, n))
            parts.append(p.text)
            offset += n
    return "".join(parts), OffsetMap(tuple(runs))
