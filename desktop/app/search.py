"""The search feature in the main window: ``install_search(window)`` adds the
search tab (Ctrl+K, desktop.app.search_panel) and the find bar under the
reader (Ctrl+F, desktop.app.find_bar), both in the Go menu.

``install_search(window, lazy=True)`` (the interactive start) puts a
SearchPage in the tab instead: the tab, its name, Ctrl+K and the find bar
are there at once, but the search panel -- its filters, its worker pool,
the search engine and everything it imports, about 5 MiB resident (issue
17) -- is built into the page the first time it is shown (the user opens
the tab, or presses Ctrl+K), and ``SearchPage.built`` tells the features
that extend the panel."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShowEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

if TYPE_CHECKING:  # imported when the panel is first built
    from desktop.app.find_bar import FindBar
    from desktop.app.main_window import MainWindow
    from desktop.app.search_panel import SearchPanel

TAB_TITLE = "البحث"


class SearchPage(QWidget):
    """The search tab's page: empty until it is first shown or asked for
    its panel, then holding the search panel (``window.search_panel``)."""

    #: the SearchPanel, once, as soon as it is built
    built = Signal(object)

    def __init__(self, window: MainWindow, db_path: Path):
        super().__init__()
        self.setObjectName("search-page")
        self.setAccessibleName(TAB_TITLE)
        self.window_ = window
        self.db_path = db_path
        self._panel: SearchPanel | None = None
        self._box = QVBoxLayout(self)
        self._box.setContentsMargins(0, 0, 0, 0)

    def is_built(self) -> bool:
        return self._panel is not None

    def panel(self) -> SearchPanel:
        """The search panel, built now if it is not yet."""
        if self._panel is None:
            self._panel = _make_panel(self.window_, self.db_path, self)
            self._box.addWidget(self._panel)
            self._panel.show()      # now, not on the next turn (its box takes the focus)
            self.setFocusProxy(self._panel.search_box)
            self.built.emit(self._panel)
        return self._panel

    def showEvent(self, event: QShowEvent) -> None:
        self.panel()    # before the page paints: never an empty tab on screen
        super().showEvent(event)


def _make_panel(window: MainWindow, path: Path, parent: QWidget) -> SearchPanel:
    """The search panel, wired to the window."""
    from PySide6.QtWidgets import QApplication

    from desktop.app.search_panel import SearchPanel

    panel = SearchPanel(path, parent)
    window.search_panel = panel

    def open_paragraph(pid: str, terms: list[str]) -> None:
        window.open_paragraph(pid, terms)

    def open_theme(name: str) -> None:
        for theme in window.store.themes():
            if theme.name == name:
                window.show_theme(theme.id)
                return

    panel.paragraph_requested.connect(open_paragraph)
    panel.theme_requested.connect(open_theme)
    app = QApplication.instance()
    if app is not None:
        app.aboutToQuit.connect(panel.shutdown)
    return panel


def search_panel(window: MainWindow) -> SearchPanel | None:
    """The window's search panel, built now if its tab is still empty
    (None: the window has no search tab)."""
    page = window.search_page
    if isinstance(page, SearchPage):     # None without a lazy tab
        return page.panel()
    return window.search_panel


def when_built(window: MainWindow, work: Callable[[SearchPanel], None]) -> None:
    """Run ``work(panel)`` once the window's search panel exists: now if it
    does, else when its lazy tab builds it (never, without a search tab)."""
    page = window.search_page
    if window.search_panel is not None:
        work(window.search_panel)
    elif isinstance(page, SearchPage):     # None without a lazy tab
        page.built.connect(work)


def install_search(window: MainWindow, db_path: Path | str | None = None, *,
                   lazy: bool = False) -> tuple[SearchPanel | None, FindBar]:
    """Add the search tab (Ctrl+K) and the find bar (Ctrl+F) to a MainWindow.

    Uses only the window's extension API (add_navigation_tab, menu,
    open_paragraph, show_theme, reader); the find bar goes under the reader
    in the main splitter. Returns (panel, find_bar); ``lazy``: (None,
    find_bar), the panel is built on first use (``window.search_page``).
    """
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QVBoxLayout as _VBox

    from desktop.app.find_bar import FindBar

    path = Path(db_path) if db_path else Path(window.store.path)
    panel: SearchPanel | None = None
    if lazy:
        page = SearchPage(window, path)
        window.search_page = page
        tab = window.add_navigation_tab(page, TAB_TITLE)
    else:
        panel = _make_panel(window, path, window)
        tab = window.add_navigation_tab(panel, TAB_TITLE)

    def focus_search() -> None:
        window.navigation.setCurrentIndex(tab)   # shows the page: builds the panel
        shown = search_panel(window)
        if shown is not None:
            shown.focus_search()

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
    return panel, find_bar
