"""Raw document -> Article: boilerplate out, paragraphs repaired, headline and subheadings apart.

After this stage the article text never changes, so every later offset stays
valid. What was removed is recorded (with its span in the original and the
reason), and an OffsetMap leads from cleaned text back to the original.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

from rasid.clean import boilerplate as bp
from rasid.clean.layout import (looks_like_headline, looks_like_subheading, repair_groups,
                                word_count)
from rasid.clean.metadata import normalize_lang, parse_published
from rasid.clean.pieces import Line, Piece, assemble, join_lines
from rasid.ids import article_id
from rasid.model import Article, RawDocument, Removal, Span
from rasid.text.langid import detect_language
from rasid.text.normalize import Norm, normalize
from rasid.text.script import CONTROL_CHARS, INVISIBLE_CHARS
from rasid.text.sentences import split_sentences

VERSION = "clean/1"

_INVISIBLE = "".join(sorted(INVISIBLE_CHARS))
# One pass finds everything edited inside lines: invisible characters (deleted),
# whitespace that is not a single plain space (folded to one space), inline
# boilerplate such as [ad_1] (deleted).
_SPACES = "\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000"


@lru_cache(maxsize=1)
def _edits() -> tuple[re.Pattern[str], dict[str, str]]:
    """The one-pass edit pattern, and the removal reason of each inline rule's group."""
    inline = [r for r in bp.rules() if r.scope == "inline"]
    groups = "".join(f"|(?P<bp{i}>{r.pattern.pattern})" for i, r in enumerate(inline))
    pattern = re.compile(rf"(?P<inv>[{_INVISIBLE}]+){groups}|(?P<ws>[ {_SPACES}]{{2,}}|[{_SPACES}])",
                         re.I)
    return pattern, {f"bp{i}": r.reason for i, r in enumerate(inline)}


_SPACE_CHARS = frozenset(" \t\u00a0\u1680\u202f\u205f\u3000" + "".join(chr(c) for c in range(0x2000, 0x200B)))
_NEWLINES = re.compile(r"\r\n|[\r\n\u2028\u2029\x0b\x0c\x85]")
CAPTION_MAX_WORDS = 30  # captions are short; longer lines only lose the credit
BOILERPLATE_MAX_CHARS = 240
RELATED_MAX_ITEMS = 6
RELATED_ITEM_MAX_WORDS = 15


def _split_lines(original: str) -> tuple[list[Line], list[Removal]]:
    """Lines of the original, with in-line edits applied and edges stripped."""
    edits, reasons = _edits()
    lines: list[Line] = []
    removed: list[Removal] = []
    start = 0
    bounds = [(m.start(), m.end()) for m in _NEWLINES.finditer(original)] + [(len(original), len(original))]
    for nl_start, nl_end in bounds:
        segment = original[start:nl_start]
        pieces: list[Piece] = []
        pos = 0
        for m in edits.finditer(segment):
            if m.start() < pos:
                continue  # inside whitespace already swallowed after a removed marker
            if m.start() > pos:
                pieces.append(Piece(segment[pos:m.start()], start + pos))
            pos = m.end()
            if m.lastgroup == "ws":
                pieces.append(Piece(" ", None))
            elif m.lastgroup in reasons:
                removed.append(Removal(Span(start + m.start(), start + m.end()), reasons[m.lastgroup]))
                # "الخطة [ad_2] تشمل" -> one space, not two.
                if not pieces or pieces[-1].text[-1:].isspace():
                    while pos < len(segment) and segment[pos] in _SPACE_CHARS:
                        pos += 1
        if pos < len(segment):
            pieces.append(Piece(segment[pos:], start + pos))
        lines.append(Line(pieces, start, nl_start).strip())
        start = nl_end
    return lines, removed


def _drop_boilerplate(lines: list[Line]) -> tuple[list[Line], list[Removal]]:
    kept: list[Line] = []
    removed: list[Removal] = []
    nonempty = [i for i, ln in enumerate(lines) if ln.pieces]
    trailer_from = nonempty[-3] if len(nonempty) >= 3 else 0
    skipping_related = 0
    for i in nonempty:
        line = lines[i]
        text = line.text
        # Boilerplate lines are short; long lines only need the caption check,
        # and only when they end with a parenthesis (the hot path skips folding).
        short = len(text) <= BOILERPLATE_MAX_CHARS
        folded = bp.fold_line(text) if short or text.endswith(")") else ""
        reason = bp.line_reason(folded, ("line",)) if short else None
        if reason is None and short and i >= trailer_from:
            reason = bp.line_reason(folded, ("trailer",))
        if reason is None and short and bp.line_reason(folded, ("block",)):
            reason, skipping_related = "related", RELATED_MAX_ITEMS
        elif reason is None and skipping_related:
            if word_count(text) <= RELATED_ITEM_MAX_WORDS and not text.rstrip().endswith((".", "؟", "?", "!")):
                reason = "related"
                skipping_related -= 1
            else:
                skipping_related = 0
        if reason is None and folded and bp.caption_credit(folded):
            if word_count(text) <= CAPTION_MAX_WORDS:
                reason = "photo_credit"
            else:  # a long paragraph that merely ends with a credit keeps its text
                cut_at = text.rfind("(")
                credit = _credit_span(line, cut_at)
                line = line.cut(cut_at, len(text)).strip()
                if credit:
                    removed.append(Removal(credit, "photo_credit"))
        if reason:
            removed.append(Removal(Span(line.start, line.end), reason))
        else:
            kept.append(line)
    return kept, removed


def _credit_span(line: Line, cut_at: int) -> Span | None:
    """Where, in the original, the credit that starts at line-text offset `cut_at` lies."""
    pos = 0
    first = last = None
    for p in line.pieces:
        p_end = pos + len(p.text)
        if p.origin is not None and p_end > cut_at:
            lo = max(cut_at, pos) - pos
            if first is None:
                first = p.origin + lo
            last = p.origin + len(p.text)
        pos = p_end
    return Span(first, last) if first is not None else None


def _same_text(a: str, b: str) -> bool:
    fold = Norm.MATCH
    return normalize(a, fold).strip(" .:") == normalize(b, fold).strip(" .:")


_DELETE_CONTROLS = {ord(c): None for c in CONTROL_CHARS}


def _plain(value: str | None) -> str | None:
    """A metadata field (URL, outlet, id) without control characters such as NUL."""
    return value.translate(_DELETE_CONTROLS) if value else value


def clean(raw: RawDocument, article_id_: str | None = None) -> Article:
    """Clean one raw document into an Article (id, headline, text, layout, metadata)."""
    original = raw.text
    lines, inline_removed = _split_lines(original)
    lines, removed = _drop_boilerplate(lines)
    removed += inline_removed
    headline = raw.title.strip() if raw.title and raw.title.strip() else None
    headline_line: Line | None = None
    if lines and headline and _same_text(lines[0].text, headline):
        headline_line = lines.pop(0)
    elif lines and headline is None and len(lines) > 1 and looks_like_headline(lines[0].text):
        headline_line = lines.pop(0)
        headline = headline_line.text
    if headline:
        headline = " ".join(normalize(headline, Norm.INVISIBLE).split())
    if headline_line is not None:
        removed.append(Removal(Span(headline_line.start, headline_line.end), "headline"))

    paragraphs = [join_lines([lines[i] for i in group], " ")
                  for group in repair_groups([ln.text for ln in lines])]
    text, offset_map = assemble(paragraphs)

    para_spans: list[Span] = []
    sub_spans: list[Span] = []
    sentences: list[Span] = []
    offset = 0
    for k, para in enumerate(paragraphs):
        ptext = para.text
        span = Span(offset, offset + len(ptext))
        para_spans.append(span)
        if k < len(paragraphs) - 1 and looks_like_subheading(ptext):
            sub_spans.append(span)
        else:
            sentences.extend(split_sentences(text, span.start, span.end))
        offset = span.end + 2

    published, published_at = parse_published(raw.published)
    extra = dict(raw.extra)
    if raw.published and not published:
        extra["published_raw"] = raw.published
    lang = normalize_lang(raw.lang) if raw.format == "jsonl" else None
    lang = lang or detect_language((headline or "") + "\n" + text)
    return Article(
        id=article_id_ or article_id(raw),
        source_id=_plain(raw.source_id), source=raw.source, line=raw.line, format=raw.format,
        text=text, headline=headline, url=_plain(raw.url), outlet=_plain(raw.outlet),
        published=published, published_at=published_at, lang=lang, encoding=raw.encoding,
        original=original, offset_map=offset_map, paragraphs=tuple(para_spans),
        subheadings=tuple(sub_spans), sentences=tuple(sentences),
        removed=tuple(sorted(removed, key=lambda r: r.span.start)), extra=extra,
    )


class Cleaner:
    """The cleaning stage: needs raw documents, adds articles."""

    name = "clean"
    version = VERSION

    def __call__(self, raw: RawDocument, article_id_: str | None = None) -> Article:
        return clean(raw, article_id_)

    def pipe(self, raws: Iterable[RawDocument]) -> Iterator[Article]:
        for raw in raws:
            yield clean(raw)
