"""The selection feature in the window: the user-data file opened (or
recovered), the dock placed, and paragraphs added from the reader, the
tree, the index and the search results (menus and Ctrl+D)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop.app import selection as sel
from desktop.app.selection import install_selection


def test_a_damaged_user_data_file_is_moved_aside_and_replaced(tmp_path, qtbot):
    from PySide6.QtWidgets import QMessageBox, QWidget

    bad = tmp_path / "userdata.sqlite"
    bad.write_bytes(b"garbage" * 200)
    parent = QWidget()
    qtbot.addWidget(parent)
    store = sel.open_user_data(bad, parent)
    assert store.path == bad
    moved = [p for p in tmp_path.iterdir() if p.name.startswith("userdata.damaged-")]
    assert len(moved) == 1 and moved[0].read_bytes() == b"garbage" * 200  # nothing lost
    box = parent.findChild(QMessageBox, "userdata-warning")
    assert box is not None and str(moved[0]) in box.text()
    store.add(["x"])
    assert store.items() == ["x"]


def test_an_unusable_user_data_folder_falls_back_to_memory(tmp_path, qtbot):
    from PySide6.QtWidgets import QMessageBox, QWidget

    blocker = tmp_path / "file"
    blocker.write_text("x")
    parent = QWidget()
    qtbot.addWidget(parent)
    store = sel.open_user_data(blocker / "userdata.sqlite", parent)
    box = parent.findChild(QMessageBox, "userdata-warning")
    assert store.path == ":memory:" and "تعذّر فتح ملف المختارات" in box.text()
    store.add(["x"])
    assert store.items() == ["x"]


# ---- wired into the main window ------------------------------------------------

@pytest.fixture
def window(make_window, tiny_db_path, tmp_path):
    win = make_window(tiny_db_path)
    install_selection(win, tmp_path / "ud" / "userdata.sqlite")
    yield win
    win.selection_panel.selection.close()


def test_reader_context_menu_adds_the_paragraph_and_its_unit(window):
    panel = window.selection_panel
    menu = window.reader.paragraph_menu("A07/13")
    texts_ = [a.text() for a in menu.actions()]
    assert "أضف إلى المختارات" in texts_ and "أضف الوحدة كلها إلى المختارات" in texts_
    next(a for a in menu.actions() if a.text() == "أضف إلى المختارات").trigger()
    assert panel.ids() == ["A07/13"]
    assert window.statusBar().currentMessage() == "أُضيف إلى المختارات: فقرة واحدة"
    menu = window.reader.paragraph_menu("B6-r4/1")
    next(a for a in menu.actions() if a.text() == "أضف الوحدة كلها إلى المختارات").trigger()
    assert panel.ids() == ["A07/13", "B6-r4/c1", "B6-r4/pp1", "B6-r4/1", "B6-r4/annex/1"]
    assert window.statusBar().currentMessage() == "أُضيف إلى المختارات: 4 فقرات"
    assert [sel.paragraphs_text(n) for n in (2, 11)] == ["فقرتان", "11 فقرة"]


def test_ctrl_d_adds_the_open_paragraph_and_tree_nodes(window, qtbot):
    panel = window.selection_panel
    window.open_paragraph("A07/12")
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.reader.setFocus()
    qtbot.keyClick(window.reader, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert panel.ids() == ["A07/12"]
    # In the tree, Ctrl+D adds the current node's paragraphs.
    window.tree_view.setFocus()
    window.tree_view.setCurrentIndex(window.tree_model.index_for_node("A07"))
    qtbot.keyClick(window.tree_view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert panel.ids() == ["A07/12", "A07/13", "A07/13.l1", "A07/13.l1.q1"]


def test_index_theme_adds_all_its_targets(window):
    panel = window.selection_panel
    index_panel = window.index_panel
    window.navigation.setCurrentWidget(index_panel)  # the tab a user works in
    theme_index = index_panel.proxy.index(0, 0)
    assert sel.index_ids(window, theme_index) == ["A07/13"]
    entry_index = index_panel.proxy.index(0, 0, index_panel.proxy.index(1, 0))
    assert sel.index_ids(window, entry_index) == ["A07/12"]
    index_panel.view.setFocus()
    index_panel.view.setCurrentIndex(theme_index)
    assert sel.add_from_focus(window, panel) == 1
    assert panel.ids() == ["A07/13"]


def test_clicking_an_item_opens_it_in_the_reader(window, qtbot):
    panel = window.selection_panel
    window.open_paragraph("A07/12")
    panel.add_paragraphs(["A07/12", "B6-r4/pp1"])
    rect = panel.list.visualItemRect(panel.list.item(1))
    qtbot.mouseClick(panel.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.reader.current_paragraph_id() == "B6-r4/pp1"


def test_dock_is_in_the_window_with_its_title(window):
    dock = window.selection_panel.dock
    assert dock.windowTitle() == "المختارات" and dock.widget() is window.selection_panel


# ---- from the search results (real database, real search tab) -------------------

@pytest.fixture
def search_window(make_window, content_db_path, tmp_path):
    from desktop.app.search import install_search
    win = make_window(content_db_path)
    selection = install_selection(win, tmp_path / "ud2" / "userdata.sqlite")
    search, _find_bar = install_search(win)
    assert sel.hook_search(win, selection, search)  # as desktop/__main__ wires them
    yield win
    win.search_panel.shutdown()
    win.selection_panel.selection.close()


def test_search_results_are_added_with_ctrl_d(search_window, qtbot):
    win = search_window
    panel, search = win.selection_panel, win.search_panel
    qtbot.waitUntil(
        lambda: search.view.contextMenuPolicy() == Qt.ContextMenuPolicy.CustomContextMenu)
    with qtbot.waitSignal(search.results_shown, timeout=10000) as shown:
        search.set_query("حماية الشهود", immediately=True)
    assert shown.args[0] > 2
    model = search.view.model()
    kinds = [model.index(r, 0).data(Qt.ItemDataRole.UserRole + 4) for r in range(model.rowCount())]
    ids = [model.index(r, 0).data(Qt.ItemDataRole.UserRole + 1) for r in range(model.rowCount())]
    # A theme result stands for every target of the theme's index entries.
    assert kinds[0] == "theme" and ids[0] == "حماية الشهود"
    theme = next(t for t in win.store.themes() if t.name == "حماية الشهود")
    targets = [t for e in win.store.index_entries(theme.id) for t in e.targets]
    theme_ids = sel.search_result_ids(win, [model.index(0, 0)])
    assert theme_ids == list(dict.fromkeys(targets)) and len(theme_ids) > 5
    row = kinds.index("paragraph") if "paragraph" in kinds else kinds.index(next(
        k for k in kinds if k != "theme"))
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win)
    search.view.setFocus()
    search.view.setCurrentIndex(model.index(row, 0))
    qtbot.keyClick(search.view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert panel.ids() == [ids[row]]


def test_user_data_lives_in_the_app_data_folder(app):
    from PySide6.QtCore import QStandardPaths
    QStandardPaths.setTestModeEnabled(True)
    try:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
        assert sel.user_data_path() == sel.default_path(folder)
        assert sel.user_data_path().name == "userdata.sqlite"
    finally:
        QStandardPaths.setTestModeEnabled(False)
