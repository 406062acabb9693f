"""The store interface every backend implements, and the write batch it takes.

Two backends implement it: :mod:`graph.embedded` (networkx in process, persisted in SQLite,
the zero-setup default) and :mod:`graph.neo4j` (Neo4j 5 through the official driver).
Backends hold data and answer primitive queries natively (Python over networkx, Cypher);
name resolution, ranking and influence algorithms live once in :mod:`graph.facade`.

Contract shared by both backends (the suite in ``tests/`` runs on both):

* ``write`` is atomic per batch and idempotent: writing the same batch twice changes nothing
  and does not move :meth:`GraphStore.version`. Nodes merge (new non-empty values win, lists
  are unioned in order); a relation is identified by ``(type, source, target)`` and gathers
  evidence, identified by :attr:`graph.model.Evidence.key`.
* ``find_paths`` returns every simple path of at most ``max_hops`` hops between two actors
  over the given relation types (``traverse: both`` types in both directions, ``forward``
  types along their direction), as node-id lists, sorted by length then by the casefolded
  names along the path, at most ``max_paths`` of them, plus whether the enumeration was cut.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

import networkx as nx
from actorgraph.graph.exchange import AnyRecord
from actorgraph.graph.model import Actor, Document, Relation, Statement, Subgraph, Topic
from actorgraph.graph.schema import Schema, default_schema

#: Hard caps every query respects, whatever the caller asks.
MAX_HOPS = 6
MAX_PATHS = 1000
MAX_ROWS = 10_000
MAX_DEPTH = 4

#: How ``statements(actor=..., role=...)`` matches the actor: as speaker, as the actor spoken
#: for, or either.
STATEMENT_ROLES = ("either", "speaker", "on_behalf_of")


@dataclass(slots=True)
class WriteBatch:
    """Resolved records to write in one transaction (ids already resolved by ingest)."""

    documents: list[Document] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    topics: list[Topic] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)

    def __len__(self) -> int:
        return (
            len(self.documents)
            + len(self.actors)
            + len(self.topics)
            + len(self.statements)
            + len(self.relations)
        )


@dataclass(slots=True)
class WriteResult:
    """What a write changed: counts of created or updated nodes, relations and evidence."""

    nodes: int = 0
    relations: int = 0
    evidence: int = 0

    @property
    def changed(self) -> bool:
        return bool(self.nodes or self.relations or self.evidence)

    def add(self, other: WriteResult) -> None:
        self.nodes += other.nodes
        self.relations += other.relations
        self.evidence += other.evidence


@dataclass(slots=True)
class RawPath:
    """A path as a backend finds it: the node ids along it."""

    nodes: list[str]


class GraphStore(ABC):
    """What a backend must do. Small on purpose; see the module docstring for the contract."""

    schema: Schema = default_schema()
    #: Short name shown to users ("embedded", "neo4j").
    backend: str = "abstract"

    # ---------------------------------------------------------------- lifecycle
    @abstractmethod
    def close(self) -> None:
        """Release connections and files."""

    @abstractmethod
    def ping(self) -> None:
        """Raise :class:`graph.errors.StoreUnavailableError` unless the store answers."""

    @abstractmethod
    def version(self) -> str:
        """An opaque token that changes whenever the data changes (for caches)."""

    def describe(self) -> str:
        """Where the data lives, for messages (no secrets)."""
        return self.backend

    # ---------------------------------------------------------------- writes
    @abstractmethod
    def write(self, batch: WriteBatch) -> WriteResult:
        """Merge a batch atomically; see the module docstring."""

    @abstractmethod
    def delete_actor(self, actor_id: str) -> bool:
        """Remove an actor, its relations and its statements; False if it did not exist."""

    # ---------------------------------------------------------------- nodes
    @abstractmethod
    def get_nodes(self, kind: str, ids: Iterable[str]) -> dict[str, Any]:
        """The nodes of a kind (``Actor``, ``Topic``, ``Statement``, ``Document``) by id."""

    @abstractmethod
    def kinds_of(self, ids: Iterable[str]) -> dict[str, str]:
        """The kind of each id that exists (ids are unique across kinds)."""

    @abstractmethod
    def lookup_names(self, names: Iterable[str]) -> dict[str, list[str]]:
        """Actor ids whose id, name or an alias equals each name (case-insensitively)."""

    @abstractmethod
    def actor_names(self) -> list[tuple[str, str, list[str]]]:
        """``(id, name, aliases)`` of every actor, ordered by id (for search and suggestions)."""

    @abstractmethod
    def list_nodes(self, kind: str, limit: int = 100, offset: int = 0) -> list[Any]:
        """Nodes of a kind ordered by id."""

    @abstractmethod
    def intermediaries(self) -> set[str]:
        """Ids of actors at the source of an intermediary relation type (``mediates``)."""

    # ---------------------------------------------------------------- relations and statements
    @abstractmethod
    def relations(
        self,
        *,
        types: list[str] | None = None,
        source: str | None = None,
        target: str | None = None,
        actor: str | None = None,
        limit: int = 1000,
    ) -> list[Relation]:
        """Relations filtered by type and ends (``actor``: either end), ordered by key."""

    @abstractmethod
    def relations_among(self, node_ids: list[str], types: list[str]) -> list[Relation]:
        """Relations of these types whose two ends are both in ``node_ids``, ordered by key."""

    @abstractmethod
    def statements(
        self,
        *,
        actor: str | None = None,
        role: str = "either",
        topic: str | None = None,
        document: str | None = None,
        since: str | None = None,
        until: str | None = None,
        text: str | None = None,
        limit: int = 100,
        offset: int = 0,
    ) -> tuple[list[Statement], int]:
        """Statements by actor (in ``role``: one of :data:`STATEMENT_ROLES`), topic, dates and
        text, ordered by date (undated first) then id; one page and the total."""

    # ---------------------------------------------------------------- graph queries
    @abstractmethod
    def find_paths(
        self, source: str, target: str, relations: list[str], max_hops: int, max_paths: int
    ) -> tuple[list[RawPath], bool]:
        """Simple paths between two actors; see the module docstring for the order."""

    @abstractmethod
    def neighborhood(
        self,
        seeds: list[str],
        depth: int,
        relations: list[str],
        since: str | None = None,
        until: str | None = None,
        limit: int = 500,
    ) -> Subgraph:
        """Actors and topics within ``depth`` hops of the seeds (either direction)."""

    @abstractmethod
    def projection(
        self, relations: list[str], since: str | None = None, until: str | None = None
    ) -> nx.MultiDiGraph:
        """The actor graph over these relation types in a date window, for influence.

        Nodes are actor ids with ``name`` and ``type``; edges carry ``type`` and ``confidence``.
        """

    # ---------------------------------------------------------------- bulk
    @abstractmethod
    def iter_records(self) -> Iterator[AnyRecord]:
        """Every record in the exchange format (documents, actors, topics, statements,
        relations with one record per piece of evidence; see :mod:`graph.exchange`)."""

    @abstractmethod
    def counts(self) -> dict[str, Any]:
        """Numbers of nodes per kind and relations per type."""
