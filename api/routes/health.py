"""``/health`` (the process is up) and ``/ready`` (the store answers). No key needed."""

from __future__ import annotations

from actorgraph.api.deps import StateDep
from actorgraph.api.models import Health, Ready
from actorgraph.api.params import PLAIN_ERRORS
from fastapi import APIRouter
from starlette.concurrency import run_in_threadpool

router = APIRouter(tags=["health"])


@router.get("/health", response_model=Health, responses=PLAIN_ERRORS)
async def health() -> Health:
    """The process is up (says nothing about the store)."""
    return Health()


@router.get("/ready", response_model=Ready, responses=PLAIN_ERRORS)
async def ready(state: StateDep) -> Ready:
    """The store is reachable (``store.ping()``); 503 ``store_unavailable`` otherwise."""
    if state.graph is None and not await run_in_threadpool(state.try_open):
        raise state.unavailable()
    assert state.store is not None
    store = state.store

    def check() -> str:
        store.ping()
        return store.version()

    version = await run_in_threadpool(check)
    return Ready(backend=store.backend, version=version)
