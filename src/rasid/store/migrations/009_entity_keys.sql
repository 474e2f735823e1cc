-- rasid schema 9: the keys entities are found by (name blocks, lone names, acronyms, titles),
-- so an ingest re-resolves only the entities its new articles' names may join instead of the
-- whole archive. Filled by the entity stage; an archive without them is resolved whole once.
CREATE TABLE entity_keys (
    key       TEXT NOT NULL,
    entity_id TEXT NOT NULL
);
CREATE INDEX entity_keys_key ON entity_keys(key);
CREATE INDEX entity_keys_entity ON entity_keys(entity_id);
