"""The search feature in the main window: ``install_search(window)`` adds the
search tab (Ctrl+K, desktop.app.search_panel) and the find bar under the
reader (Ctrl+F, desktop.app.find_bar), both in the Go menu."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QWidget

from desktop.app.search_panel import SearchPanel


def install_search(window, db_path: Path | str | None = None):
    """Add the search tab (Ctrl+K) and the find bar (Ctrl+F) to a MainWindow.

    Uses only the window's extension API (add_navigation_tab, menu,
    open_paragraph, show_theme, reader); the find bar goes under the reader
    in the main splitter. Returns (panel, find_bar).
    """
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QVBoxLayout as _VBox

    from desktop.app.find_bar import FindBar

    path = Path(db_path) if db_path else Path(window.store.path)
    panel = SearchPanel(path, window)
    window.search_panel = panel
    tab = window.add_navigation_tab(panel, "البحث")

    def open_paragraph(pid: str, terms: list) -> None:
        window.open_paragraph(pid, terms)

    def open_theme(name: str) -> None:
        for theme in window.store.themes():
            if theme.name == name:
                window.show_theme(theme.id)
                return

    panel.paragraph_requested.connect(open_paragraph)
    panel.theme_requested.connect(open_theme)

    def focus_search() -> None:
        window.navigation.setCurrentIndex(tab)
        panel.focus_search()

    search_action = QAction("البحث في النصوص", window)
    search_action.setObjectName("action-search")
    search_action.setShortcut(QKeySequence("Ctrl+K"))
    search_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    search_action.triggered.connect(focus_search)
    window.menu("go").addAction(search_action)
    window.addAction(search_action)

    # The find bar sits under the reader: on first use (when the splitter has
    # real sizes), the reader and the bar go into one box in the splitter.
    reader = window.reader
    find_bar = FindBar(reader)

    def place_find_bar() -> None:
        splitter = window.splitter
        at = splitter.indexOf(reader)
        if at < 0:
            return
        sizes = splitter.sizes()
        box = QWidget()
        box.setObjectName("reader-box")
        layout = _VBox(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        splitter.insertWidget(at, box)
        layout.addWidget(reader, 1)  # reparenting takes the reader out of the splitter
        layout.addWidget(find_bar)
        reader.show()
        splitter.setStretchFactor(at, 1)
        splitter.setSizes(sizes)

    find_bar.before_first_show = place_find_bar
    window.find_bar = find_bar
    reader.paragraphOpened.connect(lambda _pid: find_bar.document_changed())

    find_action = QAction("بحث في الوحدة المفتوحة", window)
    find_action.setObjectName("action-find")
    find_action.setShortcut(QKeySequence.StandardKey.Find)
    find_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    find_action.triggered.connect(find_bar.open_bar)
    window.menu("go").addAction(find_action)
    window.addAction(find_action)

    from PySide6.QtWidgets import QApplication as _App
    app = _App.instance()
    if app is not None:
        app.aboutToQuit.connect(panel.shutdown)
    return panel, find_bar
