"""desktop/content/first_start.py: a wheel install builds its database once,
on first start, into the cache folder; a clone or a bundle is left alone.
(The real wheel end to end: tests/packaging/test_pip.py.)"""

from __future__ import annotations

import pytest

from desktop import paths
from desktop.content import build as builder
from desktop.content import first_start


@pytest.fixture
def wheel(monkeypatch, tmp_path):
    """paths as a wheel install sees them, with a build that only records its target."""
    target = tmp_path / "cache" / "compendium-test.sqlite"
    built = []
    monkeypatch.setattr(paths, "installed", lambda: True)
    monkeypatch.setattr(paths, "default_db", lambda: target)
    monkeypatch.setattr(builder, "build", lambda path: built.append(path) or path.write_bytes(b"db"))
    return target, built


def test_a_clone_is_left_alone(monkeypatch):
    monkeypatch.setattr(builder, "build", lambda path: pytest.fail("no build in a clone"))
    assert first_start.ensure_default_db(lambda text: pytest.fail(text)) == paths.default_db()


def test_a_wheel_builds_once_into_the_cache_saying_so(wheel):
    target, built = wheel
    notices = []
    assert first_start.ensure_default_db(notices.append) == target
    assert built == [target] and target.parent.is_dir()
    assert notices == [first_start.NOTICE.format(path=target)]
    assert "أول تشغيل" in notices[0]
    assert first_start.ensure_default_db(notices.append) == target     # found: no second build
    assert built == [target] and len(notices) == 1


def test_a_failed_build_is_reported_and_leaves_no_file(wheel, monkeypatch, capsys):
    target, _ = wheel

    def fail(path):
        raise builder.BuildError("source missing")
    monkeypatch.setattr(builder, "build", fail)
    assert first_start.ensure_default_db(lambda text: None) == target
    assert not target.exists()
    assert "could not be built: source missing" in capsys.readouterr().err
