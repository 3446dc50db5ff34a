"""Dates as the user-data file and its exchange format write them:
UTC, to the second, ``2026-12-01T10:00:00Z``."""

from __future__ import annotations

import datetime as _dt


def utc_now() -> str:
    return _dt.datetime.now(_dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def parse(text: str) -> _dt.datetime:
    """The moment a stamp names (ValueError if it is not an ISO date-time);
    one without a zone is taken as UTC."""
    moment = _dt.datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=_dt.timezone.utc)
    return moment


def local_text(text: str) -> str:
    """A stamp shown to the user: local day/month/year and time, ``01/12/2026 12:00``
    (digits and slashes keep one left-to-right run inside an Arabic line)."""
    try:
        return parse(text).astimezone().strftime("%d/%m/%Y %H:%M")
    except ValueError:
        return text
