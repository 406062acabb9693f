"""The time window a report covers: whole days, both ends inclusive."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from actorgraph.graph.errors import InputError

_PERIOD = re.compile(r"^\s*(\d{1,4})\s*([dw])\s*$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Window:
    """``[since, until]`` as ISO dates; ``since=None`` means from the beginning."""

    since: str | None
    until: str

    def contains(self, day: str | None) -> bool:
        """True when the ISO date (or datetime prefix) ``day`` falls inside the window."""
        if not day:
            return False
        d = day[:10]
        return (self.since is None or d >= self.since) and d <= self.until

    @property
    def label(self) -> str:
        if self.since is None:
            return f"everything up to {self.until}"
        if self.since == self.until:
            return self.since
        return f"{self.since} – {self.until}"

    @property
    def start_eve(self) -> str | None:
        """The day before the window starts (state "before" the window), or None."""
        if self.since is None:
            return None
        return (date.fromisoformat(self.since) - timedelta(days=1)).isoformat()

    def to_dict(self) -> dict[str, str | None]:
        return {"since": self.since, "until": self.until, "label": self.label}


def parse_date(value: str, field: str) -> str:
    try:
        return date.fromisoformat(value.strip()).isoformat()
    except (AttributeError, ValueError):
        raise InputError(f"'{value}' is not a date (YYYY-MM-DD)", field=field) from None


def parse_period(value: str) -> int:
    """Days in a period such as ``7d`` or ``2w``."""
    m = _PERIOD.match(value or "")
    if not m or int(m.group(1)) < 1:
        raise InputError(f"'{value}' is not a period like 7d or 2w", field="period")
    n = int(m.group(1))
    return n * 7 if m.group(2).lower() == "w" else n


def resolve_window(
    *,
    since: str | None = None,
    until: str | None = None,
    period: str | None = None,
    previous_until: str | None = None,
    today: date | None = None,
) -> Window:
    """The window from the command-line options.

    * ``until`` defaults to today;
    * ``--period Nd`` covers the N days ending on ``until`` (``7d`` with until 2024-05-07
      is 2024-05-01 – 2024-05-07);
    * with neither ``--since`` nor ``--period`` the window starts the day after the previous
      report's ``until`` (never after ``until`` itself), or covers everything when there is
      no previous report.
    """
    if since and period:
        raise InputError("give either --since or --period, not both", field="period")
    end = parse_date(until, "until") if until else (today or date.today()).isoformat()
    start: str | None
    if since:
        start = parse_date(since, "since")
    elif period:
        days = parse_period(period)
        start = (date.fromisoformat(end) - timedelta(days=days - 1)).isoformat()
    elif previous_until:
        start = (date.fromisoformat(previous_until[:10]) + timedelta(days=1)).isoformat()
        start = min(start, end)
    else:
        start = None
    if start is not None and start > end:
        raise InputError(f"--since {start} is after --until {end}", field="since")
    return Window(start, end)
