"""Brokerage: Gould–Fernandez roles and Burt's structural holes, over networkx graphs.

Gould and Fernandez (1989) call ``j`` a broker of the ordered pair ``(i, k)`` when the graph
has the two-path ``i -> j -> k`` (three distinct actors) and no tie ``i -> k``. Given a
grouping of the actors (actor type, or any attribute such as camp or alliance), each brokered
two-path is one of five roles, by the groups of ``i`` (source), ``j`` (broker), ``k``
(target):

============== ======= ========================================= ==========
role           sna     two-path (groups)                          example
============== ======= ========================================= ==========
coordinator    ``w_I`` A -> A -> A: all three in one group        within a camp
itinerant      ``w_O`` A -> B -> A: an outsider links two members a consultant
representative ``b_IO`` A -> A -> B: the broker sends its group's contact out
gatekeeper     ``b_OI`` A -> B -> B: the broker lets an outsider in
liaison        ``b_O`` A -> B -> C: three different groups        a mediator
============== ======= ========================================= ==========

Counts, expected values, standard deviations and z-scores follow R's ``sna::brokerage``
(Butts, sna 2.7; ``R/models.R`` and ``src/gli.c``) exactly: the null model is a random
directed graph of the same order and density ``d = m / (N (N - 1))``, the moments are those
of Gould and Fernandez's appendix as sna writes them, and a z-score is
``(raw - expected) / sd`` (NaN when both are 0, as in R). Note that sna's *documentation*
describes ``b_IO`` as the gatekeeper (``A -> B -> B``), but its code counts ``A -> A -> B``
there, as Gould and Fernandez define ``b_IO`` (in-group to out-group, the representative);
we follow the code, and the tests check it against R's output.

The graph is read as a simple directed graph: parallel edges count once, self-loops are
ignored, an undirected graph counts each tie in both directions (as sna does with a
symmetric matrix). :func:`actor_digraph` prepares a store projection that way, walking
``traverse: both`` relation types (``mediates``, ``speaks_for``, ``allied_with``) both ways.

Burt's constraint and effective size come from networkx (:func:`structural_holes`).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Hashable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

import networkx as nx
import numpy as np
from actorgraph.graph.schema import Schema, default_schema

#: The five roles in sna's column order, then the total.
ROLES = ("coordinator", "itinerant", "representative", "gatekeeper", "liaison")
COLUMNS = (*ROLES, "total")
#: sna's column names, for readers who compare with R.
SNA_NAMES = dict(zip(COLUMNS, ("w_I", "w_O", "b_IO", "b_OI", "b_O", "t"), strict=True))

Groups = str | Mapping[Hashable, Hashable] | Callable[[Hashable], Hashable]


def _json_float(x: float) -> float | None:
    return None if math.isnan(x) or math.isinf(x) else x


@dataclass(frozen=True, slots=True)
class RoleScores:
    """Raw counts, expected values, standard deviations and z-scores, one value per column."""

    raw: dict[str, float]
    expected: dict[str, float]
    sd: dict[str, float]
    z: dict[str, float]

    def to_dict(self) -> dict[str, Any]:
        """JSON form; NaN and infinite values (no variance under the null model) become None."""
        return {
            part: {c: _json_float(v) for c, v in getattr(self, part).items()}
            for part in ("raw", "expected", "sd", "z")
        }


@dataclass(frozen=True, slots=True)
class ActorBrokerage:
    """One actor's brokerage: its group and its scores per role."""

    actor: Hashable
    group: Hashable
    scores: RoleScores

    def to_dict(self) -> dict[str, Any]:
        return {"actor": self.actor, "group": self.group, **self.scores.to_dict()}


@dataclass(frozen=True, slots=True)
class Brokerage:
    """The result of :func:`brokerage` for one graph.

    ``actors`` per actor (in the graph's node order), ``graph`` the aggregate over all actors
    (sna's ``*.gli``), ``by_group`` the expected values and standard deviations of a broker
    of each group (sna's ``exp.grp`` and ``sd.grp``), ``sizes`` the group sizes.
    """

    actors: dict[Hashable, ActorBrokerage]
    graph: RoleScores
    by_group: dict[Hashable, dict[str, dict[str, float]]]
    sizes: dict[Hashable, int]
    order: int
    ties: int
    density: float

    def ranked(
        self, role: str = "total", by: str = "raw", top: int | None = None
    ) -> list[ActorBrokerage]:
        """Actors ordered by one role's raw count or z-score (highest first; NaN last)."""
        if role not in COLUMNS:
            raise ValueError(f"unknown role '{role}' (known: {', '.join(COLUMNS)})")
        if by not in ("raw", "z", "expected"):
            raise ValueError("by must be raw, z or expected")

        def key(a: ActorBrokerage) -> tuple[bool, float, str]:
            v = getattr(a.scores, by)[role]
            return (math.isnan(v), -v if not math.isnan(v) else 0.0, str(a.actor))

        out = sorted(self.actors.values(), key=key)
        return out if top is None else out[:top]

    def to_dict(self) -> dict[str, Any]:
        return {
            "order": self.order,
            "ties": self.ties,
            "density": _json_float(self.density),
            "sizes": {str(g): n for g, n in self.sizes.items()},
            "graph": self.graph.to_dict(),
            "actors": [a.to_dict() for a in self.actors.values()],
        }


# ---------------------------------------------------------------------- the graph
def simple_digraph(g: nx.Graph) -> nx.DiGraph:
    """``g`` as a simple directed graph: parallel edges merged, self-loops dropped, an
    undirected tie in both directions. Node attributes are kept."""
    h = nx.DiGraph()
    h.add_nodes_from(g.nodes(data=True))
    directed = g.is_directed()
    for u, v in g.edges():
        if u == v:
            continue
        h.add_edge(u, v)
        if not directed:
            h.add_edge(v, u)
    return h


def actor_digraph(
    projection: nx.Graph,
    schema: Schema | None = None,
    *,
    both_ways: Iterable[str] | None = None,
    drop_isolates: bool = True,
) -> nx.DiGraph:
    """The simple directed actor graph brokerage is computed on, from a store projection.

    Edges whose ``type`` is walked both ways (``traverse: both`` or ``symmetric`` in the
    vocabulary, unless ``both_ways`` names the types) count in both directions: "Qatar
    mediates Hamas" lets Hamas reach Qatar as well. With ``drop_isolates`` (the default),
    actors with no tie are left out, so the population of a time window is the actors active
    in it (they would otherwise lower the density and change every expected value).
    """
    schema = schema or default_schema()
    if both_ways is None:
        both = {n for n, r in schema.relations.items() if r.both_ways}
    else:
        both = set(both_ways)
    h = nx.DiGraph()
    h.add_nodes_from(projection.nodes(data=True))
    for u, v, data in projection.edges(data=True):
        if u == v:
            continue
        h.add_edge(u, v)
        if data.get("type") in both or not projection.is_directed():
            h.add_edge(v, u)
    if drop_isolates:
        h.remove_nodes_from([n for n in list(h.nodes) if h.degree(n) == 0])
    return h


def _group_of(g: nx.DiGraph, groups: Groups) -> dict[Hashable, Hashable]:
    if isinstance(groups, str):
        out = {n: d.get(groups) for n, d in g.nodes(data=True)}
        label = f"node attribute '{groups}'"
    elif isinstance(groups, Mapping):
        out = {n: groups.get(n) for n in g.nodes}
        label = "the grouping"
    else:
        out = {n: groups(n) for n in g.nodes}
        label = "the grouping function"
    missing = sorted((str(n) for n, c in out.items() if c is None))
    if missing:
        shown = ", ".join(missing[:5]) + (" …" if len(missing) > 5 else "")
        raise ValueError(f"{len(missing)} actor(s) have no group in {label}: {shown}")
    return out


# ---------------------------------------------------------------------- counting
def role_counts(g: nx.Graph, groups: Groups) -> dict[Hashable, dict[str, int]]:
    """Raw Gould–Fernandez counts per actor (sna's ``raw.nli``).

    >>> g = nx.DiGraph([("a", "b"), ("b", "c")])
    >>> role_counts(g, {"a": 1, "b": 1, "c": 2})["b"]["representative"]
    1
    """
    d = simple_digraph(g)
    cl = _group_of(d, groups)
    return _counts(d, cl)


def _counts(d: nx.DiGraph, cl: Mapping[Hashable, Hashable]) -> dict[Hashable, dict[str, int]]:
    out: dict[Hashable, dict[str, int]] = {}
    succ = d.succ
    for j in d.nodes:
        c = dict.fromkeys(COLUMNS, 0)
        gj = cl[j]
        for i in d.pred[j]:
            gi = cl[i]
            si = succ[i]
            for k in succ[j]:
                if k == i or k in si:
                    continue
                gk = cl[k]
                if gi == gj:
                    c["coordinator" if gj == gk else "representative"] += 1
                elif gj == gk:
                    c["gatekeeper"] += 1
                elif gi == gk:
                    c["itinerant"] += 1
                else:
                    c["liaison"] += 1
        c["total"] = sum(c[r] for r in ROLES)
        out[j] = c
    return out


# ---------------------------------------------------------------------- moments
def _choose2(x: float) -> float:
    return x * (x - 1.0) / 2.0


def _broker_moments(
    n_i: float, others: list[float], big_n: float, d: float
) -> tuple[dict[str, float], dict[str, float]]:
    """Expected value and variance of each score of a broker whose group has ``n_i`` actors
    (``others``: the sizes of the other groups), as sna computes ``ebr`` and ``vbr``."""
    p = d * d * (1.0 - d)
    q3 = d**3 * (1.0 - d) ** 3
    e: dict[str, float] = {}
    v: dict[str, float] = {}
    e["coordinator"] = p * (n_i - 1) * (n_i - 2)
    v["coordinator"] = e["coordinator"] * (1 - p) + 2 * (n_i - 1) * (n_i - 2) * (n_i - 3) * q3
    e["itinerant"] = p * sum(o * (o - 1) for o in others)
    v["itinerant"] = e["itinerant"] * (1 - p) + 2 * sum(o * (o - 1) * (o - 2) for o in others) * q3
    e["representative"] = p * (big_n - n_i) * (n_i - 1)
    v["representative"] = (
        e["representative"] * (1 - p)
        + 2 * ((n_i - 1) * _choose2(big_n - n_i) + (big_n - n_i) * _choose2(n_i - 1)) * q3
    )
    e["gatekeeper"] = e["representative"]
    v["gatekeeper"] = v["representative"]
    e["liaison"] = p * (sum(others) ** 2 - sum(o * o for o in others))
    v["liaison"] = e["liaison"] * (1 - p) + 4 * sum(
        o * _choose2(big_n - o - n_i) * q3 for o in others
    )
    e["total"] = p * (big_n - 1) * (big_n - 2)
    v["total"] = e["total"] * (1 - p) + 2 * (big_n - 1) * (big_n - 2) * (big_n - 3) * q3
    return e, v


def _graph_moments(
    sizes: list[float], big_n: float, d: float
) -> tuple[dict[str, float], dict[str, float]]:
    """Expected value and variance of the aggregate scores (sna's ``egbr`` and ``vgbr``)."""
    n = np.asarray(sizes, dtype=float)
    p = d * d * (1.0 - d)
    a3 = d**3 * (1 - d) ** 3
    a4 = d**4 * (1 - d) ** 2
    a5 = d**5 * (1 - d)
    e: dict[str, float] = {}
    v: dict[str, float] = {}
    e["coordinator"] = p * float(np.sum(n * (n - 1) * (n - 2)))
    v["coordinator"] = e["coordinator"] * (1 - p) + float(
        np.sum(n * (n - 1) * (n - 2) * ((4 * n - 10) * a3 - 4 * (n - 3) * a4 + (n - 3) * a5))
    )
    e["itinerant"] = p * float(np.sum(n * (big_n - n) * (n - 1)))
    x, y = n[:, None], n[None, :]
    outer = x * y * (x - 1) * ((2 * x + 2 * y - 6) * a3 + (big_n - x - 1) * a5)
    diag = n * n * (n - 1) * ((4 * n - 6) * a3 + (big_n - n - 1) * a5)
    v["itinerant"] = e["itinerant"] * (1 - p) + (float(np.sum(outer)) - float(np.sum(diag)))
    e["representative"] = p * float(np.sum(n * (big_n - n) * (n - 1)))
    v["representative"] = e["representative"] * (1 - p) + float(
        np.sum(n * (big_n - n) * (n - 1) * ((big_n - 3) * a3 + (n - 2) * a5))
    )
    e["gatekeeper"] = e["representative"]
    v["gatekeeper"] = v["representative"]
    e["liaison"] = p * (
        float(np.sum(x * y * (big_n - x - y))) - float(np.sum(n * n * (big_n - 2 * n)))
    )
    # sum over ordered triples of distinct groups (i, j, k), as sna's triple loop
    vl = e["liaison"] * (1 - p)
    g = len(n)
    if g >= 3:
        ni, nj, nk = n[:, None, None], n[None, :, None], n[None, None, :]
        term = (
            ni
            * nj
            * nk
            * (
                (4 * (big_n - nj) - 2 * (ni + nk + 1)) * a3
                - (4 * (big_n - nk) - 2 * (ni + nj + 1)) * a4
                + (big_n - (ni + nk + 1)) * a5
            )
        )
        idx = np.arange(g)
        distinct = (
            (idx[:, None, None] != idx[None, :, None])
            & (idx[None, :, None] != idx[None, None, :])
            & (idx[:, None, None] != idx[None, None, :])
        )
        vl += float(np.sum(term[distinct]))
    v["liaison"] = vl
    e["total"] = p * big_n * (big_n - 1) * (big_n - 2)
    v["total"] = e["total"] * (1 - p) + big_n * (big_n - 1) * (big_n - 2) * (
        (4 * big_n - 10) * a3 - 4 * (big_n - 3) * a4 + (big_n - 3) * a5
    )
    return e, v


def _z(raw: float, exp: float, sd: float) -> float:
    diff = raw - exp
    if sd == 0 or math.isnan(sd):
        if math.isnan(sd) or diff == 0 or math.isnan(diff):
            return math.nan
        return math.copysign(math.inf, diff)
    return diff / sd


def _sqrt(x: float) -> float:
    return math.sqrt(x) if x >= 0 else math.nan


def _scores(raw: Mapping[str, float], e: Mapping[str, float], v: Mapping[str, float]) -> RoleScores:
    sd = {c: _sqrt(v[c]) for c in COLUMNS}
    return RoleScores(
        raw={c: float(raw[c]) for c in COLUMNS},
        expected={c: e[c] for c in COLUMNS},
        sd=sd,
        z={c: _z(float(raw[c]), e[c], sd[c]) for c in COLUMNS},
    )


def brokerage(g: nx.Graph, groups: Groups) -> Brokerage:
    """Gould–Fernandez brokerage of every actor of ``g`` over a grouping.

    ``groups`` is a node attribute name (``"type"``), a mapping from node to group (camps,
    alliances) or a function of the node. Every node needs a group. See the module docstring
    for the definitions; the values equal ``sna::brokerage(g, cl)``.

    >>> g = nx.DiGraph([("hamas", "qatar"), ("qatar", "israel")])
    >>> b = brokerage(g, {"hamas": "party", "israel": "party", "qatar": "mediator"})
    >>> b.actors["qatar"].scores.raw["itinerant"]
    1.0
    """
    d_g = simple_digraph(g)
    cl = _group_of(d_g, groups)
    raw = _counts(d_g, cl)
    big_n = float(d_g.number_of_nodes())
    m = d_g.number_of_edges()
    density = m / (big_n * (big_n - 1)) if big_n > 1 else math.nan
    sizes: dict[Hashable, int] = {}
    for n in d_g.nodes:
        sizes[cl[n]] = sizes.get(cl[n], 0) + 1
    moments: dict[Hashable, tuple[dict[str, float], dict[str, float]]] = {}
    for grp, n_i in sizes.items():
        others = [float(s) for o, s in sizes.items() if o != grp]
        moments[grp] = _broker_moments(float(n_i), others, big_n, density)
    actors = {
        n: ActorBrokerage(actor=n, group=cl[n], scores=_scores(raw[n], *moments[cl[n]]))
        for n in d_g.nodes
    }
    totals = {c: float(sum(raw[n][c] for n in d_g.nodes)) for c in COLUMNS}
    ge, gv = _graph_moments([float(s) for s in sizes.values()], big_n, density)
    by_group = {
        grp: {"expected": e, "sd": {c: _sqrt(v[c]) for c in COLUMNS}}
        for grp, (e, v) in moments.items()
    }
    return Brokerage(
        actors=actors,
        graph=_scores(totals, ge, gv),
        by_group=by_group,
        sizes=sizes,
        order=int(big_n),
        ties=m,
        density=density,
    )


# ---------------------------------------------------------------------- time windows
@dataclass(frozen=True, slots=True)
class Window:
    """A closed date window ``[since, until]`` (ISO dates; None is open)."""

    since: str | None
    until: str | None

    @property
    def label(self) -> str:
        return f"{self.since or '…'}..{self.until or '…'}"


def month_windows(since: str, until: str) -> list[Window]:
    """Calendar months from the month of ``since`` to the month of ``until``, inclusive.

    >>> [w.label for w in month_windows("2024-05-10", "2024-07-02")]
    ['2024-05-01..2024-05-31', '2024-06-01..2024-06-30', '2024-07-01..2024-07-31']
    """
    start, end = date.fromisoformat(since).replace(day=1), date.fromisoformat(until)
    out = []
    while start <= end:
        nxt = (start.replace(day=28) + timedelta(days=4)).replace(day=1)
        out.append(Window(start.isoformat(), (nxt - timedelta(days=1)).isoformat()))
        start = nxt
    return out


@dataclass(frozen=True, slots=True)
class WindowBrokerage:
    """Brokerage in one time window."""

    window: Window
    result: Brokerage

    def to_dict(self) -> dict[str, Any]:
        return {"since": self.window.since, "until": self.window.until, **self.result.to_dict()}


def brokerage_over_time(
    windows: Iterable[Window],
    projection: Callable[[str | None, str | None], nx.Graph],
    groups: Groups,
    *,
    schema: Schema | None = None,
    both_ways: Iterable[str] | None = None,
) -> list[WindowBrokerage]:
    """Brokerage per time window.

    ``projection(since, until)`` returns the store's actor projection for a window (for
    example ``lambda s, u: store.projection(types, s, u)``); each is prepared with
    :func:`actor_digraph` (actors without a tie in the window left out) and scored with
    :func:`brokerage`. A window with fewer than three active actors has no two-path: its
    result has no actors.
    """
    out = []
    both = None if both_ways is None else list(both_ways)
    for w in windows:
        g = actor_digraph(projection(w.since, w.until), schema, both_ways=both)
        out.append(WindowBrokerage(window=w, result=brokerage(g, groups)))
    return out


# ---------------------------------------------------------------------- structural holes
@dataclass(frozen=True, slots=True)
class StructuralHoles:
    """Burt's measures of one actor: constraint, effective size and efficiency."""

    actor: Hashable
    degree: int
    constraint: float
    effective_size: float
    efficiency: float = field(default=math.nan)

    def to_dict(self) -> dict[str, Any]:
        return {
            "actor": self.actor,
            "degree": self.degree,
            "constraint": _json_float(self.constraint),
            "effective_size": _json_float(self.effective_size),
            "efficiency": _json_float(self.efficiency),
        }


def structural_holes(g: nx.Graph, weight: str | None = None) -> dict[Hashable, StructuralHoles]:
    """Burt's constraint, effective size and efficiency (effective size / number of
    contacts) of every actor, computed by networkx on :func:`simple_digraph` of ``g`` (or on
    ``g`` itself when ``weight`` names an edge attribute). Isolated actors get NaN.

    >>> star = nx.DiGraph([("q", "a"), ("a", "q"), ("q", "b"), ("b", "q")])
    >>> round(structural_holes(star)["q"].constraint, 3)
    0.5
    """
    h = g if weight is not None else simple_digraph(g)
    constraint = nx.constraint(h, weight=weight)
    esize = nx.effective_size(h, weight=weight)
    out = {}
    for n in h.nodes:
        contacts = len(set(nx.all_neighbors(h, n)) - {n})
        es = float(esize.get(n, math.nan))
        out[n] = StructuralHoles(
            actor=n,
            degree=contacts,
            constraint=float(constraint.get(n, math.nan)),
            effective_size=es,
            efficiency=es / contacts if contacts else math.nan,
        )
    return out
