"""The queries the API serves, through a ``neo4j://`` routing URI (as a cluster or Aura is
reached, reads going to the servers the routing table names for reading), against the local
server: the same answers as the embedded store."""

from __future__ import annotations

from pathlib import Path

import pytest
from actorgraph.graph.embedded import EmbeddedStore
from actorgraph.graph.facade import Graph
from actorgraph.ingest.loader import Loader

from tests.helpers import EXAMPLE, NEO4J_PASSWORD, NEO4J_URI, NEO4J_USER, hold_neo4j_lock


@pytest.mark.neo4j
def test_paths_influence_and_neighbourhoods_through_a_routing_uri(tmp_path: Path) -> None:
    from actorgraph.graph.neo4j import Neo4jStore

    assert NEO4J_URI.startswith("bolt://")
    routed_uri = "neo4j://" + NEO4J_URI.removeprefix("bolt://")
    hold_neo4j_lock()
    routed = Neo4jStore(routed_uri, user=NEO4J_USER, password=NEO4J_PASSWORD)
    try:
        assert routed._driver.__class__.__name__ == "Neo4jDriver"  # the routing driver
        routed.wipe()
        Loader(routed).load_file(EXAMPLE)
        local = EmbeddedStore(tmp_path / "store")
        Loader(local).load_file(EXAMPLE)
        gr, gl = Graph(routed), Graph(local)
        for s, t in [("United States", "Hamas"), ("Israel", "Hamas")]:
            assert gr.paths(s, t).to_dict() == gl.paths(s, t).to_dict()
            only = gr.paths(s, t, intermediaries_only=True)
            assert only.to_dict() == gl.paths(s, t, intermediaries_only=True).to_dict()
            assert gr.brokers(s, t) == gl.brokers(s, t)
        for metric in ("pagerank", "betweenness", "degree"):
            assert [x.actor.id for x in gr.influence(metric)] == [
                x.actor.id for x in gl.influence(metric)
            ]
        assert gr.neighbors("Qatar", depth=2).to_dict() == gl.neighbors("Qatar", depth=2).to_dict()
        gr.close()
        gl.close()
        local.close()
    finally:
        routed.close()
