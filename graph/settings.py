"""Settings of the core: where the store is, how it is reached, limits, logging.

Each layer declares the settings it alone uses (:mod:`ingest.settings`, :mod:`api.settings`,
:mod:`reports.settings`); :class:`actorgraph.settings.Settings` puts them together. Nothing
reads them behind its caller's back: the CLI (or ``create_app``) builds one ``Settings`` and
hands it to whatever needs it. ``docs/configuration.md`` lists every setting (a test keeps
the two in step).
"""

from __future__ import annotations

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

#: Every layer's settings read ``ACTORGRAPH_<FIELD>`` from the environment.
SETTINGS_CONFIG = SettingsConfigDict(
    env_prefix="ACTORGRAPH_", extra="ignore", frozen=True, populate_by_name=True
)


class CoreSettings(BaseSettings):
    """The store, its limits and logging; every field is ``ACTORGRAPH_<FIELD>`` too."""

    model_config = SETTINGS_CONFIG

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
    decisions: str | None = Field(
        default=None,
        description="The duplicate-review decisions file (merge, unmerge, distinct) that "
        "ingest applies. Unset: decisions.yaml in the embedded store's directory; "
        "actorgraph-decisions.yaml in the current directory for Neo4j.",
    )
    log_level: str = Field(
        default="WARNING",
        pattern=r"(?i)^(DEBUG|INFO|WARNING|ERROR|CRITICAL)$",
        description="Level of the actorgraph logger (DEBUG, INFO, WARNING, ERROR).",
    )
    log_file: str | None = Field(
        default=None,
        description="Where logs go. Unset: the CLI writes ~/.local/state/actorgraph/"
        "actorgraph.log ($XDG_STATE_HOME), the API server writes to stderr.",
    )
