"""Back/Forward over the paragraphs the reader has shown (Qt-free)."""

from __future__ import annotations


class NavigationHistory:
    """Back/Forward over visited paragraph ids (like a web browser)."""

    def __init__(self, limit: int = 500):
        self._items: list[str] = []
        self._pos = -1
        self._limit = limit

    def visit(self, paragraph_id: str) -> None:
        if self._pos >= 0 and self._items[self._pos] == paragraph_id:
            return
        del self._items[self._pos + 1:]
        self._items.append(paragraph_id)
        if len(self._items) > self._limit:
            del self._items[0]
        self._pos = len(self._items) - 1

    def can_back(self) -> bool:
        return self._pos > 0

    def can_forward(self) -> bool:
        return self._pos < len(self._items) - 1

    def back(self) -> str | None:
        if not self.can_back():
            return None
        self._pos -= 1
        return self._items[self._pos]

    def forward(self) -> str | None:
        if not self.can_forward():
            return None
        self._pos += 1
        return self._items[self._pos]

    def current(self) -> str | None:
        return self._items[self._pos] if self._pos >= 0 else None

    def entries(self) -> list[str]:
        """Every visited paragraph, oldest first (the history menu)."""
        return list(self._items)

    def position(self) -> int:
        return self._pos

    def go(self, index: int) -> str | None:
        """Jump to entry ``index`` (as from a Back/Forward drop-down)."""
        if not 0 <= index < len(self._items):
            return None
        self._pos = index
        return self._items[index]
