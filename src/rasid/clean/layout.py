"""Paragraph repair, headline and subheading detection, on whole lines.

Signals are typographic because that is what survives scraping: a body
paragraph ends with a stop, a quote or a colon; a headline or subheading is a
short line without one. A long line that stops mid-sentence was broken by the
scraper (or by hard wrapping) and is joined to the next.
"""
from __future__ import annotations

# A paragraph may end with a stop, a colon, a closing quote or bracket (Arabic
# news often ends a paragraph on a quotation with no full stop after it).
PARAGRAPH_END = ".!?؟…:؛\"'»”’)]"
# A headline may end with a quote (الشرع: "…") but not with a full stop or colon.
SENTENCE_END = ".!?؟:؛"

HEADLINE_MAX_WORDS = 30
HEADLINE_MAX_CHARS = 250
SUBHEADING_MAX_WORDS = 12
SUBHEADING_MAX_CHARS = 120
BROKEN_MIN_WORDS = 9


def word_count(text: str) -> int:
    return len(text.split())


def ends_paragraph(text: str) -> bool:
    t = text.rstrip()
    return bool(t) and t[-1] in PARAGRAPH_END


def looks_like_headline(text: str) -> bool:
    t = text.strip()
    return (bool(t) and t[-1] not in SENTENCE_END
            and word_count(t) <= HEADLINE_MAX_WORDS and len(t) <= HEADLINE_MAX_CHARS)


def looks_like_subheading(text: str) -> bool:
    t = text.strip()
    return (bool(t) and not ends_paragraph(t)
            and word_count(t) <= SUBHEADING_MAX_WORDS and len(t) <= SUBHEADING_MAX_CHARS)


def repair_groups(texts: list[str]) -> list[list[int]]:
    """Group line indices into paragraphs, joining lines broken mid-sentence.

    A line that does not end a paragraph is joined to the next line when it is
    long (a sentence cut in two), or when it is itself the start of a join
    (hard-wrapped text keeps going until a line ends properly).
    """
    groups: list[list[int]] = []
    current: list[int] = []
    for i, text in enumerate(texts):
        current.append(i)
        last = i == len(texts) - 1
        broken = not ends_paragraph(text) and (word_count(text) >= BROKEN_MIN_WORDS or len(current) > 1)
        if last or not broken:
            groups.append(current)
            current = []
    return groups
