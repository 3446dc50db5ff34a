"""`python -m desktop.search --similar TEXT` and the word-level comparison."""

from __future__ import annotations

import json
import subprocess
import sys

from desktop.search.__main__ import main

DRAFT = ("ينبغي للدول الأطراف أن تنظر في تعيين موظفين مدربين على تقديم المساعدة "
         "للضحايا ضمن مكاتب النيابة العامة")


def test_json_lines_shape(content_db_path, capsys):
    assert main(["--similar", DRAFT, "--db", str(content_db_path), "--json", "--limit", "3"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 3
    objs = [json.loads(line) for line in lines]
    for o in objs:
        assert {"id", "citation", "score", "kind"} <= set(o)
        assert o["kind"] == "paragraph" and 0 <= o["score"] <= 1
    assert objs[0]["id"] == "A07/7" and objs[0]["citation"] == "الجزء ألف، سابعاً-7"
    assert [o["score"] for o in objs] == sorted((o["score"] for o in objs), reverse=True)


def test_text_output(content_db_path, capsys):
    assert main(["--similar", DRAFT, "--db", str(content_db_path), "--limit", "2"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("A07/7\tالجزء ألف، سابعاً-7\t")
    assert out.rstrip().endswith("2 paragraph(s)")


def test_bad_input_messages_not_tracebacks(content_db_path, capsys):
    for text in ["", "؟!.،"]:
        assert main(["--similar", text, "--db", str(content_db_path)]) == 2
        err = capsys.readouterr().err
        assert err.startswith("error: ") and "Traceback" not in err


def test_hundred_thousand_characters_on_stdin(content_db_path):
    proc = subprocess.run([sys.executable, "-m", "desktop.search", "--similar", "-",
                           "--db", str(content_db_path)],
                          input="حماية الشهود " * 8000, capture_output=True, text=True,
                          timeout=120)
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr and "طويل جداً" in proc.stderr


def test_missing_database(tmp_path, capsys):
    assert main(["--similar", DRAFT, "--db", str(tmp_path / "none.sqlite")]) == 1
    assert "database not found" in capsys.readouterr().err


