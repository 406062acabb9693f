"""Answers kept per data version: a question asked again before the next write is not
computed again.

A research group's clients (the UI above all) ask the same paths, brokers and neighbourhoods
over and over; each costs a ranked search of the graph. :class:`AnswerCache` keeps the last
:data:`KEPT` answers of the store's current data version and forgets them all when the
version moves on (any write, by this process or another, changes it), so an answer is never
older than the data it was asked of. Bounded by count; answers are shared, so callers must
not change them.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterable, Mapping
from typing import Any, Generic, TypeVar

T = TypeVar("T")
K = TypeVar("K", bound=Hashable)
V = TypeVar("V")

#: Answers kept (of the current data version).
KEPT = 512
#: Hops kept (:class:`KeptParts`): a path answer's relations with their first pieces of
#: evidence (the default few: graph/facade.py keeps no others), a kilobyte or two each.
PARTS_KEPT = 20_000


class _PerVersion(Generic[K, V]):
    """Entries of one data version, the oldest dropped past ``kept``; all forgotten when the
    version moves on. Callers hold ``_lock``."""

    def __init__(self, kept: int) -> None:
        self.kept = kept
        self._lock = threading.Lock()
        self._version: str | None = None
        self._parts: OrderedDict[K, V] = OrderedDict()
        self.hits = 0
        self.misses = 0

    def _at(self, version: str) -> bool:
        """Whether the entries are of ``version`` (if not, they are dropped for it)."""
        if self._version == version:
            return True
        self._parts.clear()
        self._version = version
        return False

    def _put(self, parts: Mapping[K, V], version: str) -> None:
        if self._version != version:
            return  # computed at a version that has moved on
        self._parts.update(parts)
        while len(self._parts) > self.kept:
            self._parts.popitem(last=False)

    def __len__(self) -> int:
        with self._lock:
            return len(self._parts)


class AnswerCache(_PerVersion[Hashable, Any]):
    """See the module docstring."""

    def __init__(self, kept: int = KEPT) -> None:
        super().__init__(kept)

    def get(self, key: Hashable, version: str, compute: Callable[[], T]) -> T:
        """The answer to ``key`` at ``version``: kept, or computed now and kept."""
        found = self.find(key, version)
        if found is not None:
            return found  # type: ignore[no-any-return]
        return self.keep(key, version, compute())

    def find(self, key: Hashable, version: str) -> Any | None:
        """The answer to ``key`` kept at ``version``, or None (counted as :meth:`get` counts:
        the caller computes it and hands it to :meth:`keep`)."""
        with self._lock:
            if self._at(version) and key in self._parts:
                self._parts.move_to_end(key)
                self.hits += 1
                return self._parts[key]
            self.misses += 1
            return None

    def keep(self, key: Hashable, version: str, answer: T) -> T:
        """Keep ``answer`` to ``key``, computed at ``version`` (dropped if it moved on)."""
        with self._lock:
            self._put({key: answer}, version)
        return answer


class KeptParts(_PerVersion[K, V]):
    """Parts of answers kept per data version, looked up and filled many at a time: the
    relations of a path's hops with their evidence, which distinct path questions share
    (the hops into and out of hubs: at 100k relations, 400 random path questions showed 31,000
    relations of which 5,000 distinct). Forgotten with the version, like :class:`AnswerCache`;
    bounded by count (the oldest go first)."""

    def __init__(self, kept: int = PARTS_KEPT) -> None:
        super().__init__(kept)

    def found(self, keys: Iterable[K], version: str) -> dict[K, V]:
        """The parts of ``keys`` kept at ``version`` (the others are missing from it)."""
        with self._lock:
            self._at(version)
            asked = list(keys)
            out = {k: self._parts[k] for k in asked if k in self._parts}
            self.hits += len(out)
            self.misses += len(asked) - len(out)
            return out

    def last_kept(self, keys: Iterable[K]) -> set[K]:
        """Which of ``keys`` are kept at the version last asked about, whichever it is
        (nothing is dropped): what a caller need not read again if that is still the
        version it reads with them."""
        with self._lock:
            return {k for k in keys if k in self._parts}

    def keep(self, parts: Mapping[K, V], version: str) -> None:
        """Keep ``parts``, computed at ``version`` (dropped if the version moved on)."""
        with self._lock:
            self._put(parts, version)
