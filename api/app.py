"""The HTTP API: ``create_app()`` builds it (``uvicorn --factory actorgraph.api.app:create_app``).

The store is opened once, in the lifespan (waiting for it with backoff, see
``ACTORGRAPH_STARTUP_TIMEOUT``), unless one is passed in; one :class:`graph.queries.Graph`
wraps it for the app's lifetime and routes get both through :mod:`api.deps`. Every error
has one JSON shape (:mod:`api.errors`). The API lives at the root paths listed in
``docs/api.md``; the exploration UI, when ``api/static/`` exists, is served at ``/``
behind them, and the reports router is included when ``api/routes/reports.py`` exists.
"""

from __future__ import annotations

import importlib
import importlib.util
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from actorgraph.api import errors, ui_assets
from actorgraph.api.deps import API_KEY_HEADER, ApiState, ReadAccess
from actorgraph.api.jobs import JobRegistry
from actorgraph.api.params import READ_ERRORS
from actorgraph.api.routes import (
    actors,
    documents,
    export,
    health,
    ingest,
    meta,
    network,
    statements,
    topics,
)
from actorgraph.graph.settings import Settings, get_settings
from actorgraph.graph.store import GraphStore
from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.staticfiles import StaticFiles
from starlette.concurrency import run_in_threadpool

logger = logging.getLogger("actorgraph.api")

STATIC_DIR = Path(__file__).resolve().parent / "static"
REPORTS_MODULE = "actorgraph.api.routes.reports"

DESCRIPTION = """\
Actors, statements and relations (who speaks for, mediates, rejects, demands whom or what),
for research on negotiations and conflicts.

* Lists come as `{"data": [...], "count": N}` (`count` before paging; page with `limit`
  and `offset`).
* Every error is `{"error": {"code", "message", "details"}}`.
* Writes (`POST /ingest`, `DELETE /actors/{id}`) need the `X-API-Key` header
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
    {"name": "export", "description": "The graph as exchange-format NDJSON."},
    {"name": "ingest", "description": "Loading records and articles (background jobs)."},
]


def _origins(value: str) -> list[str]:
    return [o.strip() for o in value.split(",") if o.strip()]


def create_app(settings: Settings | None = None, store: GraphStore | None = None) -> FastAPI:
    """The API app. ``store``: use this store (not closed at shutdown) instead of opening
    ``settings.store`` at start-up."""
    settings = settings or get_settings()
    _setup_logging(settings)
    state = ApiState(settings=settings, jobs=JobRegistry(keep=settings.jobs_kept))
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

    for module in (health, actors, statements, topics, documents, network, meta, export, ingest):
        app.include_router(module.router)
    if importlib.util.find_spec(REPORTS_MODULE) is not None:
        reports = importlib.import_module(REPORTS_MODULE)
        app.include_router(reports.router, dependencies=[ReadAccess], responses=READ_ERRORS)
    if not settings.read_key:
        _reads_open_in_openapi(app)
    if STATIC_DIR.is_dir():  # the exploration UI, behind every API route
        note = ui_assets.warning(STATIC_DIR)
        if note:
            logger.warning(note)
        app.mount("/", StaticFiles(directory=STATIC_DIR, html=True), name="ui")
    return app


def _setup_logging(settings: Settings) -> None:
    """Unexpected errors are logged with their traceback: to ``ACTORGRAPH_LOG_FILE`` if set,
    else to stderr (uvicorn does not configure the ``actorgraph`` logger)."""
    root = logging.getLogger("actorgraph")
    if root.handlers:  # the CLI (or a test) configured it already
        return
    handler: logging.Handler
    if settings.log_file:
        try:
            Path(settings.log_file).parent.mkdir(parents=True, exist_ok=True)
            handler = logging.FileHandler(settings.log_file, encoding="utf-8")
        except OSError:
            handler = logging.StreamHandler()
    else:
        handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(getattr(logging, settings.log_level.upper(), logging.WARNING))


def _reads_open_in_openapi(app: FastAPI) -> None:
    """Without ``ACTORGRAPH_READ_KEY`` reads need no key: say so in the schema (``{}`` as an
    alternative security requirement), so clients and schema-driven tests are not misled."""
    build = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            spec = build()
            for ops in spec.get("paths", {}).values():
                for op in ops.values():
                    sec = op.get("security") if isinstance(op, dict) else None
                    if sec and any("ReadKey" in req for req in sec) and {} not in sec:
                        sec.append({})
            app.openapi_schema = spec
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]


def _version() -> str:
    try:
        from importlib.metadata import version

        return version("actorgraph")
    except Exception:  # not installed as a package
        return "0"
