"""The user-data store with one signal for "something the user keeps changed".

``install_personal`` (desktop.app.personal) makes one and puts it on the
window as ``window.userdata``; the bookmarks and notes panels and the
reader's note marks listen to ``changed``. A module of its own so that they
can name its type without importing the feature that installs them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:
    from desktop.userdata import SelectionStore


class UserDataHub(QObject):
    """The user-data store with one signal for "something the user keeps changed"."""

    #: bookmarks, notes or named selections changed (panels reload)
    changed = Signal()

    def __init__(self, store: SelectionStore, parent: QObject | None = None):
        super().__init__(parent)
        self.store = store
