"""Ranked path search over a weighted adjacency map (:mod:`graph.ranking` gives the order).

A best-first search over partial paths, keyed by ``(hops bound, -support, recency)``:

* the hops bound is the hops taken plus the breadth-first distance to the target (computed
  over the reverse adjacency, through allowed nodes only), which never overestimates;
* a path's support is a product of factors at most 1, and its recency a minimum, so neither
  improves as a path grows.

The key of a partial path is therefore never above the key of any of its completions, and
complete paths leave the heap in ranking order. Paths whose keys tie are gathered (expanding
every partial path with the same key, whose completions could tie too) and ordered by the
names along them, so the order is total and equal to Neo4j's ``ORDER BY``.
"""

from __future__ import annotations

import heapq
import itertools
import time
from collections.abc import Callable, Collection

from actorgraph.graph.ranking import path_key

#: One walkable step: (next node, the hop's best support, the hop's latest date or '').
Step = tuple[str, float, str]
#: A found path: (node ids, support, last seen).
Found = tuple[list[str], float, str]

_INVERT = str.maketrans("0123456789", "9876543210")


def _desc(date: str) -> str:
    return date.translate(_INVERT) if date else "~"


def distances_to(
    target: str, radj: dict[str, list[str]], limit: int, allowed: Callable[[str], bool]
) -> dict[str, int]:
    """Hops from every node to ``target`` (walking the reverse adjacency through allowed
    nodes only), up to ``limit``."""
    dist = {target: 0}
    frontier = [target]
    for d in range(1, limit + 1):
        nxt = []
        for u in frontier:
            for v in radj.get(u, ()):
                if v not in dist and allowed(v):
                    dist[v] = d
                    nxt.append(v)
        if not nxt:
            break
        frontier = nxt
    return dist


def ranked_paths(
    source: str,
    target: str,
    adj: dict[str, list[Step]],
    radj: dict[str, list[str]],
    max_hops: int,
    max_paths: int,
    sort_keys: Callable[[Collection[str]], dict[str, str]],
    *,
    allowed: Callable[[str], bool] | None = None,
    deadline: float | None = None,
) -> tuple[list[Found], bool]:
    """The best ``max_paths`` simple paths ``source`` → ``target`` of at most ``max_hops``
    hops, in ranking order, and whether the deadline cut the search short.

    ``allowed(node)`` says which nodes may be inner nodes of a path (all when None);
    ``sort_keys(ids)`` gives the name sort key of nodes (:func:`graph.ranking.name_sort_key`),
    asked only for paths whose other keys tie.

    >>> adj = {"a": [("b", 0.9, "2024-01-01"), ("c", 0.5, "2024-02-01")],
    ...        "b": [("d", 0.9, "2024-01-01")], "c": [("d", 0.9, "2024-03-01")]}
    >>> radj = {"b": ["a"], "c": ["a"], "d": ["b", "c"]}
    >>> found, cut = ranked_paths("a", "d", adj, radj, 3, 10, lambda ids: {i: i for i in ids})
    >>> [p for p, _, _ in found]
    [['a', 'b', 'd'], ['a', 'c', 'd']]
    """
    if source == target or max_paths <= 0:
        return [], False
    ok = allowed or (lambda _n: True)
    dist = distances_to(target, radj, max_hops, lambda n: n == source or ok(n))
    if source not in dist:
        return [], False
    counter = itertools.count()
    # (hops bound, -support, recency key, tiebreak, node, path, support, last seen)
    heap: list[tuple[int, float, str, int, str, tuple[str, ...], float, str]] = [
        (dist[source], -1.0, "", next(counter), source, (source,), 1.0, "\uffff")
    ]
    found: list[Found] = []
    pops = 0
    while heap and len(found) < max_paths:
        top = heap[0]
        key3 = top[:3]
        group: list[Found] = []
        # everything with this key: complete paths join the group, partial ones are expanded
        while heap and heap[0][:3] == key3:
            _bound, _neg, _rk, _t, node, path, sup, seen = heapq.heappop(heap)
            pops += 1
            if deadline is not None and pops % 2048 == 0 and time.monotonic() > deadline:
                return found, True
            if node == target:
                group.append((list(path), sup, "" if seen == "\uffff" else seen))
                continue
            hops = len(path)  # hops after the next step
            for nxt, hop_support, hop_seen in adj.get(node, ()):
                if nxt in path:
                    continue
                if nxt == target:
                    b = hops
                else:
                    d = dist.get(nxt)
                    if d is None or not ok(nxt):
                        continue
                    b = hops + d
                if b > max_hops:
                    continue
                s = sup * hop_support
                r = hop_seen if hop_seen < seen else seen
                heapq.heappush(heap, (b, -s, _desc(r), next(counter), nxt, (*path, nxt), s, r))
        if len(group) > 1:
            keys = sort_keys({n for p, _, _ in group for n in p})
            group.sort(key=lambda f: [keys[n] for n in f[0]])
        found.extend(group)
    return found[:max_paths] if len(found) > max_paths else found, False


def sort_found(found: list[Found], keys: dict[str, str]) -> list[Found]:
    """Found paths in ranking order (for callers that gather them otherwise)."""
    return sorted(found, key=lambda f: path_key(len(f[0]) - 1, f[1], f[2], [keys[n] for n in f[0]]))
