"""Story clustering: average linkage, pair similarities, candidate pairs, order invariance."""
from __future__ import annotations

import random
from collections import Counter
from dataclasses import replace
from datetime import date

import numpy as np
import pytest

from rasid.story.cluster import (ERA_YEARS, ClusterParams, PairEvidence, StoryClusterer,
                                 average_linkage, story_similarity, topic_similarity)
from rasid.story.features import Features

P = ClusterParams()


def feat(aid, text, lead=None, published="2025-03-04", days=(), event=None, vector=None,
         era_min=None):
    pub = date.fromisoformat(published) if published else None
    return Features(article_id=aid, published=pub, terms=dict(Counter(text.split())),
                    lead=frozenset((lead or text).split()), days=frozenset(days), vector=vector,
                    event_day=date.fromisoformat(event) if event else pub,
                    era_min=pub.year if pub else era_min, era_max=pub.year if pub else None)


def unit(cos: float) -> np.ndarray:
    """A 512-d unit vector at cosine `cos` from the first axis."""
    v = np.zeros(512, dtype=np.float32)
    v[0], v[1] = cos, np.sqrt(1 - cos * cos)
    return v


FIRE = "حريق مستودع اخشاب ميناء ساحل قرنفلي دفاع مدني نيران"
FINAL = "نجم طبراني كاس سله وادي اخضر مدرب درويشي نهائي"
FIRES = [feat("f1", FIRE + " فجر ثلاثاء", days=["2025-03-04"]),
         feat("f2", FIRE + " خسائر ملايين", days=["2025-03-04"]),
         feat("f3", FIRE + " تحقيق سفن", published="2025-03-05", days=["2025-03-04"], event="2025-03-04")]
FINALS = [feat("b1", FINAL + " مساء سبت", published="2025-03-08", days=["2025-03-08"]),
          feat("b2", FINAL + " جمهور احتفال", published="2025-03-08", days=["2025-03-08"]),
          feat("b3", FINAL + " موسم لقب", published="2025-03-09", days=["2025-03-08"], event="2025-03-08")]
PARK = feat("p1", "بلديه حمله زراعه اشجار زيتون حدائق طلاب", published="2025-03-06")
# the port director resigns three weeks after the fire: same actors, another event
RESIGN = feat("r1", "قرنفلي يستقيل اداره ميناء ساحل بعد حريق مستودع اخشاب", published="2025-03-25")
ALL = FIRES + FINALS + [PARK, RESIGN]


def as_sets(clusterer):
    stories = [frozenset(s) for s in clusterer.stories_]
    threads = {frozenset(a for k in t for a in clusterer.stories_[k]) for t in clusterer.threads_}
    return set(stories), threads


# -- average linkage -----------------------------------------------------------------------

def test_empty_graph_gives_singletons_ordered_by_key():
    assert average_linkage(3, {}, 0.3, ["c", "a", "b"]) == [[1], [2], [0]]
    assert average_linkage(0, {}, 0.3, []) == []


def test_threshold_is_inclusive_and_respected():
    assert average_linkage(2, {(0, 1): 0.3}, 0.3, ["a", "b"]) == [[0, 1]]
    assert average_linkage(2, {(0, 1): 0.3}, 0.3000001, ["a", "b"]) == [[0], [1]]


def test_average_not_single_linkage_on_a_chain():
    edges = {(0, 1): 0.9, (1, 2): 0.9}                  # a-b and b-c strong, a-c missing (0)
    assert average_linkage(3, edges, 0.5, ["a", "b", "c"]) == [[0, 1], [2]]   # (0.9 + 0) / 2 < 0.5
    assert average_linkage(3, edges, 0.45, ["a", "b", "c"]) == [[0, 1, 2]]    # = 0.45: merges


def test_ties_are_broken_by_the_keys():
    edges = {(0, 1): 0.8, (1, 2): 0.8}
    assert average_linkage(3, edges, 0.5, ["b", "a", "c"]) == [[1, 0], [2]]   # pair (a, b) first
    assert average_linkage(3, edges, 0.5, ["c", "a", "b"]) == [[1, 2], [0]]   # pair (a, b) first


def _reference(n, edges, threshold, keys):
    """Naive average linkage: recompute every cluster pair, merge the best (ties by keys)."""
    w = Counter()
    for (i, j), s in edges.items():
        w[frozenset((i, j))] += s
    clusters = [[i] for i in range(n)]
    while True:
        best = None
        for x in range(len(clusters)):
            for y in range(x + 1, len(clusters)):
                a, b = clusters[x], clusters[y]
                total = sum(w[frozenset((i, j))] for i in a for j in b)
                la, lb = min(keys[i] for i in a), min(keys[j] for j in b)
                cand = (-total / (len(a) * len(b)), min(la, lb), max(la, lb), x, y)
                if total > 0 and (best is None or cand < best):
                    best = cand
        if best is None or -best[0] < threshold:
            break
        clusters[best[3]] += clusters.pop(best[4])
    return sorted((sorted(c, key=keys.__getitem__) for c in clusters), key=lambda c: keys[c[0]])


def test_matches_a_naive_average_linkage_and_ignores_edge_order():
    rng = random.Random(7)
    for _ in range(300):
        n = rng.randint(2, 9)
        keys = [f"k{v:02d}" for v in rng.sample(range(50), n)]
        edges = {(i, j): rng.random() for i in range(n) for j in range(i + 1, n) if rng.random() < 0.6}
        threshold = rng.choice([0.15, 0.3, 0.45, 0.6])
        got = average_linkage(n, edges, threshold, keys)
        assert got == _reference(n, edges, threshold, keys)
        assert average_linkage(n, dict(reversed(list(edges.items()))), threshold, keys) == got


# -- pair similarities ---------------------------------------------------------------------

E = PairEvidence(text=0.6, lead=0.2, vector=None, shared_day=False, event_apart=None,
                 era_conflict=False, published_gap=None)


def test_without_embeddings_the_lexical_score_is_rescaled_to_one():
    assert story_similarity(E, P) == pytest.approx((P.w_text * 0.6 + P.w_lead * 0.2) / (P.w_text + P.w_lead))
    assert story_similarity(replace(E, text=1.0, lead=1.0), P) == pytest.approx(1.0)
    with_vector = replace(E, text=1.0, lead=1.0, vector=0.5)
    assert story_similarity(with_vector, P) == pytest.approx(P.w_text + P.w_lead + P.w_vector * 0.5)


def test_era_guard_zeroes_any_evidence():
    perfect = PairEvidence(1.0, 1.0, 1.0, True, 0, True, 0)
    assert story_similarity(perfect, P) == 0.0


def test_a_publication_gap_needs_a_shared_day():
    far = replace(E, published_gap=P.story_days + 1)
    assert story_similarity(far, P) == 0.0
    assert story_similarity(replace(far, shared_day=True), P) > 0
    assert story_similarity(replace(E, published_gap=P.story_days), P) == pytest.approx(story_similarity(E, P))


def test_day_signals_add_and_subtract():
    base = story_similarity(E, P)
    assert story_similarity(replace(E, shared_day=True), P) == pytest.approx(base + P.day_bonus)
    for apart in (0, 1):
        assert story_similarity(replace(E, event_apart=apart), P) == pytest.approx(base + P.event_bonus)
    assert story_similarity(replace(E, event_apart=P.event_days), P) == pytest.approx(base)
    assert story_similarity(replace(E, event_apart=P.event_days + 1), P) == pytest.approx(base - P.event_penalty)
    assert story_similarity(replace(E, text=0.0, lead=0.0, event_apart=30), P) == 0.0  # never negative


def test_topic_similarity_ignores_day_signals():
    base = topic_similarity(E, P)
    assert base == pytest.approx(story_similarity(E, P))
    for e in (replace(E, shared_day=True), replace(E, event_apart=0), replace(E, event_apart=40),
              replace(E, published_gap=P.story_days + 5)):
        assert topic_similarity(e, P) == pytest.approx(base)
    assert topic_similarity(replace(E, published_gap=P.thread_days + 1), P) == 0.0
    assert topic_similarity(replace(E, text=1.0, lead=1.0, vector=1.0), P) == pytest.approx(1.0)


# -- fit -----------------------------------------------------------------------------------

def test_two_events_become_two_stories_and_the_unrelated_report_stays_alone():
    stories, _ = as_sets(StoryClusterer().fit(FIRES + FINALS + [PARK]))
    assert stories == {frozenset({"f1", "f2", "f3"}), frozenset({"b1", "b2", "b3"}), frozenset({"p1"})}


def test_a_thread_joins_stories_with_shared_actors_on_different_days():
    c = StoryClusterer().fit(ALL)
    stories, threads = as_sets(c)
    assert frozenset({"r1"}) in stories                # 21 days later, no day in common
    assert frozenset({"f1", "f2", "f3", "r1"}) in threads
    assert frozenset({"p1"}) in threads and frozenset({"b1", "b2", "b3"}) in threads


def test_the_result_does_not_depend_on_input_order():
    first = StoryClusterer().fit(ALL)
    for seed in range(8):
        shuffled = list(ALL)
        random.Random(seed).shuffle(shuffled)
        again = StoryClusterer().fit(shuffled)
        assert (again.stories_, again.threads_, again.evidence_) == (first.stories_, first.threads_, first.evidence_)


def test_evidence_holds_each_candidate_pair_once():
    c = StoryClusterer().fit(ALL)
    assert c.evidence_ and all(i < j for i, j in c.evidence_)
    assert len({frozenset(k) for k in c.evidence_}) == len(c.evidence_)
    ids = sorted(f.article_id for f in ALL)
    names = {frozenset((ids[i], ids[j])) for i, j in c.evidence_}
    assert frozenset({"f1", "f2"}) in names and frozenset({"f1", "p1"}) not in names


def test_era_guard_keeps_a_2015_report_out_of_a_2025_story():
    old = feat("o1", FIRE + " فجر ثلاثاء", published="2015-03-04", days=["2015-03-04"])
    c = StoryClusterer().fit([old, FIRES[0]])
    assert [e.era_conflict for e in c.evidence_.values()] == [True]
    assert as_sets(c)[0] == {frozenset({"o1"}), frozenset({"f1"})}
    undated = feat("u1", FIRE + " فجر ثلاثاء", published=None, era_min=2015 + ERA_YEARS - 1)
    near = StoryClusterer().fit([replace(old, article_id="o2"), undated])
    assert [e.era_conflict for e in near.evidence_.values()] == [False]   # only a year apart


def _pair(shared: int, va=None, vb=None, df=None):
    common = ["زلزال", "ساحل", "شمالي", "قوي"][:shared]
    text = "زلزال ساحل شمالي قوي يضرب منطقه"
    a = feat("a1", text, lead=" ".join(common + ["بركان", "مطر"]), vector=va)
    b = feat("a2", text, lead=" ".join(common + ["ثلج", "رياح"]), vector=vb)
    return StoryClusterer().fit([a, b], df=df, n=10 * P.rare_docs if df else 0)


def test_candidates_need_min_shared_rare_lead_words():
    assert P.min_shared >= 2
    alone = _pair(P.min_shared - 1)
    assert alone.evidence_ == {} and alone.stories_ == [["a1"], ["a2"]]   # same text, never compared
    together = _pair(P.min_shared)
    assert list(together.evidence_) == [(0, 1)] and together.stories_ == [["a1", "a2"]]
    common = _pair(P.min_shared, df=dict.fromkeys(["زلزال", "ساحل", "شمالي", "قوي"], P.rare_docs + 1))
    assert common.evidence_ == {}                        # words in too many articles are no keys


def test_a_close_embedding_makes_a_candidate_without_shared_lead_words():
    close = _pair(P.min_shared - 1, unit(1.0), unit(0.97))
    assert list(close.evidence_) == [(0, 1)]
    assert close.evidence_[(0, 1)].vector == pytest.approx(0.97, abs=1e-5)
    assert _pair(P.min_shared - 1, unit(1.0), unit(P.vector_min - 0.1)).evidence_ == {}


def test_embedding_candidates_stay_within_the_story_window():
    a = feat("v1", "زلزال", published="2025-01-01", vector=unit(1.0))
    b = feat("v2", "فيضان", published="2025-06-01", vector=unit(1.0))
    assert StoryClusterer().fit([a, b]).evidence_ == {}


# -- the fitted pair model -------------------------------------------------------------------

from rasid.story.cluster import (PairModel, _place_in_threads, packaged_model,  # noqa: E402
                                 pair_features, pair_similarity)


def test_packaged_model_reads_every_feature_it_names_and_says_what_it_was_fitted_on():
    import json

    from rasid.resources import read_text

    m = packaged_model()
    assert set(m.features) <= set(pair_features(E))
    assert len(m.weights) == len(m.mean) == len(m.scale) == len(m.features)
    assert 0 < m.threshold < 1
    provenance = json.loads(read_text("story_model.json"))["provenance"]
    assert provenance["split"] == "dev" and provenance["fitted_by"] == "eval/stories/fit.py"


def test_the_packaged_model_prefers_reports_that_share_words_names_and_a_day():
    m = packaged_model()
    close = replace(E, text=0.7, lead=0.5, names=0.6, published_gap=0, shared_day=True, event_apart=0)
    fewer_words = replace(close, text=0.1, lead=0.05, names=0.05)
    later = replace(close, published_gap=5)
    unrelated = replace(fewer_words, shared_day=False, published_gap=3, event_apart=3)
    assert m.probability(close) > m.threshold > m.probability(unrelated)
    assert m.probability(close) > m.probability(fewer_words) > m.probability(unrelated)
    assert m.probability(close) > m.probability(later)


def test_model_probability_is_the_logistic_of_the_standardised_score():
    m = PairModel(("text", "names"), (2.0, 1.0), (0.5, 0.0), (0.25, 1.0), -1.0, 0.5)
    e = replace(E, text=0.75, names=0.5)
    z = -1.0 + 2.0 * (0.75 - 0.5) / 0.25 + 1.0 * 0.5
    assert m.probability(e) == pytest.approx(1 / (1 + np.exp(-z)))


def test_pair_similarity_guards_and_rescales_pairs_across_languages():
    m = PairModel(("text",), (5.0,), (0.0,), (1.0,), 0.0, 0.3)
    assert pair_similarity(replace(E, era_conflict=True, text=1.0), P, m) == 0.0
    assert pair_similarity(replace(E, published_gap=P.story_days + 1), P, m) == 0.0
    # across languages the words cannot meet: the hand-set rule decides, at the model's scale
    cross = replace(E, text=0.0, lead=0.0, vector=0.8, cross_language=True, event_apart=0)
    assert pair_similarity(cross, P, m) == pytest.approx(story_similarity(cross, P) * 0.3 / P.story_threshold)
    assert pair_similarity(E, P, None) == story_similarity(E, P)


def test_with_and_without_the_model_the_two_events_are_two_stories_in_any_order():
    feats = FIRES + FINALS
    for model in ("packaged", None):
        got = StoryClusterer(model=model).fit(feats)
        assert sorted(map(sorted, got.stories_)) == [["b1", "b2", "b3"], ["f1", "f2", "f3"]], model
        assert StoryClusterer(model=model).fit(list(reversed(feats))).stories_ == got.stories_


def test_each_story_joins_the_thread_holding_most_of_its_articles():
    keys = ["a", "b", "c", "d", "e"]
    fine = [[0], [1], [2], [3], [4]]
    fine_threads = [[0, 1, 2], [3, 4]]          # items 0-2 in one thread, 3-4 in another
    clusters = [[0, 1], [2, 3, 4]]              # the second story straddles: 1 vote vs 2
    assert _place_in_threads(clusters, fine, fine_threads, keys) == [[0], [1]]
    # a tie goes to the thread with the smallest key
    assert _place_in_threads([[2, 3]], fine, fine_threads, keys) == [[0]]


def test_an_undated_pair_is_scored_by_the_fit_without_the_gap():
    undated = PairModel(("text",), (4.0,), (0.0,), (1.0,), -2.0, 0.3)
    m = PairModel(("text", "gap_0"), (4.0, 9.0), (0.0, 0.0), (1.0, 1.0), -2.0, 0.3, undated)
    dated = replace(E, text=0.5, published_gap=0)
    assert m.probability(replace(dated, published_gap=None)) == pytest.approx(undated.probability(dated))
    assert m.probability(dated) > undated.probability(dated)     # the same day counts when known
    with pytest.raises(ValueError):
        replace(m, undated=None).probability(replace(dated, published_gap=None))
    assert packaged_model().undated is not None


def test_names_are_the_taggers_spelling_folded_not_the_resolvers_keys():
    from rasid.model import Article, Mention, Span
    from rasid.story.features import features

    text = "قال وزير الخارجية العراقي فؤاد حسين في بغداد"
    mentions = (Mention(Span(4, 25), "وزير الخارجية العراقي", "PER", key="resolved-key",
                        role="وزير الخارجية العراقي"),
                Mention(Span(26, 35), "فؤاد حسين", "PER", key="e:fuad"),
                Mention(Span(39, 44), "بغداد", "LOC"))
    a = Article(id="x", source_id="x", source="t", line=1, format="txt", text=text, mentions=mentions)
    names = features([a])[0].names
    assert "resolved-key" not in names and "e:fuad" not in names
    assert len(names) == 2 and not any("وزير" in n for n in names)   # a bare title is a role


def test_a_pair_in_two_languages_is_scored_by_the_fit_across_languages():
    across = PairModel(("vector", "figures"), (3.0, 1.0), (0.5, 0.0), (0.2, 1.0), -1.0, 0.3)
    m = PairModel(("text",), (5.0,), (0.0,), (1.0,), 0.0, 0.3, None, across)
    cross = replace(E, text=0.0, lead=0.0, vector=0.8, figures=0.5, cross_language=True)
    assert pair_similarity(cross, P, m) == pytest.approx(across.probability(cross))
    assert pair_similarity(replace(cross, vector=0.2), P, m) < pair_similarity(cross, P, m)
    shipped = packaged_model().cross_language
    assert shipped is not None and shipped.undated is not None
    # the same embedding and day evidence, the rule alone would keep the reports apart
    assert story_similarity(cross, P) < P.story_threshold


def test_a_derivative_takes_its_sources_evidence_one_way_and_without_chains():
    from rasid.story.cluster import inherit_from_sources

    edges = {(0, 2): 0.6, (1, 2): 0.1, (0, 1): 1.0, (1, 3): 1.0}
    out = inherit_from_sources(edges, [(0, 1)])           # 1 derives from 0
    assert out == {**edges, (1, 2): 0.6}                  # 1 raised to 0's 0.6; 0 never takes 1's (1, 3)
    assert inherit_from_sources(edges, [(1, 0)]) == {**edges, (0, 3): 1.0}   # max: 0's 0.6 stays
    # no chains: 3 takes what its source 1 had, not what 1 took from 0
    assert inherit_from_sources(edges, [(0, 1), (1, 3)]) == {**edges, (1, 2): 0.6, (2, 3): 0.1, (0, 3): 1.0}
    assert inherit_from_sources(edges, []) is edges


def test_a_weak_derivative_no_longer_pulls_its_source_out_of_its_story():
    from rasid.story.cluster import average_linkage, inherit_from_sources

    keys = ["000", "001", "003"]
    edges = {(0, 1): 1.0, (0, 2): 0.6, (1, 2): 0.05}      # 001 relays 000; 003 reports what 000 does
    assert average_linkage(3, edges, 0.35, keys) == [[0, 1], [2]]
    assert average_linkage(3, inherit_from_sources(edges, [(0, 1)]), 0.35, keys) == [[0, 1, 2]]


# -- headlines, quotes, pairs far apart, operating points, reports in other languages ---------

def test_an_undated_part_is_moved_onto_the_dated_threshold_by_its_own():
    undated = PairModel(("text",), (4.0,), (0.0,), (1.0,), -2.0, 0.5, own_threshold=0.3)
    m = PairModel(("text", "gap_0"), (4.0, 9.0), (0.0, 0.0), (1.0, 1.0), -2.0, 0.5, undated)
    raw = lambda text: undated.probability(replace(E, text=text, published_gap=None))  # noqa: E731
    moved = lambda text: m.probability(replace(E, text=text, published_gap=None))      # noqa: E731
    at_own = 0.5 + np.log(0.3 / 0.7) / 4.0     # the text at which the undated fit says 0.3
    assert raw(at_own) == pytest.approx(0.3) and moved(at_own) == pytest.approx(0.5)
    assert moved(0.2) < moved(0.4) < moved(0.6)                       # order kept
    assert moved(0.4) > raw(0.4)                                      # raised, not replaced
    assert packaged_model().undated.own_threshold is not None


def test_pairs_far_apart_headlines_and_quotes_are_read_by_the_model():
    far = pair_features(replace(E, text=0.8, published_gap=5, shared_day=False))
    assert far["gap_far"] == 1.0 and far["gap_far_text"] == pytest.approx(0.8)
    near = pair_features(replace(E, text=0.8, published_gap=1, shared_day=False))
    assert near["gap_far"] == 0.0 and near["gap_far_text"] == 0.0
    # a day reported in common: days apart in print, the same happening
    assert pair_features(replace(E, published_gap=5, shared_day=True))["gap_far"] == 0.0
    assert pair_features(replace(E, published_gap=None))["gap_far"] is None
    # a missing headline says nothing: the model reads the mean in its place
    m = packaged_model()
    mean = m.mean[m.features.index("headline")]
    known = replace(E, text=0.4, published_gap=0, headline=mean)
    assert m.probability(replace(known, headline=None)) == pytest.approx(m.probability(known))
    assert m.probability(replace(known, headline=0.9)) > m.probability(replace(known, headline=0.0))


def test_evidence_reads_headline_cosine_and_the_closest_quoted_statement():
    from rasid.story.cluster import _Index, evidence

    a = replace(feat("h1", "زلزال مدينه"), headline={"زلزال": 1, "ضرب": 1},
                quotes=(frozenset("انهار مبنى كامل حي".split()), frozenset("وصلت فرق انقاذ".split())))
    b = replace(feat("h2", "زلزال مدينه"), headline={"زلزال": 1, "ضرب": 1},
                quotes=(frozenset("انهار مبنى كامل حي قديم".split()),))
    c = replace(feat("h3", "زلزال مدينه"), headline=None)
    idx = _Index([a, b, c])

    def ev(i, j):
        fs = [a, b, c]
        return evidence(fs[i], fs[j], idx.vectors[i], idx.vectors[j], idx.lead_weights[i], idx.lead_weights[j],
                        ha=idx.headlines[i], hb=idx.headlines[j])
    assert ev(0, 1).headline == pytest.approx(1.0) and ev(0, 1).quote == pytest.approx(0.8)
    assert ev(0, 2).headline is None and ev(0, 2).quote == 0.0


def test_a_report_in_another_language_finds_its_nearest_reports_across_languages():
    # the English report is nearer to three other English reports than to the Arabic one
    ar = replace(feat("x-ar", "فيضان", vector=unit(0.35)), lang="ar")
    en = [replace(feat(f"x-en{k}", f"flood{k}", vector=unit(1.0)), lang="en") for k in range(3)]
    probe = replace(feat("x-probe", "floods", vector=unit(1.0)), lang="en")
    wide = StoryClusterer(ClusterParams(vector_neighbours=3)).fit([ar, *en, probe])
    ids = sorted(f.article_id for f in [ar, *en, probe])
    pairs = {(ids[i], ids[j]) for i, j in wide.evidence_}
    assert ("x-ar", "x-probe") in pairs
    # without the cross-language neighbours it had no Arabic candidate at all
    narrow = StoryClusterer(ClusterParams(vector_neighbours=3, cross_neighbours=0)).fit([ar, *en, probe])
    assert not any("x-ar" in (ids[i], ids[j]) for i, j in narrow.evidence_)
    # too far even for another language: not a candidate
    far = replace(ar, vector=unit(P.cross_min - 0.1))
    assert not any("x-ar" in (ids[i], ids[j]) for i, j in StoryClusterer().fit([far, *en, probe]).evidence_)


def test_lead_overlap_is_the_same_whatever_order_the_words_come_in():
    """A plain sum's last digits follow its order, and a set's order the process's string
    hashes: the same pair must score the same in every run."""
    from rasid.story.cluster import _lead_overlap

    la = {"بغداد": 0.1, "دمشق": 0.2, "الشطري": 0.3, "زيارة": 0.05}
    lb = {"الشطري": 0.3, "دمشق": 0.2, "بغداد": 0.1, "وفد": 0.4}
    backwards = lambda d: dict(reversed(list(d.items())))  # noqa: E731
    assert 0.1 + 0.2 + 0.3 != 0.3 + 0.2 + 0.1        # the trap itself
    got = _lead_overlap(la, lb)
    assert got == _lead_overlap(backwards(la), backwards(lb))
    assert got == pytest.approx(0.6 / 0.65)
    assert _lead_overlap(la, {"وفد": 1.0}) == 0.0


def test_sparse_cosine_matches_the_dense_product():
    import numpy as np

    from rasid.story.cluster import _cosine

    rng = np.random.default_rng(3)
    for _ in range(50):
        ia = np.sort(rng.choice(200, rng.integers(0, 30), replace=False))
        ib = np.sort(rng.choice(200, rng.integers(0, 30), replace=False))
        wa, wb = rng.random(len(ia)), rng.random(len(ib))
        dense_a, dense_b = np.zeros(200), np.zeros(200)
        dense_a[ia], dense_b[ib] = wa, wb
        assert _cosine((ia, wa), (ib, wb)) == pytest.approx(float(dense_a @ dense_b), abs=1e-12)
        assert _cosine((ia, wa), (ib, wb)) == _cosine((ib, wb), (ia, wa))


def _random_feats(n: int, seed: int = 5) -> list:
    """n articles over a month in two languages, their vectors in a few tight bunches."""
    from dataclasses import replace as _replace

    rng = np.random.default_rng(seed)
    centres = rng.normal(size=(6, 512))
    out = []
    for i in range(n):
        v = centres[i % 6] + 0.6 * rng.normal(size=512)
        day = f"2025-03-{1 + int(rng.integers(0, 28)):02d}"
        f = feat(f"a{i:03d}", f"كلمة{i % 9} خبر", published=day if i % 11 else None,
                 vector=(v / np.linalg.norm(v)).astype(np.float32))
        out.append(_replace(f, lang="en" if i % 7 == 0 else "ar"))
    return out


def test_embedding_blocks_cover_the_search_and_any_mapper_gives_the_same_pairs():
    from rasid.story.cluster import _vector_pairs, block_pairs, vector_blocks

    feats = _random_feats(70)
    whole = _vector_pairs(feats, P)
    assert whole and any(feats[i].lang != feats[j].lang for i, j in whole)   # cross-language ones too
    blocks = list(vector_blocks(feats, block=16))
    assert len(blocks) == 5 and sum(len(b.rows) for b in blocks) == 70
    assert all(set(b.rows) <= set(b.cols) and len(b.cols) <= 32 for b in blocks)
    # blocks of 16 see fewer columns, so fewer neighbours than one block of 2048 sees
    small = set().union(*(block_pairs(b, P) for b in blocks))
    assert small and small != whole
    calls = []

    def backwards(fn, items):          # a mapper may run the blocks in any order
        calls.append(len(items))
        return [fn(x) for x in reversed(items)][::-1]

    assert _vector_pairs(feats, P, backwards) == whole and calls == [1]
    assert _vector_pairs(feats[:1], P, backwards) == set()                 # nothing to compare
    clustered = StoryClusterer(P, mapper=backwards).fit(feats).stories_
    assert clustered == StoryClusterer(P).fit(feats).stories_ and calls[-1] == 1


def test_other_language_candidates_are_only_in_another_known_language():
    """A row with fewer reports in another language than it may take must not fill its
    cross-language places with reports in its own language (or of no known language) at
    the low cross-language floor."""
    from dataclasses import replace as _replace

    from rasid.story.cluster import _vector_pairs

    # six Arabic reports at cosine 0.4 of each other: under vector_min, over cross_min
    base = np.eye(8, 512, dtype=np.float32)
    shared = np.ones(512, dtype=np.float32) / np.sqrt(512)
    vecs = [np.sqrt(0.4) * shared + np.sqrt(0.6) * base[i] for i in range(8)]
    vecs = [(v / np.linalg.norm(v)).astype(np.float32) for v in vecs]
    feats = [_replace(feat(f"a{i}", "خبر", vector=vecs[i]), lang="ar") for i in range(6)]
    feats.append(_replace(feat("e0", "news", vector=vecs[6]), lang="en"))
    feats.append(_replace(feat("u0", "؟", vector=vecs[7]), lang="und"))
    assert 0.25 < float(vecs[0] @ vecs[1]) < P.vector_min
    pairs = {(feats[i].article_id, feats[j].article_id) for i, j in _vector_pairs(feats, P)}
    assert pairs and all("e0" in pair for pair in pairs)      # Arabic with English only
    assert not any("u0" in pair for pair in pairs)            # no known language: no low floor
