"""Logging: one line for the user on the console, details (tracebacks) in a log file."""

from __future__ import annotations

import logging
import os
from pathlib import Path

logger = logging.getLogger("actorgraph")


def log_path() -> Path:
    # imported here: reading the settings imports pydantic, which a command that logs
    # nothing (``actorgraph schema``) should not pay for at start-up
    from actorgraph.graph.settings import get_settings

    settings = get_settings()
    if settings.log_file:
        return Path(settings.log_file)
    base = os.environ.get("XDG_STATE_HOME") or str(Path.home() / ".local" / "state")
    return Path(base) / "actorgraph" / "actorgraph.log"


class _LogFile(logging.Handler):
    """Writes to the log file, found and opened at the first record (so that a command that
    logs nothing reads no settings and opens no file)."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self._file: logging.Handler | None = None
        self._failed = False

    def emit(self, record: logging.LogRecord) -> None:
        if self._file is None and not self._failed:
            try:
                path = log_path()
                path.parent.mkdir(parents=True, exist_ok=True)
                self._file = logging.FileHandler(path, encoding="utf-8")
                self._file.setFormatter(
                    logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
                )
            except OSError:
                self._failed = True
        if self._file is not None:
            self._file.emit(record)


def setup(verbose: bool = False) -> None:
    """Send actorgraph's log records to the log file (and to stderr when verbose)."""
    logger.setLevel(logging.DEBUG)
    if not logger.handlers:
        logger.addHandler(_LogFile())
    if verbose:
        sh = logging.StreamHandler()
        sh.setLevel(logging.INFO)
        logger.addHandler(sh)
