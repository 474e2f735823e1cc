"""Content-derived ids: stable across runs, distinct for distinct publications."""
from __future__ import annotations

import dataclasses

from rasid.ids import article_id, digest, rejection_id, story_id_for, thread_id_for
from rasid.model import RawDocument

RAW = RawDocument(source="in/a.jsonl", line=4, format="jsonl",
                  text="أعلنت الوزارة بدء موسم الحصاد في السهول الشمالية.",
                  source_id="k-4", title="موسم الحصاد", url="https://example.org/h",
                  outlet="صحيفة السهل", caller_id="k-4")


def test_same_raw_gives_the_same_id():
    same = RawDocument(**{f.name: getattr(RAW, f.name) for f in dataclasses.fields(RAW)})
    assert article_id(RAW) == article_id(same)
    assert article_id(RAW) == article_id(RAW)


def test_id_shape():
    aid = article_id(RAW)
    assert aid.startswith("a") and len(aid) == 17
    int(aid[1:], 16)


def test_different_outlet_gives_a_different_id():
    assert article_id(RAW) != article_id(dataclasses.replace(RAW, outlet="وكالة أخرى"))


def test_id_depends_on_what_identifies_the_publication():
    for change in ({"text": RAW.text + " إضافة"}, {"title": "عنوان آخر"},
                   {"url": "https://example.org/other"}, {"caller_id": "k-5"}):
        assert article_id(dataclasses.replace(RAW, **change)) != article_id(RAW), change


def test_id_ignores_where_and_how_the_item_was_read():
    moved = dataclasses.replace(RAW, source="elsewhere/b.jsonl", line=99, encoding="cp1256",
                                extra={"x": 1}, published="2024-01-01")
    assert article_id(moved) == article_id(RAW)


def test_parts_are_separated_so_shifted_boundaries_differ():
    assert digest("ab", "c") != digest("a", "bc")
    assert digest(None, "x") == digest("", "x")


def test_story_thread_and_rejection_ids_are_stable_and_prefixed():
    sid = story_id_for(article_id(RAW))
    assert sid == story_id_for(article_id(RAW)) and sid.startswith("s")
    assert thread_id_for(sid).startswith("t") and thread_id_for(sid) != thread_id_for("s0")
    r1 = rejection_id("a.jsonl", 3, "ab" * 32, "json")
    assert r1.startswith("r") and r1 == rejection_id("a.jsonl", 3, "ab" * 32, "json")
    assert r1 != rejection_id("a.jsonl", 4, "ab" * 32, "json")
    assert rejection_id("a.txt", None, "", "empty") != rejection_id("a.txt", 0, "", "empty")
