"""desktop.app.search, the search feature in the window: Ctrl+K puts the
cursor in the search tab's box and Enter opens the hit highlighted (the find
bar under the reader: test_find_bar.py)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.unit.app.test_search_panel import type_text, window  # noqa: F401


def test_ctrl_k_focuses_the_box_and_typing_finds_opens_and_highlights(window, qtbot):
    panel = window.search_panel
    window.navigation.setCurrentIndex(0)
    window.reader.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert window.navigation.currentWidget() is panel
    qtbot.waitUntil(lambda: panel.search_box.hasFocus())

    with qtbot.waitSignal(panel.results_shown, timeout=10000) as blocker:
        type_text(panel.search_box, "الشهود المستضعفين")
    assert blocker.args[0] >= 2
    first = panel.model.result(0)
    assert first.id in {"A07/5", "A07/6"}
    assert "المستضعفين" in first.terms

    qtbot.keyClick(panel.search_box, Qt.Key.Key_Return)
    assert window.reader.current_paragraph_id() == first.id
    doc = window.reader.document().toRawText()
    marked = {doc[s.cursor.selectionStart():s.cursor.selectionEnd()]
              for s in window.reader.extraSelections()}
    assert "المستضعفين" in marked
    assert marked <= set(first.terms) | {t for t in first.terms}
