"""One logging setup for every entrance (CLI, API server, report scheduler).

The ``actorgraph`` logger gets the level of ``ACTORGRAPH_LOG_LEVEL`` and its records go to
``ACTORGRAPH_LOG_FILE`` when set. Where they go by default depends on who runs: the CLI keeps
stderr for its one-line messages and writes details to :func:`default_log_file`; a server
writes to stderr (its console or its container's log). Configured with
:func:`logging.config.dictConfig`, so a second call replaces the first.
"""

from __future__ import annotations

import logging
import logging.config
import os
from pathlib import Path
from typing import Any

from actorgraph.graph.settings import CoreSettings, redact

logger = logging.getLogger("actorgraph")

FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
#: Loggers of libraries whose records go where actorgraph's go, formatted the same way: the
#: Neo4j driver warns of every transaction it retries, with the server's multi-line message.
LIBRARY_LOGGERS = {"neo4j": "WARNING"}


class OneLineFormatter(logging.Formatter):
    """One line per record, no credentials: the message's line breaks become spaces and any
    ``scheme://user:password@`` in it (or in a traceback) becomes ``scheme://***@``."""

    def formatMessage(self, record: logging.LogRecord) -> str:
        return " ".join(redact(super().formatMessage(record)).split())

    def formatException(self, ei: Any) -> str:
        return redact(super().formatException(ei))


def default_log_file() -> Path:
    """Where the CLI logs when ``ACTORGRAPH_LOG_FILE`` is unset (the XDG state directory)."""
    base = os.environ.get("XDG_STATE_HOME") or str(Path.home() / ".local" / "state")
    return Path(base) / "actorgraph" / "actorgraph.log"


def configure_logging(
    settings: CoreSettings, *, default_file: Path | None = None, stderr: bool = False
) -> Path | None:
    """Send the ``actorgraph`` logger's records to the log file (``settings.log_file``, else
    ``default_file``) and, with ``stderr`` or when there is no file, to stderr.

    Returns the file written to, or None. A file that cannot be created falls back to stderr.
    """
    level = settings.log_level.upper()
    wanted = Path(settings.log_file) if settings.log_file else default_file
    handlers: dict[str, dict[str, object]] = {}
    file: Path | None = None
    if wanted is not None:
        try:
            wanted.parent.mkdir(parents=True, exist_ok=True)
            with wanted.open("a", encoding="utf-8"):
                pass
            file = wanted
            handlers["file"] = {
                "class": "logging.FileHandler",
                "filename": str(file),
                "encoding": "utf-8",
                "formatter": "plain",
            }
        except OSError:
            file = None
    if stderr or file is None:
        handlers["stderr"] = {"class": "logging.StreamHandler", "formatter": "plain"}
    logging.config.dictConfig(
        {
            "version": 1,
            "disable_existing_loggers": False,
            "formatters": {"plain": {"()": OneLineFormatter, "format": FORMAT}},
            "handlers": handlers,
            "loggers": {
                "actorgraph": {"level": level, "handlers": list(handlers)},
                **{
                    name: {"level": lib_level, "handlers": list(handlers), "propagate": False}
                    for name, lib_level in LIBRARY_LOGGERS.items()
                },
            },
        }
    )
    return file
