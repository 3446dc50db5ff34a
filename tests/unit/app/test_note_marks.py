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


def test_a_mark_beside_each_noted_paragraph_shown_and_its_notes_on_hover(window, qtbot):
    from desktop.app.note_marks import MARGIN
    from desktop.userdata.stamps import local_text

    reader, marks = window.reader, window.note_marks
    window.open_paragraph("A07/12")
    assert marks.rects() == {} and reader._side_margin == 0  # no notes: no room taken
    store = window.userdata.store
    first = store.add_note("A07/13", "أولى")
    second = store.add_note("A07/13", "ثانية")
    store.add_note("B6-r4/1", "في وحدة أخرى")
    window.userdata.changed.emit()  # as the note dialog does
    rects = marks.rects()
    assert list(rects) == ["A07/13"]  # only paragraphs of the unit shown
    assert reader._side_margin == MARGIN
    rect = rects["A07/13"]
    assert rect.right() < reader.viewport().width() and rect.left() >= reader.viewport().width() - MARGIN
    # level with its paragraph, not with the unit's first one, when scrolled too
    window.resize(420, 300)
    for _ in range(6):
        window.zoom_in_action.trigger()
    qtbot.waitUntil(lambda: reader.verticalScrollBar().maximum() > 40)
    reader.verticalScrollBar().setValue(40)
    rect = marks.rects()["A07/13"]
    block = next(b for b in range(reader.document().blockCount())
                 if reader.paragraph_of_block(b) == "A07/13")
    top = reader.document().documentLayout().blockBoundingRect(
        reader.document().findBlockByNumber(block)).top()
    assert abs(rect.top() - (top - reader.verticalScrollBar().value())) <= 1
    assert marks.tooltip(rect.center()) == (f"{local_text(first.created)}: أولى\n"
                                            f"{local_text(second.created)}: ثانية")
    assert marks.tooltip(rect.center() - rect.topLeft()) == ""  # the text, not the mark
    window.open_paragraph("B6-r4/1")  # another unit: its own marks
    assert list(marks.rects()) == ["B6-r4/1"]
