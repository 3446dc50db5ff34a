"""History as a list: Back/Forward drop-downs with citations, Go > السجل,
and Back after a link returning to the paragraph the link was in."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QToolButton

from desktop.app.history_menu import install_history_menus

RLM = "\u200f"


def _window(make_window, tiny_db_path):
    window = make_window(tiny_db_path)
    install_history_menus(window)
    return window


def _click_link(qtbot, reader, text: str, target: str) -> None:
    cursor = reader.document().find(text)
    cursor.setPosition(cursor.selectionStart() + 3)
    point = reader.cursorRect(cursor).center()
    assert reader.anchorAt(point) == f"para:{target}"
    qtbot.mouseClick(reader.viewport(), Qt.MouseButton.LeftButton, pos=point)


def test_back_after_a_link_returns_to_the_paragraph_it_was_in(make_window, tiny_db_path, qtbot):
    window = _window(make_window, tiny_db_path)
    reader = window.reader
    window.open_paragraph("B6-r4/1")      # opened from the tree, say
    # the link is in B6-r4/pp1, another paragraph of the same page
    _click_link(qtbot, reader, "الفقرة 2 أعلاه", "A07/13")
    assert reader.current_paragraph_id() == "A07/13"
    window.back_action.trigger()
    assert reader.current_paragraph_id() == "B6-r4/pp1"
    window.back_action.trigger()
    assert reader.current_paragraph_id() == "B6-r4/1"


def test_back_and_forward_drop_down_the_visited_paragraphs(make_window, tiny_db_path):
    window = _window(make_window, tiny_db_path)
    reader = window.reader
    for pid in ("A07/12", "A07/13", "B6-r4/1", "B6-r4/annex/1"):
        window.open_paragraph(pid)
    reader.back()
    button = window.toolbar.widgetForAction(window.back_action)
    assert isinstance(button, QToolButton) and button.menu() is window.history_back_menu
    assert button.popupMode() == QToolButton.ToolButtonPopupMode.MenuButtonPopup
    window.history_back_menu.aboutToShow.emit()
    labels = [a.text().lstrip(RLM) for a in window.history_back_menu.actions()]
    assert [label.split(" — ")[0] for label in labels] == ["الجزء ألف، سابعاً-13", "الجزء ألف، سابعاً-12"]
    assert labels[1].split(" — ")[1].startswith("ينبغي للدول أن تعزّز")
    window.history_forward_menu.aboutToShow.emit()
    forward = window.history_forward_menu.actions()
    assert [a.text().lstrip(RLM).split(" — ")[0] for a in forward] == ["الجزء باء، القرار 4/6، المرفق، 1"]
    window.history_back_menu.actions()[1].trigger()
    assert reader.current_paragraph_id() == "A07/12"
    assert len(reader.history.entries()) == 4  # a jump does not grow the history
    assert window.forward_action.isEnabled() and not window.back_action.isEnabled()

    # Go > السجل: the whole list, newest first, the current one checked
    menu = window.history_menu
    assert menu.menuAction() in window.menu("go").actions()
    menu.aboutToShow.emit()
    entries = menu.actions()
    assert len(entries) == 4
    assert [a.isChecked() for a in entries] == [False, False, False, True]
    entries[0].trigger()
    assert reader.current_paragraph_id() == "B6-r4/annex/1"


def test_hovering_a_link_previews_its_target(make_window, tiny_db_path, qtbot):
    from PySide6.QtCore import QEvent, QPoint
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QApplication, QToolTip

    window = _window(make_window, tiny_db_path)
    reader = window.reader
    window.open_paragraph("B6-r4/pp1")
    cursor = reader.document().find("الفقرة 2 أعلاه")
    cursor.setPosition(cursor.selectionStart() + 3)
    point = reader.cursorRect(cursor).center()
    assert reader.anchorAt(point) == "para:A07/13"
    tip = reader.tooltip_at(point)
    lines = tip.split("\n")
    # THE full citation (desktop.content.citations), then the first lines
    assert lines[0] == "الجزء ألف، سابعاً-13، الوثيقة CTOC/COP/WG.2/2013/5، الفقرة 34"
    assert lines[2].startswith("\u200f13 ينبغي للدول أن تنظر في حماية الشهود")
    assert all(line.startswith("\u200f") for line in lines[2:])  # each line right-to-left
    # shown by a real hover event
    event = QHelpEvent(QEvent.Type.ToolTip, point, reader.viewport().mapToGlobal(point))
    QApplication.sendEvent(reader.viewport(), event)
    qtbot.waitUntil(QToolTip.isVisible)
    assert QToolTip.text() == tip
    QToolTip.hideText()
