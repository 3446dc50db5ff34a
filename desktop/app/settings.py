"""What the app remembers between runs (QSettings): geometry, splitters,
last paragraph, zoom, the reading preferences. QSettings writes its file
atomically (a new file renamed over the old, ``isAtomicSyncRequired``).

Tests pass their own file path so they never touch the user's settings.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

DEFAULT_ZOOM = 15
MIN_ZOOM = 9
MAX_ZOOM = 72


class AppSettings:
    def __init__(self, path: Path | str | None = None):
        if path is None:
            self.qsettings = QSettings()
        else:
            self.qsettings = QSettings(str(path), QSettings.Format.IniFormat)

    def _bytes(self, key: str) -> QByteArray | None:
        value = self.qsettings.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    # window

    def geometry(self) -> QByteArray | None:
        return self._bytes("window/geometry")

    def window_state(self) -> QByteArray | None:
        return self._bytes("window/state")

    def splitter(self, name: str) -> QByteArray | None:
        return self._bytes(f"splitters/{name}")

    def save_window(self, geometry: QByteArray, state: QByteArray,
                    splitters: dict[str, QByteArray]) -> None:
        self.qsettings.setValue("window/geometry", geometry)
        self.qsettings.setValue("window/state", state)
        for name, value in splitters.items():
            self.qsettings.setValue(f"splitters/{name}", value)

    # reading

    def last_paragraph(self) -> str | None:
        value = self.qsettings.value("reader/last_paragraph")
        return str(value) if value else None

    def set_last_paragraph(self, paragraph_id: str | None) -> None:
        self.qsettings.setValue("reader/last_paragraph", paragraph_id or "")

    def zoom(self) -> int:
        raw = self.qsettings.value("reader/zoom", DEFAULT_ZOOM)
        try:
            value = int(raw) if isinstance(raw, (int, float, str)) else DEFAULT_ZOOM
        except ValueError:
            value = DEFAULT_ZOOM
        return max(MIN_ZOOM, min(MAX_ZOOM, value))

    def set_zoom(self, point_size: int) -> None:
        self.qsettings.setValue("reader/zoom", int(point_size))

    # preferences (desktop.app.preferences validates what is read back)

    def preference_values(self, keys: Iterable[str]) -> dict[str, object]:
        """The stored values of these keys, as found (absent keys left out)."""
        return {key: self.qsettings.value(key) for key in keys if self.qsettings.contains(key)}

    def set_preference_values(self, values: dict[str, object]) -> None:
        """Store the values and write the file at once (QSettings writes
        a whole new file and renames it over the old one)."""
        for key, value in values.items():
            self.qsettings.setValue(key, value)
        self.qsettings.sync()

    def sync(self) -> None:
        self.qsettings.sync()
