"""The selection as a Word document (python-docx), right to left.

python-docx has no bidi API (its issue #1411), so the XML is set by hand:
``w:bidi`` on each paragraph and on the section, ``w:rtl`` on Arabic runs,
the complex-script font (``w:rFonts w:cs``) and size (``w:szCs``). One
paragraph per item (style "Selection Item"): label, text, footnote markers,
then, after a line break, the citation, whose document symbol is a run of
its own (left to right), then the footnotes.
"""

from __future__ import annotations

import io
import zipfile
from copy import deepcopy
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt

if TYPE_CHECKING:
    from docx.document import Document as WordDocument
    from docx.oxml.xmlchemy import BaseOxmlElement
    from docx.styles.style import ParagraphStyle
    from docx.text.paragraph import Paragraph
    from docx.text.run import Run

from desktop.export.files import write_atomically
from desktop.content.citations import LEGEND_TITLE, NOTICE_COLOUR
from desktop.export.model import ExportItem, ExportOptions, legend

#: Marked words in Word: colour and underline (the reader's marks).
MARK_RUN = {"uncertain": ("A40000", "single"), "corrected": ("1D5E2A", "dotted")}

#: Complex-script font named in the document; Word substitutes if missing.
ARABIC_FONT = "Arial"
ITEM_STYLE = "Selection Item"
BODY_PT = 12
NOTE_PT = 10

_PPR_AFTER_BIDI = (
    "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing",
    "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment",
    "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr",
    "w:pPrChange",
)


def set_paragraph_bidi(paragraph: Paragraph) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    if ppr.find(qn("w:bidi")) is None:
        ppr.insert_element_before(OxmlElement("w:bidi"), *_PPR_AFTER_BIDI)


@lru_cache(maxsize=64)
def _rpr_template(rtl: bool, bold: bool, size: float, superscript: bool,
                  mark: str = "", colour: str = "") -> BaseOxmlElement:
    """The run properties, in schema order (rFonts, b, bCs, sz, szCs,
    vertAlign, rtl), parsed once per combination and copied into each run:
    python-docx's per-property setters dominated the export time."""
    half_points = int(round(size * 2))
    xml = (
        f'<w:rPr {nsdecls("w")}>'
        f'<w:rFonts w:ascii="{ARABIC_FONT}" w:hAnsi="{ARABIC_FONT}" w:cs="{ARABIC_FONT}"/>'
        + ("<w:b/><w:bCs/>" if bold else "")
        + (f'<w:color w:val="{MARK_RUN[mark][0] if mark else colour}"/>' if mark or colour else "")
        + f'<w:sz w:val="{half_points}"/><w:szCs w:val="{half_points}"/>'
        + (f'<w:u w:val="{MARK_RUN[mark][1]}"/>' if mark else "")
        + ('<w:vertAlign w:val="superscript"/>' if superscript else "")
        + ("<w:rtl/>" if rtl else "")
        + "</w:rPr>")
    return parse_xml(xml)


def add_run(paragraph: Paragraph, text: str, *, rtl: bool = True, bold: bool = False,
            size: float = BODY_PT, superscript: bool = False, mark: str = "",
            colour: str = "") -> Run:
    """A run with the complex-script font and size; w:rtl on Arabic runs;
    ``mark`` ("uncertain"/"corrected") colours and underlines it."""
    run = paragraph.add_run(text)
    run._r.insert(0, deepcopy(_rpr_template(rtl, bold, float(size), superscript,
                                            mark, colour)))
    return run


def _section_bidi(document: WordDocument) -> None:
    for section in document.sections:
        sect = section._sectPr
        if sect.find(qn("w:bidi")) is None:
            el = OxmlElement("w:bidi")
            # w:bidi comes after w:textDirection and before w:rtlGutter/docGrid...
            sect.insert_element_before(el, "w:rtlGutter", "w:docGrid", "w:printerSettings",
                                       "w:sectPrChange")
        section.page_height = Cm(29.7)
        section.page_width = Cm(21.0)
        for side in ("left_margin", "right_margin"):
            setattr(section, side, Cm(2.2))


def _item_style(document: WordDocument) -> ParagraphStyle:
    styles = document.styles
    try:
        return styles[ITEM_STYLE]
    except KeyError:
        style = styles.add_style(ITEM_STYLE, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = styles["Normal"]
        style.paragraph_format.space_after = Pt(10)
        return style


def build_document(items: list[ExportItem], options: ExportOptions) -> WordDocument:
    document = Document()
    _section_bidi(document)
    style = _item_style(document)

    title = document.add_paragraph(style="Title")
    set_paragraph_bidi(title)
    title.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    add_run(title, options.title, bold=True, size=18)
    date = document.add_paragraph()
    set_paragraph_bidi(date)
    add_run(date, options.date_text(), size=NOTE_PT)
    entries = legend(items)
    if entries:
        key = document.add_paragraph()
        set_paragraph_bidi(key)
        add_run(key, LEGEND_TITLE, bold=True, size=NOTE_PT)
        for kind, words in entries:
            add_run(key, "").add_break(WD_BREAK.LINE)
            if kind in MARK_RUN:
                add_run(key, "كلمة", size=NOTE_PT, mark=kind)
            else:
                add_run(key, "[…]", size=NOTE_PT, colour=NOTICE_COLOUR[kind].lstrip("#"))
            add_run(key, f" {words}", size=NOTE_PT)

    for index, item in enumerate(items):
        p = document.add_paragraph()
        # Set the style id directly: looking a style object up is slow.
        p._p.get_or_add_pPr().style = style.style_id
        set_paragraph_bidi(p)
        p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        if options.one_per_page and index > 0:
            p.paragraph_format.page_break_before = True
        if item.quality_note:
            add_run(p, f"[{item.quality_note}]", size=NOTE_PT, colour=item.notice_colour.lstrip("#"))
            add_run(p, "").add_break(WD_BREAK.LINE)
        if options.include_lead_in:
            for lead in item.lead_in:
                add_run(p, lead.line(), colour="6B6B6B")
                add_run(p, "").add_break(WD_BREAK.LINE)
        if item.display_label:
            add_run(p, item.display_label, bold=True)
            add_run(p, " ")
        for kind, value in item.text_segments():
            if kind == "marker":
                if options.include_footnotes:
                    add_run(p, value, superscript=True)
            else:
                add_run(p, value, mark=kind if kind in MARK_RUN else "")
        if options.include_citations:
            add_run(p, "").add_break(WD_BREAK.LINE)
            add_run(p, "(", size=NOTE_PT)
            for kind, value in item.citation_parts():
                add_run(p, value, rtl=(kind != "symbol"), size=NOTE_PT)
            add_run(p, ")", size=NOTE_PT)
        if options.include_footnotes:
            for fn in item.footnotes:
                add_run(p, "").add_break(WD_BREAK.LINE)
                add_run(p, fn.sign, size=NOTE_PT, superscript=True)
                add_run(p, f" {fn.text}", size=NOTE_PT)
        if options.include_notes:
            for note in item.notes:
                add_run(p, "").add_break(WD_BREAK.LINE)
                add_run(p, f"{note.heading()}: ", size=NOTE_PT, bold=True)
                add_run(p, note.text, size=NOTE_PT)
    return document


def _docx_bytes(items: list[ExportItem], options: ExportOptions) -> bytes:
    buffer = io.BytesIO()
    build_document(items, options).save(buffer)
    return buffer.getvalue()


def check_docx(data: bytes) -> str | None:
    """None when ``data`` is a whole Word file (a zip holding the document)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            if "word/document.xml" not in archive.namelist() or archive.testzip():
                return "ملف Word غير مكتمل"
    except zipfile.BadZipFile:
        return "ملف Word غير مكتمل"
    return None


def write_docx(items: list[ExportItem], path: str | Path, options: ExportOptions) -> Path:
    """Write the Word file atomically (checked before it replaces anything)."""
    return write_atomically(path, lambda: _docx_bytes(items, options), check_docx)
