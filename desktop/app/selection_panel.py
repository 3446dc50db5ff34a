"""The selection dock ("المختارات"): the recommendations a delegate gathers
to print or send to Word.

The list mirrors the user-data store (desktop.userdata): every change goes
to the store first, in one transaction, and the list is then reloaded from
it, so what the panel shows is what is saved. Items are shown with their
citations; they can be reordered (drag, or the up/down buttons), removed,
cleared, saved under a name and reopened; a click opens the paragraph in
the reader. desktop.app.selection docks it in the main window and adds the
"add to selection" entries elsewhere.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView, QHBoxLayout, QLabel,
    QListWidget, QListWidgetItem, QMenu, QToolButton, QVBoxLayout, QWidget,
)

from typing import TYPE_CHECKING

from desktop.app.clipboard import copy_items
from desktop.content.citations import RLM, join_symbols, paragraphs_phrase
from desktop.userdata import SelectionExists, SelectionStore, UserDataError

if TYPE_CHECKING:  # the export layer loads on first use, after the first paint
    from PySide6.QtWidgets import QDockWidget

    from desktop.app.export_dialog import ExportDialog
    from desktop.content.store import ContentStore
    from desktop.export.model import ExportItem, ExportOptions

PANEL_TITLE = "المختارات"
#: Adding more paragraphs than this at once asks first (a whole document is 56).
MANY = 20
ID_ROLE = Qt.ItemDataRole.UserRole
SNIPPET = 140
#: "n paragraphs" with Arabic number agreement (one rule, in citations)
paragraphs_text = paragraphs_phrase


class _SelectionEdit(QUndoCommand):
    """One change of the selection, undone and redone as whole lists (the
    store writes each in one transaction)."""

    def __init__(self, panel: "SelectionPanel", before: list[str], after: list[str],
                 text: str):
        super().__init__(text)
        self.panel, self.before, self.after = panel, before, after
        self._done = True       # push() calls redo(): the change is already made

    def redo(self) -> None:
        if self._done:
            self._done = False
            return
        self.panel._restore(self.after)

    def undo(self) -> None:
        self.panel._restore(self.before)


class SelectionPanel(QWidget):
    #: A paragraph id the user clicked: open it in the reader.
    paragraphRequested = Signal(str)
    #: After any change of the selection (items, order).
    selectionChanged = Signal()
    #: The user asked to print the selection.
    printRequested = Signal()
    #: its dock in the window, given by selection.install_selection right after it is made
    dock: QDockWidget

    def __init__(self, content: ContentStore, selection: SelectionStore, parent: QWidget | None = None,
                 *, load: bool = True):
        super().__init__(parent)
        self.setObjectName("selection-panel")
        self.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.content = content
        self.selection = selection
        self._items: dict[str, ExportItem] = {}
        self._reloading = False
        #: the selection's edits, for Ctrl+Z / Ctrl+Shift+Z
        self.undo_stack = QUndoStack(self)
        self._restoring = False

        self.list = QListWidget(self)
        self.list.setObjectName("selection-list")
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.list.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.list.itemClicked.connect(self._on_clicked)
        self.list.itemActivated.connect(self._on_clicked)
        self.list.model().rowsMoved.connect(self._on_rows_moved)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._context_menu)

        #: the export dialog while it is open (export_with_dialog)
        self.export_dialog: ExportDialog | None = None
        self.count_label = QLabel(self)
        self.count_label.setObjectName("selection-count")

        def button(name: str, text: str, tip: str, slot: Callable[[], object]) -> QToolButton:
            b = QToolButton(self)
            b.setObjectName(name)
            b.setText(text)
            b.setToolTip(tip)
            b.clicked.connect(slot)
            return b

        self.up_button = button("selection-up", "▲", "نقل العنصر إلى الأعلى",
                                lambda: self.move_current(-1))
        self.down_button = button("selection-down", "▼", "نقل العنصر إلى الأسفل",
                                  lambda: self.move_current(1))
        self.remove_button = button("selection-remove", "إزالة", "إزالة العناصر المحددة (Delete)",
                                    self.remove_selected)
        self.clear_button = button("selection-clear", "مسح الكل", "إفراغ المختارات",
                                   lambda: self.clear(confirm=True))
        self.save_button = button("selection-save", "حفظ باسم…", "حفظ المختارات باسم",
                                  self.save_as_dialog)
        self.open_button = button("selection-open", "فتح…", "فتح مختارات محفوظة",
                                  self.open_named_dialog)
        self.print_button = button("selection-print", "طباعة…", "طباعة المختارات (Ctrl+P)",
                                   self.printRequested.emit)
        self.export_button = QToolButton(self)
        self.export_button.setObjectName("selection-export")
        self.export_button.setText("تصدير")
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        export_menu = QMenu(self.export_button)
        export_menu.addAction("PDF…", lambda: self.export_with_dialog("pdf"))
        export_menu.addAction("Word (.docx)…", lambda: self.export_with_dialog("docx"))
        export_menu.addAction("HTML…", lambda: self.export_with_dialog("html"))
        export_menu.addSeparator()
        export_menu.addAction("نسخ إلى الحافظة", self.copy_to_clipboard)
        self.export_button.setMenu(export_menu)

        delete = QAction("إزالة من المختارات", self.list)  # named in the handbook's shortcuts
        delete.setShortcut(QKeySequence.StandardKey.Delete)
        delete.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        delete.triggered.connect(self.remove_selected)
        self.list.addAction(delete)

        row1 = QHBoxLayout()
        for b in (self.up_button, self.down_button, self.remove_button, self.clear_button):
            row1.addWidget(b)
        row1.addStretch(1)
        row1.addWidget(self.count_label)
        row2 = QHBoxLayout()
        for b in (self.save_button, self.open_button, self.print_button, self.export_button):
            row2.addWidget(b)
        row2.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addLayout(row1)
        layout.addWidget(self.list, 1)
        layout.addLayout(row2)
        if load:  # else the owner calls reload() after the first paint
            self.reload()

    # ---- reading ---------------------------------------------------------

    def ids(self) -> list[str]:
        return [self.list.item(i).data(ID_ROLE) for i in range(self.list.count())]

    def export_items(self) -> list[ExportItem]:
        """The selected paragraphs that exist in the content database, in
        order, with the user's notes on them (printed only when asked)."""
        from desktop.export.model import with_notes

        items = [self._items[pid] for pid in self.ids() if pid in self._items]
        return with_notes(items, self.selection.notes_for(pid for pid in self._items))

    def reload(self) -> None:
        """Show exactly what the store holds."""
        self._reload()

    def _on_app_state(self, state: Qt.ApplicationState) -> None:
        """Back to this window: another window of the app may have changed
        the same user-data file meanwhile; show it as it now is."""
        if state != Qt.ApplicationState.ApplicationActive:
            return
        try:
            changed = self.selection.items() != self.ids()
        except Exception:   # noqa: BLE001 - a closed store (window gone): nothing to show
            return
        if changed:
            self.reload()

    def _reload(self) -> None:
        current = self.list.currentItem().data(ID_ROLE) if self.list.currentItem() else None
        ids = self.selection.items()
        items: list[ExportItem] = []
        if ids:   # the export model with the first paragraph listed: none for an empty list
            from desktop.export.model import gather_known

            items, _missing = gather_known(self.content, ids)
        self._items = {it.paragraph_id: it for it in items}
        self._reloading = True
        try:
            self.list.clear()
            for pid in ids:
                entry = QListWidgetItem(self._item_text(pid))
                entry.setData(ID_ROLE, pid)
                item = self._items.get(pid)
                entry.setToolTip(f"{item.text}\n\n{item.citation_line()}" if item
                                 else "هذه الفقرة غير موجودة في قاعدة البيانات الحالية")
                entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsDragEnabled)
                if item is None:
                    entry.setForeground(Qt.GlobalColor.red)
                self.list.addItem(entry)
                if pid == current:
                    self.list.setCurrentItem(entry)
        finally:
            self._reloading = False
        n = len(ids)
        self.count_label.setText(paragraphs_text(n))
        for b in (self.up_button, self.down_button, self.remove_button, self.clear_button,
                  self.save_button, self.print_button, self.export_button):
            b.setEnabled(n > 0)
        self.selectionChanged.emit()

    def _item_text(self, pid: str) -> str:
        item = self._items.get(pid)
        if item is None:
            return f"{RLM}{pid} (غير موجودة)"
        text = item.text if len(item.text) <= SNIPPET else item.text[:SNIPPET].rstrip() + "…"
        label = f"{item.display_label} " if item.display_label else ""
        # WORD JOINERs keep document symbols whole when the line wraps.

        return join_symbols(f"{RLM}{label}{text}\n{RLM}({item.citation_line()})")

    # ---- changing ----------------------------------------------------------

    def _write(self, action: Callable[[], object], text: str = "تعديل المختارات") -> bool:
        """Run a store change; on failure say so in Arabic and show the truth.
        A change that alters the list goes on the undo stack (Ctrl+Z)."""
        from desktop.app import dialogs
        before = None if self._restoring else self.selection.items()
        try:
            action()
            if before is not None:
                after = self.selection.items()
                if after != before:
                    self.undo_stack.push(_SelectionEdit(self, before, after, text))
            return True
        except UserDataError as exc:
            dialogs.warning(self, PANEL_TITLE, f"تعذّر حفظ المختارات.\n{exc}")
            return False
        except (ValueError, KeyError):
            # another window of the app changed the same file since this list
            # was drawn (the item moved is gone, the named selection deleted):
            # the reload below shows the file as it now is
            return False
        finally:
            self.reload()

    def _restore(self, ids: list[str]) -> None:
        """Undo/redo: the selection becomes exactly ``ids``."""
        self._restoring = True
        try:
            self._write(lambda: self.selection.replace(ids))
        finally:
            self._restoring = False

    def confirm_many(self, count: int) -> bool:
        """Ask before adding many paragraphs at once (a document node holds 56)."""
        from PySide6.QtWidgets import QMessageBox
        answer = QMessageBox.question(
            self, PANEL_TITLE,
            f"ستُضاف {paragraphs_text(count)} إلى المختارات دفعة واحدة. هل تريد المتابعة؟\n"
            "(يمكن التراجع بعد ذلك بـ Ctrl+Z)",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def add_paragraphs(self, ids: list[str], confirm: bool = False) -> int:
        """Add paragraphs (known ones only, in order); returns how many were new.
        ``confirm``: ask first when more than MANY would be added (the
        user's add actions; scripts and tests add silently)."""
        known = self.content.existing_ids(ids)
        present = set(self.selection.items())
        wanted = [pid for pid in dict.fromkeys(ids) if pid in known]
        new = [pid for pid in wanted if pid not in present]
        if confirm and len(new) > MANY and not self.confirm_many(len(new)):
            return 0
        added: list[str] = []
        self._write(lambda: added.extend(self.selection.add(wanted)),
                    "إضافة إلى المختارات")
        if added:
            last = self.list.item(self.list.count() - 1)
            self.list.scrollToItem(last)
        return len(added)

    def add_node(self, node_id: str, confirm: bool = False) -> int:
        """Add every paragraph of a unit (meeting, decision, annex, part)."""
        return self.add_paragraphs(self.content.paragraphs_under(node_id), confirm)

    def move_current(self, delta: int) -> None:
        row = self.list.currentRow()
        if row < 0:
            return
        target = max(0, min(self.list.count() - 1, row + delta))
        if target == row:
            return
        pid = self.list.item(row).data(ID_ROLE)
        self._write(lambda: self.selection.move(pid, target), "نقل عنصر في المختارات")
        self.list.setCurrentRow(target)

    def _on_rows_moved(self, *args: object) -> None:
        if self._reloading:
            return
        # Let the drop finish before reading the new order.
        QTimer.singleShot(0, self._persist_order)

    def _persist_order(self) -> None:
        order = self.ids()
        if order != self.selection.items():
            self._write(lambda: self.selection.set_order(order), "ترتيب المختارات")

    def remove_selected(self) -> None:
        ids = [item.data(ID_ROLE) for item in self.list.selectedItems()]
        if not ids and self.list.currentItem():
            ids = [self.list.currentItem().data(ID_ROLE)]
        if ids:
            row = self.list.currentRow()
            self._write(lambda: self.selection.remove(ids), "إزالة من المختارات")
            if self.list.count():
                self.list.setCurrentRow(min(row, self.list.count() - 1))

    def clear(self, confirm: bool = True) -> None:
        from PySide6.QtWidgets import QMessageBox

        from desktop.app import dialogs
        if not self.list.count():
            return
        if confirm and dialogs.question(
                self, PANEL_TITLE, "هل تريد إفراغ المختارات؟",
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No) != QMessageBox.StandardButton.Yes:
            return
        self._write(self.selection.clear, "إفراغ المختارات")

    # ---- named selections ----------------------------------------------------

    def save_named(self, name: str, overwrite: bool = False) -> bool:
        from desktop.app import dialogs
        try:
            self.selection.save_as(name, overwrite=overwrite)
            return True
        except SelectionExists:
            raise
        except (UserDataError, ValueError) as exc:
            dialogs.warning(self, PANEL_TITLE, f"تعذّر حفظ المختارات.\n{exc}")
            return False

    def save_as_dialog(self) -> bool:
        from PySide6.QtWidgets import QInputDialog, QMessageBox

        from desktop.app import dialogs
        name, ok = QInputDialog.getText(self, "حفظ المختارات", "اسم المختارات:")
        if not ok or not name.strip():
            return False
        try:
            return self.save_named(name)
        except SelectionExists:
            answer = dialogs.question(
                self, PANEL_TITLE, f"توجد مختارات محفوظة باسم «{name.strip()}». هل تريد استبدالها؟",
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No)
            if answer != QMessageBox.StandardButton.Yes:
                return False
            return self.save_named(name, overwrite=True)

    def open_named(self, name: str) -> bool:
        ok = self._write(lambda: self.selection.open_named(name), "فتح مختارات محفوظة")
        return ok

    def open_named_dialog(self) -> bool:
        from PySide6.QtWidgets import QInputDialog, QMessageBox

        from desktop.app import dialogs
        names = [n.name for n in self.selection.named()]
        if not names:
            dialogs.information(self, PANEL_TITLE, "لا توجد مختارات محفوظة بعد.")
            return False
        name, ok = QInputDialog.getItem(self, "فتح مختارات محفوظة", "المختارات:", names, 0, False)
        if not ok or not name:
            return False
        if self.list.count() and dialogs.question(
                self, PANEL_TITLE, "ستحل المختارات المحفوظة محل المختارات الحالية. هل تريد المتابعة؟",
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.Yes) != QMessageBox.StandardButton.Yes:
            return False
        return self.open_named(name)

    # ---- output ------------------------------------------------------------

    def copy_to_clipboard(self, options: ExportOptions | None = None) -> str:
        """Rich text and plain text, both with citations; returns the plain text."""
        return copy_items(self.export_items(), options)

    def export_with_dialog(self, kind: str = "pdf") -> Path | None:
        """Ask for the title, format and contents (ExportDialog), then the
        file; None when the user cancels or nothing could be written."""
        from desktop.app import dialogs
        from desktop.app.export_dialog import ExportDialog

        if not self.export_items():
            dialogs.information(self, "تصدير المختارات",
                                    "المختارات فارغة: أضف إليها فقرات أولاً.")
            return None
        dialog = self.export_dialog = ExportDialog(kind, parent=self)
        try:
            if dialog.exec() != ExportDialog.DialogCode.Accepted:
                return None
            kind, options = dialog.kind(), dialog.options()
        finally:
            dialog.deleteLater()
            self.export_dialog = None
        return self.export(kind, None, options)

    def _ask_path(self, kind: str, title: str) -> str | None:
        from desktop.app.export_dialog import FORMATS
        from desktop.app.file_dialogs import save_file_name

        name = "".join(c for c in title if c not in '\\/:*?"<>|').strip() or "المختارات"
        path, _ = save_file_name(
            self, "تصدير المختارات", str(Path.home() / f"{name}.{kind}"), FORMATS[kind][1])
        if not path:
            return None
        return path if path.lower().endswith(f".{kind}") else f"{path}.{kind}"

    def export(self, kind: str, path: str | None = None,
               options: ExportOptions | None = None) -> Path | None:
        """Export to PDF, Word or HTML; asks for a path when none is given.
        A path that cannot be written gives an Arabic message and leaves
        nothing behind (desktop.export.files.write_atomically)."""
        from desktop.app import dialogs
        from desktop.export.files import ExportError
        from desktop.export.formats import write
        from desktop.export.model import ExportOptions

        if path is None:
            path = self._ask_path(kind, (options or ExportOptions()).title)
            if not path:
                return None
        try:
            write(kind, self.export_items(), path, options or ExportOptions())
        except ExportError as exc:
            dialogs.warning(self, "تصدير المختارات", f"تعذّر التصدير.\n{exc}")
            return None
        return Path(path)

    # ---- events --------------------------------------------------------------

    def _on_clicked(self, item: QListWidgetItem) -> None:
        pid = item.data(ID_ROLE)
        if pid in self._items:
            self.paragraphRequested.emit(pid)

    def _context_menu(self, pos: QPoint) -> None:
        item = self.list.itemAt(pos)
        menu = QMenu(self)
        if item is not None:
            menu.addAction("فتح في القارئ", lambda: self._on_clicked(item))
            menu.addAction("إزالة", self.remove_selected)
            menu.addAction("نقل إلى الأعلى", lambda: self.move_current(-1))
            menu.addAction("نقل إلى الأسفل", lambda: self.move_current(1))
            menu.addSeparator()
        menu.addAction("نسخ المختارات مع الإحالات", self.copy_to_clipboard)
        menu.exec(self.list.viewport().mapToGlobal(pos))
