"""Paths -> input items: walks folders, picks a reader per file, never stops on bad input."""
from __future__ import annotations

import gzip
import hashlib
import os
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from rasid.config import Settings
from rasid.errors import InputError, UsageError
from rasid.ingest import readers
from rasid.ingest.formats import detect_format, is_gzip
from rasid.ingest.readers import Item, rejection

_SKIP_NAMES = {"__pycache__", "node_modules"}
_SKIP_SUFFIXES = (".db", ".db-wal", ".db-shm", ".sqlite", ".sqlite3")


@dataclass(frozen=True, slots=True)
class InputFile:
    path: Path
    name: str     # how the user will see it in reports: the path as given, or under a label
    size: int


def find_files(paths: Iterable[str | os.PathLike], label: str | None = None) -> list[InputFile]:
    """Every input file under `paths`, sorted, hidden files and databases skipped.

    A missing path is a usage error: nothing is ingested until the command line is right.
    """
    found: list[InputFile] = []
    for given in paths:
        root = Path(given)
        if not root.exists():
            raise UsageError(f"{given}: no such file or folder")
        if root.is_file():
            found.append(InputFile(root, label or str(given), root.stat().st_size))
            continue
        for dirpath, dirnames, filenames in os.walk(root):
            dirnames[:] = sorted(d for d in dirnames if not d.startswith(".") and d not in _SKIP_NAMES)
            for fname in sorted(filenames):
                if fname.startswith(".") or fname.lower().endswith(_SKIP_SUFFIXES):
                    continue
                path = Path(dirpath) / fname
                rel = path.relative_to(root).as_posix()
                name = f"{label}/{rel}" if label else str(Path(given) / rel)
                try:
                    found.append(InputFile(path, name, path.stat().st_size))
                except OSError:
                    found.append(InputFile(path, name, 0))
    return found


def file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


# What a damaged file raises while being read: OS errors, and for .gz a
# truncated (EOFError) or corrupt (zlib.error) stream.
_READ_ERRORS = (OSError, EOFError, zlib.error)


def read_file(file: InputFile, settings: Settings,
              advance: Callable[[int], None] = lambda n: None) -> Iterator[Item]:
    """Items of one file. Every failure becomes a Rejection; nothing is raised."""
    path, name = file.path, file.name
    head = b""
    try:
        with open(path, "rb") as fh:
            head = fh.read(4096)
        if is_gzip(path):
            with gzip.open(path, "rb") as fh:
                head = fh.read(4096)
        fmt = detect_format(path, head)
        if fmt == "jsonl":
            yield from readers.read_jsonl(path, name, settings, advance)
            return
        data = readers.read_whole(path, settings)
    except InputError as e:
        # Only part of the file was read: describe the whole file, keep its head.
        yield rejection(InputError(e.code, e.reason, name, e.line), head, settings,
                        size=file.size, sha256=file_sha256(path))
        advance(file.size)
        return
    except _READ_ERRORS as e:
        reason = getattr(e, "strerror", None) or str(e) or type(e).__name__
        yield rejection(InputError("io", f"cannot read file: {reason}", name), head, settings)
        advance(file.size)
        return
    if fmt == "html":
        yield from readers.read_html(data, name, settings)
    elif fmt == "feed":
        yield from readers.read_feed(data, name, settings)
    else:
        yield from readers.read_txt(data, name, settings)
    advance(file.size)
