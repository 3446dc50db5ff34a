"""Standard output that never fails on Arabic text.

A piped stdout on Windows gets the ANSI code page (cp1252 on a Western
system), and the first ``print`` of an Arabic line raises
``UnicodeEncodeError``. Every command-line entry point calls
:func:`utf8_streams` first, so stdout and stderr write UTF-8 (what the
Windows console and every pipe reader of this program expect), and any
character that still cannot be written becomes a replacement mark instead of
a traceback. The release workflows also set ``PYTHONUTF8=1``.
"""

from __future__ import annotations

import sys


def utf8_streams() -> None:
    """Switch sys.stdout and sys.stderr to UTF-8 with errors="replace".

    Streams that are missing (a windowed frozen app has none) or cannot be
    reconfigured (a test's capture object) are left as they are.
    """
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name, None)
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is None:
            continue
        try:
            reconfigure(encoding="utf-8", errors="replace")
        except (ValueError, OSError):  # a closed or detached stream: nothing to fix
            pass
