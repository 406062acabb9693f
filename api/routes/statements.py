"""Statements: who said what, on whose behalf, about what, when; with document and evidence."""

from __future__ import annotations

from typing import Annotated

from actorgraph.api.deps import GraphDep, ReadAccess
from actorgraph.api.models import StatementList
from actorgraph.api.params import READ_ERRORS, AsOf, Limit, Offset, Since, Until, send
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
    as_of: AsOf = None,
) -> JSONResponse:
    """Statements ordered by date, each with speaker, on-behalf-of, topics and document.

    ``actor``, ``speaker`` and ``on_behalf_of`` exclude one another (422 when combined).
    """
    items, total = graph.statements(
        actor=actor,
        speaker=speaker,
        on_behalf_of=on_behalf_of,
        topic=topic,
        since=since,
        until=until,
        text=text,
        limit=limit,
        offset=offset,
        as_of=as_of,
    )
    return send({"data": items, "count": total})
