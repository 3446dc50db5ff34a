"""Facts of the compendium the parser does not read from its text: what its
parts are called, and the UN report each meeting's recommendations and each
session's decisions come from."""

from __future__ import annotations

PART_HEADINGS = {"A": "ألف", "B": "باء"}
PART_TITLES = {
    "A": "الجزء ألف",
    "B": "الجزء باء",
}

#: The report each meeting's recommendations and each session's decisions
#: come from, as the thematic index names them (its "رمز الوثيقة" column).
#: Meetings 1, 3 and 6 met during a COP session and their recommendations
#: are reproduced in that session's decision (see their notes), so they
#: carry that session's report.
MEETING_SYMBOLS = {
    1: "CTOC/COP/2006/14",
    2: "CTOC/COP/2008/7",
    3: "CTOC/COP/2008/19",
    4: "CTOC/COP/WG.2/2009/4",
    5: "CTOC/COP/WG.2/2010/1",
    6: "CTOC/COP/2012/15",
    7: "CTOC/COP/WG.2/2013/5",
    8: "CTOC/COP/WG.2/2014/4",
    9: "CTOC/COP/WG.2/2016/5",
    10: "CTOC/COP/WG.2/2017/4-CTOC/COP/WG.3/2017/4",
    11: "CTOC/COP/WG.2/2018/3-CTOC/COP/WG.3/2018/3",
}
SESSION_SYMBOLS = {
    1: "CTOC/COP/2004/6",
    2: "CTOC/COP/2005/8",
    3: "CTOC/COP/2006/14",
    4: "CTOC/COP/2008/19",
    5: "CTOC/COP/2010/17",
    6: "CTOC/COP/2012/15",
    7: "CTOC/COP/2014/13",
    8: "CTOC/COP/2016/15",
}
