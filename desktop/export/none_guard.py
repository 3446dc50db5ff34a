"""A guard against a reference-count bug of PySide6 6.12 on Python 3.11.

Measured here: every call of a C++ method that returns void (QPainter.save,
QLabel.setText, QListWidget.clear ...) drops one reference to ``None``
without having taken it. Python 3.12 made None immortal, so there it is
harmless; on 3.11 None's count (about 5 500 after start-up) reaches zero
after a few thousand calls and the interpreter aborts with "Fatal Python
error: none_dealloc". Printing 50 pages makes that many calls.

``guarded()`` measures None's count around a block of Qt calls and gives
back what the block lost; ``top_up()`` gives a whole process head-room once.
The references are given back by raising None's count in place (its
``ob_refcnt``, the first field of every CPython object): references held in
a list would be released again when the interpreter shuts down, and the
count would then still reach zero. Both do nothing on Python >= 3.12.
"""

from __future__ import annotations

import contextlib
import ctypes
import sys
from typing import Iterator

AFFECTED = sys.version_info < (3, 12)

#: How many references were given back so far (for tests and benchmarks).
given_back = 0


def _give_back(count: int) -> None:
    global given_back
    if count > 0:
        ctypes.c_ssize_t.from_address(id(None)).value += count
        given_back += count


@contextlib.contextmanager
def guarded() -> Iterator[None]:
    """Run a block of Qt calls and restore the references to None it lost."""
    if not AFFECTED:
        yield
        return
    before = sys.getrefcount(None)
    try:
        yield
    finally:
        _give_back(before - sys.getrefcount(None))


def top_up(minimum: int = 1_000_000) -> int:
    """Make sure None has at least ``minimum`` references (8 bytes each);
    returns how many were added."""
    if not AFFECTED:
        return 0
    missing = minimum - sys.getrefcount(None)
    _give_back(missing)
    return max(0, missing)
