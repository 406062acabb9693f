"""The vocabulary (for the UI's filters and legend) and the graph's numbers."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Annotated, Any

import yaml
from actorgraph.api.deps import GraphDep, ReadAccess
from actorgraph.api.models import OverviewOut, SchemaOut, StatsOut
from actorgraph.api.params import READ_ERRORS, send
from actorgraph.graph.influence import METRICS
from actorgraph.graph.schema import default_schema
from fastapi import APIRouter, Query
from fastapi.responses import JSONResponse

router = APIRouter(tags=["meta"], dependencies=[ReadAccess], responses=READ_ERRORS)


@lru_cache(maxsize=1)
def _node_kind_text() -> dict[str, str]:
    """Descriptions of the node kinds, from the vocabulary file (the Schema drops them)."""
    text = resources.files("actorgraph.graph").joinpath("schema.yaml").read_text(encoding="utf-8")
    kinds = (yaml.safe_load(text) or {}).get("node_kinds") or {}
    return {k: str((v or {}).get("description", "")) for k, v in kinds.items()}


@router.get("/schema", response_model=SchemaOut)
def schema() -> dict[str, Any]:
    """Relation types (meaning, PLOVER/CAMEO, channel/stance/intermediary flags), actor types."""
    s = default_schema()
    kinds = _node_kind_text()
    return {
        "version": s.version,
        "node_kinds": [{"name": k, "description": kinds.get(k, "")} for k in s.node_labels],
        "actor_types": [{"name": k, "description": v} for k, v in s.actor_types.items()],
        "relation_types": [
            {
                "name": r.name,
                "label": r.label,
                "description": r.description,
                "source": list(r.source),
                "target": list(r.target),
                "symmetric": r.symmetric,
                "channel": r.channel,
                "traverse": r.traverse,
                "intermediary": r.intermediary,
                "stance": r.stance,
                "derived": r.derived,
                "plover": r.plover,
                "cameo": r.cameo,
            }
            for r in s.relations.values()
        ],
        "metrics": list(METRICS),
    }


@router.get("/stats", response_model=StatsOut)
def stats(graph: GraphDep) -> dict[str, Any]:
    """Numbers of nodes per kind, actors per type, relations per type, evidence."""
    out = graph.stats()
    out.pop("store", None)  # where the data lives is the server's business
    out["backend"] = graph.store.backend
    out["version"] = graph.store.version()
    return out


@router.get("/overview", response_model=OverviewOut)
def overview(
    graph: GraphDep,
    top: Annotated[int, Query(ge=1, le=100, description="How many actors and documents.")] = 8,
) -> JSONResponse:
    """The graph at a glance: counts, evidence dates (first, last, per month), the documents
    cited most and the most central actors (degree). Dates are read once per graph version."""
    return send(graph.overview(top=top))
