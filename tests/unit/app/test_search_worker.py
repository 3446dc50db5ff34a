"""desktop.app.search_worker: one search run off the GUI thread hands its page
of results (or an error message, never an exception) back through
the relay, tagged with its generation; a search the user typed past is not
run; each pool thread keeps one read-only connection."""

from __future__ import annotations

import pytest
import shiboken6
from PySide6.QtCore import QThreadPool

from desktop.app import search_worker
from desktop.app.search_worker import PAGE_SIZE, Relay, SearchTask


@pytest.fixture
def relay(qapp):
    relay = Relay()
    relay.seen = []
    relay.finished.connect(lambda gen, results: relay.seen.append(("finished", gen, results)))
    relay.failed.connect(lambda gen, message: relay.seen.append(("failed", gen, message)))
    return relay


def _task(relay, db_path, text, *, generation=3, current=lambda gen: True, filters=None):
    return SearchTask(relay, current, db_path, generation, text, filters or {})


def test_a_current_search_hands_back_one_page_of_results(relay, content_db_path):
    _task(relay, content_db_path, "الدول الأطراف").run()
    (kind, generation, results), = relay.seen
    assert (kind, generation) == ("finished", 3)
    assert len(results) == PAGE_SIZE < results.total  # a page, of many more
    assert all(r.terms for r in results)


def test_the_word_being_typed_matches_as_a_prefix_and_filters_apply(relay, content_db_path):
    _task(relay, content_db_path, "المستضع").run()
    _task(relay, content_db_path, "الشهود", generation=4, filters={"part": "B"}).run()
    (_k, _g, typed), (_k2, _g2, part_b) = relay.seen
    assert len(typed) > 0
    assert part_b and all(r.id.startswith("B") for r in part_b)


def test_a_search_the_user_typed_past_is_not_run(relay, content_db_path, monkeypatch):
    asked = []
    monkeypatch.setattr(search_worker.engine, "search", lambda *a, **k: asked.append(a))
    _task(relay, content_db_path, "الشهود", current=lambda gen: gen == 4).run()
    assert asked == [] and relay.seen == []


def test_an_unusable_database_or_a_bug_is_reported_not_raised(relay, tmp_path, content_db_path,
                                                               monkeypatch):
    broken = tmp_path / "broken.sqlite"
    broken.write_bytes(b"\x00garbage" * 500)
    _task(relay, broken, "الشهود").run()
    (kind, generation, message), = relay.seen
    assert (kind, generation) == ("failed", 3) and "broken.sqlite" in message

    def boom(*args, **kwargs):
        raise ValueError("bad filter")

    monkeypatch.setattr(search_worker.engine, "search", boom)
    _task(relay, content_db_path, "الشهود", generation=5).run()
    assert relay.seen[-1] == ("failed", 5, "ValueError: bad filter")


def test_a_relay_gone_meanwhile_is_no_error(relay, content_db_path):
    task = _task(relay, content_db_path, "الشهود")
    shiboken6.delete(relay)  # the search tab was closed
    task.run()


def test_each_pool_thread_opens_the_database_once(relay, content_db_path, monkeypatch, qtbot):
    opened = []
    real = search_worker.connect

    def counting(path, **kwargs):
        opened.append(path)
        return real(path, **kwargs)

    monkeypatch.setattr(search_worker, "connect", counting)
    monkeypatch.setattr(search_worker, "_conns", {})
    pool = QThreadPool()
    pool.setMaxThreadCount(1)
    for generation in range(3):
        pool.start(_task(relay, content_db_path, "الشهود", generation=generation))
    assert pool.waitForDone(30_000)
    qtbot.waitUntil(lambda: len(relay.seen) == 3)
    assert sorted(g for _k, g, _r in relay.seen) == [0, 1, 2]
    assert opened == [content_db_path]
