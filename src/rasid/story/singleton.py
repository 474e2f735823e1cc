"""The baseline story stage: every article is its own story and thread.

This is the honest starting point until event clustering lands: the story card
fields (title, first/last seen, outlets, one independent origin) are real,
computed from the article, and every consumer (CLI, export, store) already
works with stories. The clustering stage replaces this class, not its callers.
"""
from __future__ import annotations

from collections.abc import Iterable

from rasid.ids import story_id_for, thread_id_for
from rasid.model import Article, Story
from rasid.story.timeline import story_timeline

TITLE_MAX_CHARS = 140


def story_title(article: Article) -> str:
    if article.headline:
        return article.headline
    if article.sentences:
        first = article.sentences[0].of(article.text)
    else:
        first = article.text.strip().split("\n", 1)[0]
    return first if len(first) <= TITLE_MAX_CHARS else first[: TITLE_MAX_CHARS - 1].rstrip() + "…"


class SingletonStories:
    name = "story"
    version = "singleton/1"

    def assign(self, articles: Iterable[Article]) -> list[Story]:
        stories = []
        for a in articles:
            sid = story_id_for(a.id)
            stories.append(Story(
                id=sid, thread_id=thread_id_for(sid), title=story_title(a),
                first_seen=a.published, last_seen=a.published, article_ids=(a.id,),
                outlets=(a.outlet,) if a.outlet else (), independent_origins=1,
                timeline=story_timeline([a]),
            ))
        return stories
