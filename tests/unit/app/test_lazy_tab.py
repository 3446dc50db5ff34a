"""LazyTab: a tab's panel built when the tab is first shown, or first asked for."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QTabWidget

from desktop.app.lazy_tab import LazyTab


def _tabs(qtbot):
    tabs = QTabWidget()
    qtbot.addWidget(tabs)
    tabs.addTab(QLabel("first"), "الأول")
    built: list[QLabel] = []

    def build() -> QLabel:
        built.append(QLabel("panel"))
        return built[-1]

    lazy = LazyTab(tabs, "الفهرس", build, "lazy-page")
    return tabs, lazy, built


def test_the_panel_waits_for_its_tab_then_takes_the_page_s_place(app, qtbot):
    tabs, lazy, built = _tabs(qtbot)
    hooked: list[QLabel] = []
    lazy.when_built(hooked.append)
    assert built == [] and lazy.built is None and tabs.widget(1) is lazy.page
    assert tabs.tabText(1) == "الفهرس"
    tabs.setCurrentIndex(1)                      # shown: built into the tab
    assert len(built) == 1 and lazy.built is built[0]
    assert tabs.widget(1) is built[0] and tabs.currentWidget() is built[0]
    assert tabs.count() == 2 and tabs.tabText(1) == "الفهرس"
    assert hooked == [built[0]]
    later: list[QLabel] = []
    lazy.when_built(later.append)                # built: at once
    assert later == [built[0]]
    tabs.setCurrentIndex(0)
    tabs.setCurrentIndex(1)
    assert len(built) == 1                       # once


def test_asking_for_the_panel_builds_it_without_changing_the_tab_shown(app, qtbot):
    tabs, lazy, built = _tabs(qtbot)
    assert tabs.currentIndex() == 0
    panel = lazy.panel
    assert built == [panel] and tabs.widget(1) is panel and tabs.currentIndex() == 0
    assert lazy.panel is panel
