"""What "copy" puts on the clipboard: rich text and plain text, both with
citations. Qt-free builders; the app wraps them in a QMimeData."""

from __future__ import annotations

from dataclasses import dataclass

from desktop.export import html as html_writer
from desktop.content.citations import LEGEND_TITLE, PLAIN_SIGN, RLM, strip_joiners
from desktop.export.model import ExportItem, ExportOptions, legend


@dataclass(frozen=True)
class ClipboardPayload:
    html: str
    text: str


def plain_text(items: list[ExportItem], options: ExportOptions) -> str:
    """One block per item: label and text, then the citation in parentheses,
    then footnotes. Lines start with an RLM so editors that guess direction
    from the first strong character keep them right-to-left."""
    blocks = []
    entries = legend(items)
    if entries:
        key = [f"{RLM}{LEGEND_TITLE}:"]
        for kind, words in entries:
            sign = PLAIN_SIGN.get(kind, "[…]")
            key.append(f"{RLM}{sign} {words}")
        blocks.append("\n".join(key))
    for item in items:
        lines = []
        if item.quality_note:
            lines.append(f"{RLM}[{item.quality_note}]")
        if options.include_lead_in:
            lines += [f"{RLM}{l.line()}" for l in item.lead_in]
        body = "".join(_plain_segment(k, v, options) for k, v in item.text_segments())
        label = f"{item.display_label} " if item.display_label else ""
        lines.append(f"{RLM}{label}{body}")
        if options.include_citations:
            lines.append(f"{RLM}({item.citation_line()})")
        if options.include_footnotes:
            for fn in item.footnotes:
                lines.append(f"{RLM}({fn.sign}) {fn.text}")
        if options.include_notes:
            for note in item.notes:
                lines.append(f"{RLM}{note.heading()}: {note.text}")
        blocks.append("\n".join(lines))
    return strip_joiners("\n\n".join(blocks)) + ("\n" if blocks else "")


def _plain_segment(kind: str, value: str, options: ExportOptions) -> str:
    if kind == "marker":
        return f"({value})" if options.include_footnotes else ""
    return value + PLAIN_SIGN.get(kind, "")


def payload(items: list[ExportItem], options: ExportOptions | None = None) -> ClipboardPayload:
    options = options or ExportOptions()
    rich = (f'<div dir="rtl" lang="ar">{html_writer.fragment(items, options)}</div>')
    return ClipboardPayload(html=strip_joiners(rich), text=plain_text(items, options))
