"""What routes depend on, as ``Annotated`` aliases: settings, the one ``Graph``, the store,
the job registry, and the key checks for reads and writes.

The store and its :class:`graph.facade.Graph` are created once per app (in the lifespan,
see :mod:`api.app`) and shared by every request: the ``Graph`` caches influence results
per store version, so one per request would throw the cache away.
"""

from __future__ import annotations

import hmac
import logging
import threading
import time
from dataclasses import dataclass, field
from typing import Annotated

from actorgraph.api.errors import UnauthorizedError, WritesDisabledError
from actorgraph.api.jobs import JobRegistry
from actorgraph.graph.errors import ActorgraphError, StoreUnavailableError
from actorgraph.graph.facade import Graph
from actorgraph.graph.open import open_store
from actorgraph.graph.store import GraphStore
from actorgraph.settings import Settings
from fastapi import Depends, Request, Security
from fastapi.security import APIKeyHeader
from starlette.concurrency import run_in_threadpool

logger = logging.getLogger("actorgraph.api")

API_KEY_HEADER = "X-API-Key"


@dataclass
class ApiState:
    """Everything one app holds for its lifetime."""

    settings: Settings
    store: GraphStore | None = None
    graph: Graph | None = None
    owns_store: bool = False
    jobs: JobRegistry = field(default_factory=JobRegistry)
    last_error: ActorgraphError | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _next_try: float = 0.0

    def attach(self, store: GraphStore, owned: bool) -> None:
        self.store = store
        self.graph = Graph(store)
        self.owns_store = owned
        self.last_error = None

    def try_open(self) -> bool:
        """Open the configured store if it is not open yet (at most once a second)."""
        with self._lock:
            if self.graph is not None:
                return True
            now = time.monotonic()
            if now < self._next_try:
                return False
            self._next_try = now + 1.0
            try:
                store = open_store(self.settings)
            except ActorgraphError as exc:
                self.last_error = exc
                return False
            except Exception as exc:  # a driver or import failure: log it, report 503
                logger.exception("cannot open the store")
                self.last_error = StoreUnavailableError(
                    f"cannot open the store ({type(exc).__name__})",
                    public=f"cannot open the store ({type(exc).__name__})",
                )
                return False
            self.attach(store, owned=True)
            threading.Thread(target=_warm, args=(store,), name="warm", daemon=True).start()
            return True

    def unavailable(self) -> StoreUnavailableError:
        """The 503 for a store that cannot be opened: the operator's reason for the log, a
        public one (no host, port, user or path; see StoreUnavailableError) for the body."""
        last = self.last_error
        if last is None:
            return StoreUnavailableError("the graph store is not available")
        public = last.public if isinstance(last, StoreUnavailableError) else last.code
        return StoreUnavailableError(
            f"the graph store is not available: {last}",
            public=f"the graph store is not available: {public}",
        )

    def wait_for_store(self, timeout: float) -> None:
        """Open and ping the store, retrying with backoff for up to ``timeout`` seconds."""
        deadline = time.monotonic() + timeout
        delay = 0.25
        while True:
            self._next_try = 0.0
            if self.try_open():
                assert self.store is not None
                try:
                    self.store.ping()
                    return
                except ActorgraphError as exc:
                    self.last_error = exc
            if time.monotonic() + delay > deadline:
                logger.warning("store not reachable at start-up: %s", self.last_error)
                return
            time.sleep(delay)
            delay = min(delay * 2, 4.0)

    def close(self) -> None:
        self.jobs.shutdown()
        if self.graph is not None:
            self.graph.close()
        if self.owns_store and self.store is not None:
            self.store.close()


# The dependencies below are ``async`` although they do not wait: FastAPI runs a plain ``def``
# dependency in its thread pool, a thread hop (a few tenths of a millisecond of CPU under
# load) for a lookup of an attribute.


def _warm(store: GraphStore) -> None:
    """:meth:`GraphStore.warm` off the request path; a failure only costs the first
    questions their wait."""
    try:
        store.warm()
    except Exception:
        logger.warning("warming the store failed", exc_info=True)


async def get_state(request: Request) -> ApiState:
    return request.app.state.actorgraph  # type: ignore[no-any-return]


StateDep = Annotated[ApiState, Depends(get_state)]


async def get_settings(state: StateDep) -> Settings:
    return state.settings


async def get_graph(state: StateDep) -> Graph:
    """The app's one ``Graph``; 503 while the store cannot be opened."""
    if state.graph is None and not await run_in_threadpool(state.try_open):
        raise state.unavailable()
    assert state.graph is not None
    return state.graph


async def get_jobs(state: StateDep) -> JobRegistry:
    return state.jobs


SettingsDep = Annotated[Settings, Depends(get_settings)]
GraphDep = Annotated[Graph, Depends(get_graph)]
JobsDep = Annotated[JobRegistry, Depends(get_jobs)]


# ---------------------------------------------------------------------- keys

read_key_header = APIKeyHeader(
    name=API_KEY_HEADER,
    scheme_name="ReadKey",
    description="Needed for reads only when ACTORGRAPH_READ_KEY is set "
    "(the write key is accepted too).",
    auto_error=False,
)
write_key_header = APIKeyHeader(
    name=API_KEY_HEADER,
    scheme_name="WriteKey",
    description="ACTORGRAPH_API_KEY; writes are refused until it is set.",
    auto_error=False,
)


def _matches(given: str | None, expected: str | None) -> bool:
    if not given or not expected:
        return False
    return hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8"))


async def require_read(
    state: StateDep, key: Annotated[str | None, Security(read_key_header)] = None
) -> None:
    """Reads are open unless ``ACTORGRAPH_READ_KEY`` is set; then that key or the write key."""
    s = state.settings
    if not s.read_key:
        return
    if not (_matches(key, s.read_key) | _matches(key, s.api_key)):
        raise UnauthorizedError(
            f"this server needs a read key: send it in the {API_KEY_HEADER} header"
        )


async def require_write(
    state: StateDep, key: Annotated[str | None, Security(write_key_header)] = None
) -> None:
    """Writes need ``ACTORGRAPH_API_KEY``; with no key configured they are refused."""
    s = state.settings
    if not s.api_key:
        raise WritesDisabledError(
            "writes are disabled on this server until a write key is set (ACTORGRAPH_API_KEY)"
        )
    if not _matches(key, s.api_key):
        raise UnauthorizedError(f"writes need the key in the {API_KEY_HEADER} header")


ReadAccess = Depends(require_read)
WriteAccess = Depends(require_write)
