"""Query parameters shared by several routes, typed so the OpenAPI schema documents them.

Caps (hops, rows, depth) appear as ``maximum`` in the schema but are enforced by
:class:`graph.facade.Graph`, so a request over a cap gets 400 ``over_limit`` (not 422).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Annotated, Any, Generic, Literal, TypeVar

import orjson
from actorgraph.api.models import ErrorResponse
from actorgraph.graph.answer_cache import KEPT, PARTS_KEPT
from actorgraph.graph.influence import METRICS
from actorgraph.graph.model import Hop, PathResult, Subgraph
from actorgraph.graph.ranking import DEFAULT_EVIDENCE, MAX_EVIDENCE
from actorgraph.graph.schema import default_schema
from actorgraph.graph.store import MAX_DEPTH, MAX_HOPS, MAX_OFFSET, MAX_PATHS, MAX_ROWS
from fastapi import Query
from fastapi.responses import JSONResponse, Response

_schema = default_schema()
T = TypeVar("T")

RelationName = Literal.__getitem__(tuple(_schema.relations))  # type: ignore[attr-defined]
ActorType = Literal.__getitem__(tuple(_schema.actor_types))  # type: ignore[attr-defined]
Metric = Literal.__getitem__(METRICS)  # type: ignore[attr-defined]


def capped(cap: int, what: str) -> Any:
    """A positive integer query parameter whose cap is documented, and enforced by Graph."""
    return Query(
        ge=1,
        description=f"{what} (at most {cap}; more is refused with 400 over_limit).",
        json_schema_extra={"maximum": cap},
    )


Relations = Annotated[
    list[RelationName] | None,  # type: ignore[valid-type]
    Query(
        description="Relation types to use (repeat the parameter); default depends on the "
        "query (see /schema).",
        examples=[["mediates", "speaks_for"]],
    ),
]
#: The same, under its singular name: ``?relation=mediates&relation=speaks_for``. Routes that
#: take both use the union (:func:`relation_types`).
Relation = Annotated[
    list[RelationName] | None,  # type: ignore[valid-type]
    Query(
        description="Relation type to use (repeat the parameter for several); the same as "
        "`relations`.",
        examples=[["mediates", "speaks_for"]],
    ),
]


def relation_types(*given: list[str] | None) -> list[str] | None:
    """The union of the relation types given under ``relation`` and ``relations``."""
    out: list[str] = []
    for values in given:
        for v in values or []:
            if v not in out:
                out.append(v)
    return out or None


IntermediariesOnly = Annotated[
    bool,
    Query(
        description="Only paths whose every inner actor is an intermediary (an actor at the "
        "source of a mediating relation)."
    ),
]
EvidenceLimit = Annotated[
    int,
    Query(
        ge=0,
        le=MAX_EVIDENCE,
        description="Pieces of evidence per relation, best first (highest confidence, then "
        "newest); `evidence_total` gives how many there are and GET /relations/evidence pages "
        "the rest.",
    ),
]
DATE_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"


def date_query(description: str) -> Any:
    """A ``YYYY-MM-DD`` query parameter (checked as a real date by Graph: 422 naming it)."""
    return Query(
        pattern=DATE_PATTERN,
        description=description,
        examples=["2024-05-01"],
        json_schema_extra={"format": "date"},
    )


Since = Annotated[str | None, date_query("Only facts observed or valid on or after this date.")]
Until = Annotated[str | None, date_query("Only facts observed or valid on or before this date.")]
AsOf = Annotated[
    str | None,
    date_query(
        "Only relations, roles and stances in force on this date: begun by then and not "
        "ended (an `ended` record or a later contrary stance) since (docs/research.md)."
    ),
]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Rows to skip (paging).")]

Limit = Annotated[int, capped(MAX_ROWS, "Rows to return")]
PathLimit = Annotated[int, capped(MAX_PATHS, "Paths to return")]
MaxHops = Annotated[int, capped(MAX_HOPS, "Longest path, in hops")]
Depth = Annotated[int, capped(MAX_DEPTH, "Hops out from the actors")]
Top = Annotated[int, capped(MAX_ROWS, "How many to rank")]

SourceActor = Annotated[
    str,
    Query(
        min_length=1,
        description="Actor the paths start from: id, name or alias (case-insensitive).",
        examples=["Hamas"],
    ),
]
TargetActor = Annotated[
    str,
    Query(
        min_length=1,
        description="Actor the paths end at: id, name or alias (case-insensitive).",
        examples=["United States"],
    ),
]


class FastJSONResponse(JSONResponse):
    """JSON written by orjson: the same compact JSON as Starlette's ``json.dumps``, a fifth of
    its time on a path answer (about 45 KB: 0.3 against 1.5 ms of a request's CPU)."""

    def render(self, content: Any) -> bytes:
        return _json(content)


def send(content: Any) -> JSONResponse:
    """Already JSON-ready results, sent as they are: the route's ``response_model`` documents
    them, and skipping its re-validation halves the time of large results (paths with their
    evidence). The schemathesis run checks that what is sent matches the schema."""
    return FastJSONResponse(content)


class _ByIdentity(Generic[T]):
    """Things made from objects the graph keeps and shares, by the object's identity, the
    last ``kept``. An entry holds its object, so the identity cannot pass to another object
    while it is kept; the objects are not changed once made."""

    def __init__(self, kept: int) -> None:
        self.kept = kept
        self._lock = threading.Lock()
        self._made: OrderedDict[int, tuple[object, T]] = OrderedDict()

    def get(self, obj: object, make: Callable[[], T]) -> T:
        """What was made of ``obj``: kept, or made now."""
        with self._lock:
            hit = self._made.get(id(obj))
            if hit is not None and hit[0] is obj:
                self._made.move_to_end(id(obj))
                return hit[1]
        made = make()
        with self._lock:
            self._made[id(obj)] = (obj, made)
            while len(self._made) > self.kept:
                self._made.popitem(last=False)
        return made


def _json(content: Any) -> bytes:
    return orjson.dumps(content, option=orjson.OPT_NON_STR_KEYS)


class RenderedAnswers(_ByIdentity[bytes]):
    """The JSON of answers the graph keeps (:class:`graph.answer_cache.AnswerCache` hands the
    same object to every request that asks the same question at the same data version), by
    the answer's identity: a kept path answer (about 45 KB) is turned into JSON once, not at
    every request. As many as the graph keeps answers (:data:`graph.answer_cache.KEPT`):
    fewer, and questions asked in turn would each find their JSON dropped."""

    def __init__(self, kept: int = KEPT) -> None:
        super().__init__(kept)

    def body(self, answer: object, content: Callable[[], Any]) -> bytes:
        """The JSON of ``content()``, the rendering of ``answer``: kept, or made now."""
        return self.get(answer, lambda: _json(content()))


RENDERED = RenderedAnswers()


class RenderedHops(_ByIdentity[orjson.Fragment]):
    """The JSON of path hops, by the hop's identity: the graph keeps a hop (its relations with
    their first pieces of evidence, most of a path answer's bytes) per data version and hands
    the same object to every answer that walks it (:meth:`graph.facade.Graph._hops`), so
    distinct path questions through the same hubs send bytes made once, inserted whole
    (``orjson.Fragment``): the same JSON, byte for byte. As many as the graph keeps hops
    (:data:`graph.answer_cache.PARTS_KEPT`)."""

    def __init__(self, kept: int = PARTS_KEPT) -> None:
        super().__init__(kept)

    def __call__(self, hop: Hop) -> orjson.Fragment:
        return self.get(hop, lambda: orjson.Fragment(_json(hop.to_dict())))


HOPS = RenderedHops()


def paths_json(result: PathResult) -> dict[str, Any]:
    """A path answer, JSON-ready: :meth:`PathResult.to_dict` with its hops rendered once
    (:class:`RenderedHops`) when they carry a few pieces of evidence each: the graph keeps
    no hops with more (:meth:`graph.facade.Graph._hops`), and neither does this."""
    if result.evidence_limit > DEFAULT_EVIDENCE:
        return result.to_dict()
    return result.to_dict(HOPS)


def send_answer(answer: object, content: Callable[[], Any]) -> Response:
    """An answer of the graph's (``content()`` is its JSON-ready form), as :func:`send` sends
    it, rendered once while it is kept (:class:`RenderedAnswers`)."""
    return Response(RENDERED.body(answer, content), media_type="application/json")


def subgraph_json(sub: Subgraph) -> dict[str, Any]:
    """A subgraph for a graph view: every node with all of id, kind, name, type (null for
    topics) and intermediary, so a client can map them to elements without guessing."""
    return {
        "nodes": [
            {
                "id": n.id,
                "kind": n.kind,
                "name": n.name,
                "type": n.type,
                "intermediary": n.intermediary,
            }
            for n in sub.nodes
        ],
        "edges": sub.edges,
        "truncated": sub.truncated,
        "left_out": {"Actor": sub.left_out.get("Actor", 0), "Topic": sub.left_out.get("Topic", 0)},
        "left_out_exact": sub.left_out_exact,
    }


def _errors(*statuses: int) -> dict[int | str, dict[str, Any]]:
    what = {
        400: "Over a limit (hops, rows, depth).",
        401: "Missing or wrong X-API-Key.",
        403: "Writes are disabled until ACTORGRAPH_API_KEY is set.",
        404: "Unknown actor, topic or job; close names in details.suggestions.",
        413: "Upload over ACTORGRAPH_MAX_UPLOAD_BYTES.",
        415: "Body in a format this route does not take.",
        422: "A bad parameter or body; details.field names it.",
        500: "Unexpected error (logged on the server).",
        503: "The graph store cannot be reached.",
    }
    return {s: {"model": ErrorResponse, "description": what[s]} for s in statuses}


READ_ERRORS = _errors(400, 401, 404, 422, 500, 503)
WRITE_ERRORS = _errors(401, 403, 404, 413, 415, 422, 500, 503)
PLAIN_ERRORS = _errors(500, 503)
