"""Shared fixtures (the helpers are in :mod:`tests.helpers`): one ``store`` fixture
parametrized over both backends.

The Neo4j leg talks to a real server (``scripts/neo4j/neo4j start``) at
``ACTORGRAPH_TEST_NEO4J_URI`` (default ``bolt://127.0.0.1:17687``). It is turned off only
by ``ACTORGRAPH_TEST_NEO4J=off``, and then the run says so at the end; when it is on and the
server cannot be reached, the Neo4j tests fail rather than skip.

Neo4j Community has one user database and every Neo4j test wipes it, so a test session takes
a lock (a file in the temp directory, per URI) before its first Neo4j test and holds it until
it exits: two sessions on one machine take turns instead of wiping each other's data.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from actorgraph.graph.store import GraphStore
from actorgraph.ingest.loader import Loader

from tests.helpers import BACKENDS, EXAMPLE, NEO4J_ON, make_store

# the browser tests' fixtures (servers, chromium, pages), shared by every tests/test_ui*.py
pytest_plugins = ("tests.ui_harness",)


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
