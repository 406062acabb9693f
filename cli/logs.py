"""Logging: one line for the user on the console, details (tracebacks) in a log file."""

from __future__ import annotations

import logging
import os
from pathlib import Path

from actorgraph.graph.settings import get_settings

logger = logging.getLogger("actorgraph")


def log_path() -> Path:
    settings = get_settings()
    if settings.log_file:
        return Path(settings.log_file)
    base = os.environ.get("XDG_STATE_HOME") or str(Path.home() / ".local" / "state")
    return Path(base) / "actorgraph" / "actorgraph.log"


def setup(verbose: bool = False) -> Path:
    """Send actorgraph's log records to the log file (and to stderr when verbose)."""
    path = log_path()
    logger.setLevel(logging.DEBUG)
    if not logger.handlers:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fh = logging.FileHandler(path, encoding="utf-8")
            fh.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
            fh.setLevel(logging.DEBUG)
            logger.addHandler(fh)
        except OSError:
            pass
    if verbose:
        sh = logging.StreamHandler()
        sh.setLevel(logging.INFO)
        logger.addHandler(sh)
    return path
