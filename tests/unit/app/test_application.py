"""desktop.app.application: the QApplication is right to left, Arabic (locale
and Qt's own strings, Qt's own dialogs), with the bundled fonts, whatever the
machine's locale and fonts; configuring again adds nothing."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLocale, Qt, QTranslator
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication

from desktop import APP_NAME
from desktop.app import application
from desktop.app.application import (READER_FAMILY, UI_FAMILY, UI_POINT_SIZE, WINDOW_TITLE,
                                      configure, create_application, install_translations,
                                      reader_font, register_fonts)


def test_the_application_is_right_to_left_and_arabic(qapp):
    app = create_application(["compendium"])
    assert app is QApplication.instance()  # reused, not a second one
    assert app.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert QLocale().language() == QLocale.Language.Arabic
    assert app.testAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs)
    assert (app.applicationName(), app.applicationDisplayName()) == (APP_NAME, WINDOW_TITLE)
    assert not app.windowIcon().isNull()
    assert app.desktopFileName() == "unodc-ta-compendium"
    # Qt's own buttons speak Arabic (qtbase_ar)
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "ألغِ"


def test_the_bundled_fonts_are_used_for_the_interface_and_the_reader(qapp):
    app = create_application()
    families = register_fonts()
    assert {READER_FAMILY, UI_FAMILY} <= set(families)
    assert (app.font().family(), app.font().pointSize()) == (UI_FAMILY, UI_POINT_SIZE)
    font = reader_font(17)
    assert (font.family(), font.pointSize()) == (READER_FAMILY, 17)
    assert READER_FAMILY in QFontDatabase.families()


def test_fonts_are_registered_once(qapp, monkeypatch):
    create_application()
    added = []
    monkeypatch.setattr(QFontDatabase, "addApplicationFont",
                        staticmethod(lambda path: added.append(path) or -1))
    assert READER_FAMILY in register_fonts() and added == []


def test_without_the_reader_font_the_reader_uses_the_interface_font(qapp, monkeypatch):
    monkeypatch.setattr(application, "register_fonts", lambda: [UI_FAMILY])
    assert reader_font(12).family() == UI_FAMILY


def test_configuring_again_installs_no_second_set_of_translations(qapp, monkeypatch):
    app = create_application()
    installed = []
    monkeypatch.setattr(application, "install_translations", lambda a: installed.append(a))
    app.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
    try:
        configure(app)  # right to left again, whatever came before
        assert app.layoutDirection() == Qt.LayoutDirection.RightToLeft
    finally:
        app.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    create_application()
    assert installed == []


def test_a_missing_qt_catalogue_is_logged_and_the_supplement_still_installed(
        qapp, monkeypatch, tmp_path, caplog):
    app = create_application()
    before = set(app.findChildren(QTranslator))
    monkeypatch.setattr(application, "translation_folders", lambda: [str(tmp_path)])
    try:
        with caplog.at_level(logging.WARNING, logger=application.__name__):
            assert install_translations(app) == ["supplement"]
    finally:
        for translator in set(app.findChildren(QTranslator)) - before:
            app.removeTranslator(translator)
            translator.deleteLater()
    assert "qtbase_ar not found" in caplog.text


def test_translation_folders_start_with_qt_own_and_include_the_wheel(qapp):
    import PySide6

    folders = application.translation_folders()
    assert len(folders) == len(set(folders))
    assert any(folder.startswith(str(PySide6.__path__[0])) for folder in folders)


def test_a_deferred_style_waits_and_menu_titles_lose_their_marks_meanwhile(qapp):
    app = create_application()
    style = app.style()
    try:
        app.setProperty(application.STYLE_INSTALLED, False)
        app.setProperty(application.STYLE_PENDING, False)
        configure(app, defer_style=True)
        assert application.style_pending()
        # shown as the style draws them: no & marks, a doubled && is one &
        assert application.menu_title("ا&نتقال") == "انتقال"
        assert application.menu_title("&a && b") == "a & b"
        assert app.style() is style  # nothing replaced yet
    finally:
        application.finish_style(app)
    assert not application.style_pending()
    assert application.menu_title("ا&نتقال") == "ا&نتقال"
    # once installed, a deferred configure (a second window) keeps it
    configure(app, defer_style=True)
    assert not application.style_pending()


def test_the_app_icon_has_every_size_and_loads_no_svg_module(qapp):
    """Drawn from its PNG sizes: an SVG icon would load Qt's SVG module and
    its icon engine at start (1.3 MiB resident; checked in a fresh process)."""
    import subprocess
    import sys
    from pathlib import Path

    from PySide6.QtCore import QSize

    icon = application.app_icon()
    sizes = {(s.width(), s.height()) for s in icon.availableSizes()}
    assert {(n, n) for n in application.ICON_SIZES} <= sizes
    assert not icon.pixmap(QSize(48, 48)).isNull()
    code = ("from desktop.app.application import create_application\n"
            "app = create_application(['t'])\n"
            "assert not app.windowIcon().pixmap(32, 32).isNull()\n"
            "print(any('Svg' in line for line in open('/proc/self/maps')))\n")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=Path(__file__).resolve().parents[3],
                          env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin",
                               "HOME": "/tmp"}, timeout=60)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout.split()[-1] == "False"
