"""The embedded store: networkx in process, persisted in SQLite under a data directory."""

from graph.embedded.store import EmbeddedStore

__all__ = ["EmbeddedStore"]
