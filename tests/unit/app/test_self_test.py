"""--self-test checks that the handbook (F1) travelled with the app."""

from __future__ import annotations

from desktop import handbook
from desktop.app.self_test import _handbook_is_there


def test_the_bundled_handbook_passes():
    assert _handbook_is_there() == []


def test_a_missing_picture_or_page_is_reported(tmp_path, monkeypatch):
    (tmp_path / "index.md").write_text("# دليل\n\n[قسم](a.md)\n", encoding="utf-8")
    (tmp_path / "a.md").write_text("# قسم\n\n![صورة](images/a.png)\n", encoding="utf-8")
    monkeypatch.setattr(handbook, "folder", lambda: tmp_path)
    assert _handbook_is_there() == ["handbook: a.md: picture images/a.png missing"]
    (tmp_path / "a.md").unlink()
    assert _handbook_is_there()[0].startswith("handbook: ")
