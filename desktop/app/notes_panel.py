"""Notes on paragraphs: the editor dialog and the notes dock (every note
with its paragraph's citation and date). The reader's mark beside a noted
paragraph is note_marks.py (needed at start, so kept apart and small).

All reads and writes go through the user-data store (desktop.userdata.notes);
after each change the hub's ``changed`` signal makes every view reload.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QDockWidget, QLabel, QListWidget,
                               QListWidgetItem, QMenu, QMessageBox, QPlainTextEdit,
                               QVBoxLayout, QWidget)

from desktop.app import dialogs
from desktop.userdata import UserDataError
from desktop.userdata.stamps import local_text
from desktop.content.citations import RLM

if TYPE_CHECKING:
    from desktop.app.userdata_hub import UserDataHub
    from desktop.content.store import ContentStore
    from desktop.userdata.notes import Note

PANEL_TITLE = "ملاحظاتي"
NOTE_ROLE = Qt.ItemDataRole.UserRole + 1


class NoteDialog(QDialog):
    """Plain-text editor for one note."""

    def __init__(self, citation: str, text: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("note-dialog")
        self.setWindowTitle("ملاحظة" if not text else "تعديل الملاحظة")
        self.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        label = QLabel(RLM + citation, self)
        label.setWordWrap(True)
        self.editor = QPlainTextEdit(self)
        self.editor.setObjectName("note-editor")
        self.editor.setPlainText(text)
        self.editor.setAccessibleName("نص الملاحظة")
        label.setBuddy(self.editor)
        buttons = dialogs.accept_cancel(self, QDialogButtonBox.StandardButton.Save, "حفظ")
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.editor)
        layout.addWidget(buttons)
        self.resize(460, 260)
        self.editor.setFocus()

    def text(self) -> str:
        return self.editor.toPlainText().strip()


def write_note(parent: QWidget | None, hub: UserDataHub, content: ContentStore,
               paragraph_id: str, note_id: int | None = None) -> bool:
    """Ask for a note's text (new, or an edit of ``note_id``) and save it."""
    old = hub.store.note(note_id) if note_id is not None else None
    dialog = NoteDialog(content.cited_as(paragraph_id), old.text if old else "", parent)
    if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.text():
        return False
    try:
        if old is not None:
            hub.store.edit_note(old.id, dialog.text())
        else:
            hub.store.add_note(paragraph_id, dialog.text())
    except UserDataError as exc:
        QMessageBox.warning(parent, PANEL_TITLE, f"تعذّر حفظ الملاحظة.\n{exc}")
        return False
    hub.changed.emit()
    return True


def delete_note(parent: QWidget | None, hub: UserDataHub, note_id: int,
                confirm: bool = True) -> bool:
    if confirm and QMessageBox.question(parent, PANEL_TITLE, "حذف هذه الملاحظة؟") \
            != QMessageBox.StandardButton.Yes:
        return False
    try:
        hub.store.delete_note(note_id)
    except UserDataError as exc:
        QMessageBox.warning(parent, PANEL_TITLE, f"تعذّر حذف الملاحظة.\n{exc}")
        return False
    hub.changed.emit()
    return True


class NotesPanel(QWidget):
    """Every note, newest first, with its paragraph's citation and date."""

    paragraphRequested = Signal(str)
    #: its dock in the window, given by personal.show_notes right after it is made
    dock: QDockWidget

    def __init__(self, content: ContentStore, hub: UserDataHub, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("notes-panel")
        self.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.content = content
        self.hub = hub
        self.list = QListWidget(self)
        self.list.setObjectName("notes-list")
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.setAccessibleName(PANEL_TITLE)
        self.list.itemActivated.connect(self._open)
        self.list.itemClicked.connect(self._open)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(
            lambda pos: self.context_menu(self.list.itemAt(pos)).exec(
                self.list.viewport().mapToGlobal(pos)))
        self.empty = QLabel("لا ملاحظات بعد. أضف ملاحظة من قائمة الفقرة (زر الفأرة الأيمن) "
                            "أو بالاختصار Ctrl+Shift+N.", self)
        self.empty.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.empty)
        layout.addWidget(self.list, 1)
        hub.changed.connect(self.reload)
        self.reload()

    def reload(self) -> None:
        self.list.clear()
        notes = sorted(self.hub.store.notes(), key=lambda n: n.id, reverse=True)
        for note in notes:
            cite = self.content.cited_as(note.paragraph_id)
            item = QListWidgetItem(f"{RLM}{cite} — {local_text(note.created)}\n{RLM}{note.text}")
            item.setData(NOTE_ROLE, note.id)
            item.setToolTip(note.text)
            self.list.addItem(item)
        self.empty.setVisible(not notes)

    def texts(self) -> list[str]:
        return [self.list.item(i).text().replace(RLM, "") for i in range(self.list.count())]

    def _note(self, item: QListWidgetItem | None) -> Note | None:
        return self.hub.store.note(item.data(NOTE_ROLE)) if item else None

    def _open(self, item: QListWidgetItem | None) -> None:
        note = self._note(item)
        if note:
            self.paragraphRequested.emit(note.paragraph_id)

    def context_menu(self, item: QListWidgetItem | None) -> QMenu:
        menu = QMenu(self)
        menu.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        note = self._note(item)
        if note:
            menu.addAction("فتح الفقرة", lambda: self._open(item))
            menu.addAction("تعديل…", lambda: write_note(
                self, self.hub, self.content, note.paragraph_id, note.id))
            menu.addAction("حذف", lambda: delete_note(self, self.hub, note.id))
        return menu

    def keyPressEvent(self, event: QKeyEvent) -> None:
        note = self._note(self.list.currentItem())
        if note and event.matches(QKeySequence.StandardKey.Delete):
            delete_note(self, self.hub, note.id)
            return
        super().keyPressEvent(event)
