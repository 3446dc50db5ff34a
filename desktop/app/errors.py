"""Problems the user must see: an Arabic dialog, a line on stderr, a clean exit.

Never a traceback: each case has its own message that says what happened and
what to do.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.content.store import StoreError

#: Exit status for each problem (documented in ``python -m desktop --help``).
EXIT_NO_DATABASE = 2
EXIT_CORRUPT_DATABASE = 3
EXIT_SCHEMA = 4
EXIT_UNKNOWN_LOCATOR = 5

_STORE_MESSAGES = {
    "missing": ("قاعدة البيانات غير موجودة",
                "تعذّر العثور على قاعدة بيانات الخلاصة:\n{path}\n\n"
                "أنشئها بالأمر: python -m desktop.content build",
                EXIT_NO_DATABASE),
    "corrupt": ("قاعدة البيانات تالفة",
                "الملف التالي ليس قاعدة بيانات صالحة للخلاصة أو أنه تالف:\n{path}\n\n"
                "أعد إنشاءه بالأمر: python -m desktop.content build",
                EXIT_CORRUPT_DATABASE),
    "schema": ("إصدار قاعدة البيانات غير مدعوم",
               "قاعدة البيانات التالية أُنشئت بإصدار مختلف من البرنامج ولا يمكن قراءتها:\n"
               "{path}\n\nأعد إنشاءها بالأمر: python -m desktop.content build",
               EXIT_SCHEMA),
}


def store_error_message(error: StoreError) -> tuple[str, str, int]:
    """(title, Arabic text, exit status) for a database that cannot be opened."""
    title, text, status = _STORE_MESSAGES.get(error.kind, _STORE_MESSAGES["corrupt"])
    return title, text.format(path=error.path), status


def unknown_locator_message(locator: str) -> tuple[str, str]:
    return ("موضع غير معروف",
            f"لم يُعثر في الخلاصة على الموضع المطلوب:\n{locator}\n\n"
            "أمثلة على مواضع صحيحة: «الجزء ألف سابعاً-13»، «A07/13».")


def report(title: str, text: str, detail: str = "", *, dialog: bool = True) -> None:
    """Show ``text`` in an Arabic message box (when a GUI exists) and on stderr."""
    print(f"compendium: {detail or text}", file=sys.stderr)
    if not dialog or QApplication.instance() is None:
        return
    box = QMessageBox(QMessageBox.Icon.Critical, title, text, QMessageBox.StandardButton.Ok)
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


def unexpected_error(exc_type, exc, tb) -> None:
    """An exception nobody caught (in a Qt slot, say): the traceback goes to
    stderr for a bug report, the user gets an Arabic note and the app goes on."""
    import traceback

    traceback.print_exception(exc_type, exc, tb, file=sys.stderr)
    if issubclass(exc_type, KeyboardInterrupt):
        return
    report("خطأ غير متوقع",
           "حدث خطأ غير متوقع أثناء تنفيذ هذا الإجراء، ولم يُفقد شيء من البيانات.\n"
           "يمكنك متابعة العمل؛ وتفاصيل الخطأ مطبوعة في نافذة الأوامر.",
           f"unexpected error: {exc_type.__name__}: {exc}")


def install_excepthook() -> None:
    sys.excepthook = unexpected_error

