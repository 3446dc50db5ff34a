"""QApplication set-up: right-to-left, Arabic Qt translations, bundled fonts.

Done once, before any window exists, so every widget agrees on direction and
font whatever the machine's locale and installed fonts are.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QSize, Qt, QTranslator
from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication

from desktop import APP_NAME, ORGANIZATION, paths

#: The window title names the compendium.
WINDOW_TITLE = "المساعدة التقنية: الخلاصة الوافية والفهرس المواضيعي"

#: The reader's font (reads best on screen) and the interface/printing font.
READER_FAMILY = "Amiri"
UI_FAMILY = "Noto Sans Arabic"
PRINT_FAMILY = "Noto Sans Arabic"
UI_POINT_SIZE = 10
FONT_FILES = ("Amiri-Regular.ttf", "Amiri-Bold.ttf",
              "NotoSansArabic-Regular.ttf", "NotoSansArabic-Bold.ttf")

#: the app's icon, drawn at these sizes (resources/icons/app-N.png, made from
#: app.svg by packaging/make_icons.py): an SVG icon loads Qt's SVG module
#: and icon engine, 1.3 MiB resident from the start (issue 17)
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)

log = logging.getLogger(__name__)

_registered: list[str] = []


def register_fonts() -> list[str]:
    """Register the bundled fonts once; returns the families Qt loaded."""
    if _registered:
        return _registered
    for name in FONT_FILES:
        font_id = QFontDatabase.addApplicationFont(str(paths.resource("fonts", name)))
        if font_id >= 0:
            for family in QFontDatabase.applicationFontFamilies(font_id):
                if family not in _registered:
                    _registered.append(family)
    return _registered


def translation_folders() -> list[str]:
    """Where Qt's catalogues may be: Qt's own answer, then the wheel's
    (and the frozen bundle's, which keeps the wheel's layout) folder."""
    import PySide6

    folders = [QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)]
    for candidate in (Path(PySide6.__file__).parent / "Qt" / "translations",
                      Path(PySide6.__file__).parent / "translations"):
        if str(candidate) not in folders:
            folders.append(str(candidate))
    return folders


def install_translations(app: QApplication) -> list[str]:
    """Qt's own Arabic strings (dialog buttons, file and print dialogs,
    context menus): qtbase_ar, and under it the strings qtbase_ar misses
    (desktop.app.qt_arabic). Returns the catalogues installed."""
    from desktop.app.qt_arabic import ArabicQtSupplement

    # installed first, so Qt asks it last: it only fills qtbase_ar's gaps
    app.installTranslator(ArabicQtSupplement(app))
    installed = ["supplement"]
    for name in ("qtbase_ar",):
        translator = QTranslator(app)
        if any(translator.load(name, folder) for folder in translation_folders()):
            app.installTranslator(translator)
            installed.append(name)
        else:
            log.warning("Qt catalogue %s not found in %s", name, translation_folders())
    return installed


def create_application(argv: list[str] | None = None, *,
                       defer_style: bool = False) -> QApplication:
    """The QApplication, configured; reuses an existing one (tests).
    ``defer_style``: the interactive start, see configure."""
    existing = QApplication.instance()
    app = (existing if isinstance(existing, QApplication)
           else QApplication(list(argv if argv is not None else sys.argv[:1])))
    configure(app, defer_style=defer_style)
    return app


def configure(app: QApplication, *, defer_style: bool = False) -> None:
    """Direction, locale, Qt's Arabic catalogues, fonts, and the application
    style (desktop.app.style). ``defer_style``: the style is left pending
    (style_pending) and installed by finish_style, which the main window
    calls on its first idle turn after the first paint: a Python style is
    called for every style hint Qt asks, and each first call with a new kind
    of argument makes PySide6 build the Python types of a whole family of Qt
    classes (about 60 enum types for QStyleOption alone) — 15-20 ms of the
    first paint. Meanwhile the menu bar shows its titles without their
    ``&`` marks (menu_title), as the style would draw them."""
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationDisplayName(WINDOW_TITLE)
    # The icon of every window; the desktop file name ties windows to the
    # installed menu entry (packaging/linux), so docks and task bars show its icon.
    app.setWindowIcon(app_icon())
    app.setDesktopFileName("unodc-ta-compendium")
    QLocale.setDefault(QLocale(QLocale.Language.Arabic, QLocale.Country.Egypt))
    if not app.property("compendium_configured"):
        install_translations(app)
        # Qt's own dialogs everywhere (file dialogs included): the platform's
        # speak the system's language, not Arabic, and lay out left-to-right
        app.setAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs, True)
        app.setProperty("compendium_configured", True)
    app.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    if defer_style and not app.property(STYLE_INSTALLED):
        app.setProperty(STYLE_PENDING, True)
    else:
        finish_style(app)
    families = register_fonts()
    if UI_FAMILY in families:
        app.setFont(QFont(UI_FAMILY, UI_POINT_SIZE))


#: application properties: the Arabic style waits for finish_style / is installed
STYLE_PENDING, STYLE_INSTALLED = "compendium_style_pending", "compendium_style_installed"


def style_pending() -> bool:
    """Whether the application style waits for finish_style (the interactive start)."""
    app = QApplication.instance()
    return app is not None and bool(app.property(STYLE_PENDING))


def finish_style(app: QApplication) -> None:
    """Install the application style (once): shortcuts drawn left to right,
    no underlines under Arabic letters."""
    from desktop.app.style import install_style

    install_style(app)
    app.setProperty(STYLE_PENDING, False)
    app.setProperty(STYLE_INSTALLED, True)


def menu_title(title: str) -> str:
    """A menu title as the menu bar shows it while the style is pending:
    without its mnemonic marks (``&&`` stays one ``&``), the text the style
    draws for it, so nothing moves when the style comes."""
    if not style_pending():
        return title
    return "&".join(part.replace("&", "") for part in title.split("&&"))


def app_icon() -> QIcon:
    """The app's icon (windows, task bar, «حول البرنامج»), from its PNG sizes."""
    icon = QIcon()
    for size in ICON_SIZES:
        path = paths.resource("icons", f"app-{size}.png")
        if path.is_file():
            icon.addFile(str(path), QSize(size, size))
    return icon


def reader_font(point_size: int) -> QFont:
    families = register_fonts()
    family = READER_FAMILY if READER_FAMILY in families else UI_FAMILY
    return QFont(family, point_size)
