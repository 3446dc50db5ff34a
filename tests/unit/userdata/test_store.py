"""The user-data store: order, named selections, restart, kills mid-write."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from desktop.userdata import (
    SelectionExists, SelectionStore, UserDataError, default_path,
)

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture
def store(tmp_path):
    s = SelectionStore(default_path(tmp_path / "appdata"))
    yield s
    s.close()


def test_default_path_is_inside_the_app_data_folder(tmp_path):
    assert default_path(tmp_path) == tmp_path / "userdata.sqlite"


def test_add_keeps_order_and_skips_duplicates(store):
    assert store.add(["A07/13", "A07/14"]) == ["A07/13", "A07/14"]
    assert store.add(["A07/14", "B6-r4/pp1"]) == ["B6-r4/pp1"]
    assert store.items() == ["A07/13", "A07/14", "B6-r4/pp1"]


def test_move_set_order_remove_clear(store):
    store.add(["a", "b", "c", "d"])
    store.move("d", 0)
    assert store.items() == ["d", "a", "b", "c"]
    store.move("d", 99)
    assert store.items() == ["a", "b", "c", "d"]
    store.set_order(["c", "b", "a", "d"])
    assert store.items() == ["c", "b", "a", "d"]
    with pytest.raises(ValueError):
        store.set_order(["c", "b"])
    store.remove(["b", "zzz"])
    assert store.items() == ["c", "a", "d"]
    store.add(["e"])
    assert store.items() == ["c", "a", "d", "e"]
    store.clear()
    assert store.items() == []


def test_named_selections_are_copies(store):
    store.add(["a", "b"])
    store.save_as("  حماية الشهود ")
    with pytest.raises(SelectionExists):
        store.save_as("حماية الشهود")
    store.clear()
    store.add(["z"])
    assert store.named_items("حماية الشهود") == ["a", "b"]
    assert [(n.name, n.count) for n in store.named()] == [("حماية الشهود", 2)]
    assert store.open_named("حماية الشهود") == ["a", "b"]
    assert store.items() == ["a", "b"]
    store.remove(["a"])
    assert store.named_items("حماية الشهود") == ["a", "b"]
    store.save_as("حماية الشهود", overwrite=True)
    assert store.named_items("حماية الشهود") == ["b"]
    store.delete_named("حماية الشهود")
    assert store.named() == []
    with pytest.raises(KeyError):
        store.open_named("حماية الشهود")
    with pytest.raises(ValueError):
        store.save_as("   ")


def test_everything_survives_a_restart(tmp_path):
    path = default_path(tmp_path)
    with SelectionStore(path) as s:
        s.add(["A07/13", "A07/9", "B6-r4/pp1"])
        s.move("B6-r4/pp1", 0)
        s.save_as("ملف")
        s.remove(["A07/9"])
    with SelectionStore(path) as s:
        assert s.items() == ["B6-r4/pp1", "A07/13"]
        assert s.named_items("ملف") == ["B6-r4/pp1", "A07/13", "A07/9"]


def test_a_corrupt_file_is_reported_not_crashed_on(tmp_path):
    path = tmp_path / "userdata.sqlite"
    path.write_bytes(b"this is not a database" * 100)
    with pytest.raises(UserDataError, match="unusable"):
        SelectionStore(path)


def test_a_failed_write_leaves_the_old_state(store, monkeypatch):
    store.add(["a", "b"])
    real = store._write_items

    def half_then_fail(conn, sel, ids):
        real(conn, sel, ids[:1])
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(store, "_write_items", half_then_fail)
    with pytest.raises(UserDataError, match="disk I/O error"):
        store.set_order(["b", "a"])
    assert store.items() == ["a", "b"]


WRITER = textwrap.dedent("""
    import sys
    from desktop.userdata import SelectionStore
    s = SelectionStore(sys.argv[1])
    n = 0
    while True:
        batch = [f"P{n}-{k}" for k in range(50)]
        s.add(batch)
        s.save_as(f"sel{n}")
        s.add_bookmark(f"P{n}-0", f"t{n}", f"folder{n % 3}")
        s.add_note(f"P{n}-0", f"note {n}")
        print(n, flush=True)
        n += 1
""")


def test_a_kill_during_saving_loses_nothing_committed(tmp_path):
    """SIGKILL a writer mid-stream: every write it reported (selections,
    bookmarks, notes) is on disk, whole."""
    path = tmp_path / "userdata.sqlite"
    proc = subprocess.Popen([sys.executable, "-c", WRITER, str(path)],
                            stdout=subprocess.PIPE, text=True, cwd=ROOT,
                            env={**os.environ, "PYTHONPATH": str(ROOT)})
    reported = -1
    for line in proc.stdout:
        reported = int(line)
        if reported >= 15:
            break
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert reported >= 15
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    with SelectionStore(path) as s:
        items = s.items()
        names = {n.name: n.count for n in s.named()}
        bookmarks = {b.paragraph_id: (b.folder, b.title) for b in s.bookmarks()}
        notes = [(n.paragraph_id, n.text) for n in s.notes()]
    # Every reported batch is there, and no batch is half there.
    assert len(items) % 50 == 0
    assert len(items) >= (reported + 1) * 50
    for n in range(reported + 1):
        assert names[f"sel{n}"] == (n + 1) * 50
    assert all(count % 50 == 0 for count in names.values())
    # bookmarks and notes: every reported one is there, whole
    for n in range(reported + 1):
        assert bookmarks[f"P{n}-0"] == (f"folder{n % 3}", f"t{n}")
        assert (f"P{n}-0", f"note {n}") in notes
    assert all(text == f"note {pid[1:].split('-')[0]}" for pid, text in notes)


def test_bookmarks_and_notes_survive_a_restart(tmp_path):
    path = tmp_path / "userdata.sqlite"
    with SelectionStore(path) as s:
        s.add_bookmark("A07/13", "t", "f")
        s.add_note("A07/13", "n")
    with SelectionStore(path) as s:
        assert [(b.paragraph_id, b.folder, b.title) for b in s.bookmarks()] == [("A07/13", "f", "t")]
        assert [n.text for n in s.notes()] == ["n"]
