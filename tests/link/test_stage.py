"""The derivation stage end to end: ingest -> candidates -> checks -> stored links -> stories.

The corpus (tests/link/data/corpus.jsonl) is ingested once for the module, embeddings on.
"""
from __future__ import annotations

import io
import json

import pytest

from rasid.config import Settings
from rasid.link.neighbours import HEADLINE_MODEL
from rasid.link.stage import VERSION, DerivationStage
from rasid.pipeline import ingest
from rasid.serve.export import export
from rasid.store.sqlite import SQLiteStore

BOILER = ("boiler-0", "boiler-1", "boiler-2")


def test_the_copy_is_linked_to_its_original_with_direction(ingested):
    (d,) = [d for d in ingested.store.derivations() if d.kind == "copy"]
    assert ingested.names[d.source_id] == "port-orig"
    assert ingested.names[d.derived_id] == "port-copy"
    assert d.directed and "published" in d.basis
    assert d.score >= 0.95
    assert ingested.report.derivations == {"copy": 1}


def test_nothing_else_is_linked(ingested):
    assert ingested.links() == {("port-orig", "port-copy", "copy")}


def test_boilerplate_only_pages_are_candidates_but_not_linked(ingested):
    store, ids = ingested.store, ingested.ids
    stage = DerivationStage()
    boiler = [store.article(ids[k]) for k in BOILER]
    assert len({a.text for a in boiler}) == 1 and boiler[0].text     # identical, not empty
    pairs = stage.candidates(store, boiler)
    wanted = {tuple(sorted((ids[x], ids[y]))) for x, y in [(BOILER[0], BOILER[1]), (BOILER[1], BOILER[2])]}
    assert wanted <= pairs               # identical text: they share every LSH bucket
    for a in boiler[1:]:
        c = stage.check(boiler[0], a)
        assert c.verdict.kind is None and "too short" in c.verdict.reason
    assert not store.derivations([ids[k] for k in BOILER])


def test_candidates_come_from_lsh_and_neighbours_never_from_all_pairs(ingested):
    store, ids = ingested.store, ingested.ids
    stage = DerivationStage()
    copy = store.article(ids["port-copy"])
    pairs = stage.candidates(store, [copy])
    assert (min(ids["port-orig"], copy.id), max(ids["port-orig"], copy.id)) in pairs
    assert all(copy.id in p and p[0] < p[1] for p in pairs)
    # the text-only stage still finds the copy, through shared shingles (LSH buckets, samples)
    text_pairs = DerivationStage(embeddings=False).candidates(store, [copy])
    assert text_pairs == {tuple(sorted((ids["port-orig"], copy.id)))}


def test_every_article_is_marked_with_the_stage_version(ingested):
    store = ingested.store
    assert store.articles_behind("derive", DerivationStage().version) == []
    assert store.counts()["articles"] == len(ingested.ids) == 7


def test_reingesting_the_same_files_adds_no_derivations(ingested):
    before = ingested.store.derivations()
    report = ingest([str(ingested.folder)], ingested.store, Settings(progress="never"))
    assert report.added == 0 and report.derivations == {}
    assert ingested.store.derivations() == before


def test_running_the_stage_again_replaces_links_without_duplicates(ingested):
    store = ingested.store
    before = store.derivations()
    report = DerivationStage().update(store, sorted(ingested.ids.values()))
    assert report.articles == 7 and report.links == {"copy": 1}
    assert report.compared >= 4 and report.candidates >= report.compared
    assert store.derivations() == before and store.counts()["derivations"] == 1


@pytest.mark.parametrize("chunk", [2, 100])
def test_the_stage_reads_each_article_once_per_chunk_and_finds_the_same_links(ingested, monkeypatch, chunk):
    """Articles read for one chunk are reused for the next (their partners are mostly the
    same stretch of time) and, in a single chunk, by the checks after the fingerprints: in
    small chunks or one, the same links, and one chunk reads every article once."""
    import rasid.link.stage as stage

    store = ingested.store
    before = store.derivations()
    read: list[str] = []
    original = store.articles

    def counted(ids, mentions=True):
        ids = list(ids)
        read.extend(ids)
        return original(ids, mentions)

    monkeypatch.setattr(stage, "CHUNK", chunk)
    monkeypatch.setattr(store, "articles", counted)
    DerivationStage().update(store, sorted(ingested.ids.values()))
    assert store.derivations() == before
    if chunk >= len(ingested.ids):
        assert sorted(read) == sorted(set(read)) == sorted(ingested.ids.values())


def test_copy_and_original_are_one_story_with_one_independent_origin(ingested):
    store, ids = ingested.store, ingested.ids
    orig, copy = store.article(ids["port-orig"]), store.article(ids["port-copy"])
    assert orig.story_id == copy.story_id
    story = store.story(orig.story_id)
    assert set(story.article_ids) == {orig.id, copy.id}
    assert len(story.outlets) == 2                 # two outlets, but the second copied the first
    assert story.independent_origins == 1
    for key in ("wheat", "football"):
        assert store.article(ids[key]).story_id != orig.story_id


def test_export_names_the_source_in_derived_from(ingested):
    buf = io.StringIO()
    export(ingested.store, "json", buf)
    doc = json.loads(buf.getvalue())
    by_source = {a["source_id"]: a for a in doc["articles"]}
    ids = ingested.ids
    (entry,) = by_source["port-copy"]["derived_from"]
    assert entry["article_id"] == ids["port-orig"] and entry["kind"] == "copy"
    assert entry["direction"] == "known" and "published" in entry["basis"]
    assert entry["score"] >= 0.95
    for key in ("port-orig", "wheat", "football", *BOILER):
        assert by_source[key]["derived_from"] == []
    story = next(s for s in doc["stories"] if ids["port-copy"] in s["article_ids"])
    assert story["independent_origins"] == 1


def test_copies_are_found_with_embeddings_off(tmp_path, corpus_ingester):
    got = corpus_ingester(tmp_path, Settings(progress="never", embeddings=False))
    try:
        assert got.links() == {("port-orig", "port-copy", "copy")}
        assert got.store.vector_keys("use-m3-headline") == {}
        assert got.store.sidecar("ann") is not None and not got.store.sidecar("ann").exists()
    finally:
        got.store.close()


def _ingest_one(folder, row: dict, store: SQLiteStore, embeddings: bool):
    folder.mkdir()
    (folder / "one.jsonl").write_text(json.dumps(row, ensure_ascii=False) + "\n", encoding="utf-8")
    return ingest([str(folder)], store, Settings(progress="never", embeddings=embeddings))


def _rewrite_row(rewrite_text) -> dict:
    return {"id": "rewrite", "outlet": "موقع الشمال", "published": "2024-03-12",
            "title": "توسعة مرفأ الرمال لاستقبال البواخر الكبيرة", "text": rewrite_text}


@pytest.mark.xfail(strict=True, reason=(
    "a paraphrase rewrite (synonyms swapped, an unrelated paragraph first) scores under the "
    "rewrite threshold chosen on the labelled dev pairs (0.74), which SaudiNewsNet's hard "
    "negatives (independent reports sharing an official statement) push up: rewrites that "
    "keep few of their source's words are missed (eval/derivation: constructed rewrites R 0)"))
def test_a_rewrite_ingested_later_is_linked_to_its_source(tmp_path, rows, rewrite_text):
    with SQLiteStore(tmp_path / "r.db") as store:
        _ingest_one(tmp_path / "first", rows["port-orig"], store, embeddings=True)
        report = _ingest_one(tmp_path / "second", _rewrite_row(rewrite_text), store, embeddings=True)
        assert report.derivations == {"rewrite": 1}
        names = {a.id: a.source_id for a in store.iter_articles()}
        (d,) = store.derivations()
        assert (names[d.source_id], names[d.derived_id], d.kind) == ("port-orig", "rewrite", "rewrite")
        assert d.directed and "published" in d.basis and len(d.aligned) >= 3
        orig, rewrite = store.article(d.source_id), store.article(d.derived_id)
        for x, y, sim in d.aligned:              # derived span first, then the source's
            assert x.end <= len(rewrite.text) and y.end <= len(orig.text) and sim > 0.5


# An English report of the port story (same facts, no words in common with the Arabic one):
# only the headline-embedding neighbours can make the pair a candidate.
ENGLISH = {
    "id": "port-en", "outlet": "Harbour Times", "published": "2024-03-11", "lang": "en",
    "title": "Al-Rimal port expansion to receive giant ships",
    "text": "The port authority in the city of Al-Rimal announced on Sunday morning the start of "
            "work to expand the port's northern quay at a cost of 240 million dollars, a step aimed "
            "at receiving giant container ships that the current quays cannot serve.\n\n"
            "Authority head Salem al-Kurdi told a press conference that the project will raise the "
            "port's capacity from one and a half million containers to three million containers a "
            "year by 2027, adding that the contractor must employ local workers at every stage.\n\n"
            "Al-Kurdi explained that dredging will take place in two phases: the first deepens the "
            "navigation channel to sixteen metres, while the second builds new storage yards over "
            "forty hectares east of the quay.\n\n"
            "The chamber of commerce welcomed the project, saying it would cut shipping costs for "
            "importers and strengthen the city as a regional hub for maritime trade."}


def _checked_pairs(monkeypatch) -> list[tuple[str, str]]:
    """Records the source ids of every pair the stage checks."""
    from rasid.link import stage as stage_module

    seen: list[tuple[str, str]] = []
    check = stage_module.DerivationStage.check

    def recording(self, a, b, *args, **kwargs):
        seen.append(tuple(sorted((a.source_id, b.source_id))))
        return check(self, a, b, *args, **kwargs)

    monkeypatch.setattr(stage_module.DerivationStage, "check", recording)
    return seen


def test_an_english_report_is_checked_against_the_arabic_original(tmp_path, rows, monkeypatch):
    checked = _checked_pairs(monkeypatch)
    with SQLiteStore(tmp_path / "t.db") as store:
        _ingest_one(tmp_path / "first", rows["port-orig"], store, embeddings=True)
        checked.clear()
        _ingest_one(tmp_path / "second", ENGLISH, store, embeddings=True)
        assert ("port-en", "port-orig") in checked          # a candidate through its headline vector
        assert all(d.kind == "translation" for d in store.derivations())   # never a copy or rewrite


def test_an_article_ingested_without_embeddings_is_a_translation_candidate_later(tmp_path, rows,
                                                                                 monkeypatch):
    checked = _checked_pairs(monkeypatch)
    with SQLiteStore(tmp_path / "t.db") as store:
        _ingest_one(tmp_path / "first", rows["port-orig"], store, embeddings=False)
        checked.clear()
        _ingest_one(tmp_path / "second", ENGLISH, store, embeddings=True)
        assert ("port-en", "port-orig") in checked


def test_a_short_item_copied_inside_a_long_roundup_is_a_copy(tmp_path, paragraphs):
    """The short text's Jaccard with the roundup is far too low for LSH; its shingles are
    still all in the roundup."""
    from rasid.link.fingerprint import shingles

    short = "\n\n".join(paragraphs["wheat"][:2])
    roundup = "\n\n".join(paragraphs["port-orig"] + paragraphs["wheat"][:2] + paragraphs["football"])
    ss, sr = shingles(short), shingles(roundup)
    assert ss <= sr and len(ss) / len(sr) < 0.25
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "n.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in [
        {"id": "short", "outlet": "وكالة السهل", "published": "2024-03-10", "text": short},
        {"id": "roundup", "outlet": "موقع النهار", "published": "2024-03-12", "text": roundup},
    ]), encoding="utf-8")
    with SQLiteStore(tmp_path / "s.db") as store:
        ingest([str(folder)], store, Settings(progress="never", embeddings=False))
        names = {a.id: a.source_id for a in store.iter_articles()}
        assert [(names[d.source_id], names[d.derived_id], d.kind) for d in store.derivations()] == [
            ("short", "roundup", "copy")]


def test_seed_001_is_a_rewrite_or_translation_of_000_and_nothing_else_links(seeds_dir, tmp_path, settings):
    """Regression on the shared seeds: the only derived pair is 001 from 000. 001 shares only a
    third of 000's content words and its rewrite score is about 003's (an independent report),
    but it says its sources spoke «إلى العربي» (Al-Araby Al-Jadeed's short name), whose
    interviews 000 carries («لـ"العربي الجديد"»): a relay of that report (link/credit.py)."""
    with SQLiteStore(tmp_path / "seeds.db") as store:
        ingest([str(seeds_dir)], store, settings)
        name = {a.id: a.source_id.rsplit("/", 1)[-1][:3] for a in store.iter_articles()}
        assert sorted(name.values()) == ["000", "001", "002", "003", "004"]
        links = store.derivations()
        assert [(frozenset((name[d.source_id], name[d.derived_id])), d.kind in ("rewrite", "translation"))
                for d in links] == [(frozenset(("000", "001")), True)]
        d = links[0]
        assert d.aligned, "a rewrite keeps its aligned clauses"
        assert d.directed and (name[d.source_id], name[d.derived_id]) == ("000", "001")


# A report with its own interviews, and a reworded relay of it that says where it came from
# (link/credit.py): the relay keeps the content, not the words.
OWN_REPORT = (
    "أعلنت وزارة الزراعة، اليوم الأحد، خطة لدعم مزارعي القمح في المحافظات الشمالية بعد موسم جفاف طويل.\n\n"
    "وقال مسؤول في الوزارة، لـ\"الأطلس اليوم\"، إن الدعم يشمل توزيع البذور المحسنة والأسمدة مجاناً على "
    "أكثر من أربعة آلاف مزارع.\n\n"
    "وأوضح المسؤول أن الوزارة خصصت مبلغ 12 مليون دينار للخطة، على أن يبدأ التوزيع مطلع الشهر المقبل.\n\n"
    "وقال رئيس اتحاد المزارعين سامي العكيلي، لـ\"الأطلس اليوم\"، إن الخطة خطوة إيجابية لكنها متأخرة، "
    "مطالباً بتعويض الخسائر التي لحقت بالمزارعين خلال العام الماضي.\n\n"
    "ويعاني القطاع الزراعي منذ سنوات من شح الأمطار وارتفاع كلفة الري.")
RELAY_REPORT = (
    "كشفت صحيفة \"الأطلس اليوم\" أن وزارة الزراعة ستوزع بذوراً وأسمدة بالمجان على آلاف المزارعين "
    "في الشمال، في محاولة لتخفيف آثار الجفاف.\n\n"
    "ونقلت الصحيفة عن مسؤول في الوزارة أن الحكومة رصدت 12 مليون دينار لهذا الغرض، وأن عملية "
    "التوزيع ستنطلق في بداية الشهر القادم.\n\n"
    "من جهته رأى سامي العكيلي، رئيس اتحاد المزارعين، في حديث للصحيفة أن القرار جاء متأخراً، داعياً "
    "إلى تعويض المزارعين عن خسائر العام الفائت.\n\n"
    "ويشكو المزارعون منذ سنوات من قلة الأمطار وغلاء الري.")


def _relay_rows(relay_published: str) -> list[dict]:
    return [{"id": "own", "published": "2024-05-05", "title": "خطة حكومية لدعم مزارعي القمح",
             "text": OWN_REPORT},
            {"id": "relay", "outlet": "موقع الواحة", "published": relay_published,
             "title": "بذور وأسمدة مجانية للمزارعين", "text": RELAY_REPORT}]


def test_a_reworded_relay_that_credits_the_reports_outlet_is_linked_to_it(tmp_path):
    """Its words alone do not make it a rewrite (the next test), but the relay says it took the
    report of the outlet whose interviews the other article carries; that side is the source."""
    with SQLiteStore(tmp_path / "r.db") as store:
        ingest([_write(tmp_path, _relay_rows("2024-05-05"))], store, Settings(progress="never"))
        names = {a.id: a.source_id for a in store.iter_articles()}
        (d,) = store.derivations()
        assert (names[d.source_id], names[d.derived_id], d.kind) == ("own", "relay", "rewrite")
        assert d.directed and "cites" in d.basis
        stage = DerivationStage().use_frequencies(store)
        check = stage.check(store.article(d.source_id), store.article(d.derived_id))
        assert check.evidence.credited == "الأطلس اليوم"
        assert "trace to «الأطلس اليوم» by their own word" in check.verdict.reason


def test_a_relay_ingested_before_its_source_is_linked_when_the_source_arrives(tmp_path):
    """A backfill need not come in date order: the relay's file first, the report it credits
    in a later ingest. The stored relay's own search would find the new report, so the later
    ingest looks from that side too, and the archive gets the link one ingest of both gives."""
    own, relay = _relay_rows("2024-05-05")
    (tmp_path / "one").mkdir()
    (tmp_path / "two").mkdir()
    with SQLiteStore(tmp_path / "r.db") as store:
        ingest([_write(tmp_path / "one", [relay])], store, Settings(progress="never"))
        assert store.derivations() == []
        ingest([_write(tmp_path / "two", [own])], store, Settings(progress="never"))
        names = {a.id: a.source_id for a in store.iter_articles()}
        (d,) = store.derivations()
        assert (names[d.source_id], names[d.derived_id], d.kind) == ("own", "relay", "rewrite")


class _Graph:
    """A neighbour index whose answers are set by hand: nearness that is not mutual."""

    def __init__(self, store, nearest: dict[str, list[str]]):
        self.keys = {i: aid for i, aid in enumerate(sorted(nearest))}
        self.by_vector = {store.vectors([aid], HEADLINE_MODEL)[aid].tobytes(): aid for aid in nearest}
        self.nearest = nearest

    def search(self, vectors, k):
        key = {aid: i for i, aid in self.keys.items()}
        return [[(key[o], 0.9) for o in self.nearest[self.by_vector[v.tobytes()]][:k]] for v in vectors]


def test_a_stored_article_whose_nearest_headlines_include_a_new_one_is_a_candidate(tmp_path, rows):
    """Nearness is not mutual: a stored article's 16 nearest headlines may hold a new article
    whose own 16 do not hold it. One run over both finds the pair from the stored side; an
    ingest of the new one alone must too."""
    with SQLiteStore(tmp_path / "g.db") as store:
        ingest([_write(tmp_path, list(rows.values())[:4])], store, Settings(progress="never"))
        old, new, a, b = sorted(a.id for a in store.iter_articles())
        # the new article's two nearest are a and b; the stored one is only its third
        graph = _Graph(store, {old: [new], new: [a, b, old], a: [b], b: [a]})
        stage = DerivationStage(neighbours=2)
        index = (graph, graph.keys)
        (article,) = store.articles([new])
        assert (old, new) in stage.candidates(store, [article], index, new={new})
        # only that side's search finds it, and only stored articles are searched again: an
        # article of the same update searches for itself when its chunk is checked
        assert stage.reverse_neighbours(store, index, [article], {new}) == {(old, new)}
        assert stage.reverse_neighbours(store, index, [article], {new, old}) == set()
        graph.nearest[old] = [a, b, new]
        assert stage.reverse_neighbours(store, index, [article], {new}) == set()


def test_a_credit_alone_links_nothing_across_weeks(tmp_path):
    """The same relay published three weeks later is a later report of that outlet, not this one."""
    with SQLiteStore(tmp_path / "r.db") as store:
        ingest([_write(tmp_path, _relay_rows("2024-05-26"))], store, Settings(progress="never"))
        assert store.derivations() == []
        stage = DerivationStage().use_frequencies(store)
        a, b = sorted(store.iter_articles(), key=lambda x: x.source_id)
        assert "days apart" in stage.check(a, b).verdict.reason


def test_without_the_credit_the_same_texts_are_not_linked(tmp_path):
    rows = _relay_rows("2024-05-05")
    rows[1] = {**rows[1], "text": RELAY_REPORT.replace("صحيفة \"الأطلس اليوم\"", "مصادر")
               .replace("ونقلت الصحيفة عن", "وقال").replace(" في حديث للصحيفة", "")}
    with SQLiteStore(tmp_path / "r.db") as store:
        ingest([_write(tmp_path, rows)], store, Settings(progress="never"))
        assert store.derivations() == []


def _write(tmp_path, rows: list[dict]) -> str:
    folder = tmp_path / "in"
    folder.mkdir(exist_ok=True)
    (folder / "r.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows),
                                    encoding="utf-8")
    return str(folder)


def test_the_version_carries_the_fitted_models_digest(monkeypatch):
    from dataclasses import replace

    import rasid.link.stage as stage_module
    from rasid.link.decide import packaged_model

    shipped = DerivationStage()
    assert shipped.version.startswith(VERSION + "+") and shipped.version == DerivationStage().version
    assert DerivationStage(embeddings=False).version == shipped.version + "-lexical"
    refit = replace(packaged_model(), align_threshold=packaged_model().align_threshold + 0.05)
    monkeypatch.setattr(stage_module, "packaged_model", lambda: refit)
    assert DerivationStage().version != shipped.version   # links of another model are stale


def test_a_stage_killed_midway_resumes_after_its_last_whole_chunk(ingested, monkeypatch):
    """Each chunk is marked done as its links are stored: a run killed in its second chunk
    leaves the first chunk's articles done, and the next run checks only the rest and ends
    with the links of an uninterrupted run, none twice."""
    import rasid.link.stage as stage

    store = ingested.store
    before = store.derivations()
    ids = sorted(ingested.ids.values())
    version = DerivationStage().version
    store.mark_stage(ids, "derive", "derive/0")   # as if checked under older rules: all behind
    assert sorted(store.articles_behind("derive", version)) == ids
    monkeypatch.setattr(stage, "CHUNK", 3)
    real = DerivationStage.check
    checked: list[tuple[str, str]] = []

    def dies_in_the_second_chunk(self, a, b, **kw):
        if a.id not in ids[:3] and b.id not in ids[:3]:
            raise KeyboardInterrupt
        checked.append((a.id, b.id))
        return real(self, a, b, **kw)

    monkeypatch.setattr(DerivationStage, "check", dies_in_the_second_chunk)
    with pytest.raises(KeyboardInterrupt):
        DerivationStage().update(store, ids)
    assert checked, "the first chunk compared something before the crash"
    assert sorted(store.articles_behind("derive", version)) == ids[3:]
    monkeypatch.setattr(DerivationStage, "check", real)
    DerivationStage().update(store, store.articles_behind("derive", version))
    assert store.derivations() == before and store.counts()["derivations"] == len(before)
    assert store.articles_behind("derive", version) == []
