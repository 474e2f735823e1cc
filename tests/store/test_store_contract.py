"""What every store keeps, on SQLite and on PostgreSQL alike: atomic batches, idempotent
writes, stories newest first, lookups by prefix, and search with Arabic spelling folded.

`store` here is each backend in turn; the PostgreSQL runs need a server (RASID_TEST_POSTGRES,
which .ci/run sets) and skip with that reason without one."""
from __future__ import annotations

import sqlite3

import pytest

from rasid.errors import StoreError
from rasid.model import Article, Rejection, Story
from rasid.store.base import FileDone


@pytest.fixture
def store(any_store):
    return any_store


def _article(n: int, text: str = "", **kw) -> Article:
    text = text or f"خبر تجريبي رقم {n} عن افتتاح سوق شعبي في البلدة."
    return Article(id=f"a{n:04d}", source_id=f"src-{n}", source="in.jsonl", line=n,
                   format="jsonl", text=text, original=text, lang="ar", **kw)


def _story(sid: str, aids: tuple[str, ...], last: str | None, first: str | None = None) -> Story:
    return Story(id=sid, thread_id="t" + sid, title=f"قصة {sid}", first_seen=first or last,
                 last_seen=last, article_ids=aids, outlets=("جريدة",), independent_origins=1)


def _count(store, table: str) -> int:
    return store.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def _indexed(store) -> int:
    """Articles in the search index (FTS5 in SQLite, tsvectors in PostgreSQL)."""
    return _count(store, "articles_fts" if "sqlite" in type(store).__name__.lower() else "article_search")


def test_write_batch_round_trips_an_article(store):
    a = _article(1, headline="عنوان", url="https://example.org/1", outlet="جريدة",
                 published="2024-02-03", published_at="2024-02-03T10:00:00+00:00",
                 extra={"section": "اقتصاد"})
    assert store.write_batch([a]) == 1
    assert store.article(a.id) == a
    assert list(store.iter_articles()) == [a]
    assert store.article_ids() == [a.id]
    assert store.article("nosuch") is None


def test_articles_can_be_read_without_their_mentions(store):
    """The derivation stage reads articles many times and never their names: `mentions=False`
    leaves them out and keeps everything else, in the order asked."""
    from dataclasses import replace

    from rasid.model import Mention, Span

    text = "التقى محمد العلي وزير الزراعة في عمّان اليوم."
    spans = [(text.index(name), text.index(name) + len(name), name) for name in ("محمد العلي", "عمّان")]
    a = _article(1, headline="عنوان", text=text,
                 mentions=tuple(Mention(Span(s, e), name, kind) for (s, e, name), kind in zip(spans, ("PER", "LOC"))))
    b = _article(2)
    store.write_batch([a, b])
    assert store.articles([b.id, a.id]) == [b, a]
    assert store.article_ids() == [a.id, b.id]   # in the order stored
    assert store.articles([b.id, "nosuch", a.id], mentions=False) == [b, replace(a, mentions=())]


def test_write_batch_is_all_or_nothing_when_an_insert_fails(store):
    good = _article(1)
    bad = _article(2, url=["not", "a", "string"])  # neither database takes a list for text
    with pytest.raises((sqlite3.Error, StoreError)):
        store.write_batch([good, bad], [Rejection("x.txt", None, "empty", "empty")],
                          [_story("s1", (good.id,), "2024-01-01")], [FileDone("0" * 64, "x", 1, 1)])
    assert store.counts() == {"articles": 0, "stories": 0, "rejected": 0, "outlets": 0, "files": 0,
                            "derivations": 0, "mentions": 0, "entities": 0, "quotes": 0, "figures": 0}
    assert _indexed(store) == 0
    assert _count(store, "files") == 0
    assert not store.db.in_transaction


def test_write_batch_is_all_or_nothing_when_the_input_raises_midway(store):
    def articles():
        yield _article(1)
        yield _article(2)
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        store.write_batch(articles())
    assert store.counts()["articles"] == 0
    assert _indexed(store) == 0
    assert store.write_batch([_article(3)]) == 1, "the store is usable after a rollback"


def test_rewriting_the_same_articles_and_rejections_is_ignored(store):
    batch = [_article(1), _article(2)]
    rej = Rejection("bad.jsonl", 3, "json", "invalid JSON", 5, "ab" * 32, b"{oops")
    assert store.write_batch(batch, [rej]) == 2
    assert store.write_batch(batch, [rej]) == 0
    assert store.counts()["articles"] == 2
    assert store.counts()["rejected"] == 1
    assert _indexed(store) == 2
    assert store.existing_article_ids(["a0001", "a0002", "a0009"]) == {"a0001", "a0002"}


def test_rejections_round_trip_with_sample_bytes(store):
    rej = Rejection("dir/bad.txt", None, "binary", "not text", 4, "cd" * 32, b"\x89PN\x00")
    store.write_batch([], [rej])
    assert list(store.iter_rejections()) == [rej]


def test_files_done_are_recorded(store):
    store.write_batch([], files_done=[FileDone("e" * 64, "a.txt", 10, 1)])
    assert store.is_file_done("e" * 64)
    assert not store.is_file_done("f" * 64)


def test_stories_are_listed_newest_first_with_their_articles(store):
    arts = [_article(i) for i in range(1, 5)]
    store.write_batch(arts, stories=[
        _story("s-old", ("a0001",), "2023-05-01"),
        _story("s-new", ("a0002", "a0003"), "2024-09-10", first="2024-09-01"),
        _story("s-undated", ("a0004",), None),
        _story("s-mid", (), "2024-01-15"),
    ])
    stories = store.stories()
    assert [s.id for s in stories] == ["s-new", "s-mid", "s-old", "s-undated"]
    assert stories[0].article_ids == ("a0002", "a0003")
    assert stories[0].outlets == ("جريدة",)
    assert store.article("a0002").story_id == "s-new"
    assert store.article("a0002").thread_id == "ts-new"


def test_story_by_full_id_and_unique_prefix(store):
    store.write_batch([_article(1), _article(2)], stories=[
        _story("sabc123", ("a0001",), "2024-01-01"), _story("sabd456", ("a0002",), "2024-01-02")])
    assert store.story("sabc123").article_ids == ("a0001",)
    assert store.story("sabd").id == "sabd456"
    assert store.story("sab") is None, "an ambiguous prefix matches nothing"
    assert store.story("zzz") is None
    assert store.story("") is None
    assert store.story("%") is None and store.story("s_b") is None


def test_rewriting_a_story_updates_it(store):
    store.write_batch([_article(1)], stories=[_story("s1", ("a0001",), "2024-01-01")])
    store.write_batch([], stories=[Story("s1", "ts1", "عنوان محدث", "2024-01-01", "2024-02-02",
                                         ("a0001",))])
    [s] = store.stories()
    assert (s.title, s.last_seen) == ("عنوان محدث", "2024-02-02")


def test_search_folds_clitics_and_ta_marbuta(store):
    store.write_batch([
        _article(1, "ناقش المؤتمر قضايا اللجوء والهجرة في المنطقة."),
        _article(2, "اهتمام متزايد بالهجرة بين الشباب."),
        _article(3, "افتتاح ملعب جديد لكرة القدم."),
    ])
    assert {h.article_id for h in store.search("هجرة")} == {"a0001", "a0002"}
    assert store.search("ملعب")[0].article_id == "a0003"


def test_search_folds_hamza_on_alef(store):
    store.write_batch([_article(1, "التقى احمد بالوزير صباح اليوم."), _article(2, "لا شيء هنا.")])
    assert [h.article_id for h in store.search("أحمد")] == ["a0001"]
    store.write_batch([_article(3, "وصل أحمد إلى المطار.")])
    assert {h.article_id for h in store.search("احمد")} == {"a0001", "a0003"}


def test_search_requires_every_word_and_searches_headlines(store):
    store.write_batch([_article(1, "سقطت أمطار غزيرة على العاصمة.", headline="طقس ماطر"),
                       _article(2, "سقطت ثلوج على الجبال.")])
    assert [h.article_id for h in store.search("سقطت أمطار")] == ["a0001"]
    assert [h.article_id for h in store.search("طقس")] == ["a0001"]
    assert store.search("") == [] and store.search("...") == []


def test_search_query_with_quotes_and_fts_syntax_does_not_raise(store):
    store.write_batch([_article(1)])
    assert store.search('"سوق" OR NEAR(') == []  # every word is required, quoted, not FTS syntax
    assert store.search("سوق")[0].article_id == "a0001"


def test_counts_include_distinct_outlets(store):
    store.write_batch([_article(1, outlet="أ"), _article(2, outlet="أ"), _article(3, outlet="ب"),
                       _article(4)])
    assert store.counts() == {"articles": 4, "stories": 0, "rejected": 0, "outlets": 2, "files": 0,
                            "derivations": 0, "mentions": 0, "entities": 0, "quotes": 0, "figures": 0}


def test_resolving_again_rewrites_only_what_changed(store):
    from rasid.model import Entity, Mention, Span

    text = "بغداد والبصرة"
    store.write_batch([_article(1, text, mentions=(Mention(Span(0, 5), "بغداد", "LOC"),
                                                   Mention(Span(6, 13), "والبصرة", "LOC")))])
    a, b = Entity("e1", "LOC", "بغداد", ""), Entity("e2", "LOC", "البصرة", "")
    store.replace_entities([a, b], {("a0001", 0): "e1", ("a0001", 1): "e2"}, {("a0001", 0): "بغداد"})
    grown = Entity("e1", "LOC", "بغداد", "Baghdad", ("بغداد",), (), ("a0001",))
    store.replace_entities([grown], {("a0001", 0): "e1"}, {("a0001", 0): "بغداد"})
    assert store.entity("e1") == grown and store.entity("e2") is None
    assert [m.entity_id for m in store.article("a0001").mentions] == ["e1", None]
    assert store.counts()["entities"] == 1
