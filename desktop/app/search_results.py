"""The search results list: one page of engine results as a Qt model, each
painted as a right-to-left rich-text block (citation, highlighted snippet,
notes). The search tab and the finder show their results through it."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import (QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex,
                            QRectF, QSize, Qt)
from PySide6.QtGui import (QAbstractTextDocumentLayout, QPainter, QPalette, QTextDocument,
                           QTextOption)
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QStyle, QStyledItemDelegate,
                               QStyleOptionViewItem)

from desktop.content.citations import RLM
from desktop.search.results import Result, result_notes


HIGHLIGHT_STYLE = "background-color:#ffd27f;"

ID_ROLE = Qt.ItemDataRole.UserRole + 1
TERMS_ROLE = Qt.ItemDataRole.UserRole + 2
HTML_ROLE = Qt.ItemDataRole.UserRole + 3
KIND_ROLE = Qt.ItemDataRole.UserRole + 4
PARTIAL_HEADING = "نتائج تطابق بعض كلمات البحث"
NOTE_STYLE = "color:#555555;"
HEADING_STYLE = "color:#7a4b00; font-weight:bold;"


class ResultsModel(QAbstractListModel):
    """One page of search Result rows."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._results: list[Result] = []
        self.partial_start: int | None = None

    def set_results(self, results: Iterable[Result]) -> None:
        """A page of results (a search.results.Results, whose partial_start
        marks the first partial match, or a plain list)."""
        self.beginResetModel()
        self._results = list(results)
        self.partial_start = getattr(results, "partial_start", None)
        self.endResetModel()

    def result(self, row: int) -> Result | None:
        return self._results[row] if 0 <= row < len(self._results) else None

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._results)

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> str | list[str] | None:
        r = self.result(index.row())
        if r is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            snip = r.snippet_parts.plain() if r.snippet_parts else r.snippet
            return f"{r.citation}\n{snip}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return r.citation
        if role == ID_ROLE:
            return r.id
        if role == TERMS_ROLE:
            return list(r.terms)
        if role == KIND_ROLE:
            return r.kind
        if role == HTML_ROLE:
            return result_html(r, heading=PARTIAL_HEADING if index.row() == self.partial_start
                               else None)
        return None


def result_html(r: Result, heading: str | None = None) -> str:
    """Citation line, highlighted snippet and notes; all text from the DB escaped.

    heading: a line above the result (the first partial match).
    """
    from desktop.content.html_escape import escape

    snippet = (r.snippet_parts.html(f'<span style="{HIGHLIGHT_STYLE}">', "</span>")
               if r.snippet_parts else escape(r.snippet))
    top = (f'<div dir="rtl" style="{HEADING_STYLE}">{RLM}{escape(heading)}</div>'
           if heading else "")
    notes = "".join(f'<div dir="rtl" style="{NOTE_STYLE}"><small>{RLM}{escape(n)}'
                    f'</small></div>' for n in result_notes(r))
    return (f'{top}<div dir="rtl"><b>{RLM}{escape(r.citation)}</b></div>'
            f'<div dir="rtl">{snippet}</div>{notes}')


class HtmlDelegate(QStyledItemDelegate):
    """Paints HTML_ROLE as a right-to-left rich-text block."""

    def _document(self, option: QStyleOptionViewItem,
                  index: QModelIndex | QPersistentModelIndex) -> QTextDocument:
        doc = QTextDocument()
        doc.setDefaultFont(option.font)
        text_option = QTextOption()
        text_option.setTextDirection(Qt.LayoutDirection.RightToLeft)
        text_option.setWrapMode(QTextOption.WrapMode.WordWrap)
        doc.setDefaultTextOption(text_option)
        doc.setDocumentMargin(4)
        doc.setHtml(index.data(HTML_ROLE) or "")
        doc.setTextWidth(max(50, option.rect.width()))
        return doc

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        doc = self._document(option, index)
        painter.save()
        painter.translate(option.rect.topLeft())
        painter.setClipRect(QRectF(0, 0, option.rect.width(), option.rect.height()))
        ctx = QAbstractTextDocumentLayout.PaintContext()
        if option.state & QStyle.StateFlag.State_Selected:
            ctx.palette.setColor(QPalette.ColorRole.Text,
                                 option.palette.color(QPalette.ColorRole.HighlightedText))
        doc.documentLayout().draw(painter, ctx)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem,
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        width = option.rect.width()
        if width <= 0 and isinstance(option.widget, QAbstractItemView):  # the list
            width = option.widget.viewport().width()
        opt = QStyleOptionViewItem(option)
        opt.rect.setWidth(max(200, width))
        doc = self._document(opt, index)
        return QSize(int(doc.idealWidth()), int(doc.size().height()) + 2)
