"""The mark the reader paints in its right margin (the start side of Arabic
lines) beside each paragraph that has notes; hovering it shows the notes.

Small and loaded at start-up: a paragraph opened first thing shows its mark.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QColor, QFont

from desktop.userdata.stamps import local_text

if TYPE_CHECKING:
    from PySide6.QtGui import QPainter

    from desktop.app.reader import ReaderView
    from desktop.app.userdata_hub import UserDataHub

MARK_GLYPH = "✎"
MARK_COLOUR = "#b5651d"
#: room kept on the right for the mark
MARGIN = 22


class NoteMarks:
    """Paints a mark in the reader's right margin beside each paragraph of
    the shown unit that has notes; hovering it shows the notes."""

    def __init__(self, reader: ReaderView, hub: UserDataHub):
        self.reader = reader
        self.hub = hub
        self.noted: set[str] = set()
        self._painting = False
        reader.margin_tooltips.append(self.tooltip)
        reader.paragraphOpened.connect(lambda _pid: self.refresh())
        hub.changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        self.noted = self.hub.store.noted_paragraphs()
        # a new margin lays the whole unit out again (~50 ms a unit): only
        # once the user has notes to mark (the reader gives it to every
        # unit it renders from then on)
        if self.noted:
            self.reader.set_side_margin(MARGIN)
            # the reader makes a QPainter for its margin only once there are
            # notes to mark (QPainter's Python type: 3 enum types, issue 17)
            if not self._painting:
                self.reader.margin_painters.append(self.paint)
                self._painting = True
        self.reader.viewport().update()

    def rects(self) -> dict[str, QRect]:
        """Viewport rectangle of the mark of each noted paragraph shown."""
        reader = self.reader
        layout = reader.document().documentLayout()
        offset_y = reader.verticalScrollBar().value()
        out: dict[str, QRect] = {}
        block = reader.document().begin()
        while block.isValid():
            pid = reader.paragraph_of_block(block.blockNumber())
            if pid in self.noted and pid not in out:
                box = layout.blockBoundingRect(block)
                top = int(box.top()) - offset_y
                out[pid] = QRect(reader.viewport().width() - MARGIN, top, MARGIN - 2, 22)
            block = block.next()
        return out

    def paint(self, painter: QPainter) -> None:
        rects = self.rects()
        if not rects:
            return
        font = QFont(painter.font())
        font.setPointSize(12)
        painter.setFont(font)
        painter.setPen(QColor(MARK_COLOUR))
        for rect in rects.values():
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, MARK_GLYPH)

    def tooltip(self, pos: QPoint) -> str:
        for pid, rect in self.rects().items():
            if rect.contains(pos):
                notes = self.hub.store.notes(pid)
                return "\n".join(f"{local_text(n.created)}: {n.text}" for n in notes)
        return ""
