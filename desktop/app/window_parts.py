"""What the features give the main window: the attributes their install_*
functions set on it (desktop/__main__.py's build_main_window calls them).

MainWindow inherits these declarations, so that a feature's module that
names MainWindow is type-checked where it reads or sets them; nothing here
runs. A window built without a feature (a test's bare window) has no such
attribute: ``getattr(window, name, None)`` says whether it was installed.

A feature whose own module names MainWindow (screen_modes, preferences,
side_reader, search) is declared by its Qt base class: naming its class
here would be an import cycle.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtCore import QModelIndex, QObject
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QMenu, QWidget

    from desktop.app.bookmarks_panel import BookmarksPanel
    from desktop.app.find_bar import FindBar
    from desktop.app.handbook_viewer import HandbookWindow
    from desktop.app.note_marks import NoteMarks
    from desktop.app.notes_panel import NotesPanel
    from desktop.app.search_panel import SearchPanel
    from desktop.app.selection_panel import SelectionPanel
    from desktop.app.userdata_hub import UserDataHub


class WindowParts:
    """The features' attributes of the main window (declarations only)."""

    selection_panel: SelectionPanel
    search_panel: SearchPanel
    search_page: QWidget
    find_bar: FindBar
    userdata: UserDataHub
    note_marks: NoteMarks
    bookmarks_panel: BookmarksPanel
    notes_panel: NotesPanel
    handbook: HandbookWindow | None
    screen_modes: QObject
    preferences: QObject
    preferences_dialog: QWidget
    side_reader: QWidget
    #: extra entries of the contents tree's context menu: hook(menu, index)
    tree_menu_hooks: list[Callable[[QMenu, QModelIndex], None]]
    history_back_menu: QMenu
    history_forward_menu: QMenu
    history_menu: QMenu
    _personal_menu: QMenu
    about_action: QAction
    add_note_action: QAction
    add_to_selection_action: QAction
    bookmark_action: QAction
    collapse_tree_action: QAction
    export_userdata_action: QAction
    find_agreed_action: QAction
    handbook_action: QAction
    import_userdata_action: QAction
    more_like_this_action: QAction
    preferences_action: QAction
    print_action: QAction
    selection_redo_action: QAction
    selection_undo_action: QAction
    show_bookmarks_action: QAction
    show_notes_action: QAction
    side_by_side_action: QAction
    whats_new_action: QAction
