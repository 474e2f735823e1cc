"""Sources: folders are walked, hidden files skipped, and every file yields items, never raises."""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from rasid.config import Settings
from rasid.errors import UsageError
from rasid.ingest.sources import InputFile, find_files, read_file
from rasid.model import RawDocument, Rejection

SETTINGS = Settings(progress="never")
STORY = ("انقطاع الكهرباء عن أحياء المدينة\n"
         "انقطعت الكهرباء مساء أمس عن عدة أحياء في المدينة بسبب عطل في محطة التوزيع.\n"
         "وقالت الشركة إن الفرق الفنية أعادت التيار بعد ثلاث ساعات.")


def _read(path: Path, settings: Settings = SETTINGS, name: str | None = None) -> list:
    return list(read_file(InputFile(path, name or path.name, path.stat().st_size), settings))


def _check_rejection(rej: Rejection, data: bytes) -> None:
    """The rejected item is kept: its bytes, their size and their hash."""
    assert isinstance(rej, Rejection)
    assert rej.sample == data
    assert rej.size == len(data)
    assert rej.sha256 == hashlib.sha256(data).hexdigest()


def test_folder_is_walked_recursively_in_sorted_order(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "deep").mkdir()
    for rel in ("z.txt", "a.txt", "b/m.html", "b/deep/x.jsonl"):
        (tmp_path / rel).write_text("x")
    names = [f.name for f in find_files([tmp_path])]
    assert names == [str(tmp_path / r) for r in ("a.txt", "z.txt", "b/m.html", "b/deep/x.jsonl")]


def test_hidden_files_folders_and_databases_are_skipped(tmp_path):
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "config.txt").write_text("x")
    (tmp_path / "__pycache__").mkdir()
    (tmp_path / "__pycache__" / "m.txt").write_text("x")
    (tmp_path / ".hidden.txt").write_text("x")
    (tmp_path / "rasid.db").write_bytes(b"SQLite format 3\x00")
    (tmp_path / "rasid.db-wal").write_bytes(b"")
    (tmp_path / "visible.txt").write_text("x")
    assert [Path(f.name).name for f in find_files([tmp_path])] == ["visible.txt"]


def test_a_file_given_directly_is_kept_even_if_hidden_and_sizes_are_recorded(tmp_path):
    path = tmp_path / ".note.txt"
    path.write_text("abc")
    [f] = find_files([path])
    assert (f.path, f.name, f.size) == (path, str(path), 3)


def test_label_replaces_the_folder_in_reported_names(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text("x")
    assert [f.name for f in find_files([tmp_path], label="demo")] == ["demo/sub/a.txt"]


def test_missing_path_is_a_usage_error(tmp_path):
    with pytest.raises(UsageError, match="no such file"):
        find_files([tmp_path / "nope"])


def test_txt_file_is_one_document_with_its_path_as_source_id(tmp_path):
    path = tmp_path / "power.txt"
    path.write_text(STORY, encoding="utf-8")
    [doc] = _read(path, name="in/power.txt")
    assert isinstance(doc, RawDocument)
    assert (doc.format, doc.text, doc.source, doc.source_id, doc.line, doc.encoding) == (
        "txt", STORY, "in/power.txt", "in/power.txt", None, "utf-8")


def test_cp1256_txt_is_decoded_exactly(tmp_path):
    path = tmp_path / "old.txt"
    path.write_bytes(STORY.encode("cp1256"))
    [doc] = _read(path)
    assert (doc.text, doc.encoding) == (STORY, "cp1256")


def test_utf16_txt_is_decoded(tmp_path):
    path = tmp_path / "wide.txt"
    path.write_bytes(STORY.encode("utf-16"))
    [doc] = _read(path)
    assert doc.text == STORY
    assert doc.encoding.startswith("utf-16")


def test_txt_larger_than_max_file_bytes_is_too_large(tmp_path):
    path = tmp_path / "big.txt"
    data = (STORY + "\n").encode("utf-8") * 5
    path.write_bytes(data)
    [rej] = _read(path, Settings(progress="never", max_file_bytes=100))
    assert (rej.code, rej.source, rej.line) == ("too_large", "big.txt", None)
    assert "max_file_bytes" in rej.reason
    _check_rejection(rej, data)  # smaller than the 4 KiB head, so kept whole


def test_too_large_file_rejection_records_the_file_size(tmp_path):
    path = tmp_path / "big.txt"
    data = (STORY + "\n").encode("utf-8") * 100
    path.write_bytes(data)
    [rej] = _read(path, Settings(progress="never", max_file_bytes=1000))
    assert rej.code == "too_large"
    assert rej.size == len(data)


def test_txt_over_max_record_chars_is_too_large(tmp_path):
    path = tmp_path / "long.txt"
    path.write_text(STORY, encoding="utf-8")
    [rej] = _read(path, Settings(progress="never", max_record_chars=20))
    assert rej.code == "too_large"


def test_empty_file_is_rejected_as_empty(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    [rej] = _read(path)
    assert (rej.code, rej.source) == ("empty", "empty.txt")
    _check_rejection(rej, b"")


def test_whitespace_only_file_is_rejected_as_empty(tmp_path):
    path = tmp_path / "blank.txt"
    path.write_bytes(b"  \r\n\t\n")
    [rej] = _read(path)
    assert rej.code == "empty"
    _check_rejection(rej, b"  \r\n\t\n")


def test_png_named_txt_is_rejected_as_binary(tmp_path):
    path = tmp_path / "photo.txt"
    data = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))
    path.write_bytes(data)
    [rej] = _read(path)
    assert rej.code == "binary"
    assert "PNG" in rej.reason
    _check_rejection(rej, data)


def test_undecodable_txt_is_rejected_as_encoding(tmp_path):
    path = tmp_path / "odd.txt"
    data = bytes([0x81, 0x8D, 0x8E, 0x90, 0x9D, 0x9E]) * 10
    path.write_bytes(data)
    [rej] = _read(path)
    assert rej.code == "encoding"
    assert "UTF-8" in rej.reason
    _check_rejection(rej, data)


def test_html_with_no_text_is_an_html_rejection(tmp_path):
    path = tmp_path / "blank.html"
    data = b"<!doctype html><html><body><div>  </div></body></html>"
    path.write_bytes(data)
    [rej] = _read(path)
    assert rej.code == "html"
    _check_rejection(rej, data)


def test_gzip_named_txt_is_binary_not_decompressed(tmp_path):
    import gzip
    path = tmp_path / "packed.txt"
    path.write_bytes(gzip.compress(STORY.encode("utf-8")))
    [rej] = _read(path)
    assert rej.code == "binary"
    assert ".gz" in rej.reason


def test_gz_file_with_a_bad_header_is_a_rejection(tmp_path):
    path = tmp_path / "notgz.txt.gz"
    path.write_bytes(b"this is not gzip at all")
    [rej] = _read(path)
    assert isinstance(rej, Rejection)
    assert rej.code == "io"


@pytest.mark.parametrize("kind", ["truncated", "corrupt"])
def test_damaged_gz_file_is_a_rejection_not_a_crash(tmp_path, kind):
    import gzip
    path = tmp_path / f"{kind}.txt.gz"
    whole = gzip.compress((STORY * 50).encode("utf-8"))
    path.write_bytes(whole[:40] if kind == "truncated" else b"\x1f\x8b\x08\x00garbage-not-deflate")
    items = _read(path)
    assert len(items) == 1
    assert isinstance(items[0], Rejection)


def test_mixed_folder_yields_documents_and_rejections_without_raising(tmp_path):
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "b.jsonl").write_text(json.dumps({"id": "1", "text": STORY}, ensure_ascii=False)
                                      + "\n{broken\n", encoding="utf-8")
    (tmp_path / "c.txt").write_bytes(b"%PDF-1.5 ...")
    items = [i for f in find_files([tmp_path]) for i in read_file(f, SETTINGS)]
    kinds = [(Path(i.source).name, type(i).__name__, getattr(i, "code", None)) for i in items]
    assert kinds == [("a.txt", "RawDocument", None), ("b.jsonl", "RawDocument", None),
                     ("b.jsonl", "Rejection", "json"), ("c.txt", "Rejection", "binary")]


def test_advance_reports_bytes_consumed(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text("".join(json.dumps({"text": f"خبر رقم {i}"}) + "\n" for i in range(5)))
    seen: list[int] = []
    list(read_file(InputFile(path, "a.jsonl", path.stat().st_size), SETTINGS, seen.append))
    assert sum(seen) == path.stat().st_size


def _jsonl_body() -> str:
    return "".join(json.dumps({"id": f"w{i}", "text": t}, ensure_ascii=False) + "\n"
                   for i, t in enumerate(STORY.splitlines(), start=1))


def test_cp1256_jsonl_lines_are_decoded(tmp_path):
    path = tmp_path / "old.jsonl"
    path.write_bytes(_jsonl_body().encode("cp1256"))
    docs = _read(path)
    assert [d.text for d in docs] == STORY.splitlines()


def test_cp1256_jsonl_lines_record_their_encoding(tmp_path):
    path = tmp_path / "old.jsonl"
    path.write_bytes(_jsonl_body().encode("cp1256"))
    assert {d.encoding for d in _read(path)} == {"cp1256"}


def test_utf16_jsonl_with_bom_is_read(tmp_path):
    path = tmp_path / "win.jsonl"
    path.write_bytes(_jsonl_body().encode("utf-16"))
    items = _read(path)
    assert [getattr(i, "text", i) for i in items] == STORY.splitlines()
