"""Qt's two parent() of a tree model over Python items, answered once."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QObject

from desktop.app.item_model import ItemModel


class _Two(ItemModel):
    """Two rows; the second holds one child."""

    def __init__(self, owner=None):
        super().__init__(owner)
        self.top = ["a", "b"]
        self.child = ["b.1"]

    def index(self, row, column, parent=QModelIndex()):
        if not parent.isValid():
            return self.createIndex(row, column, self.top[row])
        return self.createIndex(row, column, self.child[row])

    def rowCount(self, parent=QModelIndex()):
        return 2 if not parent.isValid() else (1 if parent.internalPointer() == "b" else 0)

    def columnCount(self, parent=QModelIndex()):
        return 1

    def data(self, index, role=0):
        return index.internalPointer()

    def parent_index(self, item):
        return self.createIndex(1, 0, self.top[1]) if item in self.child else QModelIndex()


def test_an_items_parent_and_the_models_owner(app):
    owner = QObject()
    model = _Two(owner)
    assert model.parent() is owner
    child = model.index(0, 0, model.index(1, 0))
    assert model.parent(child).internalPointer() == "b"
    assert not model.parent(model.index(0, 0)).isValid()
    assert not model.parent(QModelIndex()).isValid()
