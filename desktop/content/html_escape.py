"""``escape``: the standard library's ``html.escape``, without the ``html`` package.

Importing ``html`` loads ``html.entities`` as well: the table ``html.unescape``
reads (2,231 entity names), about 0.3 MiB resident that the reader, which
only escapes, held from its start (issue 17). Same result as ``html.escape``
for every text (tests/unit/content/test_html_escape.py).
"""

from __future__ import annotations


def escape(text: str, quote: bool = True) -> str:
    """``&``, ``<`` and ``>`` as entities; with `quote`, ``"`` and ``'`` too."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    if quote:
        text = text.replace('"', "&quot;").replace("'", "&#x27;")
    return text
