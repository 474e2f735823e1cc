"""Story pages are computed once per database version, and recomputed after any write."""
from __future__ import annotations

from fastapi.testclient import TestClient

from rasid.config import Settings
from rasid.pipeline import ingest
from rasid.serve.app import create_app
from rasid.store import open_store


def _article(i: int, title: str, text: str) -> str:
    import json

    return json.dumps({"id": f"c{i}", "outlet": f"o{i}", "published": "2025-05-01", "title": title,
                       "text": text}, ensure_ascii=False) + "\n"


def test_a_cached_story_page_follows_writes_by_other_processes(tmp_path):
    db = str(tmp_path / "c.db")
    first = tmp_path / "a.jsonl"
    first.write_text(_article(1, "افتتاح جسر جديد في المدينة", "افتتح المحافظ اليوم الجسر الجديد "
                              "فوق النهر بعد عامين من العمل المتواصل."), encoding="utf-8")
    with open_store(db) as s:
        ingest([str(first)], s, Settings(progress="never", embeddings=False))
    app = create_app(db)
    client = TestClient(app)
    sid = client.get("/api/stories").json()["items"][0]["id"]
    view = client.get(f"/api/stories/{sid}").json()
    assert app.state.rasid.story_view(sid, 4) is app.state.rasid.story_view(sid, 4)   # cached
    # another process writes (as `rasid ingest` or the upload endpoint would)
    with open_store(db) as s:
        s.db.execute("UPDATE stories SET title = 'عنوان جديد' WHERE id = ?", (sid,))
    again = client.get(f"/api/stories/{sid}").json()
    assert again["story"]["title"] == "عنوان جديد" != view["story"]["title"]
