"""What a screen reader gets from the reader pane.

Qt exposes a QTextBrowser as a static label: no links, no caret worth the
name. This module gives the reader its own accessible interface (a
"document" whose text is the QTextDocument's, offset for offset, so the
caret Qt reports with QAccessibleTextCursorEvent lands where it should) and
one accessible child per link and footnote marker (role Link, named with
the link's words and its target's citation, or «الحاشية N: …»), each with
a "press" action that follows it. Qt's AT-SPI bridge has no Hypertext
interface, so links as children are what Orca and the bus can see.

`announce()` sends out-of-sight news (added to the selection, results
found, link followed) as a QAccessibleAnnouncementEvent (Qt >= 6.8).

PySide6 notes (measured): the factory must be installed after the
QApplication exists or it is never asked; `interface_cast` overrides must
return a shiboken6.VoidPtr (a plain int crashes the bridge); child
interfaces are kept in a pool per reader and reused, never freed while Qt's
accessibility cache may still point at them.
"""

from __future__ import annotations

from collections import deque
from typing import TYPE_CHECKING, TypeGuard

import shiboken6
from PySide6.QtCore import QObject, QPoint, QRect, QSize
from PySide6.QtGui import (QAccessible, QAccessibleActionInterface, QAccessibleAnnouncementEvent,
                           QAccessibleEvent, QAccessibleInterface, QAccessibleTextInterface,
                           QTextCursor, QWindow)
from PySide6.QtWidgets import QAccessibleWidget, QApplication, QWidget

from desktop.app.reader_base import LinkSpan

if TYPE_CHECKING:
    from desktop.app.reader_base import ReaderBase

#: the last announcements sent (newest last), for the status bar and tests
ANNOUNCED: deque[str] = deque(maxlen=50)
_installed = False


def _void(pointer: int) -> shiboken6.VoidPtr:
    return shiboken6.VoidPtr(pointer)


def _pointer(obj: shiboken6.Shiboken.Object) -> int:
    return shiboken6.getCppPointer(obj)[0]


def announce(widget: QWidget, message: str) -> None:
    """Tell assistive technology about a change the user cannot see."""
    if not message:
        return
    ANNOUNCED.append(message)
    event = QAccessibleAnnouncementEvent(widget, message)
    QAccessible.updateAccessibility(event)


def install() -> None:
    """Install the factory once (needs the QApplication: earlier, PySide6's
    factory is never consulted)."""
    global _installed
    if _installed or QApplication.instance() is None:
        return
    QAccessible.installFactory(_factory)
    _installed = True


def _is_reader(obj: QObject | None) -> TypeGuard[ReaderBase]:
    """Qt asks for every object's interface: the reader is the one with links."""
    return getattr(obj, "accessible_links", None) is not None


def _factory(_class_name: str, obj: QObject | None) -> QAccessibleInterface | None:
    if not _is_reader(obj):
        return None
    iface = ReaderAccessible(obj)
    obj._accessible = iface  # the Python half lives as long as the widget
    return iface


class ReaderText(QAccessibleTextInterface):
    """The reader's text, offsets = QTextDocument positions."""

    def __init__(self, reader: ReaderBase):
        super().__init__()
        self.reader = reader

    def _cursor(self, start: int, end: int | None = None) -> QTextCursor:
        count = self.characterCount()
        cursor = QTextCursor(self.reader.document())
        cursor.setPosition(max(0, min(start, count)))
        if end is not None:
            cursor.setPosition(max(0, min(end, count)), QTextCursor.MoveMode.KeepAnchor)
        return cursor

    def characterCount(self) -> int:
        return max(0, self.reader.document().characterCount() - 1)

    def text(self, start: int, end: int) -> str:
        if end < 0:
            end = self.characterCount()
        selected = self._cursor(start, end).selectedText()
        return selected.replace("\u2029", "\n").replace("\u2028", "\n")

    def cursorPosition(self) -> int:
        return self.reader.textCursor().position()

    def setCursorPosition(self, position: int) -> None:
        self.reader.setTextCursor(self._cursor(position))
        self.reader.ensureCursorVisible()

    def selectionCount(self) -> int:
        return 1 if self.reader.textCursor().hasSelection() else 0

    def addSelection(self, start: int, end: int) -> None:
        self.setSelection(0, start, end)

    def setSelection(self, _index: int, start: int, end: int) -> None:
        self.reader.setTextCursor(self._cursor(start, end))

    def removeSelection(self, _index: int) -> None:
        cursor = self.reader.textCursor()
        cursor.clearSelection()
        self.reader.setTextCursor(cursor)

    def characterRect(self, offset: int) -> QRect:
        here = self.reader.cursorRect(self._cursor(offset))
        after = self.reader.cursorRect(self._cursor(offset + 1))
        left = min(here.x(), after.x()) if after.y() == here.y() else here.x()
        width = abs(after.x() - here.x()) if after.y() == here.y() else 1
        top_left = self.reader.viewport().mapToGlobal(QPoint(left, here.y()))
        return QRect(top_left, QSize(max(1, width), here.height()))

    def offsetAtPoint(self, point: QPoint) -> int:
        local = self.reader.viewport().mapFromGlobal(point)
        return self.reader.cursorForPosition(local).position()

    def scrollToSubstring(self, start: int, end: int) -> None:
        self.reader.setTextCursor(self._cursor(start, end))
        self.reader.ensureCursorVisible()


class LinkAction(QAccessibleActionInterface):
    """"press" follows the link (as Return on it does)."""

    def __init__(self, link: "LinkAccessible"):
        super().__init__()
        self.link = link

    def actionNames(self) -> list[str]:
        return [QAccessibleActionInterface.pressAction()]

    def localizedActionName(self, name: str) -> str:
        return "اتباع الرابط" if name == QAccessibleActionInterface.pressAction() else ""

    def localizedActionDescription(self, name: str) -> str:
        return self.localizedActionName(name)

    def doAction(self, name: str) -> None:
        if name == QAccessibleActionInterface.pressAction() and self.link.span:
            self.link.owner.reader.follow_href(self.link.span.href)

    def keyBindingsForAction(self, _name: str) -> list[str]:
        return ["Return"]


class LinkAccessible(QAccessibleInterface):
    """One link or footnote marker of the reader (a pooled slot)."""

    def __init__(self, owner: "ReaderAccessible"):
        super().__init__()
        self.owner = owner
        self.span: LinkSpan | None = None
        self.action = LinkAction(self)

    def isValid(self) -> bool:
        return self.span is not None and shiboken6.isValid(self.owner.reader)

    def object(self) -> QObject | None:  # type: ignore[override]  # None is Qt's nullptr; the stub says never
        return None

    def window(self) -> QWindow | None:  # type: ignore[override]  # None is Qt's nullptr; the stub says never
        return self.owner.reader.window().windowHandle() if self.isValid() else None

    def role(self) -> QAccessible.Role:
        return QAccessible.Role.Link

    def text(self, kind: QAccessible.Text) -> str:
        if self.span is None:
            return ""
        if kind == QAccessible.Text.Name:
            return self.span.name
        if kind == QAccessible.Text.Value:
            return self.span.href
        return ""

    def setText(self, _kind: QAccessible.Text, _text: str) -> None:
        pass

    def rect(self) -> QRect:
        span = self.span
        if span is None or not self.isValid():
            return QRect()
        reader = self.owner.reader
        cursor = QTextCursor(reader.document())
        cursor.setPosition(span.start)
        first = reader.cursorRect(cursor)
        cursor.setPosition(span.end)
        last = reader.cursorRect(cursor)
        local = first.united(last) if first.y() == last.y() else first
        return QRect(reader.viewport().mapToGlobal(local.topLeft()), local.size())

    def state(self) -> QAccessible.State:
        state = QAccessible.State()
        state.focusable = True
        state.linked = True
        state.readOnly = True
        span = self.span
        if span is not None and self.isValid():
            cursor = self.owner.reader.textCursor()
            state.focused = (cursor.selectionStart() == span.start
                             and cursor.selectionEnd() == span.end
                             and self.owner.reader.hasFocus())
            viewport = self.owner.reader.viewport()
            visible = QRect(viewport.mapToGlobal(QPoint(0, 0)), viewport.size())
            state.offscreen = not visible.intersects(self.rect())
            state.invisible = False
        return state

    def parent(self) -> QAccessibleInterface:
        return self.owner

    def child(self, _index: int) -> QAccessibleInterface | None:  # type: ignore[override]  # None is Qt's nullptr; the stub says never
        return None

    def childCount(self) -> int:
        return 0

    def indexOfChild(self, _child: QAccessibleInterface) -> int:
        return -1

    def childAt(self, _x: int, _y: int) -> QAccessibleInterface | None:  # type: ignore[override]  # None is Qt's nullptr; the stub says never
        return None

    def focusChild(self) -> QAccessibleInterface | None:  # type: ignore[override]  # None is Qt's nullptr; the stub says never
        return None

    def relations(self, _match: QAccessible.RelationFlag | None = None
                  ) -> list[tuple[QAccessibleInterface, QAccessible.RelationFlag]]:
        return []

    # PySide6's stubs say int; the bridge needs a VoidPtr (an int crashes it: see above)
    def interface_cast(self, kind: QAccessible.InterfaceType) -> shiboken6.VoidPtr:  # type: ignore[override]
        if kind == QAccessible.InterfaceType.ActionInterface:
            return _void(_pointer(self.action))
        return _void(0)


class ReaderAccessible(QAccessibleWidget):
    """The reader as a read-only document with its links as children."""

    def __init__(self, reader: ReaderBase):
        super().__init__(reader, QAccessible.Role.Document, "")
        self.reader = reader
        self.text_iface = ReaderText(reader)
        self.pool: list[LinkAccessible] = []
        self.count = 0
        self.refresh()

    def refresh(self) -> None:
        """Fill the link slots from the reader's document."""
        spans = self.reader.accessible_links()
        while len(self.pool) < len(spans):
            self.pool.append(LinkAccessible(self))
        for slot, span in zip(self.pool, spans):
            slot.span = span
        for slot in self.pool[len(spans):]:
            slot.span = None
        self.count = len(spans)

    def links(self) -> list[LinkAccessible]:
        return self.pool[:self.count]

    def link_at(self, start: int, end: int) -> LinkAccessible | None:
        for link in self.links():
            if link.span is not None and link.span.start == start and link.span.end == end:
                return link
        return None

    def role(self) -> QAccessible.Role:
        return QAccessible.Role.Document

    def state(self) -> QAccessible.State:
        state = super().state()
        state.readOnly = True
        state.multiLine = True
        state.selectableText = True
        state.focusable = True
        return state

    def _base_count(self) -> int:
        return super().childCount()

    def childCount(self) -> int:
        return self._base_count() + self.count

    def child(self, index: int) -> QAccessibleInterface | None:  # type: ignore[override]  # None is Qt's nullptr; the stub says never
        base = self._base_count()
        if 0 <= index < base:
            return super().child(index)
        if base <= index < base + self.count:
            return self.pool[index - base]
        return None

    def indexOfChild(self, child: QAccessibleInterface) -> int:
        for number, link in enumerate(self.links()):
            if link is child or (child is not None and _pointer(link) == _pointer(child)):
                return self._base_count() + number
        return super().indexOfChild(child)

    def focusChild(self) -> QAccessibleInterface | None:  # type: ignore[override]  # None is Qt's nullptr; the stub says never
        cursor = self.reader.textCursor()
        if cursor.hasSelection():
            link = self.link_at(cursor.selectionStart(), cursor.selectionEnd())
            if link is not None:
                return link
        return super().focusChild()

    # PySide6's stubs say int; the bridge needs a VoidPtr (an int crashes it: see above)
    def interface_cast(self, kind: QAccessible.InterfaceType) -> shiboken6.VoidPtr:  # type: ignore[override]
        if kind == QAccessible.InterfaceType.TextInterface:
            return _void(_pointer(self.text_iface))
        return _void(super().interface_cast(kind))


def reader_interface(reader: ReaderBase) -> ReaderAccessible | None:
    """The reader's accessible interface (created on first ask)."""
    install()
    iface = QAccessible.queryAccessibleInterface(reader)
    found = getattr(reader, "_accessible", None) if iface is not None else None
    return found if isinstance(found, ReaderAccessible) else None


def link_focused(reader: ReaderBase, start: int, end: int) -> bool:
    """Tell AT that keyboard focus is on a link (Tab in the reader selects
    it without any event of Qt's own); True when one was there."""
    iface = getattr(reader, "_accessible", None)
    if not isinstance(iface, ReaderAccessible) or not QAccessible.isActive():
        return False
    link = iface.link_at(start, end)
    if link is None:
        return False
    QAccessible.updateAccessibility(QAccessibleEvent(link, QAccessible.Event.Focus))
    return True


def document_changed(reader: ReaderBase) -> None:
    """The reader shows another document: refill the link slots and tell AT."""
    iface = getattr(reader, "_accessible", None)
    if not isinstance(iface, ReaderAccessible):     # not asked for yet
        return
    iface.refresh()
    if QAccessible.isActive():
        QAccessible.updateAccessibility(QAccessibleEvent(reader, QAccessible.Event.ObjectReorder))
