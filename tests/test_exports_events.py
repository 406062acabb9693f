"""PLOVER event records and FollowTheMoney entities, read back (json, pandas, the
``followthemoney`` model) and compared with the store on both backends."""

from __future__ import annotations

import io
import json
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from actorgraph.graph.exports import FORMATS, export
from actorgraph.graph.exports.ftm import MAX_SENTENCES, iter_ftm, write_ftm
from actorgraph.graph.exports.plover import QUAD, iter_plover, write_plover
from actorgraph.graph.model import ACTOR, DOCUMENT, TOPIC
from actorgraph.graph.store import MAX_ROWS, GraphStore
from followthemoney import model
from followthemoney.proxy import EntityProxy

from tests.helpers import ROOT
from tests.streams import CountingStream


def lines(text: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in text.splitlines()]


# ---------------------------------------------------------------------- PLOVER
def plover_of(store: GraphStore) -> tuple[list[dict[str, Any]], Any]:
    buf = io.StringIO()
    summary = write_plover(store.iter_records(), buf)
    return lines(buf.getvalue()), summary


def test_plover_records_are_the_stores_events(example_store: GraphStore) -> None:
    events, summary = plover_of(example_store)
    schema = example_store.schema
    want: Counter[tuple[Any, ...]] = Counter()
    for r in example_store.relations(limit=MAX_ROWS):
        rt = schema.relation(r.type)
        for e in r.evidence:
            if rt.plover and e.date:
                want[(rt.plover, r.source, r.target, e.date, e.sentence)] += 1
    got: Counter[tuple[Any, ...]] = Counter()
    for ev in events:
        target = (
            ev["recipient"][0]["actorgraph_id"] if ev["recipient"] else ev["issue"]["actorgraph_id"]
        )
        got[
            (ev["event"][0], ev["actor"][0]["actorgraph_id"], target, ev["date"], ev.get("text"))
        ] += 1
    assert got == want
    assert sum(summary.counts.values()) == len(events)
    assert summary.skipped["speaks_for has no PLOVER equivalent"] > 0
    assert len({ev["id"] for ev in events}) == len(events)


def test_plover_fields_follow_the_manual(example_store: GraphStore) -> None:
    events, _ = plover_of(example_store)
    for ev in events:
        # required by the PLOVER data-field table: id, date, actor, event
        assert {"id", "date", "actor", "event"} <= set(ev)
        assert isinstance(ev["event"], list) and isinstance(ev["actor"], list)
        assert ev["quad_code"] == QUAD[ev["event"][0]]
    threat = next(
        ev
        for ev in events
        if ev["event"] == ["THREATEN"] and ev["actor"][0]["actorgraph_id"] == "hamas"
    )
    assert threat["recipient"][0]["entity_text"] == "Israel"
    assert threat["text_info"] == {"start": 1965, "end": 2076}
    assert threat["cite_info"]["title"] == "Israel-Hamas War Ceasefire Talks: Live Updates"
    assert threat["statement"] == "ceasefire-talks-live-updates/s4" and threat["cameo"] == "13"
    reject = next(
        ev
        for ev in events
        if ev["relation"] == "rejects" and ev["actor"][0]["actorgraph_id"] == "israel"
    )
    assert reject["recipient"] == [] and reject["issue"]["text"] == "a permanent cease-fire"
    df = pd.read_json(io.StringIO("".join(json.dumps(e) + "\n" for e in events)), lines=True)
    assert len(df) == len(events) and set(df["date"].astype(str).str[:10]) == {"2024-05-01"}


def test_plover_event_names_are_plovers() -> None:
    """The vocabulary's PLOVER names all occur in PLOVER's own gold-standard records."""
    gold = {
        json.loads(line)["event"]
        for line in (ROOT / "examples" / "plover" / "plover-gsr-dev.jsonl").read_text().splitlines()
    }
    from actorgraph.graph.schema import default_schema

    ours = {r.plover for r in default_schema().relations.values() if r.plover}
    assert ours and ours <= gold
    assert {"DEMAND", "REJECT", "CONSULT"} <= ours


def test_plover_leaves_undated_evidence_out() -> None:
    records = [
        {"kind": "actor", "id": "a", "name": "A", "type": "state"},
        {"kind": "actor", "id": "b", "name": "B", "type": "state"},
        {
            "kind": "relation",
            "type": "demands",
            "source": "a",
            "target": "b",
            "evidence": "A asked B.",
        },
        {
            "kind": "relation",
            "type": "rejects",
            "source": "a",
            "target": "b",
            "evidence": "A refused.",
            "date": "2024-07-01",
        },
    ]
    buf = io.StringIO()
    summary = write_plover(records, buf)
    assert [e["event"] for e in lines(buf.getvalue())] == [["REJECT"]]
    assert summary.skipped == {"evidence without a date": 1}


# ---------------------------------------------------------------------- FollowTheMoney
def ftm_of(store: GraphStore) -> tuple[list[dict[str, Any]], Any]:
    buf = io.StringIO()
    summary = write_ftm(store.iter_records(), buf)
    return lines(buf.getvalue()), summary


def test_every_ftm_entity_is_valid_in_the_followthemoney_model(example_store: GraphStore) -> None:
    entities, _ = ftm_of(example_store)
    by_id = {e["id"]: e for e in entities}
    assert len(by_id) == len(entities)
    for e in entities:
        schema = model.get(e["schema"])
        assert schema is not None and not schema.abstract, e["schema"]
        schema.validate(e)  # raises InvalidData with the reasons
        proxy = EntityProxy.from_dict(e)  # FtM's own reading keeps every value
        for prop, values in e["properties"].items():
            p = schema.get(prop)
            assert p is not None, (e["schema"], prop)
            assert sorted(proxy.get(prop)) == sorted(values), (e["id"], prop)
            if p.type.name == "entity":  # references point at exported entities of the right schema
                for ref in values:
                    assert ref in by_id, (e["id"], prop, ref)
                    assert model.get(by_id[ref]["schema"]).is_a(p.range), (e["id"], prop, ref)


def test_ftm_entities_are_the_stores_contents(example_store: GraphStore) -> None:
    entities, summary = ftm_of(example_store)
    schemata = Counter(e["schema"] for e in entities)
    types = example_store.counts()["actor_types"]
    assert schemata["Person"] == types["person"]
    assert schemata["Organization"] == types["organization"]
    assert schemata["PublicBody"] == types["state"]
    assert schemata["Article"] == len(example_store.list_nodes(DOCUMENT, limit=MAX_ROWS))
    assert schemata["Event"] == len(example_store.list_nodes(TOPIC, limit=MAX_ROWS))
    rels = {r.key: r for r in example_store.relations(limit=MAX_ROWS)}
    edges = {e["properties"]["recordId"][0]: e for e in entities if "recordId" in e["properties"]}
    assert set(edges) == set(rels)
    for key, e in edges.items():
        r = rels[key]
        assert e["properties"].get("date", []) == sorted({ev.date for ev in r.evidence if ev.date})
        assert len(e["properties"].get("summary", [])) == min(
            MAX_SENTENCES, len({ev.sentence for ev in r.evidence if ev.sentence})
        )
    blinken = edges["speaks_for|antony-blinken|united-states"]
    assert blinken["schema"] == "Representation"
    assert blinken["properties"]["role"] == ["Secretary of State"]
    assert blinken["properties"]["startDate"] == ["2021-01-26"]
    assert blinken["properties"]["agent"] == ["ag-actor-antony-blinken"]
    assert edges["mediates|qatar|hamas"]["properties"]["role"] == ["mediator"]
    owned = edges["owned_by|al-manar|hezbollah"]
    assert owned["schema"] == "Control" and owned["properties"]["controller"] == [
        "ag-actor-hezbollah"
    ]
    _, total = example_store.statements(limit=1)
    assert schemata["Documentation"] == total
    assert sum(summary.counts.values()) == len(entities)
    names = {
        e["properties"]["name"][0] for e in entities if e["schema"] in ("Person", "PublicBody")
    }
    assert {
        a.name for a in example_store.list_nodes(ACTOR, limit=MAX_ROWS) if a.type != "organization"
    } == names


@pytest.mark.parametrize("export", [iter_plover, iter_ftm])
def test_line_formats_are_written_while_the_stream_is_read(export: Any) -> None:
    stream = CountingStream(5000)
    out = export(stream)
    first = next(out)
    assert first.endswith("\n")
    assert 0 < stream.taken < 5000
    assert sum(1 for _ in out) > 1000


# ---------------------------------------------------------------------- the registry
@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_every_format_exports_through_the_registry(
    example_store: GraphStore, tmp_path: Path, fmt: str
) -> None:
    f = FORMATS[fmt]
    target = tmp_path / "out" / f"export{f.extension}"
    target.parent.mkdir()
    summary = export(
        example_store.iter_records(), fmt, target.parent if f.shape == "tables" else target
    )
    assert summary.format == fmt and sum(summary.counts.values()) > 0
    written = sorted(p.name for p in target.parent.iterdir())
    assert not [n for n in written if n.endswith(".part")]
    if f.shape == "file":
        assert written == [target.name]
        text = target.read_text(encoding="utf-8")
        assert text == "".join(f.chunks()(example_store.iter_records()))
    else:
        assert len(written) == 5


def test_unknown_format_and_failed_file_export(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="unknown export format 'dot'"):
        export([], "dot", tmp_path / "x.dot")

    def broken() -> Iterator[dict[str, Any]]:
        yield {"kind": "actor", "id": "a", "name": "A", "type": "state"}
        raise RuntimeError("disk gone")

    with pytest.raises(RuntimeError):
        export(broken(), "graphml", tmp_path / "x.graphml")
    assert list(tmp_path.iterdir()) == []
