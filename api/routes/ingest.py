"""``POST /ingest`` (records or articles, as a background job) and ``GET /jobs/{id}``.

The body is one of:

* ``application/json``: ``{"records": [...]}``;
* ``application/x-ndjson`` (or ``application/jsonl``): one record per line;
* ``multipart/form-data`` with a ``file``: records or an article, by the file name's suffix
  as :data:`ingest.inputs.FORMATS` says for every entrance (a JSON Lines file holds records
  or articles, told apart by its first line); articles are extracted into records.

The key is checked before the body is read; the body is read up to
``ACTORGRAPH_MAX_UPLOAD_BYTES`` (413 beyond). Syntax errors in the body are refused at once
(422); the records are then checked and written by :class:`ingest.loader.Loader` in a job,
exactly as ``actorgraph ingest`` does it (same checks, same idempotent merge).
"""

from __future__ import annotations

import json
import re
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any

from actorgraph.api.deps import GraphDep, JobsDep, SettingsDep, WriteAccess
from actorgraph.api.errors import PayloadTooLargeError, UnsupportedMediaTypeError
from actorgraph.api.jobs import Job
from actorgraph.api.models import IngestRequest, JobAccepted, JobOut
from actorgraph.api.params import WRITE_ERRORS, date_query
from actorgraph.graph.errors import InputError, NotFoundError
from actorgraph.graph.exchange import validate_record
from actorgraph.graph.facade import check_date
from actorgraph.graph.model import ACTOR
from actorgraph.graph.schema import default_schema
from actorgraph.graph.store import GraphStore
from actorgraph.ingest.inputs import (
    ARTICLE_FORMATS,
    RECORD_FORMATS,
    decode_utf8,
    file_format,
    holds_articles,
    json_lines,
    suffixes,
)
from actorgraph.ingest.loader import IngestReport, Item, Loader
from actorgraph.ingest.record_files import read_records
from actorgraph.settings import Settings
from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field, ValidationError
from starlette.datastructures import UploadFile

router = APIRouter(tags=["ingest"], dependencies=[WriteAccess], responses=WRITE_ERRORS)

NDJSON_TYPES = ("application/x-ndjson", "application/ndjson", "application/jsonl")

_ndjson_schema: dict[str, Any] = {
    "type": "string",
    "description": "One exchange-format record (a JSON object) per line.",
    "example": '{"kind": "actor", "id": "oman", "name": "Oman", "type": "state"}\n',
}
#: The JSON body's schema, its record models referenced as OpenAPI components (see
#: :data:`COMPONENTS`, which ``create_app`` adds to the document).
_json_body = IngestRequest.model_json_schema(ref_template="#/components/schemas/{model}")
COMPONENTS: dict[str, Any] = _json_body.pop("$defs", {})
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


def _ndjson_items(body: bytes, name: str, skip_invalid: bool) -> list[Item]:
    """``(line, record)`` per non-blank line; bad lines refused now unless ``skip_invalid``."""
    items: list[Item] = []
    for n, item in json_lines(body, name, parse=False):
        if isinstance(item, InputError) and not skip_invalid:
            raise item
        items.append((n, item))
    if not items:
        raise InputError("no records in the body", field="body")
    return _precheck(items, name, skip_invalid)


class _Envelope(BaseModel):
    """The JSON body's envelope; its records are checked one by one (``skip_invalid``)."""

    model_config = ConfigDict(extra="forbid")

    records: list[Any] = Field(min_length=1)


def _json_items(data: bytes, skip_invalid: bool) -> list[Item]:
    try:
        body = json.loads(decode_utf8(data, "<body>"))
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
    return _precheck(list(enumerate(envelope.records, start=1)), "<request>", skip_invalid)


def _precheck(items: list[Item], name: str, skip_invalid: bool) -> list[Item]:
    """Each record's shape checked now (cheap, no store): a body with a malformed record is
    refused at once (422) unless ``skip_invalid``, and one with no good record always is.
    References between records and to the store are checked by the loader in the job."""
    schema = default_schema()
    problems: list[InputError] = []
    for line, item in items:
        if isinstance(item, InputError):
            problems.append(item)
            continue
        try:
            validate_record(item, name, line, schema)
        except InputError as exc:
            problems.append(exc)
    if problems and (not skip_invalid or len(problems) == len(items)):
        first = problems[0]
        more = f" (and {len(problems) - 1} more problems)" if len(problems) > 1 else ""
        if skip_invalid:
            more += "; no record is valid"
        raise InputError(first.reason + more, file=first.file, line=first.line, field=first.field)
    return items


def _renamed(items: Iterator[Item], tmp: str, name: str) -> Iterator[Item]:
    """Records read from a temporary file, with errors naming the upload, not the temp path."""
    for line, item in items:
        if isinstance(item, InputError):
            file = name if (item.file or "").startswith(tmp) else item.file
            item = InputError(item.reason, file=file, line=item.line, field=item.field)
        yield line, item


def _safe_name(filename: str | None) -> str:
    base = Path(filename or "upload").name
    base = re.sub(r"[^A-Za-z0-9._-]+", "_", base).lstrip(".") or "upload"
    return base[:120]


# ---------------------------------------------------------------------- the jobs


def _records_job(
    store: GraphStore, settings: Settings, items: Any, name: str, skip_invalid: bool
) -> Any:
    def work(job: Job) -> IngestReport:
        loader = Loader(store, batch_size=settings.batch_size, skip_invalid=skip_invalid)
        return loader.load(items, name, job.progress)

    return work


def _article_job(
    store: GraphStore,
    settings: Settings,
    path: Path,
    name: str,
    when: str | None,
    skip_invalid: bool,
) -> Any:
    def work(job: Job) -> IngestReport:
        from actorgraph.ingest.extract import Extractor

        try:
            from actorgraph.ingest.articles import read_articles
        except ImportError:  # pragma: no cover - depends on the extraction package's layout
            from actorgraph.ingest.extract import read_articles  # type: ignore[attr-defined,no-redef]

        from actorgraph.graph.exchange import actor_record, dump

        known = [dump(actor_record(a)) for a in store.list_nodes(ACTOR, limit=100_000)]
        problems: list[str] = []
        records = list(
            Extractor(known_actors=known, settings=settings).extract(
                read_articles([path], date=when, on_error=lambda e: problems.append(str(e)))
            )
        )
        if problems:
            raise InputError(problems[0].split(": ", 1)[-1], file=name)
        for rec in records:  # the document is the upload, not our temporary copy of it
            if rec.get("kind") == "document" and str(rec.get("file", "")).startswith(
                str(path.parent)
            ):
                rec["file"] = name
        loader = Loader(store, batch_size=settings.batch_size, skip_invalid=skip_invalid)
        return loader.load(lambda: enumerate(records, start=1), name, job.progress)

    return work


def _cleanup(work: Any, tmp: str) -> Any:
    def run(job: Job) -> IngestReport:
        try:
            return work(job)  # type: ignore[no-any-return]
        finally:
            shutil.rmtree(tmp, ignore_errors=True)

    return run


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
    store = graph.store
    ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
    body = await _read_body(request, settings.max_upload_bytes)
    when = check_date(date, "date")

    if ctype == "application/json":
        items = _json_items(body, skip_invalid)
        job = jobs.submit(
            "records",
            "<request>",
            _records_job(store, settings, lambda: iter(items), "<request>", skip_invalid),
        )
    elif ctype in NDJSON_TYPES:
        items = _ndjson_items(body, "<request>", skip_invalid)
        job = jobs.submit(
            "records",
            "<request>",
            _records_job(store, settings, lambda: iter(items), "<request>", skip_invalid),
        )
    elif ctype == "multipart/form-data":
        job = await _upload(request, body, store, settings, jobs, skip_invalid, when)
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
    store: GraphStore,
    settings: Settings,
    jobs: Any,
    skip_invalid: bool,
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
        if is_article:
            work = _article_job(store, settings, path, name, when, skip_invalid)
            return jobs.submit("article", name, _cleanup(work, tmp))  # type: ignore[no-any-return]

        def items() -> Iterator[Item]:
            return _renamed(read_records(path, parse=False), tmp, name)

        work = _records_job(store, settings, items, name, skip_invalid)
        return jobs.submit("file", name, _cleanup(work, tmp))  # type: ignore[no-any-return]
    finally:
        await form.close()


@router.get("/jobs/{job_id}", response_model=JobOut, name="get_job")
def get_job(jobs: JobsDep, job_id: str) -> dict[str, Any]:
    """An ingest job: status (queued, running, succeeded, failed), progress, report or error."""
    job = jobs.get(job_id)
    if job is None:
        raise NotFoundError("job", job_id)
    return job.to_dict()
