"""The main window's own actions (Back/Forward, zoom, quit, F10 to the menu
bar, About), its menus' first entries and toolbar, and the status bar with
the current citation and official report paragraph: mixed into MainWindow,
made with it. Features add their own actions (window.menu(name)).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QIcon, QKeySequence, QPixmap
from PySide6.QtWidgets import QLabel, QToolBar

from desktop.app.about_action import add_about_action

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMainWindow, QMenu

    from desktop.app.reader import ReaderView
    from desktop.content.store import ContentStore

    class _Window(QMainWindow):
        """What the actions use of the main window."""
        reader: ReaderView
        store: ContentStore

        def menu(self, name: str, title: str | None = None) -> QMenu: ...
        def zoom_by(self, step: int) -> None: ...
        def open_menu_bar(self) -> None: ...
else:
    _Window = object


class WindowActions(_Window):
    toolbar: QToolBar
    back_action: QAction
    forward_action: QAction
    zoom_in_action: QAction
    zoom_out_action: QAction
    zoom_reset_action: QAction
    quit_action: QAction
    menu_bar_action: QAction
    about_action: QAction
    citation_label: QLabel
    official_label: QLabel

    def _build_actions(self) -> None:
        for name in ("file", "view", "go", "help"):
            self.menu(name)
        self.toolbar = QToolBar("الأدوات", self)
        self.toolbar.setObjectName("main-toolbar")
        self.addToolBar(self.toolbar)
        self.menu("view").addAction(self.toolbar.toggleViewAction())  # not only by right-click
        # the arrows come on the first idle turn (_arrow_icons): a blank icon
        # keeps the buttons' size meanwhile
        blank = QPixmap(16, 16)
        blank.fill(Qt.GlobalColor.transparent)

        self.back_action = QAction(QIcon(blank), "رجوع", self)
        self.back_action.setShortcuts([QKeySequence(Qt.Modifier.ALT | Qt.Key.Key_Left),
                                       QKeySequence(Qt.Key.Key_Back)])
        self.back_action.triggered.connect(self.reader.back)
        self.forward_action = QAction(QIcon(blank), "تقدم", self)
        self.forward_action.setShortcuts([QKeySequence(Qt.Modifier.ALT | Qt.Key.Key_Right),
                                          QKeySequence(Qt.Key.Key_Forward)])
        self.forward_action.triggered.connect(self.reader.forward)

        self.zoom_in_action = QAction("تكبير", self)
        self.zoom_in_action.setShortcuts([QKeySequence("Ctrl++"), QKeySequence("Ctrl+=")])
        self.zoom_in_action.triggered.connect(lambda: self.zoom_by(1))
        self.zoom_out_action = QAction("تصغير", self)
        self.zoom_out_action.setShortcuts([QKeySequence("Ctrl+-")])
        self.zoom_out_action.triggered.connect(lambda: self.zoom_by(-1))
        self.zoom_reset_action = QAction("الحجم الافتراضي", self)
        self.zoom_reset_action.setShortcut(QKeySequence("Ctrl+0"))
        self.zoom_reset_action.triggered.connect(lambda: self.zoom_by(0))

        self.quit_action = QAction("خروج", self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.triggered.connect(self.close)

        self.menu_bar_action = QAction("شريط القوائم", self)
        self.menu_bar_action.setObjectName("action-menu-bar")
        self.menu_bar_action.setShortcut(QKeySequence(Qt.Key.Key_F10))
        self.menu_bar_action.triggered.connect(self.open_menu_bar)

        for action in (self.back_action, self.forward_action, self.zoom_in_action,
                       self.zoom_out_action, self.zoom_reset_action, self.quit_action,
                       self.menu_bar_action):
            self.addAction(action)
        self.menu("go").addActions([self.back_action, self.forward_action])
        self.menu("view").addActions([self.zoom_in_action, self.zoom_out_action,
                                      self.zoom_reset_action])
        self.menu("view").addSeparator()
        self.menu("file").addAction(self.quit_action)
        # Help > About: version, edition, source documents
        self.about_action = add_about_action(self, self.store, self.menu("help"))
        self.toolbar.addActions([self.back_action, self.forward_action])
        self.toolbar.addSeparator()
        self.toolbar.addActions([self.zoom_in_action, self.zoom_out_action])

    def _build_status_bar(self) -> None:
        self.citation_label = QLabel("", self)
        self.citation_label.setTextFormat(Qt.TextFormat.PlainText)
        self.citation_label.setObjectName("status-citation")
        self.official_label = QLabel("", self)
        self.official_label.setTextFormat(Qt.TextFormat.PlainText)
        self.official_label.setObjectName("status-official")
        self.statusBar().addWidget(self.citation_label, 1)
        self.statusBar().addPermanentWidget(self.official_label)
