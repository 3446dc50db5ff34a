"""The title-over-a-list shape of the links and similar-paragraphs docks."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop.app.titled_list import TitledList


class _Opener(TitledList):
    def __init__(self):
        super().__init__("test-list")
        self.opened: list[str] = []

    def _on_item(self, item) -> None:
        self.opened.append(item.text())


def test_the_title_is_plain_text_and_an_empty_line_opens_nothing(qtbot):
    panel = _Opener()
    qtbot.addWidget(panel)
    assert panel.title.textFormat() == Qt.TextFormat.PlainText   # database text
    assert panel.list.objectName() == "test-list"
    panel.show_empty("لا شيء")
    empty = panel.list.item(0)
    assert empty.text() == "لا شيء" and empty.flags() == Qt.ItemFlag.NoItemFlags
    panel.list.addItem("فقرة")
    panel.list.itemActivated.emit(panel.list.item(1))
    assert panel.opened == ["فقرة"]


def _shown_panel(qtbot) -> _Opener:
    panel = _Opener()
    qtbot.addWidget(panel)
    panel.resize(600, 200)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def test_the_title_stands_above_the_list_as_high_as_its_text_needs(qtbot):
    panel = _shown_panel(qtbot)
    panel.title.setText("ما يحيل إلى: الجزء باء، القرار 4/6، المرفق، (ب) '2'")
    one_line = panel.title.height()
    assert panel.title.width() == panel.width() - 4
    qtbot.waitUntil(lambda: panel.title.geometry().bottom() < panel.list.geometry().top())
    panel.resize(120, 200)                    # narrow: the title wraps, the list moves down
    qtbot.waitUntil(lambda: panel.title.width() == 116)
    assert panel.title.height() > one_line
    qtbot.waitUntil(lambda: panel.title.geometry().bottom() < panel.list.geometry().top())
    panel.resize(600, 200)
    qtbot.waitUntil(lambda: panel.title.height() == one_line)


def test_a_new_title_lays_out_neither_the_dock_nor_the_window(qtbot):
    """A new title (every open of the reader) repaints the title alone: the
    dock and the main window are not laid out again (issue 17)."""
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication, QDockWidget, QMainWindow, QTextEdit

    window = QMainWindow()
    qtbot.addWidget(window)
    window.setCentralWidget(QTextEdit())
    dock = QDockWidget("ما يحيل إلى هذه الفقرة", window)
    panel = _Opener()
    dock.setWidget(panel)
    window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
    window.resize(800, 500)
    window.show()
    qtbot.waitExposed(window)
    panel.title.setText("ما يحيل إلى: الجزء ألف، سابعاً-13")
    qtbot.wait(50)

    class Requests(QObject):
        seen: list[tuple[str, str]] = []

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() in (QEvent.Type.LayoutRequest, QEvent.Type.Paint):
                self.seen.append((watched.objectName(), event.type().name))
            return False

    requests = Requests()
    for widget in (window, dock, panel):
        widget.installEventFilter(requests)
    panel.title.setText("ما يحيل إلى: الجزء باء، القرار 4/6")
    QApplication.processEvents()
    assert requests.seen == []
    assert panel.title.text() == "ما يحيل إلى: الجزء باء، القرار 4/6"


def test_a_larger_font_gives_the_title_its_height(qtbot):
    from PySide6.QtGui import QFont
    panel = _shown_panel(qtbot)
    panel.title.setText("ما يحيل إلى: الجزء ألف، سابعاً-13")
    before = panel.title.height()
    font = QFont(panel.font())
    font.setPointSizeF(font.pointSizeF() * 2)
    panel.setFont(font)                        # the preferences' zoom
    qtbot.waitUntil(lambda: panel.title.height() > before)
