"""Gould–Fernandez brokerage and Burt's structural holes (graph/brokerage.py).

Three kinds of checks: small graphs worked out by hand (the arithmetic is in the comments),
the method's definitions (properties any correct implementation has), and R's
``sna::brokerage`` itself: tests/data/sna_brokerage.json holds its output on nine graphs
(made by scripts/sna_reference.py), and when R with sna is installed a fresh set of random
graphs is compared live.
"""

from __future__ import annotations

import itertools
import json
import math
import random
import shutil
import subprocess
from fractions import Fraction
from pathlib import Path

import networkx as nx
import pytest
from actorgraph.graph.brokerage import (
    COLUMNS,
    ROLES,
    SNA_NAMES,
    Window,
    actor_digraph,
    brokerage,
    brokerage_over_time,
    month_windows,
    role_counts,
    structural_holes,
)
from actorgraph.graph.store import GraphStore

from tests.helpers import ROOT

REFERENCE = json.loads((ROOT / "tests" / "data" / "sna_brokerage.json").read_text())


def _r(x: object) -> float:
    return float(x) if not isinstance(x, str) else float(x.replace("Inf", "inf"))


def _close(a: float, b: float) -> bool:
    if math.isnan(a) or math.isnan(b):
        return math.isnan(a) and math.isnan(b)
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12)


# ---------------------------------------------------------------------- worked by hand
def test_one_two_path_is_a_representative_with_hand_computed_moments() -> None:
    # a -> b -> c, a and b in group 1, c in group 2: b passes its group's contact out.
    g = nx.DiGraph([("a", "b"), ("b", "c")])
    b = brokerage(g, {"a": 1, "b": 1, "c": 2})
    assert b.actors["b"].scores.raw == {
        **dict.fromkeys(COLUMNS, 0.0),
        "representative": 1.0,
        "total": 1.0,
    }
    # N = 3, m = 2, d = 2 / (3 * 2) = 1/3; d^2 (1 - d) = 1/9 * 2/3 = 2/27.
    # b's group has n = 2: E[representative] = 2/27 * (N - n)(n - 1) = 2/27 * 1 * 1 = 2/27.
    # Var = E (1 - 2/27) + 2 ((n-1) C(N-n, 2) + (N-n) C(n-1, 2)) d^3 (1-d)^3
    #     = 2/27 * 25/27 + 2 (1 * 0 + 1 * 0) * ... = 50/729;  sd = sqrt(50)/27.
    # z = (1 - 2/27) / (sqrt(50)/27) = 25 / sqrt(50) = sqrt(50)/2 = 3.5355...
    s = b.actors["b"].scores
    assert s.expected["representative"] == pytest.approx(2 / 27)
    assert s.sd["representative"] == pytest.approx(math.sqrt(50) / 27)
    assert s.z["representative"] == pytest.approx(math.sqrt(50) / 2)
    # A broker alone in nothing: b's group has 2 actors, so no coordinator is possible:
    # E = 2/27 * (n-1)(n-2) = 0, Var = 0, and z = 0/0 = NaN as in R.
    assert s.expected["coordinator"] == 0 and math.isnan(s.z["coordinator"])


# The hand-worked graph (also case "hand" of the R reference): groups A = {a1, a2, a3},
# B = {b1, b2}, C = {c1}; edges a1->a2, a2->a3, a1->b1, b1->a3, a3->b2, b2->c1, c1->b1, b1->b2.
HAND_EDGES = [
    ("a1", "a2"),
    ("a2", "a3"),
    ("a1", "b1"),
    ("b1", "a3"),
    ("a3", "b2"),
    ("b2", "c1"),
    ("c1", "b1"),
    ("b1", "b2"),
]
HAND_GROUPS = {"a1": "A", "a2": "A", "a3": "A", "b1": "B", "b2": "B", "c1": "C"}


def _counts(**kw: int) -> dict[str, float]:
    out = {c: float(kw.get(c, 0)) for c in ROLES}
    out["total"] = float(sum(kw.values()))
    return out


def test_hand_worked_graph_counts() -> None:
    # Every two-path i -> j -> k by broker j (in-neighbours x out-neighbours), and whether
    # i -> k closes it:
    #   a2: a1->a2->a3 (no a1->a3)            A A A  coordinator
    #   a3: a2->a3->b2 (no a2->b2)            A A B  representative
    #       b1->a3->b2 (b1->b2 exists)        closed: not brokered
    #   b1: a1->b1->a3 (no a1->a3)            A B A  itinerant
    #       a1->b1->b2 (no a1->b2)            A B B  gatekeeper
    #       c1->b1->a3 (no c1->a3)            C B A  liaison
    #       c1->b1->b2 (no c1->b2)            C B B  gatekeeper
    #   b2: a3->b2->c1 (no a3->c1)            A B C  liaison
    #       b1->b2->c1 (no b1->c1)            B B C  representative
    #   c1: b2->c1->b1 (no b2->b1)            B C B  itinerant
    #   a1: no in-neighbour
    g = nx.DiGraph(HAND_EDGES)
    raw = role_counts(g, HAND_GROUPS)
    assert raw["a1"] == _counts()
    assert raw["a2"] == _counts(coordinator=1)
    assert raw["a3"] == _counts(representative=1)
    assert raw["b1"] == _counts(itinerant=1, gatekeeper=2, liaison=1)
    assert raw["b2"] == _counts(liaison=1, representative=1)
    assert raw["c1"] == _counts(itinerant=1)
    b = brokerage(g, HAND_GROUPS)
    # graph level: 9 brokered two-paths out of 10
    assert b.graph.raw == _counts(
        coordinator=1, itinerant=2, representative=2, gatekeeper=2, liaison=2
    )


def test_hand_worked_graph_expected_values_and_z() -> None:
    # N = 6, m = 8, d = 8/30 = 4/15, D = d^2 (1-d) = 16/225 * 11/15 = 176/3375.
    d = Fraction(4, 15)
    big_d = d * d * (1 - d)
    assert big_d == Fraction(176, 3375)
    # Expected counts of a broker of group A (n = 3; the others: B = 2, C = 1):
    #   coordinator    D (n-1)(n-2)          = 2D
    #   itinerant      D (2*1 + 1*0)         = 2D
    #   representative D (N-n)(n-1) = 3*2    = 6D   (gatekeeper the same)
    #   liaison        D (2*1 + 1*2)         = 4D
    #   total          D (N-1)(N-2) = 5*4    = 20D  (= 2 + 2 + 6 + 6 + 4)
    # group B (n = 2; A = 3, C = 1): 0, 6D, 4D, 4D, 6D, 20D; group C (n = 1): 0, 8D, 0, 0, 12D.
    expected = {
        "A": (2, 2, 6, 6, 4, 20),
        "B": (0, 6, 4, 4, 6, 20),
        "C": (0, 8, 0, 0, 12, 20),
    }
    b = brokerage(nx.DiGraph(HAND_EDGES), HAND_GROUPS)
    for actor, group in HAND_GROUPS.items():
        got = b.actors[actor].scores.expected
        for col, mult in zip(COLUMNS, expected[group], strict=True):
            assert got[col] == pytest.approx(float(mult * big_d)), (actor, col)
    # b1's gatekeeper score: E = 4D;
    #   Var = E (1 - D) + 2 ((n-1) C(N-n,2) + (N-n) C(n-1,2)) d^3 (1-d)^3
    #       = 4D (1 - D) + 2 (1*6 + 4*0) d^3 (1-d)^3 = 0.197715... + 0.089741... = 0.287456...
    var = 4 * big_d * (1 - big_d) + 12 * d**3 * (1 - d) ** 3
    s = b.actors["b1"].scores
    assert s.sd["gatekeeper"] == pytest.approx(math.sqrt(var))
    assert s.z["gatekeeper"] == pytest.approx((2 - 4 * float(big_d)) / math.sqrt(var))
    assert s.z["gatekeeper"] == pytest.approx(3.3412, abs=1e-4)
    # c1 is alone in C: representative needs another C member, so E = Var = 0 and z is NaN
    assert math.isnan(b.actors["c1"].scores.z["representative"])


# ---------------------------------------------------------------------- definitions
def _random_digraph(n: int, p: float, seed: int) -> nx.DiGraph:
    return nx.gnp_random_graph(n, p, seed=seed, directed=True)


def _brute_force(g: nx.DiGraph, cl: dict[object, object]) -> dict[object, dict[str, int]]:
    """Every ordered triple of distinct vertices, classified straight from the definitions."""
    out = {v: dict.fromkeys(COLUMNS, 0) for v in g}
    for i, j, k in itertools.permutations(g.nodes, 3):
        if g.has_edge(i, j) and g.has_edge(j, k) and not g.has_edge(i, k):
            a, b_, c = cl[i], cl[j], cl[k]
            if a == b_ == c:
                role = "coordinator"
            elif a == c:
                role = "itinerant"
            elif a == b_:
                role = "representative"
            elif b_ == c:
                role = "gatekeeper"
            else:
                role = "liaison"
            out[j][role] += 1
            out[j]["total"] += 1
    return out


@pytest.mark.parametrize("seed", range(6))
def test_counts_match_the_definition_triple_by_triple(seed: int) -> None:
    rng = random.Random(seed)
    g = _random_digraph(14, 0.25, seed)
    cl = {v: rng.randrange(3) for v in g}
    raw = role_counts(g, cl)
    assert raw == {
        v: {c: float(x) for c, x in row.items()} for v, row in _brute_force(g, cl).items()
    }


@pytest.mark.parametrize("seed", range(4))
def test_roles_sum_to_the_brokered_two_paths(seed: int) -> None:
    rng = random.Random(seed)
    g = _random_digraph(16, 0.2, 100 + seed)
    b = brokerage(g, {v: rng.choice("xyz") for v in g})
    two_paths = sum(
        1
        for j in g
        for i in g.predecessors(j)
        for k in g.successors(j)
        if i != k and not g.has_edge(i, k)
    )
    assert sum(a.scores.raw["total"] for a in b.actors.values()) == two_paths
    for a in b.actors.values():
        assert sum(a.scores.raw[r] for r in ROLES) == a.scores.raw["total"]
        # the five roles partition the ordered pairs, so their expectations do too
        assert sum(a.scores.expected[r] for r in ROLES) == pytest.approx(a.scores.expected["total"])
    assert b.graph.raw["total"] == two_paths


def test_one_group_has_only_coordinators() -> None:
    g = _random_digraph(12, 0.3, 7)
    b = brokerage(g, lambda _n: "everyone")
    assert b.graph.raw["total"] > 0
    for a in b.actors.values():
        assert a.scores.raw["coordinator"] == a.scores.raw["total"]
        for r in ("itinerant", "representative", "gatekeeper", "liaison"):
            assert a.scores.raw[r] == 0
            assert a.scores.expected[r] == 0  # no other group: nothing else is possible


def test_every_actor_its_own_group_has_only_liaisons() -> None:
    g = _random_digraph(10, 0.3, 8)
    b = brokerage(g, lambda n: n)
    assert b.graph.raw["total"] > 0
    assert b.graph.raw["liaison"] == b.graph.raw["total"]


def test_reversing_every_tie_swaps_representatives_and_gatekeepers() -> None:
    # A -> A -> B read backwards is B -> A -> A: the representative becomes a gatekeeper.
    rng = random.Random(3)
    g = _random_digraph(15, 0.25, 9)
    cl = {v: rng.randrange(3) for v in g}
    fwd, back = role_counts(g, cl), role_counts(g.reverse(), cl)
    for v in g:
        assert fwd[v]["representative"] == back[v]["gatekeeper"]
        assert fwd[v]["gatekeeper"] == back[v]["representative"]
        assert fwd[v]["coordinator"] == back[v]["coordinator"]


def test_a_direct_tie_closes_the_two_path_but_a_tie_back_does_not() -> None:
    groups = {"i": 1, "j": 2, "k": 3}
    base = [("i", "j"), ("j", "k")]
    assert role_counts(nx.DiGraph(base), groups)["j"]["liaison"] == 1
    assert role_counts(nx.DiGraph([*base, ("i", "k")]), groups)["j"]["total"] == 0
    # k -> i is not i -> k: sna checks only "i sends to k"
    assert role_counts(nx.DiGraph([*base, ("k", "i")]), groups)["j"]["liaison"] == 1


def test_parallel_edges_and_loops_count_once_and_undirected_ties_both_ways() -> None:
    multi = nx.MultiDiGraph([("a", "b"), ("a", "b"), ("b", "c"), ("b", "b")])
    groups = {"a": 1, "b": 2, "c": 1}
    b = brokerage(multi, groups)
    assert b.ties == 2 and b.actors["b"].scores.raw["itinerant"] == 1
    und = brokerage(nx.Graph([("a", "b"), ("b", "c")]), groups)
    # both a -> b -> c and c -> b -> a; m = 4 directed ties
    assert und.ties == 4 and und.actors["b"].scores.raw["itinerant"] == 2


def test_groups_from_a_node_attribute_and_missing_groups_are_named() -> None:
    g = nx.DiGraph()
    g.add_node("hamas", type="organization")
    g.add_node("qatar", type="state")
    g.add_node("israel", type="state")
    g.add_edges_from([("hamas", "qatar"), ("qatar", "israel")])
    b = brokerage(g, "type")
    assert b.actors["qatar"].scores.raw["gatekeeper"] == 1  # organization -> state -> state
    with pytest.raises(ValueError, match=r"1 actor.*no group.*israel"):
        brokerage(g, {"hamas": "x", "qatar": "y"})


def test_ranked_and_json_form() -> None:
    b = brokerage(nx.DiGraph(HAND_EDGES), HAND_GROUPS)
    assert [a.actor for a in b.ranked("total", top=2)] == ["b1", "b2"]
    d = b.to_dict()
    assert d["order"] == 6 and d["ties"] == 8
    c1 = next(a for a in d["actors"] if a["actor"] == "c1")
    assert c1["z"]["representative"] is None  # NaN is not JSON
    json.dumps(d, allow_nan=False)
    with pytest.raises(ValueError, match="unknown role"):
        b.ranked("broker")


# ---------------------------------------------------------------------- against R's sna
def _case_graph(case: dict) -> tuple[nx.DiGraph, dict[int, str]]:
    g = nx.DiGraph()
    g.add_nodes_from(range(case["n"]))
    g.add_edges_from(tuple(e) for e in case["edges"])
    return g, dict(enumerate(case["classes"]))


def _assert_matches_sna(case: dict, sna: dict) -> None:
    g, cl = _case_graph(case)
    b = brokerage(g, cl)
    cols = list(COLUMNS)
    for v in range(case["n"]):
        s = b.actors[v].scores
        for part, key in (("raw", "raw"), ("expected", "exp"), ("sd", "sd"), ("z", "z")):
            for c, want in zip(cols, sna[key][v], strict=True):
                got = getattr(s, part)[c]
                assert _close(got, _r(want)), (case["name"], v, part, c, got, want)
    for part, key in (
        ("raw", "raw_gli"),
        ("expected", "exp_gli"),
        ("sd", "sd_gli"),
        ("z", "z_gli"),
    ):
        for c, want in zip(cols, sna[key], strict=True):
            got = getattr(b.graph, part)[c]
            assert _close(got, _r(want)), (case["name"], "graph", part, c, got, want)
    for grp, exp_row, sd_row in zip(sna["clid"], sna["exp_grp"], sna["sd_grp"], strict=True):
        for c, e, s in zip(cols, exp_row, sd_row, strict=True):
            assert _close(b.by_group[grp]["expected"][c], _r(e)), (case["name"], grp, c)
            assert _close(b.by_group[grp]["sd"][c], _r(s)), (case["name"], grp, c)


@pytest.mark.parametrize("case", REFERENCE["cases"], ids=[c["name"] for c in REFERENCE["cases"]])
def test_matches_r_sna_brokerage(case: dict) -> None:
    _assert_matches_sna(case, case["sna"])


def test_reference_column_names_are_snas_and_its_hand_case_is_ours() -> None:
    assert REFERENCE["columns"] == [SNA_NAMES[c] for c in COLUMNS]
    hand = next(c for c in REFERENCE["cases"] if c["name"] == "hand")
    names = hand["nodes"]
    assert [(names[i], names[j]) for i, j in hand["edges"]] == HAND_EDGES
    assert dict(zip(names, hand["classes"], strict=True)) == HAND_GROUPS


@pytest.mark.skipif(shutil.which("Rscript") is None, reason="R is not installed (r-cran-sna)")
def test_matches_r_sna_live_on_fresh_random_graphs(tmp_path: Path) -> None:
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "sna_reference", ROOT / "scripts" / "sna_reference.py"
    )
    assert spec is not None and spec.loader is not None
    ref = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(ref)
    seed = random.randrange(10**6)
    cases = [
        ref._random_case(
            f"live-{i}",
            random.Random(seed + i).randrange(5, 30),
            0.05 + 0.1 * (i % 4),
            1 + i % 5,
            seed + i,
        )
        for i in range(8)
    ]
    script = tmp_path / "live.R"
    script.write_text(ref.r_program(cases).split("suppressMessages(library(network))")[0])
    out = subprocess.run(["Rscript", str(script)], capture_output=True, text=True, check=True)
    rows = {r["name"]: r for r in map(json.loads, out.stdout.splitlines()) if "raw" in r}
    for case in cases:
        _assert_matches_sna(case, rows[case["name"]])


# ---------------------------------------------------------------------- store projections
CAMPS = {
    "hamas": "hamas",
    "osama-hamdan": "hamas",
    "hamas-news-agency": "hamas",
    "israel": "israel-us",
    "united-states": "israel-us",
    "benjamin-netanyahu": "israel-us",
    "antony-blinken": "israel-us",
    "qatar": "mediators",
    "egypt": "mediators",
}


def test_actor_digraph_walks_channels_both_ways_and_drops_isolates() -> None:
    p = nx.MultiDiGraph()
    p.add_node("lonely", type="person")
    p.add_edge("qatar", "hamas", key="mediates", type="mediates")
    p.add_edge("qatar", "israel", key="mediates", type="mediates")
    p.add_edge("israel", "hamas", key="threatens", type="threatens")
    d = actor_digraph(p)
    assert "lonely" not in d
    assert d.has_edge("hamas", "qatar") and d.has_edge("qatar", "hamas")
    assert not d.has_edge("hamas", "israel")  # threatens is walked forward only
    assert "lonely" in actor_digraph(p, drop_isolates=False)


def test_brokerage_per_window_on_the_example(example_store: GraphStore) -> None:
    types = example_store.schema.actor_relation_types
    windows = month_windows("2024-04-01", "2024-05-31")
    result = brokerage_over_time(
        windows,
        lambda s, u: example_store.projection(types, s, u),
        lambda n: CAMPS.get(str(n), "other"),
    )
    april, may = (r.result for r in result)
    assert "qatar" not in april.actors  # no mediation reported in April
    # May: Qatar's in- and out-neighbours are Hamas, Israel and the United States (mediates
    # is walked both ways). Of the 6 ordered pairs, Hamas->Israel, Israel->Hamas (threatens)
    # and US->Israel (pressures) are direct ties; Hamas->US and US->Hamas cross three camps
    # (liaison), Israel->US stays in one camp Qatar is not in (itinerant).
    for mediator in ("qatar", "egypt"):
        raw = may.actors[mediator].scores.raw
        assert raw == _counts(liaison=2, itinerant=1), mediator
    # Hamas is the other liaison: Hezbollah (allied_with, both ways) reaches Qatar, Egypt and
    # Israel through it, and they reach Hezbollah: 6 ordered pairs across three camps (the
    # pairs among Qatar, Egypt and Israel are direct ties: mediates, both ways).
    assert may.actors["hamas"].scores.raw["liaison"] == 6
    assert [a.actor for a in may.ranked("liaison", top=3)] == ["hamas", "egypt", "qatar"]


def test_windows_are_calendar_months() -> None:
    assert month_windows("2024-12-15", "2025-01-01") == [
        Window("2024-12-01", "2024-12-31"),
        Window("2025-01-01", "2025-01-31"),
    ]
    assert month_windows("2024-02-01", "2024-02-29")[0].until == "2024-02-29"


# ---------------------------------------------------------------------- structural holes
def test_structural_holes_by_hand() -> None:
    # A broker q between two contacts that do not know each other: p_qa = p_qb = 1/2, no
    # indirect paths, constraint = (1/2)^2 + (1/2)^2 = 0.5; effective size = 2 - 0 = 2.
    star = nx.Graph([("q", "a"), ("q", "b")])
    h = structural_holes(star)
    assert h["q"].constraint == pytest.approx(0.5)
    assert h["q"].effective_size == pytest.approx(2.0)
    assert h["q"].efficiency == pytest.approx(1.0)
    # In a triangle each contact also reaches the other: c = 2 * (1/2 + 1/2 * 1/2)^2 = 1.125;
    # effective size = 2 - 2 * 1 / 2 = 1 (each contact is redundant with the other once).
    tri = structural_holes(nx.Graph([("a", "b"), ("b", "c"), ("a", "c")]))
    assert tri["a"].constraint == pytest.approx(1.125)
    assert tri["a"].effective_size == pytest.approx(1.0)
    assert tri["a"].efficiency == pytest.approx(0.5)


def test_structural_holes_isolates_are_nan_and_json_null() -> None:
    g = nx.DiGraph()
    g.add_node("alone")
    g.add_edge("a", "b")
    h = structural_holes(g)
    assert math.isnan(h["alone"].constraint)
    assert h["alone"].to_dict()["constraint"] is None


def test_the_example_in_docs_research_runs(
    example_store: GraphStore, capsys: pytest.CaptureFixture[str]
) -> None:
    import re

    text = (ROOT / "docs" / "research.md").read_text(encoding="utf-8")
    code = re.search(r"```python\n(.*?)```", text, re.S)
    assert code is not None
    exec(code.group(1), {"store": example_store})
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 3  # May, June, July
    printed = re.search(r"\n    (2024-05-01\.\.2024-05-31 .*)\n", text)
    assert printed is not None and out[0] == printed.group(1)  # the doc shows what it prints
