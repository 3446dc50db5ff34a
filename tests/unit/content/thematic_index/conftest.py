"""Helpers and builds shared by the thematic-index tests (expected values worked out by hand from data/sources/compendium.txt, the table at lines 655-887)."""


from __future__ import annotations

import shutil
import tomllib

import pytest

from desktop import paths
from desktop.content import build as builder


def index_rows(dump_rows):
    return [r for r in dump_rows if r["type"] == "index"]


def entry(dump_rows, line, symbol=None, decision=None):
    found = [r for r in index_rows(dump_rows) if r["source_line"] == line
             and (symbol is None or r["symbol"] == symbol)
             and (decision is None or r["decision"] == decision)]
    assert len(found) == 1, (line, symbol, decision, found)
    return found[0]


def corrections():
    with open(paths.corrections_dir() / "index.toml", "rb") as fh:
        return tomllib.load(fh)


def build_with_index_toml(root, text):
    corr = root / "corrections"
    shutil.copytree(paths.corrections_dir(), corr)
    (corr / "index.toml").write_text(text, encoding="utf-8")
    out = root / "db.sqlite"
    builder.build(out, corrections=corr)
    return builder.open_db(out)


@pytest.fixture(scope="module")
def db_without_index_fixes(tmp_path_factory):
    """The same build with an index corrections file that fixes nothing."""
    return build_with_index_toml(tmp_path_factory.mktemp("nofix"), "# nothing reviewed\n")


@pytest.fixture(scope="module")
def db_without_theme_fixes(tmp_path_factory):
    """The same build without the reviewed [[theme_fix]] entries."""
    text = (paths.corrections_dir() / "index.toml").read_text(encoding="utf-8")
    start = text.index("[[theme_fix]]")
    end = text.rindex("[[unresolved]]")
    return build_with_index_toml(tmp_path_factory.mktemp("notheme"), text[:start] + text[end:])
