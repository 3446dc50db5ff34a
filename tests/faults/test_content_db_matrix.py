"""Every entry point on every damaged copy of the content database: no
signal, no traceback, one message, the documented exit code (desktop.cli)."""

from __future__ import annotations

import pytest

from desktop import __main__ as app
from desktop import cli
from desktop.content.__main__ import main as content_main
from desktop.export.__main__ import main as export_main
from desktop.search.__main__ import main as search_main
from tests.faults.conftest import (FLIP_SEEDS, TRUNCATIONS, ZEROED_TABLES, assert_clean,
                                   run_process)

OK, FOUND, CORRUPT = cli.EXIT_OK, cli.EXIT_FINDINGS, cli.EXIT_CORRUPT_DATABASE

#: entry point -> argv after the database (the database comes first)
ENTRY_POINTS = {
    "self-test": lambda db, tmp: (app.run, ["--db", db, "--self-test"]),
    "open": lambda db, tmp: (app.run, ["--db", db, "--open", "A07/13",
                                       "--screenshot", tmp / "shot.png"]),
    "dump": lambda db, tmp: (content_main, ["dump", "--db", db]),
    "check": lambda db, tmp: (content_main, ["check", "--db", db, "--quiet"]),
    "search": lambda db, tmp: (search_main, ["حماية الشهود", "--db", db, "--limit", "5"]),
    "export": lambda db, tmp: (export_main, ["--db", db, "--html", tmp / "out.html", "A07/13"]),
}

ALL = {name: CORRUPT for name in ENTRY_POINTS}
#: what each entry point must answer for each damaged copy
EXPECTED: dict[str, dict[str, int | set[int]]] = {
    # one bad byte in one paragraph: the rest reads; the tools that report
    # on the data say so, the reader shows the paragraph as damaged
    "bad-utf8-text": {"self-test": FOUND, "open": OK, "dump": CORRUPT, "check": FOUND,
                      "search": OK, "export": OK},
    "bad-utf8-schema": ALL,
    "other-version": {name: cli.EXIT_SCHEMA for name in ENTRY_POINTS},
    "missing": {name: cli.EXIT_NO_DATABASE for name in ENTRY_POINTS},
    "garbage": ALL,
    **{f"zeroed-{table}": ALL for table in ZEROED_TABLES},
    **{f"truncated-{fraction}": ALL for fraction in TRUNCATIONS},
    # a flipped bit may land anywhere: unnoticed (0), in text (1 or 4), in
    # the structure (4), or make A07/13 unknown (6); never anything else
    # (the reader's window is built once per copy: --self-test, not also --open)
    **{f"flip-{seed}": {name: {OK, FOUND, CORRUPT, cli.EXIT_UNKNOWN_LOCATOR}
                        for name in ENTRY_POINTS if name != "open"} for seed in FLIP_SEEDS},
}


@pytest.mark.parametrize("case", sorted(EXPECTED))
def test_every_entry_point_on_a_damaged_database(case, damaged, run_main, tmp_path):
    path = damaged[case]
    before = path.read_bytes() if path.exists() else None
    for name, make in ENTRY_POINTS.items():
        if name not in EXPECTED[case]:
            continue
        main, argv = make(path, tmp_path)
        ran = run_main(main, argv)
        assert_clean(ran, EXPECTED[case][name])
        if ran.code in (cli.EXIT_NO_DATABASE, CORRUPT, cli.EXIT_SCHEMA):
            # the message a user reads, in Arabic, naming the file
            assert str(path.name) in ran.err and any(
                "\u0600" <= ch <= "\u06ff" for ch in ran.err), (name, ran.err)
    # nothing read was changed, nothing written beside it
    assert (path.read_bytes() if path.exists() else None) == before
    if EXPECTED[case]["export"] == CORRUPT:
        assert not (tmp_path / "out.html").exists()


def test_healthy_database_passes_every_entry_point(content_db_path, run_main, tmp_path):
    for name, make in ENTRY_POINTS.items():
        main, argv = make(content_db_path, tmp_path)
        assert_clean(run_main(main, argv), OK)


def test_damaged_paragraph_is_named_by_check_and_self_test(damaged, run_main, tmp_path):
    path = damaged["bad-utf8-text"]
    check = run_main(content_main, ["check", "--db", path, "--quiet"])
    assert "paragraphs A09/13: text holds invalid UTF-8" in check.out
    test = run_main(app.run, ["--db", path, "--self-test"])
    assert "A09/13" in test.err and "invalid UTF-8" in test.err


@pytest.mark.parametrize("case, argv, code", [
    # the crash of the issue: SIGSEGV after an OperationalError in the tree model
    ("bad-utf8-text", ["--open", "A09/13", "--screenshot", "{tmp}/x.png"], 0),
    ("bad-utf8-text", ["--self-test"], 1),
    ("bad-utf8-schema", ["--self-test"], 4),
    ("zeroed-paragraphs", ["--self-test"], 4),
    ("flip-3", ["--self-test"], {0, 1, 4}),
])
def test_the_app_process_never_dies_of_a_signal(case, argv, code, damaged, tmp_path):
    argv = [a.replace("{tmp}", str(tmp_path)) for a in argv]
    done = run_process("-m", "desktop", "--db", damaged[case], *argv)
    assert_clean(done, code)


def test_damaged_paragraph_shows_as_damaged_in_the_reader(damaged):
    from desktop.content.render import DAMAGED_NOTICE, render_unit
    from desktop.content.store import open_store

    store = open_store(damaged["bad-utf8-text"])
    para = store.paragraph("A09/13")
    assert para.damaged and para.text.startswith("\ufffd")
    assert not store.paragraph("A09/14").damaged
    html = render_unit(store, "A09", "A09/13").html
    assert html.count(DAMAGED_NOTICE) == 1


@pytest.mark.parametrize("name", ["a?b.sqlite", "a#b.sqlite", "a%41b.sqlite", "ق?#%20.sqlite"])
def test_paths_with_uri_characters(name, content_db_path, run_main, tmp_path):
    """Fault 4: `file:{path}?mode=ro` unquoted refused the database, created a
    stray file beside it and opened read-write."""
    folder = tmp_path / "db"
    folder.mkdir()
    path = folder / name
    path.write_bytes(content_db_path.read_bytes())
    before = path.read_bytes()
    for main, argv in ((search_main, ["الشهود", "--db", path, "--limit", "1"]),
                       (content_main, ["check", "--db", path, "--quiet"]),
                       (export_main, ["--db", path, "--html", tmp_path / "x.html", "A07/13"]),
                       (app.run, ["--db", path, "--version"])):
        ran = run_main(main, argv)
        assert_clean(ran, OK)
    assert "(2021)" in ran.out
    assert [p.name for p in folder.iterdir()] == [name]        # no stray file
    assert path.read_bytes() == before


def test_the_opener_is_read_only(content_db_path, tmp_path):
    import sqlite3

    from desktop.content.database import open_readonly

    path = tmp_path / "x?y#z%41.sqlite"
    path.write_bytes(content_db_path.read_bytes())
    conn = open_readonly(path)
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        conn.execute("DELETE FROM metadata")


def test_build_into_a_read_only_folder_keeps_the_earlier_database(content_db_path, run_main,
                                                                  tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    out = folder / "compendium.sqlite"
    out.write_bytes(b"earlier")
    folder.chmod(0o555)
    try:
        ran = run_main(content_main, ["build", "--out", out])
        assert_clean(ran, cli.EXIT_CANNOT_WRITE)
        assert "read-only" in ran.err and "تعذّرت كتابة قاعدة البيانات" in ran.err
        assert out.read_bytes() == b"earlier" and [p.name for p in folder.iterdir()] == [out.name]
    finally:
        folder.chmod(0o755)
