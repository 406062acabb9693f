"""Influence rankings computed once, kept in bounded memory, served while they are renewed.

An influence ranking is costly (the projection of the asked relations, then PageRank or
betweenness); a busy API gets the same request from many clients at once, and after every
write the rankings are of an older data version. :class:`RankingCache`:

* **single flight**: one computation per (question, data version); concurrent requests for
  it wait for that one instead of each starting its own;
* **one at a time**: computations run on one worker thread, so rankings never take more
  than one core from the requests, and at most :data:`MAX_PENDING` distinct questions may
  wait; past that a new question is refused (``LimitError``) rather than queued without end;
* **time limit**: a computation gets the query time limit (sampled betweenness stops
  between chunks when it runs out); a request waits for it at most that long;
* **bounded**: the last :data:`KEPT` questions are remembered, each ranking cut to its first
  :data:`graph.store.MAX_ROWS` actors;
* **stale while renewing**: when the data version moved on and a ranking of an older version
  is held, a caller that allows it gets that ranking at once (marked stale, with its version)
  while the new one is computed in the background;
* **kept by the store**: where the store can (the embedded store, in its SQLite file),
  rankings outlive the process, so a new CLI process or API worker starts with them.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass

from actorgraph.graph.errors import LimitError

#: Questions remembered (each with the ranking of its latest computed version).
KEPT = 32
#: Distinct computations that may be queued or running at once.
MAX_PENDING = 8


@dataclass(slots=True, frozen=True)
class Ranking:
    """A computed ranking: (actor id, score) best first, and how it was computed."""

    version: str
    ranked: list[tuple[str, float]]
    nodes: int
    samples: int | None
    seconds: float


@dataclass(slots=True, frozen=True)
class Answer:
    """A ranking as served: ``stale`` when it is of an older version than ``current``."""

    ranking: Ranking
    current: str

    @property
    def stale(self) -> bool:
        return self.ranking.version != self.current


class RankingCache:
    """See the module docstring. ``compute(question, deadline)`` makes a :class:`Ranking`."""

    def __init__(
        self,
        timeout: float,
        load: Callable[[Hashable], Ranking | None] | None = None,
        save: Callable[[Hashable, Ranking], None] | None = None,
    ) -> None:
        """``load`` and ``save`` keep rankings beyond the process (the embedded store keeps
        them in its file), so a new process starts with the last ranking of each question."""
        self.timeout = timeout
        self._load = load
        self._save = save
        self._lock = threading.Lock()
        self._kept: OrderedDict[Hashable, Ranking] = OrderedDict()
        self._flights: dict[tuple[Hashable, str], Future[Ranking]] = {}
        self._pool: ThreadPoolExecutor | None = None

    def get(
        self,
        question: Hashable,
        version: str,
        compute: Callable[[float], Ranking],
        *,
        allow_stale: bool = False,
    ) -> Answer:
        with self._lock:
            held = self._kept.get(question)
        if held is None and self._load is not None:
            stored = self._load(question)
            if stored is not None:
                with self._lock:
                    self._remember(question, stored)
        with self._lock:
            held = self._kept.get(question)
            if held is not None:
                self._kept.move_to_end(question)
                if held.version == version:
                    return Answer(held, version)
            flight = self._flights.get((question, version))
            if flight is None:
                if len(self._flights) >= MAX_PENDING:
                    if allow_stale and held is not None:
                        return Answer(held, version)
                    raise LimitError(
                        f"{len(self._flights)} influence rankings are being computed; "
                        "ask again in a moment"
                    )
                flight = self._start(question, version, compute)
        if allow_stale and held is not None:
            return Answer(held, version)
        try:
            return Answer(flight.result(timeout=self.timeout), version)
        except FutureTimeout:
            raise LimitError(
                f"the ranking is still being computed after {self.timeout:g} s; ask again in "
                "a moment (it goes on in the background)"
            ) from None

    def _start(
        self, question: Hashable, version: str, compute: Callable[[float], Ranking]
    ) -> Future[Ranking]:
        if self._pool is None:
            self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="influence")

        def run() -> Ranking:
            try:
                ranking = compute(time.monotonic() + self.timeout)
                with self._lock:
                    self._remember(question, ranking)
                if self._save is not None:
                    self._save(question, ranking)
                return ranking
            finally:
                with self._lock:
                    self._flights.pop((question, version), None)

        flight = self._pool.submit(run)
        self._flights[(question, version)] = flight
        return flight

    def _remember(self, question: Hashable, ranking: Ranking) -> None:
        """Keep ``ranking`` unless a newer one is held (call with the lock held)."""
        held = self._kept.get(question)
        if held is None or int_or_str(held.version) <= int_or_str(ranking.version):
            self._kept[question] = ranking
            self._kept.move_to_end(question)
            while len(self._kept) > KEPT:
                self._kept.popitem(last=False)

    def __len__(self) -> int:
        with self._lock:
            return len(self._kept)

    def pending(self) -> int:
        with self._lock:
            return len(self._flights)

    def close(self) -> None:
        """Stop the worker; a later question starts a new one (an app may be started again)."""
        with self._lock:
            pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=False, cancel_futures=True)


def int_or_str(version: str) -> tuple[int, str]:
    """Versions order as numbers when they are numbers (both stores count up)."""
    return (int(version), "") if version.isdigit() else (0, version)
