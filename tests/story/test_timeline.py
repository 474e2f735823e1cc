"""Story and thread timelines: dated happenings merged by date, each citing its articles."""
from __future__ import annotations

from rasid.model import Article, DateRef, Span, TimelineEntry
from rasid.serve.records import thread_record
from rasid.story import SingletonStories
from rasid.story.timeline import TIMELINE_GRAINS, merge_timelines, story_timeline


def ref(value, grain="day", what="افتتح الوزير الجسر الجديد", text="x", end=None) -> DateRef:
    return DateRef(span=Span(0, 1), text=text, value=value, grain=grain, what=what, end=end)


def art(aid: str, published: str | None, *dates: DateRef) -> Article:
    return Article(id=aid, source_id=aid, source=aid, line=None, format="txt", text="نص",
                   published=published, dates=dates)


def test_one_entry_per_date_citing_every_article():
    a = art("a2", "2025-03-12", ref("2025-03-10", what="انهار جزء من السد الشمالي"))
    b = art("a1", "2025-03-11", ref("2025-03-10", what="انهار السد بعد أمطار غزيرة"))
    c = art("a3", "2025-03-13", ref("2025-03-10"), ref("2025-03-11", what="بدأت فرق الإنقاذ عملها"))
    tl = story_timeline([a, b, c])
    assert [e.date for e in tl] == ["2025-03-10", "2025-03-11"]
    first = tl[0]
    assert first.article_ids == ("a1", "a2", "a3")          # ordered by publication
    assert first.what == "انهار السد بعد أمطار غزيرة"      # from the earliest article
    assert first.grain == "day"
    assert tl[1].article_ids == ("a3",)


def test_only_day_and_month_dates_with_a_what():
    assert TIMELINE_GRAINS == ("day", "month")
    a = art("a1", "2025-03-12",
            ref("2025-03-10"), ref("2025-02", grain="month", what="ارتفعت أسعار القمح عالميا"),
            ref("2024", grain="year"), ref("2025-03-03", grain="week"), ref("1980", grain="decade"),
            ref(None, grain=None), ref("2025-03-01", what=None), ref("2025-03-02", what=""))
    assert [(e.date, e.grain) for e in story_timeline([a])] == [("2025-02", "month"), ("2025-03-10", "day")]


def test_entries_are_sorted_and_an_article_is_cited_once():
    a = art("a1", None, ref("2025-05-01"), ref("2024-12-31"), ref("2025-01"), ref("2025-05-01"))
    tl = story_timeline([a])
    assert [e.date for e in tl] == sorted(e.date for e in tl) == ["2024-12-31", "2025-01", "2025-05-01"]
    assert tl[-1].article_ids == ("a1",)


def test_undated_articles_come_last_and_ties_by_id():
    a = art("b", None, ref("2025-03-10", what="خبر من مقال بلا تاريخ نشر"))
    b = art("c", "2025-03-11", ref("2025-03-10", what="خبر من المقال الأحدث"))
    c = art("a", "2025-03-11", ref("2025-03-10", what="خبر من المقال الأسبق"))
    (e,) = story_timeline([a, b, c])
    assert e.article_ids == ("a", "c", "b") and e.what == "خبر من المقال الأسبق"


def test_empty_story_has_an_empty_timeline():
    assert story_timeline([]) == ()
    assert story_timeline([art("a1", "2025-03-12")]) == ()


def test_merge_timelines_for_a_thread():
    s1 = (TimelineEntry("2025-03-10", "day", "انهار السد", ("a1", "a2")),
          TimelineEntry("2025-04", "month", "بدأت إعادة البناء", ("a2",)))
    s2 = (TimelineEntry("2025-03-10", "day", "وصف آخر للانهيار", ("a2", "a3")),
          TimelineEntry("2025-03-01", "day", "حذر الخبراء من تصدع", ("a4",)))
    merged = merge_timelines([s1, s2])
    assert [e.date for e in merged] == ["2025-03-01", "2025-03-10", "2025-04"]
    collapse = merged[1]
    assert collapse.article_ids == ("a1", "a2", "a3")     # union, first story's order, no duplicates
    assert collapse.what == "انهار السد"                  # the first story's wording
    assert merge_timelines([]) == () and merge_timelines([s1]) == s1


def test_thread_record_carries_the_merged_timeline():
    stories = SingletonStories().assign([
        art("a1", "2025-03-11", ref("2025-03-10", what="انهار السد بعد أمطار غزيرة")),
        art("a2", "2025-03-12", ref("2025-03-10", what="انهار جزء من السد"),
            ref("2025-03-11", what="بدأت فرق الإنقاذ عملها")),
    ])
    assert [e.date for e in stories[1].timeline] == ["2025-03-10", "2025-03-11"]
    rec = thread_record("t1", stories)
    assert rec["story_ids"] == [s.id for s in stories]
    assert rec["timeline"] == [
        {"date": "2025-03-10", "what": "انهار السد بعد أمطار غزيرة", "article_ids": ["a1", "a2"], "grain": "day"},
        {"date": "2025-03-11", "what": "بدأت فرق الإنقاذ عملها", "article_ids": ["a2"], "grain": "day"},
    ]
