"""Background ingest jobs, shared by every worker process of one server.

A job is created by ``POST /ingest`` (202 with its id) and polled with ``GET /jobs/{id}``:
status ``queued`` -> ``running`` -> ``succeeded`` | ``failed``, progress in records, and at
the end the :class:`ingest.loader.IngestReport` or the error in the API's error shape.

The worker process that took a job runs it in its one ingest thread, and writes the job's
state (status, progress, report or error) to a small SQLite file, the jobs file (for an
embedded store ``jobs.sqlite`` in its directory, see :func:`jobs_path`), so any worker of
the server answers ``GET /jobs/{id}``. Jobs run one at a time across the workers: a job
takes the jobs file's lock (``flock`` on ``<jobs file>.lock``) before it runs, the
single-writer rule the API kept with one worker. A job whose worker process died (killed,
out of memory) is marked ``failed`` with the code ``interrupted`` when it is next read: on
the same host by its process id, from another host (containers sharing the jobs file) by its
heartbeat, which the worker writes while the job is queued or running and which stops when
the worker dies (``ACTORGRAPH_JOBS_STALE_AFTER`` seconds without one). The last
``ACTORGRAPH_JOBS_KEPT`` finished jobs are remembered. Without a jobs file
(``JobRegistry(None)``, an app given a store that is not embedded) the table is in memory.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import logging
import os
import socket
import sqlite3
import tempfile
import threading
import time
import uuid
from collections import OrderedDict
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from actorgraph.graph.errors import ActorgraphError, StoreUnavailableError
from actorgraph.ingest.loader import IngestReport

logger = logging.getLogger("actorgraph.api")

Work = Callable[["Job"], IngestReport]

JOBS_FILE = "jobs.sqlite"
#: how often a running job writes its progress to the jobs file at most (seconds)
PROGRESS_EVERY = 0.25

_SCHEMA = """
CREATE TABLE IF NOT EXISTS jobs (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    source TEXT NOT NULL,
    status TEXT NOT NULL,
    created TEXT NOT NULL,
    started TEXT,
    finished TEXT,
    done INTEGER NOT NULL DEFAULT 0,
    total INTEGER,
    report TEXT,
    error TEXT,
    host TEXT NOT NULL,
    pid INTEGER NOT NULL,
    pid_mark TEXT,
    beat REAL
)
"""
_COLUMNS = (
    "id, kind, source, status, created, started, finished, done, total, report, error, "
    "host, pid, pid_mark, beat"
)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


def jobs_path(store: str, database: str = "neo4j", embedded: bool = True) -> Path:
    """Where a server's jobs are kept by default: ``jobs.sqlite`` in an embedded store's
    directory; for Neo4j a file in the temporary directory named after the URI and database
    (every worker of the servers of one machine on that database shares it)."""
    if embedded:
        return Path(store) / JOBS_FILE
    digest = hashlib.sha1(f"{store}\0{database}".encode()).hexdigest()[:16]
    return Path(tempfile.gettempdir()) / f"actorgraph-jobs-{digest}.sqlite"


def _process_mark(pid: int) -> str | None:
    """What tells this process from a later one with the same id (its start time in clock
    ticks since boot, from ``/proc``); None when no such process runs."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        return None
    except OSError:  # no /proc: only whether the id is taken
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return None
        except PermissionError:
            pass
        return "alive"
    return stat.rsplit(")", 1)[1].split()[19]


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
    #: called after each progress step (the registry writes it to the jobs file)
    on_progress: Callable[[Job], None] | None = field(default=None, repr=False, compare=False)

    def progress(self, n: int, total: int | None = None) -> None:
        """The loader's progress callback: ``n`` more records written of ``total``."""
        self.done += n
        if total is not None:
            self.total = total
        if self.on_progress is not None:
            self.on_progress(self)

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


INTERRUPTED = {
    "code": "interrupted",
    "message": "the server process running this job stopped before it finished; "
    "what it had written is committed, run the ingest again to complete it",
    "details": {},
}
UNSAVED = {
    "code": "internal_error",
    "message": "the job's state could not be written to the jobs file; the details are in the "
    "server log",
    "details": {},
}


class JobRegistry:
    """Runs this process's jobs one at a time in a worker thread, keeps every job's state in
    the jobs file ``path`` (in memory when None), and remembers the last ``keep`` finished."""

    def __init__(
        self, path: Path | None = None, keep: int = 200, stale_after: float = 120.0
    ) -> None:
        self.path = path
        self.keep = keep
        #: seconds without a heartbeat after which another host's job counts as dead
        self.stale_after = stale_after
        self._beating = threading.Event()  # set: the heartbeat thread should stop
        self._beater: threading.Thread | None = None
        #: this process's jobs (what :meth:`wait` and :meth:`shutdown` look at)
        self._jobs: OrderedDict[str, Job] = OrderedDict()
        self._lock = threading.Lock()
        self._pool: ThreadPoolExecutor | None = None
        self._conn: sqlite3.Connection | None = None
        self._host = socket.gethostname()
        self._pid = -1
        self._mark: str | None = None
        self._saved_at: dict[str, float] = {}
        #: jobs this process took whose final state is not yet in the jobs file
        self._unsettled: set[str] = set()

    # ------------------------------------------------------------------ the jobs file

    def _db(self) -> sqlite3.Connection:
        """The connection to the jobs file, opened at first use (after a fork: a worker's
        registry is built in the worker, and the store's directory exists by then)."""
        if self._conn is None:
            where = ":memory:" if self.path is None else str(self.path)
            if self.path is not None:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(where, timeout=30, check_same_thread=False)
            conn.isolation_level = None  # transactions are explicit
            if self.path is not None:
                conn.execute("PRAGMA journal_mode=WAL")
            conn.execute(_SCHEMA)
            columns = {row[1] for row in conn.execute("PRAGMA table_info(jobs)")}
            if "beat" not in columns:  # a jobs file from before the heartbeat
                with contextlib.suppress(sqlite3.OperationalError):  # another worker added it
                    conn.execute("ALTER TABLE jobs ADD COLUMN beat REAL")
            self._conn = conn
        if self._pid != os.getpid():  # the process that owns the jobs it starts from here on
            self._pid = os.getpid()
            self._mark = _process_mark(self._pid)
        return self._conn

    @contextlib.contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            conn = self._db()
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")

    def _save(self, job: Job) -> None:
        with self._write() as conn:
            conn.execute(
                f"INSERT INTO jobs ({_COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) "
                # a job another worker has marked finished (interrupted: its heartbeat was
                # late) stays so: its state never flips back to running or succeeded
                "ON CONFLICT(id) DO UPDATE SET status = excluded.status, "
                "started = excluded.started, finished = excluded.finished, "
                "done = excluded.done, total = excluded.total, report = excluded.report, "
                "error = excluded.error, host = excluded.host, pid = excluded.pid, "
                "pid_mark = excluded.pid_mark, beat = excluded.beat "
                "WHERE jobs.status IN ('queued', 'running')",
                (
                    job.id,
                    job.kind,
                    job.source,
                    job.status,
                    job.created,
                    job.started,
                    job.finished,
                    job.done,
                    job.total,
                    None if job.report is None else json.dumps(job.report),
                    None if job.error is None else json.dumps(job.error),
                    self._host,
                    self._pid,
                    self._mark,
                    time.time(),
                ),
            )
        self._saved_at[job.id] = time.monotonic()

    def _heartbeat(self) -> None:
        """While this process has jobs queued or running, write their heartbeat every
        sixth of :attr:`stale_after` (so a slow write or two never makes a live job look
        dead to another host)."""
        every = max(0.01, self.stale_after / 6)
        while not self._beating.wait(every):
            with self._lock:
                ids = list(self._unsettled)
            if not ids:
                continue
            try:
                with self._write() as conn:
                    conn.executemany(
                        "UPDATE jobs SET beat = ? WHERE id = ? AND status IN ('queued', 'running')",
                        [(time.time(), i) for i in ids],
                    )
            except sqlite3.Error:  # the next beat tries again; the job itself goes on
                logger.warning("ingest jobs: the heartbeat could not be written", exc_info=True)

    def _progressed(self, job: Job) -> None:
        """Write a running job's progress, at most every :data:`PROGRESS_EVERY` seconds."""
        if time.monotonic() - self._saved_at.get(job.id, 0.0) >= PROGRESS_EVERY:
            self._save(job)

    @contextlib.contextmanager
    def _turn(self) -> Iterator[None]:
        """One job at a time across the processes that share the jobs file."""
        if self.path is None:
            yield
            return
        with open(f"{self.path}.lock", "a+b") as fh:
            fcntl.flock(fh, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(fh, fcntl.LOCK_UN)

    # ------------------------------------------------------------------ the API

    def submit(self, kind: str, source: str, work: Work) -> Job:
        job = Job(id=uuid.uuid4().hex, kind=kind, source=source, on_progress=self._progressed)
        self._save(job)
        with self._lock:
            self._jobs[job.id] = job
            self._unsettled.add(job.id)
            self._trim_local()
            if self._pool is None:  # first job, or the app was started again after a stop
                self._pool = ThreadPoolExecutor(
                    max_workers=1, thread_name_prefix="actorgraph-ingest"
                )
            if self.path is not None and self._beater is None:
                self._beating.clear()
                self._beater = threading.Thread(
                    target=self._heartbeat, name="actorgraph-jobs-heartbeat", daemon=True
                )
                self._beater.start()
            self._pool.submit(self._run, job, work)
        return job

    def get(self, job_id: str) -> Job | None:
        """The job as the jobs file has it, whichever worker runs it; a job whose worker
        died is marked failed (``interrupted``) first."""
        if self._conn is None and self.path is not None and not self.path.exists():
            return None  # no job was ever taken (and the store's directory is not made here)
        with self._lock:
            row = (
                self._db()
                .execute(f"SELECT {_COLUMNS} FROM jobs WHERE id = ?", (job_id,))
                .fetchone()
            )
        if row is None:
            return None
        job = Job(
            id=row[0],
            kind=row[1],
            source=row[2],
            status=row[3],
            created=row[4],
            started=row[5],
            finished=row[6],
            done=row[7],
            total=row[8],
            report=None if row[9] is None else json.loads(row[9]),
            error=None if row[10] is None else json.loads(row[10]),
        )
        host, pid, mark, beat = row[11], row[12], row[13], row[14]
        if job.status in ("queued", "running") and self._orphaned(host, pid, mark, beat):
            job.status = "failed"
            job.finished = _now()
            job.error = INTERRUPTED
            with self._write() as conn:  # unless its worker finished it meanwhile
                conn.execute(
                    "UPDATE jobs SET status = ?, finished = ?, error = ? "
                    "WHERE id = ? AND status IN ('queued', 'running')",
                    (job.status, job.finished, json.dumps(job.error), job.id),
                )
        return job

    def _orphaned(self, host: str, pid: int, mark: str | None, beat: float | None) -> bool:
        if host != self._host:  # another machine's process: only its heartbeat tells
            return beat is not None and time.time() - beat > self.stale_after
        if pid == self._pid:
            return mark != self._mark
        return _process_mark(pid) != mark

    def _trim_local(self) -> None:
        finished = [j for j in self._jobs.values() if j.status in ("succeeded", "failed")]
        for j in finished[: max(0, len(self._jobs) - self.keep)]:
            del self._jobs[j.id]
            self._saved_at.pop(j.id, None)

    def _trim(self) -> None:
        with self._write() as conn:
            conn.execute(
                "DELETE FROM jobs WHERE status IN ('succeeded', 'failed') AND id NOT IN "
                "(SELECT id FROM jobs WHERE status IN ('succeeded', 'failed') "
                "ORDER BY finished DESC LIMIT ?)",
                (self.keep,),
            )
        with self._lock:
            self._trim_local()

    def _run(self, job: Job, work: Work) -> None:
        t0 = time.monotonic()
        try:
            with self._turn():
                job.status = "running"
                job.started = _now()
                self._save(job)
                self._finish(job, work)
                job.finished = _now()
                self._save_final(job)
            logger.info("ingest job %s %s in %.2f s", job.id, job.status, time.monotonic() - t0)
            self._trim()
        except Exception:  # the jobs file could not be written: say so, in memory at least
            logger.exception("ingest job %s: its state could not be written", job.id)
            if job.status in ("queued", "running"):
                job.status = "failed"
                job.error = UNSAVED
        finally:
            with self._lock:
                self._unsettled.discard(job.id)

    def _save_final(self, job: Job) -> None:
        """Write a finished job's state, trying once more after a failure (a file locked past
        the busy timeout): a worker that lives on must not leave its job `running` in the
        file."""
        try:
            self._save(job)
        except sqlite3.Error:
            logger.warning("ingest job %s: writing its final state failed; trying again", job.id)
            time.sleep(1.0)
            self._save(job)

    def _finish(self, job: Job, work: Work) -> None:
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

    def wait(self, timeout: float = 30.0) -> None:
        """Block until every job this process took has finished (for tests and shutdown)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self._lock:  # settled: finished and written to the jobs file
                busy = bool(self._unsettled)
            if not busy:
                return
            time.sleep(0.01)

    def shutdown(self) -> None:
        """Finish the running job, drop the queued ones (marked failed)."""
        with self._lock:
            pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)
        beater, self._beater = self._beater, None
        if beater is not None:
            self._beating.set()
            beater.join()
        with self._lock:
            dropped = [j for j in self._jobs.values() if j.status == "queued"]
        for j in dropped:
            j.status = "failed"
            j.finished = _now()
            j.error = {
                "code": "cancelled",
                "message": "the server stopped before this job ran",
                "details": {},
            }
            self._save(j)
            with self._lock:
                self._unsettled.discard(j.id)
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None
