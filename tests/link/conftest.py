"""Fixtures for the derivation tests: a small invented corpus (tests/link/data/corpus.jsonl),
articles built through the real cleaner, and one ingested store per test module.

corpus.jsonl holds, in this order:
  port-orig   صحيفة الأفق, 2024-03-10: a five-paragraph report on a port expansion
  port-copy   موقع النهار, 2024-03-11: an added intro paragraph, then port-orig verbatim
  wheat       وكالة السهل: an unrelated report (harvest)
  football    صحيفة الملاعب: an unrelated report (a cup semi-final)
  boiler-0..2 three outlets' pages whose text is only two short boilerplate lines
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from rasid.clean import clean
from rasid.config import Settings
from rasid.model import Article, RawDocument
from rasid.pipeline import ingest
from rasid.store.sqlite import SQLiteStore

CORPUS = Path(__file__).parent / "data" / "corpus.jsonl"


def load_rows() -> dict[str, dict]:
    rows = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines() if line]
    return {r["id"]: r for r in rows}


@pytest.fixture(scope="session")
def rows() -> dict[str, dict]:
    return load_rows()


@pytest.fixture(scope="session")
def paragraphs(rows) -> dict[str, list[str]]:
    """Each corpus text split into its paragraphs."""
    return {k: r["text"].split("\n\n") for k, r in rows.items()}


SWAPS = {"الكردي": "المسؤول", "للميناء": "للمرفأ", "الميناء": "المرفأ", "السفن": "البواخر",
         "الهيئة": "السلطة", "المشروع": "الخطة", "مدينة": "بلدة", "أعمال": "عمليات",
         "حاوية": "حاويات"}


@pytest.fixture(scope="session")
def rewrite_text(paragraphs) -> str:
    """A rewrite of port-orig: three of its five paragraphs with words swapped for synonyms,
    after an unrelated paragraph, so shingle containment stays well below the copy threshold
    and only the clause alignment can tell they are one text."""
    def reword(p: str) -> str:
        for old, new in SWAPS.items():
            p = p.replace(old, new)
        return p

    port = paragraphs["port-orig"]
    return "\n\n".join([paragraphs["wheat"][0]] + [reword(port[i]) for i in (0, 1, 3)])


def make_article(text: str, *, id: str = "x", title: str | None = None, outlet: str | None = None,
                 published: str | None = None, lang: str | None = "ar") -> Article:
    """An Article through the real cleaner (as the pipeline builds them)."""
    raw = RawDocument(source=f"{id}.jsonl", line=1, format="jsonl", text=text, source_id=id,
                      title=title, outlet=outlet, published=published, lang=lang, caller_id=id)
    return clean(raw, id)


@pytest.fixture(scope="session")
def article():
    return make_article


@pytest.fixture(scope="session")
def corpus_articles(rows) -> dict[str, Article]:
    """The corpus rows as cleaned Articles, keyed (and id'd) by their row id."""
    return {k: make_article(r["text"], id=k, title=r.get("title"), outlet=r.get("outlet"),
                            published=r.get("published")) for k, r in rows.items()}


class Ingested:
    """A store the corpus was ingested into, with the article id of every row."""

    def __init__(self, path: Path, store: SQLiteStore, report, folder: Path):
        self.path, self.store, self.report, self.folder = path, store, report, folder
        self.ids = {a.source_id: a.id for a in store.iter_articles()}
        self.names = {v: k for k, v in self.ids.items()}

    def links(self) -> set[tuple[str, str, str]]:
        """(source row, derived row, kind) for every stored derivation."""
        return {(self.names[d.source_id], self.names[d.derived_id], d.kind)
                for d in self.store.derivations()}


def ingest_corpus(folder: Path, settings: Settings | None = None) -> Ingested:
    inp = folder / "in"
    inp.mkdir(parents=True)
    (inp / "news.jsonl").write_text(CORPUS.read_text(encoding="utf-8"), encoding="utf-8")
    path = folder / "link.db"
    store = SQLiteStore(path)
    report = ingest([str(inp)], store, settings or Settings(progress="never"))
    return Ingested(path, store, report, inp)


@pytest.fixture(scope="session")
def corpus_ingester():
    """ingest_corpus(folder, settings=None) -> Ingested (the caller closes its store)."""
    return ingest_corpus


@pytest.fixture(scope="module")
def ingested(tmp_path_factory) -> Ingested:
    """The corpus ingested once per module, embeddings on (the USE model ships offline)."""
    got = ingest_corpus(tmp_path_factory.mktemp("ingested"))
    yield got
    got.store.close()
