"""`python -m desktop.search --similar TEXT`: the output of a similarity search.

Text: one line per paragraph (id, citation, score, share of the draft found)
and the paragraph under it; --json: one object a line with "id", "citation",
"score" (0-1), "kind": "paragraph", "coverage", "cosine", "year", "text".
Unusable text (empty, too long, no words) is an Arabic message on stderr and
exit status 2, never a traceback.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from desktop.search.connection import SearchError, connect
from desktop.search.similar import SimilarInputError, find_similar


def run_similar(db_path: str | Path, text: str, limit: int, as_json: bool) -> int:
    """TEXT "-" reads the draft from standard input (drafts longer than a command line)."""
    if text == "-":
        text = sys.stdin.read()
    try:
        conn = connect(db_path)
        matches = find_similar(conn, text, limit=limit)
    except SearchError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except SimilarInputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if matches.notice:
        print(matches.notice, file=sys.stderr)
    try:
        out = sys.stdout
        for m in matches:
            if as_json:
                out.write(json.dumps({**m.as_dict(), "text": m.text}, ensure_ascii=False) + "\n")
            else:
                out.write(f"{m.id}\t{m.citation}\t{m.score:.3f}\t"
                          f"({round(m.coverage * 100)}% of the draft)\n    {m.text}\n")
        if not as_json:
            out.write(f"{len(matches)} paragraph(s)\n")
    except BrokenPipeError:
        return 0
    return 0
