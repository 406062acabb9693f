"""Path enumeration over an adjacency map, shortest first, in name order.

Iterative deepening: for each length ``L`` a depth-first walk visits neighbours in name
order and keeps only moves from which the target is still reachable in the hops left (a
breadth-first distance to the target prunes the rest). Paths of one length therefore come
out already sorted, and the walk stops as soon as ``max_paths`` are found.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable


def distances_to(target: str, radj: dict[str, list[str]], limit: int) -> dict[str, int]:
    """Hops from every node to ``target`` (walking the reverse adjacency), up to ``limit``."""
    dist = {target: 0}
    queue = deque([target])
    while queue:
        u = queue.popleft()
        d = dist[u]
        if d >= limit:
            continue
        for v in radj.get(u, ()):
            if v not in dist:
                dist[v] = d + 1
                queue.append(v)
    return dist


def simple_paths(
    source: str,
    target: str,
    adj: dict[str, list[str]],
    radj: dict[str, list[str]],
    max_hops: int,
    max_paths: int,
    deadline: float | None = None,
    sort_key: Callable[[str], object] | None = None,
) -> tuple[list[list[str]], bool]:
    """All simple paths ``source`` → ``target`` of at most ``max_hops`` hops.

    ``adj`` lists each node's successors already sorted by ``sort_key``. Returns the paths
    (at most ``max_paths``; callers ask for one more than they show to learn whether there
    are more) and whether the deadline cut the enumeration short.

    >>> adj = {"a": ["b", "c"], "b": ["d"], "c": ["d"], "d": []}
    >>> radj = {"b": ["a"], "c": ["a"], "d": ["b", "c"]}
    >>> simple_paths("a", "d", adj, radj, 3, 10)
    ([['a', 'b', 'd'], ['a', 'c', 'd']], False)
    """
    if source == target:
        return [], False
    # Distances to the target, by breadth-first levels grown only as deep as the search
    # needs: paths of length L only step onto nodes at most L - 1 hops from the target, so
    # a node not reached yet is correctly pruned (on hub-heavy graphs the full max_hops
    # search would visit nearly every node for nothing).
    dist = {target: 0}
    frontier = [target]
    depth = 0

    def deepen(to: int) -> None:
        nonlocal frontier, depth
        while depth < to and frontier:
            nxt = []
            for u in frontier:
                for v in radj.get(u, ()):
                    if v not in dist:
                        dist[v] = depth + 1
                        nxt.append(v)
            frontier = nxt
            depth += 1

    while source not in dist and depth < max_hops and frontier:
        deepen(depth + 1)
    if source not in dist:
        return [], False
    found: list[list[str]] = []
    truncated = False
    steps = 0
    for length in range(dist[source], max_hops + 1):
        deepen(length - 1)
        path = [source]
        on_path = {source}
        # stack of iterators over successors
        stack = [iter(adj.get(source, ()))]
        while stack:
            nxt = next(stack[-1], None)
            if nxt is None:
                stack.pop()
                on_path.discard(path.pop())
                continue
            steps += 1
            if deadline is not None and steps % 4096 == 0 and time.monotonic() > deadline:
                return found, True
            left = length - len(path)  # hops left after stepping to nxt
            if nxt == target:
                if left == 0:
                    found.append([*path, target])
                    if len(found) >= max_paths:
                        return found, False
                continue
            if nxt in on_path or dist.get(nxt, max_hops + 1) > left:
                continue
            path.append(nxt)
            on_path.add(nxt)
            # one hop left: dist[nxt] == 1, so the only move is the edge to the target (no
            # need to walk a hub's whole successor list to find it)
            stack.append(iter((target,)) if left == 1 else iter(adj.get(nxt, ())))
    return found, truncated
