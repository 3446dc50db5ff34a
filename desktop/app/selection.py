"""The selection feature in the main window: ``install_selection(window)``
opens the user-data file (saying so when it had to be recovered), docks the
selection panel (desktop.app.selection_panel) and adds the "add to
selection" entries to the tree, the reader and the index, with Ctrl+D and
undo/redo in the File menu; ``hook_search(window, panel, search_panel)``
adds them to the search results (desktop.__main__.build_main_window calls
it once the search panel is built).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QPoint, QStandardPaths, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QMenu, QWidget

from desktop.app.selection_panel import PANEL_TITLE, SelectionPanel, paragraphs_text
from desktop.userdata import SelectionStore, UserDataError, default_path, open_or_recover

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox

    from desktop.app.index_panel import IndexPanel
    from desktop.app.main_window import MainWindow
    from desktop.app.search_panel import SearchPanel
    from desktop.app.tree_menu import TreeMenu
    from desktop.userdata.recovery import Recovery

def user_data_path() -> Path:
    """The user-data file under the platform's application-data folder."""
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return default_path(folder)


def open_user_data(path: str | Path | None = None, parent: QWidget | None = None) -> SelectionStore:
    """Open the user-data store; if it is unusable, say so and keep the
    selection in memory for this session (nothing is overwritten)."""
    path = path if path is not None else user_data_path()
    try:
        store, recovery = open_or_recover(path)
    except UserDataError as exc:
        if parent is not None:
            _tell(parent, "تعذّر فتح ملف المختارات، وستُحفظ المختارات لهذه الجلسة فقط.\n"
                          f"{exc}")
        return SelectionStore(":memory:")
    if recovery is not None and parent is not None:
        _tell(parent, recovery_message(recovery))
    return store


def recovery_message(recovery: Recovery) -> str:
    """What happened to a damaged user-data file, in Arabic."""
    return ("كان ملف المختارات تالفاً، فنُقل جانباً دون حذفه إلى:\n"
            f"{recovery.moved_to}\n\n"
            f"وبدأ ملف جديد استُعيد إليه ما أمكن قراءته: {recovery.items} عنصراً"
            f" و{recovery.selections} مختارات محفوظة.")


def _tell(parent: QWidget, text: str) -> QMessageBox:
    """A warning that does not block start-up (shown beside the window)."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Warning, PANEL_TITLE, text,
                      QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("userdata-warning")
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setModal(False)
    box.show()
    return box


def install_selection(window: MainWindow, path: str | Path | None = None, *,
                      tree_menu: TreeMenu | None = None, deferred: bool = False) -> SelectionPanel:
    """Dock the selection panel in ``window`` (a desktop.app.main_window.MainWindow)
    and connect every place a paragraph can be added from (the contents
    tree's: the entries it adds to `tree_menu`).

    ``deferred``: the dock is placed now (so the first paint has the final
    layout) but its list and the print and export actions are filled in on
    the window's first idle turn (``when_idle``); printing itself loads with
    the first print (desktop.app.print_actions)."""
    store = open_user_data(path, window)
    panel = SelectionPanel(window.store, store, window, load=not deferred)
    panel.dock = window.add_panel(panel, PANEL_TITLE)
    panel.paragraphRequested.connect(window.open_paragraph)
    window.selection_panel = panel
    app = QApplication.instance()
    if isinstance(app, QApplication):       # the widgets' application (always, with a window)
        app.applicationStateChanged.connect(panel._on_app_state)

    # Reader: per-paragraph context menu entries.
    window.reader.add_paragraph_action(
        "أضف إلى المختارات", lambda pid: _status(window, panel.add_paragraphs([pid])))
    window.reader.add_paragraph_action(
        "أضف الوحدة كلها إلى المختارات",
        lambda pid: _status(window, _add_unit_of(window, panel, pid)))

    # Tree: context menu on paragraphs and nodes.
    if tree_menu is not None:
        tree_menu.add(lambda menu, index: _tree_entry(window, panel, menu, index))

    # Index: context menu on themes (all targets) and entries.
    def index_menu(index_panel: IndexPanel) -> None:
        view = index_panel.view
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        view.customContextMenuRequested.connect(lambda pos: _index_menu(window, panel, pos))

    window.when_index_panel(index_menu)  # built on the first idle turn

    add = QAction("أضف إلى المختارات", window)
    add.setObjectName("action-add-to-selection")
    add.setShortcut(QKeySequence("Ctrl+D"))
    add.triggered.connect(lambda: add_from_focus(window, panel))
    window.addAction(add)
    file_actions = window.menu("file").actions()
    if file_actions:
        window.menu("file").insertAction(file_actions[0], add)
    else:
        window.menu("file").addAction(add)
    window.add_to_selection_action = add

    # Undo/redo of the selection's edits (add, remove, move, clear, open)
    undo = panel.undo_stack.createUndoAction(window, "تراجع عن")
    undo.setObjectName("action-selection-undo")
    undo.setShortcut(QKeySequence(QKeySequence.StandardKey.Undo))
    redo = panel.undo_stack.createRedoAction(window, "إعادة")
    redo.setObjectName("action-selection-redo")
    redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
    for action in (undo, redo):
        window.addAction(action)
        window.menu("file").insertAction(add, action)
    window.selection_undo_action, window.selection_redo_action = undo, redo

    def finish() -> None:
        from desktop.app.print_actions import install_printing

        if deferred:
            panel.reload()
        install_printing(window, panel)

    if deferred:
        window.when_idle(finish)
    else:
        finish()

    state = window.settings.window_state()
    if state is not None:
        window.restoreState(state)
    else:
        # first start: the reader gets the room, the list stays readable
        window.resizeDocks([panel.dock], [230], Qt.Orientation.Horizontal)
        window.splitter.setSizes([420, 630])
    return panel


def _add_unit_of(window: MainWindow, panel: SelectionPanel, pid: str) -> int:
    para = window.store.paragraph(pid)
    return panel.add_node(para.unit_id, confirm=True) if para else 0


def _status(window: MainWindow, added: int) -> None:
    if added:
        window.statusBar().showMessage(f"أُضيف إلى المختارات: {paragraphs_text(added)}", 4000)
    else:
        window.statusBar().showMessage("الفقرات موجودة في المختارات من قبل", 4000)


def tree_ids(window: MainWindow, index: QModelIndex) -> list[str]:
    key = window.tree_model.key(index)
    if key is None:
        return []
    kind, ident = key
    if kind == "paragraph":
        return [ident]
    return window.store.paragraphs_under(ident)


def index_ids(window: MainWindow, proxy_index: QModelIndex) -> list[str]:
    """Targets of an index entry, or of every entry of a theme."""
    panel = window.index_panel
    source = panel.proxy.mapToSource(proxy_index)
    entry = panel.model.entry(source)
    if entry is not None:
        return list(entry.targets)
    theme = panel.model.theme(source)
    if theme is None:
        return []
    ids: list[str] = []
    for e in window.store.index_entries(theme.id):
        ids.extend(t for t in e.targets if t not in ids)
    return ids


def _tree_entry(window: MainWindow, panel: SelectionPanel, menu: QMenu,
                index: QModelIndex) -> None:
    """«أضف إلى المختارات» in the contents tree's menu, for a row's paragraphs."""
    ids = tree_ids(window, index)
    if ids:
        text = "أضف إلى المختارات" if len(ids) == 1 else \
            f"أضف إلى المختارات ({paragraphs_text(len(ids))})"
        menu.addAction(text, lambda: _status(window, panel.add_paragraphs(ids, confirm=True)))


def _index_menu(window: MainWindow, panel: SelectionPanel, pos: QPoint) -> None:
    view = window.index_panel.view
    ids = index_ids(window, view.indexAt(pos))
    if not ids:
        return
    menu = QMenu(view)
    menu.addAction(f"أضف الأهداف إلى المختارات ({paragraphs_text(len(ids))})",
                   lambda: _status(window, panel.add_paragraphs(ids, confirm=True)))
    menu.exec(view.viewport().mapToGlobal(pos))


def add_from_focus(window: MainWindow, panel: SelectionPanel) -> int:
    """Ctrl+D: add what the focused view points at (tree item, index entry or
    theme, search result), else the paragraph open in the reader."""
    focus = QApplication.focusWidget()
    ids: list[str] = []
    if focus is window.tree_view and window.tree_view.currentIndex().isValid():
        ids = tree_ids(window, window.tree_view.currentIndex())
    elif (index_panel := window.built_index_panel()) is not None \
            and focus is index_panel.view and index_panel.view.currentIndex().isValid():
        ids = index_ids(window, index_panel.view.currentIndex())
    else:
        search = window.search_panel
        if search is not None and focus is not None and search.isAncestorOf(focus):
            ids = search_result_ids(window, _chosen_results(search))
    if not ids:
        current = window.reader.current_paragraph_id()
        ids = [current] if current else []
    added = panel.add_paragraphs(ids, confirm=True) if ids else 0
    _status(window, added)
    return added


# ---- search results ------------------------------------------------------------

def _chosen_results(search: SearchPanel) -> list[QModelIndex]:
    """The selected result rows, else the current one."""
    view = search.view
    rows = view.selectionModel().selectedRows() if view.selectionModel() else []
    if not rows and view.currentIndex().isValid():
        rows = [view.currentIndex()]
    return sorted(rows, key=lambda index: index.row())


def search_result_ids(window: MainWindow, indexes: Iterable[QModelIndex]) -> list[str]:
    """Paragraph ids of search results; a theme result stands for all the
    targets of that theme's index entries."""
    from desktop.app.search_results import ID_ROLE as RESULT_ID, KIND_ROLE as RESULT_KIND

    ids: list[str] = []
    themes = None
    for index in indexes:
        ident = index.data(RESULT_ID)
        if not ident:
            continue
        if index.data(RESULT_KIND) == "theme":
            if themes is None:
                themes = {t.name: t.id for t in window.store.themes()}
            theme_id = themes.get(ident, ident)
            for entry in window.store.index_entries(theme_id):
                ids.extend(t for t in entry.targets if t not in ids)
        elif ident not in ids:
            ids.append(ident)
    return ids


def hook_search(window: MainWindow, panel: SelectionPanel, search: SearchPanel) -> bool:
    """Give the search results a context menu that adds to the selection
    (the chosen results, or all results shown). False if the list already
    has a custom menu."""
    view = search.view
    if view.contextMenuPolicy() == Qt.ContextMenuPolicy.CustomContextMenu:
        return False
    view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)

    def menu_at(pos: QPoint) -> None:
        index = view.indexAt(pos)
        if index.isValid() and not view.selectionModel().isSelected(index):
            view.setCurrentIndex(index)
        chosen = search_result_ids(window, _chosen_results(search))
        model = view.model()
        every = search_result_ids(window, [model.index(r, 0) for r in range(model.rowCount())])
        if not every:
            return
        menu = QMenu(view)
        if chosen:
            menu.addAction(f"أضف إلى المختارات ({paragraphs_text(len(chosen))})",
                           lambda: _status(window, panel.add_paragraphs(chosen, confirm=True)))
        menu.addAction(f"أضف كل النتائج المعروضة إلى المختارات ({paragraphs_text(len(every))})",
                       lambda: _status(window, panel.add_paragraphs(every, confirm=True)))
        menu.exec(view.viewport().mapToGlobal(pos))

    view.customContextMenuRequested.connect(menu_at)
    return True
