"""What distinct path questions share, kept per data version on both backends: the two ends'
names, the hops (relations with their first pieces of evidence) and, in the API, the hops'
JSON. Each test asks the example graph through ``Graph`` (or the API) and checks both what is
kept and that a write makes it anew."""

from __future__ import annotations

import sys
from typing import Any

import actorgraph.api.params as params
import orjson
import pytest
from actorgraph.api.params import RenderedHops, paths_json
from actorgraph.graph.errors import NotFoundError
from actorgraph.graph.facade import Graph
from actorgraph.graph.model import ACTOR, DOCUMENT, Evidence, Hop, Relation
from actorgraph.graph.ranking import DEFAULT_EVIDENCE
from actorgraph.graph.store import GraphStore, WriteBatch

from tests.test_answers import actor, rel

ASKED = ("Hamas", "United States")


def _name_reads(monkeypatch: pytest.MonkeyPatch, store: GraphStore) -> list[list[str]]:
    """The names each look-up read, through ``lookup_names`` or with the data version
    (``version_and_names`` or ``version_and_actors``, which a server backend answers in one
    round trip)."""
    reads: list[list[str]] = []
    inside = [False]
    alone = store.lookup_names

    def with_version(read: Any) -> Any:
        def counted(names: Any) -> Any:
            names = list(names)
            if names and not inside[0]:
                reads.append(names)
            was, inside[0] = inside[0], True
            try:
                return read(names)
            finally:
                inside[0] = was

        return counted

    def lookup_names(names: Any) -> Any:
        names = list(names)
        if not inside[0]:
            reads.append(names)
        return alone(names)

    monkeypatch.setattr(store, "version_and_names", with_version(store.version_and_names))
    monkeypatch.setattr(store, "version_and_actors", with_version(store.version_and_actors))
    monkeypatch.setattr(store, "lookup_names", lookup_names)
    return reads


def _write_direct(store: GraphStore) -> None:
    direct = Relation("mediates", "hamas", "united-states", [Evidence(sentence="Direct talks.")])
    store.write(WriteBatch(relations=[direct]))


def test_the_ends_of_path_questions_are_read_together_and_kept_per_version(
    example_store: GraphStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    graph = Graph(example_store)
    looked = _name_reads(monkeypatch, example_store)
    first = graph.paths(*ASKED)
    assert len(looked) == 1 and sorted(looked[0]) == sorted(ASKED)  # both names, one read
    # other questions between the same two actors (not kept answers): no look-up
    other = graph.paths(*ASKED, limit=3)
    graph.brokers(*ASKED, top=2)
    graph.paths(*reversed(ASKED))
    assert len(looked) == 1
    assert other.paths == first.paths[:3] and other.source.id == "hamas"
    _write_direct(example_store)  # a new data version: the names are read again
    after = graph.paths(*ASKED, limit=3)
    assert len(looked) == 2 and after.paths[0].length == 1


class _Exchanges:
    """The transactions a Neo4j store's driver runs: managed ones (begin, queries, commit:
    three round trips at least) and auto-commit queries (one round trip each)."""

    def __init__(self, store: GraphStore, monkeypatch: pytest.MonkeyPatch) -> None:
        self.managed: list[str] = []
        self.auto: list[str] = []
        driver = store._driver  # type: ignore[attr-defined]
        opened = driver.session
        exchanges = self

        class Counted:
            def __init__(self, session: Any) -> None:
                self.session = session

            def __enter__(self) -> Counted:
                self.session.__enter__()
                return self

            def __exit__(self, *exc: Any) -> Any:
                return self.session.__exit__(*exc)

            def execute_read(self, fn: Any, *a: Any, **kw: Any) -> Any:
                exchanges.managed.append("read")
                return self.session.execute_read(fn, *a, **kw)

            def execute_write(self, fn: Any, *a: Any, **kw: Any) -> Any:
                exchanges.managed.append("write")
                return self.session.execute_write(fn, *a, **kw)

            def run(self, query: Any, *a: Any, **kw: Any) -> Any:
                exchanges.auto.append(getattr(query, "text", query))
                return self.session.run(query, *a, **kw)

        monkeypatch.setattr(driver, "session", lambda **kw: Counted(opened(**kw)))

    def clear(self) -> None:
        self.managed.clear()
        self.auto.clear()


def test_a_distinct_path_question_on_neo4j_is_three_auto_commit_reads(
    example_store: GraphStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The data version with the two names; the hops ``paths_near`` reads, for up to four
    hops at once (the ends' neighbours allow fewer paths of up to three hops than asked); the
    actors the answer names (the ends among them) with the hops' relations: three queries,
    each its own auto-commit read (one round trip; a managed transaction takes three and costs the
    server about a millisecond of CPU more). A broker question between the same two actors
    then reads the version and its hops only: the names are kept."""
    if example_store.backend != "neo4j":
        pytest.skip("Neo4j's round trips")
    example_store.warm()
    graph = Graph(example_store)
    graph.intermediaries(example_store.version())  # read once a data version
    exchanges = _Exchanges(example_store, monkeypatch)
    assert graph.paths(*ASKED).paths
    assert (exchanges.managed, len(exchanges.auto)) == ([], 3)
    exchanges.clear()
    assert graph.brokers(*reversed(ASKED), max_hops=3)
    assert (exchanges.managed, len(exchanges.auto)) == ([], 2)


def test_a_path_question_without_paths_on_neo4j_is_two_reads(
    example_store: GraphStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The read of the data version and the names gives the ends' actors too, so an answer
    without paths names its ends without a read of their own: the version with the names,
    then the listing (here the source's one channel relation leads the wrong way for the
    walked type)."""
    if example_store.backend != "neo4j":
        pytest.skip("Neo4j's round trips")
    example_store.write(
        WriteBatch(
            actors=[actor("loner", "Loner")],
            relations=[rel("speaks_for", "hamas", "loner")],
        )
    )
    example_store.warm()
    graph = Graph(example_store)
    graph.intermediaries(example_store.version())  # read once a data version
    exchanges = _Exchanges(example_store, monkeypatch)
    answer = graph.paths("Loner", ASKED[1], relations=["mediates"])
    assert answer.paths == [] and not answer.truncated
    assert (answer.source.name, answer.target.name) == ("Loner", "United States")
    assert (exchanges.managed, len(exchanges.auto)) == ([], 2)


def test_a_path_question_from_an_actor_without_channel_relations_on_neo4j_is_one_read(
    example_store: GraphStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The read of the version and the names counts each actor's relationships of the
    default path types: an end with none has no path over them, and the question (paths or
    brokers, either end) is answered from that one read. Near misses: a question over another
    type the actor has, and the same actor once a write gives it a channel relation."""
    if example_store.backend != "neo4j":
        pytest.skip("Neo4j's round trips")
    example_store.write(
        WriteBatch(
            actors=[actor("loner", "Loner")],
            relations=[rel("demands", "loner", "hamas")],  # not a channel type
        )
    )
    example_store.warm()
    graph = Graph(example_store)
    graph.intermediaries(example_store.version())  # read once a data version
    exchanges = _Exchanges(example_store, monkeypatch)
    answer = graph.paths("Loner", ASKED[0])
    assert answer.paths == [] and not answer.truncated
    assert (answer.source.name, answer.target.name) == ("Loner", "Hamas")
    assert (exchanges.managed, len(exchanges.auto)) == ([], 1)
    assert graph.brokers(ASKED[1], "Loner") == []
    assert graph.paths(ASKED[1], "Loner", limit=3).paths == []
    assert (exchanges.managed, len(exchanges.auto)) == ([], 3)  # one read each
    exchanges.clear()
    demand = graph.paths("Loner", ASKED[0], relations=["demands"])
    assert [p.nodes[-1].id for p in demand.paths] == ["hamas"]
    assert len(exchanges.auto) > 1
    example_store.write(WriteBatch(relations=[rel("mediates", "loner", "hamas")]))
    exchanges.clear()
    again = graph.paths("Loner", ASKED[0])
    assert [n.id for n in again.paths[0].nodes] == ["loner", "hamas"]
    assert len(exchanges.auto) > 1
    assert graph.brokers("Loner", ASKED[1])  # Hamas is on the paths to the United States


def test_neo4j_asks_no_longer_paths_when_an_end_has_no_walkable_relation(
    example_store: GraphStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An actor with no relation of the walked types in the direction a path needs has no
    path of any length: the one listing says so, and no other is asked (the actor has a
    channel relation of another type, so the read of the names cannot tell)."""
    if example_store.backend != "neo4j":
        pytest.skip("Neo4j's round trips")
    example_store.write(
        WriteBatch(
            actors=[actor("loner", "Loner")],
            relations=[rel("speaks_for", "hamas", "loner")],
        )
    )
    graph = Graph(example_store)
    graph.paths("Loner", ASKED[0], relations=["mediates"])  # the names kept, the plans made
    module = sys.modules[type(example_store).__module__]
    run = module._Tx.run
    asked: list[int] = []

    def counted(self: Any, name: str, slots: Any = None, **params: Any) -> list[Any]:
        if name == "paths_near":
            asked.append(params["hops"])
        return run(self, name, slots, **params)  # type: ignore[no-any-return]

    monkeypatch.setattr(module._Tx, "run", counted)
    for a, b in (("Loner", ASKED[0]), (ASKED[1], "Loner")):
        answer = graph.paths(a, b, limit=3, relations=["mediates"])
        assert answer.paths == [] and not answer.truncated
    assert asked == [4, 4]  # on each question, one listing (read for up to four hops)


def test_an_unknown_end_still_raises_with_suggestions_the_source_first(
    example_store: GraphStore,
) -> None:
    graph = Graph(example_store)
    with pytest.raises(NotFoundError) as caught:
        graph.paths("Hamass", "Nobody At All")
    assert "Hamass" in str(caught.value) and "Hamas" in caught.value.suggestions
    with pytest.raises(NotFoundError) as caught:
        graph.brokers("Hamas", "Nobody At All")
    assert "Nobody At All" in str(caught.value)
    assert graph.paths("Qatar", "Hamas").target.id == "hamas"


def test_distinct_path_answers_share_the_hops_they_walk_until_a_write(
    example_store: GraphStore,
) -> None:
    graph = Graph(example_store)
    a = graph.paths(*ASKED, limit=5)
    b = graph.paths(*ASKED, limit=4, max_hops=3)  # another question, the same first hops
    hops_a = {(h.source, h.target): h for p in a.paths for h in p.hops}
    hops_b = {(h.source, h.target): h for p in b.paths for h in p.hops}
    shared = hops_a.keys() & hops_b.keys()
    assert shared and all(hops_a[k] is hops_b[k] for k in shared)
    assert all(h.relations for h in hops_a.values())
    # the same hop within one answer is one object too
    assert len({id(h) for p in a.paths for h in p.hops}) == len(hops_a)
    _write_direct(example_store)
    c = graph.paths(*ASKED, limit=5, max_hops=3)
    hops_c = {(h.source, h.target): h for p in c.paths for h in p.hops}
    assert hops_c.keys() & shared
    assert not any(hops_c[k] is hops_a[k] for k in hops_c.keys() & shared)


def test_nodes_of_gives_kind_and_node_of_any_kind(example_store: GraphStore) -> None:
    doc = next(iter(example_store.list_nodes(DOCUMENT, limit=1)))
    found = example_store.nodes_of(["hamas", doc.id, "no-such-node"])
    assert set(found) == {"hamas", doc.id}
    assert found["hamas"][0] == ACTOR and found["hamas"][1].name == "Hamas"
    assert found[doc.id] == (DOCUMENT, doc)


def test_a_path_answer_sends_each_kept_hop_rendered_once_and_the_same_json(
    example_store: GraphStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    graph = Graph(example_store)
    rendered: list[tuple[str, str]] = []
    to_dict = Hop.to_dict

    def counted(self: Hop) -> dict[str, Any]:
        rendered.append((self.source, self.target))
        return to_dict(self)

    monkeypatch.setattr(Hop, "to_dict", counted)
    monkeypatch.setattr(params, "HOPS", RenderedHops())  # none rendered yet
    a = graph.paths(*ASKED, limit=5)
    sent = orjson.dumps(paths_json(a), option=orjson.OPT_NON_STR_KEYS)
    assert sent == orjson.dumps(a.to_dict(), option=orjson.OPT_NON_STR_KEYS)
    distinct = {id(h) for p in a.paths for h in p.hops}
    rendered.clear()
    orjson.dumps(paths_json(a))
    b = graph.paths(*ASKED, limit=4, max_hops=3)
    orjson.dumps(paths_json(b))
    new = {id(h) for p in b.paths for h in p.hops} - distinct
    assert len(rendered) == len(new)  # only the hops no answer walked before


def test_hops_with_many_pieces_of_evidence_are_not_kept_by_the_api_either(
    example_store: GraphStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The graph keeps no hops asked with more than the default evidence (they could hold
    fifty pieces each); the API's rendered hops must not keep them instead (review)."""
    graph = Graph(example_store)
    hops = RenderedHops()
    monkeypatch.setattr(params, "HOPS", hops)
    many = graph.paths(*ASKED, limit=5, evidence_limit=DEFAULT_EVIDENCE + 10)
    assert many.paths  # something to render
    assert orjson.dumps(paths_json(many)) == orjson.dumps(many.to_dict())
    assert len(hops._made) == 0
    few = graph.paths(*ASKED, limit=5)
    paths_json(few)
    assert len(hops._made) > 0  # the default still renders each hop once
