"""A tree model over Python items (each index's internalPointer()): Qt's two
parent() (the index's parent, and QObject's owner) answered in one place;
a model says only which index an item's parent has (``parent_index``)."""

from __future__ import annotations

from typing import Any, overload

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex


class ItemModel(QAbstractItemModel):
    @overload
    def parent(self) -> QObject | None: ...

    @overload
    def parent(self, index: QModelIndex | QPersistentModelIndex) -> QModelIndex: ...

    def parent(self, index: QModelIndex | QPersistentModelIndex | None = None
               ) -> QModelIndex | QObject | None:
        if index is None:       # QObject.parent(): the model's owner
            return super().parent()
        if not index.isValid():
            return QModelIndex()
        return self.parent_index(index.internalPointer())

    def parent_index(self, item: Any) -> QModelIndex:
        """The index of ``item``'s parent (an invalid index at the top)."""
        raise NotImplementedError
