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
* ``find_paths`` returns the best ``max_paths`` simple paths of at most ``max_hops`` hops
  between two actors over the given relation types (``traverse: both`` types in both
  directions, ``forward`` types along their direction), optionally only through
  intermediaries (every inner node an intermediary), in the order of :mod:`graph.ranking`
  (fewest hops, best support, most recent, names), plus whether the search was cut: a cut
  answer holds fewer paths than asked, and they are still the first paths of that order.
  What is exact and what is bounded: the embedded store lists or searches every path and is
  cut only by the time limit. Neo4j lists and ranks paths of up to four hops as the embedded
  store does, over the hops one query reads (exact, never cut); past four hops, or past that
  query's bounds, it ranks one length at a time; a length whose walks fit
  its path budget is ranked whole (exact). Past the budget it joins, for each actor in the
  middle of the length, the best few half-paths out of the source with the best few into the
  target (``path_keep`` each, ranked by their own support, recency, names), and computes the
  most support any path with a half left out could have (the last kept half's support times
  the other side's best). Every joined path whose support is above that bound is exactly
  where the full ranking puts it, so those are returned; when fewer than asked are above it
  (or a side has more half-walks than ``path_half_cap``, or the time limit comes), the answer
  is cut there. It is never empty when a path of the shortest length clears the bound.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from actorgraph.graph.model import (
    Actor,
    Document,
    Evidence,
    NodeRef,
    Relation,
    RelationView,
    Statement,
    Subgraph,
    Topic,
)
from actorgraph.graph.ranking import name_sort_key
from actorgraph.graph.schema import Schema, default_schema

if TYPE_CHECKING:
    import networkx as nx
    from actorgraph.graph.exchange import AnyRecord
    from actorgraph.graph.influence import EdgeList

#: Hard caps every query respects, whatever the caller asks.
MAX_HOPS = 6
MAX_PATHS = 1000
MAX_ROWS = 10_000
MAX_DEPTH = 4
#: The furthest a page may start (``offset``): past it no store pages (SQLite's integers end).
MAX_OFFSET = 1_000_000_000

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
    #: set by ingest when its first pass has checked every id and reference of the batch
    #: against the input and the store (kinds, types, ends): a store need not check them again
    #: and only makes sure the ends it links are there
    checked: bool = False
    #: what :meth:`GraphStore.prepare` computed of the batch before its write (the store's
    #: own, opaque to everyone else); the batch must not change after it was prepared
    prepared: Any = field(default=None, repr=False, compare=False)

    def __len__(self) -> int:
        return (
            len(self.documents)
            + len(self.actors)
            + len(self.topics)
            + len(self.statements)
            + len(self.relations)
        )


@dataclass(slots=True)
class Rewrite:
    """A change that takes things away as well as adding them, made in one transaction by
    :meth:`GraphStore.rewrite`: merging two actors, retracting a document.

    ``remove_nodes`` go with every relation that touches them (and, in Neo4j, their derived
    links); ``remove_relations`` are ``(type, source, target)``; then ``batch`` is written as
    :meth:`GraphStore.write` writes it (so relations re-written with part of their evidence get
    their aggregates from what they hold now). ``notes`` are kept with the data (a ``None``
    value removes one): what a merge moved (so it can be undone), the retractions made.
    """

    remove_nodes: list[str] = field(default_factory=list)
    remove_relations: list[tuple[str, str, str]] = field(default_factory=list)
    batch: WriteBatch = field(default_factory=WriteBatch)
    notes: dict[str, str | None] = field(default_factory=dict)


@dataclass(slots=True)
class WriteResult:
    """What a write changed: counts of created or updated nodes, relations and evidence."""

    nodes: int = 0
    relations: int = 0
    evidence: int = 0
    #: transactions the store tried again (a transient error, a commit cut off) before it
    #: knew the batch committed once; what the batch wrote is counted once all the same
    retried: int = 0

    @property
    def changed(self) -> bool:
        return bool(self.nodes or self.relations or self.evidence)

    def add(self, other: WriteResult) -> None:
        self.nodes += other.nodes
        self.relations += other.relations
        self.evidence += other.evidence
        self.retried += other.retried


@dataclass(slots=True)
class Upgrade:
    """What :meth:`GraphStore.upgrade` did: whether the store was written in an older layout
    than this version keeps, the relations it went through and those it gave what the current
    layout stores (evidence ranks, dates), and whether it went on from where an earlier run
    stopped."""

    needed: bool = False
    scanned: int = 0
    filled: int = 0
    #: relations it could not fill (evidence and its keys of unequal lengths): read whole
    skipped: int = 0
    resumed: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "needed": self.needed,
            "scanned": self.scanned,
            "filled": self.filled,
            "skipped": self.skipped,
            "resumed": self.resumed,
        }


@dataclass(slots=True)
class RawPath:
    """A path as a backend finds it: the node ids along it, its support and the date of its
    stalest hop (:mod:`graph.ranking`)."""

    nodes: list[str]
    support: float = 0.0
    last_seen: str | None = None


@dataclass(slots=True)
class InnerCounts:
    """The inner actors of the best ``paths`` paths between two actors (the brokers of
    :meth:`graph.facade.Graph.brokers`): ``(id, paths through it, rank of the best path
    through it)``, ordered by the most paths, then the best rank, and cut after the ``top``-th
    and those tied with it on both (names order the ties: the caller reads them)."""

    paths: int
    actors: list[tuple[str, int, int]]


def count_inner(paths: list[RawPath], top: int) -> InnerCounts:
    """:class:`InnerCounts` of ranked paths (an inner actor counted once per path)."""
    counts: dict[str, int] = {}
    best: dict[str, int] = {}
    for n, p in enumerate(paths, 1):
        for node in set(p.nodes[1:-1]):
            counts[node] = counts.get(node, 0) + 1
            best.setdefault(node, n)
    order = sorted(counts, key=lambda i: (-counts[i], best[i]))
    if len(order) > top:
        last = (-counts[order[top - 1]], best[order[top - 1]])
        order = [i for i in order if (-counts[i], best[i]) <= last]
    return InnerCounts(len(paths), [(i, counts[i], best[i]) for i in order])


@dataclass(slots=True)
class Neighbourhood:
    """What :func:`admit_neighbours` decided: admitted nodes (id -> level), relation keys met
    (with their ends), and what the cap left out."""

    seen: dict[str, int]
    edges: dict[str, tuple[str, str]]
    truncated: bool = False
    left_out: dict[str, int] = field(default_factory=dict)
    exact: bool = True

    def kept_edges(self) -> list[tuple[str, tuple[str, str]]]:
        """The relation keys met whose both ends were admitted, by key, with their ends."""
        seen = self.seen
        return [
            (k, ends)
            for k, ends in sorted(self.edges.items())
            if ends[0] in seen and ends[1] in seen
        ]

    def subgraph(self, nodes: dict[str, NodeRef], views: Iterable[RelationView]) -> Subgraph:
        """The answer of :meth:`GraphStore.neighbors`: the admitted ``nodes`` by name, then
        id, the kept relations' ``views`` as edges, and what the cap left out."""
        order = sorted(nodes, key=lambda i: name_sort_key(nodes[i].name, i))
        return Subgraph(
            nodes=[nodes[i] for i in order],
            edges=[{"id": v.key, **v.summary(), "target_kind": v.target_kind} for v in views],
            truncated=self.truncated,
            left_out=self.left_out,
            left_out_exact=self.exact,
        )


#: Kinds a neighbourhood holds, in the order they fill the node cap.
NEIGHBOUR_KINDS = ("Actor", "Topic")


def admit_neighbours(
    seeds: list[tuple[str, str, str]],
    depth: int,
    limit: int,
    incident: Callable[[list[str]], Iterable[tuple[str, str, str]]],
    describe: Callable[[list[str]], dict[str, tuple[str, str]]],
) -> Neighbourhood:
    """Breadth-first neighbourhood bookkeeping shared by both backends.

    ``seeds`` are ``(id, kind, sort key)`` of existing actors or topics. Level by level,
    ``incident(frontier)`` gives ``(relation key, source, target)`` of the relations touching
    the frontier and ``describe(ids)`` the ``(kind, sort key)`` of the nodes found; new nodes
    are admitted actors first, then topics, each in name order, while fewer than ``limit``
    nodes are admitted. Once the cap cuts a level, the search stops there: ``left_out``
    counts, per kind, the nodes of that level not admitted (exact when that level is the
    last one asked for, "at least" otherwise: ``exact`` says which).
    """
    rank = {k: i for i, k in enumerate(NEIGHBOUR_KINDS)}
    seen: dict[str, int] = {}
    for node_id, kind, _key in seeds:
        if kind in rank:
            seen.setdefault(node_id, 0)
    frontier = [s for s, _k, _key in sorted(seeds, key=lambda x: x[2]) if s in seen]
    out = Neighbourhood(seen=seen, edges={})
    for level in range(1, depth + 1):
        if not frontier:
            break
        found: set[str] = set()
        for key, source, target in incident(frontier):
            out.edges[key] = (source, target)
            for end in (source, target):
                if end not in seen:
                    found.add(end)
        info = describe(sorted(found))
        ordered = sorted(
            (i for i in found if i in info and info[i][0] in rank),
            key=lambda i: (rank[info[i][0]], info[i][1]),
        )
        nxt = []
        for i in ordered:
            if len(seen) >= limit:
                kind = info[i][0]
                out.left_out[kind] = out.left_out.get(kind, 0) + 1
                continue
            seen[i] = level
            nxt.append(i)
        if out.left_out:
            out.truncated = True
            out.exact = level == depth
            break
        frontier = nxt
    return out


class GraphStore(ABC):
    """What a backend must do. Small on purpose; see the module docstring for the contract."""

    schema: Schema = default_schema()
    #: Short name shown to users ("embedded", "neo4j").
    backend: str = "abstract"

    # ---------------------------------------------------------------- lifecycle
    @abstractmethod
    def close(self) -> None:
        """Release connections and files."""

    def warm(self) -> None:
        """Prepare what the first questions would otherwise pay for (a server's query plans);
        a long-lived process (the API) calls it once after opening the store, off the
        request path. Nothing by default."""
        return None

    def upgrade(
        self,
        progress: Callable[[int, int], None] | None = None,
        batch: int | None = None,
        rescan: bool = False,
    ) -> Upgrade:
        """Bring data written by an older version up to the layout this one keeps (``actorgraph
        upgrade``): in bounded transactions of ``batch`` relations, resumable and idempotent;
        ``progress(done, total)`` after each. ``rescan``: go through every relation even when
        the store says it is up to date. Answers are the same before and after; only their
        cost changes. Nothing by default: the embedded store keeps every piece's rank since
        its schema version 2."""
        return Upgrade()

    @abstractmethod
    def ping(self) -> None:
        """Raise :class:`graph.errors.StoreUnavailableError` unless the store answers."""

    @abstractmethod
    def version(self) -> str:
        """An opaque token that changes whenever the data changes (for caches)."""

    def describe(self) -> str:
        """Where the data lives, for messages (no secrets)."""
        return self.backend

    def load_ranking(self, key: str) -> tuple[str, str] | None:
        """``(version, payload)`` of the influence ranking kept under ``key``, if the store
        keeps rankings (see :mod:`graph.influence_cache`)."""
        return None

    def save_ranking(self, key: str, version: str, payload: str) -> None:  # noqa: B027
        """Keep an influence ranking (optional: a store may keep none)."""

    def flush(self) -> None:  # noqa: B027 - optional hook
        """Called at the end of an ingest: a backend may write what makes it open fast."""

    def bulk(self) -> AbstractContextManager[None]:
        """The write phase of an ingest runs inside this: a backend may prepare for many
        batches (and must leave every committed batch readable if the process dies in it)."""
        return nullcontext()

    # ---------------------------------------------------------------- writes
    def prepare(self, batch: WriteBatch) -> WriteBatch:
        """The batch with what its :meth:`write` can compute before its transaction (what does
        not depend on what the store holds), so that an ingest can prepare one batch while the
        store writes the one before it. The default prepares nothing."""
        return batch

    @abstractmethod
    def write(self, batch: WriteBatch) -> WriteResult:
        """Merge a batch atomically; see the module docstring."""

    @abstractmethod
    def delete_actor(self, actor_id: str) -> bool:
        """Remove an actor, its relations and its statements; False if it did not exist."""

    @abstractmethod
    def rewrite(self, change: Rewrite) -> WriteResult:
        """Make ``change`` in one transaction (see :class:`Rewrite`); the version moves."""

    @abstractmethod
    def notes(self, prefix: str) -> dict[str, str]:
        """The notes kept by :meth:`rewrite` whose key starts with ``prefix``."""

    @abstractmethod
    def relations_citing(self, document: str, statements: list[str]) -> list[Relation]:
        """Relations (all their evidence) with a piece of evidence from ``document`` or
        supported by one of ``statements``, ordered by key."""

    # ---------------------------------------------------------------- nodes
    @abstractmethod
    def get_nodes(self, kind: str, ids: Iterable[str]) -> dict[str, Any]:
        """The nodes of a kind (``Actor``, ``Topic``, ``Statement``, ``Document``) by id."""

    @abstractmethod
    def kinds_of(self, ids: Iterable[str]) -> dict[str, str]:
        """The kind of each id that exists (ids are unique across kinds)."""

    def nodes_of(self, ids: Iterable[str]) -> dict[str, tuple[str, Any]]:
        """The kind and node of each id that exists, of any kind (:meth:`kinds_of`, then
        :meth:`get_nodes` for each kind found; a store may do it in one read)."""
        by_kind: dict[str, list[str]] = {}
        for i, k in self.kinds_of(ids).items():
            by_kind.setdefault(k, []).append(i)
        return {
            i: (k, node)
            for k, group in by_kind.items()
            for i, node in self.get_nodes(k, group).items()
        }

    @abstractmethod
    def lookup_names(self, names: Iterable[str]) -> dict[str, list[str]]:
        """Actor ids whose id, name or an alias equals each name (case-insensitively)."""

    def version_and_names(self, names: Iterable[str]) -> tuple[str, dict[str, list[str]]]:
        """:meth:`version` and :meth:`lookup_names` together, what a question about named
        actors reads before anything else (a server backend reads both in one round trip);
        no names, no look-up."""
        wanted = list(names)
        return self.version(), self.lookup_names(wanted) if wanted else {}

    def version_and_actors(
        self, names: Iterable[str]
    ) -> tuple[str, dict[str, list[str]], dict[str, Any]]:
        """:meth:`version_and_names`, and the actors found by id where the same read gives them
        (a server backend: then a path answer without paths reads nothing more to name its
        ends); none here."""
        version, named = self.version_and_names(names)
        return version, named, {}

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
    def relations_among(
        self, node_ids: list[str], types: list[str], evidence_limit: int | None = None
    ) -> list[RelationView]:
        """Relations of these types whose two ends are both in ``node_ids``, ordered by key,
        each with at most ``evidence_limit`` pieces of evidence, best first (all when None)."""

    def nodes_and_relations(
        self,
        ids: list[str],
        pairs: list[tuple[str, str]],
        types: list[str],
        evidence_limit: int | None = None,
    ) -> tuple[dict[str, tuple[str, Any]], list[RelationView]]:
        """:meth:`nodes_of` and :meth:`relations_between` together: what a path answer
        reads of its actors and hops (a server backend reads both in one round trip)."""
        return self.nodes_of(ids), self.relations_between(pairs, types, evidence_limit)

    def relations_between(
        self, pairs: list[tuple[str, str]], types: list[str], evidence_limit: int | None = None
    ) -> list[RelationView]:
        """Relations of these types from each pair's first node to its second, ordered by
        key (what a path answer shows on its hops). Backends look them up by their ends."""
        nodes = sorted({x for p in pairs for x in p})
        wanted = set(pairs)
        return [
            r
            for r in self.relations_among(nodes, types, evidence_limit)
            if (r.source, r.target) in wanted
        ]

    @abstractmethod
    def relation_evidence(
        self, rel_type: str, source: str, target: str, offset: int = 0, limit: int = 20
    ) -> tuple[list[Evidence], int] | None:
        """A page of one relation's evidence, best first, with the total; None when there is
        no such relation."""

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
        self,
        source: str,
        target: str,
        relations: list[str],
        max_hops: int,
        max_paths: int,
        intermediaries_only: bool = False,
    ) -> tuple[list[RawPath], bool]:
        """The best simple paths between two actors; see the module docstring for the order."""

    def no_paths(self, source: str, target: str, relations: list[str], version: str) -> bool:
        """True when what this store read with the data ``version`` (the ends' names, on a
        server) shows that no path of ``relations`` joins the two actors, so the search need
        not run; False when it does not know. None here: the search finds it out."""
        return False

    def inner_counts(
        self,
        source: str,
        target: str,
        relations: list[str],
        max_hops: int,
        max_paths: int,
        top: int,
        intermediaries_only: bool = False,
    ) -> InnerCounts:
        """The inner actors of :meth:`find_paths`' answer counted (:func:`count_inner`); a
        store may count them without making the paths (the embedded store does)."""
        raw, _cut = self.find_paths(
            source, target, relations, max_hops, max_paths, intermediaries_only
        )
        return count_inner(raw, top)

    @abstractmethod
    def neighborhood(
        self,
        seeds: list[str],
        depth: int,
        relations: list[str],
        since: str | None = None,
        until: str | None = None,
        limit: int = 500,
        evidence_limit: int | None = None,
    ) -> Subgraph:
        """Actors and topics within ``depth`` hops of the seeds (either direction), admitted
        by :func:`admit_neighbours`; edges carry at most ``evidence_limit`` pieces of
        evidence each."""

    def named_neighborhood(
        self,
        names: list[str],
        seeds_of: Callable[[str, dict[str, list[str]]], tuple[list[str], Subgraph | None]],
        depth: int,
        relations: list[str],
        since: str | None = None,
        until: str | None = None,
        limit: int = 500,
        evidence_limit: int | None = None,
    ) -> tuple[str, Subgraph, bool]:
        """A neighbourhood asked by names: :meth:`version_and_names`, then ``seeds_of(version,
        found)`` (the caller's seeds for the names, and its answer kept at that version, or
        None), then, without a kept answer, :meth:`neighborhood` of the seeds. Returns the
        version, the answer and whether it was read now. A server backend reads it all in one
        read transaction."""
        version, found = self.version_and_names(names)
        seeds, kept = seeds_of(version, found)
        if kept is not None:
            return version, kept, False
        sub = self.neighborhood(seeds, depth, relations, since, until, limit, evidence_limit)
        return version, sub, True

    @abstractmethod
    def projection_edges(
        self, relations: list[str], since: str | None = None, until: str | None = None
    ) -> list[tuple[str, str, str, float]]:
        """``(source, target, type, confidence)`` of every actor-to-actor relation of these
        types observed or valid in the date window (the edges influence is computed on)."""

    def projection_edgelist(self, relations: list[str], both: set[str]) -> EdgeList | None:
        """The edges of :meth:`projection_edges` (no date window) as the canonical
        :class:`graph.influence.EdgeList`, relations of the types in ``both`` counted both
        ways, when the store can give it faster than by those tuples; None otherwise."""
        return None

    def projection(
        self, relations: list[str], since: str | None = None, until: str | None = None
    ) -> nx.MultiDiGraph:
        """The same as a networkx graph of the actors that take part (``name`` and ``type``
        on nodes; ``type`` and ``confidence`` on edges), for researchers' own analyses."""
        import networkx as nx

        g = nx.MultiDiGraph()
        edges = self.projection_edges(relations, since, until)
        ids = sorted({x for u, v, _, _ in edges for x in (u, v)})
        for i, a in self.get_nodes("Actor", ids).items():
            g.add_node(i, name=a.name, type=a.type)
        for u, v, t, c in edges:
            g.add_edge(u, v, key=t, type=t, confidence=c)
        return g

    # ---------------------------------------------------------------- bulk
    @abstractmethod
    def iter_records(self) -> Iterator[AnyRecord]:
        """Every record in the exchange format (documents, actors, topics, statements,
        relations with one record per piece of evidence; see :mod:`graph.exchange`)."""

    @abstractmethod
    def counts(self) -> dict[str, Any]:
        """Numbers of nodes per kind and relations per type."""
