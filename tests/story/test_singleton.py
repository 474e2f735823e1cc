"""The baseline story stage: one story per article, with real card fields."""
from __future__ import annotations

from rasid.clean import clean
from rasid.model import RawDocument
from rasid.story.singleton import TITLE_MAX_CHARS, SingletonStories, story_title


def _article(text, title=None, outlet=None, published=None, source="a.txt"):
    return clean(RawDocument(source=source, line=None, format="jsonl", text=text, source_id=source,
                             title=title, outlet=outlet, published=published, lang="ar"))


BODY = "عقد المجلس البلدي جلسة طارئة لمناقشة أضرار العاصفة. وقرر صرف تعويضات عاجلة للأسر المتضررة."


def test_title_is_the_headline_when_there_is_one():
    a = _article(BODY, title="جلسة طارئة للمجلس البلدي")
    assert story_title(a) == "جلسة طارئة للمجلس البلدي"


def test_title_falls_back_to_the_first_body_sentence():
    a = _article(BODY)
    assert a.headline is None
    assert story_title(a) == "عقد المجلس البلدي جلسة طارئة لمناقشة أضرار العاصفة."


def test_long_first_sentence_is_cut_with_an_ellipsis():
    long_sentence = " ".join(["كلمة"] * 80) + "."
    title = story_title(_article(long_sentence))
    assert len(title) == TITLE_MAX_CHARS and title.endswith("…")


def test_each_article_gets_its_own_story_and_thread_with_card_fields():
    a = _article(BODY, outlet="صحيفة الشاطئ", published="2025-03-01", source="a")
    b = _article(BODY + " وأضاف البيان تفاصيل.", outlet="وكالة السهل", published="2025-03-02", source="b")
    stories = SingletonStories().assign([a, b])
    assert [s.article_ids for s in stories] == [(a.id,), (b.id,)]
    assert len({s.id for s in stories}) == 2 and len({s.thread_id for s in stories}) == 2
    assert stories[0].outlets == ("صحيفة الشاطئ",)
    assert (stories[1].first_seen, stories[1].last_seen) == ("2025-03-02", "2025-03-02")
    assert all(s.independent_origins == 1 for s in stories)


def test_story_ids_are_stable_across_runs():
    a = _article(BODY)
    assert SingletonStories().assign([a])[0].id == SingletonStories().assign([a])[0].id
