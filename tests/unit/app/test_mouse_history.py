"""HistoryButtons: the mouse's Back/Forward buttons, filtered on a window's QWindow."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QWidget

from desktop.app.mouse_history import HistoryButtons


def _press(button: Qt.MouseButton) -> QMouseEvent:
    at = QPointF(5, 5)
    return QMouseEvent(QEvent.Type.MouseButtonPress, at, at, button, button,
                       Qt.KeyboardModifier.NoModifier)


def test_back_and_forward_presses_on_the_window_move_through_history(app, qtbot):
    window = QWidget()
    qtbot.addWidget(window)
    window.show()
    moves: list[str] = []
    buttons = HistoryButtons(window, lambda: moves.append("back"), lambda: moves.append("forward"))
    window.windowHandle().installEventFilter(buttons)
    QApplication.sendEvent(window.windowHandle(), _press(Qt.MouseButton.BackButton))
    QApplication.sendEvent(window.windowHandle(), _press(Qt.MouseButton.ForwardButton))
    assert moves == ["back", "forward"]
    # other buttons are the widgets' own
    QApplication.sendEvent(window.windowHandle(), _press(Qt.MouseButton.LeftButton))
    assert moves == ["back", "forward"]


def test_presses_elsewhere_are_left_alone(app, qtbot):
    window, other = QWidget(), QWidget()
    qtbot.addWidget(window)
    qtbot.addWidget(other)
    other.show()
    moves: list[str] = []
    buttons = HistoryButtons(window, lambda: moves.append("back"), lambda: moves.append("forward"))
    # a filter on another window (a floating dock has its own QWindow)
    assert buttons.eventFilter(other.windowHandle(), _press(Qt.MouseButton.BackButton)) is False
    assert moves == []
