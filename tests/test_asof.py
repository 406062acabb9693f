"""The "as of" rule (graph/asof.py) on hand-made relations, and on both stores: an ended
record and a later contrary stance end a relation without erasing its history."""

from __future__ import annotations

from pathlib import Path

import pytest
from actorgraph.graph.asof import ended, in_force, in_force_among, started
from actorgraph.graph.errors import InputError
from actorgraph.graph.facade import Graph
from actorgraph.graph.model import Evidence, Relation
from actorgraph.graph.schema import default_schema
from actorgraph.graph.store import GraphStore
from actorgraph.ingest.loader import Loader

from tests.helpers import write_jsonl


def rel(t: str, *evidence: Evidence, source: str = "hamas", target: str = "x") -> Relation:
    return Relation(t, source, target, list(evidence))


def test_a_relation_holds_from_its_first_evidence_until_something_ends_it() -> None:
    r = rel("mediates", Evidence(date="2024-05-01"))
    assert not in_force(r, "2024-04-30")
    assert in_force(r, "2024-05-01") and in_force(r, "2025-01-01")
    # an ended record ends it from that day; evidence after it starts it again
    r.evidence.append(Evidence(sentence="stopped", date="2024-06-20", ended="2024-06-20"))
    assert in_force(r, "2024-06-19") and not in_force(r, "2024-06-20")
    assert started(r, "2024-07-01") == "2024-05-01" and ended(r, "2024-07-01") == "2024-06-20"
    r.evidence.append(Evidence(sentence="resumed", date="2024-07-02"))
    assert not in_force(r, "2024-07-01") and in_force(r, "2024-07-02")


def test_validity_bounds_and_undated_evidence() -> None:
    office = rel("speaks_for", Evidence(valid_from="2021-01-26", valid_to="2025-01-20"))
    assert in_force(office, "2024-05-01")
    assert not in_force(office, "2025-01-21") and not in_force(office, "2021-01-25")
    assert not in_force(rel("mediates", Evidence(sentence="undated")), "2024-05-01")


def test_a_later_contrary_stance_ends_a_stance_and_is_ended_in_turn() -> None:
    demand = rel("demands", Evidence(date="2024-05-01"))
    reject = rel("rejects", Evidence(date="2024-06-10"))
    again = rel("demands", Evidence(date="2024-05-01"), Evidence(date="2024-07-01"))
    contraries = {n: default_schema().contraries(n) for n in default_schema().relations}
    assert [r.type for r in in_force_among([demand, reject], "2024-06-01", contraries)] == [
        "demands"
    ]
    assert [r.type for r in in_force_among([demand, reject], "2024-06-10", contraries)] == [
        "rejects"
    ]
    assert [r.type for r in in_force_among([again, reject], "2024-07-01", contraries)] == [
        "demands"
    ]
    # a stance on another target, or of another actor, is not contrary
    other = rel("rejects", Evidence(date="2024-06-10"), target="y")
    assert in_force_among([demand, other], "2024-06-20", contraries) == [demand, other]
    # mediation has no contrary
    assert default_schema().contraries("mediates") == []


def test_ended_must_be_a_date(store: GraphStore, tmp_path: Path) -> None:
    bad = {
        "kind": "relation",
        "type": "mediates",
        "source": "qatar",
        "target": "hamas",
        "ended": "June",
    }
    with pytest.raises(InputError) as exc:
        Loader(store).load_file(write_jsonl(tmp_path / "bad.jsonl", [bad]))
    assert exc.value.field == "ended" and exc.value.line == 1


def test_statements_and_stances_as_of_on_both_stores(
    example_store: GraphStore, tmp_path: Path
) -> None:
    later = [
        {"kind": "topic", "id": "truce-terms", "name": "Truce terms"},
        {
            "kind": "relation",
            "type": "demands",
            "source": "hamas",
            "target": "truce-terms",
            "date": "2024-05-10",
        },
        {
            "kind": "relation",
            "type": "rejects",
            "source": "hamas",
            "target": "truce-terms",
            "date": "2024-06-10",
        },
        {
            "kind": "statement",
            "speaker": "hamas",
            "text": "We reject the terms.",
            "date": "2024-06-10",
        },
    ]
    Loader(example_store).load_file(write_jsonl(tmp_path / "later.jsonl", later))
    g = Graph(example_store)
    _, before = g.statements(actor="Hamas", as_of="2024-06-01")
    _, after = g.statements(actor="Hamas", as_of="2024-06-10")
    assert after == before + 1
    held = {s["type"] for s in g.stances("truce-terms", as_of="2024-06-01")[0]}
    assert held == {"demands"}
    held = {s["type"] for s in g.stances("truce-terms", as_of="2024-06-10")[0]}
    assert held == {"rejects"}
    # history: both stances, every piece of evidence, without as_of
    assert {s["type"] for s in g.stances("truce-terms")[0]} == {"demands", "rejects"}
    with pytest.raises(InputError) as exc:
        g.stances("truce-terms", as_of="10 June")
    assert exc.value.field == "as_of"


def test_brokerage_of_a_day_with_nothing_in_force(store: GraphStore) -> None:
    """An empty window is an answer with no actors, not an error (schemathesis found it)."""
    g = Graph(store)
    for answer in (g.brokerage("type", as_of="2000-01-01"), g.brokerage("intermediary")):
        (window,) = answer["windows"]
        assert window["actors"] == [] and window["order"] == 0
