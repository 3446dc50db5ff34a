"""The handbook's window: contents list, pages, Back/Forward, Ctrl+F.

A QTextBrowser shows the pages of resources/handbook as desktop.handbook
renders them (escaped, right to left); it loads only the handbook's own
files (pages and pictures), never anything from the network. A link to
another page or section is followed in place (Back returns); an http(s)
link is opened in the system's browser only after the user says yes.
The shortcuts page is made from the main window's actions when it is shown.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QUrl, Qt
from PySide6.QtGui import QAction, QDesktopServices, QImage, QKeySequence, QTextDocument
from PySide6.QtWidgets import (QListWidget, QListWidgetItem, QMainWindow, QMenu, QMessageBox,
                               QSplitter, QTextBrowser, QToolBar, QVBoxLayout, QWidget)

from desktop import handbook
from desktop.app.find_bar import FindBar

WINDOW_TITLE = "دليل الاستخدام"
#: the handbook's own actions, listed with the window's in the shortcuts table
OWN_PLACE = "نافذة الدليل"


def plain(text: str) -> str:
    """An action's text as a reader sees it: no mnemonic «&», no «…»."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…").strip()


#: keys as the handbook writes them (arrows as arrows)
_KEY_NAMES = {"Left": "←", "Right": "→", "Up": "↑", "Down": "↓", "Del": "Delete"}
#: the keyboard's and mouse's own Back/Forward buttons: not keys one types
_HARDWARE = {"Back", "Forward"}


def key_text(seq: QKeySequence) -> str:
    """One shortcut as the handbook writes it: Ctrl+Shift+B, Alt+←."""
    parts = seq.toString(QKeySequence.SequenceFormat.PortableText).split("+")
    if parts[-1] == "" and len(parts) > 1:  # "Ctrl++"
        parts = [*parts[:-2], "+"]
    return "+".join(_KEY_NAMES.get(part, part) for part in parts)


def keys_text(action: QAction) -> str:
    keys = [key_text(seq) for seq in action.shortcuts() if not seq.isEmpty()]
    return handbook.KEYS_SEPARATOR.join(k for k in keys if k not in _HARDWARE)


def shortcut_rows(window: QMainWindow,
                  extra: Sequence[tuple[str, QAction]] = ()) -> list[handbook.ShortcutRow]:
    """Every action of `window` that has a shortcut: those in a menu under
    the menu's name, in the menus' order, then the others (panels' own keys)
    under their panel's name; then `extra` (place, action)."""
    rows: list[handbook.ShortcutRow] = []
    seen: set[int] = set()

    def walk(menu: QMenu, place: str) -> None:
        for action in menu.actions():
            submenu = action.menu()
            if isinstance(submenu, QMenu):
                walk(submenu, place)
            elif keys_text(action) and id(action) not in seen:
                seen.add(id(action))
                rows.append(handbook.ShortcutRow(place, plain(action.text()), keys_text(action)))

    for top in window.menuBar().actions():
        menu = top.menu()
        if isinstance(menu, QMenu):
            walk(menu, plain(top.text()))
    for action in window.findChildren(QAction):
        owner = action.parent()
        if isinstance(owner, QWidget) and owner.window() is not window:
            continue  # another window's (the handbook's own, a dialog's)
        if keys_text(action) and id(action) not in seen and action.isVisible():
            seen.add(id(action))
            rows.append(handbook.ShortcutRow(_place(action), plain(action.text()) or
                                             plain(action.toolTip()), keys_text(action)))
    for place, action in extra:
        if keys_text(action):
            rows.append(handbook.ShortcutRow(place, plain(action.text()), keys_text(action)))
    return rows


def _place(action: QAction) -> str:
    owner = action.parent()
    while owner is not None:
        name = owner.accessibleName() if isinstance(owner, QWidget) else ""
        if name:
            return name
        owner = owner.parent()
    return "النافذة"


class HandbookBrowser(QTextBrowser):
    """Shows handbook pages; loads nothing from outside the handbook."""

    def __init__(self, rows: Callable[[], list[handbook.ShortcutRow]],
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.rows = rows  # () -> list[ShortcutRow], read when the shortcuts page is shown
        self.root = handbook.folder().resolve()
        self.setObjectName("handbook-page")
        self.setAccessibleName("صفحة الدليل")
        self.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.document().setDocumentMargin(16)

    def local_file(self, url: QUrl) -> Path | None:
        if not url.isLocalFile():
            return None
        relative = _relative(self.root, url.toLocalFile())
        path = handbook.internal_target(relative, self.root) if relative else None
        return path if path is not None and path.is_file() else None

    def page_name(self, url: QUrl | None = None) -> str:
        path = self.local_file(self.source() if url is None else url)
        return path.name if path is not None else ""

    def loadResource(self, kind: int, url: QUrl | str) -> str | QImage | None:
        url = QUrl(url)
        if not url.isLocalFile() and url.isRelative():
            url = self.source().resolved(url)
        path = self.local_file(url)
        if path is None:
            return None  # nothing from outside the handbook's folder
        if path.suffix == ".md":
            rows = self.rows() if path.name == handbook.SHORTCUTS else None
            return handbook.render(path.name, rows, self.root)
        if kind == QTextDocument.ResourceType.ImageResource:
            image = QImage(str(path))
            width = self.picture_width()
            if image.width() > width:
                image = image.scaledToWidth(width, Qt.TransformationMode.SmoothTransformation)
            return image
        return None

    def picture_width(self) -> int:
        """As wide as the page leaves room for (no sideways scrolling), at most
        MAX_IMAGE_WIDTH."""
        # the widget's width less the scroll bar's, shown or not: the same
        # before and after the page's length brings the scroll bar
        room = (self.width() - 2 * self.frameWidth() - self.verticalScrollBar().sizeHint().width()
                - 2 * int(self.document().documentMargin()) - 8)
        return max(320, min(handbook.MAX_IMAGE_WIDTH, room))

    def doSetSource(self, url: QUrl | str,
                    kind: QTextDocument.ResourceType = QTextDocument.ResourceType.UnknownResource
                    ) -> None:
        # .md pages are rendered by desktop.handbook, never as Qt's own Markdown
        super().doSetSource(url, QTextDocument.ResourceType.HtmlResource)


def _relative(root: Path, local: str) -> str:
    try:
        return Path(local).resolve().relative_to(root).as_posix()
    except ValueError:
        return ""


class HandbookWindow(QMainWindow):
    """دليل الاستخدام: the contents on the right, the page beside it."""

    def __init__(self, main_window: QMainWindow | None = None):
        super().__init__(main_window, Qt.WindowType.Window)
        self.main_window = main_window
        self.setObjectName("handbook-window")
        self.setWindowTitle(WINDOW_TITLE)
        self.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.resize(1000, 720)

        self.contents = QListWidget(self)
        self.contents.setObjectName("handbook-contents")
        self.contents.setAccessibleName("محتويات الدليل")
        self.contents.setWordWrap(True)
        self.contents.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for page in handbook.pages():
            item = QListWidgetItem(page.title)
            item.setData(Qt.ItemDataRole.UserRole, page.name)
            self.contents.addItem(item)
        self.browser = HandbookBrowser(self._rows, self)
        self.find_bar = FindBar(self.browser, self)
        self.find_bar.label.setText("بحث في الصفحة:")

        page_area = QWidget(self)
        layout = QVBoxLayout(page_area)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.browser, 1)
        layout.addWidget(self.find_bar)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.contents)
        splitter.addWidget(page_area)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([240, 760])
        self.setCentralWidget(splitter)

        self.back_action = self._action("رجوع", [QKeySequence(Qt.Modifier.ALT | Qt.Key.Key_Left),
                                                 QKeySequence(Qt.Key.Key_Back)],
                                        self.browser.backward)
        self.forward_action = self._action("تقدم", [QKeySequence(Qt.Modifier.ALT | Qt.Key.Key_Right),
                                                    QKeySequence(Qt.Key.Key_Forward)],
                                           self.browser.forward)
        self.home_action = self._action("المحتويات", [QKeySequence(Qt.Modifier.ALT | Qt.Key.Key_Home)],
                                        self.go_contents)
        self.find_action = self._action("بحث في الصفحة", [QKeySequence("Ctrl+F")],
                                        self.find_bar.open_bar)
        self.close_action = self._action("إغلاق الدليل", [QKeySequence("Ctrl+W")], self.close)
        self.zoom_in_action = self._action("تكبير النص", [QKeySequence("Ctrl++"),
                                                          QKeySequence("Ctrl+=")],
                                           lambda: self.browser.zoomIn(1))
        self.zoom_out_action = self._action("تصغير النص", [QKeySequence("Ctrl+-")],
                                            lambda: self.browser.zoomOut(1))
        style = self.style()
        # right to left: "back" points right
        self.back_action.setIcon(style.standardIcon(style.StandardPixmap.SP_ArrowRight))
        self.forward_action.setIcon(style.standardIcon(style.StandardPixmap.SP_ArrowLeft))
        self.home_action.setIcon(style.standardIcon(style.StandardPixmap.SP_DirHomeIcon))
        toolbar = QToolBar("أدوات الدليل", self)
        toolbar.setObjectName("handbook-toolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.addActions([self.back_action, self.forward_action, self.home_action,
                            self.find_action])
        self.addToolBar(toolbar)

        self.browser.backwardAvailable.connect(self.back_action.setEnabled)
        self.browser.forwardAvailable.connect(self.forward_action.setEnabled)
        self.back_action.setEnabled(False)
        self.forward_action.setEnabled(False)
        self.browser.anchorClicked.connect(self.follow)
        self.browser.sourceChanged.connect(self._page_shown)
        self.contents.currentItemChanged.connect(self._contents_chosen)

    def _action(self, text: str, keys: list[QKeySequence], slot: Callable[[], object]) -> QAction:
        action = QAction(text, self)
        action.setShortcuts(keys)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def own_actions(self) -> list[QAction]:
        return [self.back_action, self.forward_action, self.home_action, self.find_action,
                self.zoom_in_action, self.zoom_out_action, self.close_action]

    def _rows(self) -> list[handbook.ShortcutRow]:
        extra = [(OWN_PLACE, action) for action in self.own_actions()]
        if self.main_window is None:
            return shortcut_rows(self, [])  # own actions only
        return shortcut_rows(self.main_window, extra)

    # ---- navigation ----------------------------------------------------------

    def url_of(self, name: str) -> QUrl:
        return QUrl.fromLocalFile(str(self.browser.root / name))

    def open_page(self, name: str) -> None:
        self.browser.setSource(self.url_of(name))

    def go_contents(self) -> None:
        self.open_page(handbook.CONTENTS)

    def follow(self, url: QUrl) -> None:
        """A link: a page or section of the handbook in place; an address on
        the web only if the user agrees to leave the app for the browser."""
        if url.scheme() in handbook.EXTERNAL_SCHEMES:
            self.open_external(url)
            return
        if url.isRelative():
            url = self.browser.source().resolved(url)
        if self.browser.local_file(url) is not None:
            self.browser.setSource(url)

    def open_external(self, url: QUrl) -> bool:
        address = url.toString()
        answer = QMessageBox.question(
            self, "فتح رابط خارجي",
            f"هذا الرابط خارج البرنامج:\n\u2066{address}\u2069\n\nأفتحه في المتصفح؟ "
            "(يحتاج إلى اتصال بالإنترنت)")
        if answer != QMessageBox.StandardButton.Yes:
            return False
        return QDesktopServices.openUrl(url)

    def _page_shown(self, url: QUrl) -> None:
        name = self.browser.page_name(url)  # source() may not be updated yet
        self.find_bar.document_changed()
        for row in range(self.contents.count()):
            item = self.contents.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == name:
                if self.contents.currentItem() is not item:
                    self.contents.blockSignals(True)
                    self.contents.setCurrentItem(item)
                    self.contents.blockSignals(False)
                break
        title = handbook.title(name, self.browser.root) if name else ""
        self.setWindowTitle(f"{WINDOW_TITLE} — {title}" if title and name != handbook.CONTENTS
                            else WINDOW_TITLE)

    def _contents_chosen(self, item: QListWidgetItem | None,
                         _previous: QListWidgetItem | None) -> None:
        if item is not None and item.data(Qt.ItemDataRole.UserRole) != self.browser.page_name():
            self.open_page(item.data(Qt.ItemDataRole.UserRole))
