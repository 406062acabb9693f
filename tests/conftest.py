"""Shared fixtures: one ``store`` fixture parametrized over both backends.

The Neo4j leg talks to a real server (``scripts/neo4j/neo4j start``) at
``ACTORGRAPH_TEST_NEO4J_URI`` (default ``bolt://127.0.0.1:17687``). It is turned off only
by ``ACTORGRAPH_TEST_NEO4J=off``, and then the run says so at the end; when it is on and the
server cannot be reached, the Neo4j tests fail rather than skip.

Neo4j Community has one user database and every Neo4j test wipes it, so a test session takes
a lock (a file in the temp directory, per URI) before its first Neo4j test and holds it until
it exits: two sessions on one machine take turns instead of wiping each other's data.
"""

from __future__ import annotations

import fcntl
import os
import re
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import IO

import pytest
from actorgraph.graph.embedded import EmbeddedStore
from actorgraph.graph.store import GraphStore

# the browser tests' fixtures (servers, chromium, pages), shared by every tests/test_ui*.py
pytest_plugins = ("tests.ui_harness",)

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
EXAMPLE = ROOT / "examples" / "ceasefire-2024" / "records.jsonl"

NEO4J_URI = os.environ.get("ACTORGRAPH_TEST_NEO4J_URI", "bolt://127.0.0.1:17687")
NEO4J_USER = os.environ.get("NEO4J_USER", "neo4j")
NEO4J_PASSWORD = os.environ.get("NEO4J_PASSWORD", "actorgraph-test")
NEO4J_ON = os.environ.get("ACTORGRAPH_TEST_NEO4J", "on").lower() not in ("off", "0", "false", "no")

BACKENDS = ["embedded", pytest.param("neo4j", marks=pytest.mark.neo4j)]


def open_neo4j() -> GraphStore:
    from actorgraph.graph.neo4j import Neo4jStore

    return Neo4jStore(NEO4J_URI, user=NEO4J_USER, password=NEO4J_PASSWORD)


_neo4j_lock: IO[str] | None = None


def hold_neo4j_lock(timeout: float = 900.0) -> None:
    """Take, for the rest of this process, the lock on the test database (see the docstring)."""
    global _neo4j_lock
    if _neo4j_lock is not None:
        return
    name = re.sub(r"[^A-Za-z0-9]+", "-", NEO4J_URI)
    fh = (Path(tempfile.gettempdir()) / f"actorgraph-tests-{name}.lock").open("w")
    deadline = time.monotonic() + timeout
    while True:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
            break
        except BlockingIOError:
            if time.monotonic() > deadline:
                pytest.fail(f"another test session has used {NEO4J_URI} for {timeout:.0f} s")
            time.sleep(0.5)
    _neo4j_lock = fh


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


@pytest.fixture(params=BACKENDS)
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[GraphStore]:
    """An empty store; every test using it runs once per backend."""
    s = make_store(request.param, tmp_path)
    try:
        yield s
    finally:
        s.close()


@pytest.fixture
def example_store(store: GraphStore) -> GraphStore:
    """The store loaded with the ceasefire example."""
    from actorgraph.ingest.loader import Loader

    Loader(store).load_file(EXAMPLE)
    return store


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """With the Neo4j leg off, every test marked ``neo4j`` is skipped (and the run says so)."""
    if NEO4J_ON:
        return
    skip = pytest.mark.skip(reason="Neo4j leg turned off by ACTORGRAPH_TEST_NEO4J=off")
    for item in items:
        if "neo4j" in item.keywords:
            item.add_marker(skip)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if not NEO4J_ON:
        terminalreporter.write_line(
            "NOTE: the Neo4j leg was turned off (ACTORGRAPH_TEST_NEO4J=off): "
            "only the embedded store was tested.",
            yellow=True,
            bold=True,
        )
