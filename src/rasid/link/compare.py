"""The evidence for one candidate pair: shingle overlap and the in-order clause alignment.

Pure functions over two articles and their unit embeddings; the stage supplies the
embeddings (computed once per article and cached) and keeps I/O out of here.
"""
from __future__ import annotations

from collections import OrderedDict
import bisect
import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

import numpy as np

from rasid.link.align import Alignment, monotone_path, units
from rasid.link.fingerprint import shingles_of_keys
from rasid.model import Article, Span
from rasid.text.tokens import match_keys

ALIGN_THRESHOLD = 0.5   # USE cosine above which two clauses may be one rewritten (chosen on eval dev)
# A clause's partner in the other text: a rewrite of it. Within one language the two must also
# share words (a third of the smaller clause's content words); across languages meaning alone.
PARTNER_SIMILARITY = 0.4
PARTNER_WORDS = 0.3
PARTNER_SIMILARITY_ACROSS = 0.5


@dataclass(frozen=True, slots=True)
class Units:
    """An article's clause spans, their embeddings (unit length, one row per span) and the
    content words and figures of each clause."""
    spans: tuple[Span, ...]
    vectors: np.ndarray
    words: tuple[frozenset[str], ...] = ()
    figures: tuple[frozenset[str], ...] = ()


@dataclass(frozen=True, slots=True)
class PairEvidence:
    a: str
    b: str
    lang_a: str
    lang_b: str
    shingles_a: int
    shingles_b: int
    shared: int              # shingles in common
    alignment: Alignment
    soft_a: float = 0.0      # mean over a's clauses of the best similarity to any clause of b
    soft_b: float = 0.0      # ... and the other way round
    words: float = 0.0       # share of the smaller text's distinct content words found in the other
    idf_words: float = 0.0   # the same share weighted by rarity: shared formulas count for little
    anchored: float = 0.0    # share of aligned clause pairs that share a rare word or a figure
    partnered_a: float = 0.0  # share of a's clauses with a partner in b: close in meaning and,
    partnered_b: float = 0.0  # within one language, sharing words (see PARTNER_*)
    sentences_a: float = 0.0  # share of a's sentences holding an aligned clause ("a large share
    sentences_b: float = 0.0  # of one article's sentences align, in order, to the other's")
    credited: str | None = None  # the outlet whose report both carry, by their own word (link/credit.py)

    @property
    def containment(self) -> float:
        """Share of the smaller text's shingles found in the other: 1.0 for a copy even when
        the republisher added an intro and a tail."""
        small = min(self.shingles_a, self.shingles_b)
        return self.shared / small if small else 0.0

    @property
    def jaccard(self) -> float:
        union = self.shingles_a + self.shingles_b - self.shared
        return self.shared / union if union else 0.0

    @property
    def cross_language(self) -> bool:
        known = {"ar", "en", "fr"}  # a language id we trust enough to call a pair a translation
        return self.lang_a != self.lang_b and self.lang_a in known and self.lang_b in known

    def spread(self) -> float:
        """How much of one article's length, start to end, the alignment runs through (the
        better side: a trimmed copy spans all of itself, an extended one all of its source)."""
        return max(self.alignment.spread("a"), self.alignment.spread("b"))

    def coverage(self) -> float:
        return max(self.alignment.coverage("a"), self.alignment.coverage("b"))


@dataclass(frozen=True, slots=True)
class Profile:
    """What the checks read from one article, computed once: shingles, content words,
    figures, the days it reports, and its clause spans (no embeddings: those are costly
    and only pairs that pass the lexical screen need them)."""
    article: Article
    shingles: frozenset[str]
    words: frozenset[str]
    numbers: frozenset[str]
    days: frozenset[str]
    spans: tuple[Span, ...]


_NUMBER = re.compile(r"\d[\d,.]*")
_ARABIC_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩٫٬", "0123456789.,")   # with the Arabic decimal and thousands marks


def numbers(text: str) -> set[str]:
    """The figures a text states (digits of either script, separators dropped)."""
    return {m.group().replace(",", "").rstrip(".") for m in _NUMBER.finditer(text.translate(_ARABIC_DIGITS))}


def content_words(text: str) -> set[str]:
    return {k for k in match_keys(text) if len(k) >= 3 and not k.isdigit()}


@lru_cache(maxsize=8192)
def text_keys(article_id: str, text: str) -> list[str]:
    """The match keys of an article's text, once per article: its profile, and the outlet
    credits it gives (link/credit.py), read them. Do not change the list returned."""
    return match_keys(text)


def profile(article: Article) -> Profile:
    keys = text_keys(article.id, article.text)   # once: shingles and content words both come from them
    return Profile(article, frozenset(shingles_of_keys(keys)),
                   frozenset(k for k in keys if len(k) >= 3 and not k.isdigit()),
                   frozenset(numbers(article.text)),
                   frozenset(d.value for d in article.dates if d.grain == "day" and d.value and not d.flags),
                   tuple(units(article)))


class UnitCache:
    """Per-run LRU of clause embeddings: an article is usually compared with several
    candidates, and embedding is the expensive part."""

    def __init__(self, embed: Callable[[Sequence[str]], np.ndarray], size: int = 4096):
        self.embed = embed
        self.size = size
        self._items: OrderedDict[str, Units] = OrderedDict()
        self.asked = 0      # clauses asked for so far
        self.embedded = 0   # ... and the distinct ones among them, embedded (what the cost follows)

    def __call__(self, p: Profile) -> Units:
        self.prefetch([p])
        self._items.move_to_end(p.article.id)
        return self._items[p.article.id]

    def prefetch(self, profiles: Sequence[Profile]) -> None:
        """Embed many articles' clauses in one call (large batches make the model faster)."""
        for p in profiles:          # what is asked for now is the last to be evicted
            if p.article.id in self._items:
                self._items.move_to_end(p.article.id)
        todo = [p for p in profiles if p.article.id not in self._items]
        flat = [s.of(p.article.text) for p in todo for s in p.spans]
        # a clause shared by several texts (a copy's, a wire's formulas) is embedded once
        unique = list(dict.fromkeys(flat))
        if unique:
            row = {t: i for i, t in enumerate(unique)}
            vectors = self.embed(unique)[[row[t] for t in flat]]
        else:
            vectors = np.zeros((0, 1), dtype=np.float32)
        self.asked += len(flat)
        self.embedded += len(unique)
        k = 0
        for p in todo:
            texts = [s.of(p.article.text) for s in p.spans]
            self._items[p.article.id] = Units(
                p.spans, np.asarray(vectors[k:k + len(p.spans)], dtype=np.float32),
                tuple(frozenset(content_words(t)) for t in texts), tuple(frozenset(numbers(t)) for t in texts))
            k += len(p.spans)
        while len(self._items) > max(self.size, len(profiles)):
            self._items.popitem(last=False)


class Rarity:
    """How much a word says, from the archive's document frequencies (the store's search
    vocabulary). Agency formulas («وأوضح المتحدث الرسمي», cabinet-session openings) are in
    thousands of articles and weigh little; names and places are rare. Without frequencies
    every word weighs the same and counts as rare."""

    RARE_SHARE = 0.01   # a word in at most 1% of the archive (and at least 2 articles) is rare

    def __init__(self, df: dict[str, int] | None = None, n: int = 0):
        self.df = df or {}
        self.n = n
        self.rare_max = max(2, int(n * self.RARE_SHARE))
        self._idf: dict[str, float] = {}
        self._mass: dict[str, float] = {}

    def idf(self, word: str) -> float:
        got = self._idf.get(word)
        if got is None:
            got = self._idf[word] = math.log((self.n + 1) / (self.df.get(word, 0) + 1)) + 1.0 if self.n else 1.0
        return got

    def mass(self, p: "Profile") -> float:
        """The summed weight of an article's content words (kept per article)."""
        got = self._mass.get(p.article.id)
        if got is None:
            got = self._mass[p.article.id] = sum(map(self.idf, p.words))
            if len(self._mass) > 100_000:
                self._mass.clear()
        return got

    def rare(self, word: str) -> bool:
        return not self.n or self.df.get(word, 0) <= self.rare_max


UNIFORM = Rarity()


def lexical(pa: Profile, pb: Profile, rarity: Rarity = UNIFORM) -> PairEvidence:
    """The evidence that needs no embeddings (the alignment left empty)."""
    small = min(len(pa.words), len(pb.words))
    shared = pa.words & pb.words
    words = len(shared) / small if small else 0.0
    mass = min(rarity.mass(pa), rarity.mass(pb))
    idf_words = sum(map(rarity.idf, shared)) / mass if mass else 0.0
    a, b = pa.article, pb.article
    return PairEvidence(a.id, b.id, a.lang, b.lang, len(pa.shingles), len(pb.shingles),
                        len(pa.shingles & pb.shingles), Alignment((), len(pa.spans), len(pb.spans)),
                        words=words, idf_words=min(1.0, idf_words))


def _sentence_share(p: Profile, aligned_units: list[int]) -> float:
    """Share of the article's body sentences that hold at least one aligned clause."""
    sentences = p.article.sentences
    if not sentences:
        return 0.0
    starts = [s.start for s in sentences]
    hit = {bisect.bisect_right(starts, p.spans[u].start) - 1 for u in aligned_units}
    return len(hit) / len(sentences)


def compare(pa: Profile, pb: Profile, ua: Units, ub: Units,
            threshold: float = ALIGN_THRESHOLD, rarity: Rarity = UNIFORM) -> PairEvidence:
    e = lexical(pa, pb, rarity)
    if not len(ua.spans) or not len(ub.spans):
        return e
    sims = ua.vectors @ ub.vectors.T
    alignment = monotone_path(sims, threshold)
    wa = ua.words or tuple(frozenset(content_words(s.of(pa.article.text))) for s in ua.spans)
    wb = ub.words or tuple(frozenset(content_words(s.of(pb.article.text))) for s in ub.spans)
    fa = ua.figures or tuple(frozenset(numbers(s.of(pa.article.text))) for s in ua.spans)
    fb = ub.figures or tuple(frozenset(numbers(s.of(pb.article.text))) for s in ub.spans)
    anchored = sum(1 for i, j, _ in alignment.pairs
                   if fa[i] & fb[j] or any(rarity.rare(w) for w in wa[i] & wb[j]))
    if e.lang_a == e.lang_b:
        overlap = np.array([[len(x & y) / (min(len(x), len(y)) or 1) for y in wb] for x in wa])
        partner = (sims >= PARTNER_SIMILARITY) & (overlap >= PARTNER_WORDS)
    else:
        partner = sims >= PARTNER_SIMILARITY_ACROSS
    return replace(e, alignment=alignment,
                   sentences_a=_sentence_share(pa, [i for i, _, _ in alignment.pairs]),
                   sentences_b=_sentence_share(pb, [j for _, j, _ in alignment.pairs]),
                   anchored=anchored / len(alignment.pairs) if alignment.pairs else 0.0,
                   soft_a=float(sims.max(axis=1).mean()), soft_b=float(sims.max(axis=0).mean()),
                   partnered_a=float(partner.any(axis=1).mean()), partnered_b=float(partner.any(axis=0).mean()))


COPY_SENTENCE_SHARE = 0.5   # a sentence is copied when half its shingles are in the other's sentence


def copied_sentences(a: Article, b: Article, limit: int = 200) -> tuple[tuple[Span, Span, float], ...]:
    """For a copy: which sentences of `a` reappear in `b` (span in a, span in b, share of the
    sentence's word shingles found there), found by words alone: no embedding needed."""
    def shingled(article: Article) -> list[tuple[Span, set[str]]]:
        out = []
        for span in article.sentences[:limit]:
            sh = shingles_of_keys(match_keys(span.of(article.text)), 3)
            if sh:
                out.append((span, sh))
        return out

    sa, sb = shingled(a), shingled(b)
    owner: dict[str, list[int]] = {}
    for j, (_, sh) in enumerate(sb):
        for x in sh:
            owner.setdefault(x, []).append(j)
    pairs = []
    for span, sh in sa:
        counts: dict[int, int] = {}
        for x in sh:
            for j in owner.get(x, ()):
                counts[j] = counts.get(j, 0) + 1
        if counts:
            j, n = max(counts.items(), key=lambda kv: (kv[1], -kv[0]))
            share = n / len(sh)
            if share >= COPY_SENTENCE_SHARE:
                pairs.append((span, sb[j][0], round(share, 3)))
    return tuple(pairs)
