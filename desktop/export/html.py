"""The selection as a standalone right-to-left HTML page (and the rich-text
clipboard fragment). Everything from the database is escaped."""

from __future__ import annotations

from desktop.content.html_escape import escape

from desktop.content.citations import LEGEND_TITLE, MARK_STYLE, NOTICE_COLOUR
from desktop.export.model import ExportItem, ExportOptions, legend

STYLE = """
body { font-family: 'Noto Sans Arabic', 'Noto Naskh Arabic', 'Amiri', 'DejaVu Sans', sans-serif;
       line-height: 1.7; max-width: 46em; margin: 2em auto; padding: 0 1em; }
h1 { font-size: 1.4em; }
.date { color: #555; }
.item { margin: 1.2em 0; padding-bottom: .6em; border-bottom: 1px solid #ddd; }
.item.page { page-break-before: always; }
.label { font-weight: bold; padding-left: .4em; }
.citation { color: #333; font-size: .9em; margin: .3em 0; }
.symbol { unicode-bidi: isolate; white-space: nowrap; }
.notes { background: #fff8e6; border-right: 3px solid #b5651d; padding: .2em .6em; margin: .3em 0; }
.footnotes { font-size: .85em; color: #333; margin: .3em 0; padding: 0; list-style: none; }
.notice { font-size: .85em; margin: 0 0 .2em 0; }
.lead-in { color: #6b6b6b; margin: 0 0 .2em 0; }
.legend { font-size: .85em; background: #f3f3f3; padding: .4em .8em; margin: 1em 0; }
.legend p { margin: .1em 0; }
"""


def _text_html(item: ExportItem, include_footnotes: bool) -> str:
    out = []
    for kind, value in item.text_segments():
        if kind == "marker":
            if include_footnotes:
                out.append(f'<sup class="fn">{escape(value)}</sup>')
        elif kind in MARK_STYLE:
            out.append(f'<span class="{kind}" style="{MARK_STYLE[kind]}">{escape(value)}</span>')
        else:
            out.append(escape(value))
    return "".join(out)


def notice_html(item: ExportItem) -> str:
    if not item.quality_note:
        return ""
    return (f'<p class="notice" dir="rtl" style="color:{item.notice_colour}">'
            f"[{escape(item.quality_note)}]</p>")


def legend_sample(kind: str) -> str:
    """What a legend entry shows before its words: a marked word, or the
    bracket of a notice in its colour (HTML, and the PDF's Qt rich text)."""
    if kind in MARK_STYLE:
        return f'<span style="{MARK_STYLE[kind]}">كلمة</span>'
    return f'<span style="color:{NOTICE_COLOUR.get(kind, "#333")}">[…]</span>'


def legend_html(items: list[ExportItem]) -> str:
    entries = legend(items)
    if not entries:
        return ""
    lines = [f'<div class="legend" dir="rtl"><p><b>{escape(LEGEND_TITLE)}</b></p>']
    for kind, words in entries:
        lines.append(f"<p>{legend_sample(kind)} {escape(words)}</p>")
    lines.append("</div>")
    return "\n".join(lines)


def citation_html(item: ExportItem) -> str:
    out = []
    for kind, value in item.citation_parts():
        if kind == "symbol":
            out.append(f'<span class="symbol" dir="ltr">{escape(value)}</span>')
        else:
            out.append(escape(value))
    return "".join(out)


def item_html(item: ExportItem, options: ExportOptions, first: bool = True) -> str:
    classes = "item" if first or not options.one_per_page else "item page"
    parts = [f'<div class="{classes}" id="{escape(item.paragraph_id, quote=True)}" dir="rtl">']
    label = (f'<span class="label">{escape(item.display_label)}</span> '
             if item.display_label else "")
    notice = notice_html(item)
    if notice:
        parts.append(notice)
    if options.include_lead_in:
        parts += [f'<p class="lead-in" dir="rtl">{escape(l.line())}</p>' for l in item.lead_in]
    parts.append(f'<p class="text" dir="rtl">{label}{_text_html(item, options.include_footnotes)}</p>')
    if options.include_citations:
        parts.append(f'<p class="citation" dir="rtl">{citation_html(item)}</p>')
    if options.include_footnotes and item.footnotes:
        parts.append('<ul class="footnotes" dir="rtl">')
        for fn in item.footnotes:
            parts.append(f"<li><sup>{escape(fn.sign)}</sup> {escape(fn.text)}</li>")
        parts.append("</ul>")
    if options.include_notes and item.notes:
        for note in item.notes:
            parts.append(f'<p class="notes" dir="rtl"><b>{escape(note.heading())}:</b> '
                         f'{escape(note.text)}</p>')
    parts.append("</div>")
    return "\n".join(parts)


def fragment(items: list[ExportItem], options: ExportOptions) -> str:
    """The items with the key to their quality marks (for the clipboard's rich text)."""
    return "\n".join([legend_html(items)]
                     + [item_html(it, options, i == 0) for i, it in enumerate(items)])


def render_html(items: list[ExportItem], options: ExportOptions) -> str:
    """A complete page: title, date, the items."""
    title = escape(options.title)
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="ar" dir="rtl">\n<head>\n<meta charset="utf-8">\n<title>{title}</title>\n'
        f"<style>{STYLE}</style>\n</head>\n<body>\n"
        f'<h1 dir="rtl">{title}</h1>\n<p class="date" dir="rtl">{escape(options.date_text())}</p>\n'
        f"{fragment(items, options)}\n</body>\n</html>\n"
    )
