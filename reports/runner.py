"""One report run: read the previous report, compute, draw, render, write, update the index."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from actorgraph.graph.store import GraphStore
from actorgraph.reports.archive import (
    check_formats,
    latest_report,
    locked,
    new_report_id,
    write_report,
)
from actorgraph.reports.archive import write_state as _write_state
from actorgraph.reports.data import build_report
from actorgraph.reports.watch import Watch
from actorgraph.reports.window import Window, resolve_window

StoreFactory = Callable[[], GraphStore]


@dataclass(slots=True)
class ReportOptions:
    """What the ``report`` command (and each scheduled run) was asked for."""

    since: str | None = None
    until: str | None = None
    period: str | None = None
    watch: Watch = field(default_factory=Watch)
    formats: list[str] = field(default_factory=lambda: check_formats(None))


@dataclass(slots=True)
class ReportResult:
    id: str
    path: Path
    window: Window
    data: dict[str, Any]

    @property
    def html(self) -> Path:
        return self.path / "report.html"


def run_report(
    open_store: StoreFactory | GraphStore,
    out: str | Path,
    options: ReportOptions,
    *,
    now: datetime | None = None,
    progress: Callable[[str], None] | None = None,
) -> ReportResult:
    """Make one report in ``out/<id>/``; the newest report already there is the baseline.

    ``open_store`` is a store (left open) or a function opening one (closed after the run,
    so a long-running scheduler holds no connection between runs).
    """
    say = progress or (lambda _s: None)
    now = (now or datetime.now(UTC)).astimezone(UTC)
    out = Path(out)
    with locked(out):
        previous = latest_report(out)
        window = resolve_window(
            since=options.since,
            until=options.until,
            period=options.period,
            previous_until=((previous or {}).get("window") or {}).get("until"),
            today=now.date(),
        )
        rid = new_report_id(out, now)
        owned = not isinstance(open_store, GraphStore)
        store: GraphStore = open_store if isinstance(open_store, GraphStore) else open_store()
        try:
            data = build_report(
                store,
                window,
                options.watch,
                previous,
                report_id=rid,
                created=now,
                progress=say,
            )
        finally:
            if owned:
                store.close()
        images: dict[str, bytes | None] = {}
        if {"html", "md"} & set(options.formats):
            say("drawing pictures")
            from actorgraph.reports.charts import (  # matplotlib: slow import
                network_png,
                statements_png,
            )

            images = {"network": network_png(data), "statements": statements_png(data)}
        say("writing " + ", ".join(options.formats))
        path = write_report(out, data, images, options.formats)
        _write_state(out, last_run=now.isoformat(timespec="seconds"), last_report=rid)
    return ReportResult(rid, path, window, data)
