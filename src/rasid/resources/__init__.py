"""Reviewed data files (abbreviations, boilerplate patterns, field aliases).

Data lives in files, not code, so that reviewers can change a list without
touching logic. `read_lines` drops comments and blank lines.
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources as _resources
from pathlib import Path


def resource_path(name: str) -> Path:
    return Path(str(_resources.files("rasid.resources").joinpath(name)))


@lru_cache(maxsize=None)
def read_lines(name: str) -> tuple[str, ...]:
    """Non-blank, non-comment lines of a packaged resource file."""
    text = resource_path(name).read_text(encoding="utf-8")
    return tuple(
        line.rstrip("\n") for line in text.splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    )


def read_text(name: str) -> str:
    return resource_path(name).read_text(encoding="utf-8")


def read_table(name: str) -> tuple[tuple[str, ...], ...]:
    """Tab-separated rows of a packaged resource file."""
    return tuple(tuple(line.split("\t")) for line in read_lines(name))


def demo_labels() -> dict:
    """The demo corpus's answers (resources/demo/labels.json; format in its README)."""
    import json

    return json.loads(resource_path("demo/labels.json").read_text(encoding="utf-8"))


def demo_label_key(article) -> str:
    """How labels.json names an ingested demo article: the JSONL id, the feed item's link,
    or the file name."""
    if article.format == "jsonl":
        return article.source_id
    if article.format == "feed":
        return article.url
    return Path(article.source).name
