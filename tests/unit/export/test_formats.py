"""The export formats by name: each writes its file, a PDF says its pages."""

from __future__ import annotations

import docx
import pytest

from desktop.content.store import open_store
from desktop.export.formats import KINDS, write
from desktop.export.model import ExportOptions, gather_items


@pytest.fixture
def items(fixture_db_path):
    store = open_store(fixture_db_path)
    try:
        yield gather_items(store, ["A07/13", "A07/19"])
    finally:
        store.close()


def test_every_kind_writes_its_format(items, tmp_path, qapp):
    written = {}
    for kind in KINDS:
        path = tmp_path / f"out.{kind}"
        written[kind] = write(kind, items, path, ExportOptions())
        assert path.stat().st_size > 0
    assert written["pdf"] >= 1 and written["docx"] is None and written["html"] is None
    assert (tmp_path / "out.pdf").read_bytes().startswith(b"%PDF")
    assert len(docx.Document(str(tmp_path / "out.docx")).paragraphs) > 2
    assert "A07/13" in (tmp_path / "out.html").read_text(encoding="utf-8") or \
        "سابعاً" in (tmp_path / "out.html").read_text(encoding="utf-8")


def test_an_unknown_kind_writes_nothing(items, tmp_path):
    with pytest.raises(ValueError):
        write("odt", items, tmp_path / "out.odt", ExportOptions())
    assert not (tmp_path / "out.odt").exists()
