"""Ingest -> mentions -> entities, end to end through the pipeline and the export."""
from __future__ import annotations

import io
import json

import pytest

from rasid.config import Settings
from rasid.pipeline import ingest
from rasid.serve.export import export

# Invented reports of one invented meeting: a full name, a lone surname, a machine-
# translation garble of the surname, an English report, and an unrelated man who shares
# the surname in another story years earlier.
ARTICLES = [
    {"id": "r1", "outlet": "وكالة السهل", "published": "2025-03-10T09:00:00",
     "title": "وزير الداخلية الأردني يستقبل رئيس المخابرات العراقية في عمّان",
     "text": "استقبل وزير الداخلية الأردني فراس الحديدي رئيس جهاز المخابرات العراقي ماجد الزبيدي "
             "في العاصمة الأردنية عمّان يوم الاثنين. وقال الزبيدي إن التعاون الأمني بين بغداد "
             "وعمّان يتقدم، فيما أكد الحديدي أن البلدين سيوقعان مذكرة تفاهم الشهر المقبل."},
    {"id": "r2", "outlet": "صحيفة الضفة", "published": "2025-03-10T15:00:00",
     "title": "الحديدي والزبيدي يبحثان التعاون الأمني في عمّان",
     "text": "بحث وزير الداخلية الأردني فراس الحديدي مع رئيس جهاز المخابرات العراقي ماجد الزوبيدي "
             "في عمّان التعاون الأمني بين البلدين. وأكد الزوبيدي أن بغداد حريصة على أمن الحدود."},
    {"id": "r3", "outlet": "Levant Monitor", "published": "2025-03-10T18:00:00", "lang": "en",
     "title": "Iraqi intelligence chief visits Amman",
     "text": "Iraq's intelligence chief Majid al-Zubaidi met Jordanian Interior Minister Firas "
             "al-Hadidi in Amman on Monday. Al-Zubaidi said security cooperation between Baghdad "
             "and Amman was improving."},
    {"id": "r4", "outlet": "صحيفة الضفة", "published": "2012-06-02T10:00:00",
     "title": "افتتاح مدرسة جديدة في الزرقاء",
     "text": "افتتح مدير التربية سالم الزبيدي مدرسة جديدة في مدينة الزرقاء يوم السبت. "
             "وقال الزبيدي إن المدرسة تستوعب خمسمائة طالب."},
]


@pytest.fixture
def corpus(tmp_path):
    path = tmp_path / "meeting.jsonl"
    path.write_text("\n".join(json.dumps(a, ensure_ascii=False) for a in ARTICLES) + "\n", "utf-8")
    return path


def _entity_of(store, text: str) -> set[str]:
    """Entity ids of every mention whose text is exactly `text`."""
    return {m.entity_id for a in store.iter_articles() for m in a.mentions if m.text == text}


def test_mentions_are_tagged_resolved_and_exported(corpus, store):
    report = ingest([str(corpus)], store, Settings(progress="never", embeddings=False))
    assert report.mentions > 10 and report.entities is not None
    for a in store.iter_articles():
        assert a.stages["mentions"].startswith("ner/crf-")
        for m in a.mentions:
            # Every name has an entity; a title alone («وزير الداخلية الأردني») only when the
            # archive knows who held it then.
            assert a.text[m.span.start:m.span.end] == m.text
            assert m.entity_id or m.role == m.text
    zubaidi = _entity_of(store, "ماجد الزبيدي")
    assert len(zubaidi) == 1
    # The lone surname in his own article, the garble in a same-story copy, and the
    # English spelling all join him; the 2012 schools director does not.
    assert _entity_of(store, "ماجد الزوبيدي") == zubaidi
    assert _entity_of(store, "Majid al-Zubaidi") == zubaidi
    director = _entity_of(store, "سالم الزبيدي")
    assert director and director != zubaidi
    entity = store.entity(next(iter(zubaidi)))
    assert entity.type == "PER" and entity.name_ar == "ماجد الزبيدي"
    assert any("المخابرات" in r.title for r in entity.roles)
    out = io.StringIO()
    export(store, "json", out)
    data = json.loads(out.getvalue())
    ids = {e["id"] for e in data["entities"]}
    assert next(iter(zubaidi)) in ids
    assert {"id", "type", "name_ar", "name_latin", "variants"} <= set(data["entities"][0])
    for a in data["articles"]:
        for m in a["mentions"]:
            assert a["text"][m["start"]:m["end"]] == m["text"]
            assert m["entity_id"] in ids or (m["entity_id"] is None and m["role"] == m["text"])


def test_reingesting_is_idempotent_for_entities(corpus, store):
    settings = Settings(progress="never", embeddings=False)
    ingest([str(corpus)], store, settings)
    before = [(e.id, e.variants, e.article_ids) for e in store.entities()]
    again = ingest([str(corpus)], store, settings)
    assert again.added == 0 and again.entities is None   # nothing changed: not re-resolved
    assert [(e.id, e.variants, e.article_ids) for e in store.entities()] == before


def test_entities_are_rebuilt_when_missing(corpus, store):
    settings = Settings(progress="never", embeddings=False)
    ingest([str(corpus)], store, settings)
    n = store.counts()["entities"]
    store.replace_entities([], {}, {})                   # as if a run crashed before resolving
    report = ingest([str(corpus)], store, settings)
    assert report.entities == n == store.counts()["entities"]
