"""The whole graph in the exchange format, streamed as NDJSON (re-ingestable as is)."""

from __future__ import annotations

from collections.abc import Iterator

from actorgraph.api.deps import GraphDep, ReadAccess
from actorgraph.api.params import READ_ERRORS
from actorgraph.graph.exchange import dump_line
from fastapi import APIRouter
from fastapi.responses import StreamingResponse

router = APIRouter(tags=["export"])

NDJSON = "application/x-ndjson"


class NDJSONResponse(StreamingResponse):
    media_type = NDJSON


@router.get(
    "/export",
    response_class=NDJSONResponse,
    dependencies=[ReadAccess],
    responses={
        **READ_ERRORS,
        200: {
            "description": "One exchange-format record per line: documents, actors, topics, "
            "statements, then relations (one line per piece of evidence); each line matches "
            "the JSON Schema at GET /schema/records.",
            "content": {NDJSON: {"schema": {"type": "string"}}},
        },
    },
)
def export(graph: GraphDep) -> NDJSONResponse:
    """Every record of the graph as NDJSON, streamed; ``actorgraph ingest`` reads it back."""
    records = graph.export()
    first = next(records, None)  # fail now (503, 500) rather than mid-stream

    def lines() -> Iterator[bytes]:
        if first is None:
            return
        yield (dump_line(first) + "\n").encode("utf-8")
        buf: list[str] = []
        for rec in records:
            buf.append(dump_line(rec))
            if len(buf) >= 500:
                yield ("\n".join(buf) + "\n").encode("utf-8")
                buf = []
        if buf:
            yield ("\n".join(buf) + "\n").encode("utf-8")

    return NDJSONResponse(
        lines(),
        media_type=NDJSON,
        headers={"Content-Disposition": 'attachment; filename="actorgraph-export.jsonl"'},
    )
