"""The main window: contents tree and thematic index beside the reader.

Layout (right-to-left, so "beside" means on the right): a splitter holding
the navigation tabs (contents tree, thematic index, and any tab another
panel adds) and the reader; docks around it ("what links here" at the
bottom, more added by other features); a toolbar with Back/Forward and
zoom; a status bar with the current citation and official report paragraph.

Extension API (for the search, selection/printing and About features)
----------------------------------------------------------------------
``window.reader`` (desktop.app.reader.ReaderView):
    ``open_paragraph(id, highlight_terms=None) -> bool``  show a paragraph
        (its whole unit, the paragraph highlighted and scrolled to; terms,
        given as they appear in the text, are marked); records history.
    ``current_paragraph_id()``, ``current_unit_id()``, ``current_paragraph()``
    ``add_paragraph_action(text, callback)``  adds an entry to every
        paragraph's context menu; ``callback(paragraph_id)``.
    ``paragraphOpened(str)`` signal whenever the current paragraph changes
        (link, tree, history, index, or a click on a paragraph in the text).
    ``select_paragraph(id)``  make a paragraph of the shown unit current
        without moving the page or touching the history.
    ``paragraph_at(pos)``  the paragraph under a viewport position.
    ``mark_paragraphs(ids)``  tint other paragraphs of the shown unit
        (cleared by the next open).
    ``history`` (NavigationHistory), ``back()``, ``forward()``.
``window.open_paragraph(id, highlight_terms=None)`` the same, and also
    brings the reader forward; use it from panels.
``window.open_targets(first_id, ids)``  open the first, tint the others
    (several targets of one index entry or search hit).
``window.add_navigation_tab(widget, title) -> int``  a tab beside the
    contents tree and the index (e.g. search results).
``window.add_panel(widget, title, area=Qt.LeftDockWidgetArea) -> QDockWidget``
    a dock (e.g. the selection); its state is saved with the window.
``window.menu(name) -> QMenu``  "file" (ملف), "view" (عرض), "go" (انتقال),
    "help" (مساعدة); add QActions there (shortcuts work window-wide).
``window.toolbar``  the main QToolBar.
``window.tree_view`` / ``window.tree_model`` the contents tree;
    ``tree_model.key(index)`` gives ("node" | "paragraph", id).
``window.index_panel`` the thematic index (built when its tab is first
    shown, or when first asked for: the tab holds a blank page until then;
    ``window.built_index_panel()`` gives it only if built);
    ``window.when_index_panel(fn)`` calls ``fn(panel)`` once it is built;
    ``window.links_panel``.
``window.store`` the ContentStore (desktop.content.store): views ask it,
    never SQL.
``window.remember``  False in --screenshot/--self-test runs: write no
    user state.
``window.when_idle(fn)``  run ``fn`` on the event-loop turn after the reader's
    first paint, or at once when a key comes first (desktop.app.first_paint),
    or at once if that has passed: what the first paint does not need
    (search, printing, export, the application style) is built there.
Fonts: desktop.app.application.READER_FAMILY (Amiri, screen) and
PRINT_FAMILY (Noto Sans Arabic, whose text survives in PDFs), both bundled
and registered before any window exists.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QShowEvent
from PySide6.QtWidgets import (QApplication, QDockWidget, QMainWindow, QMenu, QSplitter,
                               QTabWidget, QTreeView, QWidget)

from desktop.content.citations import RLM
from desktop.content.store import ContentStore
from desktop.app.application import WINDOW_TITLE, finish_style, menu_title, style_pending
from desktop.app.first_paint import AfterFirstPaint
from desktop.app.lazy_tab import LazyTab
from desktop.app.links_panel import LinksPanel
from desktop.app.qt_viewport import wrap_viewport
from desktop.app.reader import ReaderView
from desktop.app.settings import DEFAULT_ZOOM, AppSettings
from desktop.app.tree_actions import FOLLOW_DELAY_MS, follow_reader, reveal_row
from desktop.app.tree_model import ContentTreeModel
from desktop.app.window_actions import WindowActions

from desktop.app.window_parts import WindowParts

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from desktop.app.index_panel import IndexPanel
    from desktop.app.mouse_history import HistoryButtons

MENU_TITLES = {"file": "&ملف", "view": "&عرض", "go": "ا&نتقال", "help": "م&ساعدة"}
#: The menu bar's order, whatever order the features install their menus in:
#: ملف first, مساعدة last; a menu not named here goes just before مساعدة.
MENU_ORDER = ("file", "edit", "view", "go", "personal", "tools", "help")


class MainWindow(WindowActions, QMainWindow, WindowParts):  # WindowParts: what the features give it
    def __init__(self, store: ContentStore, settings: AppSettings | None = None,
                 parent: QWidget | None = None, *, remember: bool = True):
        super().__init__(parent)
        self.store = store
        self.settings = settings or AppSettings()
        #: False for --screenshot/--self-test: nothing is written back
        self.remember = remember
        self.setObjectName("main-window")
        self.setWindowTitle(WINDOW_TITLE)
        self.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self._menus: dict[str, QMenu] = {}
        #: each menu's title with its & marks (shown without them until the style comes)
        self._menu_titles: dict[str, str] = {}
        #: what Ctrl++/Ctrl+-/Ctrl+0 call, if not the reader's own zoom (zoom_by)
        self.zoom_handler: Callable[[int], object] | None = None
        self._syncing_tree = False
        self._keep_tree = False
        #: the start-up open: its tree row revealed at once (open_start)
        self._tree_at_once = False
        #: work waiting for the first idle turn after the first show (None: done)
        self._idle_work: list[Callable[[], object]] | None = []

        self.reader = ReaderView(store, self)
        self.tree_model = ContentTreeModel(store, self)
        self.tree_view = QTreeView(self)
        # kept: viewport() then needs no type lookup (desktop.app.qt_viewport)
        self._tree_viewport = wrap_viewport(self.tree_view)
        self.tree_view.setObjectName("contents-tree")
        self.tree_view.setModel(self.tree_model)
        self.tree_view.setHeaderHidden(True)
        self.tree_view.setUniformRowHeights(True)
        self.tree_view.setWordWrap(False)
        self.links_panel = LinksPanel(store, self)

        # names read out by screen readers
        self.tree_view.setAccessibleName("المحتويات")
        self.reader.setAccessibleName("نص الخلاصة")
        self.links_panel.list.setAccessibleName("ما يحيل إلى هذه الفقرة")

        self.navigation = QTabWidget(self)
        self.navigation.setObjectName("navigation-tabs")
        self.navigation.addTab(self.tree_view, "المحتويات")
        # the index panel is built when its tab is first shown (or asked
        # for): not on the first paint, nor held from the start (issue 17)
        self._index_tab = LazyTab(self.navigation, INDEX_TAB, self._build_index_panel,
                                  "index-page")

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("main-splitter")
        self.splitter.addWidget(self.navigation)
        self.splitter.addWidget(self.reader)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([470, 810])
        self.setCentralWidget(self.splitter)

        for name in ("file", "view", "go", "help"):
            self.menu(name)  # «ملف» first in the menu bar, as everywhere
        self.links_dock = self.add_panel(self.links_panel, "ما يحيل إلى هذه الفقرة",
                                         Qt.DockWidgetArea.BottomDockWidgetArea)

        self._links_timer = QTimer(self)
        self._links_timer.setSingleShot(True)
        self._links_timer.setInterval(FOLLOW_DELAY_MS)
        self._links_timer.timeout.connect(self._links_follow)

        self._build_actions()
        self._build_status_bar()
        self._update_history_actions()
        self._connect()
        if style_pending():
            self.when_idle(self._finish_style)
        self.when_idle(self._arrow_icons)  # the style's: its Python type costs ~10 ms
        self.when_idle(self._plain_styles)
        # on the window's own QWindow, which receives every mouse event before
        # its widgets: an application-wide Python filter saw the events of every
        # object, and PySide built a wrapper type for each class it met (~30 ms,
        # +1.7 MiB resident: issue 17); after the first paint (the window exists)
        # (made there too: its module is not on the first paint)
        self._mouse_filter: HistoryButtons | None = None
        self.when_idle(self._install_mouse_filter)
        self.restore_state()

    # ---- extension points ------------------------------------------------

    @property
    def index_panel(self) -> IndexPanel:
        """The thematic index's panel, built now if it has not been."""
        return self._index_tab.panel

    def built_index_panel(self) -> IndexPanel | None:
        """The index panel if it is built (None: its tab was never shown)."""
        return self._index_tab.built

    def when_index_panel(self, hook: Callable[[IndexPanel], object]) -> None:
        """Call ``hook(panel)`` once the index panel is built (now if it is)."""
        self._index_tab.when_built(hook)

    def _build_index_panel(self) -> IndexPanel:
        from desktop.app.index_panel import IndexPanel

        panel = IndexPanel(self.store, self)
        panel.view.setAccessibleName("الفهرس المواضيعي")
        panel.filter_box.setAccessibleName("تصفية المواضيع")
        panel.paragraphRequested.connect(self.open_targets)
        return panel

    def add_navigation_tab(self, widget: QWidget, title: str) -> int:
        return self.navigation.addTab(widget, title)

    def add_panel(self, widget: QWidget, title: str,
                  area: Qt.DockWidgetArea = Qt.DockWidgetArea.LeftDockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(f"dock-{widget.objectName() or title}")
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        self.menu("view").addAction(dock.toggleViewAction())
        return dock

    def when_idle(self, work: Callable[[], object]) -> None:
        if self._idle_work is None:
            work()
        else:
            self._idle_work.append(work)

    def run_idle_work(self) -> None:
        """Run what waited for the first paint, in the order it was queued."""
        while self._idle_work:
            self._idle_work.pop(0)()
        self._idle_work = None

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._idle_work is not None and not hasattr(self, "_first_paint"):
            # after the reader's first paint (the start paragraph on screen),
            # or half a second after showing if no paint comes (minimised)
            self._first_paint = AfterFirstPaint(self.reader.viewport(), self.run_idle_work)
            QTimer.singleShot(500, self._first_paint.finish)

    def _install_mouse_filter(self) -> None:
        from desktop.app.mouse_history import HistoryButtons

        handle = self.windowHandle()
        if handle is not None and self._mouse_filter is None:
            self._mouse_filter = HistoryButtons(self, self.reader.back, self.reader.go_forward)
            handle.installEventFilter(self._mouse_filter)

    def _arrow_icons(self) -> None:
        style = self.style()  # in a right-to-left window "back" points right
        self.back_action.setIcon(style.standardIcon(style.StandardPixmap.SP_ArrowRight))
        self.forward_action.setIcon(style.standardIcon(style.StandardPixmap.SP_ArrowLeft))

    def _plain_styles(self) -> None:  # most style calls come from these (desktop.app.style)
        from desktop.app.style import keep_plain
        keep_plain(self.tree_view, self.reader, self.links_panel.list)
        self.when_index_panel(lambda panel: keep_plain(panel.view))

    def _finish_style(self) -> None:
        """The application style (desktop.app.application.finish_style), and
        the menus' titles with their & marks (Alt+letter) back."""
        app = QApplication.instance()
        if isinstance(app, QApplication):
            finish_style(app)
        for name, menu in self._menus.items():
            menu.setTitle(self._menu_titles[name])

    def menu(self, name: str, title: str | None = None) -> QMenu:
        """The menu `name`, made on first use at its place in MENU_ORDER."""
        if name not in self._menus:
            self._menu_titles[name] = title = title or MENU_TITLES.get(name, name)
            menu = QMenu(menu_title(title), self)
            menu.setObjectName(f"menu-{name}")
            rank = _menu_rank(name)
            later = [m for n, m in self._menus.items() if _menu_rank(n) > rank]
            if later:
                first = min(later, key=lambda m: self.menuBar().actions().index(m.menuAction()))
                self.menuBar().insertMenu(first.menuAction(), menu)
            else:
                self.menuBar().addMenu(menu)
            self._menus[name] = menu
        return self._menus[name]

    def open_menu_bar(self) -> None:
        """F10: open the first menu (Alt alone highlights the menu bar too)."""
        actions = [a for a in self.menuBar().actions() if a.isVisible() and a.isEnabled()]
        if actions:
            self.menuBar().setActiveAction(actions[0])

    def open_paragraph(self, paragraph_id: str,
                       highlight_terms: Sequence[str] | None = None) -> bool:
        ok = self.reader.open_paragraph(paragraph_id, highlight_terms)
        if ok:
            self.reader.setFocus()
        return ok

    # ---- construction ----------------------------------------------------

    def _connect(self) -> None:
        self.tree_view.selectionModel().currentChanged.connect(self._on_tree_current)
        self.tree_view.activated.connect(self._on_tree_activated)
        self.reader.paragraphOpened.connect(self._on_paragraph_opened)
        self.reader.historyChanged.connect(self._update_history_actions)
        self.reader.linksRequested.connect(self.show_links)
        self.reader.zoomChanged.connect(self.set_zoom)
        self.links_panel.paragraphRequested.connect(self.open_paragraph)
        self.links_panel.themeRequested.connect(self.show_theme)

    # ---- behaviour -------------------------------------------------------

    def open_targets(self, paragraph_id: str, targets: list) -> bool:
        """Open the first target of an index entry, the others of the same
        unit tinted (an entry often names several recommendations)."""
        if not self.open_paragraph(paragraph_id):
            return False
        self.reader.mark_paragraphs(targets)
        return True

    def _on_tree_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._syncing_tree:
            return
        key = self.tree_model.key(current)
        if key is None:
            return
        kind, ident = key
        if kind == "paragraph":
            self.reader.open_paragraph(ident)
            return
        node = self.store.node(ident)
        if node is None or node.kind == "part":
            return  # a part is only a folder; opening it would jump far
        first = self.store.first_paragraph(ident)
        if first:
            # the reader goes to the node's first paragraph; the tree keeps
            # the node the user chose instead of jumping into its children
            self._keep_tree = True
            try:
                # the unit's heading (title, dates, symbol) stays in view
                self.reader.open_paragraph(first.id, from_top=True)
            finally:
                self._keep_tree = False
        elif node.kind == "gap":
            self.reader.open_gap(ident)  # what is known, with its sources
            self.citation_label.setText(RLM + (node.heading or ident))
            self.official_label.setText("")

    def _on_tree_activated(self, index: QModelIndex) -> None:
        key = self.tree_model.key(index)
        if key and key[0] == "node":
            first = self.store.first_paragraph(key[1])
            if first:
                self.reader.open_paragraph(first.id, from_top=True)

    def _on_paragraph_opened(self, paragraph_id: str) -> None:
        para = self.store.paragraph(paragraph_id)
        if para is None:
            return
        # RLM first: a QLabel whose text starts with a Latin symbol would
        # otherwise lay the whole line out left-to-right (Qt takes a label's
        # direction from its first strong character)
        cite = self.store.citation(para)
        self.citation_label.setText(RLM + cite.short)
        official = cite.status_line
        self.citation_label.setToolTip(cite.full)
        self.official_label.setText(RLM + official if official else "")
        # "what links here" follows once the opens pause, as the tree does:
        # its listing and the dock's repaint were ~1.5 ms of each open (issue 17)
        self._links_timer.start()
        if self._tree_at_once:
            self.select_in_tree(paragraph_id)
        elif not self._keep_tree:
            follow_reader(self, paragraph_id)  # current now, scrolled to when the opens pause
        if self.remember:
            self.settings.set_last_paragraph(paragraph_id)

    def panels_follow_now(self) -> None:
        """The panels that follow the reader once the opens pause, at once
        (a screenshot is taken straight after its open)."""
        self._links_timer.stop()
        self._links_follow()

    def _links_follow(self) -> None:
        """The links panel shows what links to the reader's paragraph."""
        paragraph_id = self.reader.current_paragraph_id()
        if paragraph_id:
            self.links_panel.show_paragraph(paragraph_id)

    def select_in_tree(self, paragraph_id: str) -> None:
        index = self.tree_model.index_for_paragraph(paragraph_id)
        if not index.isValid():
            return
        self._syncing_tree = True
        try:
            reveal_row(self.tree_view, index)  # with its part/meeting; before: one scroll
            self.tree_view.setCurrentIndex(index)
        finally:
            self._syncing_tree = False

    def _update_history_actions(self) -> None:
        self.back_action.setEnabled(self.reader.history.can_back())
        self.forward_action.setEnabled(self.reader.history.can_forward())

    def show_links(self, paragraph_id: str) -> None:
        self._links_timer.stop()
        self.links_panel.show_paragraph(paragraph_id)
        self.links_dock.show()
        self.links_dock.raise_()

    def show_theme(self, theme_id: int | str) -> None:
        self.navigation.setCurrentWidget(self.index_panel)
        self.index_panel.show_theme(theme_id)

    def zoom_by(self, step: int) -> None:
        """Ctrl++ (1), Ctrl+- (-1), Ctrl+0 (0): the reader's point size, unless
        a feature took the zoom over (``zoom_handler(step)``: the preferences'
        zoom of the whole window)."""
        if self.zoom_handler is not None:
            self.zoom_handler(step)
            return
        self.set_zoom(DEFAULT_ZOOM if step == 0 else self.reader.zoom() + step)

    def set_zoom(self, point_size: int) -> None:
        self.reader.set_zoom(point_size)
        if self.remember:
            self.settings.set_zoom(self.reader.zoom())

    # ---- state -----------------------------------------------------------

    def restore_state(self) -> None:
        geometry = self.settings.geometry()
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)
        state = self.settings.window_state()
        if state is not None:
            self.restoreState(state)
        else:
            self.resizeDocks([self.links_dock], [140], Qt.Orientation.Vertical)
        splitter = self.settings.splitter("main")
        if splitter is not None:
            self.splitter.restoreState(splitter)
        self.reader.set_zoom(self.settings.zoom())

    def open_start(self, paragraph_id: str | None = None) -> bool:
        """Open the given paragraph, else the last one read, else the first;
        its row in the tree revealed at once, shown or not (the window is
        shown first at start-up, desktop.__main__: the tree follows other
        opens once they pause, but the first paint has this row in view)."""
        self._tree_at_once = True
        try:
            for candidate in (paragraph_id, self.settings.last_paragraph()):
                if candidate and self.open_paragraph(candidate):
                    return True
            for node in self.store.top_nodes():
                first = self.store.first_paragraph(node.id)
                if first:
                    return self.open_paragraph(first.id)
            return False
        finally:
            self._tree_at_once = False

    def save_state(self) -> None:
        if not self.remember:
            return
        self.settings.save_window(self.saveGeometry(), self.saveState(),
                                  {"main": self.splitter.saveState()})
        self.settings.set_zoom(self.reader.zoom())
        self.settings.set_last_paragraph(self.reader.current_paragraph_id())
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._idle_work:
            self._idle_work.clear()  # closed before its first idle turn: nothing more to build
        self.save_state()
        app = QApplication.instance()
        if app is not None and self._mouse_filter is not None:
            app.removeEventFilter(self._mouse_filter)
        super().closeEvent(event)


#: the thematic index's tab
INDEX_TAB = "الفهرس المواضيعي"


def _menu_rank(name: str) -> float:
    if name in MENU_ORDER:
        return MENU_ORDER.index(name)
    return MENU_ORDER.index("help") - 0.5
