"""Keyboard and screen-reader access for the whole main window.

Names every control a screen reader would otherwise read as blank or as
«▲», F6 / Shift+F6 to move between the panes, a Tab order that follows the
window (reader, contents tree, tabs, then the docks), the contents tree's
levels and expand/collapse news, and status-bar messages and result counts
spoken as announcements (the status bar acts as a live region).

Installed once the panels are in place (desktop.__main__.build_main_window,
which also hands it the search panel when that is built: follow_search_panel);
the reader's own document, caret and links live in desktop.app.reader_access.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import (QAccessible, QAccessibleEvent, QAccessibleInterface,
                           QAccessibleStateChangeEvent, QKeySequence, QShortcut)
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QComboBox,
                               QDockWidget, QLabel, QLineEdit, QTabWidget, QTreeView, QWidget)

from desktop.app.reader_access import announce

if TYPE_CHECKING:
    from desktop.app.main_window import MainWindow
    from desktop.app.search_panel import SearchPanel

#: objectName → (accessible name, description) of controls whose text or
#: current value alone says nothing to a listener
NAMES = {
    "search-box": ("البحث في النصوص", "كلمات أو عبارة أو موضع مثل سابعاً-13؛ Enter يفتح النتيجة الأولى"),
    "search-results": ("نتائج البحث", "Enter يفتح الفقرة في القارئ"),
    "filter-part": ("تصفية حسب الجزء", ""),
    "filter-unit": ("تصفية حسب الاجتماع أو الدورة", ""),
    "filter-year": ("تصفية حسب السنة", ""),
    "filter-theme": ("تصفية حسب الموضوع", ""),
    "filter-related": ("تضمين الوثائق ذات الصلة في البحث", ""),
    "selection-list": ("المختارات", "الفقرات المختارة للطباعة أو التصدير؛ Delete يزيل المحدد"),
    "selection-up": ("نقل العنصر إلى الأعلى", ""),
    "selection-down": ("نقل العنصر إلى الأسفل", ""),
    "find-box": ("بحث في الوحدة المفتوحة", "Enter للتالي، Shift+Enter للسابق، Esc للإغلاق"),
    "contents-tree": ("المحتويات", "الأجزاء والاجتماعات والدورات وفقراتها؛ السهمان يمين ويسار يفتحان ويطويان"),
    "reader": ("نص الخلاصة", ""),
}


def install_access(window: MainWindow) -> None:
    """Everything a keyboard or screen-reader user needs, on a built window."""
    name_controls(window)
    install_pane_keys(window)
    set_tab_order(window)
    _follow_new_panels(window)
    watch_tree(window.tree_view, window)
    window.statusBar().messageChanged.connect(
        lambda message: announce(window, message) if message else None)


def announce_results(panel: SearchPanel) -> None:
    """Screen readers hear the result count after each answer."""
    if hasattr(panel, "results_shown"):
        panel.results_shown.connect(lambda count: announce(panel, result_count_text(panel, count)))


def follow_search_panel(window: MainWindow, panel: SearchPanel) -> None:
    """The search panel (built with its tab, or on first use): named, in
    the Tab order, its answers announced, as if it had been there from the
    start."""
    name_controls(window)
    set_tab_order(window)
    announce_results(panel)


def follow_index_panel(window: MainWindow) -> None:
    """The index panel, built when its tab is first shown: in the Tab order
    and named, as if it had been there from the start."""
    name_controls(window)
    set_tab_order(window)


def _follow_new_panels(window: MainWindow) -> None:
    """Panels made on first use (bookmarks, notes) are named and put in the
    Tab order as they arrive."""
    original = window.add_panel

    def add_panel(widget: QWidget, title: str,
                  area: Qt.DockWidgetArea = Qt.DockWidgetArea.LeftDockWidgetArea) -> QDockWidget:
        dock = original(widget, title, area)
        name_controls(window)
        set_tab_order(window)
        return dock

    # this window's add_panel, wrapped (the window has no "panel added" signal)
    window.add_panel = add_panel  # type: ignore[method-assign]


def result_count_text(panel: SearchPanel, count: int) -> str:
    label = getattr(panel, "count_label", None)
    shown = label.text().strip() if label is not None else ""
    return shown or f"عدد النتائج: {count}"


def name_controls(window: MainWindow) -> None:
    """Arabic names (and descriptions) for the controls that lack them."""
    for name, (text, description) in NAMES.items():
        for widget in window.findChildren(QWidget, name):
            if not widget.accessibleName():
                widget.setAccessibleName(text)
            if isinstance(widget, QComboBox):
                label_for(widget, text)
            if description and not widget.accessibleDescription():
                widget.setAccessibleDescription(description)
    find_bar = window.find_bar
    if find_bar is not None:
        for attr, text in (("close_button", "إغلاق شريط البحث"), ("prev_button", "المطابقة السابقة"),
                           ("next_button", "المطابقة التالية")):
            button = getattr(find_bar, attr, None)
            if button is not None and not button.accessibleName():
                button.setAccessibleName(text)
    for dock in window.findChildren(QDockWidget):
        title = dock.windowTitle()
        for button in dock.findChildren(QAbstractButton):
            if button.objectName() == "qt_dockwidget_closebutton":
                button.setAccessibleName(f"إغلاق لوحة {title}")
            elif button.objectName() == "qt_dockwidget_floatbutton":
                button.setAccessibleName(f"فصل لوحة {title}")
    name_from_tooltips(window)


def label_for(widget: QWidget, text: str) -> None:
    """Tie a label to a field. On Linux Qt names a combo box by its current
    value and takes its real name from a label whose buddy it is (the
    "labelled by" relation); an unseen label is enough for that."""
    parent = widget.parentWidget()
    if parent is None:
        return
    for label in parent.findChildren(QLabel, options=Qt.FindChildOption.FindDirectChildrenOnly):
        if label.buddy() is widget:
            return
    label = QLabel(text, parent)
    label.setObjectName(f"label-{widget.objectName()}")
    label.setBuddy(widget)
    label.hide()


def name_from_tooltips(root: QWidget) -> None:
    """A control without a name that has a tooltip or a placeholder is named by it."""
    kinds = (QAbstractButton, QLineEdit, QComboBox, QAbstractItemView)
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, kinds) or widget.accessibleName():
            continue
        if isinstance(widget, QAbstractButton) and any(ch.isalpha() for ch in widget.text()):
            continue  # its visible words are its name
        text = widget.toolTip() or (widget.placeholderText() if isinstance(widget, QLineEdit) else "")
        text = text.split("(")[0].strip().rstrip("…").strip()
        if text:
            widget.setAccessibleName(text)


# ---- panes: F6 / Shift+F6 ------------------------------------------------------------

def panes(window: MainWindow) -> list[QWidget]:
    """The panes in the order F6 visits them: reader, navigation, then each
    visible dock (its widget)."""
    out: list[QWidget] = [window.reader, window.navigation.currentWidget()]
    docks = [d for d in window.findChildren(QDockWidget) if d.isVisible() and d.widget()]
    docks.sort(key=lambda d: (window.dockWidgetArea(d).value, d.objectName()))
    out += [d.widget() for d in docks]
    return [p for p in out if p is not None and p.isVisible()]


def focus_target(pane: QWidget) -> QWidget:
    """The pane itself if it takes focus, else its first focusable child."""
    if pane.focusPolicy() & Qt.FocusPolicy.TabFocus:
        return pane
    for child in pane.findChildren(QWidget):
        if child.isVisible() and child.isEnabled() and child.focusPolicy() & Qt.FocusPolicy.TabFocus:
            return child
    return pane


def pane_of(window: MainWindow, widget: QWidget | None) -> int:
    for number, pane in enumerate(panes(window)):
        if widget is not None and (pane is widget or pane.isAncestorOf(widget)):
            return number
    return -1


def move_to_pane(window: MainWindow, step: int) -> QWidget | None:
    """Focus the next (step 1) or previous (step -1) pane; returns the pane."""
    order = panes(window)
    if not order:
        return None
    here = pane_of(window, QApplication.focusWidget())
    pane = order[(here + step) % len(order)] if here >= 0 else order[0]
    focus_target(pane).setFocus(Qt.FocusReason.OtherFocusReason)
    return pane


def install_pane_keys(window: MainWindow) -> None:
    for keys, step in (("F6", 1), ("Shift+F6", -1)):
        shortcut = QShortcut(QKeySequence(keys), window)
        shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        shortcut.activated.connect(lambda step=step: move_to_pane(window, step))


# ---- Tab order -----------------------------------------------------------------------

def _focusables(widget: QWidget) -> list[QWidget]:
    found = [widget] if widget.focusPolicy() & Qt.FocusPolicy.TabFocus else []
    for child in widget.findChildren(QWidget):
        if child.focusPolicy() & Qt.FocusPolicy.TabFocus and not child.objectName().startswith("qt_"):
            found.append(child)
    return found


def tab_chain(window: MainWindow) -> list[QWidget]:
    """Reader (and its find bar), the contents tree, the tabs and their
    pages, then the docks (what links here, the selection)."""
    chain: list[QWidget] = [window.reader]
    find_bar = window.find_bar
    if find_bar is not None:
        chain += _focusables(find_bar)
    chain.append(window.tree_view)
    chain.append(window.navigation.tabBar())
    for page in range(window.navigation.count()):
        widget = window.navigation.widget(page)
        if widget is not None and widget is not window.tree_view:
            chain += _focusables(widget)
    docks = sorted(window.findChildren(QDockWidget),
                   key=lambda d: (window.dockWidgetArea(d).value, d.objectName()))
    for dock in docks:
        if dock.widget() is not None:
            chain += _focusables(dock.widget())
    seen: set[int] = set()
    unique = []
    for widget in chain:
        if id(widget) not in seen and widget.window() is window:
            seen.add(id(widget))
            unique.append(widget)
    return unique


def set_tab_order(window: MainWindow) -> None:
    # a tab widget hands its focus to its tab bar (which is in the chain);
    # as a stop of its own it sat between the last dock and the reader, so
    # Tab from the docks went back to the tab bar and never to the reader
    for tabs in window.findChildren(QTabWidget):
        bar_policy = tabs.tabBar().focusPolicy()
        tabs.setFocusProxy(None)  # type: ignore[arg-type]  # None clears it; the stub omits None
        tabs.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        tabs.tabBar().setFocusPolicy(bar_policy)
    chain = tab_chain(window)
    for first, second in zip(chain, chain[1:]):
        QWidget.setTabOrder(first, second)


# ---- the contents tree ---------------------------------------------------------------

def visual_row(view: QTreeView, index: QModelIndex) -> int:
    """The row a tree index has on screen (what Qt's accessible tree counts)."""
    row = 0
    probe = view.model().index(0, 0, view.rootIndex())
    while probe.isValid():
        if probe == index:
            return row
        probe = view.indexBelow(probe)
        row += 1
    return -1


def cell_interface(view: QTreeView, index: QModelIndex) -> QAccessibleInterface | None:
    """Qt's accessible cell for a tree index (None when it is not shown)."""
    tree = QAccessible.queryAccessibleInterface(view)
    row = visual_row(view, index)
    if tree is None or row < 0:
        return None
    columns = view.model().columnCount(index.parent())
    # Qt's accessible tree counts the header row even when it is hidden
    header = columns if view.header() is not None else 0
    return tree.child(header + row * columns + index.column())


def watch_tree(view: QTreeView, window: MainWindow | None = None) -> None:
    """Expanding and collapsing are told to AT; after a collapse the current
    row is the collapsed one (not a now-hidden child): in `window`'s tree,
    only the tree's row moves, the reader keeps its paragraph."""

    def changed(index: QModelIndex, expanded: bool) -> None:
        if not expanded:
            current = view.currentIndex()
            probe = current.parent()
            while probe.isValid() and probe != index:
                probe = probe.parent()
            if current.isValid() and probe == index:
                # the reader keeps its paragraph: only the tree's row moves
                # (MainWindow._syncing_tree; a bare view in a test has no window)
                old = window._syncing_tree if window is not None else False
                if window is not None:
                    window._syncing_tree = True
                try:
                    view.setCurrentIndex(index)
                finally:
                    if window is not None:
                        window._syncing_tree = old
        if not QAccessible.isActive():
            return
        cell = cell_interface(view, index)
        if cell is None:
            return
        state = QAccessible.State()
        state.expanded = True
        state.collapsed = True
        QAccessible.updateAccessibility(QAccessibleStateChangeEvent(cell, state))
        if view.hasFocus() and view.currentIndex() == index:
            QAccessible.updateAccessibility(QAccessibleEvent(cell, QAccessible.Event.Focus))

    view.expanded.connect(lambda index: changed(index, True))
    view.collapsed.connect(lambda index: changed(index, False))
