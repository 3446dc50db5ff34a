"""desktop.app.note_marks: the mark in the reader's right margin beside each
paragraph with notes, its hover text, and its going when the notes go."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from tests.helpers.personal_qt import personal_window, press


@pytest.fixture
def window(make_window, tiny_db_path, tmp_path, qtbot):
    return personal_window(make_window, tiny_db_path, tmp_path / "ud" / "userdata.sqlite", qtbot)


def test_deleting_a_note_removes_its_mark(window, qtbot, monkeypatch):
    store = window.userdata.store
    note = store.add_note("A07/12", "وحيدة")
    window.userdata.changed.emit()
    window.open_paragraph("A07/12")
    assert list(window.note_marks.rects()) == ["A07/12"]
    window.show_notes_action.trigger()
    panel = window.notes_panel
    panel.list.setCurrentRow(0)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    press(qtbot, panel.list, Qt.Key.Key_Delete, Qt.KeyboardModifier.NoModifier)
    assert store.note(note.id) is None
    assert window.note_marks.rects() == {}
    assert panel.texts() == [] and panel.empty.isVisibleTo(panel)
