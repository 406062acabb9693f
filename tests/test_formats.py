"""YAML and CSV carry the same records as JSON Lines, on both stores."""

from __future__ import annotations

from pathlib import Path

import pytest
from actorgraph.graph.errors import InputError
from actorgraph.graph.facade import Graph
from actorgraph.graph.store import GraphStore
from actorgraph.ingest.loader import Loader

from tests.helpers import ROOT

FORMATS = ROOT / "examples" / "formats"


def test_yaml_example_loads_with_roles_statements_and_relations(store: GraphStore) -> None:
    report = Loader(store).load_file(FORMATS / "records.yaml")
    assert not report.skipped
    g = Graph(store)
    assert [b.actor.name for b in g.brokers("Israel", "Hamas")] == ["Egypt"]
    # the role yields speaks_for with its dates; the statement's on_behalf_of too
    rels = store.relations(types=["speaks_for"], source="sameh-shoukry")
    assert [r.target for r in rels] == ["egypt"]
    assert rels[0].valid_from == "2014-06-17"
    items, total = g.statements(actor="Shoukry")
    assert total == 1 and items[0]["about"][0]["id"] == "ceasefire-proposal"
    assert items[0]["date"] == "2024-05-02"  # the document's date, by default


def test_csv_files_one_per_kind(store: GraphStore) -> None:
    Loader(store).load_file(FORMATS / "actors.csv")
    Loader(store).load_file(FORMATS / "relations.csv")
    rels = store.relations(types=["mediates"])
    assert {(r.source, r.target) for r in rels} == {("qatar", "hamas"), ("egypt", "hamas")}
    assert Graph(store).resolve_actor("the resistance").id == "hamas"  # '|' splits aliases
    assert {r.evidence[0].confidence for r in rels} == {0.9, 0.8}


def test_yaml_error_names_the_line(store: GraphStore, tmp_path: Path) -> None:
    p = tmp_path / "bad.yaml"
    p.write_text("actors:\n  - name: A\n    type: state\n  - name: B\n    type: planet\n")
    with pytest.raises(InputError) as err:
        Loader(store).load_file(p)
    assert (err.value.line, err.value.field) == (4, "type")
    assert store.counts()["nodes"]["Actor"] == 0


def test_csv_without_a_kind_is_refused(store: GraphStore, tmp_path: Path) -> None:
    p = tmp_path / "people.csv"
    p.write_text("name,type\nA,person\n")
    with pytest.raises(InputError, match="kind"):
        Loader(store).load_file(p)
