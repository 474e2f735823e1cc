-- rasid schema 7: entity names in match-key form (spelling folded, clitics stripped), so a
-- search for احمد finds أحمد. Filled when entities are (re)resolved, on every ingest.
ALTER TABLE entities ADD COLUMN name_key TEXT NOT NULL DEFAULT '';
CREATE INDEX entities_name_key ON entities(name_key);
