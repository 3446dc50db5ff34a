"""desktop.app.personal: the bookmarks and notes menu and its keys, the File
menu's export / import of the user's data, the notes in the print preview,
the export dialog and the search tab, as a user reaches them."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from desktop.app.personal import install_personal
from desktop.app.selection import install_selection
from desktop.userdata.exchange import FORMAT
from tests.helpers.personal_qt import personal_window


@pytest.fixture
def window(make_window, tiny_db_path, tmp_path, qtbot):
    return personal_window(make_window, tiny_db_path, tmp_path / "ud" / "userdata.sqlite", qtbot)


def _messages(monkeypatch):
    shown = []
    for kind in ("information", "warning"):
        monkeypatch.setattr(QMessageBox, kind,
                            lambda parent, title, text, *a, _k=kind: shown.append((_k, text)))
    return shown


def test_file_menu_exports_then_imports_into_another_window(
        window, make_window, tiny_db_path, tmp_path, monkeypatch):
    labels = [a.text() for a in window.menu("file").actions()]
    assert "تصدير البيانات الشخصية…" in labels and "استيراد بيانات شخصية…" in labels
    store = window.userdata.store
    store.add_bookmark("A07/13", "الشهود", "COP 13")
    store.add_note("A07/13", "للاجتماع")
    store.add(["A07/12", "B6-r4/1"])
    store.save_as("إحاطة")
    target = tmp_path / "out"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a, **k: (str(target), EXCHANGE))
    window.export_userdata_action.trigger()
    written = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    assert written["format"] == FORMAT
    assert written["selections"] == [{"name": "إحاطة", "items": ["A07/12", "B6-r4/1"]}]

    other = make_window(tiny_db_path)
    install_selection(other, tmp_path / "ud2" / "userdata.sqlite")
    install_personal(other, other.selection_panel)
    changed = []
    other.userdata.changed.connect(lambda: changed.append(1))
    shown = _messages(monkeypatch)
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        lambda *a, **k: (str(tmp_path / "out.json"), EXCHANGE))
    other.import_userdata_action.trigger()
    assert shown and shown[0][0] == "information"
    assert "العلامات المرجعية المضافة: 1" in shown[0][1]
    assert changed
    assert [n.text for n in other.userdata.store.notes("A07/13")] == ["للاجتماع"]


EXCHANGE = "بيانات شخصية (*.json)"


def test_a_malformed_file_is_refused_with_an_arabic_message(window, tmp_path, monkeypatch):
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"format": FORMAT, "version": 1, "notes": [{"paragraph": "A07/13"}]}),
                   encoding="utf-8")
    window.userdata.store.add_note("A07/12", "قبل")
    shown = _messages(monkeypatch)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(bad), EXCHANGE))
    window.import_userdata_action.trigger()
    assert shown[0][0] == "warning" and "لم يُستورد شيء" in shown[0][1]
    assert [n.text for n in window.userdata.store.notes()] == ["قبل"]


def test_paragraphs_this_edition_lacks_are_refused(window, tmp_path, monkeypatch):
    doc = {"format": FORMAT, "version": 1, "bookmarks": [{"paragraph": "Z1/1"}]}
    path = tmp_path / "x.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    shown = _messages(monkeypatch)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), EXCHANGE))
    window.import_userdata_action.trigger()
    assert shown[0][0] == "warning" and "Z1/1" in shown[0][1]
    assert window.userdata.store.bookmarks() == []


def test_menu_order_and_shortcuts(window):
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles.index("العلامات والملاحظات") == titles.index(window.menu("help").title()) - 1
    texts = {a.text(): a.shortcut().toString() for a in window._personal_menu.actions()}
    assert texts["أضف علامة مرجعية"] == "Ctrl+B"
    assert texts["أضف ملاحظة على الفقرة…"] == "Ctrl+Shift+N"
    assert texts["لوحة العلامات المرجعية"] == "Ctrl+Shift+B"


def test_print_preview_and_export_dialog_offer_the_notes(window, qtbot, monkeypatch, tmp_path):
    from PySide6.QtWidgets import QFileDialog

    from desktop.app import printing
    from desktop.app.export_dialog import ExportDialog

    store = window.userdata.store
    store.add_note("A07/13", "ملاحظة طويلة " * 400)
    window.selection_panel.add_paragraphs(["A07/13"])
    seen = []

    def run_preview(dialog):
        seen.append(dialog)
        dialog.open()  # shown without blocking, as the user sees it
        qtbot.waitUntil(lambda: dialog.page_count() == 1)
        assert not dialog.bar.notes.isChecked()  # off unless asked
        dialog.bar.notes.setChecked(True)
        qtbot.waitUntil(lambda: dialog.page_count() > 1)
        dialog.close()
        return 0

    monkeypatch.setattr(printing.SelectionPrintPreview, "exec", run_preview)
    window.print_action.trigger()
    assert seen and seen[0].bar.notes.text() == "ملاحظاتي"
    assert seen[0].items[0].notes[0].text.startswith("ملاحظة طويلة")

    def accept_with_notes(dialog):
        dialog.format_box.setCurrentIndex(dialog.format_box.findData("html"))
        dialog.notes.setChecked(True)
        return ExportDialog.DialogCode.Accepted

    monkeypatch.setattr(ExportDialog, "exec", accept_with_notes)
    out = tmp_path / "brief.html"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    window.selection_panel.export_with_dialog("html")
    assert "ملاحظة طويلة" in out.read_text(encoding="utf-8")


@pytest.fixture
def search_window(make_window, content_db_path, tmp_path, qtbot):
    from desktop.app.personal import install_notes_search
    from desktop.app.search import install_search

    win = make_window(content_db_path)
    selection = install_selection(win, tmp_path / "ud3" / "userdata.sqlite")
    panel, _find_bar = install_search(win)
    hub = install_personal(win, selection)
    install_notes_search(win, hub, panel)
    return win


def test_my_notes_filter_in_the_search_tab(search_window, qtbot):
    win = search_window
    panel = win.search_panel
    win.userdata.store.add_note("A07/13", "للعرض على الوفد: حماية الشهود")
    win.userdata.store.add_note("A07/9", "أخرى")
    panel.set_query("الشهود", immediately=True)
    qtbot.waitUntil(lambda: panel.result_count() > 1)   # the texts: many hits
    with qtbot.waitSignal(panel.results_shown):
        panel.notes_box.setChecked(True)
    assert panel.result_count() == 1
    result = panel.model.result(0)
    assert result.id == "A07/13" and result.citation.endswith("— ملاحظتي")
    assert "للعرض على" in panel.model.data(panel.model.index(0, 0), Qt.ItemDataRole.DisplayRole)
    opened = []
    win.reader.paragraphOpened.connect(opened.append)
    panel.open_current()
    assert opened[-1] == "A07/13"
    with qtbot.waitSignal(panel.results_shown):
        panel.notes_box.setChecked(False)
    qtbot.waitUntil(lambda: panel.result_count() > 1)


def test_the_app_window_has_them_all(app, qtbot, tiny_db_path, tmp_path):
    """build_main_window (what `python -m desktop` shows) wires every piece."""
    from desktop.__main__ import build_main_window
    from desktop.app.settings import AppSettings
    from desktop.content.store import open_store

    window = build_main_window(open_store(tiny_db_path), AppSettings(tmp_path / "s.ini"),
                               remember=False, user_data=str(tmp_path / "u.sqlite"))
    qtbot.addWidget(window)
    assert window.search_panel.notes_box.text() == "ملاحظاتي"
    assert window.bookmark_action.shortcut().toString() == "Ctrl+B"
    assert window.history_menu.title() == "السجل"
    assert window.import_userdata_action in window.menu("file").actions()
    window.close()


def test_the_docks_open_as_tabs_beside_the_selection_it_was_given(window):
    window.show_bookmarks_action.trigger()
    window.show_notes_action.trigger()
    beside = window.tabifiedDockWidgets(window.selection_panel.dock)
    assert window.bookmarks_panel.dock in beside and window.notes_panel.dock in beside
