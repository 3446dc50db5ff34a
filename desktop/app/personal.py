"""The user's own things in the window: bookmarks, notes and the exchange
file, all over the one user-data store the selection panel opened.

``install_personal(window, selection)`` (over the selection panel's store)
puts ``window.userdata`` (a UserDataHub) on the window and adds the File
menu's import/export. Panels that show the user's data listen to
``changed``. ``install_notes_search(window, userdata, search_panel)`` adds
«ملاحظاتي» to the search tab (desktop.__main__.build_main_window calls it
once the panel is built).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QMenu

from desktop.app.userdata_hub import UserDataHub

if TYPE_CHECKING:
    from PySide6.QtWidgets import QFileDialog

    from desktop.app.bookmarks_panel import BookmarksPanel
    from desktop.app.main_window import MainWindow
    from desktop.app.notes_panel import NotesPanel
    from desktop.app.search_panel import SearchPanel
    from desktop.app.selection_panel import SelectionPanel
    from desktop.search.results import Results
    from desktop.userdata.bookmarks import Bookmark
    from desktop.userdata.exchange import ImportReport
    from desktop.userdata.notes import Note

#: a dock of the user's things made on first use
Dock = TypeVar("Dock", "BookmarksPanel", "NotesPanel")

EXCHANGE_FILTER = "بيانات شخصية (*.json)"


def install_personal(window: MainWindow, selection: SelectionPanel) -> UserDataHub:
    """Bookmarks, notes and the exchange file over the store `selection` opened."""
    hub = UserDataHub(selection.selection, window)
    window.userdata = hub
    menu = window.menu("file")
    before = window.quit_action if window.quit_action in menu.actions() else None

    export = QAction("تصدير البيانات الشخصية…", window)
    export.setObjectName("action-export-userdata")
    export.setToolTip("العلامات المرجعية والملاحظات والمختارات المحفوظة في ملف واحد")
    export.triggered.connect(lambda: export_userdata(window))
    imp = QAction("استيراد بيانات شخصية…", window)
    imp.setObjectName("action-import-userdata")
    imp.triggered.connect(lambda: import_userdata(window))
    if before is not None:      # above «خروج»
        menu.insertActions(before, [export, imp])
        menu.insertSeparator(before)
    else:
        menu.addActions([export, imp])
        menu.addSeparator()
    window.export_userdata_action, window.import_userdata_action = export, imp
    install_bookmarks_and_notes(window, hub, beside=selection.dock)
    return hub


def _dialog_options() -> QFileDialog.Option:
    # Qt's own dialog: translated by qtbase_ar and laid out right-to-left
    from PySide6.QtWidgets import QFileDialog

    return QFileDialog.Option.DontUseNativeDialog


def export_userdata(window: MainWindow, path: str | None = None) -> Path | None:
    """Write bookmarks, notes and named selections to a JSON file."""
    from PySide6.QtWidgets import QMessageBox

    from desktop.app.file_dialogs import save_file_name  # paths and patterns left to right
    from desktop.userdata.exchange import ExchangeError, export_file

    if path is None:
        path, _ = save_file_name(
            window, "تصدير البيانات الشخصية", str(Path.home() / "بياناتي.json"),
            EXCHANGE_FILTER, options=_dialog_options())
        if not path:
            return None
        if not path.lower().endswith(".json"):
            path += ".json"
    try:
        document = export_file(window.userdata.store, path)
    except ExchangeError as exc:
        QMessageBox.warning(window, "تصدير البيانات الشخصية", str(exc))
        return None
    window.statusBar().showMessage(
        f"صُدّرت {len(document['bookmarks'])} علامة مرجعية و{len(document['notes'])} ملاحظة "
        f"و{len(document['selections'])} مختارات إلى {path}", 6000)
    return Path(path)


def import_userdata(window: MainWindow, path: str | None = None) -> ImportReport | None:
    """Merge a colleague's file in; says what was added or why nothing was."""
    from PySide6.QtWidgets import QMessageBox

    from desktop.app.file_dialogs import open_file_name  # paths and patterns left to right
    from desktop.userdata import UserDataError
    from desktop.userdata.exchange import ExchangeError, import_file

    if path is None:
        path, _ = open_file_name(
            window, "استيراد بيانات شخصية", str(Path.home()), EXCHANGE_FILTER,
            options=_dialog_options())
        if not path:
            return None
    store = window.store

    def known(ids: Iterable[str]) -> set[str]:
        return {pid for pid in ids if store.paragraph(pid) is not None}

    try:
        report = import_file(window.userdata.store, path, known)
    except (ExchangeError, UserDataError) as exc:
        QMessageBox.warning(window, "استيراد بيانات شخصية", str(exc))
        return None
    window.userdata.changed.emit()
    QMessageBox.information(window, "استيراد بيانات شخصية", "\n".join(report.lines()))
    return report


# ---- bookmarks and notes in the window ---------------------------------------

MENU_TITLE = "العلامات والملاحظات"


def personal_menu(window: MainWindow) -> QMenu:
    """The «العلامات والملاحظات» menu, before Help (desktop.app.main_window.MENU_ORDER)."""
    menu = window.menu("personal", MENU_TITLE)
    window._personal_menu = menu
    return menu


def _action(window: MainWindow, text: str, shortcut: str, slot: Callable[[], object],
            name: str) -> QAction:
    from PySide6.QtGui import QKeySequence

    action = QAction(text, window)
    action.setObjectName(name)
    action.setShortcut(QKeySequence(shortcut))
    action.triggered.connect(slot)
    window.addAction(action)
    return action


def install_bookmarks_and_notes(window: MainWindow, hub: UserDataHub,
                                beside: QDockWidget | None = None) -> None:
    """Ctrl+B, notes, the two docks (made on first use: tabs beside the dock
    `beside`, the selection's) and the reader's mark."""
    from desktop.app.note_marks import NoteMarks

    menu = personal_menu(window)
    window.bookmark_action = _action(window, "أضف علامة مرجعية", "Ctrl+B",
                                     lambda: bookmark_current(window), "action-bookmark")
    window.add_note_action = _action(window, "أضف ملاحظة على الفقرة…", "Ctrl+Shift+N",
                                     lambda: add_note_current(window), "action-add-note")
    window.show_bookmarks_action = _action(window, "لوحة العلامات المرجعية", "Ctrl+Shift+B",
                                           lambda: show_bookmarks(window, beside),
                                           "action-show-bookmarks")
    window.show_notes_action = _action(window, "لوحة ملاحظاتي", "Ctrl+Shift+M",
                                       lambda: show_notes(window, beside),
                                       "action-show-notes")
    menu.addActions([window.bookmark_action, window.add_note_action])
    menu.addSeparator()
    menu.addActions([window.show_bookmarks_action, window.show_notes_action])

    reader = window.reader
    reader.add_paragraph_action(
        lambda pid: None if hub.store.is_bookmarked(pid) else "أضف علامة مرجعية",
        lambda pid: bookmark_paragraph(window, pid))
    reader.add_paragraph_action("أضف ملاحظة…", lambda pid: _write_note(window, pid))
    for slot in range(5):  # one entry per existing note (the first five)
        reader.add_paragraph_action(
            partial(_note_entry, hub, k=slot), partial(_edit_nth_note, window, k=slot))
    window.note_marks = NoteMarks(reader, hub)


def _note_entry(hub: UserDataHub, pid: str, k: int) -> str | None:
    notes = hub.store.notes(pid)
    if k >= len(notes):
        return None
    text = " ".join(notes[k].text.split())
    return f"تعديل الملاحظة «{text[:30]}{'…' if len(text) > 30 else ''}»…"


def _edit_nth_note(window: MainWindow, pid: str, k: int) -> bool:
    notes = window.userdata.store.notes(pid)
    return k < len(notes) and _write_note(window, pid, notes[k].id)


def _write_note(window: MainWindow, pid: str, note_id: int | None = None) -> bool:
    from desktop.app.notes_panel import write_note

    return write_note(window, window.userdata, window.store, pid, note_id)


def bookmark_paragraph(window: MainWindow, pid: str) -> Bookmark | None:
    from PySide6.QtWidgets import QMessageBox

    from desktop.userdata import UserDataError

    try:
        mark = window.userdata.store.add_bookmark(pid)
    except UserDataError as exc:
        QMessageBox.warning(window, "العلامات المرجعية", f"تعذّر حفظ العلامة.\n{exc}")
        return None
    cite = window.store.cited_as(pid)
    if mark is None:
        window.statusBar().showMessage(f"الفقرة معلَّمة من قبل: {cite}", 4000)
        return None
    window.userdata.changed.emit()
    window.statusBar().showMessage(f"أُضيفت علامة مرجعية: {cite}", 4000)
    return mark


def bookmark_current(window: MainWindow) -> Bookmark | None:
    pid = window.reader.current_paragraph_id()
    return bookmark_paragraph(window, pid) if pid else None


def add_note_current(window: MainWindow) -> bool:
    pid = window.reader.current_paragraph_id()
    if not pid:
        return False
    return _write_note(window, pid)


def _lazy_dock(window: MainWindow, panel: Dock | None, kind: type[Dock], title: str,
               beside: QDockWidget | None) -> Dock:
    """`panel`, or (None: the first use) a new ``kind`` over the window's store
    and user data, docked (not needed for the first paint); its place is
    restored from the saved window state when there is one, else a tab
    beside the dock `beside`."""
    from PySide6.QtCore import Qt

    if panel is None:
        panel = kind(window.store, window.userdata, window)
        panel.dock = window.add_panel(panel, title, Qt.DockWidgetArea.LeftDockWidgetArea)
        state = window.settings.window_state()
        name = panel.dock.objectName().encode("utf-16-be")  # how saveState stores names
        if state is not None and name in state.data():
            window.restoreDockWidget(panel.dock)
        elif beside is not None:  # first use: a tab beside the selection, which keeps its room
            window.tabifyDockWidget(beside, panel.dock)
        panel.paragraphRequested.connect(window.open_paragraph)
    panel.dock.show()
    panel.dock.raise_()
    return panel


def show_bookmarks(window: MainWindow, beside: QDockWidget | None = None) -> BookmarksPanel:
    from desktop.app.bookmarks_panel import PANEL_TITLE, BookmarksPanel

    panel = window.bookmarks_panel = _lazy_dock(window, window.bookmarks_panel,
                                                BookmarksPanel, PANEL_TITLE, beside)
    panel.tree.setFocus()
    return panel


def show_notes(window: MainWindow, beside: QDockWidget | None = None) -> NotesPanel:
    from desktop.app.notes_panel import PANEL_TITLE, NotesPanel

    panel = window.notes_panel = _lazy_dock(window, window.notes_panel, NotesPanel,
                                            PANEL_TITLE, beside)
    panel.list.setFocus()
    return panel


# ---- «ملاحظاتي» in the search tab ------------------------------------------------

class _NoteSnippet:
    """What the results list asks of a snippet (html with marks, plain text)."""

    def __init__(self, note: Note, query: str):
        self.note, self.query = note, query

    def html(self, open_: str = "<mark>", close: str = "</mark>") -> str:
        from desktop.userdata.note_search import search_notes

        hits = search_notes([self.note], self.query, open_, close)
        return hits[0].snippet_html if hits else ""

    def plain(self) -> str:
        return self.note.text


def note_results(window: MainWindow, text: str) -> Results:
    """The search tab's results for «ملاحظاتي»: notes with every word typed
    (all notes when nothing is typed), each opening its paragraph."""
    from desktop.search.results import Result, Results
    from desktop.userdata.note_search import search_notes

    out = Results()
    for hit in search_notes(window.userdata.store.notes(), text):
        note = hit.note
        cite = window.store.cited_as(note.paragraph_id)
        out.append(Result(id=note.paragraph_id, citation=f"{cite} — ملاحظتي",
                          snippet=note.text, score=0.0, kind="paragraph",
                          snippet_parts=_NoteSnippet(note, text)))
    out.total = len(out)
    return out


def install_notes_search(window: MainWindow, hub: UserDataHub, panel: SearchPanel) -> None:
    """A «ملاحظاتي» box in the search tab: when ticked, the tab searches the
    user's notes (`hub`) instead of the texts."""
    from PySide6.QtWidgets import QCheckBox, QVBoxLayout

    if panel.notes_box is not None:
        return
    box = QCheckBox("ملاحظاتي", panel)
    box.setObjectName("filter-my-notes")
    box.setToolTip("البحث في ملاحظاتك بدلاً من النصوص")
    layout = panel.layout()
    assert isinstance(layout, QVBoxLayout), "the search panel is a column"
    layout.insertWidget(3, box)  # under the filters, above the results
    panel.notes_box = box
    panel.local_search = lambda text: note_results(window, text) if box.isChecked() else None
    box.toggled.connect(lambda _on: panel.search_now())
    hub.changed.connect(lambda: box.isChecked() and panel.search_now())
