"""The About dialog: which program, which edition, from which documents.

A delegate citing the compendium needs to know the program's version, the
edition of the compendium it carries (UNODC, 2021) and the official
documents its texts come from; all of it is read from the content database
through the store, so it always describes the database actually open.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QHBoxLayout, QHeaderView, QLabel,
                               QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget)

import desktop
from desktop import paths
from desktop.content.citations import RLM
from desktop.content.store import ContentStore

PUBLISHER = "مكتب الأمم المتحدة المعني بالمخدرات والجريمة"
PROGRAM_NAME = "قارئ الخلاصة الوافية للمساعدة التقنية"
FONTS_NOTE = "الخطوط المضمنة: Amiri وNoto Sans Arabic، برخصة SIL Open Font License 1.1."
OFFLINE_NOTE = "يعمل البرنامج دون اتصال بالإنترنت، على قاعدة البيانات المضمنة فيه."
#: Node kinds that stand for one official report in the compendium's tree.
REPORT_KINDS = ("meeting", "session")
#: Right-to-left mark: keeps a line that starts with a Latin symbol right-to-left.
#: Left-to-right isolate: keeps "2026-11-23" in its order inside an Arabic line.
LRI, PDI = "\u2066", "\u2069"


@dataclass(frozen=True)
class SourceDocument:
    label: str   # as the compendium heads it, e.g. "سابعاً- الاجتماع السابع"
    symbol: str  # the UN document symbol, e.g. "CTOC/COP/WG.2/2013/5"
    dates: str = ""


@dataclass(frozen=True)
class AboutFacts:
    version: str
    edition_title: str
    edition_year: str
    sources: tuple[SourceDocument, ...]
    build_date: str  # YYYY-MM-DD


def about_facts(store: ContentStore) -> AboutFacts:
    """What the About dialog shows, read from the open database."""
    compendium = store.document("compendium")
    sources: list[SourceDocument] = []
    for part in store.top_nodes():
        for node in store.child_nodes(part.id):
            if node.kind in REPORT_KINDS and node.symbol:
                sources.append(SourceDocument(node.heading or node.id, node.symbol,
                                              node.dates or ""))
    for document in store.documents():
        if document.id != "compendium" and document.symbol:
            sources.append(SourceDocument(document.title or document.id, document.symbol,
                                          document.date or ""))
    return AboutFacts(
        version=desktop.__version__,
        edition_title=(compendium.title if compendium and compendium.title else ""),
        edition_year=(compendium.date if compendium and compendium.date else ""),
        sources=tuple(sources),
        build_date=store.metadata().get("build_time", "")[:10],
    )


class AboutDialog(QDialog):
    """حول البرنامج: version, edition and source documents, in Arabic."""

    def __init__(self, store: ContentStore, parent: QWidget | None = None):
        super().__init__(parent)
        self.facts = about_facts(store)
        self.setWindowTitle("حول البرنامج")
        self.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.resize(640, 520)

        icon = QLabel()
        icon.setPixmap(QPixmap(str(paths.resource("icons", "app-64.png"))))
        name = QLabel(f"<b>{PROGRAM_NAME}</b>")
        name.setTextFormat(Qt.TextFormat.RichText)
        self.version_label = QLabel(f"{RLM}الإصدار {self.facts.version}")
        header = QVBoxLayout()
        header.addWidget(name)
        header.addWidget(self.version_label)
        top = QHBoxLayout()
        top.addWidget(icon)
        top.addLayout(header, 1)

        edition = f"{self.facts.edition_title}"
        publisher = f"{PUBLISHER}، {self.facts.edition_year}" if self.facts.edition_year \
            else PUBLISHER
        self.edition_label = QLabel(f"{RLM}الطبعة: {edition}\n{RLM}{publisher}")
        self.edition_label.setWordWrap(True)
        self.edition_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.sources_view = QTreeWidget()
        self.sources_view.setColumnCount(2)
        self.sources_view.setHeaderLabels(["الوثيقة", "الرمز"])
        self.sources_view.setAccessibleName("الوثائق المصدر")
        self.sources_view.setRootIsDecorated(False)
        self.sources_view.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.sources_view.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.sources_view.header().setStretchLastSection(False)
        for source in self.facts.sources:
            item = QTreeWidgetItem([source.label, source.symbol])
            # Document symbols read left to right, inside the right-to-left table.
            item.setTextAlignment(1, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignAbsolute
                                  | Qt.AlignmentFlag.AlignVCenter)
            item.setToolTip(0, source.dates or source.label)
            item.setToolTip(1, source.symbol)
            self.sources_view.addTopLevelItem(item)

        notes = [OFFLINE_NOTE, FONTS_NOTE]
        if self.facts.build_date:
            notes.append(f"{RLM}تاريخ بناء قاعدة البيانات: {LRI}{self.facts.build_date}{PDI}")
        self.notes_label = QLabel("\n".join(notes))
        self.notes_label.setWordWrap(True)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText("إغلاق")
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.edition_label)
        layout.addWidget(QLabel("وثائق المصدر:"))
        layout.addWidget(self.sources_view, 1)
        layout.addWidget(self.notes_label)
        layout.addWidget(buttons)
