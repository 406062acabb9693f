"""The vocabulary (for the UI's filters and legend) and the graph's numbers."""

from __future__ import annotations

from typing import Annotated, Any

from actorgraph.api.deps import GraphDep, ReadAccess
from actorgraph.api.models import OverviewOut, SchemaOut, StatsOut
from actorgraph.api.params import READ_ERRORS, send
from actorgraph.graph.exchange import records_json_schema
from actorgraph.graph.influence import METRICS
from actorgraph.graph.schema import default_schema
from fastapi import APIRouter, Query
from fastapi.responses import JSONResponse

router = APIRouter(tags=["meta"], dependencies=[ReadAccess], responses=READ_ERRORS)


@router.get("/schema", response_model=SchemaOut)
def schema() -> dict[str, Any]:
    """Relation types (meaning, PLOVER/CAMEO, channel/stance/intermediary flags), actor types."""
    s = default_schema()
    return {
        "version": s.version,
        "node_kinds": [
            {"name": k, "description": nk.description} for k, nk in s.node_kinds.items()
        ],
        "actor_types": [{"name": k, "description": v} for k, v in s.actor_types.items()],
        "relation_types": list(s.relations.values()),
        "metrics": list(METRICS),
    }


@router.get("/schema/records", response_model=dict[str, Any])
def record_schema() -> dict[str, Any]:
    """The JSON Schema of one exchange-format record (what ``POST /ingest`` takes and
    ``GET /export`` writes, one per line), with the vocabulary's types as enums."""
    return records_json_schema(default_schema())


@router.get("/stats", response_model=StatsOut)
def stats(graph: GraphDep) -> dict[str, Any]:
    """Numbers of nodes per kind, actors per type, relations per type, evidence."""
    out = graph.stats()
    out.pop("store", None)  # where the data lives is the server's business
    return out


@router.get("/overview", response_model=OverviewOut)
def overview(
    graph: GraphDep,
    top: Annotated[int, Query(ge=1, le=100, description="How many actors and documents.")] = 8,
) -> JSONResponse:
    """The graph at a glance: counts, evidence dates (first, last, per month), the documents
    cited most and the most central actors (degree). Dates are read once per graph version."""
    return send(graph.overview(top=top))
