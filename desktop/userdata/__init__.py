"""The user's own data (selections, bookmarks, notes), kept apart from the
read-only content.

Qt-free: the app passes in the folder (QStandardPaths.AppDataLocation).
"""

from desktop.userdata.bookmarks import Bookmark, FolderExists  # noqa: F401
from desktop.userdata.notes import Note  # noqa: F401
from desktop.userdata.recovery import Recovery, open_or_recover  # noqa: F401
from desktop.userdata.store import (  # noqa: F401
    DEFAULT_FILENAME, NamedSelection, SelectionExists, SelectionStore, UserDataDamaged,
    UserDataError, default_path,
)
