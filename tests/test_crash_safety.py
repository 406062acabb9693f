"""A process killed mid-ingest loses nothing it committed; a re-run finishes the job."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import time
from pathlib import Path

from actorgraph.graph.embedded import EmbeddedStore
from actorgraph.graph.facade import Graph
from actorgraph.ingest.loader import Loader
from actorgraph.ingest.synthetic import synthetic_records

from tests.helpers import BIN


def _evidence_rows(store_dir: Path) -> int:
    db = store_dir / "actorgraph.sqlite"
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(db, timeout=1) as conn:
            return int(conn.execute("SELECT count(*) FROM evidence").fetchone()[0])
    except sqlite3.OperationalError:
        return 0


def test_kill_mid_ingest_then_rerun(tmp_path: Path) -> None:
    data = tmp_path / "big.jsonl"
    with data.open("w") as fh:
        for rec in synthetic_records(60_000, seed=3):
            fh.write(json.dumps(rec) + "\n")
    store_dir = tmp_path / "store"
    env = {**os.environ, "ACTORGRAPH_STORE": str(store_dir)}
    cmd = [str(BIN), "ingest", str(data), "--batch-size", "200"]
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while _evidence_rows(store_dir) == 0 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert proc.poll() is None, "ingest finished before it could be killed; make the file bigger"
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)

    # what was committed is readable and consistent
    partial = EmbeddedStore(store_dir)
    counts = partial.counts()
    total_partial = sum(counts["relations"].values())
    assert 0 < counts["evidence"] < 60_000
    assert total_partial > 0
    for rel in partial.relations(limit=50):
        assert rel.evidence, "a relation was committed without its evidence"
    partial.close()

    # a re-run finishes the job, and equals one clean ingest
    subprocess.run(cmd, env=env, check=True, capture_output=True, timeout=300)
    finished = EmbeddedStore(store_dir)
    clean = EmbeddedStore(tmp_path / "clean")
    Loader(clean).load_file(data)
    a, b = finished.counts(), clean.counts()
    assert a == b
    assert a["evidence"] == 60_000
    assert Graph(finished).influence(top=5) == Graph(clean).influence(top=5)
