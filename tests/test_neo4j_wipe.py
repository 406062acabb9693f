"""``Neo4jStore.wipe()`` deletes in transactions of bounded size.

At a million relations a batch of nodes deleted with their relationships went over the
server's transaction memory limit (a hub brings its thousands of relationships into the
transaction that deletes it). The wipe now deletes the relationships first, at most
``WIPE_BATCH`` a transaction, and then the nodes. Neo4j Community cannot lower the memory
limit at run time, so the test counts what each transaction deleted instead: with a small
batch, a hub with several batches of relationships.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from actorgraph.graph.model import Actor, Evidence, Relation
from actorgraph.graph.store import WriteBatch

from tests.helpers import make_store

BATCH = 40
LEAVES = 130  # more than three batches of relationships, all on one hub


@pytest.mark.neo4j
def test_neo4j_wipe_deletes_a_hub_s_relationships_over_several_transactions(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from actorgraph.graph.neo4j import store as neo4j_store

    store = make_store("neo4j", tmp_path)
    try:
        leaves = [Actor(id=f"leaf-{i}", name=f"Leaf {i}", type="person") for i in range(LEAVES)]
        hub = Actor(id="hub", name="Hub", type="state")
        said = [
            Relation(
                "speaks_for",
                a.id,
                hub.id,
                [Evidence(sentence=f"{a.name} spoke.", date="2024-01-02")],
            )
            for a in leaves
        ]
        store.write(WriteBatch(actors=[hub, *leaves], relations=said))
        assert store.counts()["relations"] == {"speaks_for": LEAVES}

        # what each write transaction of the wipe deleted, from the store as it is between them
        monkeypatch.setattr(neo4j_store, "WIPE_BATCH", BATCH, raising=False)
        deleted: list[tuple[int, int]] = []
        write = neo4j_store.Neo4jStore._write

        def counted(self: Any, fn: Any) -> Any:
            before = _sizes(store)
            try:
                return write(self, fn)
            finally:
                after = _sizes(store)
                deleted.append((before[0] - after[0], before[1] - after[1]))

        monkeypatch.setattr(neo4j_store.Neo4jStore, "_write", counted)
        store.wipe()  # type: ignore[attr-defined]
        monkeypatch.undo()

        assert _sizes(store) == (0, 0)
        assert sum(r for _, r in deleted) == LEAVES
        assert max(r for _, r in deleted) <= BATCH, deleted
        assert max(n for n, _ in deleted) <= BATCH, deleted
    finally:
        store.close()


def _sizes(store: Any) -> tuple[int, int]:
    """(nodes, relations) the store holds."""
    counts = store.counts()
    return sum(counts["nodes"].values()), sum(counts["relations"].values())
