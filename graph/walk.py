"""Paths of up to four hops listed whole on arrays, and ranked or counted there: shared by
both backends, so both give the same answers.

:class:`Walk` is a walkable adjacency in compressed sparse rows (parallel relations merged
into the hop's best support and latest date, as :mod:`graph.ranking` defines them) and its
reverse. The embedded store derives it from its actor structure
(:meth:`graph.embedded.structure.ActorStructure.walk`); the Neo4j store builds one over the
few hops ``cypher/paths_near.cypher`` reads (:meth:`Walk.from_edges`). Paths of up to
:data:`SHORT_HOPS` hops are listed whole from it (:meth:`Walk.short_paths`: two hops out of
the source joined with two into the target), ordered by one sort (:func:`listed_order`) and
ranked (:func:`rank_listed`) or their inner actors counted (:func:`count_ranked_listed`). The
embedded store's ranked search (:mod:`graph.embedded.paths`) walks the same adjacency
(:meth:`Walk.bounds`, :meth:`Walk.steps`) for longer questions.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field
from typing import TypeVar

import numpy as np
from actorgraph.graph.ranking import NEVER
from actorgraph.graph.store import InnerCounts

N = TypeVar("N", bound=Hashable)
#: A step a search may take: (next node, hops bound of the path through it, the hop's best
#: support, the hop's latest date as :func:`graph.ranking.date_int`).
Step = tuple[N, int, float, int]
#: Successor lists up to this long are walked in Python by :meth:`Walk.steps`.
SMALL = 64
#: Paths of up to this many hops are listed whole by :meth:`Walk.short_paths`, ...
SHORT_HOPS = 4
#: ... when the two-hop walks out of the source and into the target, and the four-hop
#: walks that join them, are at most this many (beyond, the ranked search runs).
ENUMERATE_CAP = 100_000


def _sole_parents(sole: np.ndarray, v: np.ndarray, w: np.ndarray) -> None:
    """For hops ``v -> w`` into one level: ``sole[v] = w`` where ``v`` has that one hop
    into it, -1 where it has several."""
    sole[v] = w  # one of them, for each v
    count = np.bincount(v, minlength=len(sole))
    many = v[count[v] > 1]
    sole[many] = -1


def _rows_of(indptr: np.ndarray, nodes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For compressed rows ``indptr``: the positions of every entry of the rows ``nodes``
    and, beside each, the index in ``nodes`` of the row it belongs to."""
    starts = indptr[nodes]
    lengths = indptr[nodes + 1] - starts
    total = int(lengths.sum())
    pos = np.repeat(starts - np.cumsum(lengths) + lengths, lengths) + np.arange(total)
    return pos, np.repeat(np.arange(len(nodes)), lengths)


def _row_count(indptr: np.ndarray, nodes: np.ndarray) -> int:
    return int((indptr[nodes + 1] - indptr[nodes]).sum())


#: Paths listed by :meth:`Walk.short_paths`: nodes (one row per path, padded with -1 past
#: its end), hops, support and recency (as :func:`graph.ranking.date_int`).
Listed = tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]


@dataclass
class Walk:
    """A walkable adjacency: successors of node ``u`` are ``indices[indptr[u]:indptr[u+1]]``
    with the hop's best support and latest date beside them; ``r*`` is the reverse."""

    indptr: np.ndarray
    indices: np.ndarray
    support: np.ndarray
    last: np.ndarray
    rindptr: np.ndarray
    rindices: np.ndarray
    #: successor lists of small nodes as Python tuples, made on first use (see :meth:`steps`)
    _rows: dict[int, dict[int, tuple[float, int]]] = field(default_factory=dict)
    #: this adjacency grown to more node numbers (:meth:`grown`), kept with its caches
    _grown: dict[int, Walk] = field(default_factory=dict)
    #: the hops' support and latest date in the reverse order (:meth:`reverse_values`)
    _reverse: tuple[np.ndarray, np.ndarray] | None = None

    @classmethod
    def from_edges(
        cls, src: np.ndarray, dst: np.ndarray, support: np.ndarray, last: np.ndarray, size: int
    ) -> Walk:
        """The adjacency of walkable hops ``src[i] -> dst[i]`` (node numbers below ``size``,
        grown to cover them), parallel hops merged into their best support and latest date."""
        s = support
        ok = src != dst
        src, dst, s, last = src[ok], dst[ok], s[ok], last[ok]
        size = max(
            size, int(src.max()) + 1 if len(src) else 0, int(dst.max()) + 1 if len(dst) else 0
        )
        pair = src * size + dst
        order = np.argsort(pair, kind="stable")
        pair, src, dst, s, last = pair[order], src[order], dst[order], s[order], last[order]
        if len(pair):
            first = np.concatenate([[True], pair[1:] != pair[:-1]])
            starts = np.nonzero(first)[0]
            s = np.maximum.reduceat(s, starts)
            last = np.maximum.reduceat(last, starts)
            src, dst = src[starts], dst[starts]
        indptr = np.zeros(size + 1, np.int64)
        np.cumsum(np.bincount(src, minlength=size), out=indptr[1:])
        rorder = np.argsort(dst, kind="stable")
        rindptr = np.zeros(size + 1, np.int64)
        np.cumsum(np.bincount(dst, minlength=size), out=rindptr[1:])
        return cls(
            indptr=indptr,
            indices=dst.astype(np.int64),
            support=s.astype(np.float64),
            last=last.astype(np.int64),
            rindptr=rindptr,
            rindices=src[rorder].astype(np.int64),
        )

    @property
    def size(self) -> int:
        return len(self.indptr) - 1

    def grown(self, size: int) -> Walk:
        """The same adjacency over ``size`` node numbers (nodes added since have no hops)."""
        if size <= self.size:
            return self
        hit = self._grown.get(size)
        if hit is None:  # kept: a store holds more nodes than actors with relations, always
            more = size - self.size
            self._grown.clear()
            hit = self._grown[size] = Walk(
                indptr=np.pad(self.indptr, (0, more), mode="edge"),
                indices=self.indices,
                support=self.support,
                last=self.last,
                rindptr=np.pad(self.rindptr, (0, more), mode="edge"),
                rindices=self.rindices,
                _reverse=self._reverse,
            )
        return hit

    def reverse_values(self) -> tuple[np.ndarray, np.ndarray]:
        """``support`` and ``last`` in the order of ``rindices`` (the reverse adjacency is
        the forward one stably sorted by target, as :meth:`from_edges` and the embedded
        store's :meth:`~graph.embedded.structure.ActorStructure.walk` build it)."""
        if self._reverse is None:
            order = np.argsort(self.indices, kind="stable")
            self._reverse = (self.support[order], self.last[order])
        return self._reverse

    def bounds(
        self, target: int, limit: int, allowed: np.ndarray | None, source: int = -1
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """Hops from every node to ``target``, exact up to ``limit`` (``limit + 1`` where
        farther or unreachable), and for every node within them the best support and the
        latest recency any shortest walk from it to ``target`` can have (1.0 and
        :data:`~graph.ranking.NEVER` elsewhere): upper bounds of what a path through
        the node can still gain, which the ranked search orders its partial paths by. The
        walks avoid ``source`` (a simple path from it never comes back to it), which is left
        "farther"; ``allowed`` (when given) says which nodes a walk may pass. The fourth
        array gives, for a node whose shortest walks all begin with the same hop, the node
        that hop leads to (-1 for the others): a path that came from there must go longer."""
        far = limit + 1
        dist = np.full(self.size, far, dtype=np.int16)
        best = np.ones(self.size, dtype=np.float64)
        seen = np.full(self.size, NEVER, dtype=np.int64)
        sole = np.full(self.size, -1, dtype=np.int64)
        if not 0 <= target < self.size:
            return dist, best, seen, sole
        rsup, rlast = self.reverse_values()
        dist[target] = 0
        frontier = np.array([target], dtype=np.int64)
        for d in range(1, limit + 1):
            starts, ends = self.rindptr[frontier], self.rindptr[frontier + 1]
            lengths = ends - starts
            total = int(lengths.sum())
            if total == 0:
                break
            pos = np.repeat(starts - np.cumsum(lengths) + lengths, lengths) + np.arange(total)
            nbrs = self.rindices[pos]
            new = nbrs[(dist[nbrs] == far) & (nbrs != source)]
            if allowed is not None:
                new = new[allowed[new]]
            if len(new) == 0:
                break
            dist[new] = d
            # the hops into this level's nodes, from the level before (their successors)
            into = dist[nbrs] == d
            v, w, p = nbrs[into], np.repeat(frontier, lengths)[into], pos[into]
            best[v] = 0.0
            np.maximum.at(best, v, rsup[p] * best[w])
            seen[v] = 0
            np.maximum.at(seen, v, np.minimum(rlast[p], seen[w]))
            _sole_parents(sole, v, w)
            frontier = np.flatnonzero(dist == d)
        return dist, best, seen, sole

    def one_level_more(
        self,
        nodes: np.ndarray,
        level: int,
        dist: np.ndarray,
        best: np.ndarray,
        seen: np.ndarray,
        sole: np.ndarray,
    ) -> None:
        """Make the bounds of ``nodes`` (each farther than ``level`` from the target) exact
        one level further: ``level + 1`` for those with a successor at ``level``, with its
        best support and recency, ``level + 2`` (a lower bound) for the others."""
        if not len(nodes):
            return
        starts, ends = self.indptr[nodes], self.indptr[nodes + 1]
        lengths = ends - starts
        total = int(lengths.sum())
        pos = np.repeat(starts - np.cumsum(lengths) + lengths, lengths) + np.arange(total)
        succ = self.indices[pos]
        owner = np.repeat(nodes, lengths)
        on = dist[succ] == level
        owner, succ, pos = owner[on], succ[on], pos[on]
        dist[nodes] = level + 2
        dist[owner] = level + 1
        best[owner] = 0.0
        np.maximum.at(best, owner, self.support[pos] * best[succ])
        seen[owner] = 0
        np.maximum.at(seen, owner, np.minimum(self.last[pos], seen[succ]))
        _sole_parents(sole, owner, succ)

    def short_paths(
        self, source: int, target: int, max_hops: int, allowed: np.ndarray | None
    ) -> Listed | None:
        """Every simple path ``source`` → ``target`` of at most ``max_hops`` (up to
        :data:`SHORT_HOPS`) hops whose inner nodes are ``allowed`` (all when None), with its
        support (the product of its hops' in path order, the same doubles as the search's)
        and recency (the minimum of its hops' dates), in no order; None when there could be
        more than :data:`ENUMERATE_CAP` of them to look at (the ranked search is then the
        way).

        Four hops are two out of the source joined with two into the target on the middle
        node, so the work is the two-hop neighbourhoods of the ends and the paths, not
        the partial paths a search takes one at a time (at 100k relations a hub pair has
        about 14,000 four-hop paths, found in a few milliseconds; the search took
        30-100 ms to rank the first thousand of them)."""
        width = max_hops + 1
        empty: Listed = (
            np.zeros((0, width), np.int64),
            np.zeros(0, np.int64),
            np.zeros(0, np.float64),
            np.zeros(0, np.int64),
        )
        if max_hops > SHORT_HOPS:
            return None
        if (
            source == target
            or max_hops < 1
            or not (0 <= source < self.size and 0 <= target < self.size)
        ):
            return empty
        ok = allowed if allowed is not None else np.ones(self.size, bool)
        found: list[tuple[list[np.ndarray], np.ndarray, np.ndarray]] = []
        lo, hi = self.indptr[source], self.indptr[source + 1]
        a1, f1, l1 = self.indices[lo:hi], self.support[lo:hi], self.last[lo:hi]
        direct = a1 == target
        if direct.any():
            n = int(direct.sum())
            found.append(([np.full(n, source), np.full(n, target)], f1[direct], l1[direct]))
        if max_hops >= 2:
            keep = (a1 != target) & ok[a1]  # the first inner node
            a, fa, la = a1[keep], f1[keep], l1[keep]
            rsup, rlast = self.reverse_values()
            lo, hi = self.rindptr[target], self.rindptr[target + 1]
            b1, gb, mb = self.rindices[lo:hi], rsup[lo:hi], rlast[lo:hi]
            keep = (b1 != source) & ok[b1]  # the last inner node
            b, gb, mb = b1[keep], gb[keep], mb[keep]
            common, ia, ib = np.intersect1d(a, b, assume_unique=True, return_indices=True)
            if len(common):
                n = len(common)
                found.append(
                    (
                        [np.full(n, source), common, np.full(n, target)],
                        fa[ia] * gb[ib],
                        np.minimum(la[ia], mb[ib]),
                    )
                )
        if max_hops >= 3:
            if _row_count(self.indptr, a) > ENUMERATE_CAP:
                return None
            pos, own = _rows_of(self.indptr, a)
            m = self.indices[pos]
            keep = (m != source) & (m != target) & ok[m]  # the second inner node
            pos, own, m = pos[keep], own[keep], m[keep]
            a2, p2 = a[own], fa[own] * self.support[pos]
            r2 = np.minimum(la[own], self.last[pos])
            at_b = np.full(self.size, -1, np.int64)
            at_b[b] = np.arange(len(b))
            j = at_b[m]
            on = j >= 0  # s -> a -> m -> t
            if on.any():
                jb = j[on]
                n = int(on.sum())
                found.append(
                    (
                        [np.full(n, source), a2[on], m[on], np.full(n, target)],
                        p2[on] * gb[jb],
                        np.minimum(r2[on], mb[jb]),
                    )
                )
        if max_hops >= 4:
            if _row_count(self.rindptr, b) > ENUMERATE_CAP:
                return None
            rpos, rown = _rows_of(self.rindptr, b)
            mm = self.rindices[rpos]
            keep = (mm != source) & (mm != target) & ok[mm]
            rpos, rown, mm = rpos[keep], rown[keep], mm[keep]
            order = np.argsort(mm, kind="stable")
            sorted_m = mm[order]
            first = np.searchsorted(sorted_m, m, "left")
            count = np.searchsorted(sorted_m, m, "right") - first
            total = int(count.sum())
            if total > ENUMERATE_CAP:
                return None
            li = np.repeat(np.arange(len(m)), count)
            ri = order[np.repeat(first - np.cumsum(count) + count, count) + np.arange(total)]
            bi = rown[ri]
            simple = a2[li] != b[bi]  # s -> a -> m -> b -> t, a and b distinct
            li, ri, bi = li[simple], ri[simple], bi[simple]
            n = len(li)
            if n:
                found.append(
                    (
                        [np.full(n, source), a2[li], m[li], b[bi], np.full(n, target)],
                        (p2[li] * rsup[rpos[ri]]) * gb[bi],
                        np.minimum(np.minimum(r2[li], rlast[rpos[ri]]), mb[bi]),
                    )
                )
        if not found:
            return empty
        nodes = np.full((sum(len(f[1]) for f in found), width), -1, np.int64)
        row = 0
        for cols, sup, _rec in found:
            for k, col in enumerate(cols):
                nodes[row : row + len(sup), k] = col
            row += len(sup)
        hops = np.concatenate([np.full(len(f[1]), len(f[0]) - 1) for f in found])
        sup = np.concatenate([f[1] for f in found]).astype(np.float64, copy=False)
        rec = np.concatenate([f[2] for f in found]).astype(np.int64, copy=False)
        return nodes, hops, sup, rec

    def steps(
        self,
        node: int,
        hops: int,
        target: int,
        dist: np.ndarray,
        max_hops: int,
        near: list[int] | None = None,
        within: list[list[int]] | None = None,
    ) -> list[Step[int]]:
        """Steps from ``node`` for a path of ``hops`` hops after the step (see
        :func:`graph.embedded.paths.ranked_paths`): the target, or nodes close enough to it.

        ``near`` is ``dist`` as a Python list and ``within[k]`` the nodes at most ``k`` hops
        from the target (for the last steps of a path, ``k`` 0 and 1): with them, a node of at
        most :data:`SMALL` successors is walked in Python over its successors kept as a dict
        (numpy's cost per call is larger than such a loop), or over the few nodes close enough
        when they are fewer than its successors; hubs are filtered with numpy."""
        slack = max_hops - hops
        if near is not None:
            row = self._rows.get(node)
            if row is None and self.indptr[node + 1] - self.indptr[node] <= SMALL:
                lo, hi = int(self.indptr[node]), int(self.indptr[node + 1])
                row = self._rows[node] = dict(
                    zip(
                        self.indices[lo:hi].tolist(),
                        zip(self.support[lo:hi].tolist(), self.last[lo:hi].tolist(), strict=True),
                        strict=True,
                    )
                )
            if row is not None:
                if within is not None and slack < len(within) and len(within[slack]) < len(row):
                    return [(v, near[v] + hops, *row[v]) for v in within[slack] if v in row]
                return [
                    (v, d + hops, sup, seen)
                    for v, (sup, seen) in row.items()
                    if (d := near[v]) <= slack
                ]
        lo, hi = self.indptr[node], self.indptr[node + 1]
        if lo == hi:
            return []
        nbrs = self.indices[lo:hi]
        close = dist[nbrs]  # the target is at 0: its bound is the hops themselves
        sel = np.flatnonzero(close <= slack)
        if not len(sel):
            return []
        return list(
            zip(
                nbrs[sel].tolist(),
                (close[sel] + hops).tolist(),
                self.support[lo:hi][sel].tolist(),
                self.last[lo:hi][sel].tolist(),
                strict=True,
            )
        )


def listed_order(
    listed: Listed, max_paths: int, named: Callable[[Iterable[int]], dict[int, tuple[str, str]]]
) -> np.ndarray:
    """The rows of the first ``max_paths`` of the paths :meth:`Walk.short_paths` listed, in
    the order of :func:`graph.embedded.paths.ranked_paths`: hops, then support (highest
    first), then recency (latest first) by one sort of the arrays; only runs of paths that
    tie on all three are ordered by the names along them (``named`` gives their sort keys).
    Only the rows up to the last one tied with the ``max_paths``-th are taken to Python, and
    of them only those of runs that tie."""
    nodes, hops, sup, rec = listed
    if max_paths <= 0 or not len(hops):
        return np.zeros(0, np.int64)
    order = np.lexsort((-rec, -sup, hops))
    hs, ss, rs = hops[order], sup[order], rec[order]
    end = len(order)
    if end > max_paths:
        k = max_paths - 1
        tied = (hs[max_paths:] == hs[k]) & (ss[max_paths:] == ss[k]) & (rs[max_paths:] == rs[k])
        end = end if tied.all() else max_paths + int(np.argmin(tied))
    order, hs, ss, rs = order[:end], hs[:end], ss[:end], rs[:end]
    same = (hs[1:] == hs[:-1]) & (ss[1:] == ss[:-1]) & (rs[1:] == rs[:-1])
    if same.any():  # runs i..j of paths that tie: by the names along them
        edges = np.diff(np.concatenate([[0], same.astype(np.int8), [0]]))
        runs = [
            (i, j, nodes[order[i : j + 1], : int(hs[i]) + 1].tolist())
            for i, j in zip(
                np.flatnonzero(edges == 1).tolist(),
                np.flatnonzero(edges == -1).tolist(),
                strict=True,
            )
        ]
        got = named({v for _, _, paths in runs for p in paths for v in p})  # one look-up
        for i, j, paths in runs:
            keys = [[got[v][1] for v in p] for p in paths]
            order[i : j + 1] = order[i : j + 1][sorted(range(len(paths)), key=keys.__getitem__)]
    return order[:max_paths]


def rank_listed(
    listed: Listed, max_paths: int, named: Callable[[Iterable[int]], dict[int, tuple[str, str]]]
) -> list[tuple[list[int], float, int]]:
    """The first ``max_paths`` of the paths :meth:`Walk.short_paths` listed, in ranking
    order (:func:`listed_order`), as node lists with their support and recency."""
    nodes, hops, sup, rec = listed
    order = listed_order(listed, max_paths, named)
    hs = hops[order]
    paths: list[list[int]] = []
    for h in np.unique(hs).tolist():  # a block per number of hops (sorted by it first)
        paths += nodes[order[hs == h], : h + 1].tolist()
    return list(zip(paths, sup[order].tolist(), rec[order].tolist(), strict=True))


def count_ranked_listed(
    listed: Listed,
    max_paths: int,
    top: int,
    named: Callable[[Iterable[int]], dict[int, tuple[str, str]]],
) -> InnerCounts:
    """:func:`count_listed` of the first ``max_paths`` listed paths in ranking order
    (:func:`listed_order`): what a broker question counts, on either backend."""
    order = listed_order(listed, max_paths, named)
    return count_listed(listed[0][order], listed[1][order], top, named)


def count_listed(
    nodes: np.ndarray,
    hops: np.ndarray,
    top: int,
    named: Callable[[Iterable[int]], dict[int, tuple[str, str]]],
) -> InnerCounts:
    """:func:`graph.store.count_inner` of ranked listed paths (``nodes``' rows, ``hops``
    each), on the arrays: the inner actors' paths and best rank by one ``np.unique`` of
    (row, actor) pairs (an actor counted once per path), ordered and cut by one sort; only
    the actors kept are named."""
    n = len(hops)
    if not n:
        return InnerCounts(0, [])
    cols = np.arange(nodes.shape[1])
    inner = (cols >= 1) & (cols[None, :] < hops[:, None])  # between the two ends
    rows = np.broadcast_to(np.arange(n, dtype=np.int64)[:, None], nodes.shape)[inner]
    values = nodes[inner].astype(np.int64, copy=False)
    if not len(values):  # direct hops only
        return InnerCounts(n, [])
    size = int(values.max()) + 1
    pairs = np.unique(rows * size + values)  # by row, then actor: each actor once per path
    actor_of = pairs % size
    actors, first, counts = np.unique(actor_of, return_index=True, return_counts=True)
    best = pairs[first] // size + 1  # the first row an actor is on: its best path's rank
    order = np.lexsort((best, -counts))
    if len(order) > top:
        k = order[top - 1]
        keep = (counts > counts[k]) | ((counts == counts[k]) & (best <= best[k]))
        order = order[keep[order]]
    kept = actors[order].tolist()
    ids = named(kept)
    return InnerCounts(
        n,
        [
            (ids[a][0], c, b)
            for a, c, b in zip(kept, counts[order].tolist(), best[order].tolist(), strict=True)
        ],
    )
