"""The small dialog asked before exporting the selection: the title printed
on the pages (prefilled with the default), the format, and what to include.

A delegate preparing a briefing pack names it ("موجز: حماية الشهود") and
picks Word or PDF in one place; the file dialog comes after, with the
extension of the chosen format.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox,
                               QFormLayout, QLineEdit, QWidget)

from desktop.app import dialogs
from desktop.export.model import DEFAULT_TITLE, ExportOptions

#: format key -> (label in the dialog, file-dialog filter)
FORMATS = {
    "pdf": ("PDF", "PDF (*.pdf)"),
    "docx": ("Word (.docx)", "Word (*.docx)"),
    "html": ("HTML", "HTML (*.html)"),
}


class OptionSwitches(Protocol):
    """The switches of a form that says what an export or a print includes
    (this dialog, and the print preview's options bar)."""

    citations: QCheckBox
    footnotes: QCheckBox
    one_per_page: QCheckBox
    notes: QCheckBox
    lead_in: QCheckBox


def chosen_options(form: OptionSwitches, title: str) -> ExportOptions:
    """The options as a form's title field and switches say; an emptied
    title falls back to the default."""
    return ExportOptions(title=title.strip() or DEFAULT_TITLE,
                         include_citations=form.citations.isChecked(),
                         include_footnotes=form.footnotes.isChecked(),
                         one_per_page=form.one_per_page.isChecked(),
                         include_notes=form.notes.isChecked(),
                         include_lead_in=form.lead_in.isChecked())


class ExportDialog(QDialog):
    def __init__(self, kind: str = "pdf", title: str = DEFAULT_TITLE,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("export-dialog")
        self.setWindowTitle("تصدير المختارات")
        self.setLayoutDirection(Qt.LayoutDirection.RightToLeft)

        self.title_edit = QLineEdit(title, self)
        self.title_edit.setObjectName("export-title")
        self.title_edit.setMinimumWidth(self.fontMetrics().horizontalAdvance(DEFAULT_TITLE) + 64)
        self.format_box = QComboBox(self)
        self.format_box.setObjectName("export-format")
        for key, (label, _filter) in FORMATS.items():
            self.format_box.addItem(label, key)
        self.format_box.setCurrentIndex(max(0, list(FORMATS).index(kind) if kind in FORMATS else 0))
        self.citations = QCheckBox("الإحالات", self)
        self.citations.setChecked(True)
        self.footnotes = QCheckBox("الحواشي", self)
        self.footnotes.setChecked(True)
        self.one_per_page = QCheckBox("كل عنصر في صفحة مستقلة (PDF)", self)
        self.notes = QCheckBox("ملاحظاتي تحت الفقرات", self)
        self.notes.setObjectName("export-notes")
        self.lead_in = QCheckBox("تمهيد البند الفرعي (الفقرة الافتتاحية والبند الذي فوقه)", self)
        self.lead_in.setObjectName("export-lead-in")
        self.lead_in.setChecked(True)

        buttons = dialogs.accept_cancel(self, QDialogButtonBox.StandardButton.Ok, "تصدير…")

        form = QFormLayout(self)
        form.addRow("العنوان:", self.title_edit)
        form.addRow("الصيغة:", self.format_box)
        form.addRow("تضمين:", self.citations)
        form.addRow("", self.footnotes)
        form.addRow("", self.one_per_page)
        form.addRow("", self.notes)
        form.addRow("", self.lead_in)
        form.addRow(buttons)

    def kind(self) -> str:
        return self.format_box.currentData()

    def options(self) -> ExportOptions:
        """The options as chosen; an emptied title falls back to the default."""
        return chosen_options(self, self.title_edit.text())
