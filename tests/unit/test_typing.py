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
#: The packages typed whole: every def annotated (issue 16: the seams typed).
TYPED_WHOLE = ("desktop.userdata", "desktop.export", "desktop.search", "desktop.content")


def test_the_layers_under_the_views_are_typed_whole():
    strict = [o for o in _config().get("overrides", [])
              if all(o.get(flag) is True for flag in STRICTER)]
    modules = {m for o in strict for m in o["module"]}
    for package in TYPED_WHOLE:
        assert {package, f"{package}.*"} <= modules, package
    # every package but the Qt views' (desktop.app: many slots are not annotated yet)
    packages = {f"desktop.{p.name}" for p in (ROOT / "desktop").iterdir()
                if (p / "__init__.py").is_file()}
    assert packages - {"desktop.app"} == set(TYPED_WHOLE)
    # and the modules beside them (__main__, which assembles the app's window, too)
    top = {f"desktop.{p.stem}" for p in (ROOT / "desktop").glob("*.py") if p.stem != "__init__"}
    assert top | {"desktop"} <= modules


#: The Qt views' modules not typed whole yet: typing one removes it from here
#: and adds it to pyproject's desktop.app override. A new module of
#: desktop/app is typed from its first line (it is never added here).
APP_NOT_YET = frozenset({
    "tree_actions",
})


def test_the_views_are_typed_module_by_module():
    strict = [o for o in _config().get("overrides", [])
              if all(o.get(flag) is True for flag in STRICTER)]
    modules = {m for o in strict for m in o["module"]}
    app = {p.stem for p in (ROOT / "desktop" / "app").glob("*.py")}
    typed = {stem for stem in app
             if f"desktop.app.{stem}" in modules or (stem == "__init__" and "desktop.app" in modules)}
    assert APP_NOT_YET <= app, APP_NOT_YET - app          # no stale name
    # every module is either typed whole (named in the override) or listed here
    assert app - typed == APP_NOT_YET, (
        f"typed but still listed: {sorted(APP_NOT_YET & typed)}; "
        f"neither typed nor listed (type it, and name it in pyproject): {sorted(app - typed - APP_NOT_YET)}")


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
