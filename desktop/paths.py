"""Where the app's files live: in a clone, in a frozen bundle, in a pip install.

One helper so that nothing else needs to know how the app was installed:

- a clone (or an editable install): ``data/`` and ``resources/`` beside the
  ``desktop`` package; the database is ``data/compendium.sqlite``;
- a PyInstaller one-folder bundle: the same layout under ``sys._MEIPASS``,
  the database built at packaging time;
- a wheel (``pip install .``, ``pipx install .``): the sources, corrections,
  fonts and icons travel as package data under ``desktop/_data`` (setup.py
  copies them there) and are read through importlib.resources; the database
  is built from them on first start into the user's cache folder
  (desktop.content.first_start), one file per app version.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

APP_ID = "unodc-ta-compendium"
#: Package data folder inside the installed ``desktop`` package (a wheel).
PACKAGE_DATA = "_data"

_PACKAGE = Path(__file__).resolve().parent


def frozen() -> bool:
    return bool(getattr(sys, "_MEIPASS", None))


def installed() -> bool:
    """True for a wheel install: the package carries its data (a clone and an
    editable install do not; they read the clone's folders)."""
    return not frozen() and (_PACKAGE / PACKAGE_DATA).is_dir()


def root() -> Path:
    """The folder that holds ``data/`` and ``resources/``."""
    if frozen():
        return Path(getattr(sys, "_MEIPASS"))   # set by PyInstaller's bootloader
    if installed():
        # A wheel is unpacked on disk, so the traversable is a real folder.
        return Path(str(package_files("desktop").joinpath(PACKAGE_DATA)))
    return _PACKAGE.parent


def package_files(package: str) -> Traversable:
    """importlib.resources.files, imported when a wheel needs it: ~3 ms of
    imports a clone and the frozen bundle never use (the first paint waits
    for every import before it)."""
    from importlib import resources

    return resources.files(package)


def resource(*parts: str) -> Path:
    return root().joinpath("resources", *parts)


def data(*parts: str) -> Path:
    return root().joinpath("data", *parts)


def default_db() -> Path:
    """The content database: built into the clone or the bundle, or, for a
    wheel install, in the user's cache folder (see module docstring)."""
    if installed():
        from platformdirs import user_cache_path

        from desktop import __version__
        return user_cache_path(APP_ID, appauthor=False) / f"compendium-{__version__}.sqlite"
    return data("compendium.sqlite")


def sources_dir() -> Path:
    return data("sources")


def corrections_dir() -> Path:
    return data("corrections")
