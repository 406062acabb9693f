"""Research routes: brokerage roles, duplicate review (candidates, merge, unmerge, distinct)
and retraction; the same questions as the CLI's, through the one facade."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from actorgraph.api.deps import GraphDep, ReadAccess, SettingsDep, WriteAccess
from actorgraph.api.params import (
    READ_ERRORS,
    WRITE_ERRORS,
    Relation,
    Since,
    Until,
    date_query,
    send,
)
from actorgraph.graph.duplicates import Candidate
from actorgraph.graph.errors import InputError
from actorgraph.graph.open import decisions_path
from actorgraph.graph.store import MAX_ROWS
from fastapi import APIRouter, Query
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field

router = APIRouter(tags=["research"], responses=READ_ERRORS)

AsOf = Annotated[str | None, date_query("Relations in force on this date (see docs/research.md).")]


class BrokerageOut(BaseModel):
    """Brokerage per window: the actors' raw counts, expected values, sd and z-scores per
    role (as R's sna::brokerage), and Burt's constraint and effective size."""

    model_config = ConfigDict(extra="allow")

    group_by: str
    relations: list[str]
    windows: list[dict[str, Any]]


class CandidateList(BaseModel):
    data: list[Candidate]
    count: int


class MergeIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    actor: str = Field(min_length=1, description="The duplicate (id, name or alias): it goes.")
    into: str = Field(min_length=1, description="The actor that stays.")
    by: str | None = Field(default=None, description="Who judged.")
    note: str | None = Field(default=None, description="Why.")


class DistinctIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    actor: str = Field(min_length=1)
    other: str = Field(min_length=1)
    by: str | None = None
    note: str | None = None


class MergeOut(BaseModel):
    actor: str
    into: str
    relations: int
    statements: int
    loops_dropped: int
    aliases: list[str]
    version: str


class MergeList(BaseModel):
    data: dict[str, str] = Field(description="Merged actor id -> the actor it is merged into.")
    count: int


class RetractionOut(BaseModel):
    model_config = ConfigDict(extra="allow")

    document: str
    title: str
    at: str
    statements: int
    relations_removed: int
    relations_kept: int
    evidence_removed: int


class RetractionList(BaseModel):
    data: list[RetractionOut]
    count: int


@router.get("/brokerage", response_model=BrokerageOut, dependencies=[ReadAccess])
def get_brokerage(
    graph: GraphDep,
    group_by: Annotated[
        Literal["type", "intermediary", "groups"],
        Query(description="Actor type, mediator or not, or the `group` parameters."),
    ] = "type",
    group: Annotated[
        list[str] | None,
        Query(
            description="`actor=group` (repeat): the grouping when group_by is `groups`; "
            "actors not named are in group `other`.",
            examples=[["qatar=mediators", "hamas=hamas"]],
        ),
    ] = None,
    relation: Relation = None,
    since: Since = None,
    until: Until = None,
    as_of: AsOf = None,
    by_month: Annotated[bool, Query(description="One result per month of since..until.")] = False,
    top: Annotated[int, Query(ge=1, le=MAX_ROWS, description="Actors per window.")] = 20,
) -> JSONResponse:
    """Gould–Fernandez brokerage roles of the actors over a grouping, per window."""
    groups: Any = group_by
    if group_by == "groups":
        pairs = [g.partition("=") for g in group or []]
        if not pairs or any(not a or not sep or not b for a, sep, b in pairs):
            raise InputError("give group=actor=group at least once", field="group")
        groups = {a: b for a, _, b in pairs}
    return send(
        graph.brokerage(
            groups,
            relations=relation,
            since=since,
            until=until,
            as_of=as_of,
            by_month=by_month,
            top=top,
        )
    )


@router.get("/duplicates", response_model=CandidateList, dependencies=[ReadAccess])
def get_duplicates(
    graph: GraphDep,
    settings: SettingsDep,
    min_score: Annotated[float, Query(ge=0, le=1, description="Lowest score shown.")] = 0.5,
    limit: Annotated[int, Query(ge=1, le=MAX_ROWS, description="Pairs to return.")] = 50,
) -> JSONResponse:
    """Likely duplicate actors, best first, with the evidence for each pair; pairs judged
    distinct are left out."""
    found = graph.duplicates(decisions=decisions_path(settings), min_score=min_score, limit=limit)
    return send({"data": [c.model_dump(mode="json") for c in found], "count": len(found)})


@router.get("/merges", response_model=MergeList, dependencies=[ReadAccess])
def list_merges(graph: GraphDep) -> dict[str, Any]:
    """The merges made (undo one with DELETE /merges/{actor})."""
    found = graph.merged()
    return {"data": found, "count": len(found)}


@router.post("/merges", response_model=MergeOut, responses=WRITE_ERRORS, dependencies=[WriteAccess])
def post_merge(graph: GraphDep, settings: SettingsDep, body: MergeIn) -> dict[str, Any]:
    """Merge a duplicate actor into another, and record the judgement in the decisions file
    (re-ingest merges them too)."""
    out = graph.merge(
        body.actor, body.into, decisions=decisions_path(settings), by=body.by, note=body.note
    )
    return out.to_dict()


@router.delete(
    "/merges/{actor}", response_model=MergeOut, responses=WRITE_ERRORS, dependencies=[WriteAccess]
)
def delete_merge(graph: GraphDep, settings: SettingsDep, actor: str) -> dict[str, Any]:
    """Undo the merge of this actor (its id): it comes back with its relations."""
    return graph.unmerge(actor, decisions=decisions_path(settings)).to_dict()


@router.post("/distinct", responses=WRITE_ERRORS, dependencies=[WriteAccess], status_code=201)
def post_distinct(graph: GraphDep, settings: SettingsDep, body: DistinctIn) -> dict[str, Any]:
    """Record that two actors are two: they are not proposed as duplicates again."""
    d = graph.distinct(
        body.actor, body.other, decisions=decisions_path(settings), by=body.by, note=body.note
    )
    return d.model_dump(mode="json", exclude_none=True)


@router.delete(
    "/documents/{document_id:path}",
    response_model=RetractionOut,
    responses=WRITE_ERRORS,
    dependencies=[WriteAccess],
)
def retract_document(graph: GraphDep, document_id: str) -> dict[str, Any]:
    """Retract a document: it goes with every fact only it supports; facts with other
    evidence stay. The data version moves; GET /retractions lists what was retracted."""
    out = graph.retract(document_id)
    return out.to_dict()


@router.get("/retractions", response_model=RetractionList, dependencies=[ReadAccess])
def list_retractions(graph: GraphDep) -> dict[str, Any]:
    """Every retraction made, oldest first."""
    found = graph.retractions()
    return {"data": found, "count": len(found)}
