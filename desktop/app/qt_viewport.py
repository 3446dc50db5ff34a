"""A scroll area's viewport, wrapped for Python without the type lookup.

Qt makes a scroll area's viewport (QTextBrowser, QTreeView, ...) itself.
The first ``viewport()`` call from Python hands shiboken a C++ QWidget it
has no wrapper for; to find its most derived Python type shiboken builds
the Python types of all QWidget classes not built yet (~10 ms, ~40 to 50
classes: dialogs, spin boxes, ...), which the first paint does not need.
``findChild(QWidget, name)`` wraps the same widget as the plain QWidget it
is, without that lookup; while the wrapper lives, ``viewport()`` returns it.
"""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractScrollArea, QWidget

#: the object name Qt gives every scroll area's viewport
VIEWPORT_NAME = "qt_scrollarea_viewport"


def wrap_viewport(area: QAbstractScrollArea) -> QWidget | None:
    """``area``'s viewport as a QWidget (None if Qt named it otherwise);
    the caller keeps it, so that later ``viewport()`` calls find it."""
    return area.findChild(QWidget, VIEWPORT_NAME)
