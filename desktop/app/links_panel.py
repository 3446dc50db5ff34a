""""What links here": the paragraphs and index themes that point at the
current paragraph, each one a link.

The panel follows every open (issue 17: an open's whole budget is one
frame), so what it lists for a paragraph is worked out once and kept
(``LIST_CACHE`` paragraphs; the content does not change while the app
runs), and the list is refilled only when it would change.
"""

from __future__ import annotations

from collections import OrderedDict

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QListWidgetItem, QWidget

from desktop.app.titled_list import TitledList
from desktop.content.store import ContentStore

KIND_TEXT = {
    "endorsement": "يُقِرّ توصياته",
    "endorsed_by": "أُقِرَّت فيه",
    "mention": "إشارة",
    "mention_decision": "إشارة إلى المقرر/القرار",
    "mention_paragraph": "إشارة إلى الفقرة",
    "mention_document": "إشارة إلى الوثيقة",
    "same-text": "النص نفسه",
    "same_text": "النص نفسه",
}
TARGET_ROLE = Qt.ItemDataRole.UserRole + 1
EMPTY_TEXT = "لا شيء يحيل إلى هذه الفقرة."
#: paragraphs whose title and entries are kept
LIST_CACHE = 256

#: one listed item: (text, (kind, id), tool tip)
Entry = tuple[str, tuple[str, object], str]


class LinksPanel(TitledList):
    paragraphRequested = Signal(str)
    #: a theme's id as the store gives it (an int): Signal(str) sent it as ''
    themeRequested = Signal(object)

    def __init__(self, store: ContentStore, parent: QWidget | None = None):
        super().__init__("links-list", parent)
        self.setObjectName("links-panel")
        self.store = store
        self.paragraph_id: str | None = None
        self._known: OrderedDict[str, tuple[str, list[Entry]]] = OrderedDict()
        self._shown: list[Entry] | None = None

    def show_paragraph(self, paragraph_id: str) -> None:
        self.paragraph_id = paragraph_id
        title, entries = self._listing(paragraph_id)
        self.title.setText(title)
        if entries == self._shown:
            return
        self._shown = entries
        self.list.clear()
        for text, target, tip in entries:
            item = QListWidgetItem(text)
            item.setData(TARGET_ROLE, target)
            if tip:
                item.setToolTip(tip)
            self.list.addItem(item)
        if not entries:
            self.show_empty(EMPTY_TEXT)

    def _listing(self, paragraph_id: str) -> tuple[str, list[Entry]]:
        """The title and the entries for a paragraph (from the store once)."""
        known = self._known.get(paragraph_id)
        if known is not None:
            self._known.move_to_end(paragraph_id)
            return known
        para = self.store.paragraph(paragraph_id)
        title = f"ما يحيل إلى: {para.citation if para else paragraph_id}"
        entries: list[Entry] = []
        links = self.store.links_to(paragraph_id)
        sources = {p.id: p for p in self.store.paragraphs(l.from_id for l in links)}
        for link in links:
            source = sources.get(link.from_id)
            if source is None:
                continue
            kind = KIND_TEXT.get(link.kind, "إحالة")
            if link.to_id != paragraph_id and link.to_node:
                kind += "، للوحدة كلها"
            entries.append((f"{source.citation or source.id}  ({kind})", ("paragraph", source.id),
                            source.text[:300]))
        for theme in self.store.themes_citing(paragraph_id):
            entries.append((f"الفهرس المواضيعي: {theme.name}", ("theme", theme.id), ""))
        self._known[paragraph_id] = (title, entries)
        while len(self._known) > LIST_CACHE:
            self._known.popitem(last=False)
        return title, entries

    def entries(self) -> list[tuple[str, str, str]]:
        """(kind, id, text) of each listed item (for tests and the self-test)."""
        found = []
        for row in range(self.list.count()):
            item = self.list.item(row)
            target = item.data(TARGET_ROLE)
            if target:
                found.append((target[0], target[1], item.text()))
        return found

    def _on_item(self, item: QListWidgetItem) -> None:
        target = item.data(TARGET_ROLE)
        if not target:
            return
        kind, ident = target
        if kind == "paragraph":
            self.paragraphRequested.emit(ident)
        else:
            self.themeRequested.emit(ident)
