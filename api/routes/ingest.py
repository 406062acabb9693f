"""``POST /ingest`` (records or articles, as a background job) and ``GET /jobs/{id}``.

The body is one of:

* ``application/json``: ``{"records": [...]}``;
* ``application/x-ndjson`` (or ``application/jsonl``): one record per line;
* ``multipart/form-data`` with a ``file``: records or an article, by the file name's suffix
  as :data:`ingest.inputs.FORMATS` says for every entrance (a JSON Lines file holds records
  or articles, told apart by its first line); articles are extracted into records.

The key is checked before the body is read; the body is read up to
``ACTORGRAPH_MAX_UPLOAD_BYTES`` (413 beyond). Syntax errors in the body are refused at once
(422); the records are then checked and written by :class:`ingest.service.Ingest` in a job,
exactly as ``actorgraph ingest`` does it (same checks, same idempotent merge).
"""

from __future__ import annotations

import json
import re
import shutil
import tempfile
from pathlib import Path
from typing import Annotated, Any

from actorgraph.api.deps import GraphDep, JobsDep, SettingsDep, WriteAccess
from actorgraph.api.errors import PayloadTooLargeError, UnsupportedMediaTypeError
from actorgraph.api.jobs import Job, JobRegistry, Work
from actorgraph.api.models import IngestRequest, JobAccepted, JobOut
from actorgraph.api.params import WRITE_ERRORS, date_query
from actorgraph.graph.errors import InputError, NotFoundError
from actorgraph.graph.exchange import NESTING_MAX, json_too_deep
from actorgraph.graph.facade import Graph, check_date
from actorgraph.graph.open import decisions_path
from actorgraph.ingest.inputs import (
    ARTICLE_FORMATS,
    RECORD_FORMATS,
    decode_utf8,
    file_format,
    holds_articles,
    json_lines,
    suffixes,
)
from actorgraph.ingest.loader import IngestReport, Item
from actorgraph.ingest.service import Ingest
from actorgraph.settings import Settings
from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, ValidationError
from starlette.datastructures import UploadFile

router = APIRouter(tags=["ingest"], dependencies=[WriteAccess], responses=WRITE_ERRORS)

NDJSON_TYPES = ("application/x-ndjson", "application/ndjson", "application/jsonl")

#: The JSON body's schema, its record models referenced as OpenAPI components (see
#: :data:`COMPONENTS`, which ``create_app`` adds to the document).
_json_body = IngestRequest.model_json_schema(ref_template="#/components/schemas/{model}")
COMPONENTS: dict[str, Any] = _json_body.pop("$defs", {})
#: NDJSON bodies: the schema is of the lines, as a list (one record per line), so a client or a
#: fuzzer that generates from it makes records, and writes each as one line.
_ndjson_schema: dict[str, Any] = {
    "type": "array",
    "minItems": 1,
    "items": _json_body["properties"]["records"]["items"],
    "description": "Exchange-format records, one JSON object per line (`\\n`-separated). "
    "The schema is of the lines, taken as a list.",
    "example": [{"kind": "actor", "id": "oman", "name": "Oman", "type": "state"}],
}
REQUEST_BODY: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {"schema": _json_body},
            "application/x-ndjson": {"schema": _ndjson_schema},
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "properties": {
                        "file": {
                            "type": "string",
                            "format": "binary",
                            "description": f"Records ({suffixes(RECORD_FORMATS)}) or "
                            f"articles ({suffixes(ARTICLE_FORMATS)}).",
                        }
                    },
                    "required": ["file"],
                }
            },
        },
    }
}


# ---------------------------------------------------------------------- reading the body


async def _read_body(request: Request, limit: int) -> bytes:
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > limit:
        raise PayloadTooLargeError(
            f"the body is {int(declared)} bytes, over the limit of {limit}",
            details={"limit": limit},
        )
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise PayloadTooLargeError(
                f"the body is over the limit of {limit} bytes", details={"limit": limit}
            )
        chunks.append(chunk)
    return b"".join(chunks)


def _ndjson_items(body: bytes, name: str) -> list[Item]:
    """``(line, record text or InputError)`` per non-blank line (checked by ``Ingest.check``)."""
    items = list(json_lines(body, name, parse=False))
    if not items:
        raise InputError("no records in the body", field="body")
    return items


class _Envelope(BaseModel):
    """The JSON body's envelope; its records are checked one by one (``skip_invalid``)."""

    model_config = ConfigDict(extra="forbid")

    records: list[Any]


def _json_items(data: bytes) -> list[Item]:
    text = decode_utf8(data, "<body>")
    if json_too_deep(text):
        # records nest 3 levels, the envelope 2 more: deeper is refused before parsing
        raise InputError(f"nested more than {NESTING_MAX} levels deep", field="body")
    try:
        body = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(
            f"invalid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})", field="body"
        ) from None
    try:
        envelope = _Envelope.model_validate(body)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "body"
        raise InputError(str(first["msg"]), field=where) from None
    return list(enumerate(envelope.records, start=1))


def _safe_name(filename: str | None) -> str:
    base = Path(filename or "upload").name
    base = re.sub(r"[^A-Za-z0-9._-]+", "_", base).lstrip(".") or "upload"
    return base[:120]


# ---------------------------------------------------------------------- the jobs


def _ingest(graph: Graph, settings: Settings, skip_invalid: bool) -> Ingest:
    return Ingest(
        graph.store,
        settings,
        batch_size=settings.batch_size,
        skip_invalid=skip_invalid,
        decisions=decisions_path(settings),
        graph=graph,
    )


def _records_job(ingest: Ingest, items: list[Item]) -> Work:
    """Load the records of a request body, then keep what an ingest leaves (the ranking)."""

    def work(job: Job) -> IngestReport:
        report = ingest.records(items, "<request>", job.progress)
        ingest.finish()
        return report

    return work


def _upload_job(ingest: Ingest, path: Path, name: str, when: str | None) -> Work:
    """Load an uploaded file (records, or articles extracted first) named as the upload."""

    def work(job: Job) -> IngestReport:
        try:
            report = ingest.file(path, name=name, date=when, progress=job.progress)
        finally:
            shutil.rmtree(path.parent, ignore_errors=True)
        ingest.finish()
        return report

    return work


# ---------------------------------------------------------------------- routes


@router.post(
    "/ingest",
    status_code=202,
    response_model=JobAccepted,
    openapi_extra=REQUEST_BODY,
)
async def ingest(
    request: Request,
    graph: GraphDep,
    settings: SettingsDep,
    jobs: JobsDep,
    skip_invalid: Annotated[
        bool, Query(description="Report bad records and load the rest (like --skip-invalid).")
    ] = False,
    date: Annotated[str | None, date_query("Publication date for articles that have none.")] = None,
) -> JSONResponse:
    """Load records or an article in the background: 202 with the job id to poll."""
    ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
    body = await _read_body(request, settings.max_upload_bytes)
    when = check_date(date, "date")

    ingest = _ingest(graph, settings, skip_invalid)
    if ctype in ("application/json", *NDJSON_TYPES):
        if ctype == "application/json":
            items = _json_items(body)
        else:
            items = _ndjson_items(body, "<request>")
        ingest.check(items, "<request>")  # a malformed record is refused now, with a 422
        job = jobs.submit("records", "<request>", _records_job(ingest, items))
    elif ctype == "multipart/form-data":
        job = await _upload(request, body, ingest, settings, jobs, when)
    else:
        raise UnsupportedMediaTypeError(
            f"cannot ingest a body of type '{ctype or 'none'}': send application/json "
            '({"records": [...]}), application/x-ndjson, or a multipart/form-data file',
            details={"content_type": ctype},
        )
    url = str(request.url_for("get_job", job_id=job.id).path)
    return JSONResponse(
        JobAccepted(job=job.id, status=job.status, url=url).model_dump(),
        status_code=202,
        headers={"Location": url},
    )


async def _upload(
    request: Request,
    body: bytes,
    ingest: Ingest,
    settings: Settings,
    jobs: JobRegistry,
    when: str | None,
) -> Job:
    async def replay() -> dict[str, Any]:
        return {"type": "http.request", "body": body, "more_body": False}

    try:
        form = await Request(request.scope, replay).form(
            max_files=1, max_fields=10, max_part_size=settings.max_upload_bytes
        )
    except Exception as exc:  # multipart parse errors (bad boundary, too many parts…)
        raise InputError(f"malformed multipart body: {exc}", field="file") from None
    try:
        upload = form.get("file")
        if not isinstance(upload, UploadFile):
            raise InputError(
                "send the records or the article as a file part named 'file'", field="file"
            )
        name = _safe_name(upload.filename)
        try:
            fmt = file_format(name)
        except InputError as exc:
            raise UnsupportedMediaTypeError(
                f"cannot ingest '{name}': {exc.reason}", details={"file": name}
            ) from None
        tmp = tempfile.mkdtemp(prefix="actorgraph-upload-")
        path = Path(tmp) / name
        try:
            with path.open("wb") as fh:
                shutil.copyfileobj(upload.file, fh)
            is_article = holds_articles(path)
            if fmt == "jsonl" and not is_article:
                decode_utf8(path.read_bytes(), name)  # not UTF-8: refuse now
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise
        return jobs.submit(
            "article" if is_article else "file", name, _upload_job(ingest, path, name, when)
        )
    finally:
        await form.close()


@router.get("/jobs/{job_id}", response_model=JobOut, name="get_job")
def get_job(jobs: JobsDep, job_id: str) -> dict[str, Any]:
    """An ingest job: status (queued, running, succeeded, failed), progress, report or error."""
    job = jobs.get(job_id)
    if job is None:
        raise NotFoundError("job", job_id)
    return job.to_dict()
