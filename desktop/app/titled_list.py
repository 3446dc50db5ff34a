"""A title over a list whose items open something: the shape of the
"what links here" and «مشابهات» docks. The title shows database text, so
as plain text; a subclass fills the list and says what an item opens
(``_on_item``).

Both panels follow every open of the reader, and a new title cost 0.7 ms
of each (issue 17): a label's setText asks its layout to lay out again,
and Qt carries that up to the dock and the main window (QLayout.activate
ends in updateGeometry, whatever changed), then the dock and the window
paint under the label, which fills no background. So the title stands
outside the layout, above the list, at a fixed size (updateGeometry of a
fixed-size widget goes no further) set anew only when the panel's width
or the height its text needs changes, and it paints its own background
(the panel's colour): a new title repaints the title alone.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

#: the panel's margins, around the title and the list
MARGIN = 2
#: wide enough for any title on one line
ONE_LINE_WIDTH = 4000


class _Title(QLabel):
    """The panel's title; a new text is placed by the panel."""

    def __init__(self, panel: TitledList):
        super().__init__("", panel)
        self._panel = panel
        self.setTextFormat(Qt.TextFormat.PlainText)   # database text
        self.setWordWrap(True)
        self.setAutoFillBackground(True)
        #: never shown: asks QLabel the height a text needs (the title's own
        #: heightForWidth never goes below its fixed size)
        self._measure = QLabel("", panel)
        self._measure.setTextFormat(Qt.TextFormat.PlainText)
        self._measure.setWordWrap(True)
        self._measure.hide()

    def setText(self, text: str) -> None:
        super().setText(text)
        self._panel.place_title()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._panel.place_title()   # zoomed: another height

    def needed_height(self, width: int) -> int:
        """The height the text takes wrapped at ``width``; one line while
        the panel has no width yet."""
        if self._measure.font() != self.font():
            self._measure.setFont(self.font())
        self._measure.setText(self.text() or " ")   # an empty label has no height for a width
        if width <= 0 or not self._panel.isVisible():
            width = ONE_LINE_WIDTH
        return max(self._measure.heightForWidth(width), 0)


class TitledList(QWidget):
    def __init__(self, list_name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.list = QListWidget(self)
        self.list.setObjectName(list_name)
        self.list.itemActivated.connect(self._on_item)
        self.list.itemClicked.connect(self._on_item)
        self._layout = QVBoxLayout(self)
        self._layout.addWidget(self.list)
        self._title = _Title(self)
        self._title.lower()     # the first child, as read out: the title, then the list
        #: a QLabel: set its text, the panel places it
        self.title: QLabel = self._title
        self.place_title()

    def place_title(self) -> None:
        """The title across the top, as high as its text needs at this width;
        the list below it (the layout's top margin)."""
        width = max(0, self.width() - 2 * MARGIN)
        height = self._title.needed_height(width)
        if self.title.minimumSize() != QSize(width, height) \
                or self.title.maximumSize() != QSize(width, height):
            self.title.setFixedSize(width, height)
        self.title.move(MARGIN, MARGIN)
        top = MARGIN + height + self._layout.spacing()
        if self._layout.contentsMargins().top() != top:
            self._layout.setContentsMargins(MARGIN, top, MARGIN, MARGIN)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.place_title()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.place_title()

    def show_empty(self, text: str) -> None:
        """A line saying the list is empty (it opens nothing)."""
        empty = QListWidgetItem(text)
        empty.setFlags(Qt.ItemFlag.NoItemFlags)
        self.list.addItem(empty)

    def _on_item(self, item: QListWidgetItem) -> None:
        raise NotImplementedError
