"""Mentions and entities in the SQLite store: round trips, whole-result replacement."""
from __future__ import annotations

from rasid.model import Article, Entity, Mention, Role, Span
from rasid.resolve.resolver import MentionRef


def _article(aid: str, text: str, mentions) -> Article:
    return Article(id=aid, source_id=aid, source="t.jsonl", line=1, format="jsonl", text=text,
                   published="2025-03-10", original=text, story_id="s" + aid, thread_id="t1",
                   mentions=tuple(mentions))


TEXT = "قال وزير الخارجية فؤاد حسين في بغداد"


def test_mentions_round_trip_with_roles_and_offsets(store):
    m = [Mention(Span(18, 27), "فؤاد حسين", "PER", score=0.9, role="وزير الخارجية"),
         Mention(Span(31, 36), "بغداد", "LOC")]
    store.write_batch([_article("a1", TEXT, m)])
    got = store.article("a1").mentions
    assert [(x.span, x.text, x.type, x.role, x.score) for x in got] == \
           [(y.span, y.text, y.type, y.role, y.score) for y in m]
    assert all(TEXT[x.span.start:x.span.end] == x.text for x in got)
    assert store.counts()["mentions"] == 2


def test_mention_refs_carry_story_date_and_role(store):
    store.write_batch([_article("a1", TEXT, [Mention(Span(18, 27), "فؤاد حسين", "PER", role="وزير")])])
    assert list(store.mention_refs()) == [MentionRef("a1", 0, "فؤاد حسين", "PER", "sa1", "2025-03-10", "وزير")]


def test_replace_entities_rewrites_the_whole_result(store):
    store.write_batch([_article("a1", TEXT, [Mention(Span(18, 27), "فؤاد حسين", "PER"),
                                             Mention(Span(31, 36), "بغداد", "LOC")])])
    e1 = Entity("e1", "PER", "فؤاد حسين", "Fuad Hussein", ("فؤاد حسين",),
                (Role("وزير الخارجية", "2025-03-10", "a1"),), ("a1",), ("sa1",))
    e2 = Entity("e2", "LOC", "بغداد", "Baghdad", ("بغداد",), (), ("a1",), ("sa1",))
    store.replace_entities([e1, e2], {("a1", 0): "e1", ("a1", 1): "e2"}, {("a1", 0): "فواد حسين"})
    assert store.entity("e1") == e1
    assert [m.entity_id for m in store.article("a1").mentions] == ["e1", "e2"]
    assert store.article("a1").mentions[0].key == "فواد حسين"
    # A second resolution replaces the first entirely: no stale entity or link survives.
    store.replace_entities([e2], {("a1", 1): "e2"}, {})
    assert store.entity("e1") is None
    assert [m.entity_id for m in store.article("a1").mentions] == [None, "e2"]
    assert store.counts()["entities"] == 1


def test_entities_are_listed_most_mentioned_first_and_filtered_by_type(store):
    store.write_batch([_article("a1", TEXT, [Mention(Span(18, 27), "فؤاد حسين", "PER"),
                                             Mention(Span(31, 36), "بغداد", "LOC")]),
                       _article("a2", "بغداد", [Mention(Span(0, 5), "بغداد", "LOC")])])
    per = Entity("e1", "PER", "فؤاد حسين", "", ("فؤاد حسين",), (), ("a1",))
    loc = Entity("e2", "LOC", "بغداد", "Baghdad", ("بغداد",), (), ("a1", "a2"))
    store.replace_entities([per, loc], {("a1", 0): "e1", ("a1", 1): "e2", ("a2", 0): "e2"}, {})
    assert [e.id for e in store.entities()] == ["e2", "e1"]
    assert [e.id for e in store.entities("PER")] == ["e1"]
    assert [aid for aid, _ in store.entity_mentions("e2")] == ["a1", "a2"]


def test_entity_lookup_by_unique_prefix_only(store):
    store.write_batch([_article("a1", TEXT, [])])
    store.replace_entities([Entity("eabc1", "LOC", "x", ""), Entity("eabc2", "LOC", "y", "")], {}, {})
    assert store.entity("eabc1").name_ar == "x"
    assert store.entity("eabc") is None          # two match: ambiguous
    assert store.entity("enone") is None


def test_replace_entities_updates_changed_records_links_and_keys(store):
    store.write_batch([_article("a1", TEXT, [Mention(Span(18, 27), "فؤاد حسين", "PER"),
                                             Mention(Span(31, 36), "بغداد", "LOC")]),
                       _article("a2", "بغداد", [Mention(Span(0, 5), "بغداد", "LOC")])])
    per = Entity("e1", "PER", "فؤاد حسين", "", ("فؤاد حسين",), (), ("a1",), ("sa1",))
    loc = Entity("e2", "LOC", "بغداد", "", ("بغداد",), (), ("a1",), ("sa1",))
    store.replace_entities([per, loc], {("a1", 0): "e1", ("a1", 1): "e2"}, {("a1", 0): "k1"})
    # a second resolution: e2's record changes (same id), a2's mention joins it, a1's first
    # mention keeps its entity under a new key, and e3 is new (and named nowhere)
    loc2 = Entity("e2", "LOC", "بغداد", "Baghdad", ("بغداد",), (), ("a1", "a2"), ("sa1", "sa2"))
    e3 = Entity("e3", "ORG", "x", "", ("x",), (), ())
    store.replace_entities([per, loc2, e3], {("a1", 0): "e1", ("a1", 1): "e2", ("a2", 0): "e2"},
                           {("a1", 0): "k2", ("a2", 0): "بغداد"})
    assert store.entity("e2") == loc2 and store.entity("e1") == per and store.entity("e3") == e3
    assert [e.id for e in store.entities()] == ["e2", "e1", "e3"]        # mention counts rewritten
    assert [(m.entity_id, m.key) for m in store.article("a1").mentions] == [("e1", "k2"), ("e2", "")]
    assert [(m.entity_id, m.key) for m in store.article("a2").mentions] == [("e2", "بغداد")]


def test_replace_entities_writes_only_what_differs(tmp_path):
    from rasid.store.sqlite import SQLiteStore

    store = SQLiteStore(tmp_path / "r.db")
    store.write_batch([_article(f"a{i}", "بغداد", [Mention(Span(0, 5), "بغداد", "LOC")]) for i in range(50)])
    loc = Entity("e2", "LOC", "بغداد", "", ("بغداد",), (), tuple(f"a{i}" for i in range(50)))
    links = {(f"a{i}", 0): "e2" for i in range(50)}
    store.replace_entities([loc], links, {})
    before = store.db.total_changes
    store.replace_entities([loc], links, {})               # the same result again
    assert store.db.total_changes == before
    store.replace_entities([loc], {**links, ("a7", 0): "e9"}, {})   # one link moves
    assert store.db.total_changes - before == 3   # that link, and e2 (new count) deleted and written
    store.close()
