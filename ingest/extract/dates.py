"""The date of a document that comes without one, read from its text.

In order: the dateline ("JERUSALEM, Nov. 12, 2024 (AP) —"), a "Published …" or "Updated …"
line, else the latest full date the text states ("on Monday, March 4, 2024"). A date without a
year says nothing. Roles from the actor dictionary then hold on that date, with a lower
confidence than on a date the article gives (:class:`ingest.extract.context.DocContext`).
"""

from __future__ import annotations

import re
from datetime import date

from actorgraph.ingest.extract.boilerplate import DATELINE, MONTH

MONTHS = {
    m: n
    for n, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for m in names
}
_MDY = re.compile(rf"\b({MONTH})\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+((?:19|20)\d\d)\b")
_DMY = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({MONTH})\s+((?:19|20)\d\d)\b")
_ISO = re.compile(r"\b((?:19|20)\d\d)-(\d\d)-(\d\d)\b")
_PUBLISHED = re.compile(r"(?im)^[ \t]*(?:published|updated|posted|first published)\b[^\n]{0,80}")


def _make(y: str, m: str, d: str) -> date | None:
    month = MONTHS.get(m.lower().rstrip("."), 0) if not m.isdigit() else int(m)
    try:
        return date(int(y), month, int(d))
    except ValueError:
        return None


def _dates(text: str) -> list[date]:
    out = []
    for mm in _MDY.finditer(text):
        out.append(_make(mm.group(3), mm.group(1), mm.group(2)))
    for mm in _DMY.finditer(text):
        out.append(_make(mm.group(3), mm.group(2), mm.group(1)))
    for mm in _ISO.finditer(text):
        out.append(_make(mm.group(1), mm.group(2), mm.group(3)))
    return [d for d in out if d is not None]


def infer_date(text: str) -> date | None:
    """The document's date as its text gives it, or None (see the module docstring)."""
    head = text[:2000]
    for rx in (DATELINE, _PUBLISHED):
        m = rx.search(head)
        if m:
            found = _dates(m.group(0))
            if found:
                return found[0]
    found = _dates(text)
    return max(found) if found else None
