"""The selection on A4 pages: PDF (QPdfWriter) and printing (QPrinter).

One painter routine serves both, so the print preview shows exactly the PDF.
The body is a QTextDocument laid out at the device's resolution with a page
height set, which breaks it into pages between lines; each page is painted
with its own header (the title) and footer (``صفحة X من Y`` and the date),
drawn right to left in the bundled Noto Sans Arabic, whose Arabic text stays
extractable from the PDF (Amiri's is not). Document symbols get a WORD JOINER
after each "/" so Qt never breaks them across lines.
"""

from __future__ import annotations

import io
import tempfile
from functools import lru_cache
from desktop.content.html_escape import escape
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout, QFont, QFontDatabase, QImage, QPageLayout, QPageSize,
    QPagedPaintDevice, QPaintEngine, QPainter, QPalette, QPdfWriter, QPen, QTextDocument,
    QTextFormat, QTextOption, QTextTable,
)

from desktop import paths
from desktop.export.files import ExportError, write_atomically
from desktop.content.citations import LEGEND_TITLE, MARK_STYLE, join_symbols
from desktop.export.html import legend_sample
from desktop.export.model import ExportItem, ExportOptions, legend

FONT_FILES = ("NotoSansArabic-Regular.ttf", "NotoSansArabic-Bold.ttf")
FALLBACK_FAMILY = "DejaVu Sans"
PDF_DPI = 300
#: Highest resolution of the page images shown in the print preview, and
#: the memory all of them may take (the preview keeps them as 32-bit images).
PREVIEW_DPI = 150
PREVIEW_BUDGET_BYTES = 160_000_000

#: Page geometry in millimetres (A4 portrait).
MARGIN_SIDE_MM = 20.0
MARGIN_TOP_MM = 24.0      # header sits in here
MARGIN_BOTTOM_MM = 22.0   # footer sits in here
HEADER_OFFSET_MM = 11.0   # header baseline box from the page top
FOOTER_OFFSET_MM = 12.0   # footer box from the page bottom

BODY_PT = 12
#: Width of the label column, as a fraction of the text width.
LABEL_FRACTION = 0.12
NOTE_PT = 9.5
HEADER_PT = 9


@lru_cache(maxsize=1)
def print_family() -> str:
    """Register the bundled print font (once) and return its family name."""
    family = None
    for name in FONT_FILES:
        path = paths.resource("fonts", name)
        if path.is_file():
            font_id = QFontDatabase.addApplicationFont(str(path))
            families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
            if families and family is None:
                family = families[0]
    return family or FALLBACK_FAMILY


def preview_dpi(pages: int, page_square_inches: float) -> int:
    """Resolution for the preview's page images: PREVIEW_DPI for a few
    pages, lower for many so that they stay within PREVIEW_BUDGET_BYTES
    (never below 72 dpi, which still reads at the preview's fit-page zoom)."""
    per_page = PREVIEW_BUDGET_BYTES / (4 * max(1, pages) * max(1.0, page_square_inches))
    return int(max(72, min(PREVIEW_DPI, per_page ** 0.5)))


def _mm(device: QPagedPaintDevice, mm: float) -> float:
    return mm / 25.4 * device.logicalDpiY()


def _text_html(item: ExportItem, options: ExportOptions) -> str:
    out = []
    for kind, value in item.text_segments():
        if kind == "marker":
            if options.include_footnotes:
                out.append(f"<sup>{escape(value)}</sup>")
        elif kind in MARK_STYLE:
            out.append(f'<span style="{MARK_STYLE[kind]}">{escape(join_symbols(value))}</span>')
        else:
            out.append(escape(join_symbols(value)))
    return "".join(out)


LEAD_IN_COLOUR = "#6b6b6b"


def _lead_in_html(item: ExportItem, options: ExportOptions) -> str:
    """The lead-in, lighter and between «…», in the text's own block."""
    if not (options.include_lead_in and item.lead_in):
        return ""
    return "".join(f'<span style="color:{LEAD_IN_COLOUR}">{escape(join_symbols(l.line()))}'
                   f"</span><br/>" for l in item.lead_in)


def _notice_html(item: ExportItem) -> str:
    """The reader's notice before a paragraph that is not the source's own text."""
    if not item.quality_note:
        return ""
    # in the text's own block (a <br/>, not a paragraph): the page breaking
    # rules count an item's blocks as text, citation, footnotes
    return (f'<span style="font-size:{NOTE_PT}pt; color:{item.notice_colour}">'
            f"[{escape(join_symbols(item.quality_note))}]</span><br/>")


def legend_html(items: list[ExportItem]) -> str:
    """The first page's key to the quality marks ("" when nothing is marked)."""
    entries = legend(items)
    if not entries:
        return ""
    lines = []
    for kind, words in entries:
        lines.append(f'<p dir="rtl" style="font-size:{NOTE_PT}pt; margin:0">'
                     f"{legend_sample(kind)} {escape(words)}</p>")
    # paragraphs, not a table: tables are the items (see stranded_items)
    return (f'<p dir="rtl" style="font-size:{NOTE_PT}pt; font-weight:bold; margin:0; '
            f'background-color:#f3f3f3">{escape(LEGEND_TITLE)}</p>'
            + "".join(lines).replace("margin:0\"", "margin:0; background-color:#f3f3f3\"")
            + '<p style="margin:0; font-size:4pt">&nbsp;</p>')


def _citation_html(item: ExportItem) -> str:
    return "".join(escape(join_symbols(v)) for _, v in item.citation_parts())


def body_html(items: list[ExportItem], options: ExportOptions, label_width: int) -> str:
    """The body as Qt rich text: every block dir="rtl" (Qt ignores CSS
    direction), a two-column table per item so labels hang aligned. The label
    column has a fixed width in 96-dpi pixels and is the LAST column of a
    left-to-right table: Qt lays right-to-left tables out with the cells
    overlapping (seen in the rendered pages), so the table is mirrored by
    hand while every paragraph inside stays right-to-left."""
    parts = [
        f'<p dir="rtl" style="font-size:{BODY_PT + 6}pt; font-weight:bold; margin-bottom:2pt">'
        f"{escape(join_symbols(options.title))}</p>",
        f'<p dir="rtl" style="font-size:{NOTE_PT}pt; color:#444; margin-bottom:10pt">'
        f"{escape(join_symbols(options.date_text()))}</p>",
        legend_html(items),
    ]
    for index, item in enumerate(items):
        brk = "page-break-before: always; " if options.one_per_page and index > 0 else ""
        cell = [f'<p dir="rtl" style="margin:0">{_notice_html(item)}'
                f'{_lead_in_html(item, options)}{_text_html(item, options)}</p>']
        if options.include_citations:
            cell.append(f'<p dir="rtl" style="font-size:{NOTE_PT + 0.5}pt; color:#222; '
                        f'margin-top:3pt; margin-bottom:0">({_citation_html(item)})</p>')
        if options.include_footnotes:
            for fn in item.footnotes:
                cell.append(f'<p dir="rtl" style="font-size:{NOTE_PT}pt; color:#333; '
                            f'margin-top:2pt; margin-bottom:0"><sup>{escape(fn.sign)}</sup> '
                            f"{escape(join_symbols(fn.text))}</p>")
        if options.include_notes:
            for note in item.notes:
                cell.append(f'<p dir="rtl" style="font-size:{NOTE_PT}pt; color:#6b3a0f; '
                            f'margin-top:3pt; margin-bottom:0"><b>{escape(note.heading())}:</b> '
                            f"{escape(join_symbols(note.text))}</p>")
        parts.append(
            f'<table dir="ltr" width="100%" cellspacing="0" cellpadding="0" '
            f'style="{brk}margin-top:9pt; margin-bottom:3pt">'
            f'<tr><td valign="top">{"".join(cell)}</td>'
            f'<td width="{label_width}" valign="top"><p dir="rtl" style="margin:0"><b>'
            f"{escape(item.display_label)}</b></p></td></tr></table>")
    return "\n".join(parts)


def _page_of(y: float, page_h: float) -> int:
    return int(max(0.0, y) // page_h)


def stranded_items(doc: QTextDocument, page_h: float) -> list[QTextTable]:
    """Item tables whose citation (or first footnote) starts on a later page
    than the last line of the item's text: a citation alone at the top of a
    page reads as belonging to the next item."""
    layout = doc.documentLayout()
    out = []
    for frame in doc.rootFrame().childFrames():
        if not isinstance(frame, QTextTable) or frame.columns() < 1:
            continue
        cell = frame.cellAt(0, 0)
        first, last = cell.firstCursorPosition().block(), cell.lastCursorPosition().block()
        if first == last:
            continue
        note = first.next()
        text_lines, note_lines = first.layout(), note.layout()
        if not text_lines.lineCount() or not note_lines.lineCount():
            continue
        # line positions, not block rectangles: a line pushed to the next
        # page leaves its block's rectangle starting on the previous one
        text_end = (layout.blockBoundingRect(first).top()
                    + text_lines.lineAt(text_lines.lineCount() - 1).rect().bottom())
        note_start = layout.blockBoundingRect(note).top() + note_lines.lineAt(0).rect().top()
        if _page_of(note_start + 1, page_h) > _page_of(text_end - 1, page_h):
            out.append(frame)
    return out


def keep_notes_with_text(doc: QTextDocument, page_h: float) -> int:
    """Start an item on a new page when its citation would otherwise open a
    page by itself (only for items that fit on one page). Returns how many
    items were moved."""
    moved = 0
    tried: set[int] = set()
    for _ in range(1000):       # each pass moves one item; the layout changes
        for table in stranded_items(doc, page_h):
            key = table.firstPosition()
            height = doc.documentLayout().frameBoundingRect(table).height()
            if key in tried or height >= page_h:
                continue
            tried.add(key)
            fmt = table.format()
            fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
            table.setFormat(fmt)
            moved += 1
            break
        else:
            return moved
    return moved


def _rtl_option(align: Qt.AlignmentFlag) -> QTextOption:
    option = QTextOption(align)
    option.setTextDirection(Qt.LayoutDirection.RightToLeft)
    option.setWrapMode(QTextOption.WrapMode.NoWrap)
    return option


class PageLayouter:
    """Lays the items out for one paint device and paints its pages."""

    def __init__(self, device: QPagedPaintDevice, items: list[ExportItem],
                 options: ExportOptions):
        self.device = device
        self.options = options
        self.family = print_family()
        self.page_w = float(device.width())
        self.page_h = float(device.height())
        self.side = _mm(device, MARGIN_SIDE_MM)
        self.top = _mm(device, MARGIN_TOP_MM)
        self.bottom = _mm(device, MARGIN_BOTTOM_MM)
        self.body_w = self.page_w - 2 * self.side
        self.body_h = self.page_h - self.top - self.bottom
        if self.body_w <= 0 or self.body_h <= 0:
            raise ExportError("مقاس الصفحة صغير جداً للطباعة")

        doc = QTextDocument()
        doc.documentLayout().setPaintDevice(device)
        font = QFont(self.family)
        font.setPointSizeF(BODY_PT)
        doc.setDefaultFont(font)
        option = QTextOption(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute)
        option.setTextDirection(Qt.LayoutDirection.RightToLeft)
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        doc.setDefaultTextOption(option)
        doc.setDocumentMargin(0)
        # Qt scales HTML pixel widths from 96 dpi to the device's resolution.
        label_px = int(self.body_w * LABEL_FRACTION * 96 / device.logicalDpiX())
        doc.setHtml(body_html(items, options, label_px))
        doc.setPageSize(QSizeF(self.body_w, self.body_h))
        if options.include_citations or options.include_footnotes:
            keep_notes_with_text(doc, self.body_h)
        self.document = doc
        # Black text whatever the desktop theme (a dark theme's palette has white text).
        self.palette = QPalette()
        self.palette.setColor(QPalette.ColorRole.Text, Qt.GlobalColor.black)

    def page_count(self) -> int:
        return max(1, self.document.pageCount())

    def _font(self, points: float, bold: bool = False) -> QFont:
        """A font sized in the device's pixels, so it draws the same on the
        device and on the preview's page images."""
        font = QFont(self.family)
        font.setPixelSize(max(1, round(points * self.device.logicalDpiY() / 72)))
        font.setBold(bold)
        return font

    def _decorate(self, painter: QPainter, page: int, pages: int) -> None:
        """Header (title, rule) and footer (rule, page X of Y, date)."""
        painter.save()
        painter.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        painter.setFont(self._font(HEADER_PT))
        painter.setPen(QPen(Qt.GlobalColor.black, max(1.0, self.device.logicalDpiY() / 150)))
        line_h = painter.fontMetrics().height() * 1.4
        header_y = _mm(self.device, HEADER_OFFSET_MM)
        header = QRectF(self.side, header_y, self.body_w, line_h)
        painter.drawText(header, join_symbols(self.options.title),
                         _rtl_option(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignVCenter))
        rule_y = header.bottom() + line_h * 0.15
        painter.drawLine(QPointF(self.side, rule_y), QPointF(self.side + self.body_w, rule_y))
        footer_y = self.page_h - _mm(self.device, FOOTER_OFFSET_MM)
        painter.drawLine(QPointF(self.side, footer_y - line_h * 0.15),
                         QPointF(self.side + self.body_w, footer_y - line_h * 0.15))
        footer = QRectF(self.side, footer_y, self.body_w, line_h)
        painter.drawText(footer, f"صفحة {page} من {pages}",
                         _rtl_option(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignVCenter))
        painter.drawText(footer, join_symbols(self.options.date_text()),
                         _rtl_option(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignVCenter))
        painter.restore()

    def _paint_page(self, painter: QPainter, index: int, pages: int) -> None:
        self._decorate(painter, index + 1, pages)
        painter.save()
        painter.translate(self.side, self.top - index * self.body_h)
        clip = QRectF(0, index * self.body_h, self.body_w, self.body_h)
        painter.setClipRect(clip)
        context = QAbstractTextDocumentLayout.PaintContext()
        context.clip = clip
        context.palette = self.palette
        self.document.documentLayout().draw(painter, context)
        painter.restore()

    def _paint_page_as_image(self, painter: QPainter, index: int, pages: int) -> None:
        """For the print preview: its QPicture engine replays text runs
        without their bidi context (punctuation lands at the wrong end of
        Arabic lines), so the preview gets the page rendered by the raster
        engine instead. Real printing and PDFs stay vector text."""
        scale = preview_dpi(pages, self.page_w * self.page_h / self.device.logicalDpiX() ** 2) \
            / self.device.logicalDpiX()
        image = QImage(max(1, round(self.page_w * scale)), max(1, round(self.page_h * scale)),
                       QImage.Format.Format_Grayscale8)
        image.fill(Qt.GlobalColor.white)
        raster = QPainter(image)
        raster.setRenderHints(QPainter.RenderHint.Antialiasing
                              | QPainter.RenderHint.TextAntialiasing)
        raster.scale(image.width() / self.page_w, image.height() / self.page_h)
        self._paint_page(raster, index, pages)
        raster.end()
        painter.drawImage(QRectF(0, 0, self.page_w, self.page_h), image)

    def paint(self, painter: QPainter, new_page: Callable[[], object]) -> int:
        """Paint every page; ``new_page()`` advances the device. Returns pages."""
        pages = self.page_count()
        engine = painter.paintEngine()
        preview = engine is not None and engine.type() == QPaintEngine.Type.Picture
        for index in range(pages):
            if index:
                if not new_page():
                    raise ExportError("تعذّر إنشاء صفحة جديدة")
            if preview:
                self._paint_page_as_image(painter, index, pages)
            else:
                self._paint_page(painter, index, pages)
        return pages


def paint_items(device: QPagedPaintDevice, items: list[ExportItem],
                options: ExportOptions) -> int:
    """Paint the items on a QPdfWriter or a QPrinter (full-page coordinates).
    Returns the number of pages; ExportError if the device cannot be painted."""
    layouter = PageLayouter(device, items, options)
    painter = QPainter()
    if not painter.begin(device):
        raise ExportError("تعذّر بدء الطباعة على هذا الجهاز")
    try:
        pages = layouter.paint(painter, device.newPage)
    finally:
        ended = painter.end()
    if not ended:     # the device could not finish the file (a short write)
        raise ExportError("تعذّر إكمال كتابة الصفحات")
    return pages


def _a4_layout() -> QPageLayout:
    return QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                       QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)


def check_pdf(data: bytes, pages: int) -> str | None:
    """None when ``data`` is a whole PDF of ``pages`` pages: the header, the
    cross-reference trailer at its end, and that many pages as a PDF reader
    (pypdf) counts them."""
    if not data.startswith(b"%PDF-"):
        return "ليس ملف PDF"
    tail = data[-1024:]
    if b"startxref" not in tail or b"%%EOF" not in tail:
        return "ملف PDF غير مكتمل (لا خاتمة له)"
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        found = len(PdfReader(io.BytesIO(data)).pages)
    except (PyPdfError, ValueError, KeyError, IndexError, TypeError):
        return "ملف PDF تالف"
    if found != pages:
        return f"ملف PDF غير مكتمل ({found} من {pages} صفحة)"
    return None


def write_pdf(items: list[ExportItem], path: str | Path, options: ExportOptions) -> int:
    """Write the PDF atomically; returns its page count.

    Rendered into memory (QBuffer), then written and checked by
    desktop.export.files, where a full disk is seen."""
    result = {}

    def produce() -> bytes:
        buffer = QBuffer()
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        writer = QPdfWriter(buffer)
        writer.setResolution(PDF_DPI)
        writer.setPageLayout(_a4_layout())
        writer.setTitle(options.title)
        writer.setCreator("المساعدة التقنية — الخلاصة الوافية")
        result["pages"] = paint_items(writer, items, options)
        del writer  # flushes the PDF's trailer into the buffer
        buffer.close()
        # ordinary Arabic letters when text is copied out (pdf_text rewrites
        # the ToUnicode maps of a file): done in a scratch folder, so the
        # target is still only ever replaced by the checked bytes
        with tempfile.TemporaryDirectory(prefix="compendium-pdf-") as scratch:
            raw = Path(scratch) / "export.pdf"
            raw.write_bytes(buffer.data().data())
            from desktop.export.pdf_text import fix_to_unicode
            fix_to_unicode(raw)
            return raw.read_bytes()

    write_atomically(path, produce, lambda data: check_pdf(data, result["pages"]))
    return result["pages"]
