"""Background ingest jobs: one worker thread, so writes from the API never interleave.

A job is created by ``POST /ingest`` (202 with its id) and polled with ``GET /jobs/{id}``:
status ``queued`` -> ``running`` -> ``succeeded`` | ``failed``, progress in records, and at
the end the :class:`ingest.loader.IngestReport` or the error in the API's error shape.
Jobs live in the memory of the server process that took them (the last
``ACTORGRAPH_JOBS_KEPT`` are remembered); with several uvicorn workers, poll the same one.
"""

from __future__ import annotations

import logging
import threading
import time
import uuid
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from actorgraph.graph.errors import ActorgraphError, StoreUnavailableError
from actorgraph.ingest.loader import IngestReport

logger = logging.getLogger("actorgraph.api")

Work = Callable[["Job"], IngestReport]


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


@dataclass
class Job:
    """One ingest and what became of it."""

    id: str
    kind: str
    source: str
    status: str = "queued"
    created: str = field(default_factory=_now)
    started: str | None = None
    finished: str | None = None
    done: int = 0
    total: int | None = None
    report: dict[str, Any] | None = None
    error: dict[str, Any] | None = None

    def progress(self, n: int, total: int | None = None) -> None:
        """The loader's progress callback: ``n`` more records written of ``total``."""
        self.done += n
        if total is not None:
            self.total = total

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "source": self.source,
            "status": self.status,
            "created": self.created,
            "started": self.started,
            "finished": self.finished,
            "progress": {"done": self.done, "total": self.total},
            "report": self.report,
            "error": self.error,
        }


class JobRegistry:
    """Runs jobs one at a time in a worker thread and remembers the last ``keep`` of them."""

    def __init__(self, keep: int = 200) -> None:
        self.keep = keep
        self._jobs: OrderedDict[str, Job] = OrderedDict()
        self._lock = threading.Lock()
        self._pool: ThreadPoolExecutor | None = None

    def submit(self, kind: str, source: str, work: Work) -> Job:
        job = Job(id=uuid.uuid4().hex, kind=kind, source=source)
        with self._lock:
            self._jobs[job.id] = job
            self._trim()
            if self._pool is None:  # first job, or the app was started again after a stop
                self._pool = ThreadPoolExecutor(
                    max_workers=1, thread_name_prefix="actorgraph-ingest"
                )
            self._pool.submit(self._run, job, work)
        return job

    def get(self, job_id: str) -> Job | None:
        with self._lock:
            return self._jobs.get(job_id)

    def _trim(self) -> None:
        finished = [j for j in self._jobs.values() if j.status in ("succeeded", "failed")]
        for j in finished[: max(0, len(self._jobs) - self.keep)]:
            del self._jobs[j.id]

    def _run(self, job: Job, work: Work) -> None:
        job.status = "running"
        job.started = _now()
        t0 = time.monotonic()
        try:
            report = work(job)
        except StoreUnavailableError as exc:  # the job is readable by anyone with the key
            logger.warning("ingest job %s: %s", job.id, exc)
            job.error = {"code": exc.code, "message": exc.public, "details": {}}
            job.status = "failed"
        except ActorgraphError as exc:
            job.error = {"code": exc.code, "message": exc.message, "details": exc.details}
            job.status = "failed"
        except Exception:
            logger.exception("ingest job %s failed", job.id)
            job.error = {
                "code": "internal_error",
                "message": "the ingest failed unexpectedly; the details are in the server log",
                "details": {},
            }
            job.status = "failed"
        else:
            job.report = report.to_dict()
            job.status = "succeeded"
        job.finished = _now()
        logger.info("ingest job %s %s in %.2f s", job.id, job.status, time.monotonic() - t0)
        with self._lock:
            self._trim()

    def wait(self, timeout: float = 30.0) -> None:
        """Block until every submitted job has finished (for tests and shutdown)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self._lock:
                busy = any(j.status in ("queued", "running") for j in self._jobs.values())
            if not busy:
                return
            time.sleep(0.01)

    def shutdown(self) -> None:
        """Finish the running job, drop the queued ones (marked failed)."""
        with self._lock:
            pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)
        with self._lock:
            for j in self._jobs.values():
                if j.status == "queued":
                    j.status = "failed"
                    j.finished = _now()
                    j.error = {
                        "code": "cancelled",
                        "message": "the server stopped before this job ran",
                        "details": {},
                    }
