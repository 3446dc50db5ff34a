"""Printing (Ctrl+P) through a print preview: the selection, one paragraph
or the open unit, all painted by desktop.export.pdf so paper and PDF agree.

The preview dialog owns its QPrinter for its whole life (a temporary printer
is garbage-collected under the dialog and crashes it). An
options bar above the pages edits the title and switches citations,
footnotes and one-item-per-page; the preview is repainted on each change.
A failed print shows an Arabic message instead of failing silently.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QMarginsF, Qt
from PySide6.QtGui import QAction, QKeySequence, QPageLayout, QPageSize
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog, QPrintPreviewWidget
from PySide6.QtWidgets import (
    QBoxLayout, QCheckBox, QHBoxLayout, QLabel, QLineEdit, QWidget,
)

from desktop.export import pdf as painter_module
from desktop.export.files import ExportError
from desktop.export.model import DEFAULT_TITLE, ExportItem, ExportOptions
from desktop.app import dialogs
from desktop.app.export_dialog import chosen_options

if TYPE_CHECKING:
    from desktop.app.main_window import MainWindow
    from desktop.userdata import SelectionStore

PRINT_TITLE = "طباعة"


def make_printer() -> QPrinter:
    """A4 portrait, full-page coordinates (the layouter draws its own margins)."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                      QPageLayout.Orientation.Portrait,
                                      QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter))
    printer.setFullPage(True)
    return printer


class PrintOptionsBar(QWidget):
    """Title and the three switches, above the preview."""

    def __init__(self, options: ExportOptions, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("print-options")
        self.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.title = QLineEdit(options.title, self)
        self.title.setObjectName("print-title")
        self.title.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.citations = QCheckBox("الإحالات", self)
        self.citations.setChecked(options.include_citations)
        self.footnotes = QCheckBox("الحواشي", self)
        self.footnotes.setChecked(options.include_footnotes)
        self.one_per_page = QCheckBox("كل فقرة في صفحة", self)
        self.one_per_page.setChecked(options.one_per_page)
        self.notes = QCheckBox("ملاحظاتي", self)
        self.notes.setObjectName("print-notes")
        self.notes.setToolTip("طباعة ملاحظاتك تحت كل فقرة لها ملاحظات")
        self.notes.setChecked(options.include_notes)
        self.lead_in = QCheckBox("التمهيد", self)
        self.lead_in.setObjectName("print-lead-in")
        self.lead_in.setToolTip("طباعة الفقرة الافتتاحية والبند الذي فوق البند الفرعي المطبوع وحده")
        self.lead_in.setChecked(options.include_lead_in)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        label = QLabel("العنوان:", self)
        label.setBuddy(self.title)  # the field is named by its label for screen readers
        self.title.setAccessibleName("العنوان")
        self.title.setAccessibleDescription("عنوان الصفحات المطبوعة")
        layout.addWidget(label)
        layout.addWidget(self.title, 1)
        for box in (self.citations, self.footnotes, self.one_per_page, self.notes,
                    self.lead_in):
            layout.addWidget(box)

    def options(self) -> ExportOptions:
        """The options as chosen (the export dialog's rule)."""
        return chosen_options(self, self.title.text())


class SelectionPrintPreview(QPrintPreviewDialog):
    """The preview of a list of items, with the options bar."""

    def __init__(self, items: list[ExportItem], options: ExportOptions | None = None,
                 parent: QWidget | None = None):
        printer = make_printer()
        super().__init__(printer, parent)
        #: Kept for the dialog's life: the dialog does not own it (Qt's
        #: printer() gives the same object; an attribute named printer hid it).
        self._printer = printer
        self.items = list(items)
        self.setObjectName("print-preview")
        self.setWindowTitle(PRINT_TITLE)
        self.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.last_error: str | None = None
        self.bar = PrintOptionsBar(options or ExportOptions(), self)
        layout = self.layout()
        if isinstance(layout, QBoxLayout):      # Qt's preview lays itself out in a QVBoxLayout
            layout.insertWidget(0, self.bar)
        self.preview = self.findChild(QPrintPreviewWidget)
        self.paintRequested.connect(self._paint)
        self.bar.title.editingFinished.connect(self.refresh)
        for box in (self.bar.citations, self.bar.footnotes, self.bar.one_per_page,
                    self.bar.notes, self.bar.lead_in):
            box.toggled.connect(self.refresh)
        self.resize(900, 1000)
        self._keyboard_access()

    def _keyboard_access(self) -> None:
        """Qt's preview toolbar takes no focus and has no print key: its
        buttons become Tab stops with their action's name, Ctrl+P prints
        (through Qt's own print action), Escape closes (QDialog), and the
        page and zoom fields get names."""
        from PySide6.QtWidgets import QComboBox, QGraphicsView, QToolBar, QToolButton

        for bar in self.findChildren(QToolBar):
            bar.setAccessibleName("أدوات المعاينة")
            for button in bar.findChildren(QToolButton):
                action = button.defaultAction()
                if action is None:
                    continue
                button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
                button.setAccessibleName(action.text().replace("&", ""))
            for edit in bar.findChildren(QLineEdit):
                if edit.parent() is bar or not isinstance(edit.parent(), QComboBox):
                    edit.setAccessibleName("رقم الصفحة")
            for box in bar.findChildren(QComboBox):
                box.setAccessibleName("نسبة التكبير")
                zoom_label = QLabel("نسبة التكبير", box.parentWidget())
                zoom_label.setBuddy(box)  # on Linux a combo's name comes from its label
                zoom_label.hide()
                zoom_edit = box.lineEdit()
                if zoom_edit is not None:
                    zoom_edit.setAccessibleName("نسبة التكبير")
        for view in self.findChildren(QGraphicsView):
            view.setAccessibleName("معاينة الصفحات")
        self.print_action = self._qt_print_action()
        if self.print_action is not None:
            self.print_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Print))
            self.print_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            self.addAction(self.print_action)

    def _qt_print_action(self) -> QAction | None:
        """The preview's own "print" action (the first of the printer group:
        print, page setup), found by Qt's translated text or its place."""
        from PySide6.QtCore import QCoreApplication

        wanted = QCoreApplication.translate("QPrintPreviewDialog", "Print")
        actions = [a for a in self.findChildren(QAction) if a.text()]
        for action in actions:
            if action.text().replace("&", "") == wanted:
                return action
        setup = QCoreApplication.translate("QPrintPreviewDialog", "Page setup")
        for before, action in zip(actions, actions[1:]):
            if action.text().replace("&", "") == setup:
                return before
        return None

    def options(self) -> ExportOptions:
        return self.bar.options()

    def refresh(self) -> None:
        if self.preview is not None:
            self.preview.updatePreview()

    def page_count(self) -> int:
        return self.preview.pageCount() if self.preview is not None else 0

    def _paint(self, printer: QPrinter) -> None:
        options = self.options()
        printer.setDocName(options.title)       # the PDF's Title, the print job's name
        try:
            painter_module.paint_items(printer, self.items, options)
            self.last_error = None
            path = printer.outputFileName()
            if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat and path:
                from desktop.export.pdf_text import fix_to_unicode
                fix_to_unicode(path, options.title)
        except ExportError as exc:
            self.last_error = str(exc)
            report_print_failure(self, str(exc))


def report_print_failure(parent: QWidget | None, detail: str) -> None:
    dialogs.warning(parent, PRINT_TITLE, f"تعذّرت الطباعة.\n{detail}")


def open_preview(parent: QWidget | None, items: list[ExportItem],
                 options: ExportOptions | None = None) -> SelectionPrintPreview:
    """Show the preview without blocking (tests, and callers that wait)."""
    dialog = SelectionPrintPreview(items, options, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
    dialog.open()
    return dialog


def print_with_preview(parent: QWidget | None, items: list[ExportItem],
                       options: ExportOptions | None = None) -> None:
    if not items:
        dialogs.information(parent, PRINT_TITLE, "لا يوجد ما يُطبع.")
        return
    dialog = SelectionPrintPreview(items, options, parent)
    dialog.exec()


# ---- wiring into the main window ------------------------------------------------

def unit_items(window: MainWindow, paragraph_id: str | None,
               notes: SelectionStore | None = None) -> tuple[list[ExportItem], str]:
    """The items of the unit around a paragraph (with the user's notes from
    `notes`, the selection's store), and the unit's heading."""
    from desktop.export.model import gather_known

    para = window.store.paragraph(paragraph_id) if paragraph_id else None
    if para is None:
        return [], DEFAULT_TITLE
    ids = window.store.paragraphs_under(para.unit_id)
    items, _ = gather_known(window.store, ids)
    items = _noted(items, notes)
    title = items[0].unit_heading if items and items[0].unit_heading else DEFAULT_TITLE
    return items, title


def _noted(items: list[ExportItem], notes: SelectionStore | None) -> list[ExportItem]:
    """The items with the user's notes (printed when the preview's box is ticked)."""
    from desktop.export.model import with_notes

    if notes is None or not items:
        return items
    return with_notes(items, notes.notes_for(it.paragraph_id for it in items))


def paragraph_items(window: MainWindow, paragraph_id: str | None,
                    notes: SelectionStore | None = None) -> tuple[list[ExportItem], str]:
    """A paragraph's item (with its notes from `notes`) and its citation."""
    from desktop.export.model import gather_known

    if not paragraph_id:
        return [], DEFAULT_TITLE
    items, _ = gather_known(window.store, [paragraph_id])
    items = _noted(items, notes)
    return items, items[0].citation if items else DEFAULT_TITLE
