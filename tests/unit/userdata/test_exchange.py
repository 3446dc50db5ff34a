"""The exchange file: export, import (merge, no duplicates, renamed
selections), refusal of malformed files, and the command line."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.userdata import SelectionStore
from desktop.userdata.exchange import (
    FORMAT, ExchangeError, export_document, import_document, import_file,
)

ROOT = Path(__file__).resolve().parents[3]

SAMPLE = {
    "format": FORMAT, "version": 1,
    "bookmarks": [{"paragraph": "A07/13", "folder": "COP 13", "title": "حماية الشهود"},
                  {"paragraph": "A07/14", "folder": "", "title": ""}],
    "notes": [{"paragraph": "A07/13", "text": "تُعرض في الاجتماع", "created": "2026-12-01T10:00:00Z"},
              {"paragraph": "A07/13", "text": "ثانية", "created": "2026-12-01T11:00:00Z"}],
    "selections": [{"name": "إحاطة", "items": ["A07/13", "B4-d3/l9.q2"]}],
}


@pytest.fixture
def store(tmp_path):
    s = SelectionStore(tmp_path / "userdata.sqlite")
    yield s
    s.close()


def test_import_then_export_gives_back_the_same(store):
    report = import_document(store, json.loads(json.dumps(SAMPLE)))
    assert (report.bookmarks, report.notes, report.selections) == (2, 2, [("إحاطة", "إحاطة")])
    assert export_document(store) == SAMPLE


def test_import_merges_without_duplicates(store):
    store.add_bookmark("A07/13", "mine", "COP 13")
    store.add(["A07/1"])
    store.save_as("إحاطة")  # same name, other items
    report = import_document(store, SAMPLE)
    assert report.bookmarks == 1  # A07/13 in COP 13 was there already
    assert report.notes == 2
    assert report.selections == [("إحاطة", "إحاطة (2)")]
    assert store.named_items("إحاطة") == ["A07/1"]
    assert store.named_items("إحاطة (2)") == ["A07/13", "B4-d3/l9.q2"]
    assert any("إحاطة (2)" in line for line in report.lines())
    # the same file again adds nothing at all
    again = import_document(store, SAMPLE)
    assert not again.added_anything()
    assert len(store.bookmarks()) == 2 and len(store.notes()) == 2
    assert [n.name for n in store.named()] == ["إحاطة", "إحاطة (2)"]


def _broken(**change):
    doc = json.loads(json.dumps(SAMPLE))
    doc.update(change)
    return doc


@pytest.mark.parametrize("document", [
    [],
    {"format": "something-else", "version": 1},
    _broken(version=2),
    _broken(version="1"),
    _broken(bookmarks={"paragraph": "A07/13"}),
    _broken(bookmarks=[{"folder": "x"}]),
    _broken(notes=[{"paragraph": "A07/13", "text": "x", "created": "yesterday"}]),
    _broken(notes=[{"paragraph": "A07/13", "created": "2026-12-01T10:00:00Z"}]),
    _broken(selections=[{"name": "x", "items": "A07/13"}]),
    _broken(selections=[{"name": "", "items": []}]),
])
def test_a_malformed_document_is_refused_and_changes_nothing(store, document):
    store.add_bookmark("A07/1")
    with pytest.raises(ExchangeError) as caught:
        import_document(store, document)
    assert any("\u0600" <= ch <= "\u06ff" for ch in str(caught.value))  # Arabic message
    assert [b.paragraph_id for b in store.bookmarks()] == ["A07/1"]
    assert store.notes() == [] and store.named() == []


def test_a_bad_item_late_in_the_file_leaves_nothing_half_imported(store):
    doc = _broken(selections=SAMPLE["selections"] + [{"name": "y", "items": [3]}])
    with pytest.raises(ExchangeError, match="selections"):
        import_document(store, doc)
    assert store.bookmarks() == [] and store.notes() == []


def test_unknown_paragraphs_are_refused_when_the_content_is_known(store):
    with pytest.raises(ExchangeError, match="B4-d3/l9.q2"):
        import_document(store, SAMPLE, known=lambda ids: {"A07/13", "A07/14"})
    assert store.bookmarks() == []


def test_not_json_and_not_utf8(store, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(ExchangeError, match="JSON"):
        import_file(store, bad)
    bad.write_bytes(b"\xff\xfe\x00garbage")
    with pytest.raises(ExchangeError):
        import_file(store, bad)
    with pytest.raises(ExchangeError):
        import_file(store, tmp_path / "missing.json")


def _cli(*args, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "desktop.userdata", *map(str, args)],
                          capture_output=True, text=True, encoding="utf-8", cwd=cwd,
                          env={**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"})


def test_command_line_import_then_export_round_trips(tmp_path, content_db_path):
    source = tmp_path / "colleague.json"
    source.write_text(json.dumps(SAMPLE, ensure_ascii=False), encoding="utf-8")
    userdata = tmp_path / "mine.sqlite"
    done = _cli("--userdata", userdata, "--db", content_db_path, "import", source)
    assert done.returncode == 0, done.stderr
    assert "العلامات المرجعية المضافة: 2" in done.stdout
    again = _cli("--userdata", userdata, "--db", content_db_path, "import", source)
    assert "العلامات المرجعية المضافة: 0" in again.stdout
    out = tmp_path / "out.json"
    exported = _cli("--userdata", userdata, "export", out)
    assert exported.returncode == 0, exported.stderr
    assert json.loads(out.read_text(encoding="utf-8")) == SAMPLE


def test_command_line_refuses_a_malformed_file(tmp_path, content_db_path):
    userdata = tmp_path / "mine.sqlite"
    with SelectionStore(userdata) as s:
        s.add_note("A07/13", "قديمة")
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(_broken(version=9)), encoding="utf-8")
    done = _cli("--userdata", userdata, "--db", content_db_path, "import", bad)
    assert done.returncode == 2
    assert "لم يُستورد شيء" in done.stderr and "Traceback" not in done.stderr
    unknown = tmp_path / "unknown.json"
    unknown.write_text(json.dumps(_broken(notes=[
        {"paragraph": "Z99/1", "text": "x", "created": "2026-12-01T10:00:00Z"}])), encoding="utf-8")
    done = _cli("--userdata", userdata, "--db", content_db_path, "import", unknown)
    assert done.returncode == 2 and "Z99/1" in done.stderr
    with SelectionStore(userdata) as s:
        assert [n.text for n in s.notes()] == ["قديمة"] and s.bookmarks() == []
