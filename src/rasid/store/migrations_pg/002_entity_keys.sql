-- rasid schema 2 (PostgreSQL; SQLite's 9): the keys entities are found by, so an ingest
-- re-resolves only the entities its new articles' names may join.
CREATE TABLE entity_keys (
    key       TEXT COLLATE "C" NOT NULL,
    entity_id TEXT COLLATE "C" NOT NULL
);
CREATE INDEX entity_keys_key ON entity_keys(key);
CREATE INDEX entity_keys_entity ON entity_keys(entity_id);
