"""The target of a clicked link is the current paragraph: highlighted, in the
status bar, and what Ctrl+D adds -- clicked with the mouse at the link's
place on screen (the release used to select the paragraph under the pointer
on the NEW page)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from desktop.content.citations import RLM
from desktop.content.render import HIGHLIGHT_COLOUR, para_href
from tests.helpers.reader_qt import block_background


@pytest.fixture
def window(make_window, content_db_path):
    from desktop.__main__ import build_main_window
    from desktop.app.settings import AppSettings
    from desktop.content.store import open_store
    import tempfile
    from pathlib import Path
    folder = tempfile.mkdtemp(prefix="cite-")
    win = build_main_window(open_store(content_db_path), AppSettings(Path(folder) / "s.ini"),
                            remember=False, user_data=":memory:")
    win.resize(1280, 800)
    win.show()
    yield win
    win.close()


def link_point(reader, target: str):
    """The viewport point in the middle of the first link to ``target``."""
    href = para_href(target)
    block = reader.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            if fragment.charFormat().anchorHref() == href:
                cursor = QTextCursor(reader.document())
                cursor.setPosition(fragment.position() + fragment.length() // 2)
                reader.setTextCursor(cursor)
                reader.ensureCursorVisible()
                return reader.cursorRect(cursor).center()
            it += 1
        block = block.next()
    raise AssertionError(f"no link to {target} shown")


@pytest.mark.parametrize("start, target", [
    ("A07/1", "B7-r3/1"),              # «الجزء باء، القرار 3/7، 1» under «أُقِرَّت في»
    ("A07/1", "B7-r3/annex1/n1"),      # «…، المرفق الأول»
    ("B7-r3/3", "B4-d3/c1"),           # «مقرّره 3/4»: the opening paragraph, not (أ)
])
def test_mouse_click_on_a_link_makes_its_target_current(window, qtbot, start, target, tmp_path):
    reader = window.reader
    assert reader.open_paragraph(start)
    qtbot.wait(20)
    point = link_point(reader, target)
    assert reader.anchorAt(point) == para_href(target)
    qtbot.mouseClick(reader.viewport(), Qt.MouseButton.LeftButton, pos=point)
    qtbot.wait(20)
    assert reader.current_paragraph_id() == target
    assert block_background(reader, target) == HIGHLIGHT_COLOUR
    assert window.citation_label.text() == RLM + window.store.citation(target).short
    window.grab().save(str(tmp_path / f"{target.replace('/', '_')}.png"))
    reader.setFocus()
    window.selection_panel.clear(confirm=False)
    qtbot.keyClick(reader, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert window.selection_panel.selection.items() == [target]
    # and Back returns to where the click was made
    assert reader.back() and reader.current_paragraph_id() == start
