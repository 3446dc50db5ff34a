"""A damaged user-data file: moved aside with a timestamp, the user told
where, a fresh file started with everything that could still be read."""

from __future__ import annotations

import sqlite3

import pytest

from desktop.userdata import SelectionStore, UserDataError, open_or_recover
from tests.faults import damage

N_ITEMS = 2000


@pytest.fixture
def full_file(tmp_path):
    """A user-data file with 2,000 items and a named copy, checkpointed."""
    path = tmp_path / "healthy" / "userdata.sqlite"
    with SelectionStore(path) as store:
        store.add([f"P{i:04d}" for i in range(N_ITEMS)])
        store.save_as("إحاطة")
        store.move("P0005", 0)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return path


def _damaged(tmp_path, name):
    path = tmp_path / name / "userdata.sqlite"
    path.parent.mkdir()
    return path


def _expected():
    ids = [f"P{i:04d}" for i in range(N_ITEMS)]
    ids.remove("P0005")
    return ["P0005", *ids]


def test_zeroed_page_salvages_every_item(full_file, tmp_path):
    bad = damage.zero_first_leaf(full_file, _damaged(tmp_path, "zero"), "selection_items")
    damaged_bytes = bad.read_bytes()
    store, recovery = open_or_recover(bad)
    # nothing committed is lost: every item of both selections, none twice
    assert sorted(store.items()) == sorted(_expected())
    assert sorted(store.named_items("إحاطة")) == sorted(f"P{i:04d}" for i in range(N_ITEMS))
    assert recovery.items == 2 * N_ITEMS and recovery.selections == 1
    # the damaged file is kept, byte for byte, under a dated name
    assert recovery.moved_to.parent == bad.parent
    assert recovery.moved_to.name.startswith("userdata.damaged-")
    assert recovery.moved_to.read_bytes() == damaged_bytes
    with pytest.raises(UserDataError):         # as the store alone would say
        SelectionStore(recovery.moved_to)
    store.add(["new"])                      # the fresh file works
    store.close()
    with SelectionStore(bad) as again:
        assert again.items()[-1] == "new"


def test_surviving_rows_keep_their_order(full_file, tmp_path):
    bad = damage.zero_first_leaf(full_file, _damaged(tmp_path, "order"), "selection_items")
    store, _ = open_or_recover(bad)
    items = store.items()
    expected = _expected()
    # the rows the table still holds come first, in their saved order
    survivors = [pid for pid in expected if pid in items[:len(items) // 2]]
    assert items[:len(survivors)] == survivors


@pytest.mark.parametrize("how", ["schema", "garbage", "truncated"])
def test_unreadable_files_are_moved_aside(how, full_file, tmp_path):
    bad = _damaged(tmp_path, how)
    if how == "schema":
        damage.bad_utf8_schema(full_file, bad, b"ON selection_items")
    elif how == "garbage":
        bad.write_bytes(b"\x00garbage" * 1000)
    else:
        damage.truncate(full_file, bad, 0.5)
    original = bad.read_bytes()
    store, recovery = open_or_recover(bad)
    assert recovery is not None and recovery.moved_to.read_bytes() == original
    assert store.items() == [] or how == "truncated"
    store.add(["A07/13"])
    assert store.items()[-1] == "A07/13"


def test_a_healthy_file_is_left_alone(full_file):
    store, recovery = open_or_recover(full_file)
    assert recovery is None and store.items() == _expected()
    store.close()
    assert sorted(p.name for p in full_file.parent.iterdir() if "damaged" in p.name) == []


def test_a_file_of_a_newer_program_is_not_moved_aside(full_file):
    conn = sqlite3.connect(full_file)
    conn.execute("UPDATE meta SET value = '99' WHERE key = 'version'")
    conn.commit()
    conn.close()
    with pytest.raises(UserDataError, match="version"):
        open_or_recover(full_file)
    assert [p.name for p in full_file.parent.iterdir() if "damaged" in p.name] == []


def test_the_app_starts_on_a_damaged_file_and_says_where_it_went(qtbot, full_file, tmp_path,
                                                                 content_db_path):
    """Fault 6 of the issue: the app did not start (traceback in SelectionPanel)."""
    from PySide6.QtWidgets import QMessageBox

    from desktop.__main__ import build_main_window
    from desktop.app.application import create_application
    from desktop.app.settings import AppSettings
    from desktop.content.store import open_store

    bad = damage.zero_first_leaf(full_file, _damaged(tmp_path, "app"), "selection_items")
    create_application()
    window = build_main_window(open_store(content_db_path), AppSettings(tmp_path / "s.ini"),
                               remember=False, user_data=str(bad))
    qtbot.addWidget(window)
    box = window.findChild(QMessageBox, "userdata-warning")
    assert box is not None and box.isVisible() and not box.isModal()
    moved = [p for p in bad.parent.iterdir() if p.name.startswith("userdata.damaged-")
             and p.suffix == ".sqlite"]
    assert len(moved) == 1 and str(moved[0]) in box.text()
    assert window.selection_panel.list.count() == N_ITEMS
    box.close()


def test_bookmarks_and_notes_are_salvaged_too(tmp_path):
    path = tmp_path / "notes" / "userdata.sqlite"
    with SelectionStore(path) as store:
        store.add([f"P{i:04d}" for i in range(600)])
        store.add_bookmark_folder("ملف")
        store.add_bookmark("A07/13", "شهود", "ملف")
        for i in range(300):
            store.add_note(f"A07/{i}", f"ملاحظة {i}")
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    bad = damage.zero_first_leaf(path, _damaged(tmp_path, "zero-items"), "selection_items")
    store, recovery = open_or_recover(bad)
    assert recovery is not None
    assert sorted(store.items()) == sorted(f"P{i:04d}" for i in range(600))
    notes = store.notes_for(f"A07/{i}" for i in range(300))
    assert sum(len(v) for v in notes.values()) == 300
    assert store.notes_for(["A07/7"])["A07/7"][0].text == "ملاحظة 7"
