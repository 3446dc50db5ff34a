"""The File menu's printing and export actions (Ctrl+P: the selection, or
the open unit when the selection is empty; the paragraph; the unit; the
selection to PDF, Word, HTML; copy with citations) and the reader's «طباعة
هذه الفقرة…».

Only the actions: desktop.app.printing (QtPrintSupport, the PDF painter,
the export model: ~1.5 MiB resident, issue 17) is imported by the first
print, not when the actions are installed on the window's first idle turn.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence

if TYPE_CHECKING:
    from desktop.app.main_window import MainWindow
    from desktop.app.selection_panel import SelectionPanel


def install_printing(window: MainWindow, panel: SelectionPanel) -> None:
    """File-menu actions: print (Ctrl+P: the selection, or the open unit
    when the selection is empty), print the paragraph / the unit, export."""

    def print_selection() -> None:
        from desktop.app.printing import print_with_preview
        from desktop.export.model import ExportOptions

        items = panel.export_items()
        if items:
            print_with_preview(window, items, ExportOptions())
        else:
            print_unit()

    def print_paragraph(pid: str | None = None) -> None:
        from desktop.app.printing import paragraph_items, print_with_preview
        from desktop.export.model import ExportOptions

        items, title = paragraph_items(window, pid or window.reader.current_paragraph_id(),
                                       panel.selection)
        print_with_preview(window, items, ExportOptions(title=title))

    def print_unit(pid: str | None = None) -> None:
        from desktop.app.printing import print_with_preview, unit_items
        from desktop.export.model import ExportOptions

        items, title = unit_items(window, pid or window.reader.current_paragraph_id(),
                                  panel.selection)
        print_with_preview(window, items, ExportOptions(title=title))

    file_menu = window.menu("file")
    first = file_menu.actions()[-1] if file_menu.actions() else None  # "quit" stays last

    def add(name: str, text: str, slot: Callable[[], object],
            shortcut: QKeySequence | None = None) -> QAction:
        action = QAction(text, window)
        action.setObjectName(name)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(lambda _checked=False: slot())
        window.addAction(action)
        if first is not None:
            file_menu.insertAction(first, action)
        else:
            file_menu.addAction(action)
        return action

    window.print_action = add("action-print", "طباعة…", print_selection,
                              QKeySequence(QKeySequence.StandardKey.Print))
    add("action-print-paragraph", "طباعة الفقرة الحالية…", print_paragraph)
    add("action-print-unit", "طباعة الوحدة المفتوحة…", print_unit)
    add("action-export-pdf", "تصدير المختارات إلى PDF…", lambda: panel.export("pdf"))
    add("action-export-docx", "تصدير المختارات إلى Word…", lambda: panel.export("docx"))
    add("action-export-html", "تصدير المختارات إلى HTML…", lambda: panel.export("html"))
    add("action-copy-selection", "نسخ المختارات مع الإحالات", panel.copy_to_clipboard)
    if first is not None:
        file_menu.insertSeparator(first)

    window.reader.add_paragraph_action("طباعة هذه الفقرة…", print_paragraph)
    panel.printRequested.connect(print_selection)
