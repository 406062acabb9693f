"""Questions about the network: communication paths, brokers, influence, subgraphs."""

from __future__ import annotations

from typing import Annotated

from actorgraph.api.deps import GraphDep, ReadAccess
from actorgraph.api.models import BrokerList, PathsOut, ScoreList, SubgraphOut
from actorgraph.api.params import (
    READ_ERRORS,
    Depth,
    Limit,
    MaxHops,
    Metric,
    PathLimit,
    Relations,
    Since,
    SourceActor,
    TargetActor,
    Top,
    Until,
    send,
    subgraph_json,
)
from fastapi import APIRouter, Query
from fastapi.responses import JSONResponse

router = APIRouter(tags=["network"], dependencies=[ReadAccess], responses=READ_ERRORS)


@router.get("/paths", response_model=PathsOut)
def paths(
    graph: GraphDep,
    source: SourceActor,
    target: TargetActor,
    relations: Relations = None,
    max_hops: MaxHops = 4,
    limit: PathLimit = 25,
) -> JSONResponse:
    """Communication paths from ``source`` to ``target``, shortest first.

    By default over the channel relations (``speaks_for`` and ``mediates``, walked in either
    direction); every hop lists the relations that make it, with their evidence.
    """
    result = graph.paths(source, target, relations=relations, max_hops=max_hops, limit=limit)
    return send(result.to_dict())


@router.get("/brokers", response_model=BrokerList)
def brokers(
    graph: GraphDep,
    source: SourceActor,
    target: TargetActor,
    relations: Relations = None,
    max_hops: MaxHops = 4,
    top: Top = 10,
) -> JSONResponse:
    """Actors on the paths between two actors, by the share of paths through them."""
    ranked = graph.brokers(source, target, relations=relations, max_hops=max_hops, top=top)
    return send({"data": [b.to_dict() for b in ranked], "count": len(ranked)})


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
) -> JSONResponse:
    """Actors ranked by an influence metric (cached per graph version)."""
    scores = graph.influence(metric, relations=relations, since=since, until=until, top=top)
    return send({"metric": metric, "data": [s.to_dict() for s in scores], "count": len(scores)})


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
    relations: Relations = None,
    since: Since = None,
    until: Until = None,
    limit: Limit = 500,
) -> JSONResponse:
    """Nodes and edges around some actors, shaped for a graph view (Cytoscape.js).

    Nodes: id, kind, name, type, intermediary. Edges: id, type, source, target, confidence,
    first_seen, last_seen, evidence.
    """
    sub = graph.neighbors(
        actors,
        depth=depth,
        relations=relations,
        since=since,
        until=until,
        limit=limit,
    )
    return send(subgraph_json(sub))
