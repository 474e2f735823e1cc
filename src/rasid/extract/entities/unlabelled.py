"""Unlabelled text for word clusters (`rasid train-ner --unlabelled`): a rasid archive, or files.

An archive is the best text there is for adapting the tagger: it is the news the tagger will
read. Sources, by what they are:
- a rasid store: a SQLite file written by `rasid ingest`, or a `postgresql://` URL (every
  article's headline and cleaned body);
- `.jsonl`: one JSON object per line with a `text` field (and optionally `title`);
- any other file: UTF-8 text, one document per line.
Documents come out as sentences of words (cut at . ! ? ؟), read one at a time.
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path

from rasid.errors import InputError
from rasid.text.tokens import tokenize

_SENTENCE_END = frozenset(".!?؟")
SQLITE_MAGIC = b"SQLite format 3\x00"


def sentences_of(text: str) -> Iterator[list[str]]:
    """The words of a text, sentence by sentence."""
    words: list[str] = []
    for t in tokenize(text):
        if t.is_word:
            words.append(t.text)
        elif t.text in _SENTENCE_END and words:
            yield words
            words = []
    if words:
        yield words


def missing(source: str) -> str | None:
    """Why `source` cannot be read at all (checked before any training starts), or None."""
    if "://" in source or Path(source).is_file():
        return None
    if Path(source).is_dir():
        return "a folder: pass the files in it (for example DIR/*.txt)"
    return "no such file (--unlabelled takes a rasid database, .jsonl or text files)"


def documents(source: str) -> Iterator[str]:
    """The texts of one source (see the module's docstring); a clear error names what is wrong."""
    if "://" in source:
        yield from _store_documents(source)
        return
    why = missing(source)
    if why:
        raise InputError("io", why, source)
    path = Path(source)
    with path.open("rb") as f:
        head = f.read(len(SQLITE_MAGIC))
    if head == SQLITE_MAGIC:
        yield from _store_documents(source)
    elif path.suffix.lower() == ".jsonl":
        yield from _jsonl_documents(path)
    else:
        yield from _text_documents(path)


def _store_documents(location: str) -> Iterator[str]:
    from rasid.store import open_store

    store = open_store(location)
    try:
        for article in store.iter_articles():
            yield f"{article.headline or ''}. {article.text}"
    finally:
        store.close()


def _lines(path: Path) -> Iterator[tuple[int, str]]:
    with path.open("rb") as f:
        for n, raw in enumerate(f, start=1):
            try:
                yield n, raw.decode("utf-8")
            except UnicodeDecodeError as e:
                raise InputError("encoding", f"not UTF-8 ({e.reason} at byte {e.start}); convert the file "
                                 "first (for example with iconv -f cp1256 -t utf-8)", str(path), n) from e


def _text_documents(path: Path) -> Iterator[str]:
    for _, line in _lines(path):
        if line.strip():
            yield line


def _jsonl_documents(path: Path) -> Iterator[str]:
    for n, line in _lines(path):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as e:
            raise InputError("json", f"not JSON ({e.msg})", str(path), n) from e
        if not isinstance(record, dict) or not isinstance(record.get("text", ""), str):
            raise InputError("schema", "expected an object with a text field", str(path), n)
        yield f"{record.get('title') or ''}. {record.get('text') or ''}"


def unlabelled_sentences(sources: Iterable[str]) -> Iterator[list[str]]:
    for source in sources:
        for text in documents(source):
            yield from sentences_of(text)
