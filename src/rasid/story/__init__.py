"""Per story: grouping articles and, later, timeline, corroboration and summary."""
from rasid.story.singleton import SingletonStories

__all__ = ["SingletonStories"]
