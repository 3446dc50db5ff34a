"""The application style: the platform's, with two fixes for Arabic menus.

Shortcuts read left to right. A right-to-left menu draws its shortcut column
as right-to-left text, so ``Ctrl++`` showed as «++Ctrl», ``Ctrl+\\`` as
«\\+Ctrl» and ``Alt+Left`` (Qt's Arabic «Alt+اليسار») as «اليسار+Alt»: the
trailing symbols and the Arabic key name move to the far end. Each
shortcut is drawn inside a LEFT-TO-RIGHT ISOLATE (U+2066 … U+2069), which
Qt's bidi honours when the paragraph direction is forced right-to-left as
it is here: the key combination keeps its order, the column keeps its place.

Left-to-right combo boxes (the file dialog's folder box, desktop.app.file_dialogs)
draw their text left to right too, in the same isolate.

No mnemonic underlines. An underline under a joined Arabic letter is read as
part of it (under «ح» it reads as the dot of «ج»; under «ب» it swallows the
dot). The style never draws them, in the app's texts nor in Qt's translated
dialogs («ا&حفظ»). The ``&`` marks still work as Alt+letter, and the menu
bar is reached with F10 or Alt alone (desktop.app.main_window).

The interactive start installs it on the first idle turn after the first
paint (desktop.app.application.configure: a Python style costs 15-20 ms of
PySide6 type building before the first paint); until then the menu bar
shows its titles without the ``&`` marks, as this style draws them.

Where neither fix can matter, Qt's style is kept in C++ (keep_plain): the
contents tree, the reader, the panels' lists and their scroll bars have no
menu items and no ``&`` marks, yet they made most of the style's calls
(~290 Python ``styleHint`` calls per paragraph opened, 209 of them from
scroll bars). The style stays application-wide for the rest: a widget's
own style is not inherited by its children nor by the menus and dialogs Qt
builds itself (the standard context menus' «&تراجع\tCtrl+Z», the message
boxes' «&نعم» / «&لا»), so a per-menu style would miss those.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (QAbstractScrollArea, QApplication, QProxyStyle, QStyle, QStyleFactory,
                               QStyleHintReturn, QStyleOption, QStyleOptionComboBox,
                               QStyleOptionMenuItem, QTreeView, QWidget)

from desktop.app.qt_viewport import wrap_viewport

LRI, PDI = "\u2066", "\u2069"


def shortcut_display(text: str) -> str:
    """A shortcut's text as drawn in a right-to-left menu: left to right."""
    if not text or text.startswith(LRI):
        return text
    return LRI + text + PDI


class ArabicStyle(QProxyStyle):
    def drawControl(self, element: QStyle.ControlElement, option: QStyleOption, painter: QPainter,
                    widget: QWidget | None = None) -> None:
        if element == QStyle.ControlElement.CE_MenuItem \
                and isinstance(option, QStyleOptionMenuItem) and "\t" in option.text:
            head, shortcut = option.text.split("\t", 1)
            option = QStyleOptionMenuItem(option)
            option.text = head + "\t" + shortcut_display(shortcut)
        elif element == QStyle.ControlElement.CE_ComboBoxLabel \
                and isinstance(option, QStyleOptionComboBox) \
                and option.direction == Qt.LayoutDirection.LeftToRight and option.currentText:
            # a combo laid out left to right (the file dialog's folder) still
            # had its text drawn right to left: «/root» showed as «root/»
            option = QStyleOptionComboBox(option)
            option.currentText = shortcut_display(option.currentText)
        super().drawControl(element, option, painter, widget)

    def styleHint(self, hint: QStyle.StyleHint, option: QStyleOption | None = None,
                  widget: QWidget | None = None, data: QStyleHintReturn | None = None) -> int:
        if hint == QStyle.StyleHint.SH_UnderlineShortcut:
            return 0
        return super().styleHint(hint, option, widget, data)


def install_style(app: QApplication) -> None:
    """Wrap the application's style once."""
    if not isinstance(app.style(), ArabicStyle):
        app.setStyle(ArabicStyle(app.style().name()))


def plain_style(app: QApplication) -> QStyle:
    """The platform's style without the Arabic fixes (one C++ instance, owned by the app)."""
    found = app.findChild(QStyle, PLAIN_STYLE)
    if isinstance(found, QStyle):
        return found
    style = app.style()
    base = style.baseStyle() if isinstance(style, QProxyStyle) else style
    plain = QStyleFactory.create(base.name()) or QStyleFactory.create("fusion")
    plain.setObjectName(PLAIN_STYLE)
    plain.setParent(app)
    return plain


PLAIN_STYLE = "compendium-plain-style"


def keep_plain(*widgets: QWidget) -> None:
    """Give `widgets` (and a scroll area's scroll bars, viewport, header) the
    plain style: widgets with no menu items and no ``&`` marks, whose many
    style calls need not go through Python. Their menus are widgets of
    their own and keep the application's Arabic style."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    plain = plain_style(app)
    parts = list(widgets)
    while parts:
        part = parts.pop()
        if part.style() is not plain:
            part.setStyle(plain)
        if isinstance(part, QAbstractScrollArea):
            # the viewport found by name: an unwrapped viewport() call makes
            # shiboken build ~90 widget types first (desktop.app.qt_viewport)
            parts += [part.verticalScrollBar(), part.horizontalScrollBar(),
                      wrap_viewport(part) or part.viewport()]
        if isinstance(part, QTreeView):
            parts.append(part.header())  # a scroll area too, even hidden
