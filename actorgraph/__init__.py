"""actorgraph: a knowledge graph of actors, statements and relations.

The project's folders (``graph/``, ``ingest/``, ``api/``, ``cli/``, ``reports/``, ``cypher/``)
stay at the top of the repository, as the design card puts them, but are installed as
sub-packages of this one (``actorgraph.graph``, ``actorgraph.api``, ...; see the
``package-dir`` mapping in ``pyproject.toml``). So installing actorgraph adds a single
top-level name to an environment and cannot shadow, or be shadowed by, another distribution's
``graph`` or ``api`` package.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from actorgraph.notebook import OpenGraph


def open(store: str | Path | None = None, **settings: Any) -> OpenGraph:
    """Open a graph for a notebook (:mod:`actorgraph.notebook`): a directory (the embedded
    store) or a Neo4j URI, other settings as keywords. Imported on first use, so that
    ``import actorgraph`` stays light for the command line."""
    from actorgraph.notebook import open_graph

    return open_graph(store, **settings)


__all__ = ["open"]
