"""Opening the user-data file, or salvaging a damaged one (the page-level
damage cases are in tests/faults/test_userdata_faults.py)."""

from __future__ import annotations

from desktop.userdata import SelectionStore
from desktop.userdata.recovery import move_aside, open_or_recover


def test_a_healthy_file_opens_with_nothing_to_report(tmp_path):
    path = tmp_path / "userdata.sqlite"
    with SelectionStore(path) as store:
        store.add(["A07/13", "A07/12"])
    store, recovery = open_or_recover(path)
    try:
        assert recovery is None
        assert store.items() == ["A07/13", "A07/12"]
    finally:
        store.close()


def test_a_file_that_is_not_a_database_is_moved_aside_not_deleted(tmp_path):
    path = tmp_path / "userdata.sqlite"
    path.write_bytes(b"this is not sqlite" * 100)
    store, recovery = open_or_recover(path)
    try:
        assert recovery is not None
        assert recovery.moved_to.exists() and recovery.moved_to != path
        assert recovery.moved_to.read_bytes() == b"this is not sqlite" * 100
        assert (recovery.selections, recovery.items) == (0, 0)
        assert store.items() == []
        store.add(["A07/13"])
        assert store.items() == ["A07/13"]
    finally:
        store.close()


def test_moving_aside_never_overwrites_an_earlier_copy(tmp_path):
    path = tmp_path / "userdata.sqlite"
    path.write_bytes(b"first")
    first = move_aside(path)
    path.write_bytes(b"second")
    second = move_aside(path)
    assert first != second
    assert (first.read_bytes(), second.read_bytes()) == (b"first", b"second")
