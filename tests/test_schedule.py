"""Scheduled reports: firing on a short interval, one run at a time, catching up a missed run."""

from __future__ import annotations

import json
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from actorgraph.graph.embedded import EmbeddedStore
from actorgraph.graph.errors import InputError
from actorgraph.ingest.loader import Loader
from actorgraph.reports.archive import list_reports, read_state, write_state
from actorgraph.reports.runner import ReportOptions, run_report
from actorgraph.reports.schedule import ReportScheduler, make_trigger, missed_run
from apscheduler.triggers.cron import CronTrigger

from tests.helpers import EXAMPLE


@pytest.fixture
def store_dir(tmp_path: Path) -> Path:
    path = tmp_path / "store"
    s = EmbeddedStore(path)
    try:
        Loader(s).load_file(EXAMPLE)
    finally:
        s.close()
    return path


def _start(sched: ReportScheduler) -> threading.Thread:
    t = threading.Thread(target=sched.start, daemon=True)
    t.start()
    assert sched.started.wait(5)
    return t


def _wait(cond, timeout: float) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if cond():
            return True
        time.sleep(0.05)
    return False


def test_missed_run_rule() -> None:
    trigger = CronTrigger.from_crontab("0 7 * * MON", timezone="UTC")
    last = datetime(2024, 5, 6, 7, 0, tzinfo=UTC)  # a Monday, 07:00
    assert not missed_run(trigger, None, last + timedelta(days=30))  # never ran: nothing missed
    assert not missed_run(trigger, last, datetime(2024, 5, 13, 6, 59, tzinfo=UTC))
    assert missed_run(trigger, last, datetime(2024, 5, 13, 7, 0, tzinfo=UTC))
    assert missed_run(trigger, last, datetime(2024, 5, 29, 12, 0, tzinfo=UTC))
    interval = make_trigger(None, 60)
    assert not missed_run(interval, last, last + timedelta(seconds=59))
    assert missed_run(interval, last, last + timedelta(seconds=60))


def test_bad_schedules() -> None:
    for cron, interval in (("0 7 * * FUNDAY", None), (None, None), ("0 7 * * *", 5), (None, 0)):
        with pytest.raises(InputError):
            make_trigger(cron, interval)


def test_fires_on_interval(store_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    opts = ReportOptions(since="2024-04-30", until="2024-05-01", formats=["json"])
    active = []
    overlaps = []

    def job() -> None:
        if active:
            overlaps.append(1)
        active.append(1)
        try:
            run_report(lambda: EmbeddedStore(store_dir), out, opts)
            time.sleep(0.25)  # longer than the interval: runs would overlap if allowed
        finally:
            active.pop()

    sched = ReportScheduler(job, out, interval=0.2)
    started = time.monotonic()
    thread = _start(sched)
    try:
        assert _wait(lambda: sched.runs >= 2, 8), "the scheduler did not fire twice"
    finally:
        sched.shutdown()
        thread.join(5)
    assert time.monotonic() - started < 10
    assert not thread.is_alive() and sched.errors == 0 and overlaps == []
    reports = list_reports(out)
    assert len(reports) >= 2
    second = json.loads((out / reports[1]["id"] / "report.json").read_text())
    assert second["previous"]["id"] == reports[0]["id"]
    index = (out / "index.html").read_text()
    assert all(f'href="{r["id"]}/report.html"' in index for r in reports)
    assert read_state(out)["last_report"] == reports[-1]["id"]


def test_job_options(tmp_path: Path) -> None:
    sched = ReportScheduler(lambda: None, tmp_path, cron="0 7 * * MON")
    started = threading.Thread(target=sched.start, daemon=True)
    started.start()
    assert sched.started.wait(5) and _wait(lambda: sched.scheduler.running, 5)
    try:
        [job] = sched.scheduler.get_jobs()
        assert (job.max_instances, job.coalesce) == (1, True)
        nxt = job.next_run_time
        assert nxt.weekday() == 0 and (nxt.hour, nxt.minute) == (7, 0)
        assert not sched.caught_up  # no state: nothing was missed
    finally:
        sched.shutdown()
        started.join(5)


def test_catches_up_missed_run_once(store_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    # the process was down for over a week: at least one Monday 07:00 went by
    last = datetime.now(UTC) - timedelta(days=8)
    write_state(out, last_run=last.isoformat(timespec="seconds"))
    opts = ReportOptions(since="2024-04-30", until="2024-05-01")
    sched = ReportScheduler(
        lambda: run_report(lambda: EmbeddedStore(store_dir), out, opts),
        out,
        cron="0 7 * * MON",
    )
    thread = _start(sched)
    try:
        # the first report of a process imports matplotlib; without cached bytecode (the shell
        # sets PYTHONDONTWRITEBYTECODE) and on a loaded machine that alone took 12 s
        assert _wait(lambda: sched.runs >= 1, 90), "the missed run was not caught up"
        time.sleep(0.5)  # and it is caught up once, not once per missed fire time
        [job] = sched.scheduler.get_jobs()
        assert job.next_run_time > datetime.now(UTC)
    finally:
        sched.shutdown()
        thread.join(30)
    assert sched.caught_up and sched.runs == 1 and sched.errors == 0
    assert len(list_reports(out)) == 1
    state_last = datetime.fromisoformat(read_state(out)["last_run"])
    assert state_last > last + timedelta(days=7)
    # started again right away: nothing missed any more
    again = ReportScheduler(lambda: None, out, cron="0 7 * * MON")
    assert again.next_run_time() is None


def test_cli_schedule_once_and_errors(store_dir: Path, tmp_path: Path) -> None:
    from actorgraph.cli.main import app
    from typer.testing import CliRunner

    runner = CliRunner()
    out = tmp_path / "out"
    base = ["--store", str(store_dir), "schedule"]
    r = runner.invoke(
        app, [*base, "--once", "--period", "7d", "--until", "2024-05-01", "-o", str(out)]
    )
    assert r.exit_code == 0, r.output
    assert "(2024-04-25 – 2024-05-01)" in r.output and len(list_reports(out)) == 1
    bad = runner.invoke(app, [*base, "--cron", "every monday", "-o", str(out)])
    assert bad.exit_code != 0 and isinstance(bad.exception, InputError)
