-- rasid schema 2: date expressions per article (the "when" stage).
CREATE TABLE dates (
    article_id TEXT NOT NULL REFERENCES articles(id),
    start      INTEGER NOT NULL,          -- offsets into articles.text
    "end"      INTEGER NOT NULL,
    text       TEXT NOT NULL,
    value      TEXT,                      -- YYYY-MM-DD | YYYY-MM | YYYY; NULL when flagged
    end_value  TEXT,                      -- ranges
    grain      TEXT,
    calendar   TEXT NOT NULL,
    relative   INTEGER NOT NULL,
    flags      TEXT NOT NULL DEFAULT '[]',
    what       TEXT
);
CREATE INDEX dates_article ON dates(article_id);
CREATE INDEX dates_value ON dates(value);

-- Document frequencies of indexed words: related-article lookups query rare words only,
-- which keeps each lookup cheap however large the archive grows.
CREATE VIRTUAL TABLE articles_vocab USING fts5vocab(articles_fts, 'row');
