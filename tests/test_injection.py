"""Hostile strings are data, never query text: on both backends, names, ids, aliases, texts
and evidence made of quotes, backticks and Cypher fragments are stored and read back verbatim,
and nothing else in the store changes.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from actorgraph.graph.errors import InputError, NotFoundError
from actorgraph.graph.exchange import dump
from actorgraph.graph.facade import Graph
from actorgraph.graph.model import (
    ACTOR,
    STATEMENT,
    TOPIC,
    Actor,
    Evidence,
    Relation,
    Statement,
    Topic,
)
from actorgraph.graph.store import GraphStore, WriteBatch
from actorgraph.ingest.loader import Loader

from tests.helpers import EXAMPLE

HOSTILE = [
    "}) DETACH DELETE n //",
    "' OR 1=1 //",
    '" OR ""="',
    "`) MATCH (m) DETACH DELETE m //",
    'O\'Brien "the `Mediator`"',
    "x'}]->(y) SET y.name = 'pwned' //",
    "$source {{rel_type}} \\u0027",
    "Robert'); DROP TABLE actors;--",
    "‘curly’ “quotes” and \\ backslash",
]


@pytest.fixture
def loaded(store: GraphStore) -> GraphStore:
    Loader(store).load_file(EXAMPLE)
    return store


def hostile_batch() -> WriteBatch:
    actors = [
        Actor(f"evil-{i}{s}", s, "organization", [f"{s} alias"], description=s)
        for i, s in enumerate(HOSTILE)
    ]
    topic = Topic(HOSTILE[0] + " topic", HOSTILE[1], [HOSTILE[2]], HOSTILE[3])
    statement = Statement(
        "st" + HOSTILE[1], actors[0].id, HOSTILE[4], about=[topic.id], evidence=HOSTILE[5]
    )
    relations = [
        Relation("mediates", a.id, "hamas", [Evidence(sentence=a.name, statement=statement.id)])
        for a in actors
    ]
    relations.append(Relation("rejects", actors[1].id, topic.id, [Evidence(sentence="x")], TOPIC))
    return WriteBatch(actors=actors, topics=[topic], statements=[statement], relations=relations)


def without(records: list[dict[str, Any]], marker: str = "evil-") -> list[dict[str, Any]]:
    text = HOSTILE[0] + " topic"
    return [
        r
        for r in records
        if marker not in json.dumps(r)
        and text not in json.dumps(r)
        and "st'" not in r.get("id", "")
    ]


def test_hostile_strings_are_data(loaded: GraphStore) -> None:
    before_counts = loaded.counts()
    before = [dump(r) for r in loaded.iter_records()]
    batch = hostile_batch()
    result = loaded.write(batch)
    assert (result.nodes, result.relations, result.evidence) == (11, 10, 10)

    # read back verbatim
    got = loaded.get_nodes(ACTOR, [a.id for a in batch.actors])
    assert list(got.values()) == batch.actors
    assert loaded.get_nodes(TOPIC, [batch.topics[0].id]) == {batch.topics[0].id: batch.topics[0]}
    stmt = batch.statements[0]
    assert loaded.get_nodes(STATEMENT, [stmt.id]) == {stmt.id: stmt}
    for a in batch.actors:
        assert loaded.lookup_names([a.name])[a.name] == [a.id]
        assert loaded.lookup_names([a.name.upper() + " ALIAS"])[a.name.upper() + " ALIAS"] == [a.id]
        [r] = loaded.relations(source=a.id, types=["mediates"])
        assert r.evidence[0].sentence == a.name
    assert loaded.kinds_of([stmt.id, batch.topics[0].id]) == {
        stmt.id: STATEMENT,
        batch.topics[0].id: TOPIC,
    }
    items, total = loaded.statements(text=HOSTILE[4])
    assert total == 1 and items[0] == stmt
    assert loaded.statements(actor=batch.actors[0].id)[0] == [stmt]
    assert loaded.statements(topic=batch.topics[0].id)[0] == [stmt]

    g = Graph(loaded)
    evil0, evil1 = batch.actors[0].id, batch.actors[1].id
    paths = g.paths(evil0, evil1, relations=["mediates"])
    assert [n.id for n in paths.paths[0].nodes] == [evil0, "hamas", evil1]
    hood = g.neighbors(evil1)
    assert {n.id for n in hood.nodes} == {evil1, "hamas", batch.topics[0].id}
    assert g.resolve_actor(HOSTILE[2]).id == batch.actors[2].id

    # nothing else changed
    after = [dump(r) for r in loaded.iter_records()]
    assert without(after) == before
    counts = loaded.counts()
    assert counts["nodes"]["Actor"] == before_counts["nodes"]["Actor"] + len(HOSTILE)
    assert counts["relations"]["mediates"] == before_counts["relations"]["mediates"] + len(HOSTILE)
    assert counts["evidence"] == before_counts["evidence"] + len(HOSTILE) + 1
    assert loaded.get_nodes(ACTOR, ["hamas"])["hamas"].name == "Hamas"

    # and it all goes away again
    for a in batch.actors:
        assert loaded.delete_actor(a.id)
    counts = loaded.counts()
    assert counts["nodes"]["Actor"] == before_counts["nodes"]["Actor"]
    assert counts["relations"] == before_counts["relations"]
    assert counts["evidence"] == before_counts["evidence"]
    assert counts["nodes"]["Statement"] == before_counts["nodes"]["Statement"]


def test_hostile_names_through_ingest(loaded: GraphStore, tmp_path: Path) -> None:
    before = [dump(r) for r in loaded.iter_records()]
    counts = loaded.counts()
    records = [
        {"kind": "actor", "id": f"evil-{i}", "name": s, "type": "person", "aliases": [s + "!"]}
        for i, s in enumerate(HOSTILE)
    ]
    records += [
        {
            "kind": "relation",
            "type": "speaks_for",
            "source": s,  # referenced by hostile name
            "target": "Hamas",
            "evidence": s,
            "document": "ceasefire-talks-live-updates",
        }
        for s in HOSTILE
    ]
    path = tmp_path / "evil.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    report = Loader(loaded).load_file(path)
    assert report.written.nodes == len(HOSTILE) and report.written.relations == len(HOSTILE)
    for i, s in enumerate(HOSTILE):
        assert loaded.get_nodes(ACTOR, [f"evil-{i}"])[f"evil-{i}"].aliases == [s + "!"]
        [r] = loaded.relations(source=f"evil-{i}")
        assert (r.type, r.target, r.evidence[0].sentence) == ("speaks_for", "hamas", s)
    assert without([dump(r) for r in loaded.iter_records()]) == before
    assert loaded.counts()["nodes"]["Statement"] == counts["nodes"]["Statement"]


@pytest.mark.parametrize("evil", HOSTILE)
def test_hostile_query_arguments(loaded: GraphStore, evil: str) -> None:
    counts = loaded.counts()
    g = Graph(loaded)
    with pytest.raises(InputError):
        g.paths("Qatar", "Hamas", relations=[evil])
    with pytest.raises(InputError):
        g.influence(evil)
    with pytest.raises(NotFoundError):
        g.paths(evil, "Hamas")
    assert loaded.lookup_names([evil]) == {evil: []}
    assert loaded.kinds_of([evil]) == {}
    assert loaded.get_nodes(ACTOR, [evil]) == {}
    assert loaded.relations(actor=evil) == []
    assert loaded.relations(types=[evil]) == []
    assert loaded.statements(text=evil) == ([], 0)
    assert loaded.delete_actor(evil) is False
    assert loaded.counts() == counts
