"""Reviewed fixes to the source texts, applied by the build and reported.

A corrections file is TOML (comments welcome: say why) under data/corrections/:

    # The source prints "تتظر" for "تنظر" (a dropped nun) in meeting 8.
    [[text]]
    file = "compendium.txt"     # the source file the fix applies to
    line = 304                  # 1-based line in that file, as shipped
    find = "أن تتظر"            # exact text on that line (must occur there)
    replace = "أن تنظر"
    reason = "typo in the source: تتظر for تنظر"
    count = 1                   # optional: how many occurrences (default all)

Every fix must match its line, or the build stops with a message naming the
file and the entry: a stale correction is never applied silently elsewhere.
Other sections of the same file (e.g. index fixes) are read by the stages
that own them through `load()`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable, Iterable
import tomllib
from dataclasses import dataclass
from pathlib import Path

from desktop.content.build import BuildError

if TYPE_CHECKING:
    import sqlite_utils


@dataclass(frozen=True)
class TextFix:
    corrections_file: str
    file: str
    line: int
    find: str
    replace: str
    reason: str
    count: int | None = None


def load(path: Path) -> dict:
    """Parse a corrections file; BuildError naming the file if malformed."""
    try:
        with open(path, "rb") as fh:
            return tomllib.load(fh)
    except FileNotFoundError:
        raise BuildError(f"corrections file not found: {path}") from None
    except tomllib.TOMLDecodeError as exc:
        raise BuildError(f"malformed corrections file {path}: {exc}") from None
    except OSError as exc:
        raise BuildError(f"cannot read corrections file {path}: {exc.strerror}") from None


def text_fixes(path: Path) -> list[TextFix]:
    data = load(path)
    fixes = []
    for n, entry in enumerate(data.get("text", []), start=1):
        try:
            fixes.append(TextFix(
                corrections_file=path.name,
                file=str(entry["file"]), line=int(entry["line"]),
                find=str(entry["find"]), replace=str(entry["replace"]),
                reason=str(entry["reason"]),
                count=int(entry["count"]) if "count" in entry else None))
        except (KeyError, TypeError, ValueError) as exc:
            raise BuildError(
                f"malformed corrections file {path}: [[text]] entry {n} "
                f"needs file, line, find, replace, reason ({exc})") from None
    return fixes


def apply_text_fixes(source_name: str, text: str, fixes: list[TextFix]
                     ) -> tuple[str, list[tuple[TextFix, str]]]:
    """Apply the fixes for `source_name` to `text`.

    Returns (corrected text, list of (fix, original line)) in file order.
    """
    lines = text.split("\n")
    applied: list[tuple[TextFix, str]] = []
    for fix in sorted((f for f in fixes if f.file == source_name), key=lambda f: f.line):
        idx = fix.line - 1
        if not 0 <= idx < len(lines) or fix.find not in lines[idx]:
            raise BuildError(
                f"correction in {fix.corrections_file} does not match: "
                f"{fix.file} line {fix.line} has no {fix.find!r}")
        original = lines[idx]
        lines[idx] = (original.replace(fix.find, fix.replace, fix.count)
                      if fix.count else original.replace(fix.find, fix.replace))
        applied.append((fix, original))
    return "\n".join(lines), applied


def record(db: sqlite_utils.Database, applied: Iterable[tuple[TextFix, str]], report: list[str],
           paragraph_for_line: Callable[[int], str | None] | None = None) -> None:
    """Store applied fixes in the `corrections` table and the build report.

    paragraph_for_line(line) -> paragraph id or None links each fix to the
    paragraph it changed, so the reader can mark the corrected words.
    """
    rows = []
    for fix, _original in applied:
        para = paragraph_for_line(fix.line) if paragraph_for_line else None
        rows.append({"file": fix.file, "source_line": fix.line, "paragraph_id": para,
                     "original": fix.find,
                     "corrected": fix.replace, "reason": fix.reason, "applied": 1})
        report.append(f"correction {fix.file}:{fix.line}: {fix.find!r} -> {fix.replace!r} ({fix.reason})")
    if rows:
        db.table("corrections").insert_all(rows)
