"""Qt's file dialog, right-to-left, with its paths and patterns left to right.

The dialog is Qt's own (AA_DontUseNativeDialogs, desktop.app.application)
and Arabic; laid out right-to-left it showed the folder «/root» as «root/»
and the type «بيانات شخصية (*.json)» as «بيانات شخصية (json.*)». While one
of these functions has a dialog open, each file dialog shown gets its folder
box laid out left to right and its patterns drawn in a left-to-right isolate.
They call QFileDialog's static functions, so the arguments and the answer
are Qt's (and tests may replace those functions).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication, QComboBox, QFileDialog, QWidget

LRI, PDI = "\u2066", "\u2069"


def isolate_pattern(name_filter: str) -> str:
    """«بيانات شخصية (*.json)» with «(*.json)» kept left to right. A filter
    named in Latin («PDF (*.pdf)») already reads right (its brackets pair
    around Latin) and is left as it is: isolating its pattern alone would
    move the pattern before the name."""
    at = name_filter.rfind("(")
    if at < 0 or not name_filter.endswith(")") or LRI in name_filter:
        return name_filter
    if not re.search("[\u0600-\u06ff]", name_filter[:at]):
        return name_filter
    return name_filter[:at] + LRI + name_filter[at:] + PDI


def tidy(dialog: QFileDialog) -> None:
    look_in = dialog.findChild(QComboBox, "lookInCombo")
    if look_in is not None:
        look_in.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # a path reads left to right
    types = dialog.findChild(QComboBox, "fileTypeCombo")
    if types is not None:
        # display only: the dialog filters by its own list of name filters
        for row in range(types.count()):
            types.setItemText(row, isolate_pattern(types.itemText(row)))


class _TidyOnShow(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and isinstance(watched, QFileDialog):
            tidy(watched)
        return False


@contextmanager
def tidied() -> Iterator[None]:
    """File dialogs shown inside the block are tidied (the filter is only
    there while a dialog is open)."""
    app = QApplication.instance()
    if app is None:           # no application: no dialog to tidy
        yield
        return
    watcher = _TidyOnShow()
    app.installEventFilter(watcher)
    try:
        yield
    finally:
        app.removeEventFilter(watcher)


def save_file_name(parent: QWidget | None, caption: str, directory: str, name_filter: str,
                   options: QFileDialog.Option | None = None) -> tuple[str, str]:
    """QFileDialog.getSaveFileName's (path, chosen filter); ``options`` is
    passed on only when given."""
    with tidied():
        if options is None:
            return QFileDialog.getSaveFileName(parent, caption, directory, name_filter)
        return QFileDialog.getSaveFileName(parent, caption, directory, name_filter,
                                           options=options)


def open_file_name(parent: QWidget | None, caption: str, directory: str, name_filter: str,
                   options: QFileDialog.Option | None = None) -> tuple[str, str]:
    """QFileDialog.getOpenFileName's (path, chosen filter), as save_file_name."""
    with tidied():
        if options is None:
            return QFileDialog.getOpenFileName(parent, caption, directory, name_filter)
        return QFileDialog.getOpenFileName(parent, caption, directory, name_filter,
                                           options=options)
