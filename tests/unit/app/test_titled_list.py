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
