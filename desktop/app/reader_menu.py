"""The reader's context menus: a paragraph's (right click, Menu key,
Shift+F10) and a cross-reference's entries, and "copy with citation".

Features add entries with ``reader.add_paragraph_action(text, callback)``
and ``reader.add_link_action(text, callback)``; the menu is built fresh
each time it opens.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QContextMenuEvent
from PySide6.QtWidgets import QMenu, QWidget

from desktop.app.reader_base import ReaderBase
from desktop.content.render import PARA_SCHEME


@dataclass
class ParagraphAction:
    """An entry of the paragraph context menu: ``callback(paragraph_id)``
    (what it returns is not used); ``text`` may be ``text(paragraph_id)``,
    None leaving the entry out for that paragraph."""

    text: str | Callable[[str], str | None]
    callback: Callable[[str], object]


class ReaderMenus(ReaderBase):
    """Mixed into ReaderView (a QTextBrowser with ``store``,
    ``paragraph_at``, ``caret_paragraph_id`` and ``linksRequested``)."""

    paragraph_actions: list[ParagraphAction]
    link_actions: list[ParagraphAction]

    def add_paragraph_action(self, text: str | Callable[[str], str | None],
                             callback: Callable[[str], object]) -> ParagraphAction:
        """Add an entry to every paragraph's context menu."""
        action = ParagraphAction(text, callback)
        self.paragraph_actions.append(action)
        return action

    def add_link_action(self, text: str | Callable[[str], str | None],
                        callback: Callable[[str], object]) -> ParagraphAction:
        """Add an entry to the context menu of a cross-reference (first in
        the menu); ``callback(target paragraph id)``."""
        action = ParagraphAction(text, callback)
        self.link_actions.append(action)
        return action

    def paragraph_menu(self, paragraph_id: str, parent: QWidget | None = None) -> QMenu:
        """The context menu for one paragraph (built fresh each time)."""
        menu = QMenu(parent or self)
        menu.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        menu.addAction("نسخ مع الإحالة", lambda: self.copy_with_citation(paragraph_id))
        menu.addAction("ما يحيل إلى هذه الفقرة", lambda: self.linksRequested.emit(paragraph_id))
        if self.paragraph_actions:
            menu.addSeparator()
            for action in self.paragraph_actions:
                # text may depend on the paragraph (callable; None hides it)
                text = action.text(paragraph_id) if callable(action.text) else action.text
                if text:
                    menu.addAction(text, functools.partial(action.callback, paragraph_id))
        return menu

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        if event.reason() == event.Reason.Keyboard:
            self.show_caret_menu()
            return
        pid = self.paragraph_at(event.pos())
        if not pid:
            super().contextMenuEvent(event)
            return
        menu = self.paragraph_menu(pid)
        if self.textCursor().hasSelection():
            menu.insertAction(menu.actions()[0], self._copy_selection_action(menu))
        self._add_link_actions(menu, self.anchorAt(event.pos()))
        menu.exec(event.globalPos())

    def show_caret_menu(self) -> QMenu | None:
        """The paragraph menu for the paragraph at the caret (Menu, Shift+F10)."""
        pid = self.caret_paragraph_id()
        if not pid:
            return None
        menu = self.paragraph_menu(pid)
        if self.textCursor().hasSelection():
            menu.insertAction(menu.actions()[0], self._copy_selection_action(menu))
        self._add_link_actions(menu, self.textCursor().charFormat().anchorHref())
        rect = self.cursorRect()
        menu.popup(self.viewport().mapToGlobal(rect.bottomLeft()))
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.caret_menu = menu
        return menu

    def _add_link_actions(self, menu: QMenu, href: str) -> None:
        if not href.startswith(PARA_SCHEME) or not self.link_actions:
            return
        target = href[len(PARA_SCHEME):]
        first = menu.actions()[0] if menu.actions() else None
        for action in self.link_actions:
            text = action.text(target) if callable(action.text) else action.text
            if not text:
                continue
            entry = QAction(text, menu)
            entry.triggered.connect(lambda _=False, cb=action.callback: cb(target))
            if first is None:
                menu.addAction(entry)
            else:
                menu.insertAction(first, entry)
        if first is not None:
            menu.insertSeparator(first)

    def _copy_selection_action(self, menu: QMenu) -> QAction:
        action = menu.addAction("نسخ النص المحدد")
        action.triggered.connect(self.copy)
        return action

    def copy_with_citation(self, paragraph_id: str) -> str:
        """Put the paragraph's text and citation on the clipboard, as the
        selection's copy does (rich and plain text, quality marks, THE
        citation); returns the plain text."""
        from desktop.app.clipboard import copy_items
        from desktop.export.model import gather_items

        if self.store.paragraph(paragraph_id) is None:
            return ""
        return copy_items(gather_items(self.store, [paragraph_id]))
