"""Stories (one event) and threads (related events over time) by average-linkage clustering.

Order does not matter by construction: the result is a function of the set of
articles. Candidate pairs come from an index (rare lead words shared, and
embedding neighbours within a date window), never from all pairs; each pair
gets its evidence once (PairEvidence), from which a story similarity and a
topic (thread) similarity are read; clusters are merged greedily by average
linkage while the best pair stays above the threshold, ties broken by ids.
Re-clustering a neighbourhood after new articles arrive gives the same stories
as clustering everything at once.

Story evidence: TF-IDF cosine of the whole text; the IDF-weighted overlap of the
rare words of the leads (the who and where); the names both articles mention;
cosine of multilingual headline embeddings (English and Arabic reports of one
event meet); reported days in common, the day of the leads' happenings, and how
far apart the two were published. Two articles in one language are weighed by a
logistic model fitted on labelled events (`resources/story_model.json`, written
by `eval/stories/fit.py`); a pair in two languages, whose words cannot meet, by
the hand-set rule over embeddings and days (weights in ClusterParams), rescaled
to the model's threshold. An era guard keeps reports years apart out of one
story whatever their names share; a publication gap over story_days needs a
shared reported day. Threads use the topic part only.
"""
from __future__ import annotations

import heapq
import json
import math
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache, partial

import numpy as np

from rasid.story.features import Features


@dataclass(frozen=True, slots=True)
class ClusterParams:
    """Chosen on the development half of eval/stories (see eval/stories/README.md)."""

    story_threshold: float = 0.40    # average linkage needed to merge two stories
    thread_threshold: float = 0.12   # average linkage needed to merge two threads
    w_text: float = 0.40             # TF-IDF cosine of whole texts
    w_lead: float = 0.30             # shared rare lead words
    w_vector: float = 0.30           # headline embedding cosine
    day_bonus: float = 0.05          # a reported day in common
    event_bonus: float = 0.10        # the leads' happenings on the same day (±1)
    event_penalty: float = 0.15      # the leads' happenings more than event_days apart
    event_days: int = 2
    story_days: int = 10             # publication gap beyond which only a shared day links
    thread_days: int = 400           # a thread never spans more than this
    rare_docs: int = 60              # a lead word in more articles than this is not a key
    min_shared: int = 2              # rare lead words two articles must share to be compared
    thread_neighbours: int = 10      # links kept per article to reports beyond story_days
    vector_neighbours: int = 8       # embedding candidates per article
    vector_min: float = 0.55         # an embedding candidate must be at least this close
    # Reports of one event in two languages sit further apart in embedding space, and an
    # article's nearest neighbours are mostly in its own language: each article also takes its
    # nearest reports in other languages, for the cross-language model to judge. The floor was
    # chosen on the constructed derivation set: 82% of its same-event pairs across languages are
    # over 0.25, and 12% of its other pairs.
    cross_neighbours: int = 4
    cross_min: float = 0.25
    derived_similarity: float = 1.0  # a copy, rewrite or translation is the same event


_NO_DATE = date.max
ERA_YEARS = 2  # articles known to be this many years apart never share a story


class _Index:
    """IDF statistics and TF-IDF vectors (sorted term ids, weights) for one clustering run."""

    def __init__(self, feats: Sequence[Features], df: dict[str, int] | None = None, n: int = 0):
        if df is None:
            df = defaultdict(int)
            for f in feats:
                for t in f.terms:
                    df[t] += 1
            n = len(feats)
        self.df, self.n = df, max(n, 1)
        self.ids: dict[str, int] = {}
        self.vectors = [self._tfidf(f.terms) for f in feats]
        self.headlines = [self._tfidf(f.headline) if f.headline else None for f in feats]
        self.lead_weights = [{t: self.idf(t) for t in f.lead} for f in feats]

    def idf(self, term: str) -> float:
        return math.log((self.n + 1) / (self.df.get(term, 0) + 1)) + 1.0

    def _tfidf(self, terms: dict[str, int]) -> tuple[np.ndarray, np.ndarray]:
        ids = self.ids
        pairs = sorted((ids.setdefault(t, len(ids)), (1 + math.log(c)) * self.idf(t))
                       for t, c in terms.items())
        idx = np.fromiter((q[0] for q in pairs), dtype=np.int64, count=len(pairs))
        w = np.fromiter((q[1] for q in pairs), dtype=np.float64, count=len(pairs))
        norm = float(np.sqrt(w @ w)) or 1.0
        return idx, w / norm


def _cosine(a: tuple[np.ndarray, np.ndarray], b: tuple[np.ndarray, np.ndarray]) -> float:
    """Dot product of two sparse unit vectors (sorted term ids, weights). A binary search of
    one's ids in the other's: no sort of both, as np.intersect1d would do, and the same terms
    summed in the same order."""
    if not len(a[0]) or not len(b[0]):
        return 0.0
    if len(a[0]) > len(b[0]):
        a, b = b, a
    at = np.searchsorted(b[0], a[0])
    at[at == len(b[0])] = 0
    hit = b[0][at] == a[0]
    return float(a[1][hit] @ b[1][at[hit]]) if hit.any() else 0.0


def _lead_overlap(la: dict[str, float], lb: dict[str, float]) -> float:
    common = la.keys() & lb.keys()
    if not common:
        return 0.0
    # fsum: exactly rounded whatever the order. A set's order follows the process's string
    # hashes and a plain sum's last digits its order: the same pair scored differently from
    # run to run.
    return math.fsum(la[t] for t in common) / (min(math.fsum(la.values()), math.fsum(lb.values())) or 1.0)


def _eras_apart(fa: Features, fb: Features, years: int = ERA_YEARS) -> bool:
    """True when `fa` is known to be from before `fb` by at least `years` years."""
    return fa.era_max is not None and fb.era_min is not None and fb.era_min - fa.era_max >= years


@dataclass(frozen=True, slots=True)
class PairEvidence:
    """Signals for one candidate pair, computed once and read for stories and threads."""

    text: float
    lead: float
    vector: float | None
    shared_day: bool
    event_apart: int | None     # days between the leads' happenings, when both say
    era_conflict: bool
    published_gap: int | None
    names: float = 0.0          # Jaccard overlap of the names both mention
    cross_language: bool = False
    linked: bool = False        # the derivation stage linked them (a copy, rewrite or translation)
    figures: float = 0.0        # Jaccard overlap of the numbers both state
    headline: float | None = None   # TF-IDF cosine of the headlines (None: either has none)
    quote: float = 0.0          # the closest pair of quoted statements (Jaccard of their words)


KNOWN_LANGUAGES = {"ar", "en", "fr"}


def evidence(fa: Features, fb: Features, va, vb, la: dict, lb: dict, linked: bool = False,
             ha=None, hb=None) -> PairEvidence:
    vector = None
    if fa.vector is not None and fb.vector is not None:
        vector = max(0.0, float(fa.vector @ fb.vector))
    names = fa.names | fb.names
    return PairEvidence(
        text=_cosine(va, vb), lead=_lead_overlap(la, lb), vector=vector,
        shared_day=bool(fa.days & fb.days),
        event_apart=abs((fa.event_day - fb.event_day).days) if fa.event_day and fb.event_day else None,
        era_conflict=_eras_apart(fa, fb) or _eras_apart(fb, fa),
        published_gap=abs((fa.published - fb.published).days) if fa.published and fb.published else None,
        names=len(fa.names & fb.names) / len(names) if names else 0.0,
        cross_language=fa.lang != fb.lang and {fa.lang, fb.lang} <= KNOWN_LANGUAGES,
        linked=linked,
        figures=_jaccard(fa.figures, fb.figures),
        headline=_cosine(ha, hb) if ha is not None and hb is not None else None,
        quote=_closest_quotes(fa.quotes, fb.quotes),
    )


def _closest_quotes(qa: Sequence, qb: Sequence) -> float:
    """The Jaccard overlap of the closest pair of quoted statements. Features keep each as a
    sorted tuple (a sixth of a frozenset's memory), made sets only for the pairs compared."""
    if not qa or not qb:
        return 0.0
    sa, sb = [frozenset(q) for q in qa], [frozenset(q) for q in qb]
    return max(_jaccard(x, y) for x in sa for y in sb)


def _jaccard(a: frozenset, b: frozenset) -> float:
    if not a or not b:
        return 0.0
    common = len(a & b)
    return common / (len(a) + len(b) - common)


GAP_CAP_DAYS = 10
# Reports of one event follow it within a day or two (in the SaudiNewsNet labels, 37 of 2,974
# same-event candidate pairs are 2-3 days apart and none further). Further apart, with no day
# reported in common, near-identical wording is an agency's template for the next flight or
# session: the model reads text similarity separately for such pairs.
FAR_DAYS = 3


def pair_features(e: PairEvidence) -> dict[str, float | None]:
    """What the story model reads from a pair's evidence (values in [0, 1]; None: unknown,
    the publication gap when either date is)."""
    gap = e.published_gap
    known = gap is not None
    far = float(gap >= FAR_DAYS and not e.shared_day) if known else None
    return {"text": e.text, "lead": e.lead, "vector": e.vector or 0.0, "shared_day": float(e.shared_day),
            "event_same_day": float(e.event_apart is not None and e.event_apart <= 1),
            "gap": min(gap, GAP_CAP_DAYS) / GAP_CAP_DAYS if known else None,
            "gap_0": float(gap == 0) if known else None, "gap_1": float(gap == 1) if known else None,
            "gap_far": far, "gap_far_text": e.text * far if known else None,
            "headline": e.headline, "quote": e.quote,
            "names": e.names, "linked": float(e.linked),
            # squares let the fit say that each further word or name in common adds less
            "text_sq": e.text * e.text, "names_sq": e.names * e.names, "figures": e.figures}


def _logit(p: float) -> float:
    p = min(max(p, 1e-12), 1 - 1e-12)
    return math.log(p / (1 - p))


# Features a pair may lack without needing another fit: an article without a headline is read
# as if its headline were as similar as the average pair's (the term adds nothing).
IMPUTED = ("headline",)


@dataclass(frozen=True, slots=True)
class PairModel:
    """Logistic regression over standardised pair features: the probability that two reports
    in one language tell of one event."""
    features: tuple[str, ...]
    weights: tuple[float, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    bias: float
    threshold: float            # average linkage of probabilities needed to merge two stories
    undated: "PairModel | None" = None   # the same fit without the publication gap, for pairs
                                         # where either date is unknown
    cross_language: "PairModel | None" = None   # for two reports in different languages
    own_threshold: float | None = None   # a part's own operating point, chosen on its own pairs

    def probability(self, e: PairEvidence) -> float:
        got = pair_features(e)
        for f in IMPUTED:
            if got.get(f) is None and f in self.features:
                got[f] = self.mean[self.features.index(f)]   # says nothing either way
        if any(got[f] is None for f in self.features):
            if self.undated is None:
                raise ValueError("a feature is unknown and the model has no fit without it")
            return self.undated.on_scale_of(self, self.undated.probability(e))
        z = self.bias + sum(w * (got[f] - m) / s for f, w, m, s in
                            zip(self.features, self.weights, self.mean, self.scale))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def on_scale_of(self, parent: "PairModel", p: float) -> float:
        """A part's probability moved so that its own threshold falls on the parent's: an
        undated pair knows less, and its fit separates less sharply; merging it where it is
        as likely as a dated pair at the dated threshold splits undated events (cross-validated
        undated F1 peaks at a lower threshold than the dated one). A logit shift keeps the
        order of the part's pairs."""
        if self.own_threshold is None or self.own_threshold == parent.threshold:
            return p
        z = _logit(p) - _logit(self.own_threshold) + _logit(parent.threshold)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    @classmethod
    def from_dict(cls, data: dict) -> "PairModel":
        def part(key: str) -> "PairModel | None":
            if key not in data:
                return None
            return cls.from_dict({**data[key], "threshold": data["threshold"],
                                  "own_threshold": data[key].get("threshold")})

        return cls(tuple(data["features"]), tuple(data["weights"]), tuple(data["mean"]),
                   tuple(data["scale"]), data["bias"], data["threshold"], part("undated"), part("cross_language"),
                   data.get("own_threshold"))


@lru_cache(maxsize=1)
def packaged_model() -> PairModel:
    from rasid.resources import read_text

    return PairModel.from_dict(json.loads(read_text("story_model.json")))


def _guarded(e: PairEvidence, p: "ClusterParams") -> bool:
    """The era guard and the publication gap forbid the pair whatever else it shares."""
    return e.era_conflict or (e.published_gap is not None and e.published_gap > p.story_days
                              and not e.shared_day)


def pair_similarity(e: PairEvidence, p: "ClusterParams", model: PairModel | None) -> float:
    """The story similarity the clusterer links by: the model's probability (its own fit for a
    pair in two languages, which share no words: embeddings, days and figures); without a
    model, or without a fit across languages, the hand-set rule (rescaled to the model's
    threshold)."""
    if model is None:
        return story_similarity(e, p)
    if _guarded(e, p):
        return 0.0
    if e.cross_language:
        if model.cross_language is not None:
            return model.cross_language.on_scale_of(model, model.cross_language.probability(e))
        return story_similarity(e, p) * model.threshold / p.story_threshold
    return model.probability(e)


def story_similarity(e: PairEvidence, p: ClusterParams) -> float:
    """Same event, by the hand-set rule? 0 when the era guard or the publication gap forbids
    it (a 2015 report does not join a 2025 story because the names match)."""
    if _guarded(e, p):
        return 0.0
    s = p.w_text * e.text + p.w_lead * e.lead
    if e.vector is not None:
        s += p.w_vector * e.vector
    else:
        s /= (p.w_text + p.w_lead)  # no embeddings: rescale the lexical evidence to [0, 1]
    if e.shared_day:
        s += p.day_bonus
    if e.event_apart is not None:
        if e.event_apart <= 1:
            s += p.event_bonus
        elif e.event_apart > p.event_days:
            s -= p.event_penalty
    return max(0.0, s)


def topic_similarity(e: PairEvidence, p: ClusterParams) -> float:
    """Same thread? Words, names and embedding, without the day signals, in [0, 1]."""
    if e.published_gap is not None and e.published_gap > p.thread_days:
        return 0.0
    s, weight = p.w_text * e.text + p.w_lead * e.lead, p.w_text + p.w_lead
    if e.vector is not None:
        s, weight = s + p.w_vector * e.vector, weight + p.w_vector
    return s / weight


def candidate_pairs(feats: Sequence[Features], index: _Index, p: ClusterParams,
                    mapper=None) -> set[tuple[int, int]]:
    """Pairs worth comparing: rare lead words in common, or near in embedding space and time
    (`mapper`: how the embedding blocks are mapped, see _vector_pairs)."""
    postings: dict[str, list[int]] = defaultdict(list)
    for i, f in enumerate(feats):
        for t in f.lead:
            if index.df.get(t, 0) <= p.rare_docs:
                postings[t].append(i)
    shared: dict[tuple[int, int], int] = defaultdict(int)
    for members in postings.values():
        if len(members) > p.rare_docs:
            continue
        for x in range(len(members)):
            for y in range(x + 1, len(members)):
                shared[(members[x], members[y])] += 1
    # One shared word is chance; two rare words in both leads (a name and a place) is a lead.
    # Pairs published far apart can only share a thread: each article keeps its few
    # strongest such links, so names that recur for months do not make the work quadratic.
    pairs: set[tuple[int, int]] = set()
    far: dict[int, list[tuple[int, int, int]]] = defaultdict(list)
    for (i, j), count in shared.items():
        if count < p.min_shared:
            continue
        fi, fj = feats[i].published, feats[j].published
        if fi and fj and abs((fi - fj).days) > p.story_days:
            far[i].append((-count, j, i))
            far[j].append((-count, i, j))
        else:
            pairs.add((i, j))
    for links in far.values():
        for _, a, b in sorted(links)[:p.thread_neighbours]:
            pairs.add((min(a, b), max(a, b)))
    pairs |= _vector_pairs(feats, p, mapper)
    return pairs


VECTOR_BLOCK = 2048


@dataclass(frozen=True)
class VectorBlock:
    """One step of the embedding-neighbour search: `rows` (positions) against `cols` (the
    rows and the block before them, in date order), with what the search reads of each."""
    rows: tuple[int, ...]
    cols: tuple[int, ...]
    vectors: np.ndarray          # len(cols) x dim; the rows are its last len(rows)
    published: tuple[date | None, ...]   # of cols
    langs: tuple[str, ...]               # of cols


def vector_blocks(feats: Sequence[Features], block: int = VECTOR_BLOCK) -> Iterator[VectorBlock]:
    """Articles with an embedding taken in date order in blocks, each compared with itself and
    the block before it, so the cost grows with the volume per period, not the archive.
    Lazy: each block holds a copy of its vectors, and the archive's would be twice the
    archive."""
    have = [i for i, f in enumerate(feats) if f.vector is not None]
    if len(have) < 2:
        return
    have.sort(key=lambda i: (feats[i].published or _NO_DATE, feats[i].article_id))
    for start in range(0, len(have), block):
        cols = have[max(0, start - block):start + block]
        yield VectorBlock(tuple(have[start:start + block]), tuple(cols),
                          np.stack([feats[i].vector for i in cols]),
                          tuple(feats[i].published for i in cols), tuple(feats[i].lang for i in cols))


def block_pairs(b: VectorBlock, p: ClusterParams) -> set[tuple[int, int]]:
    """One block's embedding neighbours published within story_days of each other: each row's
    vector_neighbours nearest (cosine >= vector_min), and its cross_neighbours nearest in
    another language (>= cross_min). Pure: a distributed engine maps it over the blocks."""
    offset = len(b.cols) - len(b.rows)
    A = b.vectors[offset:offset + len(b.rows)]
    sims = A @ b.vectors.T
    k = min(p.vector_neighbours + 1, len(b.cols))
    found = [(np.argpartition(-sims, k - 1, axis=1)[:, :k], p.vector_min, sims)]
    col_lang = np.array(b.langs)
    row_lang = col_lang[offset:offset + len(b.rows)]
    # only between languages the pair model reads as such: an undetermined or unsupported
    # language is not "another language" whose reports share no words
    if p.cross_neighbours and len(set(b.langs) & KNOWN_LANGUAGES) > 1:
        known = np.isin(col_lang, list(KNOWN_LANGUAGES))
        across = (row_lang[:, None] != col_lang[None, :]) & known[offset:offset + len(b.rows), None] & known[None, :]
        other = np.where(across, sims, -np.inf)
        kx = min(p.cross_neighbours, len(b.cols))
        # read against `other`: a row with fewer than kx reports in another language gets
        # -inf columns (its own language) in its top kx, which must not pass the floor
        found.append((np.argpartition(-other, kx - 1, axis=1)[:, :kx], p.cross_min, other))
    pairs: set[tuple[int, int]] = set()
    for top, floor, scores in found:
        for r, i in enumerate(b.rows):
            fi = b.published[offset + r]
            for c in top[r]:
                j = b.cols[c]
                if i == j or scores[r, c] < floor:
                    continue
                fj = b.published[c]
                if fi and fj and abs((fi - fj).days) > p.story_days:
                    continue
                pairs.add((min(i, j), max(i, j)))
    return pairs


def _vector_pairs(feats: Sequence[Features], p: ClusterParams, mapper=None) -> set[tuple[int, int]]:
    """Embedding neighbours over every block; `mapper(fn, blocks)` runs `fn` on each block
    (a distributed engine's map, given the blocks at once), in this process one at a time."""
    fn = partial(block_pairs, p=p)
    if mapper is None:
        return set().union(*map(fn, vector_blocks(feats)))
    blocks = list(vector_blocks(feats))
    return set().union(*mapper(fn, blocks)) if blocks else set()


def inherit_from_sources(edges: dict[tuple[int, int], float],
                         heirs: Iterable[tuple[int, int]]) -> dict[tuple[int, int], float]:
    """A rewrite or translation reports what its source reports, but its words (garbled names,
    a machine translation, a new lead) can hide it; average linkage would then let the weak
    derivative pull its source away from the story the source belongs to. For each (source,
    derivative) in `heirs`, the derivative's similarity to every other article is raised to
    its source's. One way only, and read from the edges given (no chains): the source's own
    evidence never changes, and the result does not depend on the order of `heirs`."""
    heirs = list(heirs)
    if not heirs:
        return edges
    of_source: dict[int, list[int]] = defaultdict(list)
    for s, d in heirs:
        of_source[s].append(d)
    out = dict(edges)
    for (i, j), sim in edges.items():
        for s, x in ((i, j), (j, i)):
            for d in of_source.get(s, ()):
                if d != x:
                    key = (min(d, x), max(d, x))
                    out[key] = max(out.get(key, 0.0), sim)
    return out


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


def _place_in_threads(clusters: list[list[int]], fine: list[list[int]], fine_threads: list[list[int]],
                      keys: Sequence[str]) -> list[list[int]]:
    """Threads over `clusters` from threads over another partition `fine` of the same items:
    each cluster goes to the thread holding most of its items (ties: the smallest key)."""
    thread_of_item = {}
    for t, members in enumerate(fine_threads):
        for k in members:
            for i in fine[k]:
                thread_of_item[i] = t
    first_key = [min(keys[i] for k in members for i in fine[k]) for members in fine_threads]
    grouped: dict[int, list[int]] = defaultdict(list)
    for c, items in enumerate(clusters):
        votes: dict[int, int] = defaultdict(int)
        for i in items:
            votes[thread_of_item[i]] += 1
        grouped[min(votes, key=lambda t: (-votes[t], first_key[t]))].append(c)
    return sorted(grouped.values(), key=lambda cs: min(keys[clusters[c][0]] for c in cs))


class StoryClusterer:
    """Estimator-style: configure, then `fit` a set of article features.

    After fit: `stories_` (lists of article ids), `threads_` (lists of story
    indices), `evidence_` (the candidate pairs and their signals). `df`/`n` may
    carry corpus-wide document frequencies, so that a neighbourhood re-clustered
    later weighs words as the whole archive does.
    """

    def __init__(self, params: ClusterParams | None = None, model: PairModel | None | str = None,
                 mapper=None):
        """`mapper(fn, items)`: runs the embedding-neighbour search's blocks (a distributed
        engine's map; in this process without one). The result never depends on it."""
        self.params = params or ClusterParams()
        self.mapper = mapper
        # "packaged": the fitted model shipped with rasid; None: the hand-set rule alone
        self.model = packaged_model() if model == "packaged" else model

    def fit(self, feats: Sequence[Features], df: dict[str, int] | None = None, n: int = 0,
            derived: Iterable[tuple[str, str]] = (),
            inherit: Iterable[tuple[str, str]] = ()) -> "StoryClusterer":
        """`derived`: article-id pairs the derivation stage linked (one text copied, rewritten
        or translated): they are the same event unless their eras conflict. `inherit`: (source,
        derivative) pairs of rewrites and translations whose direction is known: the derivative
        takes its source's evidence (see inherit_from_sources)."""
        p = self.params
        feats = sorted(feats, key=lambda f: f.article_id)  # input order never matters
        index = _Index(feats, df, n)
        position = {f.article_id: i for i, f in enumerate(feats)}
        linked = {(min(position[a], position[b]), max(position[a], position[b]))
                  for a, b in derived if a in position and b in position and a != b}
        self.evidence_: dict[tuple[int, int], PairEvidence] = {}
        edges, rule_edges = {}, {}
        for i, j in sorted(candidate_pairs(feats, index, p, self.mapper) | linked):
            e = evidence(feats[i], feats[j], index.vectors[i], index.vectors[j],
                         index.lead_weights[i], index.lead_weights[j], linked=(i, j) in linked,
                         ha=index.headlines[i], hb=index.headlines[j])
            self.evidence_[(i, j)] = e
            for out, s in ((edges, pair_similarity(e, p, self.model)), (rule_edges, story_similarity(e, p))):
                if (i, j) in linked and not e.era_conflict:
                    s = max(s, p.derived_similarity)
                if s > 0:
                    out[(i, j)] = s
        keys = [f.article_id for f in feats]
        heirs = [(position[s], position[d]) for s, d in inherit if s in position and d in position]
        heirs = [(s, d) for s, d in heirs if (min(s, d), max(s, d)) in linked
                 and not self.evidence_[(min(s, d), max(s, d))].era_conflict]
        edges = inherit_from_sources(edges, heirs)
        if self.model is None:
            clusters = average_linkage(len(feats), rule_edges, p.story_threshold, keys)
            self.threads_ = self._threads(feats, clusters)
        else:
            clusters = average_linkage(len(feats), edges, self.model.threshold, keys)
            # Threads chain events through the finer stories of the hand-set rule (fragments of
            # one event each link on to its neighbours); each of the model's stories then joins
            # the thread most of its articles are in. Linking the model's fewer, larger stories
            # directly lost thread recall (dev thread F1 0.838 -> 0.826, all 0.809 -> 0.779).
            fine = average_linkage(len(feats), rule_edges, p.story_threshold, keys)
            self.threads_ = _place_in_threads(clusters, fine, self._threads(feats, fine), keys)
        self.stories_ = [[keys[i] for i in c] for c in clusters]
        return self

    def _threads(self, feats: Sequence[Features], clusters: list[list[int]]) -> list[list[int]]:
        """Stories joined by shared actors and topic: average linkage over story pairs, each
        pair scored by its strongest article-pair topic evidence, within thread_days."""
        p = self.params
        story_of = {i: s for s, members in enumerate(clusters) for i in members}
        best: dict[tuple[int, int], float] = {}
        for (i, j), e in self.evidence_.items():
            a, b = story_of[i], story_of[j]
            if a != b:
                key = (min(a, b), max(a, b))
                best[key] = max(best.get(key, 0.0), topic_similarity(e, p))
        keys = [feats[c[0]].article_id for c in clusters]
        return average_linkage(len(clusters), best, p.thread_threshold, keys)
