"""The embedded store: networkx in process, persisted in SQLite under a data directory."""

from actorgraph.graph.embedded.store import EmbeddedStore

__all__ = ["EmbeddedStore"]
