"""What every command gets from the ``actorgraph`` callback: the settings, and the store."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import typer
from actorgraph.graph.open import open_store
from actorgraph.graph.store import GraphStore
from actorgraph.settings import Settings


def settings_of(ctx: typer.Context) -> Settings:
    """The one :class:`Settings` the callback built from options, environment and defaults."""
    settings = ctx.find_root().obj
    if not isinstance(settings, Settings):
        raise RuntimeError("commands run under the actorgraph callback, which builds settings")
    return settings


@contextmanager
def opened(ctx: typer.Context) -> Iterator[GraphStore]:
    """The store the settings name, closed when the command is done."""
    store = open_store(settings_of(ctx))
    try:
        yield store
    finally:
        store.close()
