"""Settings that only the HTTP API uses (every field is ``ACTORGRAPH_<FIELD>`` too)."""

from __future__ import annotations

from actorgraph.graph.settings import SETTINGS_CONFIG
from pydantic import Field
from pydantic_settings import BaseSettings


class ApiSettings(BaseSettings):
    """Keys, CORS, upload size, start-up wait and job memory of the API server."""

    model_config = SETTINGS_CONFIG

    api_key: str | None = Field(default=None, description="Key required for API writes.")
    read_key: str | None = Field(default=None, description="If set, key required for API reads.")
    cors_origins: str = Field(default="", description="Comma-separated CORS allowlist.")
    max_upload_bytes: int = Field(default=20_000_000, description="Largest accepted upload.")
    startup_timeout: float = Field(
        default=30.0,
        ge=0,
        description="Seconds the API waits (retrying with backoff) for the store at start-up "
        "before serving anyway; /ready answers 503 until the store is reachable.",
    )
    jobs_kept: int = Field(
        default=200,
        ge=1,
        description="How many finished ingest jobs the API remembers for GET /jobs/{id}.",
    )
    jobs_file: str | None = Field(
        default=None,
        description="The SQLite file the API's worker processes share their ingest jobs "
        "through (default: jobs.sqlite in an embedded store's directory; for Neo4j a file "
        "in the temporary directory named after the URI and database).",
    )
    jobs_stale_after: float = Field(
        default=120.0,
        gt=0,
        description="Seconds without a heartbeat after which an ingest job run by a worker on "
        "another host (a container sharing the jobs file) reads as failed (interrupted).",
    )
    workers: int | None = Field(
        default=None,
        ge=1,
        description="Worker processes of actorgraph serve (default: the cores this process "
        "may run on, os.sched_getaffinity). Each holds its own copy of an embedded store's "
        "actor structure (about 0.2 GB at 100k relations).",
    )
