""""What links here": the paragraphs and index themes that point at the
current paragraph, each one a link.
"""

from __future__ import annotations

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


class LinksPanel(TitledList):
    paragraphRequested = Signal(str)
    #: a theme's id as the store gives it (an int): Signal(str) sent it as ''
    themeRequested = Signal(object)

    def __init__(self, store: ContentStore, parent: QWidget | None = None):
        super().__init__("links-list", parent)
        self.setObjectName("links-panel")
        self.store = store
        self.paragraph_id: str | None = None

    def show_paragraph(self, paragraph_id: str) -> None:
        self.paragraph_id = paragraph_id
        self.list.clear()
        para = self.store.paragraph(paragraph_id)
        self.title.setText(f"ما يحيل إلى: {para.citation if para else paragraph_id}")
        links = self.store.links_to(paragraph_id)
        sources = {p.id: p for p in self.store.paragraphs(l.from_id for l in links)}
        for link in links:
            source = sources.get(link.from_id)
            if source is None:
                continue
            kind = KIND_TEXT.get(link.kind, "إحالة")
            if link.to_id != paragraph_id and link.to_node:
                kind += "، للوحدة كلها"
            item = QListWidgetItem(f"{source.citation or source.id}  ({kind})")
            item.setData(TARGET_ROLE, ("paragraph", source.id))
            item.setToolTip(source.text[:300])
            self.list.addItem(item)
        for theme in self.store.themes_citing(paragraph_id):
            item = QListWidgetItem(f"الفهرس المواضيعي: {theme.name}")
            item.setData(TARGET_ROLE, ("theme", theme.id))
            self.list.addItem(item)
        if self.list.count() == 0:
            self.show_empty("لا شيء يحيل إلى هذه الفقرة.")

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
