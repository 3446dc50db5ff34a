"""A tab whose panel is built when the tab is first shown, or first asked for.

Until then the tab holds a blank page under the tab's title: the panel's
module, model and widgets are not on the first paint, nor in memory for a
session that never opens the tab (issue 17: the thematic index held ~0.6 MiB
from the start). Features that add to the panel ask ``when_built``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from PySide6.QtWidgets import QTabWidget, QWidget

Panel = TypeVar("Panel", bound=QWidget)


class LazyTab(Generic[Panel]):
    def __init__(self, tabs: QTabWidget, title: str, build: Callable[[], Panel], name: str):
        self.tabs, self.title, self._build = tabs, title, build
        self.page = QWidget(tabs)
        self.page.setObjectName(name)
        self.built: Panel | None = None
        self._hooks: list[Callable[[Panel], object]] = []
        tabs.addTab(self.page, title)
        tabs.currentChanged.connect(self._shown)

    @property
    def panel(self) -> Panel:
        """The panel, built into its tab now if it has not been."""
        if self.built is None:
            panel = self.built = self._build()
            tabs = self.tabs
            place, shown = tabs.indexOf(self.page), tabs.currentWidget()
            tabs.insertTab(place, panel, self.title)
            tabs.removeTab(place + 1)
            if shown is self.page:
                tabs.setCurrentWidget(panel)
            self.page.deleteLater()
            hooks, self._hooks = self._hooks, []
            for hook in hooks:
                hook(panel)
        return self.built

    def when_built(self, hook: Callable[[Panel], object]) -> None:
        """Call ``hook(panel)`` once the panel is built (now if it is)."""
        if self.built is None:
            self._hooks.append(hook)
        else:
            hook(self.built)

    def _shown(self, index: int) -> None:
        if index >= 0 and self.built is None and self.tabs.widget(index) is self.page:
            self.panel  # noqa: B018  (builds it into the tab now shown)
