"""Incremental entity resolution: an ingest re-reads only the stories it changed and the
entities their names may join, and ends where a whole re-resolution of the archive ends.

Run on SQLite and PostgreSQL (`any_store`): the kept forms, the renaming of kept mentions
and the rollback are store queries."""
from __future__ import annotations

import pytest

from rasid.model import Article, Mention, Span
from rasid.resolve.resolver import EntityResolver
from rasid.resolve.stage import EntityStage


def _article(aid: str, story: str, date: str, *names: tuple) -> Article:
    """An article naming `names`: (text, type[, role[, same_as]]) each."""
    parts, mentions, at = [], [], 0
    for name in names:
        text, kind, role, same_as = (*name, None, None)[:4]
        mentions.append(Mention(Span(at, at + len(text)), text, kind, role=role, same_as=same_as))
        parts.append(text)
        at += len(text) + 3
    text = " و ".join(parts)
    return Article(id=aid, source_id=aid, source="t.jsonl", line=1, format="jsonl", text=text,
                   original=text, published=date, story_id=story, thread_id="t1",
                   mentions=tuple(mentions))


CHIEF = "رئيس جهاز المخابرات العراقي"
ARCHIVE = [
    _article("a01", "s1", "2025-01-05", ("حميد الشطري", "PER", CHIEF), ("سوريا", "LOC"), ("بغداد", "LOC")),
    _article("a02", "s1", "2025-01-05", ("الشطري", "PER"), ("سورية", "LOC")),
    _article("a03", "s2", "2025-01-20", ("فؤاد حسين", "PER"), ("صدام حسين", "PER"), ("البصرة", "LOC")),
    _article("a04", "s3", "2025-01-21", ("سالم الراشدي", "PER"), ("بغداد", "LOC")),
    _article("a05", "s4", "2025-01-22", ("أبو يوسف التكريتي", "PER"), ("الموصل", "LOC")),
    _article("a06", "s5", "2025-01-23", ("الكناني", "PER"), ("كربلاء", "LOC")),
    _article("a07", "s6", "2025-01-24", ("مروان الكناني", "PER"), ("مروان الدليمي", "PER")),
    _article("a08", "s7", "2025-01-25", ("النجف", "LOC")),
    _article("a09", "s8", "2025-01-26", ("أربيل", "LOC")),
    _article("a10", "s9", "2025-01-27", ("السليمانية", "LOC")),
    _article("a11", "s10", "2025-01-28", ("دهوك", "LOC")),
]
NEW = [
    # a variant spelling of a known man and place, and his lone surname in the same story
    _article("b01", "s20", "2025-02-01", ("حميد الشاطري", "PER"), ("سورية", "LOC")),
    _article("b02", "s20", "2025-02-01", ("الشاطري", "PER")),
    # the text says two names the archive holds apart are one man
    _article("b03", "s21", "2025-02-02", ("سالم الراشدي", "PER"), ("أبو يوسف التكريتي", "PER", None, 0)),
    # a title standing for its holder, named weeks earlier in another article
    _article("b04", "s22", "2025-02-03", (CHIEF, "PER", CHIEF), ("بغداد", "LOC")),
    # a lone name no full name in its story explains: the same spelling's entity elsewhere
    _article("b05", "s23", "2025-02-04", ("الكناني", "PER")),
]


def _links(store) -> dict[tuple[str, int], str | None]:
    ids = [a.id for a in ARCHIVE + NEW] + [f"c{i}" for i in range(4)] + ["d01"]
    return {(a.id, i): m.entity_id for a in store.articles(ids) for i, m in enumerate(a.mentions)}


def _groups(links) -> set[frozenset]:
    by: dict[str, set] = {}
    for k, e in links.items():
        if e is not None:
            by.setdefault(e, set()).add(k)
    return {frozenset(g) for g in by.values()}


@pytest.fixture
def stage():
    return EntityStage(EntityResolver(), embeddings=False)


@pytest.fixture
def archive(any_store, stage):
    any_store.write_batch(ARCHIVE)
    first = stage.update(any_store)
    assert first.whole and first.entities > 0
    return any_store


def test_an_ingest_resolves_only_what_it_changed_and_ends_where_a_whole_run_ends(archive, stage):
    before = {e.id: e for e in archive.entities()}
    archive.write_batch(NEW)
    report = stage.update(archive)
    assert not report.whole and report.articles == len(NEW)
    # only the entities the new names joined were built again, not the archive's
    assert 0 < report.entities < len(before)
    links, entities = _links(archive), {e.id: e for e in archive.entities()}
    assert archive.articles_behind(stage.name, stage.version) == []

    whole = stage.update(archive, whole=True)
    assert whole.whole
    assert _links(archive) == links
    assert {e.id: e for e in archive.entities()} == entities

    shatri = entities[links["a01", 0]]
    assert {"حميد الشاطري", "الشاطري", "الشطري"} <= set(shatri.variants)
    assert links["b04", 0] == shatri.id                       # the title found its holder
    assert {"a01", "b01", "b02", "b04"} <= set(shatri.article_ids)
    assert links["b03", 0] == links["b03", 1] == links["a04", 0] == links["a05", 0]
    assert links["b05", 0] == links["a06", 0] != links["a07", 0]
    assert links["a03", 0] != links["a03", 1]                 # فؤاد حسين is not صدام حسين
    # an entity no new name touched keeps its very record
    assert entities[links["a08", 0]] == before[links["a08", 0]]


def test_an_ingest_that_fails_midway_changes_no_entity(archive, stage, monkeypatch):
    links = _links(archive)
    archive.write_batch(NEW[:2])

    def broken(*args, **kwargs):
        raise RuntimeError("killed")
    monkeypatch.setattr(stage.resolver, "update", broken)
    with pytest.raises(RuntimeError):
        stage.update(archive)
    after = _links(archive)
    assert {k: e for k, e in after.items() if k[0].startswith("a")} == links
    assert sorted(archive.articles_behind(stage.name, stage.version)) == ["b01", "b02"]
    monkeypatch.undo()
    assert not stage.update(archive).whole                    # the next run finishes the job
    after = _links(archive)
    assert after["b01", 0] == after["a01", 0] == after["a02", 0]


def test_a_new_name_that_changes_an_entity_s_canonical_name_moves_its_kept_mentions(archive, stage):
    """Four new uses of a spelling outnumber the archive's: the entity's id follows its most
    used form, and every earlier mention follows it to the new id."""
    old = _links(archive)["a01", 0]
    archive.write_batch([_article(f"c{i}", f"s3{i}", "2025-03-01", ("حميد الشاطري", "PER")) for i in range(4)])
    stage.update(archive)
    links = _links(archive)
    assert links["a01", 0] == links["a02", 0] == links["c0", 0] == links["c3", 0]
    assert links["a01", 0] != old and archive.entity(old) is None
    inc = _groups(links), {e.id: e for e in archive.entities()}
    stage.update(archive, whole=True)
    assert (_groups(_links(archive)), {e.id: e for e in archive.entities()}) == inc


def test_an_article_moved_to_another_story_is_read_again(archive, stage):
    """A lone surname is read within its story: when the story stage moves its article into
    a story with a full name it can stand for, the next run joins them."""
    from rasid.model import Story

    shatri = _links(archive)["a01", 0]
    archive.write_batch([_article("d01", "s40", "2025-04-01", ("الشطري", "PER"))])
    stage.update(archive)
    assert _links(archive)["d01", 0] != shatri            # no full name in its own story
    archive.replace_stories(["s40"], [Story(id="s1", thread_id="t1", title="", first_seen="2025-01-05",
                                            last_seen="2025-04-01", article_ids=("a01", "a02", "d01"))])
    assert archive.articles_behind(stage.name, stage.version) == ["d01"]
    report = stage.update(archive)
    assert not report.whole and report.articles == 1
    assert _links(archive)["d01", 0] == _links(archive)["a01", 0]


def test_new_resolution_rules_resolve_the_whole_archive_once(archive, stage, monkeypatch):
    """An edited alias file (or a new resolver version) changes the stage's version: every
    article is behind, and the next run is whole, not incremental over stale entities."""
    from rasid.resolve import aliases

    before = aliases.digest()
    monkeypatch.setattr(aliases, "_text", lambda: "ORG\tقسد\tSDF\n")
    assert aliases.digest() != before
    monkeypatch.setattr(type(stage), "version", f"1+{aliases.digest()}")
    assert len(archive.articles_behind(stage.name, stage.version)) == len(ARCHIVE)
    assert stage.update(archive).whole
    assert not stage.update(archive).whole


def test_a_lone_name_resolved_to_a_man_stays_his_when_his_name_is_used_again(any_store, stage):
    """سعود beside خالد السعود is that man; سعود alone in other stories is one entity of its
    own. A new use of his full name must not let the first join the second."""
    def links():
        return {(a.id, i): m.entity_id for a in any_store.articles(["a1", "a2", "a3", "b1", "b2"])
                for i, m in enumerate(a.mentions)}
    any_store.write_batch([
        _article("a1", "s1", "2025-01-01", ("خالد السعود", "PER"), ("سعود", "PER")),
        _article("a2", "s2", "2025-01-02", ("سعود", "PER"), ("الرياض", "LOC")),
        _article("a3", "s3", "2025-01-03", ("جدة", "LOC"))])
    stage.update(any_store)
    # (his surname first: the lone name's node is read before his full name's)
    any_store.write_batch([_article("b1", "s4", "2025-01-04", ("سعود", "PER"), ("خالد السعود", "PER")),
                           _article("b2", "s5", "2025-01-05", ("سعود", "PER"))])
    assert not stage.update(any_store).whole
    got = links()
    assert got["a1", 0] == got["a1", 1] == got["b1", 0] == got["b1", 1]
    assert got["a2", 0] == got["b2", 0] != got["a1", 0]
    stage.update(any_store, whole=True)
    assert _groups(links()) == _groups(got)


def test_the_rest_of_a_story_an_article_left_is_read_again(archive, stage):
    """الشطري in a02 stood for حميد الشطري because a01 shares its story; when a01 moves to
    another story, a02's lone name has no full name to stand for any more."""
    from rasid.model import Story

    archive.replace_stories(["s1"], [
        Story(id="s1", thread_id="t1", title="", first_seen="2025-01-05", last_seen="2025-01-05",
              article_ids=("a02",)),
        Story(id="s50", thread_id="t1", title="", first_seen="2025-01-05", last_seen="2025-01-05",
              article_ids=("a01",))])
    assert archive.articles_behind(stage.name, stage.version) == ["a01", "a02"]
    assert not stage.update(archive).whole
    links = _links(archive)
    assert links["a02", 0] != links["a01", 0]
    stage.update(archive, whole=True)
    assert _groups(_links(archive)) == _groups(links)


def _fresh(store, stage, archive, new):
    store.write_batch(archive)
    stage.update(store)
    store.write_batch(new)
    assert not stage.update(store).whole
    ids = [a.id for a in archive + new]
    return lambda: {(a.id, i): m.entity_id for a in store.articles(ids) for i, m in enumerate(a.mentions)}


def test_a_lone_name_its_entity_cannot_explain_still_meets_its_spelling(any_store, stage):
    """محمد in a1 is one entity with ناصر العلي only because the text says so, not because
    it is his surname: new uses of محمد elsewhere still join it, as in a whole run."""
    links = _fresh(any_store, stage, [
        _article("a1", "s1", "2025-01-01", ("محمد", "PER"), ("ناصر العلي", "PER", None, 0)),
        _article("a2", "s2", "2025-01-02", ("محمد", "PER"), ("جدة", "LOC")),
        _article("a3", "s3", "2025-01-03", ("الدمام", "LOC"))],
        [_article("b1", "s4", "2025-01-04", ("محمد", "PER"))])
    got = links()
    assert got["b1", 0] == got["a1", 0] == got["a2", 0]
    stage.update(any_store, whole=True)
    assert _groups(links()) == _groups(got)


def test_a_kept_title_follows_its_holder_when_his_names_are_read_again(any_store, stage):
    """«وزير النقل» alone in a2 names the man a1 gives that title; when a1 moves to another
    story (and is read again) the title stays his."""
    from rasid.model import Story

    links = _fresh(any_store, stage, [
        _article("a1", "s1", "2025-01-01", ("أحمد الفلاني", "PER", "وزير النقل")),
        _article("a2", "s2", "2025-01-02", ("وزير النقل", "PER", "وزير النقل"), ("جدة", "LOC")),
        _article("a3", "s3", "2025-01-03", ("الدمام", "LOC")),
        _article("a4", "s4", "2025-01-04", ("مكة", "LOC"))], [])
    assert links()["a2", 0] == links()["a1", 0]
    any_store.replace_stories(["s1"], [Story(id="s9", thread_id="t1", title="", first_seen="2025-01-01",
                                             last_seen="2025-01-01", article_ids=("a1",))])
    assert not stage.update(any_store).whole
    got = links()
    assert got["a2", 0] == got["a1", 0] is not None
    stage.update(any_store, whole=True)
    assert links() == got


def test_an_entity_s_record_does_not_grow_with_the_articles_that_name_it(any_store, stage):
    """A place every article names is in every article: its record keeps only its names and
    roles, and the store reads where it appears from its mentions, so an ingest that names
    it again does not rewrite a list of the whole archive."""
    def record(name):
        (eid,) = {m.entity_id for a in any_store.articles([f"p{i}" for i in range(40)])
                  for m in a.mentions if m.text == name}
        row = any_store.db.execute("SELECT data FROM entities WHERE id = ?", (eid,)).fetchone()
        return eid, row[0]

    any_store.write_batch([_article(f"p{i}", f"s{i}", "2025-01-01", ("بغداد", "LOC")) for i in range(3)])
    stage.update(any_store)
    eid, small = record("بغداد")
    for i in range(3, 40):                                    # ingests of one article each
        any_store.write_batch([_article(f"p{i}", f"s{i}", "2025-01-02", ("بغداد", "LOC"))])
        assert not stage.update(any_store).whole or i < 6
    assert record("بغداد") == (eid, small)
    baghdad = any_store.entity(eid)
    assert baghdad.article_ids == tuple(f"p{i}" for i in sorted(range(40), key=str))
    assert baghdad.story_ids == tuple(sorted(f"s{i}" for i in range(40)))
    (listed,) = [e for e in any_store.entities("LOC") if e.id == eid]
    assert listed == baghdad
    assert any_store.entities(limit=1) == [baghdad]          # the most mentioned
    (bare,) = [e for e in any_store.entities("LOC", members=False) if e.id == eid]
    assert bare.article_ids == bare.story_ids == () and bare.variants == baghdad.variants
