"""Mouse Back/Forward buttons move through the reader's history, anywhere in
the main window. Made and installed on the first idle turn after the first
paint (MainWindow._install_mouse_filter): its QWindow exists by then, and
this module is not loaded before the first paint.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QWidget


class HistoryButtons(QObject):
    """Mouse back/forward buttons anywhere in the window move through history:
    it filters the window's QWindow, which gets each mouse press before the
    widget under the pointer (a floating dock or a dialog is a window of its own)."""

    def __init__(self, window: QWidget, back: Callable[[], object], forward: Callable[[], object]):
        super().__init__(window)
        self.window, self.back, self.forward = window, back, forward

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.MouseButtonPress and isinstance(event, QMouseEvent) \
                and watched is self.window.windowHandle():
            if event.button() == Qt.MouseButton.BackButton:
                self.back()
                return True
            if event.button() == Qt.MouseButton.ForwardButton:
                self.forward()
                return True
        return False
