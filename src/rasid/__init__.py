"""rasid (راصد, "the monitor"): story intelligence for multi-source Arabic news.

The Python API in one screen::

    import rasid
    store = rasid.open_store("rasid.db")
    report = rasid.ingest(["news/"], store)     # files, folders, .jsonl, .html, RSS/Atom
    for story in store.stories():               # newest first
        print(story.id, story.title)
    article = rasid.clean(rasid.RawDocument(source="x.txt", line=None, format="txt",
                                            text="...", source_id="x.txt"))
"""
from rasid.clean import clean
from rasid.config import Settings, load_settings
from rasid.errors import InputError, NotFound, RasidError, StoreError, UsageError
from rasid.model import Article, OffsetMap, RawDocument, Rejection, Removal, Span, Story
from rasid.pipeline import IngestReport, ingest
from rasid.store import SQLiteStore, Store, open_store

__version__ = "0.1.0"

__all__ = [
    "Article", "IngestReport", "InputError", "NotFound", "OffsetMap", "RasidError", "RawDocument",
    "Rejection", "Removal", "SQLiteStore", "Settings", "Span", "Store", "StoreError", "Story",
    "UsageError", "clean", "ingest", "load_settings", "open_store", "__version__",
]
