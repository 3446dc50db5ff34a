"""desktop/content/build.py and its command line: build, dump, check, and their error messages."""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys

import pytest

from desktop import paths
from desktop.content import build as builder
from desktop.content.__main__ import main


def run_cli(*args):
    return subprocess.run([sys.executable, "-m", "desktop.content", *args],
                          capture_output=True, text=True, cwd=paths.root())


@pytest.fixture
def sources_copy(tmp_path):
    src = tmp_path / "sources"
    shutil.copytree(paths.sources_dir(), src)
    cor = tmp_path / "corrections"
    shutil.copytree(paths.corrections_dir(), cor)
    return src, cor


def test_schema_has_keys_and_source_lines(content_db):
    assert content_db["paragraphs"].pks == ["id"]
    fks = {(fk.column, fk.other_table) for fk in content_db["paragraphs"].foreign_keys}
    assert ("unit_id", "nodes") in fks and ("node_id", "nodes") in fks
    assert content_db.execute(
        "SELECT count(*) FROM paragraphs WHERE source_line IS NULL").fetchone()[0] == 0
    meta = {r["key"]: r["value"] for r in content_db["metadata"].rows}
    assert meta["schema_version"] == "2"
    assert len(meta["source_sha256:compendium.txt"]) == 64
    assert "build_time" in meta


def test_dump_paragraph_objects(dump_rows):
    paras = [r for r in dump_rows if r["type"] == "paragraph" and r["document"] == "compendium"]
    assert len(paras) == 251
    assert {r["part"] for r in paras} == {"A", "B"}
    p = next(r for r in paras if r["id"] == "A07/13")
    assert p["citation"] == "الجزء ألف، سابعاً-13"
    assert p["symbol"] == "CTOC/COP/WG.2/2013/5"
    assert p["unit"] == "سابعاً- الاجتماع السابع"
    assert p["label"] == "13"
    assert p["text"].startswith("ينبغي للدول أن تنظر في الاستفادة من المساعدة التقنية")
    d = next(r for r in paras if r["id"] == "B3-d4/2.l2")
    assert d["unit"] == "المقرر 4/3" and d["label"] == "2 (ب)"
    fn = next(r for r in paras if r["id"] == "A02/2")["footnotes"]
    assert fn[0]["number"] == 1 and fn[0]["text"] == "قرار الجمعية العامة 25/55، المرفق الأول."
    assert all("type" in r for r in dump_rows)


def test_corrections_applied_and_reported(dump_rows):
    corr = [r for r in dump_rows if r["type"] == "correction" and r["file"] == "compendium.txt"]
    assert len(corr) >= 9 + 25       # seed 003, then the editor's read (issue 18)
    assert all(r["paragraph"] for r in corr)
    paras = {r["id"]: r for r in dump_rows if r["type"] == "paragraph"}
    assert "تتظر" not in "".join(p["text"] for p in paras.values() if p["document"] == "compendium")
    assert "أن تنظر في تقديم تبرعات" in paras["A09/3"]["text"]


def test_same_sources_same_content(tmp_path, content_db):
    other = tmp_path / "again.sqlite"
    builder.build(other)
    again = builder.open_db(other)
    q = "SELECT * FROM paragraphs ORDER BY sort"
    assert list(again.query(q)) == list(content_db.query(q))


def test_check_passes_on_real_data(content_db_path):
    result = run_cli("check", "--db", str(content_db_path))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "part A: 142 paragraphs" in result.stdout
    assert "footnotes: 17, attached: 17" in result.stdout


def test_missing_source_is_one_clear_message(tmp_path, sources_copy):
    src, cor = sources_copy
    (src / "compendium.txt").unlink()
    out = tmp_path / "db.sqlite"
    result = run_cli("build", "--out", str(out), "--sources", str(src), "--corrections", str(cor))
    assert result.returncode == 1
    assert "source file not found" in result.stderr
    assert "Traceback" not in result.stderr
    assert not out.exists()


def test_unwritable_database_path(tmp_path):
    result = run_cli("build", "--out", str(tmp_path / "no" / "such" / "dir" / "db.sqlite"))
    assert result.returncode == 7
    assert "cannot write the database" in result.stderr
    assert "Traceback" not in result.stderr


def test_malformed_corrections_file(tmp_path, sources_copy):
    src, cor = sources_copy
    (cor / "compendium.toml").write_text("[[text]\nfile = ", encoding="utf-8")
    result = run_cli("build", "--out", str(tmp_path / "db.sqlite"), "--sources", str(src),
                     "--corrections", str(cor))
    assert result.returncode == 1
    assert "malformed corrections file" in result.stderr
    assert "Traceback" not in result.stderr


def test_stale_correction_stops_the_build(tmp_path, sources_copy):
    src, cor = sources_copy
    text = (cor / "compendium.toml").read_text(encoding="utf-8").replace("line = 290", "line = 291")
    (cor / "compendium.toml").write_text(text, encoding="utf-8")
    assert main(["build", "--out", str(tmp_path / "db.sqlite"), "--sources", str(src),
                 "--corrections", str(cor)]) == 1


def test_failed_build_leaves_earlier_database_intact(tmp_path, sources_copy):
    src, cor = sources_copy
    out = tmp_path / "db.sqlite"
    assert main(["build", "--out", str(out), "--sources", str(src), "--corrections", str(cor)]) == 0
    before = out.read_bytes()
    (src / "compendium.txt").write_bytes(b"\xff\xfe not utf-8")
    assert main(["build", "--out", str(out), "--sources", str(src), "--corrections", str(cor)]) == 1
    assert out.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".build-")] == []


def test_dump_and_check_refuse_a_corrupt_database(tmp_path):
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"this is not sqlite" * 100)
    result = run_cli("dump", "--db", str(bad))
    assert result.returncode == 4 and "not a usable content database" in result.stderr
    missing = run_cli("check", "--db", str(tmp_path / "missing.sqlite"))
    assert missing.returncode == 3 and "database not found" in missing.stderr


def test_dump_is_json_lines(content_db_path):
    result = run_cli("dump", "--db", str(content_db_path))
    assert result.returncode == 0
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert rows and all("type" in r for r in rows)


def test_check_fails_on_unexplained_problem(tmp_path, content_db_path):
    copy = tmp_path / "copy.sqlite"
    shutil.copy(content_db_path, copy)
    conn = sqlite3.connect(copy)
    conn.execute("UPDATE footnotes SET paragraph_id = NULL WHERE number = 3")
    conn.commit()
    conn.close()
    result = run_cli("check", "--db", str(copy))
    assert result.returncode == 1
    assert "not attached" in result.stdout
