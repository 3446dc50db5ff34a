"""The selection dock through the UI: add, reorder, remove, clear, save,
reopen, persistence across a restart, clicks open the reader, exports."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox

from desktop.app import dialogs
from desktop.app.selection_panel import SelectionPanel
from desktop.content.store import open_store
from desktop.content.citations import WORD_JOINER, strip_joiners
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
