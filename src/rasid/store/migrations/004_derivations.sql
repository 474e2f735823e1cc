-- rasid schema 4: who copied whom.
-- fingerprints: one MinHash per article (NUM_PERM uint32 values) and its shingle count.
CREATE TABLE fingerprints (
    article_id TEXT PRIMARY KEY REFERENCES articles(id),
    shingles   INTEGER NOT NULL,
    samples    INTEGER NOT NULL,    -- how many of its shingles were sampled (hash % modulus == 0)
    signature  BLOB NOT NULL
);
-- Sampled shingles (Broder's mod-m sampling): a short text copied inside a long one shares
-- most of its samples with it, even when the two texts' Jaccard (and so LSH) is low.
CREATE TABLE shingle_samples (
    hash       INTEGER NOT NULL,
    article_id TEXT NOT NULL REFERENCES articles(id)
);
CREATE INDEX shingle_samples_hash ON shingle_samples (hash);
CREATE INDEX shingle_samples_article ON shingle_samples (article_id);
-- LSH band buckets: articles that share a (band, bucket) are copy candidates.
CREATE TABLE lsh_buckets (
    band       INTEGER NOT NULL,
    bucket     INTEGER NOT NULL,
    article_id TEXT NOT NULL REFERENCES articles(id)
);
CREATE INDEX lsh_buckets_key ON lsh_buckets (band, bucket);
CREATE INDEX lsh_buckets_article ON lsh_buckets (article_id);
-- A derivation: derived_id copies, rewrites or translates source_id. When the direction is
-- unknown (directed = 0) the pair is stored once, smaller id first.
CREATE TABLE derivations (
    source_id  TEXT NOT NULL REFERENCES articles(id),
    derived_id TEXT NOT NULL REFERENCES articles(id),
    kind       TEXT NOT NULL,
    score      REAL NOT NULL,
    directed   INTEGER NOT NULL,
    data       TEXT NOT NULL,       -- JSON: direction evidence and aligned spans
    PRIMARY KEY (source_id, derived_id)
);
CREATE INDEX derivations_derived ON derivations (derived_id);
