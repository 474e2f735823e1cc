"""The Store protocol: what every backend (SQLite now, a server database later) provides.

Stages never see SQL. They hand the store finished records in batches; one
batch is one transaction, so a crash loses at most the batch in flight and a
re-run fills the gap (ids are content-derived, writes are idempotent).
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from rasid.model import Article, Derivation, Rejection, Story


@dataclass(frozen=True, slots=True)
class FileDone:
    sha256: str
    source: str
    size: int
    items: int


@dataclass(frozen=True, slots=True)
class SearchHit:
    article_id: str
    score: float
    snippet: str


@runtime_checkable
class Store(Protocol):
    def existing_article_ids(self, ids: Iterable[str]) -> set[str]: ...
    def is_file_done(self, sha256: str) -> bool: ...
    def write_batch(self, articles: Iterable[Article], rejections: Iterable[Rejection] = (),
                    stories: Iterable[Story] = (), files_done: Iterable[FileDone] = ()) -> int: ...
    def article(self, article_id: str) -> Article | None: ...
    def iter_articles(self) -> Iterator[Article]: ...
    def find_article(self, key: str) -> Article | None: ...
    def derivations(self, article_ids: Iterable[str] | None = None) -> list[Derivation]: ...
    def stories(self) -> list[Story]: ...
    def story(self, story_id: str) -> Story | None: ...
    def iter_rejections(self) -> Iterator[Rejection]: ...
    def search(self, query: str, limit: int = 20) -> list[SearchHit]: ...
    def counts(self) -> dict[str, int]: ...
    def close(self) -> None: ...
