"""Stories (one event) and threads (related events over time) by average-linkage clustering.

Order does not matter by construction: the result is a function of the set of
articles. Candidate pairs come from an index (rare lead words shared, and
embedding neighbours within a date window), never from all pairs; each pair
gets one similarity from several signals; clusters are merged greedily by
average linkage while the best pair stays above the threshold, ties broken by
ids. Adding articles later and re-clustering their neighbourhood gives the
same stories as clustering everything at once.

Signals (weights in ClusterParams): TF-IDF cosine of the whole text; IDF-weighted
overlap of the rare words of the leads (the who and where); cosine of the
multilingual lead embeddings (English and Arabic reports of one event meet);
event days reported (a shared day pulls together, different days push apart).
An era guard keeps reports months apart out of one story unless they report
the same day.
"""
from __future__ import annotations

import heapq
import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import numpy as np

from rasid.story.features import Features


@dataclass(frozen=True, slots=True)
class ClusterParams:
    """Chosen on the development half of eval/stories (see eval/stories/README.md)."""

    story_threshold: float = 0.30    # average linkage needed to merge two stories
    thread_threshold: float = 0.22   # average linkage needed to merge two threads
    w_text: float = 0.40             # TF-IDF cosine of whole texts
    w_lead: float = 0.30             # shared rare lead words
    w_vector: float = 0.30           # lead embedding cosine
    day_bonus: float = 0.05          # a reported day in common
    event_bonus: float = 0.10        # the leads' happenings on the same day (±1)
    event_penalty: float = 0.15      # the leads' happenings days apart (> event_days)
    event_days: int = 2
    era_years: int = 2               # articles of eras this far apart never share a story
    story_days: int = 10             # publication gap beyond which only a shared event day links
    thread_days: int = 400           # a thread never spans more than this
    rare_share: float = 0.05         # a word in more than this share of articles is not "rare"
    rare_min: int = 30               # … unless the corpus is small: always allow this many docs
    vector_neighbours: int = 8       # embedding candidates per article
    vector_min: float = 0.55         # an embedding candidate must be at least this close


_NO_DATE = date.max


class _Index:
    """IDF statistics and TF-IDF vectors for one clustering run."""

    def __init__(self, feats: Sequence[Features], df: dict[str, int] | None = None, n: int = 0):
        if df is None:
            df = defaultdict(int)
            for f in feats:
                for t in f.terms:
                    df[t] += 1
            n = len(feats)
        self.df, self.n = df, max(n, 1)
        self.vectors = [self._tfidf(f.terms) for f in feats]
        self.lead_weights = [{t: self.idf(t) for t in f.lead} for f in feats]

    def idf(self, term: str) -> float:
        return math.log((self.n + 1) / (self.df.get(term, 0) + 1)) + 1.0

    def _tfidf(self, terms: dict[str, int]) -> dict[str, float]:
        vec = {t: (1 + math.log(c)) * self.idf(t) for t, c in terms.items()}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        return {t: v / norm for t, v in vec.items()}


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(t, 0.0) for t, v in a.items())


def pair_similarity(fa: Features, fb: Features, va: dict, vb: dict, la: dict, lb: dict,
                    p: ClusterParams) -> float:
    """Similarity of two articles in [0, ~1.1]; 0 when the era guard forbids the pair."""
    shared_day = bool(fa.days & fb.days)
    if _eras_apart(fa, fb, p.era_years) or _eras_apart(fb, fa, p.era_years):
        return 0.0  # a 2015 report does not join a 2025 story because the names match
    if fa.published and fb.published:
        gap = abs((fa.published - fb.published).days)
        if gap > p.story_days and not shared_day:
            return 0.0
    text = _cosine(va, vb)
    common = la.keys() & lb.keys()
    lead = 0.0
    if common:
        lead = sum(la[t] for t in common) / (min(sum(la.values()), sum(lb.values())) or 1.0)
    s = p.w_text * text + p.w_lead * lead
    if fa.vector is not None and fb.vector is not None:
        s += p.w_vector * max(0.0, float(fa.vector @ fb.vector))
    else:
        s /= (p.w_text + p.w_lead)  # no embeddings: rescale the lexical evidence to [0, 1]
    if shared_day:
        s += p.day_bonus
    if fa.event_day and fb.event_day:
        apart = abs((fa.event_day - fb.event_day).days)
        if apart <= 1:
            s += p.event_bonus
        elif apart > p.event_days:
            s -= p.event_penalty
    return max(0.0, s)


def _eras_apart(fa: Features, fb: Features, years: int) -> bool:
    """True when `fa` is known to be from before `fb` by at least `years` years."""
    return fa.era_max is not None and fb.era_min is not None and fb.era_min - fa.era_max >= years


def candidate_pairs(feats: Sequence[Features], index: _Index, p: ClusterParams) -> set[tuple[int, int]]:
    """Pairs worth comparing: a rare lead word in common, or near in embedding space and time."""
    rare_max = max(p.rare_min, int(p.rare_share * index.n))
    postings: dict[str, list[int]] = defaultdict(list)
    for i, f in enumerate(feats):
        for t in f.lead:
            if index.df.get(t, 0) <= rare_max:
                postings[t].append(i)
    pairs: set[tuple[int, int]] = set()
    for members in postings.values():
        if len(members) > rare_max:
            continue
        for x in range(len(members)):
            for y in range(x + 1, len(members)):
                pairs.add((members[x], members[y]))
    pairs |= _vector_pairs(feats, p)
    return pairs


def _vector_pairs(feats: Sequence[Features], p: ClusterParams) -> set[tuple[int, int]]:
    """Embedding neighbours among articles published within story_days of each other.

    Articles are taken in date order in blocks, each compared with itself and the
    block before it, so the cost grows with the volume per period, not the archive.
    """
    have = [i for i, f in enumerate(feats) if f.vector is not None]
    if len(have) < 2:
        return set()
    have.sort(key=lambda i: (feats[i].published or _NO_DATE, feats[i].article_id))
    block = 2048
    pairs: set[tuple[int, int]] = set()
    for start in range(0, len(have), block):
        rows = have[start:start + block]
        cols = have[max(0, start - block):start + block]
        A = np.stack([feats[i].vector for i in rows])
        B = np.stack([feats[i].vector for i in cols])
        sims = A @ B.T
        k = min(p.vector_neighbours + 1, len(cols))
        top = np.argpartition(-sims, k - 1, axis=1)[:, :k]
        for r, i in enumerate(rows):
            for c in top[r]:
                j = cols[c]
                if i != j and sims[r, c] >= p.vector_min:
                    pairs.add((min(i, j), max(i, j)))
    return pairs


def average_linkage(n: int, edges: dict[tuple[int, int], float], threshold: float,
                    keys: Sequence[str]) -> list[list[int]]:
    """Greedy average-linkage agglomeration on a sparse similarity graph.

    Missing pairs count as similarity 0, so a cluster grows only while most of
    its members agree. Deterministic: ties are broken by the members' keys.
    """
    members = {i: [i] for i in range(n)}
    label = {i: keys[i] for i in range(n)}  # smallest key in the cluster, for tie-breaking
    sums: dict[int, dict[int, float]] = defaultdict(dict)
    for (i, j), s in edges.items():
        sums[i][j] = sums[i].get(j, 0.0) + s
        sums[j][i] = sums[j].get(i, 0.0) + s
    heap = []
    for i, nbrs in sums.items():
        for j, s in nbrs.items():
            if i < j:
                heapq.heappush(heap, (-s, min(label[i], label[j]), max(label[i], label[j]), i, j))
    while heap:
        neg, _, _, i, j = heapq.heappop(heap)
        if i not in members or j not in members:
            continue
        score = sums[i].get(j, 0.0) / (len(members[i]) * len(members[j]))
        if abs(score + neg) > 1e-12:  # stale entry: re-queue with the current score
            if score >= threshold:
                heapq.heappush(heap, (-score, min(label[i], label[j]), max(label[i], label[j]), i, j))
            continue
        if score < threshold:
            break
        # merge j into i
        members[i] += members.pop(j)
        label[i] = min(label[i], label.pop(j))
        for k, s in sums.pop(j).items():
            if k == i:
                continue
            sums[k].pop(j, None)
            sums[i][k] = sums[i].get(k, 0.0) + s
            sums[k][i] = sums[i][k]
        sums[i].pop(j, None)
        size_i = len(members[i])
        for k, s in sums[i].items():
            new = s / (size_i * len(members[k]))
            if new >= threshold:
                heapq.heappush(heap, (-new, min(label[i], label[k]), max(label[i], label[k]), i, k))
    return sorted((sorted(m, key=lambda x: keys[x]) for m in members.values()),
                  key=lambda m: keys[m[0]])


class StoryClusterer:
    """Estimator-style: configure, then `fit` a set of article features.

    After fit: `stories_` (lists of article ids), `threads_` (lists of story
    indices). `df`/`n` may carry corpus-wide document frequencies so that a
    neighbourhood re-clustered later weighs words as the whole archive does.
    """

    def __init__(self, params: ClusterParams | None = None):
        self.params = params or ClusterParams()

    def fit(self, feats: Sequence[Features], df: dict[str, int] | None = None, n: int = 0
            ) -> "StoryClusterer":
        p = self.params
        feats = sorted(feats, key=lambda f: f.article_id)  # input order never matters
        index = _Index(feats, df, n)
        edges = {}
        for i, j in candidate_pairs(feats, index, p):
            s = pair_similarity(feats[i], feats[j], index.vectors[i], index.vectors[j],
                                index.lead_weights[i], index.lead_weights[j], p)
            if s > 0:
                edges[(i, j)] = s
        keys = [f.article_id for f in feats]
        clusters = average_linkage(len(feats), edges, p.story_threshold, keys)
        self.stories_ = [[keys[i] for i in c] for c in clusters]
        self.threads_ = self._threads(feats, clusters, index, edges)
        return self

    def _threads(self, feats, clusters, index, edges) -> list[list[int]]:
        """Stories joined by shared actors and topic: average linkage over story pairs,
        using the strongest article-pair evidence between them, within thread_days."""
        p = self.params
        story_of = {i: s for s, members in enumerate(clusters) for i in members}
        best: dict[tuple[int, int], float] = {}
        for (i, j), _ in edges.items():
            a, b = story_of[i], story_of[j]
            if a == b:
                continue
            fa, fb = feats[i], feats[j]
            if fa.published and fb.published and abs((fa.published - fb.published).days) > p.thread_days:
                continue
            # topic only: lexical evidence without the era guard or day signals
            s = p.w_text * _cosine(index.vectors[i], index.vectors[j])
            common = index.lead_weights[i].keys() & index.lead_weights[j].keys()
            if common:
                la, lb = index.lead_weights[i], index.lead_weights[j]
                s += p.w_lead * sum(la[t] for t in common) / (min(sum(la.values()), sum(lb.values())) or 1)
            key = (min(a, b), max(a, b))
            best[key] = max(best.get(key, 0.0), s / (p.w_text + p.w_lead))
        keys = [feats[c[0]].article_id for c in clusters]
        # each story counts once: linkage between threads averages story-pair evidence
        return average_linkage(len(clusters), best, p.thread_threshold, keys)
