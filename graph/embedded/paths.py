"""Ranked path search (:mod:`graph.ranking` gives the order), over any adjacency.

The embedded store lists paths of up to four hops whole instead
(:meth:`graph.walk.Walk.short_paths`, the same order); this search answers
longer questions and those whose ends' neighbourhoods are too large to list.

A best-first search over partial paths, keyed by ``(hops bound, -support, -recency)``:

* the hops bound is the hops taken plus the breadth-first distance to the target (computed
  over the reverse adjacency, through allowed nodes only), which never overestimates;
* a path's support is a product of factors at most 1, and its recency a minimum, so neither
  improves as a path grows.

The key of a partial path is therefore never above the key of any of its completions, and
complete paths leave the heap in ranking order. Paths whose keys tie are gathered (expanding
every partial path with the same key, whose completions could tie too) and ordered by the
names along them, so the order is total and equal to Neo4j's ``ORDER BY``.

Dates are compared as integers ``YYYYMMDD`` (:func:`graph.ranking.date_int`; 0 when
undated), which orders ISO dates as strings do.
"""

from __future__ import annotations

import heapq
import itertools
import time
from collections.abc import Callable, Collection, Hashable, Iterable
from typing import TYPE_CHECKING, TypeVar

from actorgraph.graph.ranking import NEVER

if TYPE_CHECKING:  # graph.walk imports numpy, which opening a store does not
    from actorgraph.graph.walk import Step

N = TypeVar("N", bound=Hashable)
#: A found path: (nodes, support, last seen as :func:`graph.ranking.date_int`).
Found = tuple[list[N], float, int]

#: A partial path's bound on support is raised by this factor, far above the rounding of the
#: products it bounds (a few units in the last place), so it is never below a completion's.
_HAIR = 1.0 + 1e-9


def ranked_paths(
    source: N,
    target: N,
    source_bound: int | None,
    expand: Callable[[N, int], Iterable[Step[N]]],
    max_hops: int,
    max_paths: int,
    sort_keys: Callable[[Collection[N]], dict[N, str]],
    *,
    deadline: float | None = None,
    rest: Callable[[N, int], tuple[float, int]] | None = None,
) -> tuple[list[Found[N]], bool]:
    """The best ``max_paths`` simple paths ``source`` → ``target``, in ranking order, and
    whether the deadline cut the search short.

    ``source_bound`` is the source's distance to the target (None: unreachable);
    ``expand(node, hops)`` gives the steps from ``node`` for a path that will have ``hops``
    hops after the step, with their bounds (already within ``max_hops``, inner nodes allowed);
    ``sort_keys(ids)`` gives the name sort keys (:func:`graph.ranking.name_sort_key`), asked
    only for paths whose other keys tie. ``rest(node, hops_left)``, when given, bounds what
    the rest of a path from ``node`` to the target in ``hops_left`` more hops (what its bound
    leaves) can be: the highest support (a product of hops) and the latest recency it can
    have; a partial path is then keyed by what its best completion of its bound's length
    could reach (its support times that, a hair more, and the lower of the two recencies),
    which orders the search without changing the result: partial paths that cannot beat the
    paths found are never expanded.

    >>> adj = {"a": [("b", 0.9, 20240101), ("c", 0.5, 20240201)],
    ...        "b": [("d", 0.9, 20240101)], "c": [("d", 0.9, 20240301)]}
    >>> dist = {"d": 0, "b": 1, "c": 1, "a": 2}
    >>> def expand(u, hops):
    ...     return [(v, hops + dist[v], s, d) for v, s, d in adj.get(u, [])]
    >>> found, cut = ranked_paths("a", "d", 2, expand, 3, 10, lambda ids: {i: i for i in ids})
    >>> [p for p, _, _ in found]
    [['a', 'b', 'd'], ['a', 'c', 'd']]
    """
    if source == target or max_paths <= 0 or source_bound is None or source_bound > max_hops:
        return [], False
    counter = itertools.count()
    # (hops bound, -support, -recency, tiebreak, node, path, support, recency)
    heap: list[tuple[int, float, int, int, N, tuple[N, ...], float, int]] = [
        (source_bound, -1.0, -NEVER, next(counter), source, (source,), 1.0, NEVER)
    ]
    found: list[Found[N]] = []
    pops = 0
    while heap and len(found) < max_paths:
        key3 = heap[0][:3]
        group: list[Found[N]] = []
        # everything with this key: complete paths join the group, partial ones are expanded
        while heap and heap[0][:3] == key3:
            _b, _s, _r, _t, node, path, sup, seen = heapq.heappop(heap)
            pops += 1
            if deadline is not None and pops % 1024 == 0 and time.monotonic() > deadline:
                return found, True
            if node == target:
                group.append((list(path), sup, seen))
                continue
            for nxt, bound, hop_support, hop_seen in expand(node, len(path)):
                if nxt in path:
                    continue
                s = sup * hop_support
                r = hop_seen if hop_seen < seen else seen
                if rest is None or nxt == target:
                    ks, kr = s, r
                else:
                    best, latest = rest(nxt, bound - len(path))
                    ks, kr = s * best * _HAIR, (r if r < latest else latest)
                heapq.heappush(heap, (bound, -ks, -kr, next(counter), nxt, (*path, nxt), s, r))
        if len(group) > 1:
            keys = sort_keys({n for p, _, _ in group for n in p})
            group.sort(key=lambda f: [keys[n] for n in f[0]])
        found.extend(group)
    return found[:max_paths], False
