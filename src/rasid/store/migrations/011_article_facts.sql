-- rasid schema 11: what every ingest asks about the whole archive, answered from small
-- indexes instead of the rows. SQLite reads a column stored after an article's body
-- (published, lang, story_id, stage_versions) by walking the body's overflow pages, so at
-- 300,000 articles:
-- * the dates, outlets and languages of the derivation stage's neighbours took 20
--   microseconds a row, against 3 from a covering index;
-- * each stage's question "which articles has this version not processed?" read the whole
--   table (1.3-2 s, seven times an ingest), against 0.02 s from an index on the stage's mark
--   when little is behind. The stages are rasid's own (their names are fixed in the code);
--   a stage without an index here is answered by the scan;
-- * an ingest's entity stage reads every kept mention of the entities its names may join,
--   over a million for the places every article names, with the date and story of each
--   mention's article: 25 s from the rows, 4 s from the two covering indexes (the mentions'
--   index on entity_id becomes one that also holds what those reads take).
CREATE INDEX articles_facts ON articles(id, published, outlet, lang, story_id);
CREATE INDEX articles_stage_dates ON articles(json_extract(stage_versions, '$.dates'));
CREATE INDEX articles_stage_mentions ON articles(json_extract(stage_versions, '$.mentions'));
CREATE INDEX articles_stage_quotes ON articles(json_extract(stage_versions, '$.quotes'));
CREATE INDEX articles_stage_figures ON articles(json_extract(stage_versions, '$.figures'));
CREATE INDEX articles_stage_derive ON articles(json_extract(stage_versions, '$.derive'));
CREATE INDEX articles_stage_story ON articles(json_extract(stage_versions, '$.story'));
CREATE INDEX articles_stage_entities ON articles(json_extract(stage_versions, '$.entities'));
DROP INDEX mentions_entity;
CREATE INDEX mentions_entity ON mentions(entity_id, text, type, role, article_id, idx);
