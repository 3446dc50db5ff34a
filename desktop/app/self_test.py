"""``--self-test``: prove the installed app can read its database and navigate.

Opens one unit of each kind in the reader, checks its text reached the
widget, follows one link and comes back. Returns the list of failures
(empty when all is well); the packaged app runs it after installation.
"""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

from PySide6.QtCore import QCollator, QLocale, QUrl

from desktop.content.citations import strip_joiners
from desktop.content.render import para_href

if TYPE_CHECKING:
    from desktop.app.main_window import MainWindow
    from desktop.app.reader import ReaderView
    from desktop.content.store import ContentStore


def run_self_test(window: MainWindow) -> list[str]:
    failures: list[str] = []
    store = window.store
    reader = window.reader
    if store.paragraph_count() == 0:
        return ["the database has no paragraphs"]
    units = store.sample_units()
    for kind in ("meeting", "decision", "resolution"):
        if kind not in units:
            failures.append(f"no unit of kind {kind} in the database")
    for kind, unit in units.items():
        paragraphs = store.unit_paragraphs(unit.id)
        if not paragraphs:
            failures.append(f"{kind} {unit.id}: no paragraphs")
            continue
        para = paragraphs[-1]
        if not reader.open_paragraph(para.id):
            failures.append(f"{kind} {unit.id}: reader could not open {para.id}")
            continue
        shown = strip_joiners(reader.toPlainText())
        probe = " ".join(para.text.split())[:20]
        if probe and probe not in " ".join(shown.split()):
            failures.append(f"{kind} {unit.id}: text of {para.id} not shown")
        if reader.current_unit_id() != unit.id:
            failures.append(f"{kind} {unit.id}: reader shows {reader.current_unit_id()}")
    failures += _follow_one_link(store, reader)
    failures += _collation()
    failures += [f"{table} {key}: {column} holds invalid UTF-8 (shown as damaged)"
                 for table, key, column in store.damaged_rows()]
    failures += _qt_speaks_arabic()
    failures += _handbook_is_there()
    try:
        options = {r[0] for r in sqlite3.connect(":memory:").execute(
            "PRAGMA compile_options")}
        if "ENABLE_FTS5" not in options:
            failures.append("SQLite was built without FTS5 (search needs it)")
    except sqlite3.Error as exc:
        failures.append(f"SQLite: {exc}")
    return failures


def _handbook_is_there() -> list[str]:
    """F1's handbook travelled with the app: every page renders, every picture
    is a PNG (in a bundle or a wheel, resources/handbook must have been packed)."""
    from desktop import handbook

    try:
        pages = handbook.pages()
        failures = []
        for page in pages:
            handbook.render(page.name, [])
            for src in handbook.references(page.name)[1]:
                target = handbook.internal_target(src)
                if target is None or not target.is_file() or handbook.png_size(target) is None:
                    failures.append(f"handbook: {page.name}: picture {src} missing")
        return failures if len(pages) > 1 else ["handbook: the contents lead nowhere"]
    except OSError as exc:
        return [f"handbook: {exc}"]


def _qt_speaks_arabic() -> list[str]:
    """Qt's own dialogs are translated: qtbase_ar was found (in a bundle too)
    and the strings it misses are supplied (desktop.app.qt_arabic)."""
    from PySide6.QtCore import QCoreApplication

    failures = []
    for context, source in (("QPlatformTheme", "Cancel"), ("QFileDialog", "&Look in:")):
        if QCoreApplication.translate(context, source) == source:
            failures.append(f"Qt's {context} «{source}» is not translated into Arabic")
    return failures


def _collation() -> list[str]:
    """Qt's ICU collation answers for Arabic (the Linux bundle carries ICU data
    cut to the app's languages). Numeric ordering exists only in ICU: without
    its data Qt compares code points, and ١٠ (ten) sorts before ٩ (nine)."""
    collator = QCollator(QLocale(QLocale.Language.Arabic, QLocale.Country.Egypt))
    collator.setNumericMode(True)
    words = ["١٠", "٩", "ب", "أ"]
    ordered = sorted(words, key=collator.sortKey)
    if ordered != ["٩", "١٠", "أ", "ب"]:
        return [f"Arabic collation (ICU) sorts {words} as {ordered}"]
    return []


def _follow_one_link(store: ContentStore, reader: ReaderView) -> list[str]:
    for unit in store.sample_units().values():
        ids = [p.id for p in store.unit_paragraphs(unit.id)]
        links = [l for l in store.links_from(ids) if store.paragraph(l.to_id)]
        if not links:
            continue
        link = links[0]
        reader.open_paragraph(link.from_id)
        reader.anchorClicked.emit(QUrl(para_href(link.to_id)))
        if reader.current_paragraph_id() != link.to_id:
            return [f"following the link {link.from_id} → {link.to_id} failed"]
        reader.back()
        if reader.current_paragraph_id() != link.from_id:
            return [f"Back after the link {link.from_id} → {link.to_id} failed"]
        return []
    return []
