"""The guard against PySide6's dropped references to None (Python 3.11)."""

import sys

import pytest

from desktop.export import none_guard

pytestmark = pytest.mark.skipif(not none_guard.AFFECTED, reason="None is immortal on 3.12+")


def test_guarded_gives_back_what_void_qt_calls_drop(qapp):
    from PySide6.QtWidgets import QLabel
    label = QLabel()
    before = sys.getrefcount(None)
    with none_guard.guarded():
        for _ in range(200):
            label.setText("x")
    # Without the guard 200 calls lose 200 references; a few may differ
    # legitimately (frames of the context manager).
    assert sys.getrefcount(None) >= before - 10


def test_top_up_gives_head_room():
    none_guard.top_up(sys.getrefcount(None) + 1000)
    assert sys.getrefcount(None) >= 1000
    assert none_guard.top_up(10) == 0


def test_many_exported_pages_do_not_exhaust_none(qapp, tmp_path, fixture_db):
    """6 000 pages' worth of void calls used to abort the interpreter."""
    from desktop.export.model import ExportOptions, gather_items
    from desktop.export.pdf import write_pdf
    items = gather_items(fixture_db, [f"A09/{n}" for n in range(1, 61)])
    before = sys.getrefcount(None)
    for _ in range(3):
        write_pdf(items, tmp_path / "x.pdf", ExportOptions(one_per_page=True))
    assert sys.getrefcount(None) >= before - 50
