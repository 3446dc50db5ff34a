"""The app's dialog helpers: message boxes as plain text, and the
accept/«إلغاء» button row of its own dialogs."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox

from desktop.app import dialogs


def test_accept_cancel_names_both_buttons_in_arabic_and_wires_them(qtbot):
    dialog = QDialog()
    qtbot.addWidget(dialog)
    buttons = dialogs.accept_cancel(dialog, QDialogButtonBox.StandardButton.Save, "حفظ")
    save = buttons.button(QDialogButtonBox.StandardButton.Save)
    cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
    assert (save.text(), cancel.text()) == ("حفظ", "إلغاء")
    assert buttons.button(QDialogButtonBox.StandardButton.Ok) is None
    dialog.open()
    save.click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    dialog.open()
    cancel.click()
    assert dialog.result() == QDialog.DialogCode.Rejected
