"""Where the app's files live, in the source tree and in a frozen bundle.

One helper so that nothing else needs to know whether it runs from a clone
or from a PyInstaller one-folder bundle (whose files sit under
``sys._MEIPASS``).
"""

from __future__ import annotations

import sys
from pathlib import Path


def root() -> Path:
    """The folder that holds ``data/`` and ``resources/``."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen)
    return Path(__file__).resolve().parent.parent


def resource(*parts: str) -> Path:
    return root().joinpath("resources", *parts)


def data(*parts: str) -> Path:
    return root().joinpath("data", *parts)


def default_db() -> Path:
    """The embedded content database the build produces."""
    return data("compendium.sqlite")


def sources_dir() -> Path:
    return data("sources")


def corrections_dir() -> Path:
    return data("corrections")
