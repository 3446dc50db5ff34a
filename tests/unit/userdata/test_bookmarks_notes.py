"""Bookmarks in folders and notes on paragraphs, and the schema's upgrade
from the version-1 file (selections only) without losing anything."""

from __future__ import annotations

import sqlite3

import pytest

from desktop.userdata import FolderExists, SelectionStore, UserDataError
from desktop.userdata.migrations import LATEST


@pytest.fixture
def store(tmp_path):
    s = SelectionStore(tmp_path / "userdata.sqlite")
    yield s
    s.close()


def test_bookmarks_in_folders_rename_move_delete(store):
    first = store.add_bookmark("A07/13", "حماية الشهود", "COP 13")
    assert first.folder == "COP 13" and first.title == "حماية الشهود"
    assert store.add_bookmark("A07/13", "again", "COP 13") is None  # once per folder
    loose = store.add_bookmark("B6-r4/pp1")
    assert loose.folder == ""
    assert store.is_bookmarked("A07/13") and not store.is_bookmarked("A07/14")
    assert store.bookmark_folders() == ["COP 13"]

    store.rename_bookmark(first.id, "  الشهود  ")
    assert store.bookmark(first.id).title == "الشهود"
    store.add_bookmark_folder("فارغ")
    assert store.bookmark_folders() == ["COP 13", "فارغ"]
    store.rename_bookmark_folder("COP 13", "المؤتمر 13")
    assert [b.folder for b in store.bookmarks("المؤتمر 13")] == ["المؤتمر 13"]
    with pytest.raises(FolderExists):
        store.rename_bookmark_folder("المؤتمر 13", "فارغ")

    store.move_bookmark(loose.id, "فارغ")
    assert [b.paragraph_id for b in store.bookmarks("فارغ")] == ["B6-r4/pp1"]
    # moving onto the same paragraph in the target folder merges the two
    twin = store.add_bookmark("B6-r4/pp1")
    store.move_bookmark(twin.id, "فارغ")
    assert len(store.bookmarks("فارغ")) == 1 and store.bookmarks("") == []

    store.delete_bookmark(first.id)
    assert store.bookmarks("المؤتمر 13") == []
    assert store.delete_bookmark_folder("فارغ") == 1
    assert store.bookmark_folders() == ["المؤتمر 13"]
    assert store.bookmarks() == []


def test_several_dated_notes_per_paragraph(store):
    a = store.add_note("A07/13", "  تُذكر في الجلسة  ")
    b = store.add_note("A07/13", "انظر القرار 6/4")
    c = store.add_note("A07/14", "ثالثة")
    assert a.text == "تُذكر في الجلسة"
    assert a.created.endswith("Z") and a.created == a.modified
    assert [n.text for n in store.notes("A07/13")] == ["تُذكر في الجلسة", "انظر القرار 6/4"]
    assert store.noted_paragraphs() == {"A07/13", "A07/14"}
    store.edit_note(b.id, "انظر القرار 4/6")
    assert store.note(b.id).text == "انظر القرار 4/6"
    assert store.note(b.id).created == b.created
    with pytest.raises(ValueError):
        store.add_note("A07/13", "   ")
    store.delete_note(c.id)
    assert store.noted_paragraphs() == {"A07/13"}
    assert list(store.notes_for(["A07/13", "X"])) == ["A07/13"]


def test_everything_survives_a_restart(tmp_path):
    path = tmp_path / "userdata.sqlite"
    with SelectionStore(path) as s:
        s.add_bookmark("A07/13", "t", "f")
        s.add_note("A07/13", "n")
    with SelectionStore(path) as s:
        assert [(b.paragraph_id, b.folder, b.title) for b in s.bookmarks()] == [("A07/13", "f", "t")]
        assert [n.text for n in s.notes()] == ["n"]


V1_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE selections (id INTEGER PRIMARY KEY, name TEXT UNIQUE, saved_at TEXT NOT NULL);
CREATE TABLE selection_items (
    selection_id INTEGER NOT NULL REFERENCES selections(id) ON DELETE CASCADE,
    position INTEGER NOT NULL, paragraph_id TEXT NOT NULL,
    PRIMARY KEY (selection_id, paragraph_id));
CREATE INDEX selection_items_order ON selection_items (selection_id, position);
INSERT INTO meta VALUES ('version', '1');
INSERT INTO selections VALUES (1, NULL, '2026-01-01T00:00:00+00:00');
INSERT INTO selections VALUES (2, 'قديمة', '2026-01-01T00:00:00+00:00');
INSERT INTO selection_items VALUES (1, 0, 'A07/13'), (1, 1, 'A07/9'), (2, 0, 'B6-r4/pp1');
"""


def test_a_version_1_file_is_upgraded_without_loss(tmp_path):
    path = tmp_path / "userdata.sqlite"
    conn = sqlite3.connect(path)
    conn.executescript(V1_SCHEMA)
    conn.close()
    with SelectionStore(path) as s:
        assert s.items() == ["A07/13", "A07/9"]
        assert s.named_items("قديمة") == ["B6-r4/pp1"]
        s.add_bookmark("A07/13")
        s.add_note("A07/9", "ملاحظة")
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT value FROM meta WHERE key='version'").fetchone()[0] == str(LATEST)
    conn.close()
    with SelectionStore(path) as s:  # a second open changes nothing
        assert s.items() == ["A07/13", "A07/9"]
        assert len(s.bookmarks()) == 1 and len(s.notes()) == 1


def test_a_file_from_a_newer_program_is_refused_untouched(tmp_path):
    path = tmp_path / "userdata.sqlite"
    conn = sqlite3.connect(path)
    conn.executescript(V1_SCHEMA.replace("('version', '1')", f"('version', '{LATEST + 1}')"))
    conn.close()
    before = path.read_bytes()
    with pytest.raises(UserDataError, match="version"):
        SelectionStore(path)
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT value FROM meta WHERE key='version'").fetchone()[0] == str(LATEST + 1)
    assert "bookmarks" not in {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    conn.close()
    assert len(before) > 0
