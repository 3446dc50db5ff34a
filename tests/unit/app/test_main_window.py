"""The main window through qtbot: layout, tree, reader, links, history, index."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QKeySequence, QMouseEvent
from PySide6.QtWidgets import QApplication

from tests.helpers.reader_qt import block_background, tree_followed
from desktop.content.render import HIGHLIGHT_COLOUR, para_href


def _select(window, paragraph_id):
    index = window.tree_model.index_for_paragraph(paragraph_id)
    assert index.isValid(), paragraph_id
    window.tree_view.setCurrentIndex(index)
    return index


def test_layout_is_right_to_left(make_window, tiny_db_path, app):
    window = make_window(tiny_db_path)
    assert app.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert window.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert window.reader.layoutDirection() == Qt.LayoutDirection.RightToLeft
    option = window.reader.document().defaultTextOption()
    assert option.textDirection() == Qt.LayoutDirection.RightToLeft
    # the navigation tabs stand to the right of the reader
    nav = window.navigation.mapTo(window, QPoint(0, 0)).x()
    reader = window.reader.mapTo(window, QPoint(0, 0)).x()
    assert nav > reader
    assert "الخلاصة" in window.windowTitle()


def test_tree_shows_parts_then_units_in_order(make_window, tiny_db_path):
    window = make_window(tiny_db_path)
    model = window.tree_model
    tops = [model.index(r, 0) for r in range(model.rowCount())]
    assert [model.key(i) for i in tops] == [("node", "A"), ("node", "B")]
    meeting = model.index(0, 0, tops[0])
    assert "سابعاً- الاجتماع السابع" in meeting.data()
    assert "2013" in meeting.data()  # the meeting's dates
    session = model.index(0, 0, tops[1])
    resolution = model.index(0, 0, session)
    assert resolution.data().startswith("القرار 4/6: المساعدة التقنية")
    kids = [model.key(model.index(r, 0, resolution)) for r in range(model.rowCount(resolution))]
    assert kids == [("paragraph", "B6-r4/c1"), ("paragraph", "B6-r4/pp1"),
                    ("paragraph", "B6-r4/1"), ("node", "B6-r4/annex")]
    assert not model.hasChildren(model.index(0, 0, meeting))  # a paragraph


def test_selecting_a_paragraph_shows_and_highlights_it(make_window, tiny_db_path):
    window = make_window(tiny_db_path)
    _select(window, "A07/13.l1")
    reader = window.reader
    assert reader.current_paragraph_id() == "A07/13.l1"
    assert reader.current_unit_id() == "A07"
    assert "تبادل المعلومات" in reader.toPlainText()
    assert block_background(reader, "A07/13.l1") == HIGHLIGHT_COLOUR
    assert block_background(reader, "A07/13") is None
    assert window.citation_label.text() == "\u200fالجزء ألف، سابعاً-13 (أ)"


def test_status_bar_shows_the_official_report_paragraph(make_window, tiny_db_path):
    window = make_window(tiny_db_path)
    window.open_paragraph("A07/13")
    # RLM first, so the label stays right-to-left though it starts with Latin
    # the words of the full citation (desktop.content.citations)
    assert window.official_label.text() == "\u200fالوثيقة CTOC/COP/WG.2/2013/5، الفقرة 34"
    window.open_paragraph("A07/12")   # no report paragraph known: the document alone
    assert window.official_label.text() == "\u200fالوثيقة CTOC/COP/WG.2/2013/5"


def test_link_click_navigates_and_back_forward_return(make_window, tiny_db_path, qtbot):
    window = make_window(tiny_db_path)
    reader = window.reader
    window.open_paragraph("B6-r4/pp1")
    reader.anchorClicked.emit(QUrl(para_href("A07/13")))
    assert reader.current_paragraph_id() == "A07/13"
    # the tree follows the reader (its rows loaded once the opens pause)
    tree_followed(qtbot, window)
    assert window.tree_model.key(window.tree_view.currentIndex()) == ("paragraph", "A07/13")
    assert window.back_action.isEnabled() and not window.forward_action.isEnabled()
    window.back_action.trigger()
    assert reader.current_paragraph_id() == "B6-r4/pp1"
    assert window.forward_action.isEnabled()
    window.forward_action.trigger()
    assert reader.current_paragraph_id() == "A07/13"


def test_real_link_click_through_the_mouse(make_window, tiny_db_path, qtbot):
    window = make_window(tiny_db_path)
    reader = window.reader
    window.open_paragraph("B6-r4/pp1")
    cursor = reader.document().find("الفقرة 2 أعلاه")
    assert not cursor.isNull()
    cursor.setPosition(cursor.selectionStart() + 3)
    point = reader.cursorRect(cursor).center()
    assert reader.anchorAt(point) == "para:A07/13"
    qtbot.mouseClick(reader.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert reader.current_paragraph_id() == "A07/13"


def test_history_by_keyboard_and_mouse_buttons(make_window, tiny_db_path, qtbot):
    window = make_window(tiny_db_path)
    reader = window.reader
    window.open_paragraph("A07/12")
    window.open_paragraph("B6-r4/1")
    assert QKeySequence(Qt.Modifier.ALT | Qt.Key.Key_Left) in window.back_action.shortcuts()
    window.raise_()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window.reader, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert reader.current_paragraph_id() == "A07/12"
    qtbot.keyClick(window.reader, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert reader.current_paragraph_id() == "B6-r4/1"
    # the window-wide shortcut, with the focus elsewhere
    window.tree_view.setFocus()
    qtbot.keyClick(window.tree_view, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert reader.current_paragraph_id() == "A07/12"
    qtbot.keyClick(window.tree_view, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert reader.current_paragraph_id() == "B6-r4/1"
    # the window-wide mouse handler comes on the first idle turn after the first paint
    idle: list[bool] = []
    window.when_idle(lambda: idle.append(True))
    qtbot.waitUntil(lambda: bool(idle))
    # as the system delivers a press: to the window's QWindow, at the point
    # over a widget (the tree's list, the tool bar), which then gets it
    for widget in (window.tree_view.viewport(), window.toolbar):
        at = QPointF(widget.mapTo(window, QPoint(10, 10)))
        for button, expected in ((Qt.MouseButton.BackButton, "A07/12"),
                                 (Qt.MouseButton.ForwardButton, "B6-r4/1")):
            event = QMouseEvent(QEvent.Type.MouseButtonPress, at, window.mapToGlobal(at),
                                button, button, Qt.KeyboardModifier.NoModifier)
            QApplication.sendEvent(window.windowHandle(), event)
            assert reader.current_paragraph_id() == expected


def test_menus_get_their_marks_and_the_style_after_the_first_paint(
        app, qtbot, tiny_db_path, settings_path):
    """The interactive start (application.configure(defer_style=True)): the
    menu bar shows its titles without & marks until the style comes on the
    first idle turn, then with them (Alt+letter) and the Arabic style."""
    from desktop.app import application
    from desktop.app.main_window import MENU_TITLES, MainWindow
    from desktop.app.settings import AppSettings
    from desktop.content.store import open_store
    from desktop.app.style import ArabicStyle

    app.setProperty(application.STYLE_PENDING, True)
    try:
        window = MainWindow(open_store(tiny_db_path), AppSettings(settings_path))
        qtbot.addWidget(window)
        assert window.menu("go").title() == "انتقال"
        idle: list[bool] = []
        window.when_idle(lambda: idle.append(True))
        window.show()
        qtbot.waitUntil(lambda: bool(idle))
        assert window.menu("go").title() == MENU_TITLES["go"] == "ا&نتقال"
        assert not application.style_pending()
        assert isinstance(app.style(), ArabicStyle)
        window.close()
    finally:
        app.setProperty(application.STYLE_PENDING, False)


def test_opening_from_history_does_not_grow_it(make_window, tiny_db_path):
    window = make_window(tiny_db_path)
    reader = window.reader
    for pid in ("A07/12", "A07/13", "B6-r4/1"):
        window.open_paragraph(pid)
    reader.back()
    reader.back()
    window.open_paragraph("B6-r4/c1")  # a new visit drops the forward branch
    assert not reader.history.can_forward()
    reader.back()
    assert reader.current_paragraph_id() == "A07/12"


def test_theme_in_links_panel_opens_the_index(make_window, tiny_db_path):
    window = make_window(tiny_db_path)
    window.open_paragraph("A07/13")
    window.show_theme(1)
    assert window.navigation.currentWidget() is window.index_panel
    view = window.index_panel.view
    assert view.currentIndex().data() == "حماية الشُّهود"
    assert view.isExpanded(view.currentIndex())


def test_the_index_panel_waits_for_its_tab(app, qtbot, tiny_db_path, settings_path):
    """The index tab holds a blank page until it is first shown, past the
    first idle turn (issue 17: ~0.6 MiB most sessions never use); then the
    panel is the tab's page, in front, named, and what waited for it (the
    selection's menu) is hooked up."""
    from desktop.app.main_window import INDEX_TAB, MainWindow
    from desktop.app.settings import AppSettings
    from desktop.content.store import open_store

    window = MainWindow(open_store(tiny_db_path), AppSettings(settings_path))
    qtbot.addWidget(window)
    hooked: list[object] = []
    window.when_index_panel(hooked.append)
    assert window.built_index_panel() is None and hooked == []
    assert window.navigation.tabText(1) == INDEX_TAB
    idle: list[bool] = []
    window.when_idle(lambda: idle.append(True))
    window.show()
    qtbot.waitUntil(lambda: bool(idle))
    assert window.built_index_panel() is None and hooked == []   # the idle turn left it
    window.navigation.setCurrentIndex(1)                   # the user opens the tab
    panel = window.built_index_panel()
    assert panel is not None and hooked == [panel]
    assert window.navigation.widget(1) is panel and window.navigation.count() == 2
    assert window.navigation.tabText(1) == INDEX_TAB
    assert window.navigation.currentWidget() is panel      # shown, not the blank page
    assert panel.view.accessibleName() == "الفهرس المواضيعي"
    later: list[object] = []
    window.when_index_panel(later.append)                  # built: at once
    assert later == [panel]
    window.remember = False
    window.close()


def test_asking_for_the_index_panel_builds_it_in_its_tab(app, qtbot, tiny_db_path, settings_path):
    from desktop.app.main_window import MainWindow
    from desktop.app.settings import AppSettings
    from desktop.content.store import open_store

    window = MainWindow(open_store(tiny_db_path), AppSettings(settings_path))
    qtbot.addWidget(window)
    window.navigation.setCurrentIndex(1)                   # the blank page in front
    panel = window.index_panel
    assert window.navigation.currentWidget() is panel
    assert window.index_panel is panel                     # built once


def test_highlight_terms_marks_each_occurrence(make_window, tiny_db_path):
    window = make_window(tiny_db_path)
    assert window.open_paragraph("A07/13", highlight_terms=["للدول"])
    assert len(window.reader.extraSelections()) == 2
    assert window.reader.highlight_terms([]) == 0


def test_zoom_shortcuts(make_window, tiny_db_path, settings_path):
    window = make_window(tiny_db_path)
    start = window.reader.zoom()
    window.zoom_in_action.trigger()
    window.zoom_in_action.trigger()
    assert window.reader.zoom() == start + 2
    assert window.reader.document().defaultFont().pointSize() == start + 2
    window.zoom_out_action.trigger()
    assert window.reader.zoom() == start + 1
    window.open_paragraph("B6-r4/1")  # a new unit keeps the reader's font and size
    assert window.reader.document().defaultFont().pointSize() == start + 1
    assert window.reader.document().defaultFont().family() == "Amiri"
    window.zoom_reset_action.trigger()
    assert window.reader.zoom() == start
    assert QKeySequence("Ctrl+0") in [window.zoom_reset_action.shortcut()]


def test_extension_points(make_window, tiny_db_path):
    from PySide6.QtWidgets import QLabel
    window = make_window(tiny_db_path)
    tab = window.add_navigation_tab(QLabel("بحث"), "البحث")
    assert window.navigation.tabText(tab) == "البحث"
    label = QLabel("مختارات")
    label.setObjectName("selection")
    dock = window.add_panel(label, "المختارات")
    assert dock.widget() is label and dock.objectName() == "dock-selection"
    assert window.menu("file") is window.menu("file")
    opened = []
    window.reader.paragraphOpened.connect(opened.append)
    window.open_paragraph("A07/12")
    assert opened == ["A07/12"]


def test_ctrl_wheel_zooms_and_is_remembered(make_window, tiny_db_path, settings_path):
    from PySide6.QtCore import QPoint as P
    from PySide6.QtGui import QWheelEvent
    from desktop.app.settings import AppSettings
    window = make_window(tiny_db_path)
    start = window.reader.zoom()
    event = QWheelEvent(QPointF(20, 20), QPointF(20, 20), P(0, 0), P(0, 120),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.ControlModifier,
                        Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(window.reader.viewport(), event)
    assert window.reader.zoom() == start + 1
    assert AppSettings(settings_path).zoom() == start + 1


def test_clicking_a_paragraph_makes_it_current_without_moving_the_page(
        make_window, tiny_db_path, qtbot):
    window = make_window(tiny_db_path)
    reader = window.reader
    window.open_paragraph("A07/12", highlight_terms=["للدول"])
    cursor = reader.document().find("عن طريق السلطات")
    point = reader.cursorRect(cursor).center()
    position = reader.verticalScrollBar().value()
    qtbot.mouseClick(reader.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert reader.current_paragraph_id() == "A07/13.l1.q1"
    assert block_background(reader, "A07/13.l1.q1") == HIGHLIGHT_COLOUR
    assert block_background(reader, "A07/12") is None
    assert reader.verticalScrollBar().value() == position
    assert len(reader.extraSelections()) == 2  # the search terms stay marked
    assert window.citation_label.text().endswith("سابعاً-13 (أ) '1'")
    tree_followed(qtbot, window)
    assert window.tree_model.key(window.tree_view.currentIndex()) == (
        "paragraph", "A07/13.l1.q1")
    assert not window.back_action.isEnabled()  # a click is not a new place in history


def test_choosing_a_unit_in_the_tree_opens_its_start_and_keeps_the_tree_there(
        make_window, tiny_db_path):
    window = make_window(tiny_db_path)
    model = window.tree_model
    window.open_paragraph("B6-r4/pp1")
    annex = model.index_for_node("B6-r4/annex")
    window.tree_view.setCurrentIndex(annex)  # same unit, further down
    assert window.reader.current_paragraph_id() == "B6-r4/annex/1"
    assert model.key(window.tree_view.currentIndex()) == ("node", "B6-r4/annex")
    meeting = model.index_for_node("A07")
    window.tree_view.setCurrentIndex(meeting)
    assert window.reader.current_paragraph_id() == "A07/12"
    assert model.key(window.tree_view.currentIndex()) == ("node", "A07")
    window.tree_view.setCurrentIndex(model.index_for_node("B"))  # a part: stay
    assert window.reader.current_paragraph_id() == "A07/12"


def test_zoom_keys_reach_the_window_from_the_reader(make_window, tiny_db_path, qtbot):
    window = make_window(tiny_db_path)
    window.open_paragraph("A07/12")
    window.raise_()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.reader.setFocus()
    start = window.reader.zoom()
    qtbot.keyClick(window.reader, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert window.reader.zoom() == start - 1
    qtbot.keyClick(window.reader, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window.reader, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert window.reader.zoom() == start + 1
    qtbot.keyClick(window.reader, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert window.reader.zoom() == start
    assert window.reader.font().pointSizeF() == window.font().pointSizeF()  # widget font untouched


def test_open_start_prefers_the_requested_paragraph(make_window, tiny_db_path):
    window = make_window(tiny_db_path)
    window.settings.set_last_paragraph("A07/13")
    assert window.open_start("B6-r4/1")
    assert window.reader.current_paragraph_id() == "B6-r4/1"


def test_open_start_falls_back_to_the_first_paragraph(make_window, tiny_db_path):
    window = make_window(tiny_db_path)
    window.settings.set_last_paragraph("gone/1")  # from an older database
    assert window.open_start()
    assert window.reader.current_paragraph_id() == "A07/12"


def test_the_busiest_widgets_keep_the_style_in_cpp_and_menus_the_arabic_one(
        make_window, tiny_db_path, app, qtbot):
    """After the first idle turn the contents tree, the reader, the lists and
    their scroll bars use a plain C++ style (their style calls were ~290
    Python calls per paragraph opened); menus, the menu bar, a menu made
    later and a context menu keep the Arabic style (shortcuts left to right,
    no underlines)."""
    from PySide6.QtWidgets import QMenu, QProxyStyle

    from desktop.app.style import ArabicStyle

    window = make_window(tiny_db_path)
    qtbot.waitUntil(lambda: window._idle_work is None)
    for busy in (window.tree_view, window.tree_view.verticalScrollBar(), window.tree_view.header(),
                 window.tree_view.header().horizontalScrollBar(), window.tree_view.viewport(),
                 window.reader, window.reader.verticalScrollBar(), window.reader.viewport(),
                 window.links_panel.list, window.index_panel.view.verticalScrollBar()):
        assert not isinstance(busy.style(), QProxyStyle), busy
        assert busy.style().name() == app.style().baseStyle().name()
    for menu in (window.menuBar(), window.menu("go"), window.menu("later-made", "&لاحقًا"),
                 QMenu(window.tree_view), window.reader.createStandardContextMenu()):
        assert isinstance(menu.style(), ArabicStyle), menu
