"""What the reader's parts (reader_menu, reader_links, reader_caret,
reader_style) use of ReaderView, which they are mixed into: declared here
for the type checker only (at run time the parts derive from ``object``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

if TYPE_CHECKING:
    from PySide6.QtCore import QPoint, SignalInstance
    from PySide6.QtWidgets import QMenu, QTextBrowser

    from desktop.app.page_themes import ReadingStyle
    from desktop.app.reader_access import LinkSpan
    from desktop.app.reader_documents import UnitDocument
    from desktop.content.store import ContentStore

    class ReaderBase(QTextBrowser):
        store: ContentStore
        margin_tooltips: list[Callable]
        linksRequested: SignalInstance
        _unit: UnitDocument | None
        _paragraph_id: str | None
        _via_link: bool
        _zoom: int
        _side_margin: int
        reading_style: ReadingStyle | None

        @property
        def _block_paragraph(self) -> dict[int, str]: ...
        def paragraph_at(self, pos: QPoint) -> str | None: ...
        def shown_paragraph_ids(self) -> list[str]: ...
        def caret_paragraph_id(self) -> str | None: ...
        def show_caret_menu(self) -> QMenu | None: ...
        def link_spans(self) -> list[LinkSpan]: ...
        def _swap(self, unit: UnitDocument) -> bool: ...
        def _scroll_to(self, paragraph_id: str, from_top: bool = False) -> None: ...
        def _invalidate_documents(self) -> None: ...
else:
    ReaderBase = object
