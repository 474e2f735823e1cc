"""The derivation stage: for newly stored articles, find what they copy, rewrite or
translate (and what copies them), with direction, and store the links.

Candidates never come from comparing all pairs: LSH band buckets give near-duplicates,
shared sampled shingles give short texts copied inside long ones, and an HNSW index over
headline embeddings gives rewrites and translations (an English report's nearest Arabic
neighbours). Each candidate pair is then checked: the words first (copies, templates, and
pairs that could not be rewrites whatever aligned), then, only for the pairs left, the
in-order alignment of their clauses, which needs embeddings and is most of the cost.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from rasid.link.compare import (UNIFORM, PairEvidence, Profile, Rarity, UnitCache, compare,
                                copied_sentences, lexical, profile)
from rasid.link.credit import may_share_source, names_an_outlet, outlet_keys, shared_source
from rasid.link.decide import CREDITED_GAP_DAYS, Verdict, decide, packaged_model, screen
from rasid.link.direction import Direction, direction
from rasid.link.fingerprint import BANDS, fingerprint
from rasid.link.neighbours import (HEADLINE_MODEL, VectorIndex, cached_vectors, days_apart, near_in_time,
                                   synced_index)
from rasid.ids import digest
from rasid.model import Article, Derivation
from rasid.text.embed import Embedder

VERSION = "derive/2"   # 2: outlet credits (link/credit.py) link relays
ANN_NEIGHBOURS = 16       # headline neighbours per article: a story's dozen reports fit
ANN_MIN_SIMILARITY = 0.5
ANN_DAYS = 14             # rewrites and translations follow their source within days; far apart
                          # in time, only copies (found by LSH and samples) are looked for
REVERSE_NEIGHBOURS = 64   # a new article's neighbours that may have it among their own 16
RELAY_NEIGHBOURS = 10     # related articles searched for the source of a relay (see relay_candidates)
MAX_BUCKET = 50           # an LSH bucket or sample shared by more articles is boilerplate
CONTAINED_SHARE = 0.3   # of the smaller text's sampled shingles found in the other
CONTAINED_MIN = 3
CHUNK = 2000              # articles per step of a backfill: memory stays flat
PROFILE_CACHE = 8192


@dataclass(frozen=True, slots=True)
class _Dated:
    """What a neighbour search reads of an article: its id and publication date."""
    id: str
    published: str | None


@dataclass(slots=True)
class DerivationReport:
    articles: int = 0
    candidates: int = 0
    compared: int = 0
    aligned: int = 0          # articles whose clauses were embedded (the costly part)
    clauses: int = 0          # their clauses
    embedded: int = 0         # the distinct clauses among them, embedded once each
    links: dict[str, int] = field(default_factory=dict)   # kind -> count


@dataclass(frozen=True, slots=True)
class Check:
    """One candidate pair, checked: the evidence, the verdict and (if derived) the direction."""
    a: Article
    b: Article
    evidence: PairEvidence | None
    verdict: Verdict
    direction: Direction | None
    units: tuple | None = None     # (Units of a, Units of b) when the clauses were aligned

    def derivation(self) -> Derivation | None:
        if self.verdict.kind is None:
            return None
        d = self.direction
        if d is not None and d.source is not None:
            source, derived = (self.a, self.b) if d.source == self.a.id else (self.b, self.a)
            directed = True
        else:
            source, derived = sorted((self.a, self.b), key=lambda x: x.id)
            directed = False
        aligned = ()
        if self.verdict.kind == "copy" and self.units is None:
            aligned = copied_sentences(derived, source)
        elif self.units is not None and self.evidence is not None and self.evidence.alignment.pairs:
            ua, ub = self.units
            pairs = self.evidence.alignment.pairs
            if derived is self.a:
                aligned = tuple((ua.spans[i], ub.spans[j], s) for i, j, s in pairs)
            else:
                aligned = tuple((ub.spans[j], ua.spans[i], s) for i, j, s in pairs)
        # "credit": the link rests on the reporters' own word that one carries the other's
        # outlet's report (link/credit.py), not on the wording alone
        basis = (*(d.basis if d else ()), *(("credit",) if self.verdict.credited else ()))
        return Derivation(source.id, derived.id, self.verdict.kind, self.verdict.score, directed,
                          basis, aligned)


class DerivationStage:
    """Corpus stage: needs stored articles; adds fingerprints, vectors and derivations."""

    name = "derive"
    version = VERSION

    def __init__(self, embeddings: bool = True, neighbours: int = ANN_NEIGHBOURS,
                 min_similarity: float = ANN_MIN_SIMILARITY, max_bucket: int = MAX_BUCKET,
                 embedder: Embedder | None = None, joiner=None):
        """`joiner`: an engine whose `lsh_candidates(store, ids, max_bucket)` and
        `containment_candidates(store, ids, ...)` do the candidate joins (Spark SQL) and whose
        `vector_search(store, model)` answers the nearest-neighbour queries; without one the
        store's own queries and the sidecar index do them."""
        self.embedder = (embedder or Embedder()) if embeddings else None
        self.joiner = joiner
        self.neighbours = neighbours
        self.min_similarity = min_similarity
        self.max_bucket = max_bucket
        self.model = packaged_model()
        # Links decided by another fitted model are stale: its digest is part of the version,
        # so a new model file puts every article behind and the next ingest checks them again.
        # Checked without embeddings, an article was only tested for copies: when embeddings
        # are switched on, a different version makes the stage check it again.
        version = f"{VERSION}+{digest(repr(self.model), size=4)}"
        self.version = version if embeddings else version + "-lexical"
        self.units = UnitCache(self.embedder) if self.embedder is not None else None
        self._profiles: dict[str, Profile] = {}
        self.rarity = UNIFORM
        self._outlets: frozenset[str] | None = None   # name keys of the store's outlets, per update
        self._loaded: dict[str, Article] = {}          # articles read for relay candidates, per chunk

    def use_frequencies(self, store) -> "DerivationStage":
        """Weigh words by how rare they are in this archive (see compare.Rarity)."""
        df, n = store.document_frequencies()
        self.rarity = Rarity(df, n)
        return self

    # -- candidates ---------------------------------------------------------
    def index(self, store) -> tuple[VectorIndex, dict[int, str]] | None:
        """The neighbour index over every stored headline vector, brought up to date (with a
        joiner: the joiner's search over the same vectors, which answers like the index)."""
        if self.embedder is None:
            return None
        # articles stored while embeddings were off get their headline vectors now
        lacking = store.articles_without_vector(HEADLINE_MODEL)
        for start in range(0, len(lacking), CHUNK):
            cached_vectors(store, _load(store, lacking[start:start + CHUNK]), self.embedder)
        keys = store.vector_keys(HEADLINE_MODEL)
        index = synced_index(store, keys, HEADLINE_MODEL, CHUNK)   # the web UI's search reads it too
        if self.joiner is not None:
            # a distributed engine answers the nearest-neighbour queries over the whole archive
            return self.joiner.vector_search(store, HEADLINE_MODEL), keys
        return index, keys

    def candidates(self, store, articles: Sequence[Article], index=None,
                   new: set[str] | frozenset[str] = frozenset()) -> set[tuple[str, str]]:
        """Unordered candidate pairs (smaller id first) touching `articles`.

        `new`: every article of this update. A stored article outside it searched for its
        nearest headlines when it was checked; a new article may now be among them though it
        is not among the new one's own (nearness is not mutual). One run over a whole archive
        searches from both sides, so those pairs are looked for here too, and an archive built
        in many small ingests gets the links one run would find."""
        ids = [a.id for a in articles]
        if self.joiner is not None:
            pairs = self.joiner.lsh_candidates(store, ids, self.max_bucket)
            pairs |= self.joiner.containment_candidates(store, ids, self.max_bucket, CONTAINED_SHARE,
                                                        CONTAINED_MIN)
        else:
            pairs = set(store.lsh_candidates(ids, self.max_bucket))
            pairs |= store.containment_candidates(ids, self.max_bucket, CONTAINED_SHARE, CONTAINED_MIN)
        if index is None:
            index = self.index(store)
        if index is not None:
            ann, keys = index
            near = near_in_time(store, ann, keys, articles, 2 * self.neighbours, self.min_similarity, ANN_DAYS)
            for aid, others in near.items():
                pairs.update((aid, o) for o in others[:self.neighbours])
            if new:
                pairs |= self.reverse_neighbours(store, index, articles, new)
        pairs |= self.relay_candidates(store, articles, index)
        if new:
            pairs |= self.reverse_relays(store, articles, index, new)
        return {(min(a, b), max(a, b)) for a, b in pairs}

    def reverse_relays(self, store, articles: Sequence[Article], index, new) -> set[tuple[str, str]]:
        """Pairs (stored relay, new article) where a stored article that names an outlet would
        now find a new one among the reports it searches (relay_candidates): its related
        articles and nearest headlines. Those relays are looked for among the new articles'
        own related articles and nearest headlines."""
        near: dict[str, list[str]] = {}
        if index is not None:
            ann, keys = index
            near = near_in_time(store, ann, keys, articles, 2 * RELAY_NEIGHBOURS, -1.0, ANN_DAYS)
        related = {a.id: store.related_article_ids(a, limit=20) for a in articles}
        # a relay searches its related articles within CREDITED_GAP_DAYS and its headlines within
        # ANN_DAYS: one farther from every new article cannot reach one
        dates = store.published_dates({o for ids in related.values() for o in ids})
        reach = max(CREDITED_GAP_DAYS, ANN_DAYS)
        around = {o for a in articles for o in related[a.id] if days_apart(a.published, dates.get(o)) <= reach}
        around |= {o for others in near.values() for o in others}
        if self._outlets is None:
            self._outlets = outlet_keys(o.name for o in store.outlets())
        loaded = self._loaded
        relays = [a for a in _load(store, sorted(around - new), loaded) if names_an_outlet(a, self._outlets)]
        if not relays:
            return set()
        mine = {a.id for a in articles}
        found = {(a, b) for a, b in self.relay_candidates(store, relays, index) if a in mine or b in mine}
        self._loaded = {**loaded, **self._loaded}   # both calls' reads serve the checks next
        return found

    def reverse_neighbours(self, store, index, articles: Sequence[Article], new) -> set[tuple[str, str]]:
        """Pairs (stored article, new article) where the new one is among the stored one's
        nearest headlines, as its own search would find them now. Who could have a new article
        among its nearest is looked for among the new article's own wider neighbourhood
        (REVERSE_NEIGHBOURS), and each of those searches again."""
        ann, keys = index
        wide = near_in_time(store, ann, keys, articles, REVERSE_NEIGHBOURS, self.min_similarity, ANN_DAYS)
        old = sorted({o for others in wide.values() for o in others if o not in new})
        if not old:
            return set()
        dates = store.published_dates(old)
        stored = [_Dated(o, dates.get(o)) for o in old]
        theirs = near_in_time(store, ann, keys, stored, 2 * self.neighbours, self.min_similarity, ANN_DAYS)
        mine = {a.id for a in articles}
        return {(o, x) for o, others in theirs.items() for x in others[:self.neighbours] if x in mine}

    def relay_candidates(self, store, articles: Sequence[Article], index=None) -> set[tuple[str, str]]:
        """Pairs that trace to one outlet's report (link/credit.py) among the articles sharing
        the rarest lead words with one that names an outlet, and its nearest headlines however
        far: a relay's new headline and reworded lead can leave its source outside the
        headline neighbours. Both come from indexes, never a scan."""
        if self._outlets is None:
            self._outlets = outlet_keys(o.name for o in store.outlets())
        naming = [a for a in articles if names_an_outlet(a, self._outlets)]
        # the story stage asks for the same 20 next (the store remembers them): the first ten here
        related = {a.id: store.related_article_ids(a, limit=20)[:RELAY_NEIGHBOURS] for a in naming}
        # a relay follows its source within days (decide.CREDITED_GAP_DAYS): farther ones are not read
        dates = store.published_dates({x for ids in related.values() for x in ids})
        when = {a.id: a.published for a in articles}
        related = {aid: [o for o in ids if days_apart(when[aid], dates.get(o)) <= CREDITED_GAP_DAYS]
                   for aid, ids in related.items()}
        near: dict[str, list[str]] = {}
        if index is not None:
            ann, keys = index
            near = near_in_time(store, ann, keys, naming, RELAY_NEIGHBOURS, -1.0, ANN_DAYS)
        others = {a.id: a for a in articles}
        asked = {x for ids in (*related.values(), *near.values()) for x in ids} - others.keys()
        facts = store.relay_facts(asked)
        # read only those that could be the report a naming article credits, or that are in
        # another language (checked whatever their credits, below)
        wanted = {o for a in naming for o in (*related[a.id], *near.get(a.id, ())) if o in facts
                  and (facts[o][1] != a.lang or may_share_source(a, facts[o][0], facts[o][2]))}
        loaded = {o.id: o for o in _load(store, wanted)}
        self._loaded = loaded   # update() checks these pairs next: no need to read them twice
        others.update(loaded)
        pairs = {(a.id, o) for a in naming for o in (*related[a.id], *near.get(a.id, ()))
                 if o in others and shared_source(a, others[o])}
        # A relay in another language shares no words, and no outlet name we can read across
        # scripts: its nearest headlines in the other language are checked whatever their
        # similarity, and the translation model decides.
        pairs |= {(a.id, o) for a in naming for o in near.get(a.id, ()) if o in others and others[o].lang != a.lang}
        return pairs

    # -- checking -----------------------------------------------------------
    def profile(self, article: Article) -> Profile:
        key = (article.id, hash(article.text))   # a str caches its hash: cheap after the first time
        got = self._profiles.get(key)
        if got is None:
            got = self._profiles[key] = profile(article)
            if len(self._profiles) > PROFILE_CACHE:
                self._profiles.pop(next(iter(self._profiles)))
        elif got.article is not article:   # same text, maybe other metadata (date, language)
            got = replace(got, article=article)
        return got

    def screen(self, a: Article, b: Article, bound: bool = True) -> tuple[PairEvidence, Verdict | None]:
        """The cheap half of a check: what the words alone decide (None: needs alignment)."""
        pa, pb = self.profile(a), self.profile(b)
        e = replace(lexical(pa, pb, self.rarity), credited=shared_source(a, b))
        verdict = screen(e, pa, pb, self.model, bound)
        if verdict is None and self.units is None:
            verdict = Verdict(None, 0.0, f"not a copy ({e.containment:.0%} of shingles shared); rewrites"
                                         " and translations are not checked with embeddings off")
        return e, verdict

    def check(self, a: Article, b: Article, bound: bool = True,
              screened: tuple[PairEvidence, Verdict | None] | None = None) -> Check:
        """Everything rasid knows about whether a and b are one text: used by the stage and by
        `rasid show --explain`. `bound=False` aligns even pairs the model could never accept
        (for fitting it); `screened` is this pair's `screen` result when already known."""
        e, verdict = screened if screened is not None else self.screen(a, b, bound)
        units = None
        if verdict is None:
            pa, pb = self.profile(a), self.profile(b)
            units = (self.units(pa), self.units(pb))
            e = replace(compare(pa, pb, *units, threshold=self.model.align_threshold, rarity=self.rarity),
                        credited=e.credited)
            verdict = decide(e, pa, pb, self.model)
        d = None
        if verdict.kind:
            aligned = [(units[0].spans[i], units[1].spans[j]) for i, j, _ in e.alignment.pairs] \
                if units else None
            d = direction(a, b, aligned)
        return Check(a, b, e, verdict, d, units)

    def update(self, store, new_ids: Iterable[str], progress=None) -> DerivationReport:
        """Find the derivations of `new_ids` (against everything stored) and store them.

        Works in chunks so memory stays flat on a backfill: first every new article's
        fingerprint and vector (so each sees all the others), then the checks."""
        new_ids = list(new_ids)
        report = DerivationReport(articles=len(new_ids))
        if not new_ids:
            return report
        kept: dict[str, Article] = {}   # read already in this update: reused, never read twice
        for start in range(0, len(new_ids), CHUNK):
            chunk = _load(store, new_ids[start:start + CHUNK])
            if len(new_ids) <= CHUNK:   # one chunk: the checks below read the same articles
                kept = {a.id: a for a in chunk}
            store.save_fingerprints([fingerprint(a.id, a.text, set(self.profile(a).shingles))
                                     for a in chunk], BANDS)
            if self.embedder is not None:
                cached_vectors(store, chunk, self.embedder)
        index = self.index(store)
        self.use_frequencies(store)
        self._outlets = None
        store.delete_derivations(new_ids)
        new, done = set(new_ids), set()
        asked, embedded = (self.units.asked, self.units.embedded) if self.units is not None else (0, 0)
        for start in range(0, len(new_ids), CHUNK):
            chunk = _load(store, new_ids[start:start + CHUNK], kept)
            pairs = self.candidates(store, chunk, index, new) - done
            done.update(p for p in pairs if p[0] in new and p[1] in new)
            report.candidates += len(pairs)
            articles = {a.id: a for a in chunk}
            articles.update((x, self._loaded[x]) for p in pairs for x in p if x in self._loaded)
            articles.update((a.id, a) for a in _load(store, {x for p in pairs for x in p} - articles.keys(), kept))
            self._loaded = {}
            # the next chunk's partners are mostly this chunk's articles and their partners
            # (one stretch of time): keep them, and only them, so memory stays that of a chunk
            kept = articles
            pairs = sorted(p for p in pairs if p[0] in articles and p[1] in articles)
            report.compared += len(pairs)
            screened = {p: self.screen(articles[p[0]], articles[p[1]]) for p in pairs}
            if self.units is not None:  # embed, in big batches, the clauses that need aligning
                need = {x for p, (_, v) in screened.items() if v is None for x in p}
                report.aligned += len(need)
                self.units.prefetch([self.profile(articles[x]) for x in sorted(need)])
            found = []
            for a_id, b_id in pairs:
                d = self.check(articles[a_id], articles[b_id], screened=screened[(a_id, b_id)]).derivation()
                if d is not None:
                    found.append(d)
                    report.links[d.kind] = report.links.get(d.kind, 0) + 1
            store.add_derivations(found)
            # Marked chunk by chunk: a run killed midway resumes after its last whole chunk
            # (the next run's pending articles are the rest). Links a marked chunk found with
            # an unmarked article are deleted and found again with it, so none is duplicated.
            store.mark_stage(new_ids[start:start + CHUNK], self.name, self.version)
            if progress is not None:
                progress(len(chunk))
        if self.units is not None:
            report.clauses, report.embedded = self.units.asked - asked, self.units.embedded - embedded
        return report


def _load(store, ids: Iterable[str], kept: dict[str, Article] | None = None) -> list[Article]:
    """The stored articles of `ids`, sorted by id, taken from `kept` where they are there
    already (the store's articles do not change while the stage runs). Read without their
    name mentions: nothing here reads them, and they are most of an article's rows."""
    ids = sorted(ids)
    kept = kept or {}
    read = {a.id: a for a in store.articles([x for x in ids if x not in kept], mentions=False)}
    return [a for a in (kept.get(x) or read.get(x) for x in ids) if a is not None]
