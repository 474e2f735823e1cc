-- rasid schema 5: who and where. Mentions per article (the NER stage) and the entities
-- the resolver groups them into (rewritten whole on every resolution).
CREATE TABLE mentions (
    article_id TEXT NOT NULL REFERENCES articles(id),
    idx        INTEGER NOT NULL,          -- position in the article's mention list
    start      INTEGER NOT NULL,          -- offsets into articles.text
    "end"      INTEGER NOT NULL,
    text       TEXT NOT NULL,
    type       TEXT NOT NULL,             -- PER | ORG | LOC
    key        TEXT NOT NULL DEFAULT '',
    score      REAL NOT NULL DEFAULT 1,
    role       TEXT,
    same_as    INTEGER,                   -- idx of an earlier mention this one renames
    entity_id  TEXT,
    PRIMARY KEY (article_id, idx)
);
CREATE INDEX mentions_entity ON mentions(entity_id);

CREATE TABLE entities (
    id         TEXT PRIMARY KEY,
    type       TEXT NOT NULL,
    name_ar    TEXT NOT NULL,
    name_latin TEXT NOT NULL,
    mentions   INTEGER NOT NULL,
    data       TEXT NOT NULL              -- JSON: variants, roles, article_ids, story_ids, aliases
);
CREATE INDEX entities_name ON entities(name_ar);
