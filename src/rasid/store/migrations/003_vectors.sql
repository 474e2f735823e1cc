-- rasid schema 3: lead embeddings kept for story clustering (float16, 512 values).
CREATE TABLE article_vectors (
    article_id TEXT PRIMARY KEY REFERENCES articles(id),
    model      TEXT NOT NULL,
    vector     BLOB NOT NULL
);
