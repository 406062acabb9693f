"""Actors: search by name or alias, one actor in detail, its neighbourhood, deletion."""

from __future__ import annotations

from typing import Annotated, Any

from actorgraph.api.deps import GraphDep, ReadAccess, WriteAccess
from actorgraph.api.models import ActorDetail, ActorList, Deleted, SubgraphOut
from actorgraph.api.params import (
    READ_ERRORS,
    WRITE_ERRORS,
    ActorType,
    AsOf,
    Depth,
    EvidenceLimit,
    Limit,
    Offset,
    Relation,
    Relations,
    Since,
    Until,
    relation_types,
    send,
    subgraph_json,
)
from fastapi import APIRouter, Query
from fastapi.responses import JSONResponse

router = APIRouter(prefix="/actors", tags=["actors"])


@router.get("", response_model=ActorList, responses=READ_ERRORS, dependencies=[ReadAccess])
def search_actors(
    graph: GraphDep,
    q: Annotated[
        str | None,
        Query(
            description="Name or alias: exact matches first, then prefix, then fuzzy.",
            examples=["hamas"],
        ),
    ] = None,
    type: Annotated[
        list[ActorType] | None,  # type: ignore[valid-type]
        Query(description="Actor types to keep (repeatable)."),
    ] = None,
    intermediary: Annotated[
        bool | None, Query(description="Only intermediaries (true) or only the others (false).")
    ] = None,
    limit: Limit = 20,
    offset: Offset = 0,
) -> JSONResponse:
    """Actors by name or alias, best match first, filtered by type and role."""
    data, total = graph.search_actors(
        q, types=type, intermediary=intermediary, limit=limit, offset=offset
    )
    return send({"data": data, "count": total})


@router.get(
    "/{actor_id:path}/neighbors",
    response_model=SubgraphOut,
    responses=READ_ERRORS,
    dependencies=[ReadAccess],
)
def actor_neighbors(
    graph: GraphDep,
    actor_id: str,
    depth: Depth = 1,
    relation: Relation = None,
    relations: Relations = None,
    since: Since = None,
    until: Until = None,
    limit: Limit = 500,
    evidence_limit: EvidenceLimit = 3,
    as_of: AsOf = None,
) -> JSONResponse:
    """Actors and topics within ``depth`` hops of the actor (either direction), with edges.

    When ``limit`` cuts, actors fill it before topics and ``left_out`` counts what was not
    shown; edges carry their best ``evidence_limit`` pieces of evidence.
    """
    sub = graph.neighbors(
        actor_id,
        depth=depth,
        relations=relation_types(relation, relations),
        since=since,
        until=until,
        limit=limit,
        evidence_limit=evidence_limit,
        as_of=as_of,
    )
    return send(subgraph_json(sub))


@router.get(
    "/{actor_id:path}", response_model=ActorDetail, responses=READ_ERRORS, dependencies=[ReadAccess]
)
def get_actor(graph: GraphDep, actor_id: str) -> dict[str, Any]:
    """An actor by id, name or alias: aliases, roles, relation and statement counts.

    An unknown name gives 404 with close names in ``details.suggestions``.
    """
    return graph.actor_detail(actor_id)


@router.delete(
    "/{actor_id:path}", response_model=Deleted, responses=WRITE_ERRORS, dependencies=[WriteAccess]
)
def delete_actor(graph: GraphDep, actor_id: str) -> dict[str, Any]:
    """Remove an actor (by exact id only), its relations and the statements it made."""
    ref = graph.delete_actor(actor_id)
    return {"deleted": ref.to_dict(), "version": graph.store.version()}
