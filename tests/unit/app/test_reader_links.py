"""desktop.app.reader_links: what the reader says about a place in its text:
a paragraph's citation, a footnote marker's footnote, a cross-reference's
target (its full citation, then its first lines, cut after three), shown by
a real hover."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint
from PySide6.QtWidgets import QApplication

RLM = "\u200f"


def test_a_long_target_is_cut_after_three_lines(make_window, content_db_path):
    from desktop.app.reader import PREVIEW_LINES, link_preview

    window = make_window(content_db_path)
    para = window.store.paragraph("A07/13")
    preview = link_preview(para).replace(RLM, "").split("\n\n", 1)[1].split("\n")
    assert len(preview) == PREVIEW_LINES and preview[-1].endswith(" …")
    assert " ".join(preview).replace(" …", "").split()[:4] == ("13 " + para.text).split()[:4]


def test_paragraph_under_the_mouse_and_its_hover_text(make_window, tiny_db_path):
    window = make_window(tiny_db_path)
    reader = window.reader
    window.open_paragraph("A07/13")
    cursor = reader.document().find("تبادل المعلومات")
    point = reader.cursorRect(cursor).center()
    assert reader.paragraph_at(point) == "A07/13.l1"
    assert reader.tooltip_at(point) == "الجزء ألف، سابعاً-13 (أ)"
    # the footnote marker: its hover text is the footnote
    marker = reader.document().find("3", reader.document().find("حماية الشهود"))
    assert marker.charFormat().anchorHref() == "#fn-3"
    rect = reader.cursorRect(marker)
    candidates = [rect.center() + QPoint(dx, 0) for dx in (-4, -2, 2, 4)]
    on_marker = [p for p in candidates if reader.anchorAt(p) == "#fn-3"]
    assert on_marker
    assert reader.tooltip_at(on_marker[0]) == "انظر الوثيقة CTOC/COP/WG.2/2013/5، الفقرة 34."


def test_hover_shows_the_tooltip(make_window, tiny_db_path, qtbot):
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QToolTip
    window = make_window(tiny_db_path)
    reader = window.reader
    window.open_paragraph("B6-r4/pp1")
    cursor = reader.document().find("الفقرة 2 أعلاه")
    cursor.setPosition(cursor.selectionStart() + 3)
    point = reader.cursorRect(cursor).center()
    event = QHelpEvent(QEvent.Type.ToolTip, point, reader.viewport().mapToGlobal(point))
    QApplication.sendEvent(reader.viewport(), event)
    qtbot.waitUntil(QToolTip.isVisible)
    # the link's target: THE full citation, then its first lines (the preview)
    assert QToolTip.text().startswith(
        "الجزء ألف، سابعاً-13، الوثيقة CTOC/COP/WG.2/2013/5، الفقرة 34\n\n")
    QToolTip.hideText()
