"""`python -m desktop.search`: text and JSON output, clear errors."""

from __future__ import annotations

import json
import subprocess
import sys

from desktop.search.__main__ import main


def test_json_lines(search_db_path, capsys):
    assert main(["حماية", "الشهود", "--db", str(search_db_path), "--json", "--limit", "3"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 3
    objs = [json.loads(line) for line in lines]
    for o in objs:
        assert {"id", "citation", "snippet", "score"} <= set(o)
    assert "<mark>" in objs[0]["snippet"]


def test_part_filter_and_text_output(search_db_path, capsys):
    assert main(["الشهود", "--db", str(search_db_path), "--part", "B"]) == 0
    out = capsys.readouterr().out
    assert "B3-d4/7.l2" in out and "A07/" not in out
    assert "[الشهود]" in out
    assert out.rstrip().endswith("1 result(s)")


def test_missing_db_is_a_clear_error(tmp_path, capsys):
    assert main(["الشهود", "--db", str(tmp_path / "none.sqlite")]) == 3
    err = capsys.readouterr().err
    assert "database not found" in err and "python -m desktop.content build" in err


def test_db_without_index_is_a_clear_error(tmp_path, capsys):
    import sqlite3
    path = tmp_path / "plain.sqlite"
    sqlite3.connect(path).execute("CREATE TABLE t(x)").connection.commit()
    assert main(["الشهود", "--db", str(path)]) == 4
    assert "not a content database" in capsys.readouterr().err


def test_runs_as_a_module(search_db_path):
    proc = subprocess.run([sys.executable, "-m", "desktop.search", "سابعاً-13", "--db",
                           str(search_db_path), "--json"], capture_output=True, text=True,
                          timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout.splitlines()[0])["id"] == "A07/13"


def test_index_of_another_version_is_a_clear_error(tmp_path, capsys):
    import sqlite3
    from tests.unit.search.conftest import make_fixture_db

    path = tmp_path / "old.sqlite"
    make_fixture_db(path)
    conn = sqlite3.connect(path)
    conn.execute("UPDATE search_info SET value = '0'")
    conn.commit()
    conn.close()
    assert main(["الشهود", "--db", str(path)]) == 5
    assert "another version" in capsys.readouterr().err


def test_cli_prints_the_suggestion(content_db_path, capsys):
    assert main(["حمايه", "الشهوود", "--db", str(content_db_path), "--limit", "3"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == "هل تقصد: حماية الشهود؟"
    assert main(["حمايه", "الشهوود", "--db", str(content_db_path), "--json", "--limit", "2"]) == 0
    captured = capsys.readouterr()
    assert "هل تقصد: حماية الشهود؟" in captured.err
    first = json.loads(captured.out.splitlines()[0])
    assert {"id", "citation", "snippet", "score", "variants", "partial", "theme",
            "also_in"} <= set(first)
