"""The Qt widgets: a thin layer over desktop.content (views never run SQL)."""

from __future__ import annotations

import sys


def _uses_pyside(module: object) -> bool:
    """Whether a module's source names PySide6, read and let go. The app's
    own modules are not read (~1 ms of the start for ~80 files, issue 17):
    none selects a ``__feature__``, so PySide6's answer for them, 0 ("no
    feature") or -1 ("ignore"), makes no difference; 0 is the one it gives
    a module that uses it."""
    name = getattr(module, "__name__", "")
    if name == "desktop" or name.startswith("desktop."):
        return True
    path = getattr(module, "__file__", None)
    if not isinstance(path, str) or not path.endswith(".py"):
        return False  # built in, compiled, or frozen: no source (as before)
    try:
        with open(path, "rb") as source:
            return b"PySide6" in source.read()
    except OSError:
        return False


def _lighter_feature_scan() -> None:
    """PySide6 reads the source of every module imported after it (looking
    for ``from __feature__ import``) with inspect.getsource, and linecache
    then keeps every line of every file: 4 MiB of the app's resident memory
    for nothing (measured: 92.8 -> 88.6 MiB). The same test, reading the
    file without keeping it. Left alone if PySide6 changes its inside."""
    import PySide6.QtCore  # noqa: F401  (sets shibokensupport up)

    feature = sys.modules.get("shibokensupport.feature")
    if feature is not None and callable(getattr(feature, "_mod_uses_pyside", None)):
        setattr(feature, "_mod_uses_pyside", _uses_pyside)


_lighter_feature_scan()
