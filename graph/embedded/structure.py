"""The actor structure of the embedded store: actor-to-actor relations as compact arrays.

What paths and influence need of a relation is small: its type, its two ends (the actors'
``idx`` in the ``nodes`` table), its highest confidence, its number of sources and its latest
date. :class:`ActorStructure` holds those as numpy arrays (a few tens of bytes per relation:
about 30 MB at a million relations), read from the ``snapshot`` blob written at commit time
plus the relations committed after it; evidence, names and documents stay in SQLite until
an answer needs them.

:meth:`ActorStructure.walk` derives, per set of relation types, the walkable adjacency in
compressed sparse rows (parallel relations merged into the hop's best support and latest
date) and its reverse, which the ranked path search of :mod:`graph.embedded.paths` runs on.
"""

from __future__ import annotations

import io
import sqlite3
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from actorgraph.graph.embedded.paths import Step, date_int
from actorgraph.graph.ranking import MAX_SOURCES, SOURCE_CAP

_COLUMNS = ("rid", "type", "src", "dst", "conf", "nsrc", "last")
_DTYPES = {
    "rid": np.int64,
    "type": np.int16,
    "src": np.int32,
    "dst": np.int32,
    "conf": np.float64,
    "nsrc": np.int32,
    "last": np.int32,
}
#: Successor lists up to this long are walked in Python by :meth:`Walk.steps`.
SMALL = 64
DELTA_QUERY = (
    "SELECT rid, type, source_idx, target_idx, confidence, sources, last_seen FROM relations "
    "WHERE target_kind = 'Actor' AND seq > ? ORDER BY rid"
)


def supports(conf: np.ndarray, nsrc: np.ndarray) -> np.ndarray:
    """:func:`graph.ranking.support` of each relation, with the same operations in the same
    order (so the doubles are bitwise those of Python and of Neo4j)."""
    c = np.minimum(conf, SOURCE_CAP)
    n = np.minimum(nsrc, MAX_SOURCES)
    miss = np.ones_like(c)
    q = 1.0 - c
    for i in range(1, MAX_SOURCES + 1):
        more = n >= i
        if not more.any():
            break
        miss = np.where(more, miss * q, miss)
    return 1.0 - miss


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

    @property
    def size(self) -> int:
        return len(self.indptr) - 1

    def distances(self, target: int, limit: int, allowed: np.ndarray | None) -> np.ndarray:
        """Hops from every node to ``target`` through allowed nodes, up to ``limit``
        (``limit + 1`` where farther or unreachable)."""
        far = limit + 1
        dist = np.full(self.size, far, dtype=np.int16)
        if not 0 <= target < self.size:
            return dist
        dist[target] = 0
        frontier = np.array([target], dtype=np.int64)
        for d in range(1, limit + 1):
            starts, ends = self.rindptr[frontier], self.rindptr[frontier + 1]
            lengths = ends - starts
            total = int(lengths.sum())
            if total == 0:
                break
            offsets = np.repeat(starts - np.cumsum(lengths) + lengths, lengths)
            nbrs = self.rindices[offsets + np.arange(total)]
            nbrs = nbrs[dist[nbrs] == far]
            if allowed is not None:
                nbrs = nbrs[allowed[nbrs]]
            if len(nbrs) == 0:
                break
            dist[nbrs] = d  # duplicates set the same value: no need to make them unique
            frontier = np.flatnonzero(dist == d)
        return dist

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


@dataclass
class ActorStructure:
    """See the module docstring. ``types`` names the relation type of each code."""

    types: list[str]
    arrays: dict[str, np.ndarray]
    version: int = 0
    _walks: dict[tuple[Any, ...], Walk] = field(default_factory=dict)

    @classmethod
    def empty(cls, types: list[str]) -> ActorStructure:
        return cls(list(types), {c: np.zeros(0, dtype=_DTYPES[c]) for c in _COLUMNS})

    def __len__(self) -> int:
        return len(self.arrays["rid"])

    # ------------------------------------------------------------------ reading and writing
    @classmethod
    def load(cls, conn: sqlite3.Connection, types: list[str], version: int) -> ActorStructure:
        """The snapshot (if any) with every relation committed after it applied."""
        row = conn.execute("SELECT version, data FROM snapshot WHERE id = 1").fetchone()
        s = cls.empty(types)
        if row is not None:
            s = cls.from_blob(bytes(row[1]), types)
            s.version = int(row[0])
        s.apply(conn.execute(DELTA_QUERY, (s.version,)).fetchall())
        s.version = version
        return s

    @classmethod
    def from_blob(cls, blob: bytes, types: list[str]) -> ActorStructure:
        with np.load(io.BytesIO(blob), allow_pickle=False) as z:
            stored = [str(t) for t in z["types"]]
            arrays = {c: z[c] for c in _COLUMNS}
        s = cls(list(types), arrays)
        if stored != list(types):  # the vocabulary changed: recode the types
            recode = np.array([types.index(t) if t in types else -1 for t in stored], np.int16)
            arrays["type"] = recode[arrays["type"]]
        return s

    def to_blob(self) -> bytes:
        out = io.BytesIO()
        np.savez(out, types=np.array(self.types), **self.arrays)  # type: ignore[arg-type]
        return out.getvalue()

    def apply(self, rows: list[tuple[Any, ...]]) -> None:
        """Relations (``DELTA_QUERY`` rows) added or changed since the arrays were read."""
        if not rows:
            return
        code = {t: i for i, t in enumerate(self.types)}
        cols = list(zip(*rows, strict=True))
        new: dict[str, np.ndarray] = {
            "rid": np.array(cols[0], np.int64),
            "type": np.array([code.get(t, -1) for t in cols[1]], np.int16),
            "src": np.array(cols[2], np.int32),
            "dst": np.array(cols[3], np.int32),
            "conf": np.array(cols[4], np.float64),
            "nsrc": np.array(cols[5], np.int32),
            "last": np.array([date_int(d) for d in cols[6]], np.int32),
        }
        old = self.arrays
        pos = np.searchsorted(old["rid"], new["rid"])
        inside = pos < len(old["rid"])
        found = np.zeros(len(pos), bool)
        found[inside] = old["rid"][pos[inside]] == new["rid"][inside]
        for c in _COLUMNS:  # changed relations in place, new ones appended (rids grow)
            if found.any():
                old[c][pos[found]] = new[c][found]
        if (~found).any():
            self.arrays = {c: np.concatenate([old[c], new[c][~found]]) for c in _COLUMNS}
            order = np.argsort(self.arrays["rid"], kind="stable")
            if (np.diff(self.arrays["rid"]) < 0).any():
                self.arrays = {c: a[order] for c, a in self.arrays.items()}
        self._walks.clear()

    # ------------------------------------------------------------------ queries
    def walk(self, both: list[str], forward: list[str], size: int) -> Walk:
        """The walkable adjacency over ``size`` node numbers: types in ``both`` either way,
        types in ``forward`` along their direction. Cached until the arrays change."""
        key = (tuple(both), tuple(forward), size)
        hit = self._walks.get(key)
        if hit is not None:
            return hit
        a = self.arrays
        code = {t: i for i, t in enumerate(self.types)}
        b_codes = [code[t] for t in both if t in code]
        f_codes = [code[t] for t in forward if t in code]
        mb = np.isin(a["type"], b_codes)
        mf = np.isin(a["type"], f_codes)
        sup = supports(a["conf"], a["nsrc"])
        src = np.concatenate([a["src"][mb | mf], a["dst"][mb]]).astype(np.int64)
        dst = np.concatenate([a["dst"][mb | mf], a["src"][mb]]).astype(np.int64)
        s = np.concatenate([sup[mb | mf], sup[mb]])
        last = np.concatenate([a["last"][mb | mf], a["last"][mb]])
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
        walk = Walk(
            indptr=indptr,
            indices=dst.astype(np.int64),
            support=s.astype(np.float64),
            last=last.astype(np.int64),
            rindptr=rindptr,
            rindices=src[rorder].astype(np.int64),
        )
        self._walks[key] = walk
        return walk

    def edges(self, types: list[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """``(rid, src, dst, conf)`` of the relations of these types."""
        code = {t: i for i, t in enumerate(self.types)}
        m = np.isin(self.arrays["type"], [code[t] for t in types if t in code])
        a = self.arrays
        return a["rid"][m], a["src"][m], a["dst"][m], a["conf"][m]

    def type_of(self, codes: np.ndarray) -> list[str]:
        return [self.types[int(c)] for c in codes]
