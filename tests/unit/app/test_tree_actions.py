"""The contents tree: the start-up row shown with its part and meeting, a
section opened with its heading on top, a row revealed with one scroll."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QAbstractItemView

from desktop.app.main_window import MainWindow
from desktop.app.settings import AppSettings
from desktop.app.tree_actions import ancestors, reveal_row, row_visible
from desktop.content.store import open_store


def test_start_up_row_stands_under_its_part_and_meeting(app, qtbot, content_db_path, tmp_path):
    settings = AppSettings(tmp_path / "settings.ini")
    settings.set_last_paragraph("A07/13")
    window = MainWindow(open_store(content_db_path), settings)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.open_start()                          # as the app starts: before show
    window.show()
    qtbot.waitExposed(window)
    tree = window.tree_view
    qtbot.waitUntil(lambda: not tree.property("reveal_pending"))
    row = tree.currentIndex()
    assert window.tree_model.key(row) == ("paragraph", "A07/13")
    meeting = row.parent()
    assert window.tree_model.key(meeting) == ("node", "A07")
    assert tree.isExpanded(meeting) and tree.isExpanded(meeting.parent())
    assert row_visible(tree, row)
    assert row_visible(tree, meeting)            # which meeting this is, on screen
    window.remember = False
    window.close()


def test_start_up_row_is_in_view_at_once_when_the_window_shows_first(app, qtbot, content_db_path,
                                                                    tmp_path):
    """The app shows the window, then opens the start paragraph
    (desktop.__main__.show_at_start): its row is revealed at once, not when
    the opens pause, so the first paint has it in view."""
    window = MainWindow(open_store(content_db_path), AppSettings(tmp_path / "settings.ini"))
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    assert window.open_start("A07/13")
    tree = window.tree_view
    row = tree.currentIndex()                    # no event processed: as at the first paint
    assert window.tree_model.key(row) == ("paragraph", "A07/13")
    assert row_visible(tree, row) and row_visible(tree, row.parent())
    follow = tree.findChild(QObject, "tree-follow")
    assert follow is None or not follow.pending()
    window.remember = False
    window.close()


def test_a_section_opens_with_its_heading_on_top(make_window, content_db_path, qtbot):
    window = make_window(content_db_path)
    window.resize(1280, 800)
    window.open_paragraph("A02/1")
    first = window.store.first_paragraph("B3-d4/s1/s3")
    index = window.tree_model.index_for_paragraph(first.id).parent()
    assert window.tree_model.key(index) == ("node", "B3-d4/s1/s3")
    window.tree_view.setCurrentIndex(index)
    qtbot.wait(30)
    reader = window.reader
    assert reader.current_paragraph_id() == first.id
    heading = reader.document().find(window.store.node("B3-d4/s1/s3").heading)
    assert not heading.isNull()
    top = reader.cursorRect(heading).top()
    assert 0 <= top < 20                         # the first line of the page


def test_every_paragraph_of_a_corrected_unit_is_laid_out(make_window, content_db_path):
    """Marking corrected words used to stop the page's layout: the blocks
    the marks did not touch stayed zero pixels high (missing on screen)."""
    window = make_window(content_db_path)
    window.open_paragraph("B3-d4/9")
    reader = window.reader
    assert reader.corrected_words()              # the unit has marked words
    document = reader.document()
    layout = document.documentLayout()
    empty = []
    block = document.begin()
    while block.isValid():
        if block.text().strip() and layout.blockBoundingRect(block).height() == 0:
            empty.append(block.text()[:30])
        block = block.next()
    assert empty == []


def test_a_row_is_revealed_with_one_scroll_and_where_the_old_way_put_it(make_window, content_db_path):
    """The tree used to scroll to each ancestor in turn before it found the
    one to put on top (the whole tree repainted at every open, issue 17):
    now it scrolls at most once, to the same place."""
    window = make_window(content_db_path)
    window.resize(1280, 800)
    tree = window.tree_view
    bar = tree.verticalScrollBar()
    moves: list[int] = []
    bar.valueChanged.connect(moves.append)
    for pid in ("A07/13", "B6-r4/annex/l4", "A02/8", "A07/30", "A07/31", "A09/1"):
        moves.clear()
        window.select_in_tree(pid)
        assert len(moves) <= 1, pid
        row = tree.currentIndex()
        assert window.tree_model.key(row) == ("paragraph", pid)
        assert row_visible(tree, row)
        where = bar.value()
        # the old way, step by step: the outermost ancestor that leaves the
        # row on screen goes on top, else the row is centred
        for parent in ancestors(row):
            tree.scrollTo(parent, QAbstractItemView.ScrollHint.PositionAtTop)
            if row_visible(tree, row):
                break
        else:
            tree.scrollTo(row, QAbstractItemView.ScrollHint.PositionAtCenter)
        assert bar.value() == where, pid
    moves.clear()
    window.select_in_tree("A09/2")               # on screen already: no scroll
    assert moves == []


def test_the_tree_follows_the_reader_and_scrolls_once_the_opens_pause(make_window, content_db_path,
                                                                      qtbot):
    """The row of each paragraph the reader opens is current at once when
    the tree has its rows loaded, else once the opens pause; its part and
    meeting open and the tree scrolls to it once the opens pause
    (Back/Forward in a row scroll it once, for the last), as reveal_row
    would put it. Nothing is expanded or loaded meanwhile: an expand
    repaints the whole tree, loading a unit's rows reads all its
    paragraphs, in the open's frame."""
    window = make_window(content_db_path)
    window.resize(1280, 800)
    window.open_paragraph("A07/13")
    tree = window.tree_view
    model = window.tree_model
    follow = tree.findChild(QObject, "tree-follow")
    qtbot.waitUntil(lambda: not follow.pending())
    bar = tree.verticalScrollBar()
    moves: list[int] = []
    bar.valueChanged.connect(moves.append)
    window.open_paragraph("A07/12")               # A07's rows are loaded: current at once
    assert model.key(tree.currentIndex()) == ("paragraph", "A07/12")
    assert follow.pending()
    assert not model.index_for_paragraph("B6-r4/annex/l4", load=False).isValid()  # Part B: not yet
    for pid in ("B6-r4/annex/l4", "A02/8", "A09/1"):
        before = tree.currentIndex()
        loaded = model.index_for_paragraph(pid, load=False).isValid()
        window.open_paragraph(pid)
        if loaded:
            assert model.key(tree.currentIndex()) == ("paragraph", pid)   # at once
        else:
            assert tree.currentIndex() == before  # nothing loaded in the open
        assert follow.pending()
    assert moves == []                            # not scrolled yet
    qtbot.waitUntil(lambda: not follow.pending())
    assert len(moves) == 1
    row = tree.currentIndex()
    assert model.key(row) == ("paragraph", "A09/1")   # the last one opened
    assert all(tree.isExpanded(parent) for parent in ancestors(row))
    assert row_visible(tree, row) and row_visible(tree, row.parent())
    where = bar.value()
    reveal_row(tree, row)
    assert bar.value() == where                   # where reveal_row puts it


def test_a_row_the_user_chose_meanwhile_stays(make_window, content_db_path, qtbot):
    """The tree's own row, chosen between an open and its follow, is not
    taken back."""
    window = make_window(content_db_path)
    window.resize(1280, 800)
    window.open_paragraph("A07/13")
    tree = window.tree_view
    follow = tree.findChild(QObject, "tree-follow")
    qtbot.waitUntil(lambda: not follow.pending())
    window.open_paragraph("A02/8")                # not loaded: follows after the pause
    chosen = window.tree_model.index_for_paragraph("A07/12")
    window._syncing_tree = True
    tree.setCurrentIndex(chosen)                  # the user moved meanwhile
    window._syncing_tree = False
    qtbot.waitUntil(lambda: not follow.pending())
    assert tree.currentIndex() == chosen


def test_a_tree_with_the_keyboard_is_revealed_at_once(make_window, content_db_path, qtbot):
    window = make_window(content_db_path)
    window.resize(1280, 800)
    tree = window.tree_view
    window.activateWindow()
    tree.setFocus()
    qtbot.waitUntil(tree.hasFocus)
    window.reader.open_paragraph("A09/1")         # the reader opens, the tree keeps the focus
    row = tree.currentIndex()
    assert window.tree_model.key(row) == ("paragraph", "A09/1")
    assert row_visible(tree, row)
    follow = tree.findChild(QObject, "tree-follow")
    assert follow is None or not follow.pending()
