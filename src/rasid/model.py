"""The typed core shared by every stage.

Records are frozen and slotted: a stage that adds information returns a new
record (`dataclasses.replace`) instead of mutating one another stage holds.
Offsets are always character offsets into `Article.text`, which never changes
after cleaning.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True, order=True)
class Span:
    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span {self.start}..{self.end}")

    def of(self, text: str) -> str:
        return text[self.start:self.end]


@dataclass(frozen=True, slots=True)
class RawDocument:
    """One input item as read, before cleaning: a file, a JSONL line or a feed entry."""

    source: str               # the file it came from, as the user named it
    line: int | None          # 1-based line (JSONL) or entry number (feeds); None for whole files
    format: str               # txt | html | jsonl | feed
    text: str                 # decoded plain text (or main text extracted from HTML)
    source_id: str            # caller's id, else URL (feeds), else file path (+ :line)
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None  # as given; parsed by the cleaner
    lang: str | None = None
    encoding: str | None = None
    caller_id: str | None = None  # the `id` field of a JSONL line, verbatim
    extra: dict = field(default_factory=dict)  # other input fields, kept verbatim


@dataclass(frozen=True, slots=True)
class Rejection:
    """An input item that could not become an article, kept with its reason."""

    source: str
    line: int | None
    code: str                 # empty | binary | too_large | encoding | json | schema | html | feed | io
    reason: str               # a sentence a user can act on
    size: int = 0
    sha256: str = ""
    sample: bytes = b""       # the item's bytes (capped), so nothing is lost


@dataclass(frozen=True, slots=True)
class OffsetMap:
    """Maps offsets in cleaned text back to the decoded original.

    Stored as runs (clean_start, original_start, length) of characters copied
    unchanged; characters the cleaner inserted (a space joining two halves of a
    broken paragraph, paragraph breaks) map to the nearest preceding source
    character.
    """

    runs: tuple[tuple[int, int, int], ...]

    def to_original(self, offset: int) -> int:
        if not self.runs:
            return 0
        starts = [r[0] for r in self.runs]
        i = bisect.bisect_right(starts, offset) - 1
        if i < 0:
            return self.runs[0][1]
        clean_start, orig_start, length = self.runs[i]
        if offset < clean_start + length:
            return orig_start + offset - clean_start
        return orig_start + length  # inside inserted text: just after the run

    def span_to_original(self, span: Span) -> Span:
        start = self.to_original(span.start)
        end = self.to_original(span.end - 1) + 1 if span.end > span.start else start
        return Span(start, max(start, end))


@dataclass(frozen=True, slots=True)
class Removal:
    """A piece of the original the cleaner dropped, and why (kept for audit)."""

    span: Span                # in the original
    reason: str               # ad_marker | share | related | source_line | photo_credit | headline ...


@dataclass(frozen=True, slots=True)
class DateRef:
    """A date expression in an article and the calendar date it stands for."""

    span: Span                # in Article.text
    text: str
    value: str | None         # YYYY-MM-DD | YYYY-MM | YYYY (a week: its Monday; a decade: its first year)
    grain: str | None         # day | week | month | year | decade
    end: str | None = None    # for ranges: the last value, same grain
    calendar: str = "gregorian"  # the calendar the text used (gregorian | hijri)
    relative: bool = False    # anchored to the publication date
    flags: tuple[str, ...] = ()  # impossible | ambiguous_year | out_of_era | no_anchor | weekday_mismatch …
    what: str | None = None   # the happening the sentence dates, when it says one


@dataclass(frozen=True, slots=True)
class Mention:
    """A name in `Article.text` tagged PER, ORG or LOC.

    `key` is the name with clitics, the article ال and orthographic variation folded
    away (what the resolver compares); `entity_id` is filled by the resolver.
    """
    span: Span
    text: str
    type: str                  # PER | ORG | LOC
    key: str = ""
    score: float = 1.0         # the tagger's confidence in the whole span (1.0 when unknown)
    entity_id: str | None = None
    role: str | None = None    # a title written next to the name: "وزير الخارجية العراقي"
    same_as: int | None = None # index of an earlier mention the text says this one renames:
                               # «قوات سوريا الديمقراطية (قسد)», «الشرع، المعروف بأبي محمد الجولاني»


@dataclass(frozen=True, slots=True)
class Quote:
    """Who said what, through whom: one attribution in `Article.text`.

    `span` covers what was said (inside the quotation marks for a direct quote, the
    reported clause after أن/إن otherwise); `speaker_span` the words that name the speaker
    (a name, a title, or an anonymous source such as «مسؤول عراقي»).
    """
    span: Span
    text: str
    speaker_text: str
    speaker_span: Span | None = None
    speaker_mention: int | None = None     # index into Article.mentions when a name speaks
    speaker_entity_id: str | None = None   # filled from that mention's entity
    channel: str | None = None             # «العربي الجديد» in «قال لـ"العربي الجديد"», «بيان»
    direct: bool = False
    anonymous: bool = False
    denial: bool = False                   # نفى / نفت: the speaker denies what follows
    verb: str | None = None                # the reporting verb as written


@dataclass(frozen=True, slots=True)
class Figure:
    """A number the text states, with what it counts: «9 آلاف عنصر من داعش»."""
    span: Span
    text: str
    value: float
    unit: str | None = None       # what is counted or measured (عنصر، قتيلاً، دولار، %)
    about: str | None = None      # the words that say what the figure is of
    approx: str | None = None     # نحو | قرابة | أكثر من | أقل من | حوالي … as written
    low: float | None = None      # a range «بين 10 و15» : low..value


@dataclass(frozen=True, slots=True)
class Role:
    """A title seen next to an entity's name ("وزير الخارجية العراقي"), dated by its article."""
    title: str
    date: str | None
    article_id: str


@dataclass(frozen=True, slots=True)
class Entity:
    id: str
    type: str                                  # PER | ORG | LOC
    name_ar: str
    name_latin: str
    variants: tuple[str, ...] = ()             # every surface form seen, most frequent first
    roles: tuple[Role, ...] = ()
    # Where it appears, as a store read it from the entity's mentions; empty in a resolver's
    # result, whose mention links (`Resolution.entity_of`) say it instead.
    article_ids: tuple[str, ...] = ()
    story_ids: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()              # reviewed aliases that joined this entity


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    date: str
    grain: str
    what: str
    article_ids: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Article:
    id: str
    source_id: str
    source: str
    line: int | None
    format: str
    text: str
    headline: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None          # YYYY-MM-DD
    published_at: str | None = None       # full ISO datetime when the input had one
    published_inferred: bool = False
    lang: str = "und"
    encoding: str | None = None
    original: str = ""                    # decoded input text the offset map points into
    offset_map: OffsetMap = OffsetMap(())
    paragraphs: tuple[Span, ...] = ()
    subheadings: tuple[Span, ...] = ()
    sentences: tuple[Span, ...] = ()      # body sentences only (no subheadings)
    removed: tuple[Removal, ...] = ()
    dates: tuple[DateRef, ...] = ()
    mentions: tuple[Mention, ...] = ()
    quotes: tuple[Quote, ...] = ()
    figures: tuple[Figure, ...] = ()
    story_id: str | None = None
    thread_id: str | None = None
    extra: dict = field(default_factory=dict)
    stages: dict = field(default_factory=dict)  # stage name -> version that produced this record


@dataclass(frozen=True, slots=True)
class Derivation:
    """`derived_id` copies, rewrites or translates `source_id`.

    When `directed` is false the evidence could not say which came first: the pair is
    still one origin, but neither is called the source. `aligned` holds the matching
    clauses as (span in derived, span in source, similarity), in the derived text's order.
    """
    source_id: str
    derived_id: str
    kind: str                              # copy | rewrite | translation
    score: float
    directed: bool = True
    basis: tuple[str, ...] = ()            # the direction evidence, e.g. "published", "cites"
    aligned: tuple[tuple[Span, Span, float], ...] = ()

    def other(self, article_id: str) -> str:
        return self.source_id if article_id == self.derived_id else self.derived_id


@dataclass(frozen=True, slots=True)
class Story:
    id: str
    thread_id: str
    title: str
    first_seen: str | None
    last_seen: str | None
    article_ids: tuple[str, ...]
    outlets: tuple[str, ...] = ()
    independent_origins: int = 0
    timeline: tuple[TimelineEntry, ...] = ()
