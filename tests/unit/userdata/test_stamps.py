"""desktop/userdata/stamps.py: UTC stamps to the second, read back, shown locally."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from desktop.userdata import stamps


def test_utc_now_is_utc_to_the_second():
    text = stamps.utc_now()
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", text)
    now = dt.datetime.now(dt.timezone.utc)
    assert abs((stamps.parse(text) - now).total_seconds()) < 5


def test_parse_reads_z_offsets_and_takes_a_bare_stamp_as_utc():
    utc = dt.timezone.utc
    assert stamps.parse("2026-12-01T10:00:00Z") == dt.datetime(2026, 12, 1, 10, tzinfo=utc)
    assert stamps.parse(" 2026-12-01T12:00:00+02:00 ") == dt.datetime(2026, 12, 1, 10, tzinfo=utc)
    bare = stamps.parse("2026-12-01T10:00:00")
    assert bare.tzinfo is not None and bare == dt.datetime(2026, 12, 1, 10, tzinfo=utc)
    with pytest.raises(ValueError):
        stamps.parse("yesterday")


def test_local_text_shows_day_month_year_in_local_time(monkeypatch):
    monkeypatch.setenv("TZ", "Asia/Riyadh")     # UTC+3, no daylight saving
    import time
    time.tzset()
    try:
        assert stamps.local_text("2026-12-01T10:00:00Z") == "01/12/2026 13:00"
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()


def test_local_text_gives_back_what_is_not_a_stamp():
    assert stamps.local_text("غير مؤرخ") == "غير مؤرخ"
