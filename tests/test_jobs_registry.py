"""The shared ingest jobs' registry: what wait() promises and what a failed write leaves."""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from pathlib import Path

import pytest
from actorgraph.api.jobs import JobRegistry
from actorgraph.ingest.loader import IngestReport


def _report(job: object) -> IngestReport:
    return IngestReport()


def test_wait_returns_only_when_the_final_state_is_in_the_jobs_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    jobs = JobRegistry(tmp_path / "jobs.sqlite")
    real = jobs._save

    def slow_final(job):  # type: ignore[no-untyped-def]
        if job.status in ("succeeded", "failed"):
            time.sleep(0.3)  # the last write lags behind the job's end
        real(job)

    monkeypatch.setattr(jobs, "_save", slow_final)
    job = jobs.submit("records", "x.jsonl", _report)
    jobs.wait()
    other = JobRegistry(tmp_path / "jobs.sqlite")  # another worker reads the file
    seen = other.get(job.id)
    assert seen is not None and seen.status == "succeeded"
    jobs.shutdown()
    other.shutdown()


def test_a_final_write_that_fails_once_is_tried_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    jobs = JobRegistry(tmp_path / "jobs.sqlite")
    real = jobs._save
    failures = []

    def flaky(job):  # type: ignore[no-untyped-def]
        if job.status == "succeeded" and not failures:
            failures.append(job.id)
            raise sqlite3.OperationalError("database is locked")
        real(job)

    monkeypatch.setattr(jobs, "_save", flaky)
    monkeypatch.setattr("actorgraph.api.jobs.time.sleep", lambda s: None)
    job = jobs.submit("records", "x.jsonl", _report)
    jobs.wait()
    assert failures == [job.id]
    other = JobRegistry(tmp_path / "jobs.sqlite")
    seen = other.get(job.id)
    assert seen is not None and seen.status == "succeeded"
    jobs.shutdown()
    other.shutdown()


def _as_other_host(registry: JobRegistry) -> JobRegistry:
    registry._host = "another-host"  # a worker in another container sharing the jobs file
    return registry


def test_another_hosts_job_reads_interrupted_once_its_heartbeat_is_stale(tmp_path: Path) -> None:
    path = tmp_path / "jobs.sqlite"
    writer = JobRegistry(path)
    writer._db()
    now = time.time()
    for job_id, beat in (("stale", now - 600), ("fresh", now - 5), ("unknown", None)):
        writer._db().execute(
            "INSERT INTO jobs (id, kind, source, status, created, host, pid, beat) "
            "VALUES (?, 'records', 'x.jsonl', 'running', '2026-01-01', 'gone-host', 1, ?)",
            (job_id, beat),
        )
    reader = JobRegistry(path, stale_after=120)
    stale, fresh, unknown = (reader.get(i) for i in ("stale", "fresh", "unknown"))
    assert stale is not None and stale.status == "failed"
    assert stale.error is not None and stale.error["code"] == "interrupted"
    assert fresh is not None and fresh.status == "running"
    # no heartbeat at all (a jobs file written before there was one): nothing to tell
    assert unknown is not None and unknown.status == "running"
    writer.shutdown()
    reader.shutdown()


def test_a_long_running_job_keeps_its_heartbeat_fresh(tmp_path: Path) -> None:
    path = tmp_path / "jobs.sqlite"
    jobs = JobRegistry(path, stale_after=1.2)  # a beat every 0.2 s: room for a busy machine

    def slow(job: object) -> IngestReport:
        time.sleep(3.0)  # no progress reported meanwhile: only the heartbeat writes
        return IngestReport()

    job = jobs.submit("records", "x.jsonl", slow)
    other = _as_other_host(JobRegistry(path, stale_after=1.2))
    time.sleep(2.0)  # more than stale_after since the job's last save
    seen = other.get(job.id)
    assert seen is not None and seen.status in ("queued", "running"), seen
    jobs.wait()
    done = other.get(job.id)
    assert done is not None and done.status == "succeeded"
    jobs.shutdown()
    other.shutdown()


def test_a_jobs_file_from_before_the_heartbeat_gains_the_column(tmp_path: Path) -> None:
    path = tmp_path / "jobs.sqlite"
    old = sqlite3.connect(path)
    old.execute(
        "CREATE TABLE jobs (id TEXT PRIMARY KEY, kind TEXT NOT NULL, source TEXT NOT NULL, "
        "status TEXT NOT NULL, created TEXT NOT NULL, started TEXT, finished TEXT, "
        "done INTEGER NOT NULL DEFAULT 0, total INTEGER, report TEXT, error TEXT, "
        "host TEXT NOT NULL, pid INTEGER NOT NULL, pid_mark TEXT)"
    )
    old.commit()
    old.close()
    jobs = JobRegistry(path)
    job = jobs.submit("records", "x.jsonl", _report)
    jobs.wait()
    reader = JobRegistry(path)
    seen = reader.get(job.id)
    assert seen is not None and seen.status == "succeeded"
    jobs.shutdown()
    reader.shutdown()


def test_a_job_marked_interrupted_stays_so_when_its_worker_finishes_after_all(
    tmp_path: Path,
) -> None:
    path = tmp_path / "jobs.sqlite"
    jobs = JobRegistry(path)
    started = threading.Event()
    go_on = threading.Event()

    def held(job: object) -> IngestReport:
        started.set()
        go_on.wait(10)
        return IngestReport()

    job = jobs.submit("records", "x.jsonl", held)
    assert started.wait(10)
    other = JobRegistry(path)  # another host read a late heartbeat: interrupted
    other._db().execute(
        "UPDATE jobs SET status = 'failed', error = ? WHERE id = ?",
        (json.dumps({"code": "interrupted", "message": "", "details": {}}), job.id),
    )
    go_on.set()
    jobs.wait()
    seen = other.get(job.id)
    assert seen is not None and seen.status == "failed"
    assert seen.error is not None and seen.error["code"] == "interrupted"
    jobs.shutdown()
    other.shutdown()
