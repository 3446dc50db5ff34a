"""What the reader says about a place in its text: hover text (a footnote,
a cross-reference's preview, a corrected word's source form, the
paragraph's citation) and the names of its links for a screen reader.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint
from PySide6.QtGui import QHelpEvent, QTextCursor
from PySide6.QtWidgets import QToolTip

from desktop.app.reader_base import LinkSpan, ReaderBase
from desktop.app.reader_documents import CORRECTED_PREFIX
from desktop.content.citations import RLM, strip_joiners
from desktop.content.render import PARA_SCHEME
from desktop.content.records import Paragraph

#: a link's hover preview: this many lines of the target, this wide
PREVIEW_LINES = 3
PREVIEW_WIDTH = 70


def link_preview(para: Paragraph, citation: str | None = None) -> str:
    """What hovering a cross-reference shows: the target's citation
    (``citation``: THE full citation, from ContentStore.citation), then its
    first lines (cut at a word, "…" after)."""
    import textwrap

    label = f"{para.label} " if para.label and para.label.isdigit() else ""
    lines = textwrap.wrap(strip_joiners(label + " ".join((para.text or "").split())),
                          PREVIEW_WIDTH)
    shown = lines[:PREVIEW_LINES]
    if len(lines) > PREVIEW_LINES:
        shown[-1] += " …"
    # RLM first: a line that starts with a symbol (CTOC/...) would turn left-to-right
    preview = "\n".join(RLM + line for line in shown)
    return (citation or para.citation or para.id) + ("\n\n" + preview if shown else "")


class ReaderLinks(ReaderBase):
    """Mixed into ReaderView (a QTextBrowser with ``store``, ``paragraph_at``,
    ``shown_paragraph_ids`` and ``margin_tooltips``)."""

    def tooltip_at(self, pos: QPoint) -> str:
        """Hover text: a footnote's text, a link's target, a corrected word's
        source form and reason, or the paragraph's citation."""
        for tip in self.margin_tooltips:
            text = tip(pos)
            if text:
                return text
        own = strip_joiners(self.cursorForPosition(pos).charFormat().toolTip())
        if own.startswith(CORRECTED_PREFIX):
            rest = self._tooltip_under(pos)
            return f"{own}\n{rest}" if rest and self.anchorAt(pos) else own
        return own if own and not self.anchorAt(pos) else self._tooltip_under(pos)

    def link_target_text(self, href: str) -> str:
        """What a link points at: a footnote's text, or the target's citation."""
        if href.startswith("#fn-"):
            number = href[len("#fn-"):]
            for note in self.store.footnotes(self.shown_paragraph_ids()):
                if str(note.number) == number:
                    return strip_joiners(note.shown)
        if href.startswith(PARA_SCHEME):
            target = self.store.paragraph(href[len(PARA_SCHEME):])
            if target:
                return self.store.citation(target).full
        return ""

    def _tooltip_under(self, pos: QPoint) -> str:
        href = self.anchorAt(pos)
        if href.startswith(PARA_SCHEME):
            # hovering a cross-reference previews it: citation and first lines
            linked = self.store.paragraph(href[len(PARA_SCHEME):])
            if linked:
                return link_preview(linked, self.store.citation(linked).full)
        target = self.link_target_text(href)
        if target:
            return target
        pid = self.paragraph_at(pos)
        if pid:
            para = self.store.paragraph(pid)
            if para:
                return self.store.citation(para).full
        return ""

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            text = self.tooltip_at(event.pos())
            if text:
                QToolTip.showText(event.globalPos(), text, self.viewport())
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)

    def accessible_links(self) -> list[LinkSpan]:
        """Links and footnote markers of the shown document, in reading
        order, each named for a screen reader (text + where it leads)."""
        spans = self.link_spans()
        for span in spans:
            span.name = self._link_name(span)
        return spans

    def link_spans(self) -> list[LinkSpan]:
        """Links and footnote markers of the shown document, in reading order."""
        spans: list[LinkSpan] = []
        block = self.document().begin()
        while block.isValid():
            it = block.begin()
            while not it.atEnd():
                fragment = it.fragment()
                fmt = fragment.charFormat()
                href = fmt.anchorHref() if fmt.isAnchor() else ""
                if href:
                    start, end = fragment.position(), fragment.position() + fragment.length()
                    if spans and spans[-1].href == href and spans[-1].end == start:
                        spans[-1].end = end
                    else:
                        spans.append(LinkSpan(start, end, href, ""))
                it += 1
            block = block.next()
        return spans

    def _link_name(self, span: LinkSpan) -> str:
        cursor = QTextCursor(self.document())
        cursor.setPosition(span.start)
        cursor.setPosition(span.end, QTextCursor.MoveMode.KeepAnchor)
        words = strip_joiners(cursor.selectedText()).strip()
        target = self.link_target_text(span.href).replace("\n", "، ")
        if span.href.startswith("#fn-"):
            target = target.replace("*", "")  # *Treaty Series*: emphasis marks, not words
            number = span.href[len('#fn-'):]
            note = f"الحاشية {'*' if number == '0' else number}"
            return f"{note}: {target}" if target else note
        if not target or target.startswith(words):
            return target or words
        return f"{words} ({target})"


def next_span(spans: list[LinkSpan], position: int) -> LinkSpan | None:
    """The first link starting at or after `position` (spans in reading order)."""
    return next((span for span in spans if span.start >= position), None)


def previous_span(spans: list[LinkSpan],
                  position: int) -> LinkSpan | None:
    """The last link ending at or before `position`."""
    return next((span for span in reversed(spans) if span.end <= position), None)
