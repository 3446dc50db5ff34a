"""Shortcuts read left to right in right-to-left menus; no underline is
drawn under an Arabic letter (desktop.app.style)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QKeySequence, QTextLayout, QTextOption
from PySide6.QtWidgets import QApplication, QStyle

from desktop.app.style import ArabicStyle, shortcut_display


def _visual_x(text: str) -> list[float]:
    """x of each character's leading edge, laid out as a right-to-left
    menu lays out its shortcut column."""
    layout = QTextLayout(text, QFont("DejaVu Sans", 12))
    option = QTextOption()
    option.setTextDirection(Qt.LayoutDirection.RightToLeft)
    layout.setTextOption(option)
    layout.beginLayout()
    line = layout.createLine()
    line.setLineWidth(1000)
    layout.endLayout()
    return [line.cursorToX(i)[0] for i in range(len(text) + 1)]


def _reads_left_to_right(text: str, shown: str) -> bool:
    """The boundaries between the characters of `text` (the inner ones:
    an edge between two runs has two places) go rightwards."""
    offset = shown.index(text)
    xs = _visual_x(shown)
    inner = [xs[offset + i] for i in range(1, len(text))]
    return all(a < b for a, b in zip(inner, inner[1:]))


def test_shortcuts_keep_their_order_in_a_right_to_left_line(app):
    native = QKeySequence.SequenceFormat.NativeText
    texts = ["Ctrl++", "Ctrl+-", "Ctrl+\\", "Ctrl+Shift+S"]
    # as Qt draws them today, the trailing symbols jump to the far left
    assert not _reads_left_to_right("Ctrl++", "Ctrl++")
    for text in texts:
        assert _reads_left_to_right(text, shortcut_display(text)), text
    # «Alt+اليسار» (Qt's Arabic key name): Alt on the left, the name on its right
    text = QKeySequence("Alt+Left").toString(native)
    assert text == "Alt+اليسار"

    def alt_left_of_name(shown: str) -> bool:
        xs, at = _visual_x(shown), shown.index("A")
        in_alt = [xs[at + 1], xs[at + 2]]
        in_name = [xs[i] for i in range(shown.index("ا") + 1, shown.index("ر"))]
        return max(in_alt) < min(in_name)

    assert not alt_left_of_name(text)  # today: «اليسار+Alt»
    assert alt_left_of_name(shortcut_display(text))


def test_the_application_style_hides_mnemonic_underlines(app):
    style = QApplication.instance().style()
    assert isinstance(style, ArabicStyle)
    assert style.styleHint(QStyle.StyleHint.SH_UnderlineShortcut) == 0
    # the rest is the platform's own style
    assert style.baseStyle().name() and not isinstance(style.baseStyle(), ArabicStyle)


def test_shortcut_display_is_idempotent_and_leaves_empty_text(app):
    once = shortcut_display("Ctrl+K")
    assert shortcut_display(once) == once
    assert shortcut_display("") == ""


def test_a_left_to_right_combo_draws_its_path_left_to_right(app, qtbot):
    """The file dialog's folder box: «/root», not «root/». A leading LEFT-TO-RIGHT
    MARK is known to show a path the right way round in a right-to-left line;
    the combo's own text must look the same."""
    from PySide6.QtWidgets import QComboBox

    from PySide6.QtWidgets import QStyleFactory

    plain_style = QStyleFactory.create(QApplication.style().baseStyle().name())

    def shot(text: str, plain: bool = False):
        box = QComboBox()
        qtbot.addWidget(box)
        if plain:
            box.setStyle(plain_style)
        box.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        box.addItem(text)
        box.resize(160, 30)
        return box.grab().toImage()

    assert shot("/tmp/مجلد") == shot("\u200e/tmp/مجلد")
    # the platform style alone draws it «مجلد/tmp/»: the check tells them apart
    assert shot("/tmp/مجلد", plain=True) != shot("\u200e/tmp/مجلد", plain=True)


def test_keep_plain_gives_a_scroll_area_and_its_parts_the_base_style(app, qtbot):
    from PySide6.QtWidgets import QMenu, QPushButton, QTreeView

    from desktop.app.style import keep_plain, plain_style

    tree = QTreeView()
    qtbot.addWidget(tree)
    button = QPushButton("&نعم", tree)
    keep_plain(tree)
    plain = plain_style(app)
    assert plain is plain_style(app) and not isinstance(plain, ArabicStyle)
    assert plain.name() == app.style().baseStyle().name()
    for part in (tree, tree.viewport(), tree.verticalScrollBar(), tree.horizontalScrollBar(),
                 tree.header(), tree.header().verticalScrollBar()):
        assert part.style() is plain
    # the plain style would underline: what it is not given keeps the Arabic style
    assert plain.styleHint(QStyle.StyleHint.SH_UnderlineShortcut) == 1
    for kept in (button, QMenu(tree)):
        assert kept.style() is app.style()
        assert kept.style().styleHint(QStyle.StyleHint.SH_UnderlineShortcut, None, kept) == 0
