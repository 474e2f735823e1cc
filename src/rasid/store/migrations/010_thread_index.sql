-- rasid schema 10: articles by thread, so a story run can take in whole threads (an ingest
-- re-clusters every thread its new articles touch) without scanning every article.
CREATE INDEX articles_thread ON articles(thread_id);
