"""The selection dock through the UI: add, reorder, remove, clear, save,
reopen, persistence across a restart, clicks open the reader, exports."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox

from desktop.app import dialogs
from desktop.app import selection_panel as sp
from desktop.app.selection_panel import SelectionPanel, install_selection
from desktop.content.store import open_store
from desktop.export.model import WORD_JOINER, strip_joiners
from desktop.userdata import SelectionStore
from tests.unit.export.fixture_db import SYMBOL_A07, WITNESS, make_content_db


@pytest.fixture
def content(tmp_path):
    store = open_store(make_content_db(tmp_path / "content.sqlite"))
    yield store
    store.close()


@pytest.fixture
def userdata_path(tmp_path):
    return tmp_path / "appdata" / "userdata.sqlite"


@pytest.fixture
def make_panel(qtbot, content, userdata_path):
    made = []

    def make():
        store = SelectionStore(userdata_path)
        panel = SelectionPanel(content, store)
        qtbot.addWidget(panel)
        panel.show()
        made.append(store)
        return panel

    yield make
    for store in made:
        store.close()


def click(qtbot, button):
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def texts(panel):
    """The items' display texts, without the WORD JOINERs that keep symbols whole."""
    return [strip_joiners(panel.list.item(i).text()) for i in range(panel.list.count())]


def test_add_reorder_remove_clear_through_the_buttons(make_panel, qtbot, monkeypatch):
    panel = make_panel()
    assert panel.count_label.text() == "لا فقرات"
    assert not panel.remove_button.isEnabled()
    assert panel.add_paragraphs(["A07/13", "A07/19", "B6-r4/pp1", "no/such"]) == 3
    assert panel.add_paragraphs(["A07/13"]) == 0
    assert panel.ids() == ["A07/13", "A07/19", "B6-r4/pp1"]
    assert panel.count_label.text() == "3 فقرات"
    # Items show their label, text and citation.
    assert WORD_JOINER in panel.list.item(0).text()  # the symbol never wraps at "/"
    first = texts(panel)[0]
    assert "13- " in first and WITNESS[:30] in first and SYMBOL_A07 in first

    panel.list.setCurrentRow(2)
    click(qtbot, panel.up_button)
    assert panel.ids() == ["A07/13", "B6-r4/pp1", "A07/19"]
    assert panel.list.currentRow() == 1
    click(qtbot, panel.up_button)
    click(qtbot, panel.up_button)  # already first: stays
    assert panel.ids() == ["B6-r4/pp1", "A07/13", "A07/19"]
    click(qtbot, panel.down_button)
    assert panel.ids() == ["A07/13", "B6-r4/pp1", "A07/19"]
    assert panel.selection.items() == panel.ids()  # saved as shown

    panel.list.setCurrentRow(1)
    click(qtbot, panel.remove_button)
    assert panel.ids() == ["A07/13", "A07/19"]

    asked = []
    monkeypatch.setattr(dialogs, "question",
                        lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.No)
    click(qtbot, panel.clear_button)
    assert panel.ids() == ["A07/13", "A07/19"] and asked
    monkeypatch.setattr(dialogs, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    click(qtbot, panel.clear_button)
    assert panel.ids() == [] and panel.selection.items() == []


def test_drag_reorder_is_saved(make_panel, qtbot):
    panel = make_panel()
    panel.add_paragraphs(["A07/13", "A07/19", "B6-r4/1"])
    # What an internal drag does to the list's model: move a row.
    model = panel.list.model()
    assert model.moveRow(model.index(0, 0).parent(), 2, model.index(0, 0).parent(), 0)
    qtbot.waitUntil(lambda: panel.selection.items() == ["B6-r4/1", "A07/13", "A07/19"])
    assert panel.ids() == ["B6-r4/1", "A07/13", "A07/19"]


def test_save_and_reopen_named_selection(make_panel, qtbot, monkeypatch):
    panel = make_panel()
    panel.add_paragraphs(["A07/19", "A07/13"])
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("حماية الشهود", True))
    click(qtbot, panel.save_button)
    assert [n.name for n in panel.selection.named()] == ["حماية الشهود"]

    # Saving again under the same name asks before replacing.
    panel.add_paragraphs(["B6-r4/1"])
    monkeypatch.setattr(dialogs, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    click(qtbot, panel.save_button)
    assert panel.selection.named_items("حماية الشهود") == ["A07/19", "A07/13"]

    monkeypatch.setattr(dialogs, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    panel.clear(confirm=False)
    panel.add_paragraphs(["B6-r4/pp1"])
    chosen = []
    monkeypatch.setattr(QInputDialog, "getItem",
                        lambda _p, _t, _l, names, *a, **k: chosen.append(names) or (names[0], True))
    click(qtbot, panel.open_button)
    assert chosen == [["حماية الشهود"]]
    assert panel.ids() == ["A07/19", "A07/13"]


def test_the_selection_survives_a_restart(make_panel, qtbot):
    panel = make_panel()
    panel.add_paragraphs(["B6-r4/pp1", "A07/13", "A07/19"])
    panel.list.setCurrentRow(2)
    click(qtbot, panel.up_button)
    panel.selection.save_as("ملف")
    shown = panel.ids()
    panel.selection.close()
    panel.close()

    again = make_panel()
    assert again.ids() == shown == ["B6-r4/pp1", "A07/19", "A07/13"]
    assert [n.name for n in again.selection.named()] == ["ملف"]


def test_paragraphs_missing_from_the_database_are_shown_not_exported(make_panel, userdata_path):
    with SelectionStore(userdata_path) as store:
        store.add(["A07/13", "gone/1"])
    panel = make_panel()
    assert panel.ids() == ["A07/13", "gone/1"]
    assert "غير موجودة" in texts(panel)[1]
    assert [i.paragraph_id for i in panel.export_items()] == ["A07/13"]


def test_click_requests_the_paragraph(make_panel, qtbot):
    panel = make_panel()
    panel.add_paragraphs(["A07/13", "A07/19"])
    rect = panel.list.visualItemRect(panel.list.item(1))
    with qtbot.waitSignal(panel.paragraphRequested) as signal:
        qtbot.mouseClick(panel.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert signal.args == ["A07/19"]


def test_copy_puts_rich_and_plain_text_with_citations(make_panel):
    panel = make_panel()
    panel.add_paragraphs(["A07/13"])
    text = panel.copy_to_clipboard()
    mime = QApplication.clipboard().mimeData()
    assert mime.hasHtml() and SYMBOL_A07 in mime.html()
    assert mime.text() == text and SYMBOL_A07 in text and WITNESS in text


def test_exports_and_a_clear_message_on_unwritable_paths(make_panel, tmp_path, monkeypatch):
    panel = make_panel()
    panel.add_paragraphs(["A07/13", "B6-r4/pp1"])
    for kind in ("pdf", "docx", "html"):
        out = panel.export(kind, str(tmp_path / f"brief.{kind}"))
        assert out is not None and out.stat().st_size > 0
    warnings = []
    monkeypatch.setattr(dialogs, "warning", lambda *a, **k: warnings.append(a[2]))
    assert panel.export("pdf", str(tmp_path / "missing" / "x.pdf")) is None
    assert warnings and "تعذّر التصدير" in warnings[0] and "غير موجود" in warnings[0]


def test_a_damaged_user_data_file_is_moved_aside_and_replaced(tmp_path, qtbot):
    from PySide6.QtWidgets import QMessageBox, QWidget

    bad = tmp_path / "userdata.sqlite"
    bad.write_bytes(b"garbage" * 200)
    parent = QWidget()
    qtbot.addWidget(parent)
    store = sp.open_user_data(bad, parent)
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
    store = sp.open_user_data(blocker / "userdata.sqlite", parent)
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
    assert [sp.paragraphs_text(n) for n in (2, 11)] == ["فقرتان", "11 فقرة"]


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
    assert sp.index_ids(window, theme_index) == ["A07/13"]
    entry_index = index_panel.proxy.index(0, 0, index_panel.proxy.index(1, 0))
    assert sp.index_ids(window, entry_index) == ["A07/12"]
    index_panel.view.setFocus()
    index_panel.view.setCurrentIndex(theme_index)
    assert sp.add_from_focus(window, panel) == 1
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
    from desktop.app.search_panel import install_search
    win = make_window(content_db_path)
    install_selection(win, tmp_path / "ud2" / "userdata.sqlite")
    install_search(win)  # after the selection, as desktop/__main__ does
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
    theme_ids = sp.search_result_ids(win, [model.index(0, 0)])
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
        assert sp.user_data_path() == sp.default_path(folder)
        assert sp.user_data_path().name == "userdata.sqlite"
    finally:
        QStandardPaths.setTestModeEnabled(False)
