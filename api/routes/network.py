"""Questions about the network: communication paths, brokers, influence, subgraphs."""

from __future__ import annotations

from typing import Annotated

from actorgraph.api.deps import GraphDep, ReadAccess
from actorgraph.api.models import BrokerList, EvidencePage, PathsOut, ScoreList, SubgraphOut
from actorgraph.api.params import (
    READ_ERRORS,
    AsOf,
    Depth,
    EvidenceLimit,
    IntermediariesOnly,
    Limit,
    MaxHops,
    Metric,
    Offset,
    PathLimit,
    Relation,
    Relations,
    Since,
    SourceActor,
    TargetActor,
    Top,
    Until,
    paths_json,
    relation_types,
    send,
    send_answer,
    subgraph_json,
)
from actorgraph.graph.store import MAX_ROWS
from fastapi import APIRouter, Query
from fastapi.responses import JSONResponse, Response

router = APIRouter(tags=["network"], dependencies=[ReadAccess], responses=READ_ERRORS)


@router.get("/paths", response_model=PathsOut)
def paths(
    graph: GraphDep,
    source: SourceActor,
    target: TargetActor,
    relation: Relation = None,
    relations: Relations = None,
    max_hops: MaxHops = 4,
    limit: PathLimit = 25,
    intermediaries_only: IntermediariesOnly = False,
    evidence_limit: EvidenceLimit = 3,
    as_of: AsOf = None,
) -> Response:
    """Communication paths from ``source`` to ``target``, best first: fewest hops, then the
    best supported (confidence and independent sources of each hop), then the most recent,
    then by names.

    By default over the channel relations (``speaks_for`` and ``mediates``, walked in either
    direction); every hop lists the relations that make it, each with its best
    ``evidence_limit`` pieces of evidence and ``evidence_total`` (GET /relations/evidence
    pages the rest).
    """
    result = graph.paths(
        source,
        target,
        relations=relation_types(relation, relations),
        max_hops=max_hops,
        limit=limit,
        intermediaries_only=intermediaries_only,
        evidence_limit=evidence_limit,
        as_of=as_of,
    )
    return send_answer(result, lambda: paths_json(result))


@router.get("/brokers", response_model=BrokerList)
def brokers(
    graph: GraphDep,
    source: SourceActor,
    target: TargetActor,
    relation: Relation = None,
    relations: Relations = None,
    max_hops: MaxHops = 4,
    top: Top = 10,
    intermediaries_only: IntermediariesOnly = False,
    as_of: AsOf = None,
) -> Response:
    """Actors on the best paths between two actors (ranked as /paths ranks them), by the share
    of those paths through them, then by the rank of the best path through them."""
    ranked = graph.brokers(
        source,
        target,
        relations=relation_types(relation, relations),
        max_hops=max_hops,
        top=top,
        intermediaries_only=intermediaries_only,
        as_of=as_of,
    )
    return send_answer(
        ranked, lambda: {"data": [b.to_dict() for b in ranked], "count": len(ranked)}
    )


@router.get("/relations/evidence", response_model=EvidencePage)
def relation_evidence(
    graph: GraphDep,
    type: Annotated[str, Query(min_length=1, description="Relation type (see /schema).")],
    source: Annotated[str, Query(min_length=1, description="Source id (or actor name).")],
    target: Annotated[str, Query(min_length=1, description="Target id (or actor name).")],
    offset: Offset = 0,
    limit: Annotated[int, Query(ge=1, le=MAX_ROWS, description="Pieces per page.")] = 20,
) -> JSONResponse:
    """A page of one relation's evidence, best first (highest confidence, then newest), with
    the total in ``count``: what a path hop or an edge shows beyond its first pieces."""
    items, total = graph.relation_evidence(type, source, target, offset=offset, limit=limit)
    return send({"data": items, "count": total})


@router.get("/influence", response_model=ScoreList)
def influence(
    graph: GraphDep,
    metric: Annotated[
        Metric,  # type: ignore[valid-type]
        Query(description="pagerank, betweenness (brokerage) or degree."),
    ] = "pagerank",
    relations: Relations = None,
    since: Since = None,
    until: Until = None,
    top: Top = 10,
    exact: Annotated[
        bool,
        Query(
            description="Exact betweenness even on large graphs (by default it is estimated "
            "from sampled source actors past a few thousand actors; `samples` says how many)."
        ),
    ] = False,
    relation: Relation = None,
    as_of: AsOf = None,
) -> JSONResponse:
    """Actors ranked by an influence metric, computed once per graph version and question.

    After a write, while the new ranking is computed, the last one is served at once with
    ``stale: true`` and the ``version`` it is of; ``actors`` is how many were ranked and
    ``samples`` the source actors of a sampled betweenness (null when exact).
    """
    result = graph.influence_ranking(
        metric,
        relations=relation_types(relation, relations),
        since=since,
        until=until,
        top=top,
        exact=exact,
        allow_stale=True,
        as_of=as_of,
    )
    return send(result.to_dict())


@router.get("/subgraph", response_model=SubgraphOut)
def subgraph(
    graph: GraphDep,
    actors: Annotated[
        list[str],
        Query(
            min_length=1,
            description="Actors to start from (id, name or alias; repeat the parameter).",
            examples=[["Qatar", "Hamas"]],
        ),
    ],
    depth: Depth = 1,
    relation: Relation = None,
    relations: Relations = None,
    since: Since = None,
    until: Until = None,
    limit: Limit = 500,
    evidence_limit: EvidenceLimit = 3,
    as_of: AsOf = None,
) -> Response:
    """Nodes and edges around some actors, shaped for a graph view (Cytoscape.js).

    Nodes: id, kind, name, type, intermediary. Edges: id, type, source, target, confidence,
    first_seen, last_seen, sources, support, evidence_total and the best ``evidence_limit``
    pieces of evidence. When ``limit`` cuts, actors fill it before topics and ``left_out``
    counts what was not shown.
    """
    sub = graph.neighbors(
        actors,
        depth=depth,
        relations=relation_types(relation, relations),
        since=since,
        until=until,
        limit=limit,
        evidence_limit=evidence_limit,
        as_of=as_of,
    )
    return send_answer(sub, lambda: subgraph_json(sub))
