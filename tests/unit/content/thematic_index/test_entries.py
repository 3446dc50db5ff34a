"""desktop/content/thematic_index/entries.py: the reviewed fixes loaded (stale or malformed ones stop the build) and the documents an entry may name."""


from __future__ import annotations

import shutil

import pytest

from desktop import paths
from desktop.content import build as builder


def test_stale_and_malformed_corrections_stop_the_build(tmp_path):
    corr = tmp_path / "corrections"
    shutil.copytree(paths.corrections_dir(), corr)
    (corr / "index.toml").write_text(
        '[[index_fix]]\nline = 12\nsymbol = "X"\nreason = "stale"\n', encoding="utf-8")
    with pytest.raises(builder.BuildError, match="line 12"):
        builder.build(tmp_path / "a.sqlite", corrections=corr)
    (corr / "index.toml").write_text('[[theme_fix]]\ntheme = "x"\n', encoding="utf-8")
    with pytest.raises(builder.BuildError, match="malformed"):
        builder.build(tmp_path / "b.sqlite", corrections=corr)


def test_load_fixes_reads_the_three_kinds_of_fix(tmp_path):
    from desktop.content.thematic_index.entries import load_fixes

    path = tmp_path / "index.toml"
    path.write_text('[[index_fix]]\nline = "711"\nlocator = "سابعاً-13"\nreason = "r"\n'
                    '[[theme_fix]]\nlines = [681, "682"]\nevidence = "e"\n'
                    '[[unresolved]]\nline = 751\nreason = "why"\n', encoding="utf-8")
    index_fixes, theme_fixes, unresolved = load_fixes(path)
    assert index_fixes == [{"line": 711, "locator": "سابعاً-13", "reason": "r"}]
    assert theme_fixes == [{"lines": [681, 682], "evidence": "e"}]
    assert unresolved == {751: "why"}


def test_load_fixes_names_what_a_malformed_fix_lacks(tmp_path):
    from desktop.content.thematic_index.entries import load_fixes

    path = tmp_path / "index.toml"
    path.write_text('[[index_fix]]\nline = 3\n', encoding="utf-8")       # no reason
    with pytest.raises(builder.BuildError, match="needs line and reason"):
        load_fixes(path)


def test_documents_know_meetings_sessions_and_decisions(content_db):
    from desktop.content.thematic_index.entries import Documents

    docs = Documents(content_db)
    assert docs.meeting_by_number[7] == "A07"
    assert docs.units[docs.meeting_symbol[7]] == ("A", 7)
    assert docs.decisions[("decision", 3, 4)][0] == "B3-d4"
    assert docs.decisions[("resolution", 6, 4)][0] == "B6-r4"
    assert "B3-d4" in [nid for nid, _ in docs.session_decisions[3]]
