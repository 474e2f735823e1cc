-- rasid schema 1: articles, their stories, rejected inputs, completed files, search index.
CREATE TABLE articles (
    seq                INTEGER PRIMARY KEY,          -- stable rowid for the search index
    id                 TEXT NOT NULL UNIQUE,         -- content id (rasid.ids.article_id)
    source_id          TEXT NOT NULL,
    source             TEXT NOT NULL,                -- file as the user named it
    line               INTEGER,
    format             TEXT NOT NULL,
    encoding           TEXT,
    url                TEXT,
    outlet             TEXT,
    headline           TEXT,
    text               TEXT NOT NULL,                -- cleaned body; offsets point here
    published          TEXT,                         -- YYYY-MM-DD
    published_at       TEXT,                         -- ISO datetime when known
    published_inferred INTEGER NOT NULL DEFAULT 0,
    lang               TEXT NOT NULL,
    story_id           TEXT,
    thread_id          TEXT,
    original           BLOB NOT NULL,                -- decoded input the offset map points into (zlib)
    layout             TEXT NOT NULL,                -- JSON: offset map, paragraphs, subheadings, sentences, removals
    extra              TEXT NOT NULL DEFAULT '{}',   -- JSON: input fields rasid does not interpret
    stage_versions     TEXT NOT NULL DEFAULT '{}',
    ingested_at        TEXT NOT NULL
);
CREATE INDEX articles_story ON articles(story_id);
CREATE INDEX articles_published ON articles(published);
CREATE INDEX articles_outlet ON articles(outlet);

CREATE TABLE stories (
    id                  TEXT PRIMARY KEY,
    thread_id           TEXT NOT NULL,
    title               TEXT NOT NULL,
    first_seen          TEXT,
    last_seen           TEXT,
    independent_origins INTEGER NOT NULL DEFAULT 0,
    data                TEXT NOT NULL DEFAULT '{}'   -- JSON: fields later stages add
);
CREATE INDEX stories_last_seen ON stories(last_seen);

CREATE TABLE rejected (
    id          TEXT PRIMARY KEY,                    -- source + line + content hash + code
    source      TEXT NOT NULL,
    line        INTEGER,
    code        TEXT NOT NULL,
    reason      TEXT NOT NULL,
    size        INTEGER NOT NULL,
    sha256      TEXT NOT NULL,
    sample      BLOB NOT NULL,                       -- the item's bytes, capped
    rejected_at TEXT NOT NULL
);

CREATE TABLE files (
    sha256       TEXT PRIMARY KEY,                   -- a file whose every item is committed
    source       TEXT NOT NULL,
    size         INTEGER NOT NULL,
    items        INTEGER NOT NULL,
    completed_at TEXT NOT NULL
);

-- Normalized (hamza, ya, ta marbuta, diacritics folded; clitics stripped) text,
-- because FTS5's unicode61 tokenizer splits Arabic words at diacritics.
CREATE VIRTUAL TABLE articles_fts USING fts5(headline, body, tokenize = 'unicode61');
