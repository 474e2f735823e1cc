"""rasid.resolve.stage: read every mention from a store, resolve, write entities back."""
from __future__ import annotations

from rasid.resolve.resolver import EntityResolver, MentionRef, Resolution
from rasid.resolve.stage import EntityReport, EntityStage, read_romanizations


class FakeStore:
    """A store that can only be resolved whole; records every write."""

    def __init__(self, refs):
        self.refs = list(refs)
        self.reads = 0
        self.calls: list[tuple] = []
        self.marked: list[str] = []

    def articles_behind(self, stage, version):
        return sorted({r.article_id for r in self.refs} - set(self.marked))

    def mark_stage(self, ids, stage, version):
        self.marked += ids

    def mention_refs(self):
        self.reads += 1
        yield from self.refs        # a generator, as a store cursor would be

    def replace_entities(self, entities, entity_of, keys, index=()):
        self.calls.append((entities, entity_of, keys))


REFS = [
    MentionRef("a1", 0, "حميد الشطري", "PER", "s1", "2024-03-01", "وزير النقل"),
    MentionRef("a1", 1, "الشطري", "PER", "s1", "2024-03-01"),
    MentionRef("a2", 0, "الشطري", "PER", "s1", "2024-03-02"),
    MentionRef("a2", 1, "قسد", "ORG", "s1", "2024-03-02"),
    MentionRef("a3", 0, "SDF", "ORG", "s1", "2024-03-03"),
    MentionRef("a3", 1, "بغداد", "LOC", "s1", "2024-03-03"),
]


def _stage() -> EntityStage:
    return EntityStage(embeddings=False)


def test_stage_identity():
    assert EntityStage.name == "entities"
    assert EntityStage.version.startswith(EntityResolver.version + "+")


def test_update_passes_everything_through():
    store = FakeStore(REFS)
    report = _stage().update(store)
    expected = EntityResolver().resolve(REFS)

    assert store.marked == ["a1", "a2", "a3"]
    assert store.reads == 1
    assert len(store.calls) == 1
    entities, entity_of, keys = store.calls[0]
    assert entities == expected.entities
    assert entity_of == expected.entity_of
    assert keys == expected.keys
    assert set(entity_of) == {(r.article_id, r.index) for r in REFS}
    assert len(entities) == 3
    assert report == EntityReport(mentions=len(REFS), entities=len(entities))


def test_update_on_an_empty_store():
    store = FakeStore([])
    report = _stage().update(store)
    assert store.calls == [([], {}, {})]
    assert report == EntityReport(mentions=0, entities=0)


def test_update_uses_the_resolver_it_was_given():
    class Spy(EntityResolver):
        def __init__(self):
            super().__init__()
            self.seen: list[list[MentionRef]] = []

        def resolve(self, mentions, taken=None):
            self.seen.append(list(mentions))
            return Resolution(entity_of={("a1", 0): "e1"}, entities=[], keys={("a1", 0): "k"})

    spy = Spy()
    store = FakeStore(REFS)
    report = EntityStage(resolver=spy).update(store)
    assert spy.seen == [REFS]
    assert store.calls == [([], {("a1", 0): "e1"}, {("a1", 0): "k"})]
    assert report == EntityReport(mentions=len(REFS), entities=0)


def test_default_stage_has_a_lazy_embedder():
    stage = EntityStage()
    assert stage.resolver.embed is not None       # built, but no model loaded until called
    assert EntityStage(embeddings=False).resolver.embed is None


def test_latin_person_names_switch_on_cross_script_blocking():
    refs = [MentionRef("b1", 0, "حميد الشطري", "PER", "s1"),
            MentionRef("b2", 0, "Hamid al-Shatri", "PER", "s1")]
    store = FakeStore(refs)
    _stage().update(store)
    _, entity_of, _ = store.calls[0]
    assert entity_of["b1", 0] == entity_of["b2", 0]


class CachingStore(FakeStore):
    """A FakeStore with a place for rebuildable caches, as the real stores have."""

    def __init__(self, refs, folder):
        super().__init__(refs)
        self.folder = folder

    def sidecar(self, name):
        return self.folder / name


CROSS = [MentionRef("b1", 0, "حميد الشطري", "PER", "s1"), MentionRef("b2", 0, "Hamid al-Shatri", "PER", "s1"),
         MentionRef("b3", 0, "فؤاد حسين", "PER", "s2"), MentionRef("b4", 0, "Fuad Hussein", "PER", "s2")]


def test_romanizations_are_kept_beside_the_store_for_the_next_process(tmp_path, monkeypatch):
    """Romanizing names is most of the cost of resolving across scripts: the stage keeps what
    it computed beside the store, and a new process (its memory emptied here) reads it back
    instead of calling the romanizer, with the same entities."""
    from rasid.resolve import script
    from rasid.resolve.stage import romanization_cache

    monkeypatch.setattr(script, "_SPELLINGS", {})
    monkeypatch.setattr(script, "_LEARNED", {})
    first = CachingStore(CROSS, tmp_path)
    _stage().update(first)
    cache = romanization_cache(first)
    assert cache.is_file() and cache.parent == tmp_path / "entities"
    assert "arabic-name-romanizer" not in cache.name and "romanizations-" in cache.name
    kept = read_romanizations(cache)
    assert "حميد الشطري" in {name for name, _, _ in kept}

    script._SPELLINGS.clear()   # a new process
    calls = []

    def counting(model=True):
        calls.append(model)
        raise AssertionError("the romanizer was called although its answer was kept")

    monkeypatch.setattr(script, "_transliterator", counting)
    second = CachingStore(CROSS, tmp_path)
    _stage().update(second)
    assert calls == [] and second.calls == first.calls
    _, entity_of, _ = second.calls[0]
    assert entity_of["b1", 0] == entity_of["b2", 0] and entity_of["b3", 0] == entity_of["b4", 0]


def test_a_damaged_romanization_cache_is_only_a_cache(tmp_path, monkeypatch):
    """Truncated or foreign bytes in the cache read as whatever they hold before the damage;
    resolution is unchanged and the cache is written anew."""
    import gzip

    from rasid.resolve import script
    from rasid.resolve.stage import romanization_cache

    monkeypatch.setattr(script, "_SPELLINGS", {})
    monkeypatch.setattr(script, "_LEARNED", {})
    clean = CachingStore(CROSS, tmp_path / "clean")
    _stage().update(clean)
    for damage in (b"\x00\xffnot gzip", gzip.compress(b'{"name": "x", "top_k": 3}\n{broken'), b""):
        script._SPELLINGS.clear()
        store = CachingStore(CROSS, tmp_path / "damaged")
        cache = romanization_cache(store)
        cache.parent.mkdir(parents=True, exist_ok=True)
        cache.write_bytes(damage)
        assert read_romanizations(cache) == {}
        _stage().update(store)
        assert store.calls == clean.calls
        assert read_romanizations(cache) == read_romanizations(romanization_cache(clean))
