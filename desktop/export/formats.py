"""The export formats by name, for the app and the export CLI: ``write(kind,
items, path, options)`` writes PDF, Word (docx) or HTML, atomically
(desktop.export.files); each writer loads only when its format is asked for.
A PDF needs a QGuiApplication to exist (the caller's)."""

from __future__ import annotations

from pathlib import Path

from desktop.export.model import ExportItem, ExportOptions

KINDS = ("pdf", "docx", "html")


def write(kind: str, items: list[ExportItem], path: str | Path,
          options: ExportOptions) -> int | None:
    """Write ``items`` to ``path`` as ``kind``; the page count of a PDF, else
    None. ExportError when the file cannot be written (nothing is left)."""
    if kind == "pdf":
        from desktop.export.pdf import write_pdf
        return write_pdf(items, path, options)
    if kind == "docx":
        from desktop.export.docx import write_docx
        write_docx(items, path, options)
        return None
    if kind == "html":
        from desktop.export.files import write_text_atomically
        from desktop.export.html import render_html
        write_text_atomically(path, render_html(items, options))
        return None
    raise ValueError(f"unknown export format {kind!r}")
