"""Merging duplicate actors, undoing a merge, retracting a document: in the store, on both
backends (one transaction each, aggregates recomputed from the evidence left)."""

from __future__ import annotations

from pathlib import Path

import pytest
from actorgraph.graph import curation
from actorgraph.graph.errors import InputError, NotFoundError
from actorgraph.graph.exchange import dump
from actorgraph.graph.facade import Graph
from actorgraph.graph.model import ACTOR, STATEMENT
from actorgraph.graph.store import GraphStore
from actorgraph.ingest.loader import Loader

from tests.helpers import write_jsonl


def records(store: GraphStore) -> list[str]:
    return sorted(str(dump(r)) for r in store.iter_records())


def test_merge_moves_everything_and_unmerge_puts_it_back(example_store: GraphStore) -> None:
    store = example_store
    before, counts, v0 = records(store), store.counts(), store.version()
    out = curation.merge_actors(store, "qatar", "egypt")
    assert out.aliases == ["Qatar"] and out.relations == 3
    assert store.version() != v0
    assert store.get_nodes(ACTOR, ["qatar"]) == {}
    assert store.relations(actor="qatar") == []
    egypt = store.get_nodes(ACTOR, ["egypt"])["egypt"]
    assert "Qatar" in egypt.aliases
    assert store.lookup_names(["Qatar"])["Qatar"] == ["egypt"]
    # Qatar's three `mediates` joined Egypt's: one relation each, the shared sentence once
    mediates = store.relations(types=["mediates"], source="egypt")
    assert sorted(r.target for r in mediates) == ["hamas", "israel", "united-states"]
    assert store.counts()["relations"]["mediates"] == counts["relations"]["mediates"] - 3
    assert "qatar" not in store.intermediaries() and "egypt" in store.intermediaries()
    assert curation.merges(store) == {"qatar": "egypt"}
    with pytest.raises(NotFoundError):
        curation.merge_actors(store, "qatar", "egypt")

    back = curation.unmerge_actor(store, "qatar")
    assert back.into == "egypt"
    assert records(store) == before and store.counts() == counts
    assert "qatar" in store.intermediaries()
    assert curation.merges(store) == {}
    with pytest.raises(NotFoundError):
        curation.unmerge_actor(store, "qatar")


def test_merge_rewrites_statements_and_drops_loops(example_store: GraphStore) -> None:
    store = example_store
    before = records(store)
    said, _ = store.statements(actor="osama-hamdan", role="speaker", limit=100)
    assert said and all(s.on_behalf_of == "hamas" for s in said)
    out = curation.merge_actors(store, "osama-hamdan", "hamas")
    assert out.loops_dropped >= 1  # Hamdan speaks for Hamas: a loop once merged
    now = store.get_nodes(STATEMENT, [s.id for s in said])
    assert all(s.speaker == "hamas" and s.on_behalf_of is None for s in now.values())
    assert not [r for r in store.relations(actor="hamas") if r.source == r.target]
    g = Graph(store)
    assert g.resolve_actor("Osama Hamdan").id == "hamas"
    curation.unmerge_actor(store, "osama-hamdan")
    assert records(store) == before


def test_evidence_the_survivor_gains_later_stays_after_unmerge(
    example_store: GraphStore, tmp_path: Path
) -> None:
    store = example_store
    curation.merge_actors(store, "qatar", "egypt")
    later = {
        "kind": "relation",
        "type": "mediates",
        "source": "egypt",
        "target": "hamas",
        "evidence": "Egyptian officials carried the reply to Hamas.",
        "date": "2024-07-02",
    }
    Loader(store).load_file(write_jsonl(tmp_path / "later.jsonl", [later]))
    curation.unmerge_actor(store, "qatar")
    ev = store.relations(types=["mediates"], source="egypt", target="hamas")[0].evidence
    assert "Egyptian officials carried the reply to Hamas." in [e.sentence for e in ev]
    qatar = store.relations(types=["mediates"], source="qatar", target="hamas")[0].evidence
    assert [e.sentence for e in qatar if e.sentence and "Egyptian" in e.sentence] == []


def test_merge_refuses_what_makes_no_sense(example_store: GraphStore) -> None:
    with pytest.raises(InputError):
        curation.merge_actors(example_store, "qatar", "qatar")
    with pytest.raises(NotFoundError):
        curation.merge_actors(example_store, "nobody", "qatar")
    with pytest.raises(NotFoundError):
        curation.merge_actors(example_store, "qatar", "nobody")


SECOND = [
    {"kind": "document", "id": "second", "title": "Second report", "published": "2024-07-10"},
    {
        "kind": "relation",
        "type": "mediates",
        "source": "qatar",
        "target": "hamas",
        "evidence": "Qatari mediators met Hamas leaders in Doha.",
        "document": "second",
    },
    {
        "kind": "relation",
        "type": "supports",
        "source": "hezbollah",
        "target": "israel",
        "evidence": "An invented relation only this document supports.",
        "document": "second",
    },
    {
        "kind": "statement",
        "id": "second/s1",
        "speaker": "osama-hamdan",
        "on_behalf_of": "hamas",
        "text": "We will study the proposal.",
        "document": "second",
    },
]


def _with_second(store: GraphStore, tmp_path: Path) -> None:
    Loader(store).load_file(write_jsonl(tmp_path / "second.jsonl", SECOND))


def test_retraction_removes_what_only_the_document_supports(
    example_store: GraphStore, tmp_path: Path
) -> None:
    store = example_store
    before = records(store)
    _with_second(store, tmp_path)
    mediates = store.relations(types=["mediates"], source="qatar", target="hamas")[0]
    assert len(mediates.evidence) == 2
    assert store.relations(types=["supports"], source="hezbollah", target="israel")
    v = store.version()

    out = curation.retract_document(store, "second")
    assert (out.statements, out.relations_removed, out.relations_kept) == (1, 1, 2)
    assert out.evidence_removed == 3  # two relations' evidence and the statement's speaks_for
    assert store.version() != v
    assert store.get_nodes("Document", ["second"]) == {}
    assert store.get_nodes(STATEMENT, ["second/s1"]) == {}
    # kept with its other evidence, its dates recomputed from it
    kept = store.relations(types=["mediates"], source="qatar", target="hamas")[0]
    assert [e.document for e in kept.evidence] == ["ceasefire-talks-live-updates"]
    assert store.relations(types=["supports"], source="hezbollah", target="israel") == []
    # hamdan still speaks for hamas: the example's own evidence stays
    assert store.relations(types=["speaks_for"], source="osama-hamdan", target="hamas")
    assert records(store) == before
    assert [r["document"] for r in curation.retractions(store)] == ["second"]
    with pytest.raises(NotFoundError):
        curation.retract_document(store, "second")


def test_retracting_the_only_document_leaves_the_curated_roles(example_store: GraphStore) -> None:
    store = example_store
    out = curation.retract_document(store, "ceasefire-talks-live-updates")
    assert out.statements == 9
    left = store.counts()
    assert left["nodes"]["Statement"] == 0 and left["nodes"]["Document"] == 0
    # the offices actor records declare (no document) are the only relations left
    assert set(left["relations"]) == {"speaks_for"}
    assert all(e.origin.startswith("role:") for r in store.relations(limit=100) for e in r.evidence)
    assert store.intermediaries() == set()
