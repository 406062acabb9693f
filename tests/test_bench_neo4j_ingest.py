"""``bench/neo4j_ingest.py`` wipes the database it is given: it must wait for the lock that
test sessions take on that database (``tests/conftest.py``), not on the default test one."""

from __future__ import annotations

import fcntl
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

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
