"""The whole graph: in the exchange format, streamed as NDJSON (re-ingestable as is), or in
the formats of the tools researchers use (:mod:`graph.exports`)."""

from __future__ import annotations

import itertools
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any, Literal

from actorgraph.api.deps import GraphDep, ReadAccess
from actorgraph.api.params import READ_ERRORS
from actorgraph.graph.exchange import dump_line
from actorgraph.graph.exports import FORMATS
from actorgraph.graph.exports.tables import iter_csv, write_parquet
from fastapi import APIRouter, Query
from fastapi.responses import FileResponse, Response, StreamingResponse
from starlette.background import BackgroundTask

router = APIRouter(tags=["export"])

NDJSON = "application/x-ndjson"


class NDJSONResponse(StreamingResponse):
    media_type = NDJSON


ExportFormat = Literal["jsonl", "gexf", "graphml", "csv", "parquet", "plover", "ftm"]
Table = Literal["relations", "actors", "statements", "documents", "topics"]


@router.get(
    "/export",
    # a plain Response: the formats' media types are listed below, and errors are JSON
    response_class=Response,
    dependencies=[ReadAccess],
    responses={
        **READ_ERRORS,
        200: {
            "description": "`jsonl` (the default): one exchange-format record per line: "
            "documents, actors, topics, statements, then relations (one line per piece of "
            "evidence); each line matches the JSON Schema at GET /schema/records. The other "
            "formats are those of `actorgraph export --format` (docs/research.md#exports); "
            "`csv` and `parquet` send one `table`.",
            "content": {
                NDJSON: {"schema": {"type": "string"}},
                **{
                    f.media_type: {"schema": {"type": "string"}}
                    for f in FORMATS.values()
                    if f.media_type != NDJSON
                },
            },
        },
    },
)
def export(
    graph: GraphDep,
    format: Annotated[ExportFormat, Query(description="What to write (see above).")] = "jsonl",
    table: Annotated[
        Table, Query(description="The table `csv` and `parquet` send (one per request).")
    ] = "relations",
) -> Response:
    """The whole graph, streamed: re-ingestable NDJSON, or a format for another tool."""
    records = graph.export()
    first = next(records, None)  # fail now (503, 500) rather than mid-stream
    stream = itertools.chain([first] if first is not None else [], records)
    if format == "parquet":
        return _parquet(stream, table)
    if format != "jsonl":
        f = FORMATS[format]
        chunks = iter_csv(stream, table) if format == "csv" else f.chunks()(stream)
        name = f"actorgraph-{table}.csv" if format == "csv" else f"actorgraph{f.extension}"
        return StreamingResponse(
            (c.encode("utf-8") for c in chunks),
            media_type=f.media_type,
            headers={"Content-Disposition": f'attachment; filename="{name}"'},
        )

    def lines() -> Iterator[bytes]:
        buf: list[str] = []
        for rec in stream:
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


def _parquet(records: Iterator[Any], table: str) -> Response:
    """One Parquet table, written to a temporary directory (Parquet is not streamable: its
    footer comes last) and sent from there; the directory goes when it is sent."""
    tmp = tempfile.mkdtemp(prefix="actorgraph-export-")
    try:
        write_parquet(records, tmp, [table])
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return FileResponse(
        Path(tmp) / f"{table}.parquet",
        media_type=FORMATS["parquet"].media_type,
        filename=f"actorgraph-{table}.parquet",
        background=BackgroundTask(shutil.rmtree, tmp, ignore_errors=True),
    )
