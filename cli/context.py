"""What every command gets from the ``actorgraph`` callback: the settings, and the store.

The callback records its options in an :class:`Entrance`; the one :class:`Settings` is built
from them (option over ``ACTORGRAPH_*`` over default) the first time a command asks for it,
and logging is configured from it then. A command that needs no settings (``schema``,
``--help``) so starts without pydantic-settings, the store or its libraries (see
``tests/test_cli.py``); one that fails before asking still logs through
:meth:`Entrance.log_file`.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

# Settings, logging and the store are imported when a command first asks for them (start-up
# time of the commands that need none, see above).
if TYPE_CHECKING:
    from actorgraph.graph.store import GraphStore
    from actorgraph.settings import Settings


@dataclass
class Entrance:
    """The callback's options, and the settings built from them on first use."""

    options: dict[str, Any] = field(default_factory=dict)
    verbose: bool = False
    _settings: Settings | None = None
    _log_file: Path | None = None

    def settings(self) -> Settings:
        """The one :class:`Settings` of this command (built once; logging configured then)."""
        if self._settings is None:
            from actorgraph.graph.logs import configure_logging, default_log_file
            from actorgraph.settings import load_settings

            settings = load_settings(**self.options)
            if self.verbose and settings.log_level.upper() in ("WARNING", "ERROR", "CRITICAL"):
                settings = settings.model_copy(update={"log_level": "INFO"})
            self._log_file = configure_logging(
                settings, default_file=default_log_file(), stderr=self.verbose
            )
            self._settings = settings
        return self._settings

    def log_file(self) -> Path | None:
        """Where details go: the settings are built (and logging configured) if no command
        did; None when they cannot be (the error that says why is the user's message)."""
        if self._settings is None:
            from actorgraph.graph.errors import ActorgraphError

            try:
                self.settings()
            except ActorgraphError:
                return None
        return self._log_file


def entrance_of(ctx: typer.Context) -> Entrance:
    """The :class:`Entrance` the callback filled in."""
    entrance = ctx.find_root().obj
    if not isinstance(entrance, Entrance):
        raise RuntimeError("commands run under the actorgraph callback, which records options")
    return entrance


def settings_of(ctx: typer.Context) -> Settings:
    """The one :class:`Settings` of the command: options, environment and defaults."""
    return entrance_of(ctx).settings()


@contextmanager
def opened(ctx: typer.Context) -> Iterator[GraphStore]:
    """The store the settings name, closed when the command is done."""
    from actorgraph.graph.open import open_store

    store = open_store(settings_of(ctx))
    try:
        yield store
    finally:
        store.close()
