"""The vocabulary file: loaded, checked, extendable without code."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from actorgraph.graph.schema import LABEL_PATTERN, SchemaError, default_schema, load_schema

from tests.helpers import ROOT


def test_bundled_vocabulary_has_the_core_types_with_equivalents() -> None:
    s = default_schema()
    assert s.relation("demands").cameo == "10"
    assert s.relation("rejects").plover == "REJECT"
    assert s.relation("mediates").intermediary
    assert set(s.channel_types) == {"mediates", "speaks_for"}
    assert {"rejects", "demands"} <= set(s.stance_types)
    for rt in s.relations.values():
        assert LABEL_PATTERN.match(rt.label)


def test_unknown_relation_type_names_the_known_ones() -> None:
    with pytest.raises(KeyError, match=r"known: .*mediates"):
        default_schema().relation("bribes")


def test_a_new_relation_type_needs_no_code(tmp_path: Path) -> None:
    data = yaml.safe_load((ROOT / "graph" / "schema.yaml").read_text())
    data["relations"]["funds"] = {
        "label": "FUNDS",
        "source": ["Actor"],
        "target": ["Actor"],
        "description": "The source funds the target.",
    }
    p = tmp_path / "schema.yaml"
    p.write_text(yaml.safe_dump(data))
    s = load_schema(p)
    assert "funds" in s.fact_types and "funds" in s.actor_relation_types


@pytest.mark.parametrize(
    "label",
    ["FUNDS`]->(x) DETACH DELETE x //", "funds", "FUNDS }) MATCH (n)", "1FUNDS", ""],
)
def test_labels_that_could_inject_cypher_are_refused(tmp_path: Path, label: str) -> None:
    data = yaml.safe_load((ROOT / "graph" / "schema.yaml").read_text())
    data["relations"]["funds"] = {"label": label, "source": ["Actor"], "target": ["Actor"]}
    p = tmp_path / "schema.yaml"
    p.write_text(yaml.safe_dump(data))
    with pytest.raises(SchemaError):
        load_schema(p)


def test_missing_core_type_is_refused(tmp_path: Path) -> None:
    data = yaml.safe_load((ROOT / "graph" / "schema.yaml").read_text())
    del data["relations"]["mediates"]
    p = tmp_path / "schema.yaml"
    p.write_text(yaml.safe_dump(data))
    with pytest.raises(SchemaError, match="mediates"):
        load_schema(p)


def test_walks_splits_types_into_both_ways_forward_and_never() -> None:
    """The one rule both stores walk paths by: ``traverse: both`` and symmetric types either
    way, ``forward`` types forward, derived and ``traverse: none`` types not at all."""
    s = default_schema()
    asked = ["rejects", "mediates", "allied_with", "owned_by", "made", "about", "mediates"]
    assert s.walks(asked) == (["allied_with", "mediates"], ["owned_by", "rejects"])
    assert s.relation("allied_with").both_ways and s.relation("speaks_for").both_ways
    assert not s.relation("owned_by").both_ways
    assert s.walks([]) == ([], [])
    with pytest.raises(KeyError, match="nosuch"):
        s.walks(["nosuch"])
