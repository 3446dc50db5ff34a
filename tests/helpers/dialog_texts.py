"""What a dialog shows in words: every label, button, group, tab, tool tip,
combo entry, header and tool-bar action of a widget tree, for the tests that
check Qt's own dialogs speak Arabic."""

from __future__ import annotations

import os
import re

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QComboBox,
                               QGroupBox, QLabel, QLineEdit, QTabBar, QTabWidget, QToolBar, QWidget)

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


#: Latin that is not English: the format's name, key caps; paths and file-type lists are skipped.
ALLOWED = ("PDF", "Ctrl", "Shift", "Alt")  # keycaps are printed in Latin


def save_shot(widget, name: str) -> None:
    """Save a PNG of `widget` into $SCREENSHOTS, when that is set."""
    folder = os.environ.get("SCREENSHOTS")
    if folder:
        widget.grab().save(os.path.join(folder, f"dialog-{name}.png"))


def caught(qtbot, open_it, name: str, *, before_close=None) -> list[str]:
    """Run `open_it` (which blocks in a modal dialog); read the dialog's
    words while it is open, then close it. Returns its English words."""
    seen: dict = {}

    def inspect():
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, inspect)
            return
        QApplication.processEvents()
        if before_close is not None:
            before_close(dialog)
            QApplication.processEvents()
        skip = tuple(c for c in dialog.findChildren(QComboBox)
                     if c.objectName() in ("lookInCombo", "fileTypeCombo"))
        seen["texts"] = shown_texts(dialog, skip_combos=skip)
        for tabs in dialog.findChildren(QTabWidget):  # every page, not just the first
            for page in range(tabs.count()):
                tabs.setCurrentIndex(page)
                QApplication.processEvents()
                seen["texts"] += shown_texts(dialog, skip_combos=skip)
        seen["kind"] = type(dialog)
        seen["combos"] = {c.objectName(): (c.layoutDirection(), c.currentText())
                          for c in dialog.findChildren(QComboBox) if c.objectName()}
        save_shot(dialog, name)
        dialog.reject()

    QTimer.singleShot(0, inspect)
    open_it()
    assert seen, f"no modal dialog for {name}"
    assert len(seen["texts"]) >= 3, seen["texts"]
    seen["latin"] = latin(seen["texts"], ALLOWED)
    return seen
