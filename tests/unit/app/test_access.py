"""The whole window and its dialogs through Qt's accessibility interfaces
(what a screen reader is given) and from the keyboard alone: every visible
control named, F6 between panes, the Tab order, the contents tree's levels
and collapse, the print preview's keys, and announcements."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QToolButton, QWidget

from desktop.__main__ import build_main_window
from desktop.app import access, printing, reader_access
from desktop.app.settings import AppSettings
from desktop.content.store import open_store
from tests.helpers.access_walk import accessible_name, describe, unnamed_controls, walk
from tests.helpers.reader_qt import tree_followed


@pytest.fixture
def window(app, qtbot, content_db_path, tmp_path):
    win = build_main_window(open_store(content_db_path), AppSettings(tmp_path / "s.ini"),
                            remember=False, user_data=":memory:")
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.open_start("A07/13")
    tree_followed(qtbot, win)       # the tree shows the row once the opens pause
    yield win
    win.search_panel.shutdown()
    win.close()


def test_every_visible_control_is_named_on_every_tab(window, app):
    for tab in range(window.navigation.count()):
        window.navigation.setCurrentIndex(tab)
        app.processEvents()
        assert unnamed_controls(window) == [], window.navigation.tabText(tab)


def test_the_walk_sees_the_controls_it_checks(window):
    """The check above is not empty by construction: the walk reaches the
    reader, its links, the tree, the tabs and the docks' buttons."""
    roles = [i.role() for i, _ in walk(QAccessible.queryAccessibleInterface(window))]
    for role in (QAccessible.Role.Document, QAccessible.Role.Link, QAccessible.Role.Tree,
                 QAccessible.Role.PageTab, QAccessible.Role.PushButton, QAccessible.Role.List):
        assert role in roles, role
    # and it does flag a control without a name
    probe = QToolButton(window.selection_panel)
    probe.setText("▲")
    probe.show()
    assert any("▲" in line for line in unnamed_controls(window))
    probe.deleteLater()


def test_filter_combos_are_named_not_just_by_their_value(window):
    window.navigation.setCurrentWidget(window.search_panel)
    names = {}
    for box in window.search_panel.findChildren(QComboBox):
        iface = QAccessible.queryAccessibleInterface(box)
        names[box.objectName()] = accessible_name(iface)
        assert names[box.objectName()] != box.currentText()
    assert names["filter-part"] == "تصفية حسب الجزء"
    assert names["filter-theme"] == "تصفية حسب الموضوع"


def test_selection_arrows_and_search_field_have_arabic_names(window):
    panel = window.selection_panel
    assert QAccessible.queryAccessibleInterface(panel.up_button).text(
        QAccessible.Text.Name) == "نقل العنصر إلى الأعلى"
    assert QAccessible.queryAccessibleInterface(panel.list).text(
        QAccessible.Text.Name) == "المختارات"
    box = QAccessible.queryAccessibleInterface(window.search_panel.search_box)
    assert box.text(QAccessible.Text.Name) == "البحث في النصوص"
    assert box.text(QAccessible.Text.Description)


def test_file_menu_comes_first(window):
    titles = [a.text().replace("&", "") for a in window.menuBar().actions()]
    assert titles[:3] == ["ملف", "عرض", "انتقال"]


def test_f6_and_shift_f6_cycle_the_panes(window, qtbot):
    window.reader.setFocus()
    qtbot.waitUntil(lambda: window.reader.hasFocus())
    visited = []
    for _ in range(len(access.panes(window))):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F6)
        visited.append(access.pane_of(window, QApplication.focusWidget()))
    panes = access.panes(window)
    assert len(panes) >= 4   # reader, navigation, what links here, selection
    assert visited == list(range(1, len(panes))) + [0]
    assert window.tree_view.hasFocus() or visited[0] == 1
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F6, Qt.KeyboardModifier.ShiftModifier)
    assert access.pane_of(window, QApplication.focusWidget()) == len(panes) - 1


def _focus_order(window, limit=80):
    order = []
    widget = window.reader
    for _ in range(limit * 4):
        if widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.isVisible() \
                and widget.window() is window:
            order.append(widget)
            if len(order) >= limit:
                break
        widget = widget.nextInFocusChain()
        if widget is window.reader:
            break
    return order


def test_tab_order_reader_tree_tabs_then_docks(window):
    window.navigation.setCurrentWidget(window.search_panel)
    order = _focus_order(window)
    at = {id(w): n for n, w in enumerate(order)}
    reader, tree_bar = at[id(window.reader)], at[id(window.navigation.tabBar())]
    search_box = at[id(window.search_panel.search_box)]
    links, selection = at[id(window.links_panel.list)], at[id(window.selection_panel.list)]
    assert reader < tree_bar < search_box < links and search_box < selection
    window.navigation.setCurrentIndex(0)
    order = _focus_order(window)
    assert order[0] is window.reader and order[1] is window.tree_view


def test_tree_rows_say_their_level_and_the_header_is_named(window):
    model, view = window.tree_model, window.tree_view
    index = model.index_for_paragraph("A07/13")
    cell = access.cell_interface(view, index)
    assert cell is not None
    assert cell.text(QAccessible.Text.Name).startswith("13")
    assert cell.text(QAccessible.Text.Description) == "المستوى 3"
    assert model.headerData(0, Qt.Orientation.Horizontal) == "المحتويات"


def test_collapsing_moves_the_current_row_to_the_collapsed_one(window):
    view = window.tree_view
    index = window.tree_model.index_for_paragraph("A07/13")
    view.setCurrentIndex(index)
    meeting = index.parent()
    view.collapse(meeting)
    assert view.currentIndex() == meeting
    assert window.reader.current_paragraph_id() == "A07/13"   # the reader stays
    view.expand(meeting)
    assert view.isExpanded(meeting)


def test_status_messages_and_result_counts_are_announced(window, qtbot):
    window.reader.setFocus()
    window.add_to_selection_action.trigger()
    assert any(m.startswith("أُضيف إلى المختارات") for m in reader_access.ANNOUNCED)
    panel = window.search_panel
    with qtbot.waitSignal(panel.results_shown, timeout=10000) as blocker:
        panel.set_query("الشهود", immediately=True)
    count = blocker.args[0]
    assert count > 0
    assert reader_access.ANNOUNCED[-1] == access.result_count_text(panel, count)
    assert any(ch.isdigit() for ch in reader_access.ANNOUNCED[-1])


# ---- the search tab built on first use (the interactive start) ----------------------

@pytest.fixture
def started(app, qtbot, content_db_path, tmp_path):
    """The window as `python -m desktop` starts it: the search panel waits."""
    win = build_main_window(open_store(content_db_path), AppSettings(tmp_path / "s.ini"),
                            remember=False, user_data=":memory:", deferred=True)
    qtbot.addWidget(win)
    win.open_start("A07/13")
    win.show()
    qtbot.waitExposed(win)
    qtbot.waitUntil(lambda: win._idle_work is None)   # the first idle turn has run
    yield win
    if getattr(win, "search_panel", None) is not None:
        win.search_panel.shutdown()
    win.close()


def test_the_search_tab_built_on_first_use_is_named_ordered_and_announced(started, qtbot, app):
    window = started
    page = window.search_page
    assert not page.is_built()
    tab = window.navigation.indexOf(page)
    assert window.navigation.tabText(tab) == "البحث"
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    panel = window.search_panel
    qtbot.waitUntil(lambda: panel.search_box.hasFocus())
    app.processEvents()
    assert unnamed_controls(window) == []
    box = QAccessible.queryAccessibleInterface(panel.search_box)
    assert box.text(QAccessible.Text.Name) == "البحث في النصوص"
    assert panel.search_box in access.tab_chain(window)
    assert panel.search_box.nextInFocusChain() is not window.reader   # in the chain, not last
    # extended as the eager panel is: «ملاحظاتي», the results' «add to selection» menu
    assert panel.notes_box.text() == "ملاحظاتي"
    assert panel.view.contextMenuPolicy() == Qt.ContextMenuPolicy.CustomContextMenu
    with qtbot.waitSignal(panel.results_shown, timeout=10000) as blocker:
        panel.set_query("الشهود", immediately=True)
    assert reader_access.ANNOUNCED[-1] == access.result_count_text(panel, blocker.args[0])


def test_the_index_tab_built_when_first_shown_is_named_ordered_and_plain(started, qtbot, app):
    """The thematic index's panel waits for its tab (issue 17); once shown it
    is named, in the Tab order, its list in the plain style and with the
    selection's context menu, as if it had been built at the start."""
    from PySide6.QtWidgets import QProxyStyle

    from desktop.app.main_window import INDEX_TAB

    window = started
    assert window.built_index_panel() is None          # the idle turn left it
    tab = next(i for i in range(window.navigation.count())
               if window.navigation.tabText(i) == INDEX_TAB)
    window.navigation.setCurrentIndex(tab)             # the user opens the tab
    panel = window.built_index_panel()
    assert panel is not None and window.navigation.currentWidget() is panel
    app.processEvents()
    assert unnamed_controls(window) == []
    assert panel.filter_box in access.tab_chain(window) and panel.view in access.tab_chain(window)
    assert panel.view.nextInFocusChain() is not window.reader   # in the chain, not last
    assert not isinstance(panel.view.style(), QProxyStyle)
    assert panel.view.contextMenuPolicy() == Qt.ContextMenuPolicy.CustomContextMenu


# ---- the print preview -----------------------------------------------------------------

@pytest.fixture
def preview(window, qtbot):
    from desktop.export.model import gather_known

    items, _ = gather_known(window.store, ["A07/13", "A07/14"])
    dialog = printing.open_preview(window, items)
    qtbot.waitExposed(dialog)
    yield dialog
    dialog.close()


def test_print_preview_controls_are_named_and_reachable(preview):
    assert unnamed_controls(preview) == []
    label = next(l for l in preview.bar.findChildren(QLabel) if l.buddy() is preview.bar.title)
    assert label.text().replace("&", "") == "العنوان:"
    buttons = [b for b in preview.findChildren(QToolButton) if b.defaultAction() is not None]
    assert len(buttons) >= 10
    assert all(b.focusPolicy() & Qt.FocusPolicy.TabFocus for b in buttons)
    names = {QAccessible.queryAccessibleInterface(b).text(QAccessible.Text.Name) for b in buttons}
    assert preview.print_action.text().replace("&", "") in names


def test_ctrl_p_in_the_preview_prints_and_escape_closes(preview, qtbot):
    fired = []
    preview.print_action.triggered.connect(lambda *_: fired.append(True))
    closed = []

    def close_modal():
        modal = QApplication.activeModalWidget()
        if modal is not None and modal is not preview:
            closed.append(type(modal).__name__)
            modal.close()
        elif not fired:
            QTimer.singleShot(50, close_modal)

    QTimer.singleShot(50, close_modal)
    preview.bar.title.setFocus()
    qtbot.keyClick(preview.bar.title, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert fired == [True]
    qtbot.keyClick(preview.bar.title, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not preview.isVisible())


def test_export_dialog_fields_are_named(window, qtbot):
    from desktop.app.export_dialog import ExportDialog

    dialog = ExportDialog("pdf", parent=window)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert unnamed_controls(dialog) == [], [describe(i) for i, _ in walk(
        QAccessible.queryAccessibleInterface(dialog))]
    dialog.close()


def test_panels_made_later_and_the_about_box_are_named(window, app, qtbot):
    from desktop.app import personal
    from desktop.app.about import AboutDialog

    if getattr(window, "userdata", None) is not None:
        personal.show_bookmarks(window)
        personal.show_notes(window)
        app.processEvents()
        assert unnamed_controls(window) == []
        assert len(access.panes(window)) >= 5
    about = AboutDialog(window.store, window)
    about.show()
    qtbot.waitExposed(about)
    assert unnamed_controls(about) == []
    about.close()
