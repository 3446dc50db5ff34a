"""Back/Forward over visited paragraphs (desktop/app/reader_history.py)."""

from desktop.app.reader_history import NavigationHistory


def test_back_and_forward_like_a_browser():
    history = NavigationHistory()
    assert history.current() is None and not history.can_back()
    for pid in ("A07/12", "A07/13", "B6-r4/1"):
        history.visit(pid)
    history.visit("B6-r4/1")                      # the same place twice is one entry
    assert history.entries() == ["A07/12", "A07/13", "B6-r4/1"]
    assert history.back() == "A07/13" and history.back() == "A07/12"
    assert history.back() is None and history.current() == "A07/12"
    assert history.forward() == "A07/13" and history.can_forward()
    history.visit("A02/8")                        # a new visit drops what was ahead
    assert history.entries() == ["A07/12", "A07/13", "A02/8"]
    assert not history.can_forward()


def test_go_jumps_and_the_oldest_entries_go_first():
    history = NavigationHistory(limit=3)
    for pid in ("a", "b", "c", "d"):
        history.visit(pid)
    assert history.entries() == ["b", "c", "d"] and history.position() == 2
    assert history.go(0) == "b" and history.current() == "b"
    assert history.go(7) is None and history.current() == "b"
