"""The story stage over a store: cluster new articles with their neighbourhood, write stories.

New articles, the articles that share rare lead words with them (found through
the search index) and every member of those articles' current stories form a
neighbourhood; it is re-clustered as a whole and its stories replaced. Because
clustering depends only on the set of articles, arrival order does not change
the stories, and a later article that proves two stories one merges them.
A backfill (`recluster_all`) is the same step over the whole store.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from rasid.ids import digest, story_id_for, thread_id_for
from rasid.link.origins import independent_origins
from rasid.model import Article, DateRef, Derivation, Story
from rasid.story.cluster import ClusterParams, StoryClusterer
from rasid.link.neighbours import HEADLINE_MODEL, VectorIndex, cached_vectors, near_in_time
from rasid.story.features import Embedder, Features, features, lead_keys
from rasid.story.singleton import story_title
from rasid.story.timeline import TIMELINE_GRAINS, story_timeline

VERSION = "cluster/1"   # bumped by hand when the clustering code changes; see stage_version


def stage_version(clusterer: StoryClusterer, embeddings: bool = True) -> str:
    """The stage's version under these rules: VERSION plus a digest of the parameters, of
    the fitted model (or "rule" without one) and of whether embeddings are read. Stories
    clustered under other rules are stale: a new model file, new thresholds, or the
    `story_model` or `embeddings` setting switched put every article behind, and the next
    ingest re-clusters the archive. Before, an archive kept the stories of whatever model
    first clustered it: a 10k archive clustered by an earlier model agreed with a fresh
    clustering at B-cubed F1 0.927."""
    rules = (repr(clusterer.params), repr(clusterer.model) if clusterer.model else "rule",
             "embeddings" if embeddings else "words")
    return f"{VERSION}+{digest(*rules, size=4)}"


VECTOR_MODEL = HEADLINE_MODEL


READ_CHUNK = 2000   # articles read, featurized and let go at a time when re-clustering


@dataclass(frozen=True, slots=True)
class StoryMember:
    """What a story card needs of an article once its features are taken: a few fields, not
    its text, mentions and offset map. Re-clustering a whole archive holds one of these per
    article instead of the article (about 27 KB each in memory at 10k SaudiNewsNet articles)."""
    id: str
    published: str | None
    outlet: str | None
    headline: str | None
    title: str                   # story_title(): the headline, else the first sentence
    dates: tuple[DateRef, ...]   # only those a timeline shows


def story_member(article: Article) -> StoryMember:
    return StoryMember(article.id, article.published, article.outlet, article.headline, story_title(article),
                       tuple(d for d in article.dates if d.value and d.grain in TIMELINE_GRAINS and d.what))


@dataclass(slots=True)
class StoryReport:
    neighbourhood: int = 0
    stories: int = 0


def heirs(derivations) -> list[tuple[str, str]]:
    """(source, derivative) pairs whose derivative takes its source's evidence in clustering
    (story.cluster.inherit_from_sources): directed links we trust beyond their words, a
    translation (aligned across languages) or a relay the reporters credit ("credit" in its
    basis). A same-language rewrite decided on wording alone is not trusted that far: on
    SaudiNewsNet those links are right about 6 times in 10, and letting them pass evidence on
    lowered cross-validated event F1 (0.854 -> 0.844)."""
    return [(d.source_id, d.derived_id) for d in derivations
            if d.directed and (d.kind == "translation" or "credit" in d.basis)]


def build_stories(articles: Sequence[Article | StoryMember], clusterer: StoryClusterer,
                  derivations: Sequence[Derivation] = ()) -> list[Story]:
    """Story records from a fitted clusterer and the articles it clustered (or their
    `StoryMember`s)."""
    by_id = {a.id: a if isinstance(a, StoryMember) else story_member(a) for a in articles}
    # each story counts its origins over its own links only: passing every link of the
    # corpus to every story made this loop quadratic (40k stories x 250k links at 100k articles)
    links_of: dict[str, list[Derivation]] = {}
    for d in derivations:
        links_of.setdefault(d.source_id, []).append(d)
        links_of.setdefault(d.derived_id, []).append(d)
    seed_of: dict[int, str] = {}
    stories_of_thread: list[list[int]] = clusterer.threads_
    thread_of: dict[int, str] = {}
    for members in stories_of_thread:
        # the thread is named after its earliest report, as a story is: later stories keep it
        first = _seed(by_id, [_seed(by_id, clusterer.stories_[k]) for k in members])
        for k in members:
            thread_of[k] = thread_id_for(story_id_for(first))
    out = []
    for k, ids in enumerate(clusterer.stories_):
        members = sorted((by_id[i] for i in ids), key=lambda a: (a.published or "9999", a.id))
        seed = _seed(by_id, ids)
        seed_of[k] = seed
        published = [a.published for a in members if a.published]
        outlets = sorted({a.outlet for a in members if a.outlet})
        own = {id(d): d for a in members for d in links_of.get(a.id, ())}
        origins = independent_origins([a.id for a in members], list(own.values()),
                                      {a.id: a.outlet for a in members})
        out.append(Story(
            id=story_id_for(seed), thread_id=thread_of.get(k, thread_id_for(story_id_for(seed))),
            title=_best_title(members), first_seen=min(published) if published else None,
            last_seen=max(published) if published else None,
            article_ids=tuple(a.id for a in members), outlets=tuple(outlets),
            independent_origins=origins, timeline=story_timeline(members),
        ))
    return out


def _seed(by_id: dict[str, StoryMember], ids: Iterable[str]) -> str:
    """The story's first report (earliest published, then smallest id): its id stays put as
    later reports join."""
    return min(ids, key=lambda i: (by_id[i].published or "9999", i))


def _best_title(members: Sequence[StoryMember]) -> str:
    """The headline most words of the other headlines agree with (ties: the earliest)."""
    from rasid.text.tokens import match_keys

    with_headline = [a for a in members if a.headline]
    if not with_headline:
        return members[0].title
    keys = [set(match_keys(a.headline)) for a in with_headline]
    scores = [sum(len(k & other) for j, other in enumerate(keys) if j != i) for i, k in enumerate(keys)]
    best = max(range(len(with_headline)), key=lambda i: (scores[i], -i))
    return with_headline[best].headline


class StoryStage:
    """Corpus stage: needs stored articles with dates; writes stories and threads."""

    name = "story"

    def __init__(self, params: ClusterParams | None = None, embeddings: bool = True,
                 model: str | None = None, embedder: Embedder | None = None, joiner=None):
        """`joiner`: an engine whose `vector_search(store, model)` answers the embedding
        neighbour queries and whose `map_blocks(fn, blocks)` runs the clusterer's embedding
        blocks (Spark); without one the sidecar index and this process do."""
        self.clusterer = StoryClusterer(params, model=model,
                                        mapper=joiner.map_blocks if joiner is not None else None)
        self.embedder = (embedder or Embedder()) if embeddings else None
        self.joiner = joiner
        self.version = stage_version(self.clusterer, self.embedder is not None)

    def _read(self, store, ids: Sequence[str]) -> tuple[list[Features], list[StoryMember]]:
        """Features and story members of `ids`, READ_CHUNK articles at a time: the articles
        themselves are let go chunk by chunk, so a whole archive is never in memory at once."""
        feats: list[Features] = []
        members: list[StoryMember] = []
        for i in range(0, len(ids), READ_CHUNK):
            chunk = store.articles(ids[i:i + READ_CHUNK])
            feats.extend(self._features(store, chunk))
            members.extend(map(story_member, chunk))
        return feats, members

    def _features(self, store, articles: Sequence[Article]) -> list[Features]:
        """Features with lead embeddings, computed once per article and kept in the store."""
        feats = features(articles, None)
        if self.embedder is None:
            return feats
        cached = cached_vectors(store, articles, self.embedder, VECTOR_MODEL)
        return [replace(f, vector=cached.get(f.article_id)) for f in feats]

    def update(self, store, new_ids: Iterable[str]) -> StoryReport:
        """Re-cluster the neighbourhood of `new_ids` and replace its stories."""
        new_ids = list(new_ids)
        if not new_ids:
            return StoryReport()
        if 2 * len(new_ids) >= store.counts()["articles"]:
            # Most of the store is new (a first ingest, a backfill): its neighbourhood is the
            # whole store, so skip the per-article lookups and cluster everything once.
            return self.recluster_all(store)
        neighbourhood = set(new_ids)
        new_articles = [a for a in map(store.article, new_ids) if a is not None]
        found: set[str] = set()
        for a in new_articles:
            found.update(store.related_article_ids(a, limit=20))
        df, n = store.document_frequencies()
        neighbourhood |= self._comparable(store, new_articles, found - neighbourhood, df)
        neighbourhood |= self._embedding_neighbours(store, new_articles)
        # what a new article copies (or is copied by) belongs with it, however it is worded
        neighbourhood.update(x for d in store.derivations(new_ids) for x in (d.source_id, d.derived_id))
        # whole threads, not only stories: re-threading part of a thread named its stories
        # after the part's earliest report and cut the thread in two
        neighbourhood = store.thread_members(store.story_members(neighbourhood))
        return self._recluster(store, sorted(neighbourhood), (df, n))

    def _comparable(self, store, new_articles: Sequence[Article], ids: set[str], df: dict[str, int]) -> set[str]:
        """Of the word search's hits, those the clusterer will compare with a new article by
        their leads: `min_shared` lead words in common that are rare as it counts them (in at
        most `rare_docs` articles). The search ranks any article sharing one rare word of the
        whole text, so most hits could never be paired with the new articles: at 10k, 100 new
        articles found 1,500, and with their stories and threads half the archive was
        re-clustered on every ingest."""
        p = self.clusterer.params

        def rare(article: Article) -> set[str]:
            return {k for k in lead_keys(article) if df.get(k, 0) <= p.rare_docs}

        holders: dict[str, list[int]] = {}
        for k, a in enumerate(new_articles):
            for key in rare(a):
                holders.setdefault(key, []).append(k)
        out: set[str] = set()
        ids = sorted(ids)
        for i in range(0, len(ids), READ_CHUNK):
            for other in store.articles(ids[i:i + READ_CHUNK], mentions=False):
                shared: dict[int, int] = {}
                for key in rare(other):
                    for k in holders.get(key, ()):
                        shared[k] = shared.get(k, 0) + 1
                if shared and max(shared.values()) >= p.min_shared:
                    out.add(other.id)
        return out

    def _embedding_neighbours(self, store, articles: Sequence[Article]) -> set[str]:
        """Articles whose headlines are near the new ones' and published within story_days: the
        clusterer's embedding candidates, which the word search above does not find (an English
        report, a reworded headline). Read from the derivation stage's neighbour index."""
        if self.embedder is None or not articles:
            return set()
        if self.joiner is not None:
            index = self.joiner.vector_search(store, VECTOR_MODEL)
        else:
            path = store.sidecar(f"ann/{VECTOR_MODEL}.usearch")
            if path is None or not path.exists():
                return set()
            index = VectorIndex(path)
        p = self.clusterer.params
        near = near_in_time(store, index, store.vector_keys(VECTOR_MODEL), articles,
                            2 * p.vector_neighbours, p.vector_min, p.story_days, VECTOR_MODEL)
        return {o for others in near.values() for o in others}

    def recluster_all(self, store) -> StoryReport:
        """Batch re-cluster of the whole store (a backfill, or after changing parameters)."""
        return self._recluster(store, store.article_ids())   # _recluster reads the articles once

    def _recluster(self, store, ids: Sequence[str], frequencies=None) -> StoryReport:
        feats, members = self._read(store, list(ids))
        found = [m.id for m in members]
        df, n = frequencies or store.document_frequencies()
        derivations = store.derivations(found)
        self.clusterer.fit(feats, df=df, n=n,
                           derived=[(d.source_id, d.derived_id) for d in derivations],
                           inherit=heirs(derivations))
        del feats   # the clusterer keeps what it needs
        stories = build_stories(members, self.clusterer, derivations)
        store.replace_stories(store.story_ids_of(ids), stories)
        store.mark_stage(found, self.name, self.version)
        return StoryReport(neighbourhood=len(members), stories=len(stories))
