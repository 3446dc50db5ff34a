"""The user's own things in the window: bookmarks, notes and the exchange
file, all over the one user-data store the selection panel opened.

``install_personal(window)`` (after install_selection) puts
``window.userdata`` (a UserDataHub) on the window and adds the File menu's
import/export. Panels that show the user's data listen to ``changed``.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMessageBox

EXCHANGE_FILTER = "بيانات شخصية (*.json)"


class UserDataHub(QObject):
    """The user-data store with one signal for "something the user keeps changed"."""

    #: bookmarks, notes or named selections changed (panels reload)
    changed = Signal()

    def __init__(self, store, parent=None):
        super().__init__(parent)
        self.store = store


def install_personal(window) -> UserDataHub | None:
    panel = getattr(window, "selection_panel", None)
    if panel is None:  # no user-data store opened (a test's bare window)
        return None
    hub = UserDataHub(panel.selection, window)
    window.userdata = hub
    menu = window.menu("file")
    before = window.quit_action if window.quit_action in menu.actions() else None

    export = QAction("تصدير البيانات الشخصية…", window)
    export.setObjectName("action-export-userdata")
    export.setToolTip("العلامات المرجعية والملاحظات والمختارات المحفوظة في ملف واحد")
    export.triggered.connect(lambda: export_userdata(window))
    imp = QAction("استيراد بيانات شخصية…", window)
    imp.setObjectName("action-import-userdata")
    imp.triggered.connect(lambda: import_userdata(window))
    for action in (export, imp):
        menu.insertAction(before, action)
    menu.insertSeparator(before)
    window.export_userdata_action, window.import_userdata_action = export, imp
    return hub


def _dialog_options():
    # Qt's own dialog: translated by qtbase_ar and laid out right-to-left
    return QFileDialog.Option.DontUseNativeDialog


def export_userdata(window, path: str | None = None) -> Path | None:
    """Write bookmarks, notes and named selections to a JSON file."""
    from desktop.userdata.exchange import ExchangeError, export_file

    if path is None:
        path, _ = QFileDialog.getSaveFileName(
            window, "تصدير البيانات الشخصية", str(Path.home() / "بياناتي.json"),
            EXCHANGE_FILTER, options=_dialog_options())
        if not path:
            return None
        if not path.lower().endswith(".json"):
            path += ".json"
    try:
        document = export_file(window.userdata.store, path)
    except ExchangeError as exc:
        QMessageBox.warning(window, "تصدير البيانات الشخصية", str(exc))
        return None
    window.statusBar().showMessage(
        f"صُدّرت {len(document['bookmarks'])} علامة مرجعية و{len(document['notes'])} ملاحظة "
        f"و{len(document['selections'])} مختارات إلى {path}", 6000)
    return Path(path)


def import_userdata(window, path: str | None = None):
    """Merge a colleague's file in; says what was added or why nothing was."""
    from desktop.userdata import UserDataError
    from desktop.userdata.exchange import ExchangeError, import_file

    if path is None:
        path, _ = QFileDialog.getOpenFileName(
            window, "استيراد بيانات شخصية", str(Path.home()), EXCHANGE_FILTER,
            options=_dialog_options())
        if not path:
            return None
    store = window.store

    def known(ids):
        return {pid for pid in ids if store.paragraph(pid) is not None}

    try:
        report = import_file(window.userdata.store, path, known)
    except (ExchangeError, UserDataError) as exc:
        QMessageBox.warning(window, "استيراد بيانات شخصية", str(exc))
        return None
    window.userdata.changed.emit()
    QMessageBox.information(window, "استيراد بيانات شخصية", "\n".join(report.lines()))
    return report
