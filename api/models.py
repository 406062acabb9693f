"""Request and response models of the HTTP API (kept apart: ``*Request`` vs the rest).

Records come from :mod:`graph.exchange`, where the exchange format is declared once: the
ingest request takes them, and documents and topics are answered in their record shape (the
record models without ``kind``). The other responses are views of :mod:`graph.model` (an
actor with its counts, a statement with its speaker resolved) and mirror their ``to_dict()``
forms, so the CLI's ``--json`` and the API agree; lists come in a
``{"data": [...], "count": N}`` envelope where ``count`` is the total before paging.
"""

from __future__ import annotations

from typing import Any, Literal

from actorgraph.graph.exchange import DocumentRecord, Id, Record, TopicRecord
from actorgraph.graph.schema import RelationType
from pydantic import BaseModel, ConfigDict, Field
from pydantic.json_schema import SkipJsonSchema

# ---------------------------------------------------------------------- errors


class ErrorDetail(BaseModel):
    code: str = Field(description="Stable machine-readable code, e.g. not_found, over_limit.")
    message: str = Field(description="One line for people.")
    details: dict[str, Any] = Field(
        default_factory=dict,
        description="Field name, suggestions for unknown names, the list of problems…",
    )


class ErrorResponse(BaseModel):
    """The one error shape of every route."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "error": {
                        "code": "not_found",
                        "message": "no actor matches 'Hamass' (did you mean: Hamas?)",
                        "details": {"name": "Hamass", "suggestions": ["Hamas"]},
                    }
                }
            ]
        }
    )

    error: ErrorDetail


# ---------------------------------------------------------------------- shared parts


class NodeRef(BaseModel):
    """A node as results reference it."""

    id: str
    kind: str = Field(description="Actor, Topic, Statement, Document (or missing).")
    name: str
    type: str | None = Field(default=None, description="Actor type (person, organization…).")
    intermediary: bool = Field(
        default=False, description="True for actors at the source of a mediating relation."
    )


class Evidence(BaseModel):
    """One piece of evidence for a relation: where and how it was learnt."""

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


class RelationSummary(BaseModel):
    """A relation with its aggregates over all its evidence, and its best pieces of evidence."""

    type: str
    source: str
    target: str
    confidence: float = Field(description="The highest confidence of its evidence.")
    first_seen: str | None = None
    last_seen: str | None = None
    valid_from: str | None = None
    valid_to: str | None = None
    sources: int = Field(
        default=0,
        description="Independent sources: distinct documents among its evidence (evidence "
        "without a document counts once per origin).",
    )
    support: float = Field(
        default=0.0,
        description="1 - (1 - min(confidence, 0.95)) ** sources: how well supported it is "
        "(paths are ranked by the product of their hops' support).",
    )
    evidence_total: int = Field(default=0, description="How many pieces of evidence it has.")
    evidence: list[Evidence] = Field(
        default_factory=list,
        description="The best pieces of evidence (highest confidence, then newest), at most "
        "the asked number; GET /relations/evidence pages all of them.",
    )


class EvidencePage(BaseModel):
    """A page of one relation's evidence, best first, with the total."""

    data: list[Evidence]
    count: int = Field(description="How many pieces of evidence the relation has.")


class Role(BaseModel):
    title: str
    of: str
    valid_from: str | None = None
    valid_to: str | None = None


class Document(DocumentRecord):
    """A document record, answered without its ``kind``."""

    kind: SkipJsonSchema[Literal["document"]] = Field(default="document", exclude=True)


# ---------------------------------------------------------------------- health


class Health(BaseModel):
    status: Literal["ok"] = "ok"


class Ready(BaseModel):
    status: Literal["ready"] = "ready"
    backend: str
    version: str = Field(description="Opaque graph version; changes whenever the data does.")


# ---------------------------------------------------------------------- actors


class ActorOut(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "id": "qatar",
                    "name": "Qatar",
                    "type": "state",
                    "aliases": [],
                    "description": "Mediator between Israel, the United States and Hamas.",
                    "roles": [],
                    "intermediary": True,
                }
            ]
        }
    )

    id: str
    name: str
    type: str
    aliases: list[str] = Field(default_factory=list)
    description: str | None = None
    roles: list[Role] = Field(default_factory=list)
    intermediary: bool = False


class ActorList(BaseModel):
    data: list[ActorOut]
    count: int = Field(description="Matches before paging.")


class ActorDetail(ActorOut):
    relations: dict[str, int] = Field(
        default_factory=dict, description="Number of relations per type (either end)."
    )
    statements: int = Field(default=0, description="Statements made or made on its behalf.")


class Deleted(BaseModel):
    deleted: NodeRef
    version: str = Field(description="Graph version after the deletion.")


# ---------------------------------------------------------------------- subgraphs


class Edge(RelationSummary):
    """An edge for a graph view (Cytoscape.js: ``data.id``, ``data.source``, ``data.target``)."""

    id: str = Field(description="Stable edge id: type|source|target.")
    target_kind: str = "Actor"


class SubgraphOut(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "nodes": [
                        {
                            "id": "qatar",
                            "kind": "Actor",
                            "name": "Qatar",
                            "type": "state",
                            "intermediary": True,
                        },
                        {
                            "id": "hamas",
                            "kind": "Actor",
                            "name": "Hamas",
                            "type": "organization",
                            "intermediary": False,
                        },
                    ],
                    "edges": [
                        {
                            "id": "mediates|qatar|hamas",
                            "type": "mediates",
                            "source": "qatar",
                            "target": "hamas",
                            "confidence": 1.0,
                            "first_seen": "2024-05-01",
                            "last_seen": "2024-05-01",
                            "evidence": [{"document": "ceasefire-talks-live-updates"}],
                            "target_kind": "Actor",
                        }
                    ],
                    "truncated": False,
                }
            ]
        }
    )

    nodes: list[NodeRef]
    edges: list[Edge]
    truncated: bool = Field(default=False, description="True when the node limit cut it.")
    left_out: dict[str, int] = Field(
        default_factory=lambda: {"Actor": 0, "Topic": 0},
        description="Neighbours found and not shown, per kind (Actor, Topic): when the node "
        "limit cuts, actors fill it before topics. Exact when the cut fell on the last level "
        "asked for (always at depth 1); otherwise at least these many (left_out_exact).",
    )
    left_out_exact: bool = Field(
        default=True,
        description="False when left_out is a lower bound (the cut stopped the search before "
        "the depth asked for, so deeper neighbours were not counted).",
    )


# ---------------------------------------------------------------------- paths, brokers, influence


class HopRelation(RelationSummary):
    direction: Literal["forward", "reverse"] = Field(
        description="reverse: walked against the relation's direction (speaks_for, mediates)."
    )


class Hop(BaseModel):
    source: str
    target: str
    relations: list[HopRelation]


class PathOut(BaseModel):
    length: int
    support: float = Field(
        description="The product of each hop's best relation support (see RelationSummary)."
    )
    last_seen: str | None = Field(
        default=None, description="The latest date of the path's stalest hop."
    )
    nodes: list[NodeRef]
    hops: list[Hop]


class PathsOut(BaseModel):
    """Paths best first: fewest hops, then best supported, then most recent, then names."""

    source: NodeRef
    target: NodeRef
    max_hops: int
    relations: list[str]
    intermediaries_only: bool = False
    evidence_limit: int = 3
    truncated: bool
    count: int
    paths: list[PathOut]


class BrokerOut(BaseModel):
    actor: NodeRef
    paths: int = Field(description="Paths between the two actors that go through this one.")
    share: float = Field(description="paths / all paths found.")
    best_path: int = Field(
        default=0, description="Rank (1 = best) of the best path through this actor."
    )


class BrokerList(BaseModel):
    data: list[BrokerOut]
    count: int


class ScoreOut(BaseModel):
    rank: int
    actor: NodeRef
    score: float


class ScoreList(BaseModel):
    metric: str
    data: list[ScoreOut]
    actors: int = Field(default=0, description="How many actors were ranked.")
    exact: bool = Field(default=True, description="False when betweenness was sampled.")
    samples: int | None = Field(
        default=None, description="Source actors a sampled betweenness used (null: exact)."
    )
    version: str = Field(default="", description="The graph version the ranking is of.")
    stale: bool = Field(
        default=False,
        description="True when the graph changed since: this is the last ranking, served while "
        "the current one is computed.",
    )
    count: int


# ---------------------------------------------------------------------- statements, topics


class StatementOut(BaseModel):
    id: str
    speaker: NodeRef
    text: str
    quote: bool = False
    on_behalf_of: NodeRef | None = None
    date: str | None = None
    document: Document | None = None
    about: list[NodeRef] = Field(default_factory=list)
    evidence: str | None = None
    start: int | None = None
    end: int | None = None
    confidence: float = 1.0
    origin: str = "curated"


class StatementList(BaseModel):
    data: list[StatementOut]
    count: int


class TopicOut(TopicRecord):
    """A topic record, answered without its ``kind`` and always with its id."""

    kind: SkipJsonSchema[Literal["topic"]] = Field(default="topic", exclude=True)
    id: Id = Field(description="Stable id.")


class TopicList(BaseModel):
    data: list[TopicOut]
    count: int


class StanceOut(BaseModel):
    """Who takes which position on what, since when, with the evidence."""

    type: str
    source: NodeRef
    target: NodeRef
    confidence: float
    first_seen: str | None = None
    last_seen: str | None = None
    valid_from: str | None = None
    valid_to: str | None = None
    evidence: list[Evidence] = Field(default_factory=list)


class StanceList(BaseModel):
    data: list[StanceOut]
    count: int


# ---------------------------------------------------------------------- schema, stats


class NamedDescription(BaseModel):
    name: str
    description: str


class SchemaOut(BaseModel):
    version: int
    node_kinds: list[NamedDescription]
    actor_types: list[NamedDescription]
    relation_types: list[RelationType]
    metrics: list[str] = Field(description="Metrics /influence knows.")


class StatsOut(BaseModel):
    model_config = ConfigDict(extra="allow")

    nodes: dict[str, int]
    actor_types: dict[str, int]
    relations: dict[str, int]
    evidence: int
    intermediaries: int
    backend: str
    version: str


class MonthCount(BaseModel):
    month: str = Field(description="YYYY-MM")
    evidence: int


class OverviewDates(BaseModel):
    first: str | None = Field(description="Earliest evidence date (YYYY-MM-DD).")
    last: str | None = Field(description="Latest evidence date (YYYY-MM-DD).")
    by_month: list[MonthCount]
    undated: int = Field(description="Pieces of evidence with no date.")
    partial: bool = Field(description="True when the graph was too big to read every date.")


class CitedDocument(Document):
    evidence: int = Field(description="Pieces of relation evidence from this document.")


class OverviewDocuments(BaseModel):
    count: int
    cited: list[CitedDocument] = Field(description="The documents cited most, most first.")


class OverviewCentral(BaseModel):
    metric: str
    data: list[ScoreOut]


class OverviewOut(BaseModel):
    """What the explorer shows on opening."""

    counts: StatsOut
    dates: OverviewDates
    documents: OverviewDocuments
    central: OverviewCentral


class DocumentList(BaseModel):
    data: list[Document]
    count: int


# ---------------------------------------------------------------------- ingest


class IngestRequest(BaseModel):
    """Exchange-format records (see docs/exchange-format.md), checked like the CLI does."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "records": [
                        {
                            "kind": "actor",
                            "id": "oman",
                            "name": "Oman",
                            "type": "state",
                        },
                        {
                            "kind": "relation",
                            "type": "mediates",
                            "source": "oman",
                            "target": "hamas",
                            "date": "2024-05-02",
                        },
                    ]
                }
            ]
        }
    )

    records: list[Record] = Field(
        description="Records, one object each (GET /schema/records); an empty list is "
        "accepted and writes nothing (the job's report says so)."
    )


class JobAccepted(BaseModel):
    job: str = Field(description="Job id; poll GET /jobs/{id}.")
    status: str = "queued"
    url: str


class Written(BaseModel):
    nodes: int
    relations: int
    evidence: int


class IngestReportOut(BaseModel):
    sources: list[str]
    records: int
    written: Written
    retried: int = Field(
        default=0, description="Batch transactions the store tried again (counted once)."
    )
    skipped: list[str]
    seconds: float
    note: str | None = Field(default=None, description="An empty input, retried batches.")


class JobProgress(BaseModel):
    done: int = Field(description="Records written so far.")
    total: int | None = Field(default=None, description="Records in the input, once counted.")


class JobOut(BaseModel):
    id: str
    kind: Literal["records", "file", "article"]
    source: str
    status: Literal["queued", "running", "succeeded", "failed"]
    created: str
    started: str | None = None
    finished: str | None = None
    progress: JobProgress
    report: IngestReportOut | None = None
    error: ErrorDetail | None = None
