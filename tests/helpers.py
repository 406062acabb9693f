"""Helpers every test module shares: paths, fresh stores of each backend (and the lock on the
one Neo4j test database, see ``conftest.py``), the CLI as a process, API settings and checks,
and a snapshot of a store to prove that something changed nothing."""

from __future__ import annotations

import fcntl
import json
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import IO, Any

import pytest
from actorgraph.graph.embedded import EmbeddedStore
from actorgraph.graph.exchange import dump
from actorgraph.graph.store import GraphStore
from actorgraph.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
#: tests of the seed article: it lives in the workspace's shared corpus beside the checkout and is
#: not ours to vendor, so in a checkout without it they skip, saying where it was looked for
needs_seed = pytest.mark.skipif(
    not (SHARED / "corpus" / "ceasefire-talks-live-updates.txt").is_file(),
    reason=f"the seed article is not beside this checkout ({SHARED}/corpus)",
)
EXAMPLE = ROOT / "examples" / "ceasefire-2024" / "records.jsonl"
#: the installed ``actorgraph`` command, next to this interpreter
BIN = Path(sys.executable).with_name("actorgraph")

# ---------------------------------------------------------------------- the stores
NEO4J_URI = os.environ.get("ACTORGRAPH_TEST_NEO4J_URI", "bolt://127.0.0.1:17687")
NEO4J_USER = os.environ.get("NEO4J_USER", "neo4j")
NEO4J_PASSWORD = os.environ.get("NEO4J_PASSWORD", "actorgraph-test")
NEO4J_ON = os.environ.get("ACTORGRAPH_TEST_NEO4J", "on").lower() not in ("off", "0", "false", "no")

BACKENDS = ["embedded", pytest.param("neo4j", marks=pytest.mark.neo4j)]


def open_neo4j() -> GraphStore:
    from actorgraph.graph.neo4j import Neo4jStore

    return Neo4jStore(NEO4J_URI, user=NEO4J_USER, password=NEO4J_PASSWORD)


#: the locks this process holds, by database address
_neo4j_locks: dict[str, IO[str]] = {}


def hold_neo4j_lock(timeout: float = 900.0, uri: str = NEO4J_URI) -> None:
    """Take, for the rest of this process, the lock on the database at ``uri`` (default: the
    test database; see the docstring). Each address has its own lock."""
    if uri in _neo4j_locks:
        return
    name = re.sub(r"[^A-Za-z0-9]+", "-", uri)
    fh = (Path(tempfile.gettempdir()) / f"actorgraph-tests-{name}.lock").open("w")
    deadline = time.monotonic() + timeout
    while True:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
            break
        except BlockingIOError:
            if time.monotonic() > deadline:
                pytest.fail(f"another test session has used {uri} for {timeout:.0f} s")
            time.sleep(0.5)
    _neo4j_locks[uri] = fh


def make_store(kind: str, tmp_path: Path) -> GraphStore:
    """A fresh, empty store of the given backend."""
    if kind == "embedded":
        return EmbeddedStore(tmp_path / "store")
    if not NEO4J_ON:
        pytest.skip("Neo4j leg turned off by ACTORGRAPH_TEST_NEO4J=off")
    hold_neo4j_lock()
    store = open_neo4j()
    store.wipe()  # type: ignore[attr-defined]
    return store


KEY = "test-write-key"
READ_KEY = "test-read-key"
AUTH = {"X-API-Key": KEY}


def run_cli(
    args: list[str], store: Path, check: bool = True, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    """``actorgraph ARGS`` in a process, on ``store``, as a user runs it."""
    env = {**os.environ, "ACTORGRAPH_STORE": str(store), "COLUMNS": "200"}
    p = subprocess.run(
        [str(BIN), *args], capture_output=True, text=True, env=env, timeout=timeout, cwd=ROOT
    )
    if check:
        assert p.returncode == 0, p.stderr
    return p


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def write_jsonl(path: Path, lines: list[Any]) -> Path:
    """Write records (dicts as JSON, str and bytes verbatim) one per line."""
    with path.open("wb") as fh:
        for line in lines:
            if isinstance(line, dict):
                line = json.dumps(line)
            fh.write(line if isinstance(line, bytes) else line.encode("utf-8"))
            fh.write(b"\n")
    return path


def snapshot(store: GraphStore) -> tuple[Any, str, list[dict[str, Any]]]:
    """Everything a store holds: counts, data version and every record."""
    return store.counts(), store.version(), [dump(r) for r in store.iter_records()]


# ---------------------------------------------------------------------- the API
def settings_for(tmp_path: Path, **over: Any) -> Settings:
    """Settings for an app under test: the write key set, no wait for the store."""
    base: dict[str, Any] = {
        "store": str(tmp_path / "unused-store"),
        "api_key": KEY,
        "startup_timeout": 0,
    }
    base.update(over)
    return Settings(**base)


def assert_error(r: Any, status: int, code: str | None = None) -> dict[str, Any]:
    """The response is the API's one error shape, with this status (and code)."""
    assert r.status_code == status, r.text
    body = r.json()
    assert set(body) == {"error"}, body
    err = body["error"]
    assert set(err) == {"code", "message", "details"}, err
    assert isinstance(err["code"], str) and isinstance(err["message"], str)
    assert isinstance(err["details"], dict)
    if code is not None:
        assert err["code"] == code, err
    return err  # type: ignore[no-any-return]


def wait_job(client: Any, url: str, timeout: float = 60.0) -> dict[str, Any]:
    """Poll an ingest job until it has succeeded or failed."""
    deadline = time.monotonic() + timeout
    while True:
        r = client.get(url, headers=AUTH)
        assert r.status_code == 200, r.text
        job = r.json()
        if job["status"] in ("succeeded", "failed"):
            return job  # type: ignore[no-any-return]
        assert time.monotonic() < deadline, job
        time.sleep(0.02)


# ---------------------------------------------------------------------- extraction
def speaks_for_links(
    extractor: Any, text: str, published: str = "2024-05-01"
) -> set[tuple[str, str]]:
    """The (person, principal) pairs of the ``speaks_for`` relations extracted from ``text``."""
    return {
        (r["source"], r["target"])
        for r in extractor.extract_text(text, published=published)
        if r["kind"] == "relation" and r["type"] == "speaks_for"
    }


def rejects_named(
    extractor: Any, text: str, published: str = "2024-05-01"
) -> list[tuple[str, str]]:
    """The (source, target) pairs of the ``rejects`` relations extracted from ``text``, a
    topic target by its name."""
    recs = extractor.extract_text(text, published=published)
    topics = {r["id"]: r["name"] for r in recs if r["kind"] == "topic"}
    return [
        (r["source"], topics.get(r["target"], r["target"]))
        for r in recs
        if r["kind"] == "relation" and r["type"] == "rejects"
    ]
