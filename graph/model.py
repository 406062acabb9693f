"""The data model: nodes, relations with their evidence, and the shapes queries return.

Everything here is plain data (dataclasses) so both backends, the CLI and the API share it.
``to_dict`` gives the JSON form used by ``--json`` and the API.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, fields
from typing import Any

ACTOR, STATEMENT, TOPIC, DOCUMENT = "Actor", "Statement", "Topic", "Document"
NODE_KINDS = (ACTOR, STATEMENT, TOPIC, DOCUMENT)


_SPACES = re.compile(r"\s+")


def normalize_name(name: str) -> str:
    """The key under which names and aliases are looked up (case, quotes and spaces folded)."""
    name = unicodedata.normalize("NFKC", name).replace("’", "'").replace("‘", "'")
    return _SPACES.sub(" ", name).strip().casefold()


def short_hash(*parts: object) -> str:
    """A short stable hash of the parts (used for ids that have no natural slug)."""
    h = hashlib.sha1("\x1f".join("" if p is None else str(p) for p in parts).encode("utf-8"))
    return h.hexdigest()[:16]


class Serializable:
    """Mixin: ``to_dict`` drops ``None`` values and empty lists for compact JSON."""

    def to_dict(self) -> dict[str, Any]:
        return {k: v for k, v in asdict(self).items() if v is not None and v != []}  # type: ignore[call-overload]


@dataclass(slots=True)
class Role(Serializable):
    """An office or role held by an actor on behalf of another, with its dates."""

    title: str
    of: str
    valid_from: str | None = None
    valid_to: str | None = None


@dataclass(slots=True)
class Actor(Serializable):
    id: str
    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    description: str | None = None
    roles: list[Role] = field(default_factory=list)


@dataclass(slots=True)
class Topic(Serializable):
    id: str
    name: str
    keywords: list[str] = field(default_factory=list)
    description: str | None = None


@dataclass(slots=True)
class Document(Serializable):
    id: str
    title: str
    url: str | None = None
    published: str | None = None
    outlet: str | None = None
    file: str | None = None


@dataclass(slots=True)
class Statement(Serializable):
    id: str
    speaker: str
    text: str
    quote: bool = False
    on_behalf_of: str | None = None
    date: str | None = None
    document: str | None = None
    about: list[str] = field(default_factory=list)
    evidence: str | None = None
    start: int | None = None
    end: int | None = None
    confidence: float = 1.0
    origin: str = "curated"


@dataclass(slots=True)
class Evidence(Serializable):
    """One piece of evidence for a relation: where and how we learnt it."""

    document: str | None = None
    sentence: str | None = None
    statement: str | None = None
    date: str | None = None
    valid_from: str | None = None
    valid_to: str | None = None
    confidence: float = 1.0
    origin: str = "curated"
    start: int | None = None
    end: int | None = None
    #: set on a piece that says the relation ended on this date (see graph.asof)
    ended: str | None = None

    def as_row(self) -> dict[str, Any]:
        """All fields as a dict (faster than ``dataclasses.asdict`` on the ingest path)."""
        return {f: getattr(self, f) for f in EVIDENCE_FIELDS}

    def to_dict(self) -> dict[str, Any]:
        # flat scalars only: no need for dataclasses.asdict's deep copy (hot in path results)
        return {
            k: v
            for k in self.__slots__  # type: ignore[attr-defined]
            if (v := getattr(self, k)) is not None
        }

    @property
    def key(self) -> str:
        """Identity of the evidence: the same document, sentence, statement and origin (and
        end date, for a piece that ends the relation): :func:`short_hash` of them, spelt out
        (every field is a string or None) because ingest computes one per record."""
        d, s, st = self.document or "", self.sentence or "", self.statement or ""
        text = f"{d}\x1f{s}\x1f{st}\x1f{self.origin}"
        if self.ended:
            text += "\x1f" + self.ended
        return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


EVIDENCE_FIELDS = tuple(f.name for f in fields(Evidence))


def evidence_dates(evidence: list[Evidence]) -> list[str]:
    """Every date some evidence was observed or declared valid (``date``, ``valid_from``)."""
    return [d for e in evidence for d in (e.date, e.valid_from) if d]


def evidence_starts(evidence: list[Evidence]) -> list[str]:
    """The ``valid_from`` of the pieces that have one."""
    return [e.valid_from for e in evidence if e.valid_from]


def evidence_ends(evidence: list[Evidence]) -> list[str]:
    """The ``valid_to`` of the pieces that have one."""
    return [e.valid_to for e in evidence if e.valid_to]


@dataclass(slots=True)
class Relation(Serializable):
    """A fact ``source -[type]-> target`` with every piece of evidence for it."""

    type: str
    source: str
    target: str
    evidence: list[Evidence] = field(default_factory=list)
    target_kind: str = ACTOR

    @property
    def key(self) -> str:
        return relation_key(self.type, self.source, self.target)

    @property
    def confidence(self) -> float:
        return max((e.confidence for e in self.evidence), default=1.0)

    @property
    def dates(self) -> list[str]:
        """Every date the relation was observed or declared valid, sorted."""
        return sorted(set(evidence_dates(self.evidence)))

    @property
    def valid_from(self) -> str | None:
        return min(evidence_starts(self.evidence), default=None)

    @property
    def valid_to(self) -> str | None:
        return max(evidence_ends(self.evidence), default=None)

    def in_window(self, since: str | None, until: str | None) -> bool:
        """True when the relation was observed (or valid) inside ``[since, until]``.

        Without a window every relation counts; with one, undated relations do not.
        """
        if since is None and until is None:
            return True
        for e in self.evidence:
            lo = e.valid_from or e.date
            hi = e.valid_to or e.date or (None if e.valid_from is None else "9999-12-31")
            if lo is None and hi is None:
                continue
            lo = lo or "0000-01-01"
            hi = hi or "9999-12-31"
            if (until is None or lo <= until) and (since is None or hi >= since):
                return True
        return False

    def summary(self, evidence_limit: int | None = None) -> dict[str, Any]:
        """JSON form with aggregates (confidence, first and last seen, sources, support) and
        the evidence best first: at most ``evidence_limit`` pieces (all when None), with
        ``evidence_total`` saying how many there are."""
        return RelationView.of(self, evidence_limit).summary()


@dataclass(slots=True)
class RelationView:
    """A relation as answers show it: its aggregates over all its evidence, and only the best
    few pieces of evidence (:func:`graph.ranking.rank_evidence`), with their total."""

    type: str
    source: str
    target: str
    target_kind: str = ACTOR
    confidence: float = 1.0
    first_seen: str | None = None
    last_seen: str | None = None
    valid_from: str | None = None
    valid_to: str | None = None
    sources: int = 0
    evidence_total: int = 0
    evidence: list[Evidence] = field(default_factory=list)

    @property
    def key(self) -> str:
        return relation_key(self.type, self.source, self.target)

    @property
    def support(self) -> float:
        from actorgraph.graph.ranking import support

        return support(self.confidence, self.sources)

    @classmethod
    def of(cls, rel: Relation, evidence_limit: int | None = None) -> RelationView:
        from actorgraph.graph.ranking import rank_evidence, relation_sources

        d = rel.dates
        return cls(
            type=rel.type,
            source=rel.source,
            target=rel.target,
            target_kind=rel.target_kind,
            confidence=rel.confidence,
            first_seen=d[0] if d else None,
            last_seen=d[-1] if d else None,
            valid_from=rel.valid_from,
            valid_to=rel.valid_to,
            sources=relation_sources(rel.evidence),
            evidence_total=len(rel.evidence),
            evidence=rank_evidence(rel.evidence, evidence_limit),
        )

    def summary(self) -> dict[str, Any]:
        return {
            "type": self.type,
            "source": self.source,
            "target": self.target,
            "confidence": self.confidence,
            "first_seen": self.first_seen,
            "last_seen": self.last_seen,
            "valid_from": self.valid_from,
            "valid_to": self.valid_to,
            "sources": self.sources,
            "support": self.support,
            "evidence_total": self.evidence_total,
            "evidence": [e.to_dict() for e in self.evidence],
        }


def relation_key(rel_type: str, source: str, target: str) -> str:
    """Identity of a relation: its type and its two ends."""
    return f"{rel_type}|{source}|{target}"


# ---------------------------------------------------------------- query results


@dataclass(slots=True)
class NodeRef(Serializable):
    """A node as queries return it: id, kind, display name and actor type."""

    id: str
    kind: str
    name: str
    type: str | None = None
    intermediary: bool = False

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"id": self.id, "kind": self.kind, "name": self.name}
        if self.type is not None:
            d["type"] = self.type
        d["intermediary"] = self.intermediary
        return d


@dataclass(slots=True)
class Hop(Serializable):
    """One step of a path: from ``source`` to ``target`` through these relations.

    ``relations`` holds every relation (with evidence) that links the two actors in a
    direction the path may walk; ``reversed`` marks a relation walked against its direction.
    """

    source: str
    target: str
    relations: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        # the relation dicts are already JSON-ready: no deep copy (hot in path results)
        d: dict[str, Any] = {"source": self.source, "target": self.target}
        if self.relations:
            d["relations"] = self.relations
        return d


@dataclass(slots=True)
class Path(Serializable):
    """A path with what ranks it (:mod:`graph.ranking`): its support (the product of its
    hops' best support) and the date of its stalest hop."""

    nodes: list[NodeRef]
    hops: list[Hop]
    support: float = 0.0
    last_seen: str | None = None

    @property
    def length(self) -> int:
        return len(self.hops)

    def to_dict(self, hop: Callable[[Hop], Any] = Hop.to_dict) -> dict[str, Any]:
        """JSON-ready; ``hop`` renders each hop (the API sends hops it rendered before)."""
        return {
            "length": self.length,
            "support": self.support,
            "last_seen": self.last_seen,
            "nodes": [n.to_dict() for n in self.nodes],
            "hops": [hop(h) for h in self.hops],
        }


@dataclass(slots=True)
class PathResult(Serializable):
    source: NodeRef
    target: NodeRef
    paths: list[Path]
    max_hops: int
    relations: list[str]
    truncated: bool = False
    intermediaries_only: bool = False
    evidence_limit: int = 3

    def to_dict(self, hop: Callable[[Hop], Any] = Hop.to_dict) -> dict[str, Any]:
        """JSON-ready; ``hop`` renders each hop (see :meth:`Path.to_dict`)."""
        return {
            "source": self.source.to_dict(),
            "target": self.target.to_dict(),
            "max_hops": self.max_hops,
            "relations": self.relations,
            "intermediaries_only": self.intermediaries_only,
            "evidence_limit": self.evidence_limit,
            "truncated": self.truncated,
            "count": len(self.paths),
            "paths": [p.to_dict(hop) for p in self.paths],
        }


@dataclass(slots=True)
class Broker(Serializable):
    """An actor on the ranked paths between two actors: how many of them pass through it,
    their share, and the rank (1 = best) of the best path through it."""

    actor: NodeRef
    paths: int
    share: float
    best_path: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "actor": self.actor.to_dict(),
            "paths": self.paths,
            "share": self.share,
            "best_path": self.best_path,
        }


@dataclass(slots=True)
class Score(Serializable):
    actor: NodeRef
    score: float
    rank: int

    def to_dict(self) -> dict[str, Any]:
        return {"rank": self.rank, "actor": self.actor.to_dict(), "score": self.score}


@dataclass(slots=True)
class Subgraph(Serializable):
    """Nodes and edges around some actors.

    When the node cap cuts, ``truncated`` is true and ``left_out`` counts, per kind
    (``Actor``, ``Topic``), the neighbours found and not shown: exact at depth 1; at larger
    depths "at least" (nodes past the cut are not expanded, so their neighbours are not
    counted), which ``left_out_exact`` says.
    """

    nodes: list[NodeRef]
    edges: list[dict[str, Any]]
    truncated: bool = False
    left_out: dict[str, int] = field(default_factory=dict)
    left_out_exact: bool = True

    def to_dict(self) -> dict[str, Any]:
        return {
            "nodes": [n.to_dict() for n in self.nodes],
            "edges": self.edges,
            "truncated": self.truncated,
            "left_out": {ACTOR: 0, TOPIC: 0, **self.left_out},
            "left_out_exact": self.left_out_exact,
        }


NODE_CLASSES: dict[str, type] = {
    ACTOR: Actor,
    STATEMENT: Statement,
    TOPIC: Topic,
    DOCUMENT: Document,
}
_FIELD_NAMES = {cls: tuple(f.name for f in fields(cls)) for cls in NODE_CLASSES.values()}


def node_to_dict(node: Actor | Statement | Topic | Document) -> dict[str, Any]:
    """Full field dict of a node (``None`` kept), for storage (a shallow copy: lists are the
    node's own; only roles are turned into dicts; ``asdict``'s deep copy is slow on ingest)."""
    d = {f: getattr(node, f) for f in _FIELD_NAMES[type(node)]}
    if "roles" in d:
        d["roles"] = [asdict(r) for r in d["roles"]]
    return d


def node_from_dict(kind: str, data: dict[str, Any]) -> Any:
    """Rebuild a node of ``kind`` from :func:`node_to_dict` output."""
    if kind == ACTOR:
        data = dict(data)
        data["roles"] = [Role(**r) for r in data.get("roles") or []]
    return NODE_CLASSES[kind](**data)


def node_name(node: Any) -> str:
    """Display name of any node."""
    if isinstance(node, Statement):
        return node.text[:80]
    if isinstance(node, Document):
        return node.title
    return str(node.name)


def node_ref(
    kind: str, node: Any, intermediaries: set[str] | frozenset[str] = frozenset()
) -> NodeRef:
    """The reference queries return for a node."""
    return NodeRef(
        id=node.id,
        kind=kind,
        name=node_name(node),
        type=getattr(node, "type", None) if kind == ACTOR else None,
        intermediary=node.id in intermediaries,
    )
