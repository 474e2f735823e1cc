-- rasid PostgreSQL schema 1: the SQLite schema's tables, column for column (so one codec and
-- one set of queries serve both), with PostgreSQL's own search index in place of FTS5.
-- Text sorts in code-point order (COLLATE "C"), as SQLite sorts it, whatever the server's
-- locale: lists and exports come out in the same order from both stores.
CREATE TABLE articles (
    seq                BIGSERIAL PRIMARY KEY,
    id                 TEXT COLLATE "C" NOT NULL UNIQUE,
    source_id          TEXT COLLATE "C" NOT NULL,
    source             TEXT COLLATE "C" NOT NULL,
    line               BIGINT,
    format             TEXT COLLATE "C" NOT NULL,
    encoding           TEXT COLLATE "C",
    url                TEXT COLLATE "C",
    outlet             TEXT COLLATE "C",
    headline           TEXT COLLATE "C",
    text               TEXT COLLATE "C" NOT NULL,
    published          TEXT COLLATE "C",
    published_at       TEXT COLLATE "C",
    published_inferred INTEGER NOT NULL DEFAULT 0,
    lang               TEXT COLLATE "C" NOT NULL,
    story_id           TEXT COLLATE "C",
    thread_id          TEXT COLLATE "C",
    original           BYTEA NOT NULL,
    layout             TEXT COLLATE "C" NOT NULL,
    extra              TEXT COLLATE "C" NOT NULL DEFAULT '{}',
    stage_versions     TEXT COLLATE "C" NOT NULL DEFAULT '{}',
    ingested_at        TEXT COLLATE "C" NOT NULL
);
CREATE INDEX articles_story ON articles(story_id);
CREATE INDEX articles_published ON articles(published);
CREATE INDEX articles_outlet ON articles(outlet);

CREATE TABLE stories (
    id                  TEXT COLLATE "C" PRIMARY KEY,
    thread_id           TEXT COLLATE "C" NOT NULL,
    title               TEXT COLLATE "C" NOT NULL,
    first_seen          TEXT COLLATE "C",
    last_seen           TEXT COLLATE "C",
    independent_origins INTEGER NOT NULL DEFAULT 0,
    data                TEXT COLLATE "C" NOT NULL DEFAULT '{}'
);
CREATE INDEX stories_last_seen ON stories(last_seen);
CREATE INDEX stories_newest ON stories((last_seen IS NULL) NULLS FIRST, last_seen DESC NULLS LAST,
                                     first_seen DESC NULLS LAST, id NULLS FIRST);

CREATE TABLE rejected (
    id          TEXT COLLATE "C" PRIMARY KEY,
    source      TEXT COLLATE "C" NOT NULL,
    line        BIGINT,
    code        TEXT COLLATE "C" NOT NULL,
    reason      TEXT COLLATE "C" NOT NULL,
    size        BIGINT NOT NULL,
    sha256      TEXT COLLATE "C" NOT NULL,
    sample      BYTEA NOT NULL,
    rejected_at TEXT COLLATE "C" NOT NULL
);

CREATE TABLE files (
    sha256       TEXT COLLATE "C" PRIMARY KEY,
    source       TEXT COLLATE "C" NOT NULL,
    size         BIGINT NOT NULL,
    items        BIGINT NOT NULL,
    completed_at TEXT COLLATE "C" NOT NULL
);

CREATE TABLE dates (
    article_id TEXT COLLATE "C" NOT NULL REFERENCES articles(id),
    start      INTEGER NOT NULL,
    "end"      INTEGER NOT NULL,
    text       TEXT COLLATE "C" NOT NULL,
    value      TEXT COLLATE "C",
    end_value  TEXT COLLATE "C",
    grain      TEXT COLLATE "C",
    calendar   TEXT COLLATE "C" NOT NULL,
    relative   INTEGER NOT NULL,
    flags      TEXT COLLATE "C" NOT NULL DEFAULT '[]',
    what       TEXT COLLATE "C"
);
CREATE INDEX dates_article ON dates(article_id);
CREATE INDEX dates_value ON dates(value);

CREATE TABLE article_vectors (
    article_id TEXT COLLATE "C" PRIMARY KEY REFERENCES articles(id),
    model      TEXT COLLATE "C" NOT NULL,
    vector     BYTEA NOT NULL
);

CREATE TABLE fingerprints (
    article_id TEXT COLLATE "C" PRIMARY KEY REFERENCES articles(id),
    shingles   INTEGER NOT NULL,
    samples    INTEGER NOT NULL,
    signature  BYTEA NOT NULL
);
CREATE TABLE shingle_samples (
    hash       BIGINT NOT NULL,
    article_id TEXT COLLATE "C" NOT NULL REFERENCES articles(id)
);
CREATE INDEX shingle_samples_hash ON shingle_samples (hash);
CREATE INDEX shingle_samples_article ON shingle_samples (article_id);
CREATE TABLE lsh_buckets (
    band       INTEGER NOT NULL,
    bucket     BIGINT NOT NULL,
    article_id TEXT COLLATE "C" NOT NULL REFERENCES articles(id)
);
CREATE INDEX lsh_buckets_key ON lsh_buckets (band, bucket);
CREATE INDEX lsh_buckets_article ON lsh_buckets (article_id);
CREATE TABLE derivations (
    source_id  TEXT COLLATE "C" NOT NULL REFERENCES articles(id),
    derived_id TEXT COLLATE "C" NOT NULL REFERENCES articles(id),
    kind       TEXT COLLATE "C" NOT NULL,
    score      DOUBLE PRECISION NOT NULL,
    directed   INTEGER NOT NULL,
    data       TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (source_id, derived_id)
);
CREATE INDEX derivations_derived ON derivations (derived_id);

CREATE TABLE mentions (
    article_id TEXT COLLATE "C" NOT NULL REFERENCES articles(id),
    idx        INTEGER NOT NULL,
    start      INTEGER NOT NULL,
    "end"      INTEGER NOT NULL,
    text       TEXT COLLATE "C" NOT NULL,
    type       TEXT COLLATE "C" NOT NULL,
    key        TEXT COLLATE "C" NOT NULL DEFAULT '',
    score      DOUBLE PRECISION NOT NULL DEFAULT 1,
    role       TEXT COLLATE "C",
    same_as    INTEGER,
    entity_id  TEXT COLLATE "C",
    PRIMARY KEY (article_id, idx)
);
CREATE INDEX mentions_entity ON mentions(entity_id);

CREATE TABLE entities (
    id         TEXT COLLATE "C" PRIMARY KEY,
    type       TEXT COLLATE "C" NOT NULL,
    name_ar    TEXT COLLATE "C" NOT NULL,
    name_latin TEXT COLLATE "C" NOT NULL,
    mentions   INTEGER NOT NULL,
    data       TEXT COLLATE "C" NOT NULL,
    name_key   TEXT COLLATE "C" NOT NULL DEFAULT ''
);
CREATE INDEX entities_name ON entities(name_ar);
CREATE INDEX entities_name_key ON entities(name_key);

CREATE TABLE quotes (
    article_id      TEXT COLLATE "C" NOT NULL REFERENCES articles(id),
    idx             INTEGER NOT NULL,
    start           INTEGER NOT NULL,
    "end"           INTEGER NOT NULL,
    speaker_text    TEXT COLLATE "C" NOT NULL,
    speaker_start   INTEGER,
    speaker_end     INTEGER,
    speaker_mention INTEGER,
    channel         TEXT COLLATE "C",
    direct          INTEGER NOT NULL,
    anonymous       INTEGER NOT NULL,
    denial          INTEGER NOT NULL,
    verb            TEXT COLLATE "C",
    PRIMARY KEY (article_id, idx)
);

CREATE TABLE figures (
    article_id TEXT COLLATE "C" NOT NULL REFERENCES articles(id),
    idx        INTEGER NOT NULL,
    start      INTEGER NOT NULL,
    "end"      INTEGER NOT NULL,
    value      DOUBLE PRECISION NOT NULL,
    low        DOUBLE PRECISION,
    unit       TEXT COLLATE "C",
    about      TEXT COLLATE "C",
    approx     TEXT COLLATE "C",
    PRIMARY KEY (article_id, idx)
);

-- The search index. `keys` holds each match key (spelling folded, clitics stripped; see
-- rasid.text.tokens) with its count as positions, exactly the words SQLite's FTS5 index
-- holds, so related-article lookups rank candidates with the same BM25. `search` is
-- PostgreSQL's own Arabic configuration (Snowball stemmer) over the same folded text,
-- for what a user types into the search box.
CREATE TABLE article_search (
    article_id TEXT COLLATE "C" PRIMARY KEY REFERENCES articles(id),
    tokens     INTEGER NOT NULL,              -- words indexed (BM25's document length)
    keys       TSVECTOR NOT NULL,
    search     TSVECTOR NOT NULL
);
CREATE INDEX article_search_keys ON article_search USING GIN (keys);
CREATE INDEX article_search_search ON article_search USING GIN (search);

-- Document frequencies (FTS5 keeps these itself): how many articles hold each key.
CREATE TABLE vocabulary (
    term TEXT COLLATE "C" PRIMARY KEY,
    doc  INTEGER NOT NULL
);
CREATE TABLE search_totals (
    one    INTEGER PRIMARY KEY CHECK (one = 1),
    rows   BIGINT NOT NULL,
    tokens BIGINT NOT NULL
);
INSERT INTO search_totals VALUES (1, 0, 0);

-- Who this database is: caches kept outside it (the vector index) are named by it, so a
-- re-created database never reads another one's cache.
CREATE TABLE instance (
    one INTEGER PRIMARY KEY CHECK (one = 1),
    id  TEXT COLLATE "C" NOT NULL
);
INSERT INTO instance VALUES (1, md5(random()::text || clock_timestamp()::text));
