"""The date stage inside ingest: publication inference (own text, related articles), export,
idempotent re-runs and upgrading articles an older date stage produced."""
from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from rasid.extract.dates.extractor import VERSION
from rasid.pipeline import ingest
from rasid.serve.export import export

# Invented reports. A: a weekday cue and an absolute date. B: only the cue, but the same rare
# names (زمردان, البوزيدي, قلعة الورد). C: unrelated, no weekday cue.
A = ("لجنة التحقيق تعلن نتائجها\n"
     "أعلنت لجنة التحقيق في حادث قطار زمردان اليوم الخميس نتائج عملها، بعد أن اصطدم القطار "
     "بشاحنة نقل في 10 مارس 2025 قرب محطة قلعة الورد.\n"
     "وقال رئيس اللجنة المهندس فرحات البوزيدي إن السائق تجاهل الإشارة أمس الأربعاء قبل الاصطدام "
     "بدقائق، وإن اللجنة ستنشر تقريرها الكامل الأسبوع المقبل.\n")
B = ("أهالي قلعة الورد يطالبون بالتعويض\n"
     "طالب أهالي قلعة الورد اليوم الخميس بتعويض المتضررين من حادث قطار زمردان، وقال المهندس "
     "فرحات البوزيدي إن الملف أصبح بيد الوزارة.\n"
     "وتجمع العشرات أمام مقر البلدية منذ الصباح مرددين شعارات تطالب بالمحاسبة.\n")
C = ("مهرجان التمور يختتم فعالياته\n"
     "اختتم مهرجان التمور السنوي أمس فعالياته في الواحة الجنوبية بمشاركة مئات المزارعين.\n"
     "وقال المنظمون إن الدورة المقبلة ستشهد مسابقة لأجود الأصناف.\n")


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "news"
    root.mkdir()
    for name, text in (("a.txt", A), ("b.txt", B), ("c.txt", C)):
        (root / name).write_text(text, encoding="utf-8")
    return root


def by_file(store) -> dict:
    return {Path(a.source).name: a for a in store.iter_articles()}


def snapshot(store) -> tuple:
    q = store.db.execute
    return (q("SELECT id, published, published_inferred, stage_versions, story_id FROM articles"
              " ORDER BY id").fetchall(),
            q('SELECT article_id, start, "end", text, value, end_value, grain, calendar, relative,'
              ' flags, what FROM dates ORDER BY article_id, start').fetchall(),
            q("SELECT id, first_seen, last_seen, data FROM stories ORDER BY id").fetchall())


def test_publication_inferred_from_the_articles_own_text(folder, store, settings):
    report = ingest([str(folder)], store, settings)
    a = by_file(store)["a.txt"]
    assert (a.published, a.published_inferred) == ("2025-03-13", True)  # Thursday after 10 March
    got = {d.text: (d.value, d.grain, d.relative, d.flags) for d in a.dates}
    assert got == {"اليوم الخميس": ("2025-03-13", "day", True, ()),
                   "10 مارس 2025": ("2025-03-10", "day", False, ()),
                   "أمس الأربعاء": ("2025-03-12", "day", True, ()),
                   "الأسبوع المقبل": ("2025-03-17", "week", True, ())}
    assert report.inferred == 2


def test_publication_inferred_from_a_related_article(folder, store, settings):
    ingest([str(folder)], store, settings)
    articles = by_file(store)
    b = articles["b.txt"]
    assert store.related_article_ids(b)[0] == articles["a.txt"].id
    assert (b.published, b.published_inferred) == ("2025-03-13", True)  # the Thursday nearest 10 March
    assert [(d.text, d.value) for d in b.dates] == [("اليوم الخميس", "2025-03-13")]
    assert b.stages["dates"] == VERSION


def test_no_weekday_cue_stays_undated(folder, store, settings):
    ingest([str(folder)], store, settings)
    c = by_file(store)["c.txt"]
    assert (c.published, c.published_inferred) == (None, False)
    assert [(d.text, d.value, d.flags) for d in c.dates] == [("أمس", None, ("no_anchor",))]


def test_exported_json_has_dates_into_the_text_and_timelines(folder, store, settings):
    ingest([str(folder)], store, settings)
    buf = io.StringIO()
    export(store, "json", buf)
    data = json.loads(buf.getvalue())
    recs = {Path(r["source"]).name: r for r in data["articles"]}
    for rec in recs.values():
        for d in rec["dates"]:
            assert rec["text"][d["start"]:d["end"]] == d["text"]
            assert {"value", "grain", "end_value", "calendar", "relative", "flags", "what"} <= set(d)
    assert recs["a.txt"]["published_inferred"] is True
    story_of = {aid: s for s in data["stories"] for aid in s["article_ids"]}
    a_id, b_id, c_id = (recs[f]["id"] for f in ("a.txt", "b.txt", "c.txt"))
    a_story = story_of[a_id]
    assert c_id not in a_story["article_ids"]  # the date festival is another story
    timeline = a_story["timeline"]
    dates = [e["date"] for e in timeline]
    assert dates == sorted(dates) and {"2025-03-10", "2025-03-12", "2025-03-13"} <= set(dates)
    by_date = {e["date"]: e for e in timeline}
    assert all(e["what"] for e in timeline)
    assert by_date["2025-03-10"]["article_ids"] == [a_id]
    assert "اصطدم القطار" in by_date["2025-03-10"]["what"]
    # B (dated only through A) reports the same Thursday: it is cited wherever its story is
    assert "2025-03-13" in [e["date"] for e in story_of[b_id]["timeline"]]
    if story_of[b_id] is a_story:
        assert sorted(by_date["2025-03-13"]["article_ids"]) == sorted([a_id, b_id])
    threads = {sid: t for t in data["threads"] for sid in t["story_ids"]}
    assert threads[a_story["id"]]["timeline"] == timeline or len(threads[a_story["id"]]["story_ids"]) > 1


def test_reingesting_changes_nothing(folder, store, settings):
    ingest([str(folder)], store, settings)
    before = snapshot(store)
    report = ingest([str(folder)], store, settings)
    assert report.added == 0 and report.inferred == 0
    assert snapshot(store) == before


def test_articles_from_an_older_date_stage_are_brought_up_to_date(folder, store, settings):
    ingest([str(folder)], store, settings)
    before = snapshot(store)
    store.db.execute("UPDATE articles SET stage_versions = '{}'")
    store.db.execute("""UPDATE articles SET stage_versions = '{"dates": "dates/0"}'"""
                     " WHERE id = (SELECT min(id) FROM articles)")
    store.db.execute("DELETE FROM dates")
    ids = sorted(r[0] for r in store.db.execute("SELECT id FROM articles"))
    assert sorted(store.articles_behind("dates", VERSION)) == ids
    ingest([str(folder)], store, settings)
    assert store.articles_behind("dates", VERSION) == []
    after = snapshot(store)
    assert after[1] == before[1]  # the same dates again
    assert [r["published"] for r in after[0]] == [r["published"] for r in before[0]]
    assert all(json.loads(r["stage_versions"])["dates"] == VERSION for r in after[0])


def test_seeds_date_the_26_december_meeting(seeds_dir, store, settings):
    ingest([str(seeds_dir)], store, settings)
    seeds = {Path(a.source).name[:3]: a for a in store.iter_articles()}
    for key in ("000", "002", "003"):
        assert "2024-12-26" in [d.value for d in seeds[key].dates], key
    assert (seeds["000"].published, seeds["000"].published_inferred) == ("2024-12-31", True)
    assert (seeds["002"].published, seeds["002"].published_inferred) == ("2024-12-26", True)
