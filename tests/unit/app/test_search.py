"""The search feature in the window: Ctrl+K puts the cursor in the search
tab's box and Enter opens the hit highlighted; Ctrl+F opens the find bar
under the reader."""

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


def test_find_bar_ctrl_f_finds_within_the_unit_ignoring_diacritics(window, qtbot):
    assert window.open_paragraph("B3-d4/l1")
    bar = window.find_bar
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert bar.isVisible()
    bar.box.setText("يقر")
    assert bar.spans, "يُقرُّ must be found when typed without diacritics"
    assert bar.current_text().startswith("يُقرُّ") or "يُقرّ" in bar.current_text() \
        or bar.current_text().replace("\u064f", "").replace("\u0651", "").startswith("يقر")
    first = bar.current
    qtbot.keyClick(bar.box, Qt.Key.Key_Return)
    assert bar.current == (first + 1) % len(bar.spans)
    cursor = window.reader.textCursor()
    assert (cursor.selectionStart(), cursor.selectionEnd()) == bar.spans[bar.current]
    assert bar.count_label.text().endswith(f"من {len(bar.spans)}")
    qtbot.keyClick(bar.box, Qt.Key.Key_Escape)
    assert not bar.isVisible()


def test_find_bar_matches_clitics_and_keeps_search_highlights(window, qtbot):
    assert window.open_paragraph("A07/6", ["للشهود"])
    base = len(window.reader.extraSelections())
    assert base > 0
    bar = window.find_bar
    bar.open_bar()
    bar.box.setText("الشهود")
    texts = {window.reader.document().toRawText()[s:e] for s, e in bar.spans}
    assert {"للشهود", "والشهود"} <= texts
    assert len(window.reader.extraSelections()) == base + len(bar.spans)
    bar.close_bar()
    assert len(window.reader.extraSelections()) == base
