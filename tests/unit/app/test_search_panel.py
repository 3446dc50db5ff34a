"""The search tab and the find bar, through the real window (pytest-qt, offscreen)."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from desktop.app.search import install_search
from desktop.app.search_panel import SearchPanel, count_text
from tests.unit.search.conftest import make_fixture_db


def type_text(widget, text: str) -> None:
    """Type Arabic one key event at a time (qtbot.keyClicks aborts on non-ASCII)."""
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown,
                                                     Qt.KeyboardModifier.NoModifier, ch))


@pytest.fixture
def window(make_window, content_db_path):
    w = make_window(content_db_path)
    install_search(w)
    yield w
    w.search_panel.shutdown()


def wait_results(qtbot, panel, timeout=10000):
    with qtbot.waitSignal(panel.results_shown, timeout=timeout) as blocker:
        pass
    return blocker.args[0]


def search(qtbot, panel, text: str) -> int:
    with qtbot.waitSignal(panel.results_shown, timeout=10000) as blocker:
        panel.set_query(text, immediately=True)
    return blocker.args[0]


def test_results_arrive_from_a_worker_and_only_the_last_text_counts(window, qtbot):
    panel = window.search_panel
    panel.set_query("الشهود", immediately=True)
    assert panel.result_count() == 0  # not answered synchronously: the UI did not wait
    panel.set_query("غسل الأموال", immediately=True)
    qtbot.waitUntil(lambda: panel.result_count() > 0, timeout=10000)
    qtbot.wait(300)  # a late answer for "الشهود" must not replace this one
    ids = [panel.model.result(i).id for i in range(panel.result_count())]
    assert "A09/14" in ids
    assert all("الشهود" not in (panel.model.result(i).terms or ()) for i in range(len(ids)))


def test_debounce_searches_once_after_typing(window, qtbot):
    panel = window.search_panel
    shown = []
    panel.results_shown.connect(shown.append)
    type_text(panel.search_box, "حماية")
    qtbot.waitUntil(lambda: len(shown) >= 1, timeout=10000)
    qtbot.wait(400)
    assert len(shown) == 1


def test_empty_result_says_so_and_suggests_removing_a_filter(window, qtbot):
    panel = window.search_panel
    panel.part_box.setCurrentIndex(panel.part_box.findData("B"))
    assert search(qtbot, panel, "شيرلوك") == 0
    assert panel.message.isVisible() or not panel.message.isHidden()
    assert "لا توجد نتائج" in panel.message.text()
    assert "إزالة عامل تصفية" in panel.message.text()
    assert panel.count_label.text() == "لا نتائج"
    with qtbot.waitSignal(panel.results_shown, timeout=10000) as blocker:
        qtbot.mouseClick(panel.clear_filters_button, Qt.MouseButton.LeftButton)
    assert blocker.args[0] > 0
    assert panel.part_box.currentData() is None


def test_filters_restrict_results(window, qtbot):
    panel = window.search_panel
    panel.part_box.setCurrentIndex(panel.part_box.findData("A"))
    assert search(qtbot, panel, "المساعدة التقنية") > 0
    ids = [panel.model.result(i).id for i in range(panel.result_count())]
    assert ids and all(i.startswith("A") for i in ids)
    at = panel.unit_box.findData("A07")
    assert at > 0
    with qtbot.waitSignal(panel.results_shown, timeout=10000):
        panel.unit_box.setCurrentIndex(at)
    ids = [panel.model.result(i).id for i in range(panel.result_count())]
    assert ids and all(i.startswith("A07/") for i in ids)
    assert "unit" in panel.filters() and panel.filters()["document"] == "compendium"


def test_related_documents_only_when_asked(window, qtbot):
    panel = window.search_panel
    search(qtbot, panel, "الاتجار بالأشخاص")

    def full_matches() -> set[str]:  # partial matches below them vary with the scope
        return {panel.model.result(i).id for i in range(panel.result_count())
                if not panel.model.result(i).partial}

    compendium_only = full_matches()
    with qtbot.waitSignal(panel.results_shown, timeout=10000):
        panel.related_box.setChecked(True)
    with_related = full_matches()
    assert compendium_only and compendium_only < with_related


def test_locator_goes_straight_to_the_paragraph(window, qtbot):
    panel = window.search_panel
    assert search(qtbot, panel, "سابعاً-13") >= 1
    assert panel.model.result(0).id == "A07/13"
    qtbot.keyClick(panel.search_box, Qt.Key.Key_Return)
    assert window.reader.current_paragraph_id() == "A07/13"


def test_count_shows_arabic_number_agreement():
    assert [count_text(n) for n in (0, 1, 2, 3, 10, 11, 250)] == [
        "لا نتائج", "نتيجة واحدة", "نتيجتان", "3 نتائج", "10 نتائج", "11 نتيجة", "250 نتيجة"]


@pytest.mark.parametrize("text", ['"حماية', "AND (", "-", "*", "CTOC/COP/WG.2/2013/5",
                                  "x" * 3000, "\u200f\u2060"])
def test_odd_input_in_the_box_does_not_break_the_panel(window, qtbot, text):
    panel = window.search_panel
    search(qtbot, panel, text)
    assert panel.count_label.text() is not None
    assert search(qtbot, panel, "الشهود") > 0


def test_panel_without_a_search_index_explains_in_arabic(qtbot, tmp_path):
    path = tmp_path / "old.sqlite"
    make_fixture_db(path)
    conn = sqlite3.connect(path)
    conn.execute("DROP TABLE search_docs")
    conn.commit()
    conn.close()
    panel = SearchPanel(path)
    qtbot.addWidget(panel)
    assert not panel.search_box.isEnabled()
    assert "فهرس البحث" in panel.message.text() and "أعد إنشاءها" in panel.message.text()


def test_panel_on_the_fixture_db_lists_filters_and_themes(qtbot, tmp_path):
    path = tmp_path / "fixture.sqlite"
    make_fixture_db(path)
    panel = SearchPanel(path)
    qtbot.addWidget(panel)
    assert panel.theme_box.findData("حماية الشهود") > 0
    assert panel.year_box.findData(2013) > 0
    panel.theme_box.setCurrentIndex(panel.theme_box.findData("غسل الأموال"))
    with qtbot.waitSignal(panel.results_shown, timeout=10000):
        panel.set_query("الأموال", immediately=True)
    assert {panel.model.result(i).id for i in range(panel.result_count())} == {"A08/13.l3", "A09/14"}
    requested = []
    panel.paragraph_requested.connect(lambda pid, terms: requested.append((pid, terms)))
    panel.view.setCurrentIndex(panel.model.index(1, 0))
    panel.open_current()
    assert requested and requested[0][0] == panel.model.result(1).id
    assert requested[0][1] == ["الأموال"]
    panel.shutdown()


def test_results_show_while_a_word_is_still_being_typed(window, qtbot):
    panel = window.search_panel
    with qtbot.waitSignal(panel.results_shown, timeout=10000) as blocker:
        type_text(panel.search_box, "المستضع")
    assert blocker.args[0] > 0
    assert any("المستضعفين" in panel.model.result(i).terms for i in range(panel.result_count()))


def test_panel_on_an_index_of_another_version_explains_instead_of_crashing(qtbot, tmp_path):
    path = tmp_path / "older.sqlite"
    make_fixture_db(path)
    conn = sqlite3.connect(path)
    conn.execute("UPDATE search_info SET value = '0' WHERE key = 'version'")
    conn.commit()
    conn.close()
    panel = SearchPanel(path)
    qtbot.addWidget(panel)
    assert not panel.search_box.isEnabled()
    assert "فهرس البحث" in panel.message.text() and "أعد إنشاءها" in panel.message.text()


# --- a delegate's own words (issue 19) ---------------------------------------------

def test_misspelled_query_offers_a_suggestion_that_one_click_searches(window, qtbot):
    from desktop.content.citations import RLM

    panel = window.search_panel
    window.navigation.setCurrentWidget(panel)
    with qtbot.waitSignal(panel.results_shown, timeout=10000):
        type_text(panel.search_box, "حمايه الشهوود")
    button = panel.suggestion_button
    assert not button.isHidden()
    assert button.text() == RLM + "هل تقصد: حماية الشهود؟"
    with qtbot.waitSignal(panel.results_shown, timeout=10000) as blocker:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert panel.search_box.text() == "حماية الشهود"
    assert blocker.args[0] > 0 and button.isHidden()
    ids = {panel.model.result(i).id for i in range(panel.result_count())}
    assert {"A07/13", "A07/11"} <= ids


def test_partial_matches_are_headed_and_variants_named(window, qtbot):
    from desktop.app.search_results import HTML_ROLE, PARTIAL_HEADING

    panel = window.search_panel
    search(qtbot, panel, "الشهود المستضعفين الأطفال")
    start = panel.model.partial_start
    assert start is not None and 0 < start < panel.result_count()
    html = [panel.model.index(i, 0).data(HTML_ROLE) for i in range(panel.result_count())]
    assert PARTIAL_HEADING in html[start]
    assert not any(PARTIAL_HEADING in h for i, h in enumerate(html) if i != start)

    search(qtbot, panel, "غسيل الأموال")
    html = [panel.model.index(i, 0).data(HTML_ROLE) for i in range(panel.result_count())]
    assert any("بصيغة: غسل الأموال" in h for h in html)
    assert any("من الفهرس المواضيعي: غسل الأموال" in h for h in html)


def test_english_query_says_it_searched_the_arabic(window, qtbot):
    panel = window.search_panel
    assert search(qtbot, panel, "witness protection") > 0
    assert not panel.notes_label.isHidden()
    assert "حماية الشهود" in panel.notes_label.text()


def test_a_long_query_without_results_is_echoed_shortened(window, qtbot):
    panel = window.search_panel
    assert search(qtbot, panel, "xyzzy qwerty " * 30) == 0
    text = panel.message.text()
    assert "…" in text and len(text) < 200


def test_searches_after_pauses_reuse_one_thread_and_one_connection(window, qtbot, monkeypatch):
    """The panel's search thread never expires (Qt's default drops an idle
    pool thread after 30 s), so the worker's connection per thread stays one
    for the panel's life instead of one more after each pause."""
    from desktop.app import search_worker

    panel = window.search_panel
    assert panel.pool.expiryTimeout() < 0
    monkeypatch.setattr(search_worker, "_conns", {})
    threads = set()
    real = search_worker._thread_connection

    def noting(db_path):
        import threading
        threads.add(threading.get_ident())
        return real(db_path)

    monkeypatch.setattr(search_worker, "_thread_connection", noting)
    for text in ("الشهود", "غسل الأموال", "الفساد"):
        with qtbot.waitSignal(panel.results_shown, timeout=10000):
            panel.set_query(text, immediately=True)
        qtbot.wait(50)
    assert len(threads) == 1 and len(search_worker._conns) == 1
