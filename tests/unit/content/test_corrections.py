"""desktop/content/corrections.py: reviewed fixes to the source texts, read
from TOML, applied only where they match (a stale fix stops the build) and
recorded with the paragraph they changed."""

from __future__ import annotations

import sqlite3

import pytest
import sqlite_utils

from desktop import paths
from desktop.content.build import BuildError
from desktop.content.corrections import TextFix, apply_text_fixes, load, record, text_fixes


def _fix(line, find, replace, count=None, file="a.txt"):
    return TextFix("a.toml", file, line, find, replace, "why", count)


def test_text_fixes_are_read_with_their_count(tmp_path):
    path = tmp_path / "a.toml"
    path.write_text('# why\n[[text]]\nfile = "a.txt"\nline = "2"\nfind = "تتظر"\n'
                    'replace = "تنظر"\nreason = "typo"\ncount = 1\n', encoding="utf-8")
    assert text_fixes(path) == [TextFix("a.toml", "a.txt", 2, "تتظر", "تنظر", "typo", 1)]


@pytest.mark.parametrize("content, words", [
    ('[[text]]\nfile = "a.txt"\nline = 2\n', "needs file, line, find, replace, reason"),
    ("[[text]\n", "malformed corrections file"),
])
def test_a_malformed_file_names_itself(tmp_path, content, words):
    path = tmp_path / "bad.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(BuildError, match=words) as err:
        text_fixes(path)
    assert "bad.toml" in str(err.value)
    with pytest.raises(BuildError, match="not found"):
        load(tmp_path / "none.toml")


def test_fixes_apply_on_their_line_only_and_count_occurrences():
    text = "أن تتظر\nتتظر تتظر\nتتظر"
    fixes = [_fix(2, "تتظر", "تنظر", count=1), _fix(1, "تتظر", "تنظر"),
             _fix(1, "x", "y", file="other.txt")]
    corrected, applied = apply_text_fixes("a.txt", text, fixes)
    assert corrected == "أن تنظر\nتنظر تتظر\nتتظر"
    assert [(f.line, original) for f, original in applied] == [(1, "أن تتظر"), (2, "تتظر تتظر")]


def test_a_stale_fix_stops_the_build():
    with pytest.raises(BuildError, match="line 2 has no 'غائب'"):
        apply_text_fixes("a.txt", "سطر\nسطر", [_fix(2, "غائب", "حاضر")])
    with pytest.raises(BuildError, match="does not match"):
        apply_text_fixes("a.txt", "سطر", [_fix(9, "سطر", "س")])


def test_record_stores_each_fix_with_its_paragraph_and_reports_it():
    db = sqlite_utils.Database(sqlite3.connect(":memory:"))
    report: list[str] = []
    record(db, [(_fix(2, "تتظر", "تنظر"), "أن تتظر")], report, lambda line: f"P{line}")
    rows = list(db.query("SELECT * FROM corrections"))
    assert [(r["source_line"], r["paragraph_id"], r["original"], r["corrected"]) for r in rows] == [
        (2, "P2", "تتظر", "تنظر")]
    assert report == ["correction a.txt:2: 'تتظر' -> 'تنظر' (why)"]
    record(db, [], report)
    assert len(report) == 1


def test_the_shipped_corrections_apply_to_the_shipped_sources():
    for toml in sorted(paths.corrections_dir().glob("*.toml")):
        fixes = text_fixes(toml)
        for name in {f.file for f in fixes}:
            text = (paths.sources_dir() / name).read_text(encoding="utf-8")
            corrected, applied = apply_text_fixes(name, text, fixes)
            assert len(applied) == len([f for f in fixes if f.file == name]) and corrected != text
