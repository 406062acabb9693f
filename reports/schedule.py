"""Running reports on a schedule (APScheduler 3, blocking, one run at a time).

* ``cron`` (crontab syntax, e.g. ``0 7 * * MON``) or ``interval`` seconds;
* the job has ``max_instances=1`` and ``coalesce=True``: a run never overlaps another and
  runs piled up while one was busy collapse into one;
* a run missed while the process was down is caught up once at start: ``OUT/state.json``
  holds the last run time; if the trigger fired since (the previous fire time is after the
  last run), the first run happens at once, then the schedule goes on as usual.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from actorgraph.graph.errors import InputError
from actorgraph.reports.archive import read_state
from apscheduler.events import EVENT_JOB_ERROR, EVENT_JOB_EXECUTED, JobExecutionEvent
from apscheduler.schedulers.blocking import BlockingScheduler
from apscheduler.triggers.base import BaseTrigger
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger

log = logging.getLogger("actorgraph.reports")
JOB_ID = "actorgraph-report"


def make_trigger(cron: str | None, interval: float | None, timezone: str = "UTC") -> BaseTrigger:
    if bool(cron) == bool(interval):
        raise InputError("give either --cron or --interval", field="cron")
    if interval is not None:
        if interval <= 0:
            raise InputError("must be more than 0 seconds", field="interval")
        return IntervalTrigger(seconds=interval, timezone=timezone)
    try:
        return CronTrigger.from_crontab(cron, timezone=timezone)  # type: ignore[arg-type]
    except (ValueError, KeyError) as exc:
        raise InputError(f"'{cron}' is not a crontab expression: {exc}", field="cron") from None


def last_run(out: str | Path) -> datetime | None:
    value = read_state(out).get("last_run")
    try:
        dt = datetime.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None
    if dt is not None and dt.tzinfo is None:
        dt = dt.replace(tzinfo=UTC)
    return dt


def missed_run(trigger: BaseTrigger, last: datetime | None, now: datetime) -> bool:
    """Whether the trigger fired between the last run and ``now`` (a run was missed).

    Without a last run nothing was missed (the schedule is new).
    """
    if last is None:
        return False
    if isinstance(trigger, IntervalTrigger):
        return now - last >= trigger.interval  # type: ignore[no-any-return]
    nxt = trigger.get_next_fire_time(None, last + timedelta(microseconds=1))
    return nxt is not None and nxt <= now


class ReportScheduler:
    """A blocking scheduler around one job; ``start`` blocks until ``shutdown``."""

    def __init__(
        self,
        job: Callable[[], Any],
        out: str | Path,
        *,
        cron: str | None = None,
        interval: float | None = None,
        timezone: str = "UTC",
        on_run: Callable[[JobExecutionEvent], None] | None = None,
    ) -> None:
        self.out = Path(out)
        self.trigger = make_trigger(cron, interval, timezone)
        self.scheduler = BlockingScheduler(timezone=timezone)
        self.job = job
        self.runs = 0
        self.errors = 0
        self.caught_up = False
        self.started = threading.Event()
        self._on_run = on_run
        self.scheduler.add_listener(self._listen, EVENT_JOB_EXECUTED | EVENT_JOB_ERROR)

    def _listen(self, event: JobExecutionEvent) -> None:
        self.runs += 1
        if event.exception is not None:
            self.errors += 1
            log.error("scheduled report failed: %s", event.exception)
        if self._on_run:
            self._on_run(event)

    def next_run_time(self, now: datetime | None = None) -> datetime | None:
        """Now if a run was missed, else None (the trigger decides)."""
        now = now or datetime.now(UTC)
        if missed_run(self.trigger, last_run(self.out), now):
            self.caught_up = True
            return now
        return None

    def start(self) -> None:
        kwargs: dict[str, Any] = {}
        catch_up = self.next_run_time()
        if catch_up is not None:
            log.info("a run was missed since %s: running now", last_run(self.out))
            kwargs["next_run_time"] = catch_up
        self.scheduler.add_job(
            self.job,
            self.trigger,
            id=JOB_ID,
            name="actorgraph report",
            max_instances=1,
            coalesce=True,
            misfire_grace_time=3600,
            replace_existing=True,
            **kwargs,
        )
        self.started.set()
        self.scheduler.start()

    def shutdown(self, wait: bool = True) -> None:
        if self.scheduler.running:
            self.scheduler.shutdown(wait=wait)
