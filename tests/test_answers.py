"""The questions actorgraph answers, asked of both backends.

Every test here takes the ``store`` or ``example_store`` fixture, so it runs once on the
embedded store and once on Neo4j with the same assertions. The example corpus gives the
answers a researcher expects (US→Hamas through Qatar and Egypt; Hamas demands a permanent
cease-fire, Israel rejects it); small hand-built graphs with known answers pin the edge cases
(direction, order, caps, windows, merges). A few tests at the end load the same data into both
backends and compare everything they answer.
"""

from __future__ import annotations

import itertools
import random
import threading
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest
from actorgraph.graph.errors import InputError, LimitError, NotFoundError
from actorgraph.graph.exchange import dump_line
from actorgraph.graph.facade import Graph
from actorgraph.graph.model import (
    ACTOR,
    DOCUMENT,
    STATEMENT,
    TOPIC,
    Actor,
    Document,
    Evidence,
    Relation,
    Role,
    Statement,
    Topic,
)
from actorgraph.graph.schema import default_schema
from actorgraph.graph.store import GraphStore, WriteBatch, WriteResult
from actorgraph.ingest.loader import Loader

from tests.helpers import EXAMPLE, make_store

SCHEMA = default_schema()
PROPOSAL = "ceasefire-proposal"
PERMANENT = "permanent-ceasefire"
INTERMEDIARY_SENTENCE = "communicate through intermediary officials in Qatar and Egypt"


# ---------------------------------------------------------------------- helpers
def actor(id_: str, name: str | None = None, type_: str = "organization", **kw: Any) -> Actor:
    return Actor(id_, name or id_.upper(), type_, **kw)


def rel(
    type_: str,
    source: str,
    target: str,
    sentence: str | None = None,
    target_kind: str = ACTOR,
    **kw: Any,
) -> Relation:
    ev = Evidence(sentence=sentence or f"{source} {type_} {target}", **kw)
    return Relation(type_, source, target, [ev], target_kind)


def ids(nodes: list[Any]) -> list[str]:
    return [n.id for n in nodes]


def node_paths(store: GraphStore, source: str, target: str, relations: list[str], **kw: Any):
    """``find_paths`` as node-id lists, with whether the search was cut."""
    raw, cut = store.find_paths(
        source,
        target,
        relations,
        kw.get("max_hops", 6),
        kw.get("max_paths", 1000),
        intermediaries_only=kw.get("intermediaries_only", False),
    )
    return [p.nodes for p in raw], cut


def reference_paths(
    rels: list[Relation],
    names: dict[str, str],
    source: str,
    target: str,
    relations: list[str],
    max_hops: int,
) -> list[list[str]]:
    """Every simple path by brute force, in the order the contract gives (independent code:
    support and recency of a hop from its best relation, names last)."""
    adj: dict[str, set[str]] = defaultdict(set)
    hop: dict[tuple[str, str], list[tuple[float, str]]] = defaultdict(list)
    for r in rels:
        rt = SCHEMA.relation(r.type)
        if r.type not in relations or rt.traverse == "none" or r.target_kind != ACTOR:
            continue
        docs = {e.document or "-" + e.origin for e in r.evidence}
        sup = 1.0 - (1.0 - min(r.confidence, 0.95)) ** len(docs) if docs else 0.0
        seen = max((e.date or e.valid_from or "" for e in r.evidence), default="")
        adj[r.source].add(r.target)
        hop[(r.source, r.target)].append((sup, seen))
        if rt.traverse == "both" or rt.symmetric:
            adj[r.target].add(r.source)
            hop[(r.target, r.source)].append((sup, seen))
    out: list[list[str]] = []

    def walk(path: list[str]) -> None:
        if len(path) - 1 > max_hops:
            return
        if path[-1] == target and len(path) > 1:
            out.append(path)
            return
        for v in adj[path[-1]]:
            if v not in path:
                walk([*path, v])

    if source != target:
        walk([source])

    def key(p: list[str]) -> tuple[Any, ...]:
        sup, seen = 1.0, "\uffff"
        for u, v in itertools.pairwise(p):
            sup *= max(s for s, _ in hop[(u, v)])
            seen = min(seen, max(d for _, d in hop[(u, v)]))
        newest = [-ord(c) for c in seen] if seen else [1]
        return (len(p), -round(sup, 12), newest, [(names[n].casefold(), n) for n in p])

    out.sort(key=key)
    return out


# ---------------------------------------------------------------------- the example corpus
def test_example_loads_with_expected_counts(example_store: GraphStore) -> None:
    c = example_store.counts()
    assert c["nodes"] == {"Actor": 15, "Statement": 9, "Topic": 5, "Document": 1}
    assert c["relations"]["mediates"] == 6
    assert c["relations"]["speaks_for"] == 4
    assert c["evidence"] == 29
    assert "made" not in c["relations"]  # derived statement links are not facts


def test_paths_us_to_hamas_go_through_qatar_and_egypt(example_store: GraphStore) -> None:
    result = Graph(example_store).paths("United States", "Hamas")
    shortest = [ids(p.nodes) for p in result.paths if p.length == 2]
    assert shortest == [["united-states", "egypt", "hamas"], ["united-states", "qatar", "hamas"]]
    assert ids(result.paths[0].nodes) == ["united-states", "egypt", "hamas"]
    for path in result.paths[:2]:
        first, second = path.hops
        # the mediator's relation to the US is walked against its direction, to Hamas along it
        assert [(r["type"], r["direction"]) for r in first.relations] == [("mediates", "reverse")]
        assert [(r["type"], r["direction"]) for r in second.relations] == [("mediates", "forward")]
        for hop in path.hops:
            sentence = hop.relations[0]["evidence"][0]["sentence"]
            assert INTERMEDIARY_SENTENCE in sentence
    assert [p.length for p in result.paths] == sorted(p.length for p in result.paths)
    assert result.source.id == "united-states" and result.target.intermediary is False
    assert result.paths[0].nodes[1].intermediary is True
    assert not result.truncated


def test_paths_relation_filter(example_store: GraphStore) -> None:
    g = Graph(example_store)
    assert g.paths("United States", "Hamas", relations=["speaks_for"]).paths == []
    spokes = g.paths("Blinken", "Washington", relations=["speaks_for"])
    assert [ids(p.nodes) for p in spokes.paths] == [["antony-blinken", "united-states"]]
    allied = g.paths("Hamas", "Hezbollah", relations=["allied_with"])
    assert [ids(p.nodes) for p in allied.paths] == [["hamas", "hezbollah"]]
    with pytest.raises(InputError) as err:
        g.paths("United States", "Hamas", relations=["bribes"])
    assert err.value.field == "relations"


def test_paths_max_hops_cap_and_limit(example_store: GraphStore) -> None:
    g = Graph(example_store)
    with pytest.raises(LimitError):
        g.paths("United States", "Hamas", max_hops=7)
    assert g.paths("United States", "Hamas", max_hops=1).paths == []
    one = g.paths("United States", "Hamas", limit=1)
    assert [ids(p.nodes) for p in one.paths] == [["united-states", "egypt", "hamas"]]
    assert one.truncated


def test_paths_unknown_actor_suggests(example_store: GraphStore) -> None:
    with pytest.raises(NotFoundError) as err:
        Graph(example_store).paths("Qatr", "Hamas")
    assert "Qatar" in err.value.suggestions
    assert err.value.suggestions[0] == "Qatar"


def test_brokers_israel_hamas(example_store: GraphStore) -> None:
    brokers = Graph(example_store).brokers("Israel", "Hamas")
    assert [b.actor.id for b in brokers[:2]] == ["egypt", "qatar"]
    assert brokers[0].paths == brokers[1].paths == 3
    assert brokers[0].share == 0.75
    assert all(b.paths <= brokers[0].paths for b in brokers)


@pytest.mark.parametrize("metric", ["pagerank", "betweenness", "degree"])
def test_influence_metrics(example_store: GraphStore, metric: str) -> None:
    scores = Graph(example_store).influence(metric, top=5)
    assert len(scores) == 5
    assert scores[0].actor.id == "hamas"
    assert [s.rank for s in scores] == [1, 2, 3, 4, 5]
    assert [s.score for s in scores] == sorted((s.score for s in scores), reverse=True)


def test_influence_date_window(example_store: GraphStore) -> None:
    g = Graph(example_store)
    # only the dated office holders' speaks_for relations fall in the second half of 2024
    scores = g.influence("degree", since="2024-06-01", until="2024-12-31", top=20)
    positive = sorted(s.actor.id for s in scores if s.score > 0)
    assert positive == ["antony-blinken", "benjamin-netanyahu", "israel", "united-states"]
    before = g.influence("degree", until="2020-12-31", top=20)
    assert all(s.score == 0 for s in before)
    with pytest.raises(InputError):
        g.influence("degree", since="2024-13-01")


def test_neighbors(example_store: GraphStore) -> None:
    g = Graph(example_store)
    one = g.neighbors("Qatar")
    assert ids(one.nodes) == ["hamas", "israel", "qatar", "united-states"]
    assert [e["id"] for e in one.edges] == [
        "mediates|qatar|hamas",
        "mediates|qatar|israel",
        "mediates|qatar|united-states",
    ]
    assert one.edges[0]["evidence"][0]["sentence"].endswith("in Qatar and Egypt.")
    assert not one.truncated
    two = g.neighbors("Qatar", depth=2)
    assert {"permanent-ceasefire", "egypt", "hezbollah"} <= set(ids(two.nodes))
    assert len(two.edges) == 23
    capped = g.neighbors("Qatar", depth=2, limit=5)
    assert capped.truncated and len(capped.nodes) == 5
    only = g.neighbors("Qatar", relations=["pressures"])
    assert ids(only.nodes) == ["qatar"] and only.edges == []


def test_statements_by_actor_topic_dates_text(example_store: GraphStore) -> None:
    g = Graph(example_store)
    items, total = g.statements(actor="Hamas")
    assert total == 4
    assert [s["id"].rsplit("/", 1)[1] for s in items] == ["s1", "s4", "s5", "s7"]
    assert items[0]["speaker"]["id"] == "osama-hamdan"
    assert items[0]["on_behalf_of"]["id"] == "hamas"
    assert items[0]["document"]["id"] == "ceasefire-talks-live-updates"
    rafah, n = g.statements(topic="the ground attack on Rafah")
    assert n == 3 and [s["id"][-2:] for s in rafah] == ["s6", "s4", "s5"]  # by date, then id
    after, n = g.statements(topic="rafah-operation", since="2024-05-01")
    assert n == 2 and [s["id"][-2:] for s in after] == ["s4", "s5"]
    before, n = g.statements(until="2024-04-30")
    assert n == 1 and before[0]["speaker"]["id"] == "benjamin-netanyahu"
    text, n = g.statements(text="NEGOTIAT")
    assert n == 3 and [s["id"][-2:] for s in text] == ["s1", "s4", "s5"]
    page, n = g.statements(limit=2, offset=8)
    assert n == 9 and len(page) == 1
    with pytest.raises(NotFoundError):
        g.statements(actor="Nobody At All")


def test_stances(example_store: GraphStore) -> None:
    g = Graph(example_store)
    permanent, _ = g.stances("a permanent cease-fire")
    assert [(s["source"]["id"], s["type"]) for s in permanent] == [
        ("hamas", "demands"),
        ("israel", "rejects"),
    ]
    assert "permanent cease-fire" in permanent[0]["evidence"][0]["sentence"]
    hamas = {(s["type"], s["target"]["id"]) for s in g.stances(actor="Hamas")[0]}
    assert ("rejects", PROPOSAL) in hamas and ("demands", PERMANENT) in hamas
    rejects, _ = g.stances(PROPOSAL, types=["rejects"])
    assert [s["source"]["id"] for s in rejects] == ["hamas"]
    assert g.stances(PERMANENT, until="2024-01-01") == ([], 0)
    every, total = g.stances()
    assert total == len(every) > 2
    page, n = g.stances(limit=2, offset=1)
    assert n == total and page == every[1:3]


def test_topics_and_actors_through_the_facade(example_store: GraphStore) -> None:
    g = Graph(example_store)
    topics, total = g.topics(limit=2, offset=1)
    assert total == example_store.counts()["nodes"]["Topic"] > 3
    assert [t.id for t in topics] == sorted(t.id for t in g.topics()[0])[1:3]
    found, n = g.search_actors("qatar")
    assert n >= 1 and found[0]["id"] == "qatar" and found[0]["intermediary"] is True
    assert {"id", "name", "type", "aliases", "intermediary"} <= set(found[0])


def test_delete_actor_through_the_facade(example_store: GraphStore) -> None:
    g = Graph(example_store)
    ref = g.delete_actor("osama-hamdan")
    assert (ref.id, ref.kind, ref.name) == ("osama-hamdan", "Actor", "Osama Hamdan")
    with pytest.raises(NotFoundError) as err:
        g.delete_actor("osama-hamdan")
    with pytest.raises(NotFoundError) as err:
        g.delete_actor("Qatar")  # a name, not an id: refused, the id suggested
    assert "qatar" in err.value.suggestions


def test_reingest_writes_nothing(example_store: GraphStore) -> None:
    before = example_store.version()
    counts = example_store.counts()
    report = Loader(example_store).load_file(EXAMPLE)
    assert report.written == WriteResult(0, 0, 0)
    assert example_store.version() == before
    assert example_store.counts() == counts


def test_export_ingest_round_trip(
    example_store: GraphStore, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    records = list(Graph(example_store).export())
    counts = example_store.counts()
    dump = tmp_path / "export.jsonl"
    dump.write_text("".join(dump_line(r) + "\n" for r in records), encoding="utf-8")
    if example_store.backend == "neo4j":
        example_store.wipe()  # type: ignore[attr-defined]
        fresh = example_store
    else:
        fresh = make_store("embedded", tmp_path / "fresh")
    assert fresh.counts()["nodes"] == {"Actor": 0, "Statement": 0, "Topic": 0, "Document": 0}
    Loader(fresh).load_file(dump)
    assert fresh.counts() == counts
    assert list(fresh.iter_records()) == records


# ---------------------------------------------------------------------- writes and merges
def test_write_counts_and_merges(store: GraphStore) -> None:
    v0 = store.version()
    batch = WriteBatch(
        actors=[actor("a", "Alpha"), actor("b", "Beta")],
        relations=[rel("mediates", "a", "b", "one"), rel("mediates", "a", "b", "one")],
    )
    assert store.write(batch) == WriteResult(nodes=2, relations=1, evidence=1)
    v1 = store.version()
    assert v1 != v0
    assert store.write(batch) == WriteResult(0, 0, 0)
    assert store.version() == v1
    # new alias and description merge in; the name keeps the newest non-empty value
    res = store.write(WriteBatch(actors=[Actor("a", "Alpha", "state", ["Al"], "first")]))
    assert res == WriteResult(nodes=1, relations=0, evidence=0)
    res = store.write(WriteBatch(actors=[Actor("a", "Alpha", "state", ["al", "A1"], None)]))
    assert res.nodes == 1
    a = store.get_nodes(ACTOR, ["a"])["a"]
    assert (a.type, a.aliases, a.description) == ("state", ["Al", "A1"], "first")
    # new evidence joins the one relation; the same evidence again does nothing
    res = store.write(WriteBatch(relations=[rel("mediates", "a", "b", "two", date="2024-01-02")]))
    assert res == WriteResult(nodes=0, relations=0, evidence=1)
    [r] = store.relations()
    assert [e.sentence for e in r.evidence] == ["two", "one"]  # best first: the dated one
    assert r.dates == ["2024-01-02"]
    assert store.counts()["relations"] == {"mediates": 1}
    assert store.counts()["evidence"] == 2


def test_relation_without_evidence_is_kept(store: GraphStore) -> None:
    store.write(WriteBatch(actors=[actor("a"), actor("b")]))
    bare = Relation("supports", "a", "b", [])
    assert store.write(WriteBatch(relations=[bare, bare])) == WriteResult(0, 1, 0)
    assert [r.key for r in store.relations()] == ["supports|a|b"]
    assert store.write(WriteBatch(relations=[bare])) == WriteResult(0, 0, 0)


def test_evidence_added_later_ranks_and_filters_as_if_it_came_at_once(store: GraphStore) -> None:
    """A relation stored by one write and given more evidence by a later one (the append path of
    the Neo4j store, distinct from the create path) keeps the highest confidence, counts its
    distinct sources, dates and windows across both writes, and a relation stored without
    evidence takes the confidence of its first piece."""
    store.write(WriteBatch(actors=[actor("a"), actor("b"), actor("c")]))
    first = rel("mediates", "a", "b", "one", document="d1", confidence=0.5, date="2024-01-01")
    assert store.write(WriteBatch(relations=[first, Relation("supports", "b", "c", [])])) == (
        WriteResult(0, 2, 1)
    )
    later = [
        first,  # held already: not added again
        rel("mediates", "a", "b", "two", document="d2", confidence=0.8, date="2024-03-01"),
        rel("mediates", "a", "b", "three", document="d1", confidence=0.6),  # undated, same source
        rel("supports", "b", "c", "four", document="d3", confidence=0.3, date="2023-06-01"),
    ]
    assert store.write(WriteBatch(relations=later)) == WriteResult(0, 0, 3)
    [path], cut = store.find_paths("a", "b", ["mediates"], 2, 5)
    assert not cut and path.nodes == ["a", "b"]
    assert path.support == pytest.approx(1 - (1 - 0.8) ** 2)  # two sources, best confidence
    assert path.last_seen == "2024-03-01"
    [path], _ = store.find_paths("b", "c", ["supports"], 2, 5)
    assert path.support == pytest.approx(0.3)  # not the 1.0 of a relation without evidence
    assert path.last_seen == "2023-06-01"

    def edges(since: str, until: str) -> list[str]:
        hood = store.neighborhood(["b"], 1, ["mediates", "supports"], since=since, until=until)
        return sorted(e["id"] for e in hood.edges)

    assert edges("2024-02-01", "2024-04-01") == ["mediates|a|b"]  # the later piece's window
    assert edges("2023-05-01", "2023-07-01") == ["supports|b|c"]
    assert store.write(WriteBatch(relations=later)) == WriteResult(0, 0, 0)


def test_write_refuses_bad_batches_atomically(store: GraphStore) -> None:
    store.write(WriteBatch(actors=[actor("a")], topics=[Topic("t", "Tee")]))
    counts, version = store.counts(), store.version()
    bad = [
        WriteBatch(actors=[actor("new")], topics=[Topic("a", "A as a topic")]),
        WriteBatch(actors=[actor("x"), actor("x")], documents=[Document("x", "X")]),
        WriteBatch(actors=[actor("new")], relations=[rel("mediates", "a", "ghost")]),
        WriteBatch(relations=[rel("mediates", "a", "t")]),  # a topic cannot be mediated
        WriteBatch(relations=[rel("rejects", "a", "t")]),  # target_kind says actor
        WriteBatch(relations=[Relation("made", "a", "a", [])]),
    ]
    for batch in bad:
        with pytest.raises(InputError):
            store.write(batch)
    assert store.counts() == counts
    assert store.version() == version
    assert store.kinds_of(["a", "t", "new", "x"]) == {"a": ACTOR, "t": TOPIC}
    ok = WriteBatch(relations=[rel("rejects", "a", "t", target_kind=TOPIC)])
    assert store.write(ok) == WriteResult(0, 1, 1)


def test_delete_actor(example_store: GraphStore) -> None:
    s = example_store
    version = s.version()
    assert s.delete_actor("osama-hamdan") is True
    assert s.version() != version
    assert s.get_nodes(ACTOR, ["osama-hamdan"]) == {}
    assert s.relations(actor="osama-hamdan") == []
    items, total = s.statements(actor="hamas")
    assert total == 1 and items[0].speaker == "hamas-news-agency"
    assert s.counts()["nodes"]["Statement"] == 6
    version = s.version()
    assert s.delete_actor("osama-hamdan") is False
    assert s.delete_actor("ceasefire-proposal") is False  # a topic is not an actor
    assert s.version() == version


# ---------------------------------------------------------------------- nodes and names
def test_nodes_kinds_names(store: GraphStore) -> None:
    store.write(
        WriteBatch(
            documents=[Document("d1", "Doc", published="2024-01-01")],
            actors=[
                Actor("us", "United States", "state", ["Washington", "the U.S."]),
                Actor("usa-2", "U.S. Army", "organization", ["The U.S."]),
                Actor(
                    "b",
                    "Antony Blinken",
                    "person",
                    roles=[Role("Secretary", "us", "2021-01-26")],
                ),
            ],
            topics=[Topic("t1", "Truce", ["ceasefire"])],
        )
    )
    assert store.lookup_names(["washington", "THE  U.S.", "us", "nobody", "Antony  blinken"]) == {
        "washington": ["us"],
        "THE  U.S.": ["us", "usa-2"],
        "us": ["us"],
        "nobody": [],
        "Antony  blinken": ["b"],
    }
    asked = ["nobody", "THE  U.S.", "us"]
    assert store.version_and_names(asked) == (store.version(), store.lookup_names(asked))
    assert store.version_and_names([]) == (store.version(), {})
    assert store.kinds_of(["t1", "d1", "us", "zzz"]) == {"t1": TOPIC, "d1": DOCUMENT, "us": ACTOR}
    got = store.get_nodes(ACTOR, ["usa-2", "missing", "b", "t1"])
    assert list(got) == ["usa-2", "b"]
    assert got["b"].roles == [Role("Secretary", "us", "2021-01-26", None)]
    assert store.actor_names() == [
        ("b", "Antony Blinken", []),
        ("us", "United States", ["Washington", "the U.S."]),
        ("usa-2", "U.S. Army", ["The U.S."]),
    ]
    assert ids(store.list_nodes(ACTOR, limit=2)) == ["b", "us"]
    assert ids(store.list_nodes(ACTOR, limit=2, offset=2)) == ["usa-2"]
    assert store.list_nodes(TOPIC)[0] == Topic("t1", "Truce", ["ceasefire"])
    assert store.list_nodes(DOCUMENT)[0].published == "2024-01-01"
    assert store.list_nodes(STATEMENT) == []
    g = Graph(store)
    with pytest.raises(InputError, match="names several actors"):
        g.resolve_actor("the u.s.")
    assert g.resolve_actor("WASHINGTON").id == "us"


def test_curly_quotes_fold_in_names(store: GraphStore) -> None:
    store.write(WriteBatch(actors=[Actor("hna", "Hamas’ news agency", "organization")]))
    assert store.lookup_names(["HAMAS' NEWS AGENCY"])["HAMAS' NEWS AGENCY"] == ["hna"]


# ---------------------------------------------------------------------- relations
def small_world() -> WriteBatch:
    return WriteBatch(
        actors=[actor(x) for x in ("a", "b", "c", "d")],
        topics=[Topic("t", "Topic")],
        relations=[
            rel("mediates", "a", "b"),
            rel("mediates", "c", "a"),
            rel("pressures", "b", "c"),
            rel("rejects", "a", "t", target_kind=TOPIC),
            rel("allied_with", "c", "d"),
        ],
    )


def test_relations_filters(store: GraphStore) -> None:
    store.write(small_world())
    keys = [r.key for r in store.relations()]
    assert keys == sorted(keys) and len(keys) == 5
    assert [r.key for r in store.relations(types=["mediates"])] == [
        "mediates|a|b",
        "mediates|c|a",
    ]
    assert [r.key for r in store.relations(actor="a")] == [
        "mediates|a|b",
        "mediates|c|a",
        "rejects|a|t",
    ]
    assert [r.key for r in store.relations(source="a")] == ["mediates|a|b", "rejects|a|t"]
    assert [r.key for r in store.relations(target="a")] == ["mediates|c|a"]
    assert [r.key for r in store.relations(actor="a", target="b")] == ["mediates|a|b"]
    assert [r.key for r in store.relations(source="c", target="a")] == ["mediates|c|a"]
    assert [r.key for r in store.relations(actor="a", limit=1)] == ["mediates|a|b"]
    assert store.relations(types=["made", "about"]) == []
    [topic_rel] = store.relations(target="t")
    assert topic_rel.target_kind == TOPIC
    among = store.relations_among(["a", "b", "c"], ["mediates", "pressures", "rejects"])
    assert [r.key for r in among] == ["mediates|a|b", "mediates|c|a", "pressures|b|c"]
    assert store.intermediaries() == {"a", "c"}


# ---------------------------------------------------------------------- paths on small graphs
def test_paths_diamond(store: GraphStore) -> None:
    store.write(
        WriteBatch(
            actors=[
                actor("s", "Start"),
                actor("l", "left"),
                actor("r", "Right"),
                actor("t", "End"),
            ],
            relations=[
                rel("mediates", "s", "l"),
                rel("mediates", "s", "r"),
                rel("speaks_for", "l", "t"),
                rel("mediates", "r", "t"),
                # a parallel relation must not give a second, identical path
                rel("allied_with", "l", "s"),
            ],
        )
    )
    channels = ["mediates", "speaks_for", "allied_with"]
    paths, cut = node_paths(store, "s", "t", channels)
    assert paths == [["s", "l", "t"], ["s", "r", "t"]]  # "left" < "Right" once casefolded
    assert not cut
    assert node_paths(store, "t", "s", channels)[0] == [["t", "l", "s"], ["t", "r", "s"]]
    assert node_paths(store, "s", "t", ["mediates"])[0] == [["s", "r", "t"]]
    assert node_paths(store, "s", "t", channels, max_paths=1)[0] == [["s", "l", "t"]]
    assert node_paths(store, "s", "t", channels, max_hops=1)[0] == []
    assert node_paths(store, "s", "s", channels)[0] == []
    brokers = Graph(store).brokers("s", "t", relations=channels)
    assert [(b.actor.id, b.share) for b in brokers] == [("l", 0.5), ("r", 0.5)]


def test_paths_forward_only_not_walked_backwards(store: GraphStore) -> None:
    store.write(
        WriteBatch(
            actors=[actor("x"), actor("y"), actor("z"), actor("w")],
            topics=[Topic("topic", "A topic")],
            relations=[
                rel("pressures", "x", "y"),
                rel("pressures", "y", "z"),
                rel("mediates", "w", "z"),
                rel("rejects", "x", "topic", target_kind=TOPIC),
                rel("rejects", "w", "topic", target_kind=TOPIC),
            ],
        )
    )
    assert node_paths(store, "x", "z", ["pressures"])[0] == [["x", "y", "z"]]
    assert node_paths(store, "z", "x", ["pressures"])[0] == []
    assert node_paths(store, "x", "w", ["pressures", "mediates"])[0] == [["x", "y", "z", "w"]]
    assert node_paths(store, "w", "x", ["pressures", "mediates"])[0] == []
    # a relation to a topic is no bridge between actors, and derived types are never walked
    assert node_paths(store, "x", "w", ["rejects"])[0] == []
    assert node_paths(store, "x", "y", ["made", "about"])[0] == []


def test_paths_order_by_name_then_id(store: GraphStore) -> None:
    # three middles: two share a name (ordered by id), one sorts first once casefolded
    store.write(
        WriteBatch(
            actors=[
                actor("src", "Source"),
                actor("dst", "Destination"),
                actor("m2", "Mid"),
                actor("m1", "Mid"),
                actor("m0", "alpha"),
                actor("m3", "Ärger"),
                # beyond U+FFFF after U+FF41 in code points (Python), before it in UTF-16 (Java)
                actor("m5", "\U0001f600 smile"),
                actor("m4", "\uff21 wide"),
            ],
            relations=[
                rel("mediates", m, e)
                for m in ("m0", "m1", "m2", "m3", "m4", "m5")
                for e in ("src", "dst")
            ],
        )
    )
    paths, _ = node_paths(store, "src", "dst", ["mediates"], max_hops=2)
    middles = ["m0", "m1", "m2", "m3", "m4", "m5"]
    assert paths == [["src", m, "dst"] for m in middles]
    firsts, _ = node_paths(store, "src", "dst", ["mediates"], max_hops=2, max_paths=5)
    assert firsts == [["src", m, "dst"] for m in middles[:5]]


def test_paths_random_graphs_match_brute_force(store: GraphStore) -> None:
    rng = random.Random(20240501)
    names = {
        f"n{i}": rng.choice(["Ana", "bob", "Bob", "Çem", "dan", "Eve", "eve"]) for i in range(9)
    }
    types = ["mediates", "speaks_for", "allied_with", "pressures", "owned_by"]
    rels: dict[str, Relation] = {}
    while len(rels) < 22:
        s, t = rng.sample(sorted(names), 2)
        ty = rng.choice(types)
        if ty == "allied_with" and t < s:
            s, t = t, s
        r = rel(ty, s, t)
        rels[r.key] = r
    store.write(
        WriteBatch(actors=[actor(i, n) for i, n in names.items()], relations=list(rels.values()))
    )
    relation_sets = [types, ["pressures", "owned_by", "mediates"], ["pressures", "owned_by"]]
    pairs = [("n0", "n1"), ("n2", "n7"), ("n5", "n3"), ("n8", "n4")]
    for relations in relation_sets:
        for s, t in pairs:
            want = reference_paths(list(rels.values()), names, s, t, relations, 4)
            got, cut = node_paths(store, s, t, relations, max_hops=4)
            assert (got, cut) == (want, False), (relations, s, t)
            top, _ = node_paths(store, s, t, relations, max_hops=4, max_paths=3)
            assert top == want[:3]


def test_paths_dense_graph_cap_and_time_budget(store: GraphStore) -> None:
    # K16: 1 + 14 + 182 + 2184 paths of up to 4 hops between two actors, ~280,000 up to 6
    ks = [f"k{i:02d}" for i in range(16)]
    store.write(
        WriteBatch(
            actors=[actor(k, f"K{k[1:]}") for k in ks],
            relations=[rel("mediates", a, b) for i, a in enumerate(ks) for b in ks[i + 1 :]],
        )
    )
    first, cut = node_paths(store, "k00", "k01", ["mediates"], max_paths=1000)
    assert not cut and len(first) == 1000
    assert first[:15] == [["k00", "k01"]] + [["k00", k, "k01"] for k in ks[2:]]
    assert first[197] == ["k00", "k02", "k03", "k04", "k01"]
    assert {len(p) for p in first[197:]} == {5}
    # a tight time budget on a long enumeration: a sorted prefix, flagged as cut
    store.query_timeout = 0.2  # type: ignore[attr-defined]
    started = time.monotonic()
    part, cut = node_paths(store, "k00", "k01", ["mediates"], max_paths=10**7, timed=True)
    assert time.monotonic() - started < 8
    assert cut
    n = min(len(part), len(first))
    assert part[:n] == first[:n]


# ---------------------------------------------------------------------- neighbourhoods
def test_neighborhood_star_limit_and_window(store: GraphStore) -> None:
    leaves = ["l1", "l2", "l3", "l4"]
    store.write(
        WriteBatch(
            actors=[actor("hub", "Hub"), *(actor(x) for x in leaves), actor("far")],
            relations=[
                rel("supports", "hub", "l3", date="2024-03-01"),
                rel("supports", "l1", "hub", date="2020-01-01"),
                rel("mediates", "l2", "hub", valid_from="2023-01-01"),
                rel("threatens", "hub", "l4"),  # undated
                rel("supports", "l4", "far", date="2024-03-02"),
            ],
        )
    )
    types = ["supports", "mediates", "threatens"]
    full = store.neighborhood(["hub"], 1, types)
    assert ids(full.nodes) == ["hub", "l1", "l2", "l3", "l4"]
    assert not full.truncated
    # limit 3: the hub and the first two actors in name order; the cut level is the first of
    # two, so what was left out is a lower bound
    capped = store.neighborhood(["hub"], 2, types, limit=3)
    assert capped.truncated
    assert ids(capped.nodes) == ["hub", "l1", "l2"]
    assert capped.left_out == {"Actor": 2}
    assert not capped.left_out_exact
    assert [e["id"] for e in capped.edges] == ["mediates|l2|hub", "supports|l1|hub"]
    one = store.neighborhood(["hub"], 1, types, limit=3)
    assert one.left_out == {"Actor": 2} and one.left_out_exact
    windowed = store.neighborhood(["hub"], 2, types, since="2024-01-01", until="2024-12-31")
    assert ids(windowed.nodes) == ["hub", "l2", "l3"]  # l2: valid since 2023, open-ended
    assert [e["id"] for e in windowed.edges] == ["mediates|l2|hub", "supports|hub|l3"]
    deep = store.neighborhood(["l1"], 3, types)
    assert "far" in ids(deep.nodes)
    assert [n.intermediary for n in deep.nodes if n.id == "l2"] == [True]
    assert store.neighborhood(["nobody"], 2, types).nodes == []


# ---------------------------------------------------------------------- statements
def test_statements_hand_built(store: GraphStore) -> None:
    store.write(
        WriteBatch(
            documents=[Document("doc", "Doc")],
            actors=[actor("a", "A"), actor("b", "B")],
            topics=[Topic("t", "T")],
            statements=[
                Statement("s3", "a", "Die Straße bleibt zu.", date="2024-02-01", about=["t"]),
                Statement("s1", "b", "We agree.", on_behalf_of="a", document="doc"),
                Statement("s2", "b", "No STRASSE deal.", date="2024-01-01"),
            ],
        )
    )
    by_a, n = store.statements(actor="a")
    assert n == 2 and ids(by_a) == ["s1", "s3"]  # undated first, then by date
    assert store.statements(actor="a", role="speaker") == ([by_a[1]], 1)
    assert store.statements(actor="a", role="on_behalf_of") == ([by_a[0]], 1)
    assert ids(store.statements(actor="b", role="speaker")[0]) == ["s1", "s2"]
    assert store.statements(actor="b", role="on_behalf_of") == ([], 0)
    assert ids(store.statements(text="strasse")[0]) == ["s2", "s3"]  # casefold, not lower
    assert ids(store.statements(topic="t")[0]) == ["s3"]
    assert ids(store.statements(document="doc")[0]) == ["s1"]
    assert ids(store.statements(since="2024-01-15")[0]) == ["s3"]
    assert ids(store.statements(until="2024-01-15")[0]) == ["s2"]
    assert store.statements(limit=1, offset=1) == (store.statements()[0][1:2], 3)
    [s1] = store.get_nodes(STATEMENT, ["s1"]).values()
    assert s1 == Statement("s1", "b", "We agree.", on_behalf_of="a", document="doc")


# ---------------------------------------------------------------------- both backends agree
@pytest.fixture
def both(tmp_path: Path) -> Any:
    """The example loaded into an embedded store and into Neo4j."""
    embedded = make_store("embedded", tmp_path)
    neo = make_store("neo4j", tmp_path)
    for s in (embedded, neo):
        Loader(s).load_file(EXAMPLE)
    yield embedded, neo
    embedded.close()
    neo.close()


@pytest.mark.neo4j
def test_neighbourhoods_equal_across_backends_at_every_cap(tmp_path: Path) -> None:
    """Neighbourhoods of a heavy-tailed graph (hubs, relations with several pieces of
    evidence, topics), cut by the cap at many sizes, at depths 1 to 3, in date windows and
    over some types: the same answer on both backends, evidence included. Neo4j reads a
    level's evidence with the level only when the cap cannot cut it, and the kept edges'
    after it when it may (:meth:`Neo4jStore.neighborhood`); both must show the same."""
    from actorgraph.ingest.synthetic import synthetic_records

    stores = [make_store("embedded", tmp_path), make_store("neo4j", tmp_path)]
    try:
        for s in stores:
            Loader(s).load(lambda: enumerate(synthetic_records(600, seed=3), start=1), "synthetic")
        ge, gn = (Graph(s) for s in stores)
        by_degree = sorted(
            {a for a, _n, _al in stores[0].actor_names()},
            key=lambda a: (-len(stores[0].relations(actor=a)), a),
        )
        cut = 0
        for a in [*by_degree[:4], *by_degree[-2:]]:
            for depth, limit, window, relations in itertools.product(
                (1, 2, 3),
                (1, 2, 5, 13, 40, 500),
                ((None, None), ("2024-03-01", "2024-06-30")),
                (None, ["demands", "mediates"]),
            ):
                kw = {"depth": depth, "limit": limit, "relations": relations}
                kw |= {"since": window[0], "until": window[1]}
                want = ge.neighbors(a, **kw).to_dict()
                assert gn.neighbors(a, **kw).to_dict() == want, (a, kw)
                cut += want["truncated"]
        assert 0 < cut < 6 * 72  # caps that cut, and caps that do not
    finally:
        for s in stores:
            s.close()


@pytest.mark.neo4j
def test_concurrent_writers_do_not_lose_merges(tmp_path: Path) -> None:
    from tests.helpers import open_neo4j

    first = make_store("neo4j", tmp_path)
    second = open_neo4j()
    first.write(WriteBatch(actors=[actor("x"), actor("y")]))

    def writer(store: GraphStore, who: str) -> None:
        for i in range(12):
            store.write(
                WriteBatch(
                    actors=[Actor("x", "X", "organization", [f"{who}-{i}"])],
                    relations=[rel("mediates", "x", "y", f"{who} {i}")],
                )
            )

    threads = [
        threading.Thread(target=writer, args=(s, who)) for s, who in ((first, "a"), (second, "b"))
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    aliases = first.get_nodes(ACTOR, ["x"])["x"].aliases
    assert sorted(aliases) == sorted(f"{w}-{i}" for w in "ab" for i in range(12))
    [r] = first.relations()
    assert len(r.evidence) == 24
    assert first.counts()["relations"] == {"mediates": 1}
    first.close()
    second.close()


@pytest.mark.neo4j
def test_neo4j_neighbourhood_flags_intermediaries_from_the_actors(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A neighbourhood reads the intermediary flag of the actors it shows, not every
    intermediary of the graph (25,000 rows, a second of the server's time, at 100k)."""
    store = make_store("neo4j", tmp_path)
    try:
        store.write(
            WriteBatch(
                actors=[actor("m"), actor("a"), actor("b")],
                relations=[rel("mediates", "m", "a", "m a"), rel("speaks_for", "b", "a", "b a")],
            )
        )

        def every_intermediary() -> set[str]:
            raise AssertionError("every intermediary read for one neighbourhood")

        monkeypatch.setattr(store, "intermediaries", every_intermediary)
        sub = store.neighborhood(["a"], 1, ["mediates", "speaks_for"], limit=10)
        assert {n.id: n.intermediary for n in sub.nodes} == {"a": False, "b": False, "m": True}
    finally:
        store.close()


@pytest.mark.neo4j
def test_influence_equal_across_backends(both: Any) -> None:
    embedded, neo = (Graph(s) for s in both)
    windows = [(None, None), ("2024-05-01", "2024-05-01"), ("2024-06-01", None)]
    for metric in ("pagerank", "betweenness", "degree"):
        for since, until in windows:
            for relations in (None, ["mediates", "speaks_for"]):
                kw = {"since": since, "until": until, "relations": relations, "top": 15}
                want = embedded.influence(metric, **kw)
                got = neo.influence(metric, **kw)
                assert [s.actor.id for s in got] == [s.actor.id for s in want], (metric, kw)
                for a, b in zip(got, want, strict=True):
                    assert abs(a.score - b.score) <= 1e-6


@pytest.mark.neo4j
def test_backends_answer_alike(both: Any) -> None:
    embedded, neo = both
    assert list(neo.iter_records()) == list(embedded.iter_records())
    assert neo.counts() == embedded.counts()
    assert neo.actor_names() == embedded.actor_names()
    assert neo.intermediaries() == embedded.intermediaries()
    assert neo.relations() == embedded.relations()
    ge, gn = Graph(embedded), Graph(neo)
    actors = [a for a, _, _ in embedded.actor_names()]
    for a in actors:
        assert neo.relations(actor=a) == embedded.relations(actor=a)
        assert neo.statements(actor=a) == embedded.statements(actor=a)
        assert gn.neighbors(a, depth=2).to_dict() == ge.neighbors(a, depth=2).to_dict()
    for s, t in [("united-states", "hamas"), ("israel", "hamas"), ("antony-blinken", "hezbollah")]:
        for relations in (None, SCHEMA.actor_relation_types):
            assert (
                gn.paths(s, t, relations=relations, max_hops=6).to_dict()
                == ge.paths(s, t, relations=relations, max_hops=6).to_dict()
            )
            assert gn.brokers(s, t, relations=relations) == ge.brokers(s, t, relations=relations)
    for topic in ("ceasefire-proposal", "permanent-ceasefire", "rafah-operation"):
        assert gn.stances(topic) == ge.stances(topic)
    assert gn.suggest("Hamas news") == ge.suggest("Hamas news")


@pytest.mark.neo4j
def test_a_batch_whose_commit_was_cut_off_is_counted_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from actorgraph.graph.errors import StoreUnavailableError
    from neo4j.exceptions import IncompleteCommit

    store = make_store("neo4j", tmp_path)
    real = store._execute  # type: ignore[attr-defined]
    cut = []

    def flaky(mode: str, fn: Any, **kw: Any) -> Any:
        out = real(mode, fn, **kw)
        if mode == "write" and not cut:  # committed, but the answer never came back
            cut.append(1)
            raise StoreUnavailableError("lost") from IncompleteCommit("connection lost")
        return out

    monkeypatch.setattr(store, "_execute", flaky)
    batch = WriteBatch(actors=[actor("a"), actor("b")], relations=[rel("mediates", "a", "b")])
    # written once, counted once, and the second try is said (the ingest report shows it)
    assert store.write(batch) == WriteResult(nodes=2, relations=1, evidence=1, retried=1)
    assert cut == [1]
    monkeypatch.undo()
    assert store.write(batch) == WriteResult()  # and it was written once
    loaded = Loader(store).load_file(EXAMPLE)
    assert loaded.written.relations > 0
    store.close()


def test_a_batch_folds_each_relation_once_keeping_the_first_piece_of_each_evidence_key() -> None:
    """graph.merge.fold_relations, the rule both stores write a batch by."""
    from actorgraph.graph.merge import fold_relations

    first = rel("mediates", "qa", "ha", "Qatar mediates.", document="d1", confidence=0.6)
    again = rel("mediates", "qa", "ha", "Qatar mediates.", document="d1", confidence=0.9)
    more = rel("mediates", "qa", "ha", "Qatar mediates again.", document="d2")
    other = rel("rejects", "ha", "us", "Hamas rejects.")
    folded = fold_relations([first, other, again, more])
    assert list(folded) == [first.key, other.key]
    kept, evidence = folded[first.key]
    assert kept is first
    assert [e.confidence for e in evidence.values()] == [0.6, 1.0]
    assert [e.sentence for e in evidence.values()] == ["Qatar mediates.", "Qatar mediates again."]
    assert list(evidence) == [e.key for e in evidence.values()]
