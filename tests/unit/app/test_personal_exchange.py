"""File menu > export / import of the user's data, as a user does it."""

from __future__ import annotations

import json

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from desktop.app.personal import install_personal
from desktop.app.selection import install_selection
from desktop.userdata.exchange import FORMAT


@pytest.fixture
def window(make_window, tiny_db_path, tmp_path):
    win = make_window(tiny_db_path)
    install_selection(win, tmp_path / "ud" / "userdata.sqlite")
    install_personal(win)
    return win


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
    install_personal(other)
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
