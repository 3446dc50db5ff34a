"""The reader as a screen reader sees it (Qt's accessibility interfaces):
a document with the unit's text, its links and footnote markers as named
children, the caret at the start of the opened paragraph by every route,
caret browsing, the paragraph menu from the keyboard, and announcements."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt, QUrl
from PySide6.QtGui import QAccessible, QAccessibleActionInterface, QContextMenuEvent
from PySide6.QtWidgets import QApplication, QMenu

from desktop.app import reader_access
from desktop.content.render import para_href
from tests.helpers.reader_qt import paragraph_block

OPENED = "A07/13"


@pytest.fixture
def window(make_window, content_db_path):
    win = make_window(content_db_path)
    win.open_start(OPENED)   # the route --open takes
    return win


def _iface(reader):
    iface = QAccessible.queryAccessibleInterface(reader)
    assert iface is not None
    return iface


def _links(iface):
    return [iface.child(i) for i in range(iface.childCount())
            if iface.child(i).role() == QAccessible.Role.Link]


def _caret_paragraph(window):
    reader = window.reader
    return reader.paragraph_of_block(reader.textCursor().blockNumber())


def _caret_at_start_of(window, pid):
    reader = window.reader
    text = _iface(reader).textInterface()
    block = paragraph_block(reader, pid)
    return text.cursorPosition() == block.position() == reader.textCursor().position()


def test_reader_is_a_document_whose_text_is_the_unit(window):
    iface = _iface(window.reader)
    assert iface.role() == QAccessible.Role.Document
    assert iface.text(QAccessible.Text.Name) == "نص الخلاصة"
    assert iface.text(QAccessible.Text.Description) == window.store.paragraph(OPENED).citation
    text = iface.textInterface()
    plain = window.reader.toPlainText()
    assert text.characterCount() == len(plain)
    # the same text offset for offset (toPlainText turns no-break spaces into spaces)
    assert text.text(0, text.characterCount()).replace("\xa0", " ") == plain
    assert iface.state().readOnly and iface.state().focusable


def test_caret_is_at_the_start_of_the_opened_paragraph(window):
    assert window.reader.current_paragraph_id() == OPENED
    assert _caret_at_start_of(window, OPENED)
    text = _iface(window.reader).textInterface()
    start = text.cursorPosition()
    words = " ".join(window.store.paragraph(OPENED).text.split()[:4])
    assert words in " ".join(text.text(start, start + 80).split())


def test_links_are_children_named_with_their_targets_citation(window):
    links = _links(_iface(window.reader))
    targets = [l for l in window.store.links_from(
        p.id for p in window.store.unit_paragraphs("A07"))]
    assert len(links) >= 1
    names = [l.text(QAccessible.Text.Name) for l in links]
    for link in links:
        assert link.text(QAccessible.Text.Name), "a link without a name"
        assert link.state().focusable
        assert link.parent() is not None
    cited = {window.store.paragraph(t.to_id).citation for t in targets
             if window.store.paragraph(t.to_id)}
    assert any(c and c in n for c in cited for n in names), (names, cited)


def test_footnote_markers_are_separate_named_references(make_window, content_db_path):
    win = make_window(content_db_path)
    store = win.store
    note = store.footnotes(["A02/2"])[0]
    win.open_paragraph(note.paragraph_id)
    links = _links(_iface(win.reader))
    names = [l.text(QAccessible.Text.Name) for l in links]
    wanted = f"الحاشية {note.number}: "
    assert any(n.startswith(wanted) and note.text[:20] in n for n in names), names


def test_pressing_a_link_follows_it_and_moves_the_caret(window):
    reader = window.reader
    link = next(l for l in _links(_iface(reader))
                if l.text(QAccessible.Text.Value).startswith("para:"))
    target = link.text(QAccessible.Text.Value)[len("para:"):]
    action = link.actionInterface()
    assert QAccessibleActionInterface.pressAction() in action.actionNames()
    action.doAction(QAccessibleActionInterface.pressAction())
    assert reader.current_paragraph_id() == target
    assert _caret_at_start_of(window, target)
    assert reader_access.ANNOUNCED[-1].startswith("تم اتباع الرابط إلى ")
    assert window.store.paragraph(target).citation in reader_access.ANNOUNCED[-1]
    # and back again: the caret returns to the paragraph we came from
    window.back_action.trigger()
    assert _caret_at_start_of(window, OPENED)


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
    assert _caret_at_start_of(window, other)
    assert _caret_paragraph(window) == other
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
    iface = _iface(reader)
    focus = iface.focusChild()
    assert focus is not None and focus.role() == QAccessible.Role.Link
    assert focus.state().focused
    # Return follows it, and the caret lands in the target paragraph
    target = focus.text(QAccessible.Text.Value)
    qtbot.keyClick(reader, Qt.Key.Key_Return)
    if target.startswith("para:"):
        assert reader.current_paragraph_id() == target[len("para:"):]
        assert _caret_at_start_of(window, target[len("para:"):])


def _open_menu_by_keyboard(reader, how, qtbot):
    reader.setFocus()
    if how == "menu-key":
        event = QContextMenuEvent(QContextMenuEvent.Reason.Keyboard, reader.cursorRect().center())
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
