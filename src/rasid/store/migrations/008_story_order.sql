-- rasid schema 8: the story list's order (newest first) as an index, so a page of stories
-- reads 20 rows instead of sorting every story (20 ms a page at 24k stories).
CREATE INDEX stories_newest ON stories(last_seen IS NULL, last_seen DESC, first_seen DESC, id);
