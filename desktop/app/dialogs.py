"""Message boxes that show their text as typed (``Qt.PlainText``), and the
button row of the app's own dialogs.

QMessageBox's static functions guess rich text from the first line, so a
selection named ``<img src="/some/local.png">`` or a path in an error would
be rendered as HTML (and load a local image). These take the same arguments
as QMessageBox.warning/question/information and never interpret the text.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox, QWidget

Button = QMessageBox.StandardButton


def _box(icon: QMessageBox.Icon, parent: QWidget | None, title: str, text: str,
         buttons: Button, default: Button | None) -> Button:
    box = QMessageBox(icon, title, text, buttons, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    if default is not None:
        box.setDefaultButton(default)
    return Button(box.exec())


def warning(parent: QWidget | None, title: str, text: str, buttons: Button = Button.Ok,
            default: Button | None = None) -> Button:
    return _box(QMessageBox.Icon.Warning, parent, title, text, buttons, default)


def information(parent: QWidget | None, title: str, text: str, buttons: Button = Button.Ok,
                default: Button | None = None) -> Button:
    return _box(QMessageBox.Icon.Information, parent, title, text, buttons, default)


def question(parent: QWidget | None, title: str, text: str,
             buttons: Button = Button.Yes | Button.No, default: Button | None = None) -> Button:
    return _box(QMessageBox.Icon.Question, parent, title, text, buttons, default)


def accept_cancel(dialog: QDialog, accept: QDialogButtonBox.StandardButton,
                  accept_text: str) -> QDialogButtonBox:
    """The dialog's buttons: ``accept`` (shown as ``accept_text``) and «إلغاء»,
    wired to accept() and reject()."""
    buttons = QDialogButtonBox(accept | QDialogButtonBox.StandardButton.Cancel, dialog)
    buttons.button(accept).setText(accept_text)
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("إلغاء")
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons
