"""rasid.resolve.stage: read every mention from a store, resolve, write entities back."""
from __future__ import annotations

from rasid.resolve.resolver import EntityResolver, MentionRef, Resolution
from rasid.resolve.stage import EntityReport, EntityStage


class FakeStore:
    """Just the two methods the stage uses; records every write."""

    def __init__(self, refs):
        self.refs = list(refs)
        self.reads = 0
        self.calls: list[tuple] = []

    def mention_refs(self):
        self.reads += 1
        yield from self.refs        # a generator, as a store cursor would be

    def replace_entities(self, entities, entity_of, keys):
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
    assert EntityStage.version == EntityResolver.version


def test_update_passes_everything_through():
    store = FakeStore(REFS)
    report = _stage().update(store)
    expected = EntityResolver().resolve(REFS)

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

        def resolve(self, mentions):
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
