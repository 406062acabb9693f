"""The Neo4j backend (Neo4j 5 through the official driver); see :mod:`graph.neo4j.store`."""

from actorgraph.graph.neo4j.store import Neo4jStore

__all__ = ["Neo4jStore"]
