"""Selection edits can be undone and redone (Ctrl+Z / Ctrl+Shift+Z), and
adding more than 20 paragraphs at once asks first."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox


@pytest.fixture
def window(make_window, content_db_path):
    from desktop.app.selection import install_selection
    win = make_window(content_db_path)
    install_selection(win, ":memory:")
    return win


def test_undo_and_redo_every_kind_of_edit(window, qtbot):
    panel = window.selection_panel
    panel.add_paragraphs(["A07/13", "A07/14"])
    panel.add_paragraphs(["B6-r4/1"])
    panel.list.setCurrentRow(0)
    panel.move_current(1)
    assert panel.selection.items() == ["A07/14", "A07/13", "B6-r4/1"]
    panel.list.clearSelection()
    panel.list.setCurrentRow(2)
    panel.remove_selected()
    assert panel.selection.items() == ["A07/14", "A07/13"]
    panel.clear(confirm=False)
    assert panel.selection.items() == []
    window.reader.setFocus()
    qtbot.keyClick(window.reader, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert panel.selection.items() == ["A07/14", "A07/13"]           # clear undone
    window.selection_undo_action.trigger()
    assert panel.selection.items() == ["A07/14", "A07/13", "B6-r4/1"]  # remove undone
    window.selection_undo_action.trigger()
    assert panel.selection.items() == ["A07/13", "A07/14", "B6-r4/1"]  # move undone
    qtbot.keyClick(window.reader, Qt.Key.Key_Z,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert panel.selection.items() == ["A07/14", "A07/13", "B6-r4/1"]  # move redone
    assert [panel.list.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(panel.list.count())] == panel.selection.items()
    assert "تراجع عن" in window.selection_undo_action.text()
    assert window.selection_undo_action in window.menu("file").actions()


def test_a_document_node_asks_before_adding_56(window, qtbot, monkeypatch):
    panel = window.selection_panel
    asked = []

    def answer(value):
        def question(*args, **kwargs):
            asked.append(args[2])
            return value
        return question

    tree = window.tree_view
    from desktop.app.selection import add_from_focus
    # the tree's document node for the migrant-smuggling report
    top = [window.tree_model.index(r, 0) for r in range(window.tree_model.rowCount())]
    node = next(i for i in top if window.tree_model.key(i)[1].startswith("som"))
    tree.setCurrentIndex(node)
    tree.setFocus()
    everything = window.store.paragraphs_under(window.tree_model.key(node)[1])
    assert len(everything) == 56
    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.No))
    assert add_from_focus(window, panel) == 0 and panel.selection.items() == []
    assert "56 فقرة" in asked[-1]
    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Yes))
    assert add_from_focus(window, panel) == 56
    window.selection_undo_action.trigger()
    assert panel.selection.items() == []
    # twenty or fewer: no question
    asked.clear()
    panel.add_paragraphs(everything[:3], confirm=True)
    assert asked == [] and len(panel.selection.items()) == 3
