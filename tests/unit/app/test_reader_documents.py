"""The reader's rendered units (desktop/app/reader_documents.py): each unit
rendered once and swapped in, the current paragraph marked on the document
exactly as the HTML rendering of a selected paragraph would mark it."""

from __future__ import annotations

import re

import pytest
from PySide6.QtGui import QTextDocument

from desktop.app import reader_documents
from desktop.app.application import reader_font
from desktop.app.reader import ReaderView
from desktop.app.reader_documents import DocumentCache, PlainLook, build_unit
from desktop.content.render import HIGHLIGHT_COLOUR, render_unit
from desktop.content.store import open_store
from tests.helpers.reader_qt import block_background


LOOK = PlainLook(14)


def _prepare(document: QTextDocument) -> None:
    document.setDefaultFont(reader_font(14))


def _html_of(store, unit_id: str, selected: str | None) -> str:
    """The document the old path made: the unit's HTML with ``selected``
    rendered into it (and the corrected words dotted, as every document is)."""
    document = QTextDocument()
    _prepare(document)
    rendered = render_unit(store, unit_id, selected)
    document.setHtml(rendered.html)
    reader_documents._scan(document, rendered.paragraph_ids, dotted=True)
    return _shown(document)


def _shown(document: QTextDocument) -> str:
    """The document's HTML without the block numbering the reader keeps in
    each block's user state (Qt writes it out; it is not seen)."""
    return re.sub(r" -qt-user-state:-?\d+;", "", document.toHtml())


@pytest.fixture(scope="module")
def real_store(content_db_path):
    store = open_store(content_db_path)
    yield store
    store.close()


# units with damaged (cop6), reconstructed (som) and supplement (B12) text,
# footnotes and corrected words (A07), links (B6-r4)
UNITS = ("cop6:i1", "som:ch2", "B12-r2", "A07", "B6-r4")


@pytest.mark.parametrize("unit_id", UNITS)
def test_current_paragraph_marked_as_the_html_would_be(app, real_store, unit_id):
    unit = build_unit(real_store, unit_id, LOOK)
    ids = unit.paragraph_ids
    assert len(ids) > 2
    with_source = [pid for pid in ids
                   if (real_store.quality_rows([pid]).get(pid) or {}).get("original_text")]
    # every move: into the unit, between paragraphs (one with its source text
    # shown under it, when the unit has one), and back to none
    sequence = [ids[1], *with_source[:2], ids[-1], ids[0], None]
    for pid in sequence:
        unit.set_current(real_store, pid)
        assert _shown(unit.document) == _html_of(real_store, unit_id, pid), pid
        # blocks still map to their paragraphs after blocks came and went
        if pid:
            assert unit.block_paragraph[unit.first_block(pid).blockNumber()] == pid
    if unit_id in ("cop6:i1", "som:ch2"):
        assert with_source, "the unit has a paragraph shown with its source text"


def test_set_current_says_when_blocks_moved(app, real_store):
    unit = build_unit(real_store, "som:ch2", LOOK)
    plain = [pid for pid in unit.paragraph_ids if not real_store.quality_rows([pid])]
    rebuilt = [pid for pid in unit.paragraph_ids
               if (real_store.quality_rows([pid]).get(pid) or {}).get("original_text")]
    assert rebuilt
    blocks = unit.document.blockCount()
    assert unit.set_current(real_store, rebuilt[0]) is True       # its source added
    assert unit.document.blockCount() == blocks + 1
    assert unit.set_current(real_store, rebuilt[0]) is False      # already current
    if plain:
        assert unit.set_current(real_store, plain[0]) is True     # the source removed
        assert unit.document.blockCount() == blocks


def test_cache_is_bounded_and_least_recently_used_goes(app, real_store):
    units = [u for u in UNITS]
    cache = DocumentCache(real_store, LOOK, limit=3, ahead_limit=1)
    for unit_id in units:
        cache.get(unit_id)
    assert len(cache) == 3
    assert cache.unit_ids() == units[-3:]
    cache.get(units[-3])                                  # used again: kept longest
    assert cache.unit_ids() == [units[-2], units[-1], units[-3]]
    cache.add_ahead(units[0])                             # rendered ahead: pushes none out
    assert cache.unit_ids() == [units[-2], units[-1], units[-3], units[0]]
    cache.add_ahead(units[1])                             # only the newest one ahead stays
    assert cache.unit_ids() == [units[-2], units[-1], units[-3], units[1]]
    cache.get(units[1])                                   # shown: now one of the three shown
    assert cache.unit_ids() == [units[-1], units[-3], units[1]]


@pytest.fixture
def counted(monkeypatch):
    """How many units the reader rendered (render_unit calls)."""
    calls: list[str] = []
    real = reader_documents.render_unit

    def counting(store, unit_id, *args):
        calls.append(unit_id)
        return real(store, unit_id, *args)

    monkeypatch.setattr(reader_documents, "render_unit", counting)
    return calls


@pytest.fixture
def reader(app, qtbot, tiny_db_path):
    view = ReaderView(open_store(tiny_db_path))
    qtbot.addWidget(view)
    view.resize(700, 500)
    view.show()
    qtbot.waitExposed(view)
    view._read_ahead.delay = 10_000   # no rendering ahead unless a test asks
    return view


def test_a_unit_shown_before_is_swapped_in_not_rendered(reader, counted):
    assert reader.open_paragraph("A07/13")
    first = reader.document()
    assert reader.open_paragraph("B6-r4/1")
    assert reader.document() is not first
    assert counted == ["A07", "B6-r4"]
    assert reader.open_paragraph("A07/12")
    assert reader.document() is first and counted == ["A07", "B6-r4"]
    assert block_background(reader, "A07/12") == HIGHLIGHT_COLOUR
    assert block_background(reader, "A07/13") is None      # the old mark undone
    assert "تبادل المعلومات" in reader.toPlainText()


def test_moving_within_a_unit_renders_nothing(reader, counted):
    assert reader.open_paragraph("A07/12")
    document = reader.document()
    reader.verticalScrollBar().setValue(0)
    assert reader.select_paragraph("A07/13")
    assert reader.document() is document and counted == ["A07"]
    assert block_background(reader, "A07/13") == HIGHLIGHT_COLOUR
    assert block_background(reader, "A07/12") is None
    assert reader.current_paragraph_id() == "A07/13"


def test_invalidate_renders_the_shown_unit_again_in_place(reader, counted):
    assert reader.open_paragraph("A07/13", ["الشهود"])
    before = reader.document()
    terms = len(reader._term_selections)
    assert terms
    reader._invalidate_documents()
    assert reader.document() is not before
    assert counted == ["A07", "A07"]
    assert reader.current_paragraph_id() == "A07/13"
    assert block_background(reader, "A07/13") == HIGHLIGHT_COLOUR
    assert len(reader._term_selections) == terms           # search terms still marked
    assert reader.open_paragraph("B6-r4/1") and counted[-1] == "B6-r4"


def test_units_its_links_lead_to_are_rendered_ahead(reader, counted, qtbot):
    assert reader.open_paragraph("B6-r4/1")     # links to paragraphs of A07
    assert counted == ["B6-r4"]
    reader._read_ahead.delay = 0
    reader._read_ahead.schedule()
    qtbot.waitUntil(lambda: "A07" in reader._documents)
    assert reader.current_unit_id() == "B6-r4"  # what is shown did not change
    assert reader.open_paragraph("A07/13")
    assert counted == ["B6-r4", "A07"]           # rendered once, ahead of the open


def test_a_reading_style_marks_the_current_paragraph_in_its_colours(app, qtbot, real_store):
    """Dark page, wider lines: the highlight and the source text under a
    reconstructed paragraph come out as the styled HTML rendering would."""
    from desktop.app.preferences_values import Preferences, reading_style

    style = reading_style(Preferences(theme="dark", line_spacing=150))
    view = ReaderView(real_store)
    qtbot.addWidget(view)
    view.apply_reading_style(style)
    unit = build_unit(real_store, "som:ch2", view)
    rebuilt = [pid for pid in unit.paragraph_ids
               if (real_store.quality_rows([pid]).get(pid) or {}).get("original_text")]
    for pid in (rebuilt[0], unit.paragraph_ids[0]):
        unit.set_current(real_store, pid)
        expected = QTextDocument()
        rendered = render_unit(real_store, "som:ch2", pid)
        view.load_page(expected, rendered.html)
        reader_documents._scan(expected, rendered.paragraph_ids, dotted=True)
        view.prepare_document(expected)
        assert _shown(unit.document) == _shown(expected), pid
    assert style.colour(HIGHLIGHT_COLOUR) != HIGHLIGHT_COLOUR       # the theme's own
    assert style.colour(HIGHLIGHT_COLOUR) in _shown(unit.document)


def test_read_ahead_wants_the_units_beside_and_those_linked(app, qtbot, real_store):
    view = ReaderView(real_store)
    qtbot.addWidget(view)
    assert view.open_paragraph("A07/13")
    wanted = view._read_ahead.wanted()
    assert wanted[:2] == ["A08", "A06"]                     # the meetings beside it
    assert view.open_paragraph(real_store.first_paragraph("B3").id)
    assert view._read_ahead.wanted()[:2] == ["B4-d3", "B2-d6"]  # across sessions


def test_reading_ahead_waits_for_a_pause_after_every_open(app, qtbot, real_store):
    """Rendering ahead once must not make it run straight after later opens
    (it did: the timer kept the no-wait of its last step)."""
    view = ReaderView(real_store)
    qtbot.addWidget(view)
    view.show()
    view._read_ahead.delay = 50
    assert view.open_paragraph("A07/13")              # the meetings beside it, its links
    qtbot.waitUntil(lambda: len(view._documents) == 4)  # A07 and three rendered ahead
    assert view.open_paragraph("A02/8")
    assert view._read_ahead.timer.interval() == 50      # waits for the pause again
    assert "A01" not in view._documents and "A03" not in view._documents


def test_a_unit_is_laid_out_once_when_shown(reader):
    """QTextEdit lays a document out anew at the page size it sets, so the
    layout must not lay anything out before: made with no page size (Qt
    laid out the start of a unit on making its layout, then all of it
    again, issue 17); the unit then laid out at the reader's width."""
    made_at = []
    unit = reader._documents.get("B6-r4")
    unit.document.documentLayoutChanged.connect(lambda: made_at.append(unit.document.pageSize()))
    assert reader.open_paragraph("B6-r4/1")
    assert reader.document() is unit.document
    assert [size.isNull() for size in made_at] == [True]
    assert unit.document.textWidth() == reader.viewport().width()
    layout = unit.document.documentLayout()
    tops = [layout.blockBoundingRect(unit.first_block(pid)).top() for pid in unit.paragraph_ids]
    assert tops == sorted(tops) and tops[-1] > tops[0] > 0   # every paragraph laid out, in order


def _glyphs_kept(document: QTextDocument) -> list[bool]:
    kept, block = [], document.begin()
    while block.isValid():
        kept.append(block.layout().cacheEnabled())
        block = block.next()
    return kept


def test_the_shown_unit_keeps_its_glyphs_and_a_hidden_one_gives_them_back(reader, qtbot):
    """Blocks of the unit shown keep their shaped glyphs (a paint does not
    shape the text again, issue 17); a unit swapped out frees them once the
    reader is idle, and keeps them again when shown again."""
    reader._drop_timer.setInterval(0)
    assert reader.open_paragraph("A07/13")
    first = reader.document()
    assert all(_glyphs_kept(first))
    assert reader.open_paragraph("B6-r4/1")
    assert all(_glyphs_kept(reader.document()))
    qtbot.waitUntil(lambda: not any(_glyphs_kept(first)))
    block = first.begin()
    while block.isValid():                        # nothing laid out is kept
        assert block.layout().lineCount() == 0
        block = block.next()
    assert all(_glyphs_kept(reader.document()))   # not the shown one's
    assert reader.open_paragraph("A07/12")
    assert reader.document() is first and all(_glyphs_kept(first))
    layout = first.documentLayout()
    unit = reader._unit
    tops = [layout.blockBoundingRect(unit.first_block(pid)).top() for pid in unit.paragraph_ids]
    assert tops == sorted(tops) and tops[-1] > tops[0] > 0   # laid out anew, in order


def test_the_source_text_block_keeps_its_glyphs_too(app, real_store):
    """The block set_current inserts under a reconstructed paragraph keeps
    its glyphs like the blocks around it."""
    unit = build_unit(real_store, "som:ch2", LOOK)
    rebuilt = next(pid for pid in unit.paragraph_ids
                   if (real_store.quality_rows([pid]).get(pid) or {}).get("original_text"))
    reader_documents.keep_glyphs(unit.document)
    count = unit.document.blockCount()
    assert unit.set_current(real_store, rebuilt)
    assert unit.document.blockCount() == count + 1 and all(_glyphs_kept(unit.document))
