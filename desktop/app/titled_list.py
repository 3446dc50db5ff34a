"""A title over a list whose items open something: the shape of the
"what links here" and «مشابهات» docks. The title shows database text, so
as plain text; a subclass fills the list and says what an item opens
(``_on_item``)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget


class TitledList(QWidget):
    def __init__(self, list_name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.title = QLabel("", self)
        self.title.setTextFormat(Qt.TextFormat.PlainText)   # database text
        self.title.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setObjectName(list_name)
        self.list.itemActivated.connect(self._on_item)
        self.list.itemClicked.connect(self._on_item)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.title)
        layout.addWidget(self.list)

    def show_empty(self, text: str) -> None:
        """A line saying the list is empty (it opens nothing)."""
        empty = QListWidgetItem(text)
        empty.setFlags(Qt.ItemFlag.NoItemFlags)
        self.list.addItem(empty)

    def _on_item(self, item: QListWidgetItem) -> None:
        raise NotImplementedError
