"""Topics, and the stances actors take on them (demands, rejects, supports, threatens)."""

from __future__ import annotations

from typing import Annotated, Any

from actorgraph.api.deps import GraphDep, ReadAccess
from actorgraph.api.models import StanceList, TopicList
from actorgraph.api.params import (
    READ_ERRORS,
    AsOf,
    Limit,
    Offset,
    RelationName,
    Since,
    Until,
    send,
)
from fastapi import APIRouter, Query
from fastapi.responses import JSONResponse

router = APIRouter(tags=["topics"])


@router.get("/topics", response_model=TopicList, responses=READ_ERRORS, dependencies=[ReadAccess])
def list_topics(graph: GraphDep, limit: Limit = 100, offset: Offset = 0) -> dict[str, Any]:
    """Every topic, ordered by id."""
    topics, total = graph.topics(limit=limit, offset=offset)
    return {"data": [t.to_dict() for t in topics], "count": total}


@router.get("/stances", response_model=StanceList, responses=READ_ERRORS, dependencies=[ReadAccess])
def list_stances(
    graph: GraphDep,
    topic: Annotated[
        str | None,
        Query(
            min_length=1,
            description="What the stance is on: a topic (id, name, keyword) or an actor.",
            examples=["permanent ceasefire"],
        ),
    ] = None,
    actor: Annotated[
        str | None, Query(min_length=1, description="Who takes the stance (id, name, alias).")
    ] = None,
    type: Annotated[
        list[RelationName] | None,  # type: ignore[valid-type]
        Query(description="Stance types (repeatable); default every stance type."),
    ] = None,
    since: Since = None,
    until: Until = None,
    limit: Limit = 200,
    offset: Offset = 0,
    as_of: AsOf = None,
) -> JSONResponse:
    """Who demands, rejects or supports what, since when, with the evidence."""
    rows, total = graph.stances(
        topic,
        actor=actor,
        types=type,
        since=since,
        until=until,
        limit=limit,
        offset=offset,
        as_of=as_of,
    )
    return send({"data": rows, "count": total})
