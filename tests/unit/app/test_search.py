"""desktop.app.search, the search feature in the window: Ctrl+K puts the
cursor in the search tab's box and Enter opens the hit highlighted (the find
bar under the reader: test_find_bar.py)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from tests.unit.app.test_search_panel import type_text, window  # noqa: F401


def test_ctrl_k_focuses_the_box_and_typing_finds_opens_and_highlights(window, qtbot):
    panel = window.search_panel
    window.navigation.setCurrentIndex(0)
    window.reader.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert window.navigation.currentWidget() is panel
    qtbot.waitUntil(lambda: panel.search_box.hasFocus())

    with qtbot.waitSignal(panel.results_shown, timeout=10000) as blocker:
        type_text(panel.search_box, "الشهود المستضعفين")
    assert blocker.args[0] >= 2
    first = panel.model.result(0)
    assert first.id in {"A07/5", "A07/6"}
    assert "المستضعفين" in first.terms

    qtbot.keyClick(panel.search_box, Qt.Key.Key_Return)
    assert window.reader.current_paragraph_id() == first.id
    doc = window.reader.document().toRawText()
    marked = {doc[s.cursor.selectionStart():s.cursor.selectionEnd()]
              for s in window.reader.extraSelections()}
    assert "المستضعفين" in marked
    assert marked <= set(first.terms) | {t for t in first.terms}


# ---- the lazy tab (the interactive start: issue 17) ---------------------------------

def test_a_lazy_tab_is_there_and_empty_until_first_used(make_window, content_db_path, qtbot):
    from desktop.app.search import TAB_TITLE, SearchPage, install_search

    window = make_window(content_db_path)
    panel, find_bar = install_search(window, lazy=True)
    assert panel is None and find_bar is window.find_bar
    page = window.search_page
    assert isinstance(page, SearchPage)
    tab = window.navigation.indexOf(page)
    assert window.navigation.tabText(tab) == TAB_TITLE
    assert not page.is_built() and getattr(window, "search_panel", None) is None
    assert page.findChildren(QWidget) == []   # nothing built: no filters, no worker pool
    built = []
    page.built.connect(built.append)

    window.navigation.setCurrentIndex(0)
    window.reader.setFocus()
    qtbot.waitUntil(window.isActiveWindow)    # a window shortcut needs an active window
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    panel = window.search_panel
    assert built == [panel] and page.is_built()
    assert window.navigation.currentWidget() is page and panel.parentWidget() is page
    qtbot.waitUntil(lambda: panel.search_box.hasFocus())
    # the first search works the first time
    with qtbot.waitSignal(panel.results_shown, timeout=10000) as blocker:
        type_text(panel.search_box, "الشهود المستضعفين")
    assert blocker.args[0] >= 2
    qtbot.keyClick(panel.search_box, Qt.Key.Key_Return)
    assert window.reader.current_paragraph_id() == panel.model.result(0).id
    # built once: Ctrl+K again and showing the tab again reuse it
    window.navigation.setCurrentIndex(0)
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert built == [panel] and window.search_panel is panel
    panel.shutdown()


def test_opening_the_lazy_tab_with_the_mouse_builds_it_before_it_paints(make_window,
                                                                          content_db_path, qtbot):
    from desktop.app.search import install_search, search_panel

    window = make_window(content_db_path)
    install_search(window, lazy=True)
    page = window.search_page
    window.navigation.setCurrentWidget(page)    # a click on the tab
    assert page.is_built()
    panel = window.search_panel
    assert panel.isVisible() and panel.search_box.isVisible()
    assert search_panel(window) is panel
    panel.shutdown()


def test_search_panel_is_none_without_a_search_tab(make_window, content_db_path):
    from desktop.app.search import search_panel

    assert search_panel(make_window(content_db_path)) is None


def test_when_built_runs_now_on_first_build_or_never(make_window, content_db_path):
    from desktop.app.search import install_search, search_panel, when_built

    seen: list = []
    bare = make_window(content_db_path)
    when_built(bare, seen.append)           # no search tab: never
    lazy = make_window(content_db_path)
    install_search(lazy, lazy=True)
    when_built(lazy, seen.append)
    assert seen == []                       # not built yet
    panel = search_panel(lazy)
    assert seen == [panel]
    when_built(lazy, seen.append)           # built: at once
    assert seen == [panel, panel]
    search_panel(lazy)
    assert seen == [panel, panel]           # built once, told once
    panel.shutdown()
