"""desktop.app.notes_panel: notes from Ctrl+Shift+N and the paragraph menu,
edited from the menu, listed in the notes panel (Ctrl+Shift+M) with their
paragraph's citation; a click opens the paragraph."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.helpers.personal_qt import CTRL_SHIFT, answer_note, personal_window, press


@pytest.fixture
def window(make_window, tiny_db_path, tmp_path, qtbot):
    return personal_window(make_window, tiny_db_path, tmp_path / "ud" / "userdata.sqlite", qtbot)


def test_notes_from_the_keyboard_and_the_paragraph_menu(window, qtbot):
    window.open_paragraph("A07/13")
    answer_note(qtbot, "تُعرض في الاجتماع القادم")
    press(qtbot, window.reader, Qt.Key.Key_N, CTRL_SHIFT)
    store = window.userdata.store
    assert [n.text for n in store.notes("A07/13")] == ["تُعرض في الاجتماع القادم"]

    answer_note(qtbot, "ملاحظة ثانية")
    menu = window.reader.paragraph_menu("A07/13")
    next(a for a in menu.actions() if a.text() == "أضف ملاحظة…").trigger()
    assert len(store.notes("A07/13")) == 2

    menu = window.reader.paragraph_menu("A07/13")
    edits = [a for a in menu.actions() if a.text().startswith("تعديل الملاحظة")]
    assert [a.text() for a in edits] == ["تعديل الملاحظة «تُعرض في الاجتماع القادم»…",
                                         "تعديل الملاحظة «ملاحظة ثانية»…"]
    answer_note(qtbot, "ملاحظة معدّلة")
    edits[1].trigger()
    assert [n.text for n in store.notes("A07/13")][1] == "ملاحظة معدّلة"

    # the mark beside the paragraph, and its hover text
    marks = window.note_marks
    rects = marks.rects()
    assert list(rects) == ["A07/13"]
    rect = rects["A07/13"]
    assert rect.right() < window.reader.viewport().width()
    tip = window.reader.tooltip_at(rect.center())
    assert "تُعرض في الاجتماع القادم" in tip and "ملاحظة معدّلة" in tip
    image = window.reader.viewport().grab().toImage()
    colours = {image.pixelColor(x, y).name() for x in range(rect.left(), rect.right())
               for y in range(max(0, rect.top()), rect.bottom())}
    assert any(c not in ("#ffffff", "#fff8dc", "#ffeeb0") and c != "#000000" for c in colours), colours

    # the notes panel lists them with the paragraph's citation; a click opens it
    press(qtbot, window.reader, Qt.Key.Key_M, CTRL_SHIFT)
    panel = window.notes_panel
    assert panel.dock.isVisible()
    texts = panel.texts()
    assert len(texts) == 2 and all(t.startswith("الجزء ألف، سابعاً-13 — ") for t in texts)
    assert texts[0].endswith("ملاحظة معدّلة")
    window.open_paragraph("B6-r4/1")
    opened = []
    window.reader.paragraphOpened.connect(opened.append)
    item = panel.list.item(0)
    qtbot.mouseClick(panel.list.viewport(), Qt.MouseButton.LeftButton,
                     pos=panel.list.visualItemRect(item).center())
    assert opened[-1] == "A07/13"
