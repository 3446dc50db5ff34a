"""desktop.app.reader_access: the reader as a screen reader sees it (Qt's
accessibility interfaces): a document with the unit's text, its links and
footnote markers as named children, and announcements (caret browsing and
the paragraph menu from the keyboard: test_reader_caret.py)."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QAccessible, QAccessibleActionInterface

from desktop.app import reader_access
from tests.helpers.reader_qt import accessible, caret_at_start_of

OPENED = "A07/13"


@pytest.fixture
def window(make_window, content_db_path):
    win = make_window(content_db_path)
    win.open_start(OPENED)   # the route --open takes
    return win


def _links(iface):
    return [iface.child(i) for i in range(iface.childCount())
            if iface.child(i).role() == QAccessible.Role.Link]


def test_reader_is_a_document_whose_text_is_the_unit(window):
    iface = accessible(window.reader)
    assert iface.role() == QAccessible.Role.Document
    assert iface.text(QAccessible.Text.Name) == "نص الخلاصة"
    assert iface.text(QAccessible.Text.Description) == window.store.paragraph(OPENED).citation
    text = iface.textInterface()
    plain = window.reader.toPlainText()
    assert text.characterCount() == len(plain)
    # the same text offset for offset (toPlainText turns no-break spaces into spaces)
    assert text.text(0, text.characterCount()).replace("\xa0", " ") == plain
    assert iface.state().readOnly and iface.state().focusable


def test_links_are_children_named_with_their_targets_citation(window):
    links = _links(accessible(window.reader))
    targets = [l for l in window.store.links_from(
        p.id for p in window.store.unit_paragraphs("A07"))]
    assert len(links) >= 1
    names = [l.text(QAccessible.Text.Name) for l in links]
    for link in links:
        assert link.text(QAccessible.Text.Name), "a link without a name"
        assert link.state().focusable
        assert link.parent() is not None
    cited = {window.store.paragraph(t.to_id).citation for t in targets
             if window.store.paragraph(t.to_id)}
    assert any(c and c in n for c in cited for n in names), (names, cited)


def test_footnote_markers_are_separate_named_references(make_window, content_db_path):
    win = make_window(content_db_path)
    store = win.store
    note = store.footnotes(["A02/2"])[0]
    win.open_paragraph(note.paragraph_id)
    links = _links(accessible(win.reader))
    names = [l.text(QAccessible.Text.Name) for l in links]
    wanted = f"الحاشية {note.number}: "
    assert any(n.startswith(wanted) and note.text[:20] in n for n in names), names


def test_pressing_a_link_follows_it_and_moves_the_caret(window):
    reader = window.reader
    link = next(l for l in _links(accessible(reader))
                if l.text(QAccessible.Text.Value).startswith("para:"))
    target = link.text(QAccessible.Text.Value)[len("para:"):]
    action = link.actionInterface()
    assert QAccessibleActionInterface.pressAction() in action.actionNames()
    action.doAction(QAccessibleActionInterface.pressAction())
    assert reader.current_paragraph_id() == target
    assert caret_at_start_of(window, target)
    assert reader_access.ANNOUNCED[-1].startswith("تم اتباع الرابط إلى ")
    assert window.store.paragraph(target).citation in reader_access.ANNOUNCED[-1]
    # and back again: the caret returns to the paragraph we came from
    window.back_action.trigger()
    assert caret_at_start_of(window, OPENED)
