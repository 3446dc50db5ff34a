"""What a dialog shows in words: every label, button, group, tab, tool tip,
combo entry, header and tool-bar action of a widget tree, for the tests that
check Qt's own dialogs speak Arabic."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QComboBox, QGroupBox,
                               QLabel, QLineEdit, QTabBar, QToolBar, QWidget)

LATIN = re.compile(r"[A-Za-z]{2,}")


def shown_texts(root: QWidget, *, skip_combos: tuple[QComboBox, ...] = ()) -> list[str]:
    """The words of `root` and its visible children (``&`` removed)."""
    texts: list[str] = [root.windowTitle()]
    for widget in [root, *root.findChildren(QWidget)]:
        if widget is not root and not widget.isVisibleTo(root):
            continue
        if widget.toolTip():
            texts.append(widget.toolTip())
        if isinstance(widget, QLabel) and widget.pixmap().isNull():
            texts.append(widget.text())
        elif isinstance(widget, QAbstractButton):
            texts.append(widget.text())
        elif isinstance(widget, QGroupBox):
            texts.append(widget.title())
        elif isinstance(widget, QTabBar):
            texts += [widget.tabText(i) for i in range(widget.count())]
        elif isinstance(widget, QLineEdit):
            texts.append(widget.placeholderText())
        elif isinstance(widget, QComboBox) and widget not in skip_combos:
            texts += [widget.itemText(i) for i in range(widget.count())]
        elif isinstance(widget, QToolBar):
            for action in widget.actions():
                texts += [action.text(), action.toolTip()]
        elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            texts += [str(model.headerData(c, Qt.Orientation.Horizontal) or "")
                      for c in range(model.columnCount())]
    return [t.replace("&", "") for t in texts if t]


def latin(texts: list[str], allowed: tuple[str, ...] = ()) -> list[str]:
    """The texts with a Latin word left once the allowed words are removed."""
    left = []
    for text in texts:
        rest = text
        for word in allowed:
            rest = rest.replace(word, "")
        if LATIN.search(rest):
            left.append(text)
    return sorted(set(left))
