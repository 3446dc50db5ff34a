"""desktop.app.finder_panel: a draft pasted into «البحث عن صياغة متفق عليها»,
its closest paragraphs opened, added and copied, through the real window
(pytest-qt, offscreen)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop.app.finder import install_finder
from desktop.app.search_results import HTML_ROLE
from desktop.app.selection import install_selection

DRAFT = ("ينبغي للدول الأطراف أن تنظر في تعيين موظفين مدربين على تقديم المساعدة للضحايا "
         "ضمن مكاتب النيابة العامة، وفقا لتشريعاتها الداخلية.")


@pytest.fixture
def window(make_window, content_db_path):
    w = make_window(content_db_path)
    install_finder(w, install_selection(w, ":memory:"))
    return w


def test_paste_a_draft_then_open_add_and_copy_the_closest(window, qtbot):
    window.reader.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_F,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    panel = window.finder_panel
    assert panel.dock.isVisible()
    qtbot.waitUntil(lambda: panel.draft.hasFocus())

    QApplication.clipboard().setText(DRAFT)
    with qtbot.waitSignal(panel.results_shown, timeout=10000) as blocker:
        panel.draft.paste()  # found after the typing pause, no button needed
    assert blocker.args[0] >= 3
    first = panel.current_match()
    assert first.id == "A07/7" and 0.5 < first.score < 1.0
    assert panel.results.count() == len(panel.matches)
    # the list shows the citation, the figure and the shared wording
    html = panel.results.item(0).data(HTML_ROLE)
    assert "الجزء ألف، سابعاً-7" in html and "٪" in html and "background-color" in html
    # side by side: what the draft adds, what it drops
    assert "وفقا لتشريعاتها الداخلية" in panel.diff_for("A07/7").added[-1]
    assert "حسبما يكون مناسباً" in panel.diff_for("A07/7").dropped
    assert "line-through" in panel.agreed_view.toHtml()
    assert "موظفين" in panel.draft_view.toPlainText()
    assert "يضيف المشروع" in panel.compare_title.text()

    qtbot.mouseClick(panel.open_button, Qt.MouseButton.LeftButton)
    assert window.reader.current_paragraph_id() == "A07/7"

    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    assert window.selection_panel.ids() == ["A07/7"]

    qtbot.mouseClick(panel.copy_button, Qt.MouseButton.LeftButton)
    copied = QApplication.clipboard().text()
    assert "مكاتب النيابة العامة" in copied and "الجزء ألف، سابعاً-7" in copied

    # the same three from the result's context menu
    menu = panel.result_menu()
    assert [a.text() for a in menu.actions()] == ["فتح", "أضف إلى المختارات", "نسخ مع الإحالة"]
    panel.results.setCurrentRow(1)
    second = panel.current_match()
    panel.result_menu().actions()[0].trigger()
    assert window.reader.current_paragraph_id() == second.id
    assert second.id != "A07/7" and second.score <= first.score
    assert second.citation in panel.compare_title.text()


def test_bad_drafts_give_a_message_in_the_panel(window, qtbot):
    from desktop.app.finder import show_finder

    panel = show_finder(window)
    for text in ["؟؟ !! ...", "حماية الشهود " * 8000]:
        with qtbot.waitSignal(panel.message_shown, timeout=5000) as blocker:
            panel.set_draft(text, immediately=True)
        assert panel.results.count() == 0
        assert any("\u0600" <= ch <= "\u06ff" for ch in blocker.args[0])
        assert not panel.open_button.isEnabled() and not panel.copy_button.isEnabled()
    # Qt turns a lone surrogate into U+FFFD on the way in: still a search
    panel.set_draft("حماية\ud800 الشهود", immediately=True)
    assert panel.results.count() > 0 and panel.open_button.isEnabled()
