"""The shared ingest jobs' registry: what wait() promises and what a failed write leaves."""

from __future__ import annotations

import sqlite3
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
