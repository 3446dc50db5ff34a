"""What the user-data store (store.SelectionStore) gives the parts mixed
into it (bookmarks.py, notes.py): its connection and its one-transaction,
error-guarded writes."""

from __future__ import annotations

import sqlite3
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING


class StorePart:
    _conn: sqlite3.Connection

    if TYPE_CHECKING:
        def _transaction(self) -> AbstractContextManager[sqlite3.Connection]: ...

        def _guarded(self, action: str) -> AbstractContextManager[object, None]: ...
