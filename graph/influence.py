"""Influence metrics over the actor graph (networkx), shared by both backends.

The backend projects the relations asked for (types, date window) into a networkx
``MultiDiGraph`` of actors; the metric is computed here, so both stores rank alike.

* ``pagerank``: PageRank on the directed graph, parallel edges merged into weights.
* ``betweenness``: betweenness centrality on the undirected simple graph (brokerage).
* ``degree``: degree centrality on the undirected simple graph (how connected).
"""

from __future__ import annotations

import networkx as nx

METRICS = ("pagerank", "betweenness", "degree")


def _simple(g: nx.MultiDiGraph, directed: bool) -> nx.Graph:
    h: nx.Graph = nx.DiGraph() if directed else nx.Graph()
    h.add_nodes_from(g.nodes(data=True))
    for u, v, data in g.edges(data=True):
        if u == v:
            continue
        w = float(data.get("confidence", 1.0))
        if h.has_edge(u, v):
            h[u][v]["weight"] += w
        else:
            h.add_edge(u, v, weight=w)
    return h


def scores(g: nx.MultiDiGraph, metric: str) -> dict[str, float]:
    """Score every actor of the projection with ``metric``.

    >>> g = nx.MultiDiGraph()
    >>> g.add_edges_from([("q", "a"), ("q", "b"), ("e", "a"), ("e", "b")])
    [0, 0, 0, 0]
    >>> s = scores(g, "degree")
    >>> round(s["q"], 3), round(s["a"], 3)
    (0.667, 0.667)
    """
    if metric not in METRICS:
        raise ValueError(f"unknown metric '{metric}' (known: {', '.join(METRICS)})")
    if g.number_of_nodes() == 0:
        return {}
    if metric == "pagerank":
        return dict(nx.pagerank(_simple(g, directed=True), weight="weight"))
    simple = _simple(g, directed=False)
    if metric == "betweenness":
        n = simple.number_of_nodes()
        # exact up to a few thousand actors; sampled (seeded, so stable) beyond
        k = None if n <= 2000 else 500
        return dict(nx.betweenness_centrality(simple, k=k, seed=7))
    return dict(nx.degree_centrality(simple))


def rank(values: dict[str, float], top: int, names: dict[str, str]) -> list[tuple[str, float]]:
    """Top ``top`` (id, score) by score, ties broken by name then id."""
    ordered = sorted(
        values.items(), key=lambda kv: (-kv[1], names.get(kv[0], "").casefold(), kv[0])
    )
    return ordered[:top]
