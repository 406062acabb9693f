"""``bench/neo4j_ingest.py`` wipes the database it is given: it must wait for the lock that
test sessions take on that database (``tests/conftest.py``), not on the default test one."""

from __future__ import annotations

import fcntl
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from tests.helpers import ROOT, free_port


def test_the_bench_waits_for_the_lock_on_the_database_of_its_uri() -> None:
    uri = f"bolt://127.0.0.1:{free_port()}"  # nothing listens there: the bench fails after
    name = re.sub(r"[^A-Za-z0-9]+", "-", uri)
    with (Path(tempfile.gettempdir()) / f"actorgraph-tests-{name}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # a test session on that database
        bench = subprocess.Popen(
            [sys.executable, str(ROOT / "bench" / "neo4j_ingest.py"), "--uri", uri],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=ROOT,
        )
        try:
            assert bench.stdout is not None
            first = bench.stdout.readline()
            assert first.strip() == f"waiting for the lock on {uri} …", first
            time.sleep(1.0)
            assert bench.poll() is None, "the bench went on while a test session held the lock"
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)
    try:
        _, err = bench.communicate(timeout=120)
    finally:
        bench.kill()
    # once the lock is free it goes on, and finds no server at that address
    assert bench.returncode != 0
    assert uri in err


def test_the_servers_cpu_is_split_by_what_its_threads_do(tmp_path: Path) -> None:
    """Where the server's CPU went (queries and commits, garbage collection, JIT compilers)
    comes from its threads' names; a thread that ended takes its time to "other"."""
    sys.path.insert(0, str(ROOT / "bench"))
    import neo4j_ingest

    tick = os.sysconf("SC_CLK_TCK")

    def task(tid: int, name: str, ticks: int) -> None:
        d = tmp_path / "77" / "task" / str(tid)
        d.mkdir(parents=True, exist_ok=True)
        (d / "comm").write_text(name + "\n")
        # utime and stime are the 14th and 15th fields; the name may hold spaces and ")"
        (d / "stat").write_text(f"{tid} ({name}) S 1 1 1 0 -1 0 0 0 0 0 {ticks} 0 0 0\n")

    task(1, "neo4j.BoltWorke", 10 * tick)
    task(2, "GC Thread#0", 2 * tick)
    task(3, "C2 CompilerThre", 1 * tick)
    task(4, "neo4j.Scheduler", 0)
    before = neo4j_ingest.server_threads(77, proc=tmp_path)
    assert before["1"] == ("queries and commits", 10.0)
    assert before["4"] == ("other", 0.0)
    task(1, "neo4j.BoltWorke", 25 * tick)
    task(2, "GC Thread#0", 5 * tick)
    task(3, "C2 CompilerThre", 1 * tick)
    task(5, "neo4j.BoltWorke", 4 * tick)  # a new worker
    task(4, "neo4j.Scheduler", 1 * tick)
    after = neo4j_ingest.server_threads(77, proc=tmp_path)
    split = neo4j_ingest.thread_split(before, after, total=25.0)
    assert split == {
        "queries and commits": 19.0,
        "garbage collection": 3.0,
        "JIT compilers": 0.0,
        "other": 3.0,  # the scheduler's 1 s and 2 s of threads that ended
    }
    assert neo4j_ingest.server_threads(78, proc=tmp_path) == {}


def test_a_process_holds_one_lock_per_database(monkeypatch: pytest.MonkeyPatch) -> None:
    """A process that took the lock of one database (the test one) and is then given another
    (a bench's --uri) takes that one too, not nothing."""
    from tests import helpers

    monkeypatch.setattr(helpers, "_neo4j_locks", {})
    uris = [f"bolt://127.0.0.1:{free_port()}", f"bolt://127.0.0.1:{free_port()}"]
    try:
        for uri in uris:
            helpers.hold_neo4j_lock(timeout=5, uri=uri)
        for uri in uris:
            name = re.sub(r"[^A-Za-z0-9]+", "-", uri)
            with (Path(tempfile.gettempdir()) / f"actorgraph-tests-{name}.lock").open("w") as fh:
                try:
                    fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
                except BlockingIOError:
                    continue
                raise AssertionError(f"{uri} was not locked")
    finally:
        for fh in helpers._neo4j_locks.values():
            fh.close()
