"""The type checker passes over desktop/ (issue 16): `python -m mypy` with the
settings of pyproject.toml's [tool.mypy], the same command .ci/run runs.

mypy is in the `test` extra, so README's test command installs it: this test
never skips. A new error anywhere in desktop/ fails it, with mypy's report."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _config() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["mypy"]


def test_the_checker_covers_the_whole_application_strictly_enough():
    config = _config()
    assert config["files"] == ["desktop"]
    assert config["python_version"] == "3.11"
    assert config["check_untyped_defs"] is True
    assert config["warn_unused_ignores"] is True
    # no blanket escape hatch: unknown imports are allowed only per module
    assert "ignore_missing_imports" not in config
    assert "ignore_errors" not in config
    for override in config.get("overrides", []):
        assert "ignore_errors" not in override, override
        assert override.get("ignore_missing_imports") in (None, True)
        if "desktop" in str(override["module"]):   # our own code: only ever stricter
            assert set(override) - {"module"} <= set(STRICTER), override
            assert all(override[flag] is True for flag in STRICTER if flag in override), override


#: What an override may turn on for modules of desktop/ (never off).
STRICTER = ("disallow_untyped_defs", "disallow_incomplete_defs")


def test_every_function_of_desktop_is_typed():
    """Issue 16, the seams typed: every def of desktop/ (the Qt views, the
    content layer, the window's assembly in __main__) says what it takes and
    gives, so a new module is checked from its first line; no override of our
    own code turns it off (the test above: overrides only add these flags)."""
    config = _config()
    assert all(config[flag] is True for flag in STRICTER)
    own = [o for o in config.get("overrides", []) if "desktop" in str(o["module"])]
    assert all(o.get(flag) in (None, True) for o in own for flag in STRICTER)


def test_the_flags_are_not_a_dead_letter(tmp_path):
    """The same settings reject an unannotated def (what the flags are for)."""
    (tmp_path / "desktop").mkdir()
    (tmp_path / "desktop" / "__init__.py").write_text("", encoding="utf-8")
    (tmp_path / "desktop" / "slot.py").write_text(
        "def on_clicked(checked):\n    return checked\n\n\n"
        "def on_toggled(checked: bool):\n    return checked\n", encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text(
        (ROOT / "pyproject.toml").read_text(encoding="utf-8"), encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "mypy"], cwd=tmp_path,
                            capture_output=True, text=True, timeout=600)
    report = result.stdout + result.stderr
    assert result.returncode == 1, report
    assert "slot.py:1: error: Function is missing a type annotation  [no-untyped-def]" in report
    assert "slot.py:5: error: Function is missing a return type annotation" in report


def test_mypy_passes_over_desktop():
    result = subprocess.run([sys.executable, "-m", "mypy"], cwd=ROOT,
                            capture_output=True, text=True, timeout=600)
    report = result.stdout + result.stderr
    assert result.returncode == 0, report
    assert "Success: no issues found" in report, report


def test_ci_runs_the_checker_before_the_tests():
    lines = [line.strip() for line in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
             if line.strip() and not line.strip().startswith("#")]
    assert "set -euo pipefail" in lines      # a failing mypy stops CI
    checker = lines.index(".venv/bin/python -m mypy")
    tests = next(i for i, line in enumerate(lines) if "-m pytest" in line)
    installs = [i for i, line in enumerate(lines) if "pip install" in line and "[test" in line]
    assert installs and installs[0] < checker < tests
