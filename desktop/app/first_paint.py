"""What waits for the first paint: ``AfterFirstPaint`` runs the window's idle work.

The main window (desktop.app.main_window, ``when_idle``) queues what the
first paint does not need; this filter starts it on the event-loop turn
after the reader's first paint, so the start paragraph is on screen first.

A key must not be lost meanwhile: some of the queued work adds actions
with shortcuts (the search tab's Ctrl+K, the find bar's Ctrl+F). From the
first paint until the work has run, a filter on the application watches
for keys; a key that comes first runs the work at once, before Qt looks
its shortcut up (the ShortcutOverride event comes before the lookup), so
the shortcut it names is there. The filter is put on at the paint, not
before: a Python filter on the application is called for every event,
and the first one about an object Qt made builds the Python types of all
QObject classes (~30 ms), which the first paint need not wait for.
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

#: the events that come before a key's shortcut is looked up or typed
KEY_EVENTS = (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress)


class AfterFirstPaint(QObject):
    """Calls ``then`` (once) on the event-loop turn after ``widget``'s first
    paint, or at once should a key come before that turn."""

    def __init__(self, widget: QWidget, then: Callable[[], None]):
        super().__init__(widget)
        self._widget = widget
        self._then: Callable[[], None] | None = then
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Paint and watched is self._widget:
            watched.removeEventFilter(self)
            app = QApplication.instance()
            if app is not None:
                app.installEventFilter(self)
            QTimer.singleShot(0, self.finish)
        elif kind in KEY_EVENTS and self._then is not None:
            self.finish()
        return False

    def finish(self) -> None:
        """Run ``then`` now, if it has not run."""
        self._widget.removeEventFilter(self)
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        then, self._then = self._then, None
        if then is not None:
            then()
