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
