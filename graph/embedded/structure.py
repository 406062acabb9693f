"""The actor structure of the embedded store: actor-to-actor relations as compact arrays.

What paths and influence need of a relation is small: its type, its two ends (the actors'
``idx`` in the ``nodes`` table), its highest confidence, its number of sources and its latest
date. :class:`ActorStructure` holds those as numpy arrays (a few tens of bytes per relation:
about 30 MB at a million relations), read from the ``snapshot`` blob written at commit time
plus the relations committed after it; evidence, names and documents stay in SQLite until
an answer needs them.

:meth:`ActorStructure.walk` derives, per set of relation types, the walkable adjacency in
compressed sparse rows (parallel relations merged into the hop's best support and latest
date) and its reverse (:class:`graph.walk.Walk`, which both backends list and rank paths
of up to four hops on); longer questions, or ends whose two-hop neighbourhoods are too large,
go to the ranked path search of :mod:`graph.embedded.paths`.
The snapshot carries the walk of the channel types (the default path question), so a fresh
process reads it instead of deriving it.
"""

from __future__ import annotations

import io
import json
import sqlite3
import struct
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from actorgraph.graph.ranking import MAX_SOURCES, SOURCE_CAP
from actorgraph.graph.walk import Walk

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
#: ``last_seen`` as :func:`graph.ranking.date_int` makes it, computed by SQLite
_LAST = (
    "CASE WHEN length(replace(last_seen, '-', '')) = 8 AND replace(last_seen, '-', '') "
    "NOT GLOB '*[^0-9]*' THEN CAST(replace(last_seen, '-', '') AS INTEGER) ELSE 0 END"
)
_SELECT = f"SELECT rid, type, source_idx, target_idx, confidence, sources, {_LAST} FROM relations "
#: Relations committed after a version, on the ``seq`` index (no ``ORDER BY rid``: with it
#: SQLite scans the whole table in rid order to spare a sort; :meth:`ActorStructure.apply`
#: puts the rows in rid order).
DELTA_QUERY = _SELECT + "WHERE target_kind = 'Actor' AND seq > ?"
#: Every actor relation, in rid order (a snapshot written afresh).
FULL_QUERY = _SELECT + "WHERE target_kind = 'Actor' ORDER BY rid"
#: Walk arrays kept in a snapshot (``walk<n>.<name>``), and their stored types.
_WALK_ARRAYS = {
    "indptr": np.int64,
    "indices": np.int32,
    "support": np.float64,
    "last": np.int32,
    "rindptr": np.int64,
    "rindices": np.int32,
}


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


def _npz_views(blob: bytes) -> dict[str, np.ndarray]:
    """The arrays of an ``.npz`` written by :func:`numpy.savez` (stored, not compressed), read
    straight from ``blob``: views where the data is aligned, else one copy, and no checksum
    of tens of megabytes, which ``numpy.load`` computes (with two copies) at every opening (a
    compressed or odd member is read by it)."""
    import zipfile

    from numpy.lib import format as npy

    out: dict[str, np.ndarray] = {}
    with zipfile.ZipFile(io.BytesIO(blob)) as z:
        for info in z.infolist():
            name = info.filename.removesuffix(".npy")
            if info.compress_type != zipfile.ZIP_STORED:
                out[name] = np.load(io.BytesIO(z.read(info)), allow_pickle=False)
                continue
            # the local file header: 30 bytes, then the name and the extra field
            n, e = struct.unpack_from("<HH", blob, info.header_offset + 26)
            start = info.header_offset + 30 + n + e
            f = io.BytesIO(blob[start : start + 256 * 1024])  # the .npy header is within it
            major, _ = npy.read_magic(f)
            read = npy.read_array_header_1_0 if major == 1 else npy.read_array_header_2_0
            shape, fortran, dtype = read(f)
            if fortran or dtype.hasobject:
                out[name] = np.load(io.BytesIO(z.read(info)), allow_pickle=False)
                continue
            count = int(np.prod(shape, dtype=np.int64))
            a = np.frombuffer(blob, dtype=dtype, count=count, offset=start + f.tell())
            # one copy where the member's data is not aligned (numpy's loops want it)
            out[name] = (a if a.flags.aligned else a.copy()).reshape(shape)
    return out


@dataclass
class ActorStructure:
    """See the module docstring. ``types`` names the relation type of each code."""

    types: list[str]
    arrays: dict[str, np.ndarray]
    version: int = 0
    #: walks by (both, forward): computed, or read with the snapshot they were written with
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
        else:
            s.apply(conn.execute(FULL_QUERY).fetchall())
        s.version = version
        return s

    @classmethod
    def from_blob(cls, blob: bytes, types: list[str]) -> ActorStructure:
        z = _npz_views(blob)
        stored = [str(t) for t in z["types"]]
        arrays = {c: z[c] for c in _COLUMNS}
        s = cls(list(types), arrays)
        if stored != list(types):  # the vocabulary changed: recode the types
            recode = np.array([types.index(t) if t in types else -1 for t in stored], np.int16)
            arrays["type"] = recode[arrays["type"]]
        else:  # the walks written with it are of these types: no need to derive them
            for n, key in enumerate(json.loads(str(z["walks"])) if "walks" in z else []):
                a = [z[f"walk{n}.{k}"] for k in _WALK_ARRAYS]
                s._walks[(tuple(key[0]), tuple(key[1]))] = Walk(
                    indptr=a[0], indices=a[1], support=a[2], last=a[3], rindptr=a[4], rindices=a[5]
                )
        return s

    def to_blob(self, walks: list[tuple[list[str], list[str]]] = ()) -> bytes:  # type: ignore[assignment]
        """The arrays as ``.npz`` (with the vocabulary's type names), and the walks of the
        ``(both, forward)`` type sets given, which a reader then need not derive (a reader
        without them derives them: older ones ignore the extra arrays)."""
        extra: dict[str, np.ndarray] = {}
        keys: list[list[list[str]]] = []
        for both, forward in walks:
            w = self.walk(both, forward, 0)
            n = len(keys)
            keys.append([list(both), list(forward)])
            for k, dtype in _WALK_ARRAYS.items():
                extra[f"walk{n}.{k}"] = getattr(w, k).astype(dtype, copy=False)
        out = io.BytesIO()
        np.savez(
            out,
            types=np.array(self.types),
            walks=np.array(json.dumps(keys)),
            **self.arrays,  # type: ignore[arg-type]
            **extra,  # type: ignore[arg-type]
        )
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
            "last": np.array(cols[6], np.int32),
        }
        old = self.arrays
        pos = np.searchsorted(old["rid"], new["rid"])
        inside = pos < len(old["rid"])
        found = np.zeros(len(pos), bool)
        found[inside] = old["rid"][pos[inside]] == new["rid"][inside]
        for c in _COLUMNS:  # changed relations in place, new ones appended (rids grow)
            if found.any():
                if not old[c].flags.writeable:  # a view of the snapshot read
                    old[c] = old[c].copy()
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
        key = (tuple(both), tuple(forward))
        hit = self._walks.get(key)
        if hit is not None:
            return hit.grown(size)
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
        walk = Walk.from_edges(src, dst, s, last, size)
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
