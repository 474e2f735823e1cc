"""The story stage over a store: story cards, ingest runs, re-runs, order, crashes, seeds."""
from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace

import pytest

from rasid.config import Settings
from rasid.ids import story_id_for
from rasid.model import Article
from rasid.pipeline import ingest
from rasid.story.assign import VECTOR_MODEL, StoryStage, build_stories
from rasid.story.claims import claims
from rasid.story.singleton import story_title
from rasid.story.timeline import story_timeline
from rasid.store.sqlite import SQLiteStore

FAST = Settings(progress="never", embeddings=False)
O1, O2, O3 = "صحيفة الضفة", "وكالة النخيل", "إذاعة المرفأ"
FIRE = [  # a timber warehouse burns at the (invented) port of Wadi Sahil, 4 March 2025
    ("fire-1", O1, "2025-03-04", "حريق ضخم يلتهم مستودع الأخشاب في ميناء وادي الساحل",
     "اندلع حريق ضخم في مستودع للأخشاب داخل ميناء وادي الساحل فجر الثلاثاء 4 مارس 2025، وهرعت فرق "
     "الدفاع المدني إلى المكان. وقال مدير الميناء سليم القرنفلي إن النيران أتت على مئات الأطنان من الأخشاب."),
    ("fire-2", O2, "2025-03-04", "النيران تأتي على مستودع أخشاب بميناء وادي الساحل",
     "أتت النيران فجر الثلاثاء 4 مارس 2025 على مستودع الأخشاب في ميناء وادي الساحل. وأوضح مدير الميناء "
     "سليم القرنفلي أن فرق الدفاع المدني سيطرت على الحريق بعد ساعات دون إصابات."),
    ("fire-3", O3, "2025-03-05", "الدفاع المدني يسيطر على حريق مستودع ميناء وادي الساحل",
     "سيطرت فرق الدفاع المدني على الحريق الذي اندلع في مستودع الأخشاب بميناء وادي الساحل يوم 4 مارس "
     "2025. وذكر سليم القرنفلي مدير الميناء أن التحقيق جار لمعرفة سبب الحريق."),
]
FINAL = [  # the (invented) Najm Tabarani club wins the regional basketball cup, 8 March 2025
    ("final-1", O1, "2025-03-08", "نادي النجم الطبراني يتوج بكأس السلة الإقليمية",
     "توج نادي النجم الطبراني بكأس البطولة الإقليمية لكرة السلة مساء السبت 8 مارس 2025 بعد فوزه على "
     "فريق الوادي الأخضر في المباراة النهائية. وأشاد المدرب كمال الدرويشي بلاعبيه."),
    ("final-2", O2, "2025-03-08", "النجم الطبراني بطلا لكأس السلة بعد الفوز على الوادي الأخضر",
     "فاز فريق النجم الطبراني على الوادي الأخضر في نهائي البطولة الإقليمية لكرة السلة يوم السبت 8 مارس "
     "2025. وقال المدرب كمال الدرويشي إن الكأس ثمرة عمل موسم كامل."),
    ("final-3", O3, "2025-03-09", "احتفالات بتتويج النجم الطبراني بكأس السلة",
     "احتفلت جماهير نادي النجم الطبراني بتتويج فريقها بكأس البطولة الإقليمية لكرة السلة بعد الفوز على "
     "الوادي الأخضر مساء 8 مارس 2025. وأهدى المدرب كمال الدرويشي اللقب للجمهور."),
]
PARK = ("park-1", O1, "2025-03-06", "بلدية الحي القديم تطلق حملة لزراعة الأشجار",
        "أطلقت بلدية الحي القديم حملة تطوعية لزراعة ألفي شجرة زيتون في الحدائق العامة والمدارس.")
ENGLISH = ("fire-en", "Coastal Wire", "2025-03-04", "Huge fire destroys timber warehouse at Wadi Sahil port",
           "A huge fire destroyed a timber warehouse at the port of Wadi Sahil early on Tuesday, March 4, "
           "2025. Port director Salim al-Qaranfuli said civil defence teams fought the blaze for hours.")
CORPUS = FIRE + FINAL + [PARK]
EXPECTED = {frozenset({"fire-1", "fire-2", "fire-3"}), frozenset({"final-1", "final-2", "final-3"}),
            frozenset({"park-1"})}


def _write(folder: Path, items, name="reports.jsonl") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    rows = [{"id": i, "outlet": o, "published": p, "title": t, "text": x} for i, o, p, t, x in items]
    (folder / name).write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return folder


def _groups(store, field="story_id", name=lambda a: a.source_id) -> set[frozenset]:
    by: dict[str, set] = {}
    for a in store.iter_articles():
        by.setdefault(getattr(a, field), set()).add(name(a))
    return {frozenset(v) for v in by.values()}


def _no_orphans(store) -> None:
    stories = {s.id: s for s in store.stories()}
    for a in store.iter_articles():
        assert a.story_id in stories and a.id in stories[a.story_id].article_ids
        assert a.thread_id == stories[a.story_id].thread_id


def _art(aid, published=None, outlet=None, headline=None):
    return Article(id=aid, source_id=aid, source=aid, line=None, format="txt", outlet=outlet,
                   text="سقطت أمطار غزيرة على المدينة. وأغلقت الطرق.", headline=headline, published=published)


# -- build_stories -------------------------------------------------------------------------

def test_story_card_fields_come_from_the_members():
    arts = [_art("a1", "2025-03-05", "الضفة"), _art("a9", "2025-03-04", "النخيل"), _art("a5", "2025-03-04", "الضفة"),
            _art("a0", None, None), _art("a7", "2025-03-08", None), _art("b1", "2025-02-01", "المرفأ")]
    fitted = SimpleNamespace(stories_=[["a1", "a9", "a5", "a0", "a7"], ["b1"]], threads_=[[0], [1]])
    story, other = build_stories(arts, fitted)
    assert story.id == story_id_for("a5")               # earliest published, then smallest id
    assert story.article_ids == ("a5", "a9", "a1", "a7", "a0")
    assert (story.first_seen, story.last_seen) == ("2025-03-04", "2025-03-08")
    assert story.outlets == ("الضفة", "النخيل")
    assert story.independent_origins == 4              # two outlets, two outlet-less reports
    assert story.timeline == story_timeline(arts[:5])
    assert story.thread_id != other.thread_id and other.independent_origins == 1
    undated = build_stories([_art("u1"), _art("u2")], SimpleNamespace(stories_=[["u2", "u1"]], threads_=[[0]]))[0]
    assert (undated.id, undated.first_seen, undated.last_seen) == (story_id_for("u1"), None, None)


def test_stories_of_one_thread_share_its_id():
    arts = [_art("a1", "2025-03-01"), _art("a2", "2025-03-20"), _art("a3", "2025-03-02")]
    fitted = SimpleNamespace(stories_=[["a1"], ["a2"], ["a3"]], threads_=[[0, 1], [2]])
    s1, s2, s3 = build_stories(arts, fitted)
    assert s1.thread_id == s2.thread_id != s3.thread_id


def _titled(*heads):
    arts = [_art(f"h{k}", f"2025-03-0{k + 1}", headline=h) for k, h in enumerate(heads)]
    return build_stories(arts, SimpleNamespace(stories_=[[a.id for a in arts]], threads_=[[0]]))[0].title


def test_title_is_the_headline_the_others_agree_with_earliest_on_ties():
    assert _titled("أسعار الذهب ترتفع اليوم", "حريق يلتهم مستودع الميناء",
                   "حريق في مستودع الميناء") == "حريق يلتهم مستودع الميناء"
    no_headlines = [_art("n1", "2025-03-02"), _art("n2", "2025-03-01")]
    story = build_stories(no_headlines, SimpleNamespace(stories_=[["n1", "n2"]], threads_=[[0]]))[0]
    assert story.title == story_title(no_headlines[1])


def test_a_long_outlier_headline_is_not_the_title():
    assert _titled("مخاوف من تسرب غازات سامة وإخلاء أحياء سكنية قرب مصفاة المدينة بعد الحادث",
                   "انفجار يهز مصفاة الشمال", "انفجار يهز مصفاة الشمال فجرا") == "انفجار يهز مصفاة الشمال"


# -- the stage in ingest runs --------------------------------------------------------------

def _version() -> str:
    """The story stage's version under the settings these tests ingest with."""
    return StoryStage(embeddings=FAST.embeddings, model="packaged" if FAST.story_model else None).version


def test_two_events_and_an_unrelated_report(tmp_path, store):
    report = ingest([str(_write(tmp_path / "in", CORPUS))], store, FAST)
    assert (report.added, report.stories) == (7, 3)
    assert _groups(store) == EXPECTED
    assert store.articles_behind(StoryStage.name, _version()) == []
    by_source = {a.source_id: a for a in store.iter_articles()}
    fire = store.story(by_source["fire-3"].story_id)
    seed = min((by_source[k] for k in ("fire-1", "fire-2")), key=lambda a: a.id)
    assert fire.id == story_id_for(seed.id)
    assert (fire.first_seen, fire.last_seen, fire.independent_origins) == ("2025-03-04", "2025-03-05", 3)
    assert set(fire.outlets) == {O1, O2, O3}
    assert fire.timeline and {e.date for e in fire.timeline} >= {"2025-03-04"}
    _no_orphans(store)


def _snapshot(store):
    stories = sorted((s.id, s.thread_id, s.title, s.first_seen, s.last_seen, frozenset(s.article_ids))
                     for s in store.stories())
    rows = store.db.execute("SELECT id, story_id, thread_id, stage_versions FROM articles ORDER BY id")
    return stories, [tuple(r) for r in rows]


def test_ingesting_the_same_files_again_changes_nothing(tmp_path, store):
    folder = str(_write(tmp_path / "in", CORPUS))
    ingest([folder], store, FAST)
    before = _snapshot(store)
    again = ingest([folder], store, FAST)
    assert (again.added, again.stories) == (0, 0)
    assert _snapshot(store) == before


def test_two_runs_in_another_order_give_the_stories_of_one_run(tmp_path, store):
    ingest([str(_write(tmp_path / "all", CORPUS))], store, FAST)
    with SQLiteStore(tmp_path / "two.db") as two:
        ingest([str(_write(tmp_path / "half", [FIRE[1], FINAL[2], PARK]))], two, FAST)
        assert _groups(two) == {frozenset({"fire-2"}), frozenset({"final-3"}), frozenset({"park-1"})}
        ingest([str(_write(tmp_path / "rest", [FIRE[2], FINAL[0], FIRE[0], FINAL[1]]))], two, FAST)
        assert _groups(two) == _groups(store) == EXPECTED
        assert {s.id for s in two.stories()} == {s.id for s in store.stories()}
        _no_orphans(two)


def test_every_article_has_a_story_even_with_empty_ish_texts(tmp_path, store):
    scraps = [{"id": "e1", "text": "؟"}, {"id": "e2", "text": "2025"}, {"id": "e3", "text": "نعم"},
              {"id": "e4", "title": "عاجل", "text": "عاجل"}, {"id": "e5", "text": "\u200f\u200f"},
              {"id": "e6", "text": "ـــ", "published": "2025-03-04"}]
    folder = _write(tmp_path / "in", CORPUS)
    (folder / "scraps.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in scraps),
                                         encoding="utf-8")
    report = ingest([str(folder)], store, FAST)
    assert report.added == 13 and store.counts()["articles"] == 13
    assert EXPECTED <= _groups(store)
    _no_orphans(store)


def test_a_crash_before_the_story_stage_leaves_singletons_the_next_run_clusters(tmp_path, store, monkeypatch):
    folder = str(_write(tmp_path / "in", CORPUS))
    original, calls = StoryStage.update, []

    def crash_once(self, st, ids):
        calls.append(len(ids))
        if len(calls) == 1:
            raise RuntimeError("simulated crash after the batch commit")
        return original(self, st, ids)

    monkeypatch.setattr(StoryStage, "update", crash_once)
    with pytest.raises(RuntimeError, match="simulated crash"):
        ingest([folder], store, FAST)
    articles = list(store.iter_articles())
    assert len(articles) == 7 and all(a.story_id == story_id_for(a.id) for a in articles)
    assert len(store.articles_behind(StoryStage.name, _version())) == 7
    _no_orphans(store)
    again = ingest([folder], store, FAST)
    assert (again.added, again.stories, calls) == (0, 3, [7, 7])
    assert _groups(store) == EXPECTED and store.articles_behind(StoryStage.name, _version()) == []
    _no_orphans(store)


# -- with embeddings: one ingest, shared by the tests below ----------------------------------

@pytest.fixture(scope="module")
def embedded(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("embedded")
    with SQLiteStore(tmp / "emb.db") as store:
        ingest([str(_write(tmp / "in", CORPUS + [ENGLISH]))], store, Settings(progress="never", embeddings=True))
        yield store


def test_with_embeddings_the_english_report_joins_the_fire_story(embedded):
    ids = [a.id for a in embedded.iter_articles()]
    assert set(embedded.vectors(ids, VECTOR_MODEL)) == set(ids)   # embedded once, kept in the store
    fire = frozenset({"fire-1", "fire-2", "fire-3", "fire-en"})
    assert _groups(embedded) == (EXPECTED - {frozenset({"fire-1", "fire-2", "fire-3"})}) | {fire}
    assert fire in _groups(embedded, "thread_id")
    _no_orphans(embedded)


def test_without_the_fit_across_languages_the_english_report_is_a_story_of_its_own(tmp_path):
    """The hand-set rule alone (story_model = false) cannot join a report that shares no words
    with the others: it stays apart, though in the fire's thread."""
    with SQLiteStore(tmp_path / "rule.db") as store:
        ingest([str(_write(tmp_path / "in", CORPUS + [ENGLISH]))], store,
               Settings(progress="never", embeddings=True, story_model=False))
        assert frozenset({"fire-en"}) in _groups(store)
        assert frozenset({"fire-1", "fire-2", "fire-3", "fire-en"}) in _groups(store, "thread_id")


def test_a_later_english_report_finds_the_fire_through_the_embedding_index(tmp_path, embedded):
    """A second, small run re-clusters only the new report's neighbourhood; an English report
    shares no words with the Arabic ones, so only the headline index can bring the fire reports
    into it, and with them the thread."""
    with SQLiteStore(tmp_path / "two.db") as store:
        settings = Settings(progress="never", embeddings=True)
        ingest([str(_write(tmp_path / "first", CORPUS))], store, settings)
        ingest([str(_write(tmp_path / "second", [ENGLISH]))], store, settings)
        assert _groups(store) == _groups(embedded)
        thread = {a.source_id: a.thread_id for a in store.iter_articles()}
        assert thread["fire-en"] == thread["fire-1"] == thread["fire-3"]


def test_with_embeddings_the_english_report_joins_the_arabic_story(embedded):
    story = {a.source_id: a.story_id for a in embedded.iter_articles()}
    assert story["fire-en"] == story["fire-1"]


# -- the seeds (../shared) -----------------------------------------------------------------

def _seed_run(seeds_dir, store, settings):
    ingest([str(seeds_dir)], store, settings)
    return lambda field: _groups(store, field, lambda a: Path(a.source).name[:3])


def test_seeds_threads_and_stories_of_their_own(seeds_dir, store, settings):
    groups = _seed_run(seeds_dir, store, settings)
    assert groups("thread_id") == {frozenset({"000", "001", "002", "003", "004"})}
    assert {frozenset({"002"}), frozenset({"004"})} <= groups("story_id")


def test_seeds_000_and_001_are_one_story(seeds_dir, store, settings):
    """001 (undated, names garbled by machine translation) is linked to 000 as a relay of the
    report both credit (link/credit.py), so they are one story, whatever else joins it."""
    groups = _seed_run(seeds_dir, store, settings)
    assert any(g >= {"000", "001"} for g in groups("story_id"))


def test_seeds_al_shatri_statement_counts_two_independent_origins(seeds_dir, store, settings):
    """"Iraq was not keen on supporting Assad": said in 000, relayed by 001 (machine-translated,
    الشاتري), reported independently by 003 (الشاطري): one claim, three articles, two origins,
    in the story of 000 and 001, matched across their thread (003 announces nothing: it is the
    intelligence chief's interview, a story of its own in the same thread)."""
    from rasid.serve.thread import thread_reports
    from rasid.story.claims import story_claims

    ingest([str(seeds_dir)], store, settings)
    name = {a.id: Path(a.source).name[:3] for a in store.iter_articles()}
    (story,) = [s for s in store.stories() if {name[x] for x in s.article_ids} >= {"000", "001"}]
    own = store.articles(story.article_ids)
    found = story_claims(story.article_ids, *thread_reports(store, story, own))
    articles, _ = thread_reports(store, story, own)
    assad = [c for c in found if "الأسد" in c.text and {"000", "001", "003"} <= {name[x] for x in c.article_ids}]
    assert len(assad) == 1 and assad[0].independent_origins == 2
    shatri = {m.entity_id for a in articles for m in a.mentions
              if m.text in ("الشطري", "الشاتري", "الشاطري", "حميد الشطري")}
    assert len(shatri) == 1 and assad[0].speaker in shatri
    # the foreign minister, garbled فايد حسين by the machine translation, is one man in the story
    fuad = {m.entity_id for a in articles for m in a.mentions if m.text in ("فؤاد حسين", "فايد حسين")}
    assert len(fuad) == 1


def test_the_stage_version_names_its_rules():
    from rasid.story.cluster import ClusterParams

    shipped = StoryStage(embeddings=False, model="packaged").version
    assert shipped == StoryStage(embeddings=False, model="packaged").version
    others = {StoryStage(embeddings=False, model=None).version,                 # the hand-set rule
              StoryStage(embeddings=True, model="packaged").version,            # embeddings read
              StoryStage(ClusterParams(story_threshold=0.5), embeddings=False, model="packaged").version}
    assert shipped not in others and len(others) == 3
    assert all(v.startswith("cluster/") for v in others)


def test_new_rules_recluster_the_archive_at_the_next_ingest(tmp_path, store):
    folder = str(_write(tmp_path / "in", CORPUS))
    ingest([folder], store, FAST)
    rule = Settings(progress="never", embeddings=False, story_model=False)
    rule_version = StoryStage(embeddings=False, model=None).version
    assert len(store.articles_behind(StoryStage.name, rule_version)) == 7
    again = ingest([folder], store, rule)   # nothing new to read, but the rules changed
    assert again.added == 0 and again.stories > 0
    assert store.articles_behind(StoryStage.name, rule_version) == []
    assert store.articles_behind(StoryStage.name, _version()) != []


def test_a_recluster_reads_the_archive_in_chunks_with_the_same_stories(tmp_path, store, monkeypatch):
    import rasid.story.assign as assign

    ingest([str(_write(tmp_path / "in", CORPUS + [ENGLISH]))], store, FAST)
    whole = _snapshot(store)
    asked: list[int] = []
    real = store.articles

    def articles(ids, *args, **kwargs):
        ids = list(ids)
        asked.append(len(ids))
        return real(ids, *args, **kwargs)

    monkeypatch.setattr(store, "articles", articles)
    monkeypatch.setattr(assign, "READ_CHUNK", 3)
    stage = StoryStage(embeddings=False, model="packaged" if FAST.story_model else None)
    report = stage.recluster_all(store)
    assert asked == [3, 3, 2]                     # never the whole archive at once
    assert report.neighbourhood == 8 and report.stories == len(whole[0])
    assert _snapshot(store) == whole


def test_story_members_carry_what_a_card_needs():
    from rasid.story.assign import story_member

    arts = [_art("a1", "2025-03-05", "الضفة", "حريق في الميناء"), _art("a0", "2025-03-04", "النخيل")]
    fitted = SimpleNamespace(stories_=[["a1", "a0"]], threads_=[[0]])
    assert build_stories([story_member(a) for a in arts], fitted) == build_stories(arts, fitted)
    headless = [_art("n1", "2025-03-02")]
    one = SimpleNamespace(stories_=[["n1"]], threads_=[[0]])
    assert build_stories([story_member(a) for a in headless], one)[0].title == story_title(headless[0])


def test_an_ingest_re_clusters_every_thread_it_touches_whole(seeds_dir, store, settings, tmp_path, monkeypatch):
    """A new report related to one story of a thread re-clusters the thread's other stories
    too. Re-threading only part of a thread named that part after its own earliest report,
    and the thread was cut in two (threads drifted to F1 0.79 against one pass over ten small
    ingests of 100 SaudiNewsNet articles)."""
    ingest([str(seeds_dir)], store, settings)
    name = {a.id: Path(a.source).name[:3] for a in store.iter_articles()}
    (thread,) = {a.thread_id for a in store.iter_articles()}
    one_story = next(a for a, n in name.items() if n == "002")
    # the new report's word and embedding neighbours: one article of the thread, no more
    monkeypatch.setattr(store, "related_article_ids", lambda article, limit=20: [one_story])
    stage = StoryStage(model="packaged")
    monkeypatch.setattr(stage, "_embedding_neighbours", lambda store_, articles: set())
    seen: list[set] = []
    real = stage._recluster
    monkeypatch.setattr(stage, "_recluster",
                        lambda store_, ids, *rest: seen.append(set(ids)) or real(store_, ids, *rest))
    # a follow-up under 002's headline, so the two leads share the words the clusterer pairs on
    headline = store.article(one_story).headline
    follow = _write(tmp_path / "later", [("later-1", O1, "2025-01-05", headline,
                                         "زار وفد أمني عراقي دمشق مجددا لبحث ضبط الحدود بين البلدين.")])
    ingest([str(follow)], store, Settings(progress="never", embeddings=False))   # stores it, clusters it
    new_id = next(a.id for a in store.iter_articles() if a.source_id == "later-1")
    stage.update(store, [new_id])
    assert seen and seen[-1] >= set(name) | {new_id}   # all five seeds: the whole thread
    _no_orphans(store)


def test_only_word_search_hits_the_clusterer_would_compare_join_the_neighbourhood(tmp_path, store):
    """The word search returns any article sharing one rare word; the neighbourhood keeps
    those sharing `min_shared` lead words with a new report that are rare as the clusterer
    counts them. In seven articles almost every word is rare, so rarity here is "in at most
    three": the fire reports share the port's name, the final's reports only «مارس» and
    «وادي», which six articles have."""
    from rasid.story.cluster import ClusterParams

    ingest([str(_write(tmp_path / "in", CORPUS))], store, FAST)
    by_source = {a.source_id: a for a in store.iter_articles()}
    df, _ = store.document_frequencies()
    others = {a.id for k, a in by_source.items() if k != "fire-3"}

    def kept(**params):
        stage = StoryStage(ClusterParams(**params), embeddings=False, model="packaged")
        ids = stage._comparable(store, [by_source["fire-3"]], others, df)
        return {k for k, a in by_source.items() if a.id in ids}

    assert kept(rare_docs=3) == {"fire-1", "fire-2"}
    assert kept(rare_docs=3, min_shared=99) == set()
    assert kept() == {"fire-1", "fire-2", "final-1", "final-2", "final-3"}   # every shared word rare
