"""Problems the user must see: an Arabic dialog, a line on stderr, a clean exit.

Never a traceback: each case has its own message that says what happened and
what to do.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop import cli, log

if TYPE_CHECKING:  # the boxes' classes load when one is shown, not before the first paint
    from types import TracebackType

    from PySide6.QtWidgets import QMessageBox

    from desktop.content.store import StoreError

#: Exit status for each problem: the convention of every command (desktop.cli,
#: listed in the README).
EXIT_NO_DATABASE = cli.EXIT_NO_DATABASE
EXIT_CORRUPT_DATABASE = cli.EXIT_CORRUPT_DATABASE
EXIT_SCHEMA = cli.EXIT_SCHEMA
EXIT_UNKNOWN_LOCATOR = cli.EXIT_UNKNOWN_LOCATOR


def store_error_message(error: StoreError) -> tuple[str, str, int]:
    """(title, Arabic text, exit status) for a database that cannot be opened."""
    return error.title, error.arabic, cli.database_status(error)


def unknown_locator_message(locator: str) -> tuple[str, str]:
    return ("موضع غير معروف",
            f"لم يُعثر في الخلاصة على الموضع المطلوب:\n{locator}\n\n"
            "أمثلة على مواضع صحيحة: «الجزء ألف سابعاً-13»، «A07/13».")


def report(title: str, text: str, detail: str = "", *, dialog: bool = True) -> None:
    """Show ``text`` in an Arabic message box (when a GUI exists) and on stderr."""
    cli.say("compendium", text, detail)
    if not dialog or QApplication.instance() is None:
        return
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Critical, title, text, QMessageBox.StandardButton.Ok)
    box.setTextFormat(Qt.TextFormat.PlainText)   # paths and locators are user text
    box.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    box.setObjectName("compendium-error")
    show_box(box)


def show_box(box: QMessageBox) -> None:
    """Run the dialog (a hook tests replace to read the message without blocking)."""
    box.exec()


def report_store_error(error: StoreError, *, dialog: bool = True) -> int:
    title, text, status = store_error_message(error)
    report(title, text, str(error), dialog=dialog)
    return status


def report_unknown_locator(locator: str, *, dialog: bool = True) -> int:
    title, text = unknown_locator_message(locator)
    report(title, text, f"unknown locator: {locator}", dialog=dialog)
    return EXIT_UNKNOWN_LOCATOR


def unexpected_error(exc_type: type[BaseException], exc: BaseException,
                     tb: TracebackType | None) -> None:
    """An exception nobody caught (in a Qt slot, say): the traceback goes to
    the log file (and stderr), the user gets an Arabic note naming the file,
    with a button copying its last lines, and the app goes on."""
    import logging
    import traceback

    traceback.print_exception(exc_type, exc, tb, file=sys.stderr)
    if issubclass(exc_type, KeyboardInterrupt):
        return
    path = log.setup(crashes=False)
    logging.getLogger("desktop").error("unexpected error", exc_info=(exc_type, exc, tb))
    where = (f"وسُجّلت تفاصيل الخطأ في الملف:\n{path}" if path
             else "وتعذّر تسجيل تفاصيل الخطأ في ملف.")
    text = ("حدث خطأ غير متوقع أثناء تنفيذ هذا الإجراء، ولم يُفقد شيء من البيانات.\n"
            f"يمكنك متابعة العمل؛ {where}")
    detail = f"unexpected error: {exc_type.__name__}: {exc}"
    print(f"compendium: {detail}", file=sys.stderr)
    if QApplication.instance() is None:
        return
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Critical, "خطأ غير متوقع", text,
                      QMessageBox.StandardButton.Ok)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    box.setObjectName("compendium-error")
    copy = box.addButton("نسخ آخر سطور السجل", QMessageBox.ButtonRole.ActionRole)
    copy.clicked.connect(lambda: QApplication.clipboard().setText(log.last_lines()))
    show_box(box)


def install_excepthook() -> None:
    sys.excepthook = unexpected_error
