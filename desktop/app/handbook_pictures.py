"""The handbook's pictures: screenshots of the app, made offscreen.

    python -m desktop.app.handbook_pictures OUTDIR [--db PATH]

Builds the window as the app does (desktop.__main__.build_main_window, user
data in memory, settings in a scratch folder), puts it in the state each
section of the handbook describes and saves ``OUTDIR/<name>.png`` at
PICTURE_SIZE (real size, so the Arabic text stays sharp), compressed as far
as PNG goes (256 colours). resources/handbook/images holds the committed result.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication, QDockWidget, QWidget

    from desktop.app.main_window import MainWindow
    from desktop.app.reader import ReaderView

#: the window's size in the pictures (the handbook shows them at most 760 px wide)
PICTURE_SIZE = (1000, 640)
READING = "A07/13"
#: a COP decision that endorses Working Group recommendations (links both ways)
LINKED = "B4-d3/c1"


def _settle(app: QApplication, rounds: int = 6) -> None:
    for _ in range(rounds):
        app.processEvents()


def _save(app: QApplication, window: MainWindow, path: Path,
          overlay: QWidget | None = None) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QColor, QImage, QPainter

    _settle(app)
    # 256 colours (a fifth of the bytes; text and the reader's tints stay clean
    # with a threshold, where error diffusion speckles them), then PNG's
    # strongest compression (quality 0)
    image = window.grab().toImage()
    painter = QPainter(image)
    if overlay is not None:  # a tooltip is a window of its own: painted in where it shows
        painter.drawImage(overlay.mapToGlobal(overlay.rect().topLeft())
                          - window.mapToGlobal(window.rect().topLeft()), overlay.grab().toImage())  # a frame: the picture stands apart from the white page
    painter.setPen(QColor("#9a9a9a"))
    painter.drawRect(0, 0, image.width() - 1, image.height() - 1)
    painter.end()
    image = image.convertToFormat(
        QImage.Format.Format_Indexed8, Qt.ImageConversionFlag.ThresholdDither)
    # PySide6 6.11's stub says format is bytes; the binding refuses bytes and takes str
    if not image.save(str(path), "PNG", 0):  # type: ignore[call-overload]
        raise OSError(f"cannot write {path}")
    print(f"{path}  {image.width()}x{image.height()}  {path.stat().st_size // 1024} KB")


def _only(window: MainWindow, *docks: QDockWidget) -> None:
    """The reader and the navigation tabs, and of the docks only `docks`."""
    from PySide6.QtWidgets import QDockWidget

    for dock in window.findChildren(QDockWidget):
        dock.setVisible(dock in docks)
    if window.side_reader is not None:
        window.side_reader.hide()
    window.navigation.setCurrentIndex(0)


def _link_preview(app: QApplication, reader: ReaderView) -> QWidget | None:
    """Hover the first cross-reference on screen: its preview tooltip."""
    from PySide6.QtGui import QTextCursor
    from PySide6.QtWidgets import QApplication, QToolTip

    from desktop.content.html_blocks import PARA_SCHEME

    block = reader.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            if fragment.charFormat().anchorHref().startswith(PARA_SCHEME):
                cursor = QTextCursor(reader.document())
                cursor.setPosition(fragment.position() + fragment.length() // 2)
                pos = reader.cursorRect(cursor).center()
                if reader.viewport().rect().contains(pos):
                    text = reader.tooltip_at(pos)
                    QToolTip.showText(reader.viewport().mapToGlobal(pos), text, reader.viewport())
                    _settle(app)
                    tips = [w for w in QApplication.topLevelWidgets()
                            if w.inherits("QTipLabel") and w.isVisible()]
                    return tips[0] if tips else None
            it += 1
        block = block.next()
    return None


def make_pictures(out: Path, db_path: Path | None = None) -> list[Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from desktop import paths
    from desktop.__main__ import build_main_window
    from desktop.app.application import create_application
    from desktop.app.settings import AppSettings
    from desktop.content.store import open_store
    from PySide6.QtWidgets import QToolTip

    app = create_application([sys.argv[0]])
    scratch = tempfile.TemporaryDirectory(prefix="handbook-pictures-")
    window = build_main_window(open_store(db_path or paths.default_db()),
                               AppSettings(Path(scratch.name) / "settings.ini"),
                               remember=False, user_data=":memory:")
    window.resize(*PICTURE_SIZE)
    window.show()
    _settle(app)
    out.mkdir(parents=True, exist_ok=True)
    made: list[Path] = []

    def shot(name: str, overlay: QWidget | None = None) -> None:
        path = out / f"{name}.png"
        _save(app, window, path, overlay)
        made.append(path)

    # reading: the tree and the reader at a paragraph
    _only(window)
    window.open_start(READING)
    window.select_in_tree(READING)
    _settle(app)
    window.reader.scroll_to_current()
    shot("reading")

    # links: a decision with its cross-references, and what links to it
    _only(window, window.links_dock)
    window.open_paragraph(LINKED)
    window.select_in_tree(LINKED)
    _settle(app)
    window.reader.scroll_to_current()
    shot("links", _link_preview(app, window.reader))
    QToolTip.hideText()

    # the thematic index, one theme chosen
    _only(window)
    window.navigation.setCurrentWidget(window.index_panel)
    _settle(app)
    view = window.index_panel.view
    model = view.model()
    theme = model.index(min(3, model.rowCount() - 1), 0)
    view.setCurrentIndex(theme)
    window.index_panel._on_clicked(theme)
    _settle(app)
    shot("index")

    # search
    panel = window.search_panel
    assert panel is not None, "build_main_window made the search tab"
    window.navigation.setCurrentWidget(panel)
    panel.set_query("حماية الشهود", immediately=True)
    for _ in range(50):
        _settle(app, 2)
        if panel.model.rowCount():
            break
        time.sleep(0.05)
    # the first paragraph found (not a theme) opened, its words marked
    first = next((row for row in range(panel.model.rowCount())
                  if (found := panel.model.result(row)) is not None and found.kind != "theme"),
                 None)
    if first is not None:
        panel.view.setCurrentIndex(panel.model.index(first, 0))
        panel.open_current()
        _settle(app)
        window.reader.scroll_to_current()
    _settle(app)
    shot("search")

    # the selection, three paragraphs in it
    selection = window.selection_panel
    assert selection is not None, "build_main_window made the selection"
    selection.add_paragraphs(["A07/13", "A07/14", LINKED])
    _only(window, selection.dock)
    window.open_paragraph("A07/13")
    _settle(app)
    shot("selection")

    # bookmarks (in a folder) and a note with its mark in the margin
    store = window.userdata.store
    store.add_bookmark("A07/13", folder="الاجتماع السابع")
    store.add_bookmark(LINKED, folder="مؤتمر الأطراف")
    store.add_note("A07/13", "يُستشهد بها في مشروع القرار: الفقرة 4 من المنطوق.")
    window.userdata.changed.emit()
    _only(window)
    window.show_bookmarks_action.trigger()
    window.open_paragraph("A07/13")
    _settle(app)
    window.reader.scroll_to_current()
    shot("notes")

    # side by side: the decision next to the recommendation it endorses
    _only(window)
    from desktop.app.side_reader import open_beside
    target = next((link.to_id for link in window.store.links_from([LINKED]) if link.to_id),
                  READING)
    window.open_paragraph(LINKED)
    open_beside(window, target)
    window.splitter.setSizes([0, 500, 500])
    _settle(app)
    shot("side")

    window.close()
    return made


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m desktop.app.handbook_pictures")
    parser.add_argument("out", type=Path, help="folder for the PNG files")
    parser.add_argument("--db", type=Path, default=None)
    args = parser.parse_args(argv)
    make_pictures(args.out, args.db)
    return 0


if __name__ == "__main__":
    sys.exit(main())
