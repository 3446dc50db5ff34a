"""The Qt binding the app is pinned to keeps Python's reference counts whole.

PySide6 6.12.0 drops a reference to None on every call of a method that
returns void; on Python 3.11 (None is mortal there) the interpreter aborts
with "none_dealloc" after a few thousand calls -- a long reading session, or
printing 50 pages. pyproject.toml pins the binding below 6.12; this test
fails on any binding that brings the bug back.
"""

import sys

from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QLabel


def test_void_qt_calls_do_not_drop_references_to_none(qtbot):
    label = QLabel()
    qtbot.addWidget(label)
    image = QImage(8, 8, QImage.Format_RGB32)
    before = sys.getrefcount(None)
    painter = QPainter(image)
    for _ in range(500):
        label.setText("نص")
        painter.save()
        painter.restore()
    painter.end()
    assert sys.getrefcount(None) >= before - 10
