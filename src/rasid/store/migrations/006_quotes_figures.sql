-- rasid schema 6: who said what (quotes with speaker and channel) and the figures stated.
CREATE TABLE quotes (
    article_id      TEXT NOT NULL REFERENCES articles(id),
    idx             INTEGER NOT NULL,
    start           INTEGER NOT NULL,     -- what was said: offsets into articles.text
    "end"           INTEGER NOT NULL,
    speaker_text    TEXT NOT NULL,
    speaker_start   INTEGER,
    speaker_end     INTEGER,
    speaker_mention INTEGER,              -- idx of the speaking mention, when a name speaks
    channel         TEXT,
    direct          INTEGER NOT NULL,
    anonymous       INTEGER NOT NULL,
    denial          INTEGER NOT NULL,
    verb            TEXT,
    PRIMARY KEY (article_id, idx)
);

CREATE TABLE figures (
    article_id TEXT NOT NULL REFERENCES articles(id),
    idx        INTEGER NOT NULL,
    start      INTEGER NOT NULL,
    "end"      INTEGER NOT NULL,
    value      REAL NOT NULL,
    low        REAL,
    unit       TEXT,
    about      TEXT,
    approx     TEXT,
    PRIMARY KEY (article_id, idx)
);
