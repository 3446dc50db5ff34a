"""desktop.app.first_paint: the work that waits for the first paint runs on
the turn after it, or at once when a key comes first, so that a shortcut
the work adds (Ctrl+K, the search tab's) is not lost."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QAction, QKeySequence, QPaintEvent
from PySide6.QtWidgets import QApplication, QMainWindow, QTextBrowser

from desktop.app.first_paint import AfterFirstPaint


def _window(qtbot):
    window = QMainWindow()
    browser = QTextBrowser(window)
    window.setCentralWidget(browser)
    qtbot.addWidget(window)
    return window, browser


def test_the_work_runs_on_the_turn_after_the_first_paint_once(app, qtbot):
    window, browser = _window(qtbot)
    runs: list[str] = []
    waiting = AfterFirstPaint(browser.viewport(), lambda: runs.append("built"))
    window.show()
    qtbot.waitUntil(lambda: runs == ["built"])
    browser.viewport().update()
    qtbot.wait(50)
    waiting.finish()  # the half-second fallback after it: nothing more
    assert runs == ["built"]


def test_a_key_before_that_turn_runs_the_work_first_and_its_shortcut_works(app, qtbot):
    window, browser = _window(qtbot)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    triggered: list[bool] = []

    def build() -> None:  # what the idle turn adds: an action with a shortcut
        action = QAction("بحث", window)
        action.setShortcut(QKeySequence("Ctrl+K"))
        action.triggered.connect(lambda: triggered.append(True))
        window.addAction(action)

    AfterFirstPaint(browser.viewport(), build)
    # the first paint, and the key before the event loop turns again
    QApplication.sendEvent(browser.viewport(), QPaintEvent(QRect(0, 0, 10, 10)))
    qtbot.keyClick(browser, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert triggered == [True]
    assert len(window.actions()) == 1  # built once: the turn after finds it done
    qtbot.wait(20)
    assert len(window.actions()) == 1 and triggered == [True]


def test_without_the_key_filter_that_key_would_be_lost(app, qtbot):
    """The case the filter is for: the shortcut made a moment too late."""
    window, browser = _window(qtbot)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    triggered: list[bool] = []
    qtbot.keyClick(browser, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    action = QAction("بحث", window)
    action.setShortcut(QKeySequence("Ctrl+K"))
    action.triggered.connect(lambda: triggered.append(True))
    window.addAction(action)
    assert triggered == []
