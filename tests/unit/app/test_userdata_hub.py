"""desktop.app.userdata_hub: the user's store behind one "changed" signal."""

from __future__ import annotations

from PySide6.QtCore import QObject

from desktop.app.userdata_hub import UserDataHub
from desktop.userdata import SelectionStore


def test_the_hub_keeps_the_store_and_tells_its_listeners(qtbot):
    owner = QObject()
    with SelectionStore(":memory:") as store:
        hub = UserDataHub(store, owner)
        assert hub.store is store and hub.parent() is owner
        with qtbot.waitSignal(hub.changed, timeout=1000):
            hub.changed.emit()
