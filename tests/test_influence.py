"""Influence at C speed (igraph) equals networkx; rankings are computed once, bounded, timed
and served stale while they are renewed."""

from __future__ import annotations

import random
import threading
import time
from typing import Any

import networkx as nx
import pytest
from actorgraph.graph import influence as inf
from actorgraph.graph.errors import LimitError
from actorgraph.graph.facade import Graph
from actorgraph.graph.influence_cache import Ranking, RankingCache
from actorgraph.graph.model import Actor, Evidence, Relation
from actorgraph.graph.store import GraphStore, WriteBatch


def random_graph(n: int, m: int, seed: int) -> nx.MultiDiGraph:
    rng = random.Random(seed)
    g = nx.MultiDiGraph()
    g.add_nodes_from(f"a{i}" for i in range(n))
    for _ in range(m):
        g.add_edge(
            f"a{rng.randrange(n)}", f"a{rng.randrange(n)}", confidence=rng.choice([0.5, 1.0])
        )
    return g


def networkx_reference(g: nx.MultiDiGraph, metric: str, k: int | None) -> dict[str, float]:
    simple = nx.Graph()
    simple.add_nodes_from(sorted(g.nodes))  # scores numbers actors in id order
    simple.add_edges_from((u, v) for u, v in g.edges() if u != v)
    if metric == "degree":
        return nx.degree_centrality(simple)
    if metric == "betweenness":
        return nx.betweenness_centrality(simple, k=k, seed=inf.SEED)
    d = nx.DiGraph()
    d.add_nodes_from(simple)
    for u, v, data in g.edges(data=True):
        if u != v:
            w = d[u][v]["weight"] if d.has_edge(u, v) else 0.0
            d.add_edge(u, v, weight=w + data["confidence"])
    return nx.pagerank(d, weight="weight")


@pytest.mark.parametrize("metric", inf.METRICS)
def test_igraph_equals_networkx(metric: str) -> None:
    g = random_graph(60, 150, 3)
    ours = inf.scores(g, metric)
    ref = networkx_reference(g, metric, None)
    assert ours.exact and set(ours.values) == set(ref)
    assert max(abs(ours.values[x] - ref[x]) for x in ref) < 1e-5


def test_betweenness_is_sampled_past_the_size_and_exact_on_request(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(inf, "EXACT_UP_TO", 100)
    monkeypatch.setattr(inf, "SAMPLES", 40)
    g = random_graph(300, 700, 5)
    sampled = inf.scores(g, "betweenness")
    assert sampled.samples == 40 and not sampled.exact
    ref = networkx_reference(g, "betweenness", 40)  # the same draw, the same estimator
    assert max(abs(sampled.values[x] - ref[x]) for x in ref) < 1e-9
    exact = inf.scores(g, "betweenness", exact=True)
    assert exact.exact
    full = networkx_reference(g, "betweenness", None)
    assert max(abs(exact.values[x] - full[x]) for x in full) < 1e-9
    with pytest.raises(LimitError):
        inf.scores(g, "betweenness", exact=True, deadline=time.monotonic() - 1)


def test_one_computation_per_question_and_stale_while_renewing() -> None:
    cache = RankingCache(timeout=5.0)
    calls: list[str] = []
    gate = threading.Event()

    def compute(version: str) -> Any:
        def run(_deadline: float) -> Ranking:
            calls.append(version)
            gate.wait(5)
            return Ranking(version, [("a", 1.0)], 1, None, 0.0)

        return run

    answers: list[Any] = []
    threads = [
        threading.Thread(target=lambda: answers.append(cache.get("q", "1", compute("1"))))
        for _ in range(8)
    ]
    for t in threads:
        t.start()
    time.sleep(0.2)
    gate.set()
    for t in threads:
        t.join()
    assert calls == ["1"] and len(answers) == 8 and not any(a.stale for a in answers)
    # version 2: the version-1 ranking is served at once, marked stale, while 2 is computed
    gate.clear()
    stale = cache.get("q", "2", compute("2"), allow_stale=True)
    assert stale.stale and stale.ranking.version == "1" and stale.current == "2"
    assert cache.pending() == 1
    gate.set()
    deadline = time.monotonic() + 5
    while cache.pending() and time.monotonic() < deadline:
        time.sleep(0.01)
    fresh = cache.get("q", "2", compute("2"), allow_stale=True)
    assert not fresh.stale and calls == ["1", "2"]
    cache.close()


def test_too_many_questions_at_once_are_refused() -> None:
    cache = RankingCache(timeout=0.2)
    gate = threading.Event()

    def slow(_deadline: float) -> Ranking:
        gate.wait(5)
        return Ranking("1", [], 0, None, 0.0)

    with pytest.raises(LimitError):  # waited past the time limit: it goes on in background
        cache.get("first", "1", slow)
    for i in range(7):
        with pytest.raises(LimitError):
            cache.get(f"q{i}", "1", slow)
    with pytest.raises(LimitError, match="being computed"):
        cache.get("one-too-many", "1", slow)
    gate.set()
    cache.close()


def test_graph_serves_the_previous_ranking_after_a_write(store: GraphStore) -> None:
    def rel(s: str, t: str) -> Relation:
        return Relation("mediates", s, t, [Evidence(sentence=f"{s} {t}")])

    store.write(
        WriteBatch(
            actors=[Actor(x, x.upper(), "state") for x in "abcd"],
            relations=[rel("a", "b"), rel("a", "c")],
        )
    )
    g = Graph(store)
    first = g.influence_ranking("degree", allow_stale=True)
    assert first.scores[0].actor.id == "a" and not first.stale
    store.write(WriteBatch(relations=[rel("d", "b"), rel("d", "c"), rel("d", "a")]))
    after = g.influence_ranking("degree", allow_stale=True)
    fresh = g.influence_ranking("degree")  # waits for the current version
    assert fresh.version == store.version() and not fresh.stale
    assert fresh.scores[0].actor.id in ("a", "d") and fresh.actors == 4
    assert after.stale or after.version == fresh.version
    g.close()


def test_a_closed_graph_answers_again() -> None:
    # an app's lifespan can end and start again (a test client runs one per request): the
    # Graph it closed at the end still ranks afterwards, on a new worker
    cache = RankingCache(5.0)
    cache.close()
    answer = cache.get("q", "1", lambda deadline: Ranking("1", [("a", 1.0)], 1, None, 0.0))
    assert answer.ranking.ranked == [("a", 1.0)]
    cache.close()


def test_the_embedded_store_keeps_rankings_for_the_next_process(
    tmp_path: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from actorgraph.graph.embedded import EmbeddedStore

    store = EmbeddedStore(tmp_path / "s")
    store.write(
        WriteBatch(
            actors=[Actor(x, x.upper(), "state") for x in "abc"],
            relations=[Relation("mediates", "a", x, [Evidence(sentence=x)]) for x in "bc"],
        )
    )
    first = Graph(store).influence_ranking("pagerank")
    store.close()

    def no_computing(*_a: Any, **_k: Any) -> Any:
        raise AssertionError("computed again")

    monkeypatch.setattr("actorgraph.graph.facade.scores", no_computing)
    again = EmbeddedStore(tmp_path / "s")
    kept = Graph(again).influence_ranking("pagerank")  # a new process: read, not computed
    assert kept.to_dict() == first.to_dict()
    again.write(WriteBatch(actors=[Actor("d", "D", "state")]))
    stale = Graph(again).influence_ranking("pagerank", allow_stale=True)
    assert stale.stale and stale.version == first.version  # served while renewed
    again.close()


def test_a_closed_cache_starts_a_new_worker_when_asked_again() -> None:
    """An app started again after shutdown (tests, reloads) must not find a dead pool."""
    cache = RankingCache(timeout=5.0)
    first = cache.get("q", "1", lambda _d: Ranking("1", [("a", 1.0)], 1, None, 0.0))
    cache.close()
    second = cache.get("q", "2", lambda _d: Ranking("2", [("b", 2.0)], 1, None, 0.0))
    assert first.ranking.version == "1" and second.ranking.version == "2"
    assert second.ranking.ranked == [("b", 2.0)]
    cache.close()
