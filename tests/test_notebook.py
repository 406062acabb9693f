"""The notebook API (``actorgraph.open``) on both backends, and the example notebook, executed
as CI runs it: its outputs must be the ones committed with it (docs that cannot go stale)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import actorgraph
import nbformat
import networkx as nx
import pytest
from actorgraph.graph.brokerage import actor_digraph, brokerage
from actorgraph.graph.embedded import EmbeddedStore
from actorgraph.graph.store import GraphStore
from nbclient import NotebookClient

from tests.helpers import NEO4J_PASSWORD, NEO4J_URI, NEO4J_USER, ROOT

NOTEBOOK = ROOT / "examples" / "research.ipynb"


def opened(store: GraphStore) -> Any:
    if isinstance(store, EmbeddedStore):
        return actorgraph.open(store.directory)
    return actorgraph.open(NEO4J_URI, neo4j_user=NEO4J_USER, neo4j_password=NEO4J_PASSWORD)


def test_notebook_api_answers_as_the_store(example_store: GraphStore) -> None:
    with opened(example_store) as g:
        assert g.store.backend == example_store.backend
        routes = [[n.id for n in p.nodes] for p in g.paths("Israel", "Hamas", max_hops=2).paths]
        assert sorted(routes) == [["israel", "egypt", "hamas"], ["israel", "qatar", "hamas"]]
        assert {b.actor.id for b in g.brokers("Israel", "Hamas")[:2]} == {"egypt", "qatar"}

        G = g.to_networkx()
        assert isinstance(G, nx.MultiDiGraph)
        rels = example_store.relations(types=example_store.schema.actor_relation_types)
        assert Counter((u, v, k) for u, v, k in G.edges(keys=True)) == Counter(
            (r.source, r.target, r.type) for r in rels if r.target_kind == "Actor"
        )
        assert G.nodes["qatar"]["name"] == "Qatar"
        assert set(g.to_networkx(as_of="2024-04-01").nodes) == {
            "antony-blinken",
            "united-states",
            "benjamin-netanyahu",
            "israel",
        }

        df = g.relations_frame()
        assert len(df) == example_store.counts()["evidence"]
        every: Counter[str] = Counter()
        for r in example_store.relations(limit=1000):  # topic-targeted stances included
            every[r.type] += len(r.evidence)
        assert Counter(df["type"]) == every
        assert set(g.relations_frame(["mediates"])["source"]) == {"qatar", "egypt"}
        assert g.relations_frame(as_of="2024-04-01")["type"].unique().tolist() == ["speaks_for"]

        frame = g.brokerage("type", top=50)
        want = brokerage(
            actor_digraph(example_store.projection(example_store.schema.actor_relation_types)),
            "type",
        )
        for row in frame.itertuples():
            assert row.raw_liaison == want.actors[row.actor].scores.raw["liaison"]
        assert set(frame["actor"]) == set(want.actors)


def test_open_names_a_bad_store_clearly(tmp_path: Path) -> None:
    from actorgraph.graph.errors import InputError

    with pytest.raises(InputError, match="unsupported store URI scheme"):
        actorgraph.open("http://example.org/graph")


def test_example_notebook_executes_and_its_outputs_are_current() -> None:
    committed = nbformat.read(NOTEBOOK, as_version=4)
    nb = nbformat.read(NOTEBOOK, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs = []
    NotebookClient(
        nb,
        timeout=300,
        kernel_name="python3",
        resources={"metadata": {"path": str(NOTEBOOK.parent)}},
    ).execute()

    def texts(book: Any) -> list[str]:
        out = []
        for cell in book.cells:
            for o in cell.get("outputs", []):
                assert o["output_type"] != "error", o
                out.append(o.get("text") or o.get("data", {}).get("text/plain", ""))
        return out

    got = texts(nb)
    assert any("Israel → Qatar → Hamas" in t for t in got)
    assert got == texts(committed), "re-run examples/research.ipynb and commit its outputs"
