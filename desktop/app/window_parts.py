"""What the features give the main window: the attributes their install_*
functions set on it (desktop/__main__.py's build_main_window calls them).

MainWindow inherits these declarations, so that a feature's module that
names MainWindow is type-checked where it reads or sets them. A part that a
window may lack -- a test's bare window has no search tab, a panel made on
first use is not there before -- is declared ``X | None = None``: code reads
``window.x`` and checks None (mypy sees to it), never
``getattr(window, "x", None)`` (tests/unit/app/test_window_parts.py checks
that no feature probes the window). What one feature needs of another is
handed to it by desktop/__main__.py's build_main_window.

The rest are set by their feature's install_* function and read only where
that feature is installed.

A part whose class's module names MainWindow (search, side_reader,
finder_panel, screen_modes, preferences) is declared by its Qt base class:
naming its class here would be an import cycle (tests/unit/test_architecture
counts the imports made for mypy too); its own module checks isinstance.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtCore import QObject
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

    # parts a window may lack (None: not installed, or not built yet)
    selection_panel: SelectionPanel | None = None
    #: built with the search tab, or on its first use (search.when_built)
    search_panel: SearchPanel | None = None
    #: the lazy search tab's page (the interactive start): a search.SearchPage
    search_page: QWidget | None = None
    find_bar: FindBar | None = None
    side_reader: QWidget | None = None           # a side_reader.SideReader, on first use
    bookmarks_panel: BookmarksPanel | None = None  # made on first use
    notes_panel: NotesPanel | None = None        # made on first use
    finder_panel: QWidget | None = None          # a finder_panel.FinderPanel, on first use
    similar_panel: QWidget | None = None         # a finder_panel.SimilarParagraphsPanel, ditto
    handbook: HandbookWindow | None = None       # made on first use

    userdata: UserDataHub
    note_marks: NoteMarks
    screen_modes: QObject
    preferences: QObject
    preferences_dialog: QWidget
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
