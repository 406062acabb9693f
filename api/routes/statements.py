"""Statements: who said what, on whose behalf, about what, when; with document and evidence."""

from __future__ import annotations

from typing import Annotated

from actorgraph.api.deps import GraphDep, ReadAccess
from actorgraph.api.models import StatementList
from actorgraph.api.params import READ_ERRORS, Limit, Offset, Since, Until, send
from actorgraph.graph.store import MAX_ROWS
from fastapi import APIRouter, Query
from fastapi.responses import JSONResponse

router = APIRouter(prefix="/statements", tags=["statements"])


@router.get("", response_model=StatementList, responses=READ_ERRORS, dependencies=[ReadAccess])
def list_statements(
    graph: GraphDep,
    actor: Annotated[
        str | None,
        Query(min_length=1, description="Speaker or on-behalf-of actor (either role)."),
    ] = None,
    speaker: Annotated[
        str | None, Query(min_length=1, description="Actor who spoke (id, name or alias).")
    ] = None,
    on_behalf_of: Annotated[
        str | None,
        Query(min_length=1, description="Actor spoken for (id, name or alias)."),
    ] = None,
    topic: Annotated[
        str | None, Query(min_length=1, description="Topic id, name or keyword.")
    ] = None,
    since: Since = None,
    until: Until = None,
    text: Annotated[
        str | None, Query(min_length=1, description="Words the statement contains.")
    ] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> JSONResponse:
    """Statements ordered by date, each with speaker, on-behalf-of, topics and document."""
    common = {"topic": topic, "since": since, "until": until, "text": text}
    if speaker is None and on_behalf_of is None:
        items, total = graph.statements(actor=actor, limit=limit, offset=offset, **common)
        return send({"data": items, "count": total})
    # speaker / on_behalf_of: one role only, so filter the actor's statements by role
    want_speaker = graph.resolve_actor(speaker).id if speaker else None
    want_behalf = graph.resolve_actor(on_behalf_of).id if on_behalf_of else None
    want_actor = graph.resolve_actor(actor).id if actor else None
    items, _ = graph.statements(
        actor=want_speaker or want_behalf, limit=MAX_ROWS, offset=0, **common
    )
    hits = [
        s
        for s in items
        if (want_speaker is None or s["speaker"]["id"] == want_speaker)
        and (
            want_behalf is None
            or (s["on_behalf_of"] is not None and s["on_behalf_of"]["id"] == want_behalf)
        )
        and (
            want_actor is None
            or want_actor
            in (s["speaker"]["id"], s["on_behalf_of"]["id"] if s["on_behalf_of"] else None)
        )
    ]
    return send({"data": hits[offset : offset + limit], "count": len(hits)})
