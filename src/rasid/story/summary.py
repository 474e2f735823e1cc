"""A short extractive summary of one story, every sentence citing the articles it comes from.

The method is centroid salience with redundancy removal (as in MEAD), adapted to a pile
of echoes:

- **Candidates** are body sentences (never a subheading, a boilerplate line, a caption
  credit, a question or a fragment) in the story's main language.
- **Salience** of a sentence is how much of the story's shared vocabulary it carries:
  every content word is weighted by the share of *independent origins* that use it
  (ten copies of one wire count once), and a sentence scores the weight of its words
  over the square root of its length. Lead sentences get a bonus, as news puts the
  event first. Archive rarity (IDF) is deliberately left out of salience: it pulled
  summaries towards idiosyncratic details (ROUGE-1 0.633 with it, 0.684 without, on
  eval/summaries); what the sources share already sets function words and noise apart.
- **Independent origins first**: a sentence from an article derived from another one in
  the story (a copy, rewrite or translation) counts less than the same content in its
  source, so the summary quotes originals and cites the copies.
- **Non-redundant**: a sentence sharing too many content words (weighted by rarity) with
  one already chosen is skipped.
- **Ordered by time**: chosen sentences are shown in publication order of their article,
  then in text order.
- **Citations**: an article is cited when it really carries the sentence's content: most
  of the sentence's weighted content words occur in it (same language), or one of its
  clauses is aligned to the sentence by a translation link (across languages).
"""
from __future__ import annotations

import math
from math import fsum  # exact sums: the result must not depend on set iteration order
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from rasid.clean.boilerplate import fold_line, line_reason
from rasid.model import Article, Derivation, Span
from rasid.link.origins import origin_groups
from rasid.resources import read_lines
from rasid.text.tokens import match_keys

MAX_SENTENCES = 4
MIN_WORDS = 6            # shorter sentences are fragments, datelines or captions
MAX_WORDS = 70           # longer ones are unsplit paragraphs: too long to read as one line
REDUNDANT = 0.4          # weighted word overlap with a chosen sentence that makes one redundant
CITE = 0.6               # share of a sentence's weighted content an article must carry to be cited
DERIVED_PENALTY = 0.6    # salience kept by a sentence from an article derived from another one
LEAD_BONUS = 1.0         # extra salience of an article's first sentence (halving with position): news leads with the event
MIN_KEY = 3
_BOILERPLATE_SCOPES = ("line", "block", "trailer", "caption")
_ENDS_OPEN = re.compile(r"[:：؟?]\s*$")


@dataclass(frozen=True, slots=True)
class SummarySentence:
    text: str
    article_id: str                  # the article the sentence is taken from
    span: Span                       # where, in that article's text
    article_ids: tuple[str, ...]     # every article that carries its content (the citation)
    score: float = 0.0


@dataclass(frozen=True, slots=True)
class _Candidate:
    article: Article
    index: int
    span: Span
    text: str
    keys: frozenset[str]


@lru_cache(maxsize=1)
def _function_words() -> frozenset[str]:
    # keyed as text is, so the file can list words as they are written
    return frozenset(k for line in read_lines("function_words.txt") for k in match_keys(line))


def content_keys(text: str) -> list[str]:
    """Match keys of the words that carry content (no function words, no 1–2 letter words)."""
    stop = _function_words()
    return [k for k in match_keys(text) if (len(k) >= MIN_KEY or k.isdigit()) and k not in stop]


def _main_language(articles: Sequence[Article]) -> str:
    langs = Counter(a.lang for a in articles if a.sentences)
    if not langs:
        return "und"
    if langs.get("ar"):
        return "ar"   # an Arabic product: Arabic text leads whenever the story has it
    return langs.most_common(1)[0][0]


def _is_candidate(text: str, article: Article, span: Span) -> bool:
    words = text.split()
    if not MIN_WORDS <= len(words) <= MAX_WORDS or _ENDS_OPEN.search(text):
        return False
    if any(s.start <= span.start < s.end or span.start <= s.start < span.end for s in article.subheadings):
        return False
    return line_reason(fold_line(text), _BOILERPLATE_SCOPES) is None


def _candidates(articles: Iterable[Article], lang: str) -> tuple[list[_Candidate], dict[str, frozenset[str]]]:
    """Candidate sentences of the articles in `lang`, and every article's content words (the
    union over its sentences: each sentence is keyed once, which is most of the cost)."""
    out, words_of = [], {}
    for a in articles:
        words: set[str] = set()
        for i, span in enumerate(a.sentences or (Span(0, len(a.text)),)):
            text = " ".join(span.of(a.text).split())
            keys = frozenset(content_keys(text))
            words |= keys
            if a.lang == lang and keys and _is_candidate(text, a, span):
                out.append(_Candidate(a, i, span, text, keys))
        words_of[a.id] = frozenset(words)
    return out, words_of


def _idf(df: Mapping[str, int] | None, n_docs: int):
    if not df or n_docs <= 1:
        return lambda k: 1.0
    return lambda k: math.log((n_docs + 1) / (df.get(k, 0) + 1)) + 1.0


def _weights(articles: Sequence[Article], derivations: Sequence[Derivation],
             words_of: Mapping[str, frozenset[str]]) -> dict[str, float]:
    """Content word -> share of the story's independent origins that use it."""
    groups = origin_groups([a.id for a in articles], derivations, {a.id: a.outlet for a in articles})
    used: Counter[str] = Counter()
    for group in groups:
        words: set[str] = set()
        for aid in group:
            words.update(words_of[aid])
        used.update(words)
    n = max(len(groups), 1)
    return {k: c / n for k, c in used.items()}


def _derived_ids(derivations: Sequence[Derivation], ids: set[str]) -> set[str]:
    return {d.derived_id for d in derivations
            if d.directed and d.derived_id in ids and d.source_id in ids}


def _overlap(a: frozenset[str], b: frozenset[str], weight: Mapping[str, float]) -> float:
    """Weighted share of the smaller sentence's words that the other one has."""
    wa = fsum(weight.get(k, 0.0) for k in a)
    wb = fsum(weight.get(k, 0.0) for k in b)
    shared = fsum(weight.get(k, 0.0) for k in a & b)
    small = min(wa, wb)
    return shared / small if small > 0 else 0.0


def _carries(keys: frozenset[str], article_keys: frozenset[str], weight: Mapping[str, float]) -> bool:
    total = fsum(weight.get(k, 0.0) for k in keys)
    return total > 0 and fsum(weight.get(k, 0.0) for k in keys & article_keys) / total >= CITE


def _translated_in(c: _Candidate, derivations: Sequence[Derivation]) -> set[str]:
    """Articles in another language with a clause aligned to the candidate sentence."""
    out = set()
    for d in derivations:
        if d.kind != "translation" or c.article.id not in (d.source_id, d.derived_id):
            continue
        mine_first = d.derived_id == c.article.id
        for x, y, _ in d.aligned:
            mine = x if mine_first else y
            if mine.start < c.span.end and c.span.start < mine.end:
                out.add(d.other(c.article.id))
                break
    return out


def summarize(articles: Sequence[Article], derivations: Sequence[Derivation] = (),
              max_sentences: int = MAX_SENTENCES, max_chars: int | None = None,
              df: Mapping[str, int] | None = None, n_docs: int = 0) -> tuple[SummarySentence, ...]:
    """Up to `max_sentences` sentences (and `max_chars` characters) summing up one story.

    `derivations` are the links among the story's articles; `df`/`n_docs` are archive
    document frequencies for rarity (without them every word is equally rare).
    """
    articles = [a for a in articles if a.text]
    if not articles or max_sentences <= 0:
        return ()
    ids = {a.id for a in articles}
    links = [d for d in derivations if d.source_id in ids and d.derived_id in ids]
    idf = _idf(df, n_docs)
    lang = _main_language(articles)
    pool, words_of = _candidates(articles, lang)
    weight = _weights(articles, links, words_of)
    # redundancy and citation compare *what a sentence says*: words weighted by rarity only
    # (weighting by the story's shared vocabulary would call every on-topic sentence a repeat)
    rarity = {k: idf(k) for k in weight}
    derived = _derived_ids(links, ids)

    def salience(c: _Candidate) -> float:
        s = fsum(weight.get(k, 0.0) for k in c.keys) / math.sqrt(len(c.keys))
        s *= 1.0 + LEAD_BONUS / (1 + c.index)
        return s * (DERIVED_PENALTY if c.article.id in derived else 1.0)

    ranked = sorted(pool, key=lambda c: (-salience(c), c.article.published or "9999", c.article.id, c.index))
    chosen: list[_Candidate] = []
    used_chars = 0
    for c in ranked:
        if len(chosen) >= max_sentences:
            break
        if any(_overlap(c.keys, o.keys, rarity) >= REDUNDANT for o in chosen):
            continue
        if max_chars is not None and chosen and used_chars + len(c.text) > max_chars:
            continue
        chosen.append(c)
        used_chars += len(c.text)

    article_keys = {a.id: words_of[a.id] for a in articles if a.lang == lang}
    out = []
    for c in sorted(chosen, key=lambda c: (c.article.published_at or c.article.published or "9999",
                                            c.article.id, c.index)):
        cited = {aid for aid, keys in article_keys.items() if _carries(c.keys, keys, rarity)}
        cited |= _translated_in(c, links)
        cited.add(c.article.id)
        out.append(SummarySentence(c.text, c.article.id, c.span, tuple(sorted(cited)),
                                   round(salience(c), 4)))
    return tuple(out)
