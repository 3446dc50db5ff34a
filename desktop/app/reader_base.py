"""What the reader's parts (reader_menu, reader_links, reader_caret,
reader_style) and its accessible interface (reader_access) use of
ReaderView, which the parts are mixed into: declared here for the type
checker only (at run time the parts derive from ``object``); and LinkSpan,
the record of a link they pass around."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable


@dataclass
class LinkSpan:
    """A link or footnote marker in the shown document."""

    start: int
    end: int
    href: str
    name: str


if TYPE_CHECKING:
    from PySide6.QtCore import QPoint, SignalInstance
    from PySide6.QtWidgets import QAccessibleWidget, QMenu, QTextBrowser

    from desktop.app.page_themes import ReadingStyle
    from desktop.app.reader_documents import UnitDocument
    from desktop.content.store import ContentStore

    class ReaderBase(QTextBrowser):
        store: ContentStore
        margin_tooltips: list[Callable]
        linksRequested: SignalInstance
        zoomChanged: SignalInstance
        _unit: UnitDocument | None
        _paragraph_id: str | None
        _via_link: bool
        _zoom: int
        _side_margin: int
        reading_style: ReadingStyle | None
        #: its accessible interface (reader_access.ReaderAccessible), once asked for
        _accessible: QAccessibleWidget

        @property
        def _block_paragraph(self) -> dict[int, str]: ...
        def paragraph_at(self, pos: QPoint) -> str | None: ...
        def shown_paragraph_ids(self) -> list[str]: ...
        def caret_paragraph_id(self) -> str | None: ...
        def show_caret_menu(self) -> QMenu | None: ...
        def link_spans(self) -> list[LinkSpan]: ...
        def accessible_links(self) -> list[LinkSpan]: ...
        def follow_href(self, text: str) -> None: ...
        def _swap(self, unit: UnitDocument) -> bool: ...
        def _scroll_to(self, paragraph_id: str, from_top: bool = False) -> None: ...
        def _invalidate_documents(self) -> None: ...
else:
    ReaderBase = object
