"""The bundled demo corpus ingests cleanly and agrees with its own labels.

The labels are the corpus author's answers; here they check the spine: every
item becomes an article with the right headline, date and language, and the
cleaner keeps every labelled date, quote and figure intact in the text.
"""
from __future__ import annotations


import pytest

from rasid.pipeline import ingest
from rasid.resources import demo_label_key, demo_labels, resource_path
from rasid.text.script import strip_invisible


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    from rasid.config import Settings
    from rasid.store.sqlite import SQLiteStore

    store = SQLiteStore(tmp_path_factory.mktemp("demo") / "demo.db")
    report = ingest([str(resource_path("demo/corpus"))], store, Settings(progress="never"), label="demo")
    labels = demo_labels()
    by_key = {demo_label_key(a): a for a in store.iter_articles()}
    yield report, labels, by_key
    store.close()


def test_demo_ingests_without_rejections(demo):
    report, labels, by_key = demo
    assert report.rejected == 0
    assert report.added == len(labels["articles"]) == len(by_key)


def test_every_labelled_item_is_an_article(demo):
    _, labels, by_key = demo
    assert set(labels["articles"]) == set(by_key)


def _squash(text):
    return " ".join(text.split()) if text else text


def test_headlines_match_labels(demo):
    _, labels, by_key = demo
    wrong = {k: (by_key[k].headline, v["headline"]) for k, v in labels["articles"].items()
             if _squash(by_key[k].headline) != _squash(v["headline"])}
    assert not wrong


def test_published_dates_match_labels(demo):
    """Metadata dates are kept; a missing one is either inferred or left empty."""
    _, labels, by_key = demo
    wrong = {k: (by_key[k].published, v["published"]) for k, v in labels["articles"].items()
             if not by_key[k].published_inferred and by_key[k].published != v["published"]}
    assert not wrong
    inferred = {k for k, a in by_key.items() if a.published_inferred}
    assert inferred and all(labels["articles"][k]["published"] is None for k in inferred)


def test_languages_match_labels(demo):
    _, labels, by_key = demo
    wrong = {k: (by_key[k].lang, v["lang"]) for k, v in labels["articles"].items()
             if by_key[k].lang != v["lang"]}
    assert not wrong


@pytest.mark.parametrize("kind", ["dates", "quotes", "figures"])
def test_cleaning_keeps_every_labelled_span(demo, kind):
    _, labels, by_key = demo
    # The exported text drops invisible characters (zero-width, bidi); labels keep them.
    missing = [(k, item["text"]) for k, items in labels[kind].items() for item in items
               if strip_invisible(item["text"]) not in by_key[k].text]
    assert not missing


def test_no_boilerplate_survives_in_demo_texts(demo):
    _, _, by_key = demo
    for key, a in by_key.items():
        assert "[ad_" not in a.text, key
        assert "اقرأ أيضاً" not in a.text and "تابعونا" not in a.text, key
        assert not a.text.rstrip().split("\n")[-1].startswith("المصدر"), key
        assert "\u200b" not in a.text and "\u200c" not in a.text, key
