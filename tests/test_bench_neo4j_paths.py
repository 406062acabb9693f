"""``bench/neo4j_paths.py`` tells a question that failed at Neo4j's time or memory limit from
one whose answer the ranking cut: the store turns the first into an empty answer marked cut
too, and the bench counted it as truncated (round 15's hub pairs at 1M)."""

from __future__ import annotations

import itertools
import sys
from typing import Any

import pytest
from actorgraph.graph.errors import LimitError
from actorgraph.graph.facade import Graph
from actorgraph.graph.model import Actor, Evidence, Relation
from actorgraph.graph.store import GraphStore, WriteBatch

from tests.helpers import ROOT


def test_the_bench_counts_an_answer_cut_at_the_limit_as_over_it(
    store: GraphStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    if store.backend != "neo4j":
        pytest.skip("Neo4j's limits")
    monkeypatch.syspath_prepend(str(ROOT / "bench"))
    import neo4j_paths

    ids = [f"n{i}" for i in range(4)]
    rels = [
        Relation("mediates", u, v, [Evidence(document="d1", sentence="s", confidence=0.75)])
        for u, v in itertools.pairwise(ids)
    ]
    store.write(
        WriteBatch(actors=[Actor(i, i.upper(), "organization") for i in ids], relations=rels)
    )
    module = sys.modules[type(store).__module__]
    run = module._Tx.run

    def limited(self: Any, name: str, slots: Any = None, **params: Any) -> list[Any]:
        if params.get("source") == "n0" and name in ("paths_near", "paths"):
            raise LimitError("the query ran longer than its time limit")
        return run(self, name, slots, **params)  # type: ignore[no-any-return]

    monkeypatch.setattr(module._Tx, "run", limited)
    graph = Graph(store)
    assert graph.paths("n0", "n3").truncated  # what the store answers at the limit
    out = neo4j_paths.ask(Graph(store), [("n0", "n3"), ("n1", "n3")], None, "pairs")
    assert (out["over_time_limit"], out["truncated"], out["with_paths"]) == (1, 0, 1)
