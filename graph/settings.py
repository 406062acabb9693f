"""Settings of the core: where the store is, how it is reached, limits, logging.

Each layer declares the settings it alone uses (:mod:`ingest.settings`, :mod:`api.settings`,
:mod:`reports.settings`); :class:`actorgraph.settings.Settings` puts them together. Nothing
reads them behind its caller's back: the CLI (or ``create_app``) builds one ``Settings`` and
hands it to whatever needs it. ``docs/configuration.md`` lists every setting (a test keeps
the two in step).
"""

from __future__ import annotations

import logging
import re
from typing import Any
from urllib.parse import unquote, urlsplit, urlunsplit

from pydantic import Field, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

logger = logging.getLogger("actorgraph.settings")

#: ``scheme://user:password@`` in any text (a URI with credentials in it).
_CREDENTIALS = re.compile(r"(?P<scheme>[A-Za-z][A-Za-z0-9+.-]*://)(?P<userinfo>[^/@\s]*)@")


def redact(text: str) -> str:
    """``text`` with the credentials of every URI in it replaced by ``***``
    (``bolt://neo4j:pw@host`` -> ``bolt://***@host``)."""
    return _CREDENTIALS.sub(lambda m: f"{m['scheme']}***@", text)


def split_credentials(uri: str) -> tuple[str, str | None, str | None]:
    """A URI without its ``user:password@`` part, and the user and password it held."""
    if "://" not in uri or "@" not in uri.split("://", 1)[1].split("/", 1)[0]:
        return uri, None, None
    parts = urlsplit(uri)
    host = parts.netloc.rsplit("@", 1)[1]
    user = unquote(parts.username) if parts.username else None
    password = unquote(parts.password) if parts.password is not None else None
    return urlunsplit(parts._replace(netloc=host)), user, password


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
        default="",
        validation_alias="NEO4J_PASSWORD",
        repr=False,
        description="Neo4j password (the one way to give it: never in the store URI).",
    )
    neo4j_database: str = Field(default="neo4j", description="Neo4j database name.")

    @model_validator(mode="before")
    @classmethod
    def _credentials_out_of_the_uri(cls, data: Any) -> Any:
        """A password given in the store URI is used, but taken out of it at once, so no
        message, log or response that names the store can show it (NEO4J_PASSWORD wins)."""
        if not isinstance(data, dict) or not isinstance(data.get("store"), str):
            return data
        clean, user, password = split_credentials(data["store"])
        if clean == data["store"]:
            return data
        data = {**data, "store": clean}
        if user and not data.get("neo4j_user") and not data.get("NEO4J_USER"):
            data["neo4j_user"] = user
        if password is not None:
            if not data.get("neo4j_password") and not data.get("NEO4J_PASSWORD"):
                data["neo4j_password"] = password
            logger.warning(
                "the store URI held a password: it was taken out of the URI and is never "
                "shown; give it through NEO4J_PASSWORD instead"
            )
        return data

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
