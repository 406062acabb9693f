"""The HTTP API: ``create_app(settings)`` builds it; ``actorgraph serve`` runs it, and so does
``uvicorn --factory actorgraph.api.app:create_app`` (settings from the environment then).

The store is opened once, in the lifespan (waiting for it with backoff, see
``ACTORGRAPH_STARTUP_TIMEOUT``), unless one is passed in; one :class:`graph.facade.Graph`
wraps it for the app's lifetime and routes get both through :mod:`api.deps`. Every error
has one JSON shape (:mod:`api.errors`). The API lives at the root paths listed in
``docs/api.md``; the exploration UI (``api/static/``) is served at ``/`` behind them.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from actorgraph.api import errors, ui_assets
from actorgraph.api.deps import API_KEY_HEADER, ApiState, ReadAccess
from actorgraph.api.jobs import JobRegistry, jobs_path
from actorgraph.api.params import READ_ERRORS
from actorgraph.api.routes import (
    actors,
    documents,
    export,
    health,
    ingest,
    meta,
    network,
    reports,
    research,
    statements,
    topics,
)
from actorgraph.graph.logs import configure_logging
from actorgraph.graph.open import is_neo4j_uri
from actorgraph.graph.store import GraphStore
from actorgraph.settings import Settings, load_settings
from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.staticfiles import StaticFiles
from starlette.concurrency import run_in_threadpool

logger = logging.getLogger("actorgraph.api")

STATIC_DIR = Path(__file__).resolve().parent / "static"

DESCRIPTION = """\
Actors, statements and relations (who speaks for, mediates, rejects, demands whom or what),
for research on negotiations and conflicts.

* Lists come as `{"data": [...], "count": N}` (`count` before paging; page with `limit`
  and `offset`).
* Every error is `{"error": {"code", "message", "details"}}`.
* Writes (`POST /ingest`, `DELETE /actors/{id}`, `DELETE /documents/{id}`, `POST /merges`,
  `DELETE /merges/{actor}`, `POST /distinct`) need the `X-API-Key` header
  (`ACTORGRAPH_API_KEY`); reads need it only when `ACTORGRAPH_READ_KEY` is set.
"""

TAGS = [
    {"name": "health", "description": "Liveness and readiness."},
    {"name": "actors", "description": "Search, detail, neighbourhood, deletion."},
    {"name": "statements", "description": "Who said what, for whom, about what."},
    {"name": "topics", "description": "Topics and stances on them."},
    {"name": "network", "description": "Paths, brokers, influence, subgraphs."},
    {"name": "documents", "description": "The documents the evidence comes from."},
    {"name": "meta", "description": "Vocabulary, numbers and the overview."},
    {
        "name": "research",
        "description": "Brokerage roles, duplicate review (merge, unmerge), retraction.",
    },
    {"name": "export", "description": "The graph as exchange-format NDJSON, or for other tools."},
    {"name": "ingest", "description": "Loading records and articles (background jobs)."},
]


def _origins(value: str) -> list[str]:
    return [o.strip() for o in value.split(",") if o.strip()]


def create_app(settings: Settings | None = None, store: GraphStore | None = None) -> FastAPI:
    """The API app for these settings (default: from the environment). ``store``: use this
    store (not closed at shutdown) instead of opening ``settings.store`` at start-up."""
    settings = settings or load_settings()
    configure_logging(settings)  # to ACTORGRAPH_LOG_FILE, else stderr
    state = ApiState(
        settings=settings,
        jobs=JobRegistry(
            _jobs_file(settings, store),
            keep=settings.jobs_kept,
            stale_after=settings.jobs_stale_after,
        ),
    )
    if store is not None:
        state.attach(store, owned=False)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if state.graph is None:
            await run_in_threadpool(state.wait_for_store, settings.startup_timeout)
        try:
            yield
        finally:
            await run_in_threadpool(state.close)

    app = FastAPI(
        title="actorgraph",
        version=_version(),
        description=DESCRIPTION,
        openapi_tags=TAGS,
        lifespan=lifespan,
    )
    app.state.actorgraph = state
    errors.install(app)

    origins = _origins(settings.cors_origins)
    if origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=origins,
            allow_methods=["GET", "POST", "DELETE"],
            allow_headers=[API_KEY_HEADER, "Content-Type"],
            expose_headers=["Location"],
            max_age=600,
        )

    for module in (
        health,
        actors,
        statements,
        topics,
        documents,
        network,
        research,
        meta,
        export,
        ingest,
    ):
        app.include_router(module.router)
    app.include_router(reports.router, dependencies=[ReadAccess], responses=READ_ERRORS)
    _complete_openapi(app, reads_open=not settings.read_key)
    if STATIC_DIR.is_dir():  # the exploration UI, behind every API route
        note = ui_assets.warning(STATIC_DIR)
        if note:
            logger.warning(note)
        app.mount("/", StaticFiles(directory=STATIC_DIR, html=True), name="ui")
    return app


def _jobs_file(settings: Settings, store: GraphStore | None) -> Path | None:
    """The file the workers of this server share their ingest jobs through: the
    ``jobs_file`` setting, else :func:`api.jobs.jobs_path` of the store (of the store given,
    when one is; in memory for a given store that is not embedded)."""
    if settings.jobs_file:
        return Path(settings.jobs_file)
    if store is not None:
        directory = getattr(store, "directory", None)
        return jobs_path(str(directory)) if store.backend == "embedded" and directory else None
    neo4j = is_neo4j_uri(settings.store)
    return jobs_path(settings.store, settings.neo4j_database, embedded=not neo4j)


def _complete_openapi(app: FastAPI, reads_open: bool) -> None:
    """Add what FastAPI cannot see to the OpenAPI document: the record models of the ingest
    body (read by hand, so that bad records can be skipped) as components, and, without
    ``ACTORGRAPH_READ_KEY``, that reads need no key (``{}`` as an alternative security
    requirement), so clients and schema-driven tests are not misled."""
    build = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            spec = build()
            spec.setdefault("components", {}).setdefault("schemas", {}).update(ingest.COMPONENTS)
            for ops in spec.get("paths", {}).values() if reads_open else ():
                for op in ops.values():
                    sec = op.get("security") if isinstance(op, dict) else None
                    if sec and any("ReadKey" in req for req in sec) and {} not in sec:
                        sec.append({})
            app.openapi_schema = spec
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]


def _version() -> str:
    try:
        return version("actorgraph")
    except PackageNotFoundError:  # run from a source tree that was never installed
        return "0"
