"""desktop.app.reader_caret: caret browsing in the reader. The caret is at the
start of the opened paragraph by every route, arrows move it, Tab reaches a
link and Return follows it, the Menu key and Shift+F10 open the menu of the
paragraph the caret is in."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt, QUrl
from PySide6.QtGui import QAccessible, QContextMenuEvent
from PySide6.QtWidgets import QApplication, QMenu

from desktop.app import reader_access
from desktop.content.render import para_href
from tests.helpers.reader_qt import accessible, caret_at_start_of, caret_paragraph, paragraph_block

OPENED = "A07/13"


@pytest.fixture
def window(make_window, content_db_path):
    win = make_window(content_db_path)
    win.open_start(OPENED)   # the route --open takes
    return win


def test_caret_is_at_the_start_of_the_opened_paragraph(window):
    assert window.reader.current_paragraph_id() == OPENED
    assert caret_at_start_of(window, OPENED)
    text = accessible(window.reader).textInterface()
    start = text.cursorPosition()
    words = " ".join(window.store.paragraph(OPENED).text.split()[:4])
    assert words in " ".join(text.text(start, start + 80).split())


@pytest.mark.parametrize("route", ["tree", "link", "links_panel", "history", "window"])
def test_every_route_puts_the_caret_in_the_opened_paragraph(window, route):
    reader = window.reader
    other = "A07/15"
    if route == "tree":
        window.tree_view.setCurrentIndex(window.tree_model.index_for_paragraph(other))
    elif route == "link":
        reader.anchorClicked.emit(QUrl(para_href(other)))
    elif route == "links_panel":
        window.links_panel.paragraphRequested.emit(other)
    elif route == "history":
        window.open_paragraph(other)
        window.open_paragraph("A07/20")
        window.back_action.trigger()
    else:
        window.open_paragraph(other)
    assert reader.current_paragraph_id() == other
    assert caret_at_start_of(window, other)
    assert caret_paragraph(window) == other
    assert window.store.paragraph(other).citation in reader_access.ANNOUNCED[-1]


def test_arrow_keys_move_the_caret_through_the_text(window, qtbot):
    reader = window.reader
    reader.setFocus()
    flags = reader.textInteractionFlags()
    assert flags & Qt.TextInteractionFlag.TextSelectableByKeyboard
    assert flags & Qt.TextInteractionFlag.LinksAccessibleByKeyboard
    before = reader.textCursor().position()
    qtbot.keyClick(reader, Qt.Key.Key_Down)
    assert reader.textCursor().position() > before
    qtbot.keyClick(reader, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    assert reader.textCursor().position() == len(reader.toPlainText())


def test_tab_reaches_a_link_and_tells_which(window, qtbot):
    reader = window.reader
    reader.setFocus()
    reader.setTextCursor(reader.cursorForPosition(QPoint(0, 0)))
    cursor = reader.textCursor()
    cursor.setPosition(0)
    reader.setTextCursor(cursor)
    qtbot.keyClick(reader, Qt.Key.Key_Tab)
    cursor = reader.textCursor()
    assert cursor.hasSelection()
    iface = accessible(reader)
    focus = iface.focusChild()
    assert focus is not None and focus.role() == QAccessible.Role.Link
    assert focus.state().focused
    # Return follows it, and the caret lands in the target paragraph
    target = focus.text(QAccessible.Text.Value)
    qtbot.keyClick(reader, Qt.Key.Key_Return)
    if target.startswith("para:"):
        assert reader.current_paragraph_id() == target[len("para:"):]
        assert caret_at_start_of(window, target[len("para:"):])


def _open_menu_by_keyboard(reader, how, qtbot):
    reader.setFocus()
    if how == "menu-key":
        at = reader.cursorRect().center()
        event = QContextMenuEvent(QContextMenuEvent.Reason.Keyboard, at,
                                  reader.viewport().mapToGlobal(at))
        QApplication.sendEvent(reader.viewport(), event)
    else:
        qtbot.keyClick(reader, Qt.Key.Key_F10, Qt.KeyboardModifier.ShiftModifier)
    menu = getattr(reader, "caret_menu", None)
    assert isinstance(menu, QMenu) and menu.isVisible()
    return menu


@pytest.mark.parametrize("how", ["menu-key", "shift-f10"])
def test_paragraph_menu_from_the_keyboard(window, qtbot, how, app):
    reader = window.reader
    # the caret in another paragraph: the menu is that paragraph's
    other = paragraph_block(reader, "A07/14")
    cursor = reader.textCursor()
    cursor.setPosition(other.position() + 3)
    reader.setTextCursor(cursor)
    menu = _open_menu_by_keyboard(reader, how, qtbot)
    texts = [a.text() for a in menu.actions() if a.text()]
    assert texts[:2] == ["نسخ مع الإحالة", "ما يحيل إلى هذه الفقرة"]
    menu.actions()[0].trigger()
    menu.close()
    copied = QApplication.clipboard().text()
    assert window.store.paragraph("A07/14").citation in copied
