"""Full screen «ملء الشاشة» (F11; Esc leaves it) and a reading mode
«وضع القراءة» (Ctrl+Shift+R) that hides the navigation tabs (contents,
index, search), every dock and the toolbars, leaving the reader with the
menu and status bars. The same key (or the View menu, or the reader's
context menu) brings back exactly the layout there was.

The text at the top of the reader stays there as the reader widens or
narrows. Neither mode is remembered: closing the window in either first puts the
ordinary layout back, so that what the window saves is that layout.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QEvent, QObject, QPoint, Qt, QTimer
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QTextCursor
from PySide6.QtWidgets import QDockWidget, QToolBar

if TYPE_CHECKING:
    from desktop.app.main_window import MainWindow

FULL_SCREEN_TEXT = "ملء الشاشة"
FULL_SCREEN_KEY = "F11"
READING_TEXT = "وضع القراءة"
LEAVE_READING_TEXT = "الخروج من وضع القراءة"
READING_KEY = "Ctrl+Shift+R"
#: how long after a change of mode a resize of the reader keeps its text in view
KEEP_MS = 500


class ScreenModes(QObject):
    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window = window
        #: the layout before reading mode: (window state, splitter state,
        #: the navigation tabs shown); None outside reading mode
        self._saved: tuple[QByteArray, QByteArray, bool] | None = None
        self._was_maximized = False
        #: the document position at the reader's top before a change of size
        self._top_position: int | None = None

        self.full_screen_action = QAction(FULL_SCREEN_TEXT, window)
        self.full_screen_action.setObjectName("action-full-screen")
        self.full_screen_action.setCheckable(True)
        self.full_screen_action.setShortcut(QKeySequence(FULL_SCREEN_KEY))
        self.full_screen_action.setToolTip("ملء الشاشة (F11؛ Esc للخروج)")
        self.full_screen_action.toggled.connect(self.set_full_screen)

        self.reading_action = QAction(READING_TEXT, window)
        self.reading_action.setObjectName("action-reading-mode")
        self.reading_action.setCheckable(True)
        self.reading_action.setShortcut(QKeySequence(READING_KEY))
        self.reading_action.setToolTip("النص وحده، بلا لوحات ولا أشرطة أدوات (Ctrl+Shift+R)")
        self.reading_action.toggled.connect(self.set_reading)

        for action in (self.full_screen_action, self.reading_action):
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            window.addAction(action)
        window.installEventFilter(self)
        window.reader.viewport().installEventFilter(self)

    # the text in view stays in view while the reader changes size

    def _keep_text(self) -> None:
        reader = self.window.reader
        viewport = reader.viewport()
        self._top_position = reader.cursorForPosition(
            QPoint(viewport.width() - 4, 4)).position()
        QTimer.singleShot(KEEP_MS, self._kept)

    def _kept(self) -> None:
        self._top_position = None

    def _restore_text(self) -> None:
        if self._top_position is None:
            return
        reader = self.window.reader
        reader.document().documentLayout().documentSize()   # laid out at the new width
        cursor = QTextCursor(reader.document())
        cursor.setPosition(min(self._top_position, reader.document().characterCount() - 1))
        bar = reader.verticalScrollBar()
        top = reader.cursorRect(cursor).top()
        bar.setValue(bar.value() + top - 4)

    # full screen

    def set_full_screen(self, on: bool) -> None:
        window = self.window
        if on != window.isFullScreen():
            self._keep_text()
        if on and not window.isFullScreen():
            self._was_maximized = window.isMaximized()
            window.showFullScreen()
        elif not on and window.isFullScreen():
            if self._was_maximized:
                window.showMaximized()
            else:
                window.showNormal()
        self.full_screen_action.setChecked(window.isFullScreen())

    # reading mode

    def reading(self) -> bool:
        return self._saved is not None

    def set_reading(self, on: bool) -> None:
        window = self.window
        if on != self.reading():
            self._keep_text()
        if on and self._saved is None:
            self._saved = (window.saveState(), window.splitter.saveState(),
                           not window.navigation.isHidden())
            for widget in window.findChildren(QDockWidget) + window.findChildren(QToolBar):
                if widget.parent() is window:
                    widget.hide()
            window.navigation.hide()
            window.reader.setFocus(Qt.FocusReason.OtherFocusReason)
            window.statusBar().showMessage(
                f"{READING_TEXT}: {READING_KEY} يعيد اللوحات", 4000)
        elif not on and self._saved is not None:
            state, splitter, navigation = self._saved
            self._saved = None
            window.navigation.setVisible(navigation)
            window.restoreState(state)
            window.splitter.restoreState(splitter)
        self.reading_action.setChecked(self.reading())

    # Esc, the window's own full-screen changes, closing

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and self._top_position is not None \
                and watched is self.window.reader.viewport():
            QTimer.singleShot(0, self._restore_text)   # once the page is laid out again
        if watched is self.window:
            kind = event.type()
            if kind == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) \
                    and event.key() == Qt.Key.Key_Escape \
                    and self.window.isFullScreen():
                # Esc that nothing inside the window wanted
                self.set_full_screen(False)
                return True
            if kind == QEvent.Type.WindowStateChange:
                self.full_screen_action.setChecked(self.window.isFullScreen())
            elif kind == QEvent.Type.Close:
                # the window saves its layout next: the ordinary one
                self.set_reading(False)
                self.set_full_screen(False)
        return False


def install_screen_modes(window: MainWindow) -> ScreenModes:
    """F11 and Ctrl+Shift+R in the View menu; reading mode in the reader's
    context menu too."""
    modes = ScreenModes(window)
    window.screen_modes = modes
    view = window.menu("view")
    view.addSeparator()
    view.addAction(modes.full_screen_action)
    view.addAction(modes.reading_action)
    window.reader.add_paragraph_action(
        lambda _pid: LEAVE_READING_TEXT if modes.reading() else READING_TEXT,
        lambda _pid: modes.reading_action.toggle())
    return modes
