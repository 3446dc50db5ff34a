"""desktop.app.reader: what the reader shows: gaps, the supplement notice,
corrected words, reconstructed paragraphs (pytest-qt), and copied text
without the word joiners that keep symbols whole on screen."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex
from PySide6.QtGui import QTextCharFormat

from desktop.content import editorial_html


@pytest.fixture
def window(make_window, content_db_path):
    return make_window(content_db_path)


def _node_index(model, ident):
    def walk(parent):
        for row in range(model.rowCount(parent)):
            index = model.index(row, 0, parent)
            if model.key(index) == ("node", ident):
                return index
            if model.key(index)[0] == "node" and len(ident) > 1 and ident.startswith(model.key(index)[1]):
                found = walk(index)
                if found is not None:
                    return found
        return None
    return walk(QModelIndex())


@pytest.mark.parametrize("gap", ["A12", "B10"])
def test_selecting_a_gap_in_the_tree_shows_what_is_known(window, gap):
    window.open_paragraph("A07/13")
    index = _node_index(window.tree_model, gap)
    assert index is not None
    window.tree_view.setCurrentIndex(index)
    text = window.reader.toPlainText()
    assert "في أي من المصادر المتاحة لهذا التطبيق" in text
    assert window.store.node(gap).heading in text
    assert "ما هو معروف" in text and "المصدر:" in text
    assert window.reader.current_unit_id() == gap
    assert window.reader.current_paragraph_id() is None
    assert "A07" not in text and "بناء القدرات" not in text   # nothing of the previous unit


def test_gap_source_link_opens_the_source_paragraph(window):
    assert window.reader.open_gap("A12")
    from PySide6.QtCore import QUrl
    window.reader.anchorClicked.emit(QUrl("para:cop10:18"))
    assert window.reader.current_paragraph_id() == "cop10:18"
    assert not window.reader.open_gap("A07")


def test_supplement_unit_header_says_where_it_comes_from(window):
    window.open_paragraph("B12-r2/1")
    assert editorial_html.SUPPLEMENT_NOTICE in window.reader.toPlainText()


def test_corrected_word_is_dotted_with_its_source_word_as_tooltip(window):
    window.open_paragraph("A08/14")
    words = window.reader.corrected_words()
    assert ("تنظر", "صُحّح في هذا التطبيق: كان في المصدر «تتظر» — السبب: خطأ مطبعي في المصدر") in words
    # the editor's read (issue 18): A08/8 «رهنأ» and A08/9 «وراذعة» in the same unit
    assert ("رهناً", "صُحّح في هذا التطبيق: كان في المصدر «رهنأ» — السبب: خطأ مطبعي في المصدر") in words
    assert ("ورادعة", "صُحّح في هذا التطبيق: كان في المصدر «وراذعة» — السبب: خطأ مطبعي في المصدر") in words
    cursor = window.reader.document().find("تنظر في اتّخاذ")
    cursor.setPosition(cursor.selectionStart() + 2)
    fmt = cursor.charFormat()
    assert fmt.underlineStyle() == QTextCharFormat.UnderlineStyle.DotLine
    rect = window.reader.cursorRect(cursor)
    assert window.reader.tooltip_at(rect.center()).startswith("صُحّح في هذا التطبيق: كان في المصدر «تتظر»")


def test_reconstructed_paragraph_says_what_was_measured(window):
    """Issue 18: the migrant-smuggling report's notes give the figures measured on
    the hand-read reference, and which lines' order was repaired or is unverified."""
    from desktop.content.related import som_report
    window.open_paragraph("som:r3")
    text = window.reader.toPlainText()
    m = som_report.MEASURED
    assert f"عينة مرجعية من {m['paragraphs']} فقرة" in text
    assert f"{m['certain_precision']}٪" in text and f"{m['word_accuracy']}٪" in text
    assert "أعاد المفكك ترتيب السطر 1" in text
    window.open_paragraph("som:r14")
    assert "ترتيب الكلمات غير مؤكد في السطر 1" in window.reader.toPlainText()


def test_copied_text_has_no_word_joiners(make_window, tiny_db_path, app):
    window = make_window(tiny_db_path)
    window.open_paragraph("A07/13")
    assert "\u2060" in window.reader.toPlainText()  # symbols kept whole on screen
    window.reader.selectAll()
    window.reader.copy()
    copied = app.clipboard().text()
    assert "CTOC/COP/WG.2/2013/5" in copied and "\u2060" not in copied


def test_an_open_paints_the_page_once_where_it_ends(window, monkeypatch):
    """The caret, the anchor and the lines above the paragraph each scroll
    the page: while they do, the page is not drawn (each scroll moved the
    whole picture first, issue 17); it is drawn again after."""
    reader = window.reader
    seen: list[bool] = []
    real = type(reader)._scroll_to

    def scroll_to(self, paragraph_id, from_top=False):
        seen.append(self.viewport().updatesEnabled())
        real(self, paragraph_id, from_top)

    monkeypatch.setattr(type(reader), "_scroll_to", scroll_to)
    for pid in ("A07/13", "A07/30", "B6-r4/1"):
        assert window.open_paragraph(pid)
        assert reader.viewport().updatesEnabled()
    assert seen == [False, False, False]


def test_a_long_unit_after_a_short_one_is_laid_out_at_its_width_once(window, qtbot):
    """A scroll bar appearing after a long unit went in narrowed the page
    and QTextEdit laid the whole unit out again: the bar now stands before
    the document goes in, and as needed after."""
    from PySide6.QtCore import QEvent, QObject, Qt

    reader = window.reader
    window.open_paragraph("A06/n1")              # a short unit: no scroll bar
    qtbot.wait(20)
    bar = reader.verticalScrollBar()
    assert not bar.isVisible()
    resized_under: list = []

    class Resizes(QObject):
        def eventFilter(self, watched, event):
            # a new width lays the page out again (a new height does not)
            if event.type() == QEvent.Type.Resize \
                    and event.size().width() != event.oldSize().width():
                resized_under.append(reader.document())
            return False

    watch = Resizes()
    reader.viewport().installEventFilter(watch)
    window.open_paragraph("A07/13")              # a long one
    long_document = reader.document()
    reader.viewport().removeEventFilter(watch)
    assert long_document not in resized_under     # not narrowed once it was in
    assert resized_under                          # (the short one was)
    assert bar.isVisible()
    assert reader.verticalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAsNeeded
    window.open_paragraph("A06/n1")
    qtbot.wait(20)
    assert not bar.isVisible()                    # as needed: gone again


def test_the_page_is_scrolled_again_only_if_the_layout_moved(window, qtbot):
    """The paragraph is scrolled to at once and once more on the next turn
    of the event loop (the layout may still move); that second time it
    scrolled the page twice for nothing when nothing had moved."""
    reader = window.reader
    window.open_paragraph("A07/13")
    qtbot.wait(20)
    bar = reader.verticalScrollBar()
    moves: list[int] = []
    bar.valueChanged.connect(moves.append)
    window.open_paragraph("A07/20")                # the same page, further down
    assert moves                                   # scrolled at once
    where, count = bar.value(), len(moves)
    qtbot.wait(20)
    assert len(moves) == count and bar.value() == where
    top = reader.cursorRect(reader.textCursor()).top()
    assert 0 < top < reader.viewport().height() // 3   # a few lines above it in view
    assert reader.current_paragraph_id() == "A07/20"
