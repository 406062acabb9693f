"""Influence metrics over the actor graph, computed at C speed by igraph behind one function.

The backend gives the relations asked for (types, date window) as an :class:`EdgeList`;
:func:`scores` ranks its actors. networkx stays the interface and the reference: an
:class:`EdgeList` is built from a networkx graph with :meth:`EdgeList.from_networkx`, and the
suite checks igraph's figures against networkx's on random graphs.

* ``pagerank``: PageRank (damping 0.85) on the directed graph, parallel edges merged into
  weights (the sum of their confidences), as ``networkx.pagerank``.
* ``betweenness``: betweenness centrality on the undirected simple graph (brokerage),
  normalized as ``networkx.betweenness_centrality``. Exact up to :data:`EXACT_UP_TO` actors;
  beyond, estimated from sampled source actors drawn with a fixed seed (Brandes and Pich's
  estimator, the one ``networkx`` uses with ``k``), unless ``exact`` is asked: at most
  :data:`SAMPLES`, fewer on large graphs (about :data:`SAMPLE_BUDGET` edges walked in all).
  The answer says how many sources were used.
* ``degree``: degree centrality on the undirected simple graph (how connected).

igraph holds the GIL while it computes, so betweenness runs in chunks of sources: between
chunks other threads (API requests) run and the deadline is checked, so a computation past
the query's time limit stops with :class:`graph.errors.LimitError`.
"""

from __future__ import annotations

import random
import sys
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from actorgraph.graph.errors import LimitError

if TYPE_CHECKING:
    import networkx as nx

METRICS = ("pagerank", "betweenness", "degree")
#: Betweenness is exact up to this many actors, sampled beyond (unless exact is asked).
EXACT_UP_TO = 2000
#: Source actors of a sampled betweenness: at most this many, fewer on large graphs so that
#: one estimate walks about SAMPLE_BUDGET edges (the answer says how many were used).
SAMPLES = 500
MIN_SAMPLES = 64
SAMPLE_BUDGET = 20_000_000
#: Sources per igraph call: between calls other threads run and the deadline is checked.
CHUNK = 32
SEED = 7


@dataclass(slots=True)
class EdgeList:
    """Actors (ids) and weighted directed edges between them, by index."""

    ids: list[str] = field(default_factory=list)
    src: list[int] = field(default_factory=list)
    dst: list[int] = field(default_factory=list)
    weight: list[float] = field(default_factory=list)
    #: already in the canonical order of :func:`canonical_arrays` (nothing to renumber)
    canonical: bool = False

    @classmethod
    def from_edges(cls, edges: Iterable[tuple[str, str, float]]) -> EdgeList:
        """From ``(source, target, weight)`` triples; actors are numbered as they appear."""
        out = cls()
        index: dict[str, int] = {}
        for u, v, w in edges:
            for x in (u, v):
                if x not in index:
                    index[x] = len(out.ids)
                    out.ids.append(x)
            out.src.append(index[u])
            out.dst.append(index[v])
            out.weight.append(float(w))
        return out

    @classmethod
    def from_networkx(cls, g: nx.Graph) -> EdgeList:
        """Every node of ``g`` (isolated ones too) and its edges, weighted by ``confidence``."""
        out = cls.from_edges(
            (u, v, float(d.get("confidence", 1.0))) for u, v, d in g.edges(data=True)
        )
        known = set(out.ids)
        out.ids.extend(n for n in g.nodes if n not in known)
        return out


@dataclass(slots=True)
class Scores:
    """Scores of every actor, and how they were computed."""

    values: dict[str, float]
    metric: str
    nodes: int
    #: Source actors a sampled betweenness used (None: exact).
    samples: int | None = None

    @property
    def exact(self) -> bool:
        return self.samples is None


def canonical_arrays(ids: list[str], src: Any, dst: Any, weight: Any) -> EdgeList:
    """What :func:`_canonical` makes of ``EdgeList(ids, src, dst, weight)``, from numpy
    arrays of node numbers into ``ids`` (each id used by an edge, in any order): actors
    numbered in id order, edges sorted by (source, target, weight). A store that holds its
    actor graph in arrays (the embedded store) gives it so, without a Python tuple per edge."""
    import numpy as np

    order = sorted(range(len(ids)), key=ids.__getitem__)
    number = np.empty(len(ids), np.int64)
    number[np.asarray(order, dtype=np.int64)] = np.arange(len(ids), dtype=np.int64)
    s = number[np.asarray(src, dtype=np.int64)]
    d = number[np.asarray(dst, dtype=np.int64)]
    w = np.asarray(weight, dtype=np.float64)
    o = np.lexsort((w, d, s))
    return EdgeList(
        [ids[i] for i in order], s[o].tolist(), d[o].tolist(), w[o].tolist(), canonical=True
    )


def _canonical(edges: EdgeList) -> EdgeList:
    """The same graph with actors numbered in id order and edges sorted, so that every store
    (whatever order it reads relations in) gives igraph the same input, and so bitwise the
    same scores."""
    import numpy as np

    if edges.canonical:
        return edges
    ids = sorted(edges.ids)
    number = {x: i for i, x in enumerate(ids)}
    remap = np.array([number[x] for x in edges.ids], dtype=np.int64)
    src = remap[np.asarray(edges.src, dtype=np.int64)] if edges.src else np.zeros(0, np.int64)
    dst = remap[np.asarray(edges.dst, dtype=np.int64)] if edges.dst else np.zeros(0, np.int64)
    w = np.asarray(edges.weight, dtype=np.float64)
    order = np.lexsort((w, dst, src))
    return EdgeList(ids, src[order].tolist(), dst[order].tolist(), w[order].tolist())


def _igraph() -> Any:
    """igraph, imported when influence is first asked for. igraph imports matplotlib for its
    plotting when matplotlib is installed (the reports use it); influence plots nothing, so
    matplotlib is hidden while igraph loads (a second or more of start-up saved)."""
    if "igraph" in sys.modules or "matplotlib" in sys.modules:
        import igraph

        return igraph
    sys.modules["matplotlib"] = None  # type: ignore[assignment]
    try:
        import igraph
    finally:
        del sys.modules["matplotlib"]
    return igraph


def _simple(edges: EdgeList, directed: bool) -> Any:
    """The igraph graph of ``edges`` without loops, parallel edges merged (weights summed)."""
    ig = _igraph()

    pairs = list(zip(edges.src, edges.dst, strict=True))
    g = ig.Graph(n=len(edges.ids), edges=pairs, directed=True)
    g.es["weight"] = edges.weight
    if not directed:
        g.to_undirected(mode="collapse", combine_edges="sum")
    g.simplify(multiple=True, loops=True, combine_edges="sum")
    return g


def scores(
    graph: EdgeList | nx.Graph,
    metric: str,
    *,
    exact: bool = False,
    deadline: float | None = None,
) -> Scores:
    """Score every actor with ``metric``; see the module docstring.

    >>> e = EdgeList.from_edges([("q", "a", 1), ("q", "b", 1), ("e", "a", 1), ("e", "b", 1)])
    >>> s = scores(e, "degree")
    >>> round(s.values["q"], 3), round(s.values["a"], 3)
    (0.667, 0.667)
    """
    if metric not in METRICS:
        raise ValueError(f"unknown metric '{metric}' (known: {', '.join(METRICS)})")
    edges = graph if isinstance(graph, EdgeList) else EdgeList.from_networkx(graph)
    edges = _canonical(edges)
    n = len(edges.ids)
    if n == 0:
        return Scores({}, metric, 0)
    if metric == "pagerank":
        g = _simple(edges, directed=True)
        values = g.pagerank(weights="weight" if g.ecount() else None, damping=0.85)
        return Scores(dict(zip(edges.ids, values, strict=True)), metric, n)
    g = _simple(edges, directed=False)
    if metric == "degree":
        scale = 1.0 / (n - 1) if n > 1 else 1.0
        return Scores({i: d * scale for i, d in zip(edges.ids, g.degree(), strict=True)}, metric, n)
    return _betweenness(g, edges.ids, exact=exact or n <= EXACT_UP_TO, deadline=deadline)


def _betweenness(g: Any, ids: list[str], *, exact: bool, deadline: float | None) -> Scores:
    n = len(ids)
    if exact:
        sources = list(range(n))
        samples = None
    else:
        # the draw of networkx.betweenness_centrality(k=samples, seed=SEED) on a graph whose
        # nodes were added in id order
        samples = min(SAMPLES, max(MIN_SAMPLES, SAMPLE_BUDGET // max(1, g.ecount())))
        samples = min(samples, n)
        sources = sorted(random.Random(SEED).sample(range(n), samples))
    total = [0.0] * n
    for i in range(0, len(sources), CHUNK):
        if deadline is not None and time.monotonic() > deadline:
            raise LimitError(
                f"betweenness over {n} actors ran past the time limit "
                f"({'exact' if exact else f'{samples} sampled sources'}); narrow the relation "
                "types or the dates, or leave sampling on"
            )
        part = g.betweenness(directed=False, sources=sources[i : i + CHUNK])
        for v, x in enumerate(part):
            total[v] += x
        time.sleep(0)  # let waiting threads run between chunks (igraph holds the GIL)
    # igraph's sums over the sources are half networkx's accumulation (it counts a pair of an
    # undirected graph once); scale as networkx 3.6 does (normalized, endpoints excluded):
    # over the (s, t) pairs the sources can see, a sampled source seeing one fewer (itself)
    if n <= 2:
        return Scores(dict.fromkeys(ids, 0.0), "betweenness", n, samples)
    if exact:
        scale = 2.0 / ((n - 1) * (n - 2))
        return Scores({i: x * scale for i, x in zip(ids, total, strict=True)}, "betweenness", n)
    k = len(sources)
    chosen = set(sources)
    src_scale = 2.0 / ((k - 1) * (n - 2))
    other_scale = 2.0 / (k * (n - 2))
    values = {
        i: x * (src_scale if v in chosen else other_scale)
        for v, (i, x) in enumerate(zip(ids, total, strict=True))
    }
    return Scores(values, "betweenness", n, samples)


def rank(values: dict[str, float], top: int, names: dict[str, str]) -> list[tuple[str, float]]:
    """Top ``top`` (id, score) by score, ties broken by name then id."""
    ordered = sorted(
        values.items(), key=lambda kv: (-kv[1], names.get(kv[0], "").casefold(), kv[0])
    )
    return ordered[:top]
