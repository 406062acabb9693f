"""Documents: the articles and reports the evidence comes from (titles, dates, links)."""

from __future__ import annotations

from typing import Annotated

from actorgraph.api.deps import GraphDep, ReadAccess
from actorgraph.api.models import DocumentList
from actorgraph.api.params import READ_ERRORS, Limit, Offset, send
from fastapi import APIRouter, Query
from fastapi.responses import JSONResponse

router = APIRouter(tags=["documents"], dependencies=[ReadAccess], responses=READ_ERRORS)


@router.get("/documents", response_model=DocumentList)
def list_documents(
    graph: GraphDep,
    id: Annotated[
        list[str] | None,
        Query(description="Only these documents (repeat the parameter); unknown ids are left out."),
    ] = None,
    limit: Limit = 100,
    offset: Offset = 0,
) -> JSONResponse:
    """Documents by id, or every document ordered by id."""
    docs, total = graph.documents(id, limit=limit, offset=offset)
    return send({"data": docs, "count": total})
