"""What the story clusterer compares: one small record per article.

- terms: match keys (normalized, clitic-stripped) with their counts, for TF-IDF;
- lead: the keys of the headline and first paragraph, where a report names its
  who and where;
- headline: the headline's keys with their counts: what happened, in the report's own
  few words («وفاة» or «تشييع», the second plane or the fifth);
- days: the calendar days the article reports events on (not its publication);
- published: for the era guard (a 2015 report never joins a 2025 story);
- vector: a multilingual sentence embedding of headline + lead, so an English
  report of the event meets the Arabic ones;
- names: the names the tagger found, folded by spelling (who and where);
- figures: the numbers it states, which an English report shares with the Arabic ones;
- quotes: the content words of each statement it quotes: two reports quoting the same
  words tell of the same happening more often than any shared name says.
"""
from __future__ import annotations

from array import array
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date

import numpy as np

from rasid.link.compare import numbers
from rasid.model import Article
from rasid.text.embed import Embedder, headline_text
from rasid.text.tokens import match_keys, match_text

LEAD_CHARS = 500
MIN_KEY_LEN = 3


class Terms(Mapping):
    """An article's word keys and their counts, read-only: the keys as one sorted tuple and the
    counts as one array. A whole re-cluster holds one per article: on SaudiNewsNet a dict of an
    article's keys took 6.3 KB on average, this takes 3.0 KB."""

    __slots__ = ("_keys", "_counts")

    def __init__(self, counts: Mapping[str, int] | Iterable[tuple[str, int]] = ()) -> None:
        items = sorted(dict(counts).items())
        self._keys = tuple(k for k, _ in items)
        self._counts = array("I", (c for _, c in items))

    def __getitem__(self, key: str) -> int:
        i = bisect_left(self._keys, key)
        if i < len(self._keys) and self._keys[i] == key:
            return self._counts[i]
        raise KeyError(key)

    def __iter__(self) -> Iterator[str]:
        return iter(self._keys)

    def __len__(self) -> int:
        return len(self._keys)

    def items(self):   # in key order, without a lookup per key
        return zip(self._keys, self._counts)

    def __repr__(self) -> str:
        return f"Terms({dict(self.items())!r})"

    def __reduce__(self):   # pickled as its pairs (Spark ships features to its workers)
        return Terms, (list(self.items()),)


@dataclass(frozen=True, slots=True)
class Features:
    article_id: str
    published: date | None
    terms: Mapping[str, int]   # a Terms when made by features()
    lead: tuple[str, ...] | frozenset[str]   # sorted keys when made by features(): a tuple
                                             # takes a fifth of a frozenset's memory
    days: frozenset[str]
    vector: np.ndarray | None
    outlet: str | None = None
    event_day: date | None = None   # the day the lead's happening took place, when it says
    era_min: int | None = None      # the article is from this year or later (published, else latest year stated)
    era_max: int | None = None      # … and from this year or earlier (known only from the publication date)
    lang: str = "und"
    headline: dict[str, int] | None = None   # the headline's keys and counts (None: no headline)
    quotes: tuple[tuple[str, ...] | frozenset[str], ...] = ()   # content words of each quoted statement
    names: frozenset[str] = frozenset()   # the people, organisations and places named, folded
    figures: frozenset[str] = frozenset()  # numbers of two digits or more: the same in any language


def _keys(text: str) -> list[str]:
    return [k for k in match_keys(text) if len(k) >= MIN_KEY_LEN and not k.isdigit()]


def lead_text(article: Article) -> str:
    return ((article.headline or "") + "\n" + article.text[:LEAD_CHARS]).strip()


def lead_keys(article: Article) -> frozenset[str]:
    """The match keys of the headline and first paragraph: where a report names its who and where."""
    return frozenset(_keys(lead_text(article)))


def features(articles: Iterable[Article], embedder: Embedder | None = None) -> list[Features]:
    articles = list(articles)
    vectors = embedder([headline_text(a) for a in articles]) if embedder is not None else [None] * len(articles)
    out = []
    for a, vec in zip(articles, vectors):
        published = date.fromisoformat(a.published) if a.published else None
        out.append(Features(
            article_id=a.id,
            published=published,
            terms=Terms(Counter(_keys(a.text))),
            lead=tuple(sorted(lead_keys(a))),
            headline=dict(Counter(_keys(a.headline))) if a.headline else None,
            days=frozenset(d.value for d in a.dates if d.grain == "day" and d.value and not d.flags),
            vector=vec,
            outlet=a.outlet,
            event_day=_event_day(a) or published,
            era_min=published.year if published else _latest_year(a),
            era_max=published.year if published else None,
            lang=a.lang,
            names=_names(a),
            figures=frozenset(x for x in numbers(a.text) if len(x) >= 2),
            quotes=_quotes(a),
        ))
    return out


def _names(article: Article) -> frozenset[str]:
    """The names the tagger found, folded by spelling alone. Not the resolver's keys: the
    entity stage runs after stories and writes them, so reading them would make a story
    depend on what was resolved in an earlier run (and on arrival order). A bare title
    («وزير النقل») is a role, not a name."""
    return frozenset(key for m in article.mentions
                     if not (m.role and m.role == m.text) and (key := match_text(m.text)))


MIN_QUOTE_KEYS = 4   # a statement of fewer content words («نعم», «لا تعليق») matches by chance


def _quotes(article: Article) -> tuple[tuple[str, ...], ...]:
    """Each statement's content words, sorted (compared as sets: story.cluster.evidence)."""
    found = (tuple(sorted(set(_keys(q.text)))) for q in article.quotes)
    return tuple(dict.fromkeys(k for k in found if len(k) >= MIN_QUOTE_KEYS))


def _event_day(article: Article) -> date | None:
    """The first day-grain date in the first paragraph: what the report is about."""
    first = article.paragraphs[0].end if article.paragraphs else LEAD_CHARS
    for d in article.dates:
        if d.span.start >= first:
            break
        if d.grain == "day" and d.value and not d.flags:
            return date.fromisoformat(d.value)
    return None


def _latest_year(article: Article) -> int | None:
    """Without a publication date, the latest year the text states bounds its era from below."""
    years = [int(d.value[:4]) for d in article.dates
             if d.value and not d.relative and not d.flags and d.grain in ("day", "month", "year")]
    return max(years) if years else None
