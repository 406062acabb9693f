"""GEXF and GraphML exports, read back by networkx (and GEXF checked against the 1.3 XSD),
compared with the store on both backends."""

from __future__ import annotations

import io
import random
from pathlib import Path

import networkx as nx
import pytest
from actorgraph.graph.errors import InputError
from actorgraph.graph.exports.gexf import write_gexf
from actorgraph.graph.exports.graphml import write_graphml
from actorgraph.graph.exports.stream import (
    evidence_interval,
    merge_intervals,
    read_stream,
    relation_intervals,
)
from actorgraph.graph.model import ACTOR, TOPIC, Evidence, Relation
from actorgraph.graph.store import MAX_ROWS, GraphStore

from tests.helpers import ROOT

XSD = ROOT / "tests" / "data" / "gexf-1.3" / "gexf.xsd"


def store_relations(store: GraphStore) -> dict[str, Relation]:
    return {r.key: r for r in store.relations(limit=MAX_ROWS)}


def store_nodes(store: GraphStore, kind: str) -> dict[str, object]:
    return {n.id: n for n in store.list_nodes(kind, limit=MAX_ROWS)}


def spells(data: dict) -> list[tuple[str | None, str | None]] | None:
    """Spells as networkx reads them, an omitted (open) start or end as None (networkx's
    reader turns a missing attribute into the string 'None')."""
    raw = data.get("spells")
    if raw is None:
        return None
    return [tuple(None if x in (None, "None") else x for x in s) for s in raw]  # type: ignore[misc]


def gexf_of(records: object, tmp_path: Path, **kw: object) -> Path:
    path = tmp_path / "graph.gexf"
    with path.open("w", encoding="utf-8") as fh:
        write_gexf(records, fh, **kw)  # type: ignore[arg-type]
    return path


# ---------------------------------------------------------------------- GEXF
def test_gexf_reads_back_as_the_store(example_store: GraphStore, tmp_path: Path) -> None:
    path = gexf_of(example_store.iter_records(), tmp_path)
    g = nx.read_gexf(path, version="1.3")
    actors, topics = store_nodes(example_store, ACTOR), store_nodes(example_store, TOPIC)
    assert set(g.nodes) == set(actors) | set(topics)
    for i, a in actors.items():
        assert g.nodes[i]["label"] == a.name and g.nodes[i]["type"] == a.type  # type: ignore[attr-defined]
        assert g.nodes[i]["kind"] == "Actor"
    assert g.nodes["qatar"]["intermediary"] is True
    assert g.nodes["hamas"]["intermediary"] is False
    rels = store_relations(example_store)
    symmetric = {k for k, r in rels.items() if example_store.schema.relation(r.type).symmetric}
    # one edge per relation; a symmetric one (allied_with) is "mutual": networkx adds both ways
    assert g.number_of_edges() == len(rels) + len(symmetric)
    seen = set()
    for u, v, key, data in g.edges(keys=True, data=True):
        r = rels[key]
        if (u, v) != (r.source, r.target):
            assert key in symmetric and (v, u) == (r.source, r.target)
        seen.add(key)
        assert data["type"] == r.type
        assert data["weight"] == len(r.evidence) == data["evidence"]
        assert data["confidence"] == pytest.approx(r.confidence)
        assert data.get("first_seen") == (r.dates[0] if r.dates else None)
    assert seen == set(rels)


def test_gexf_spells_are_the_evidence_dates(example_store: GraphStore, tmp_path: Path) -> None:
    g = nx.read_gexf(gexf_of(example_store.iter_records(), tmp_path), version="1.3")
    rels = store_relations(example_store)
    for _u, _v, key, data in g.edges(keys=True, data=True):
        r = rels[key]
        want = relation_intervals(r)
        got = spells(data)
        if want is None:
            assert got is None, key
        else:
            assert got == want, key
    # Netanyahu's role holds from 2022-12-29 on: an open spell; the statement of 2024-04-30
    # falls inside it
    assert spells(g.nodes["benjamin-netanyahu"]) == [("2022-12-29", None)]
    # Osama Hamdan's role (spokesman) has no dates: it adds no spell; his statements of
    # 2024-05-01 give the edge and him their day
    assert spells(g.nodes["osama-hamdan"]) == [("2024-05-01", "2024-05-01")]
    # each node's spells cover its edges' spells
    for n in g.nodes:
        node_spells = spells(g.nodes[n])
        if node_spells is None:
            continue
        for _u, _v, data in g.edges(n, data=True):
            for lo, hi in spells(data) or []:
                assert any(
                    (nlo is None or (lo is not None and nlo <= lo))
                    and (nhi is None or (hi is not None and hi <= nhi))
                    for nlo, nhi in node_spells
                ), (n, lo, hi)


def test_gexf_is_valid_gexf_1_3(example_store: GraphStore, tmp_path: Path) -> None:
    from lxml import etree

    schema = etree.XMLSchema(etree.parse(str(XSD)))
    doc = etree.parse(str(gexf_of(example_store.iter_records(), tmp_path)))
    assert schema.validate(doc), schema.error_log
    # and the schema does refuse what is not GEXF 1.3
    bad = etree.fromstring(etree.tostring(doc).replace(b'version="1.3"', b'version="1.2"'))
    assert not schema.validate(bad)


def test_gexf_without_topics_and_with_extra_node_columns(
    example_store: GraphStore, tmp_path: Path
) -> None:
    camps = {"hamas": "axis", "israel": "israel-us", "qatar": "mediators"}
    z = {"qatar": 2.5, "hamas": -0.25}
    path = gexf_of(
        example_store.iter_records(),
        tmp_path,
        topics=False,
        node_attributes={"camp": camps, "liaison_z": z},
    )
    g = nx.read_gexf(path, version="1.3")
    assert not set(store_nodes(example_store, TOPIC)) & set(g.nodes)
    assert all(
        d["type"] in ("speaks_for", "mediates") or g.nodes[v]["kind"] == "Actor"
        for _, v, d in g.edges(data=True)
    )
    assert g.nodes["qatar"]["camp"] == "mediators" and g.nodes["qatar"]["liaison_z"] == 2.5
    assert "camp" not in g.nodes["egypt"]


def test_gexf_relation_without_any_date_shows_throughout(tmp_path: Path) -> None:
    records = [
        {"kind": "actor", "id": "hamas", "name": "Hamas", "type": "organization"},
        {"kind": "actor", "id": "qatar", "name": "Qatar", "type": "state"},
        {"kind": "actor", "id": "egypt", "name": "Egypt", "type": "state"},
        {
            "kind": "actor",
            "id": "hamdan",
            "name": "Osama Hamdan",
            "type": "person",
            "roles": [{"title": "Spokesman", "of": "hamas"}],
        },
        {
            "kind": "relation",
            "type": "mediates",
            "source": "qatar",
            "target": "hamas",
            "evidence": "Qatar relayed it.",
            "date": "2024-05-02",
        },
    ]
    g = nx.read_gexf(gexf_of(records, tmp_path), version="1.3")
    # the role gives hamdan -> hamas with no date at all: no spells on it, nor on either end
    edge = next(d for u, v, d in g.edges(data=True) if (u, v) == ("hamdan", "hamas"))
    assert edge["type"] == "speaks_for" and spells(edge) is None
    assert spells(g.nodes["hamdan"]) is None and spells(g.nodes["hamas"]) is None
    assert spells(g.nodes["qatar"]) == [("2024-05-02", "2024-05-02")]
    assert spells(g.nodes["egypt"]) is None  # no relation: always there


# ---------------------------------------------------------------------- time semantics
def test_spells_agree_with_the_stores_window_rule() -> None:
    """A relation is in a window exactly when one of its spells overlaps it."""
    rng = random.Random(11)
    days = [f"2024-05-{d:02d}" for d in range(1, 29)]

    def maybe() -> str | None:
        return rng.choice(days) if rng.random() < 0.5 else None

    for _ in range(400):
        evidence = []
        for _ in range(rng.randrange(1, 4)):
            vf, vt = sorted([maybe() or "", maybe() or ""])
            evidence.append(Evidence(date=maybe(), valid_from=vf or None, valid_to=vt or None))
        r = Relation("demands", "a", "b", evidence)
        spans = relation_intervals(r)
        since, until = sorted(rng.sample(days, 2))
        if spans is None:
            assert not r.in_window(since, until)
            continue
        overlaps = any(
            (lo is None or lo <= until) and (hi is None or hi >= since) for lo, hi in spans
        )
        assert overlaps == r.in_window(since, until), (r.evidence, since, until, spans)


def test_merge_intervals_and_evidence_interval() -> None:
    assert evidence_interval(Evidence(date="2024-05-01")) == ("2024-05-01", "2024-05-01")
    assert evidence_interval(Evidence(valid_from="2022-12-29")) == ("2022-12-29", None)
    assert evidence_interval(Evidence(valid_to="2025-01-20")) == (None, "2025-01-20")
    assert evidence_interval(Evidence()) is None
    assert merge_intervals([(None, "2024-01-01"), ("2023-06-01", "2024-02-01")]) == [
        (None, "2024-02-01")
    ]
    assert merge_intervals([("2024-05-01", None), ("2024-06-01", "2024-07-01")]) == [
        ("2024-05-01", None)
    ]


# ---------------------------------------------------------------------- awkward text
AWKWARD = [
    {"kind": "document", "id": "d1", "title": "T", "published": "2024-05-01"},
    {"kind": "actor", "id": "a+b", "name": 'A "quoted" <name> & co\x0b', "type": "organization"},
    {"kind": "actor", "id": "c", "name": "Ça\tva\nbien", "type": "person", "aliases": ["C|D"]},
    {
        "kind": "relation",
        "type": "demands",
        "source": "a+b",
        "target": "c",
        "evidence": 'He said: <b>"now"</b> & \x01then',
        "document": "d1",
        "date": "2024-05-01",
    },
]


def test_markup_and_control_characters_survive_both_xml_formats(tmp_path: Path) -> None:
    g = nx.read_gexf(gexf_of(AWKWARD, tmp_path), version="1.3")
    assert g.nodes["a+b"]["label"] == 'A "quoted" <name> & co'
    edge = next(iter(g.edges(data=True)))[2]
    assert edge["sentence"] == 'He said: <b>"now"</b> & then'
    out = io.StringIO()
    write_graphml(AWKWARD, out)
    h = nx.read_graphml(io.BytesIO(out.getvalue().encode()))
    assert h.nodes["a+b"]["label"] == 'A "quoted" <name> & co'
    assert h.nodes["c"]["label"] == "Ça\tva\nbien"
    # markup never reaches an id: the exchange format refuses it, naming the record and field
    bad = [{**AWKWARD[1], "id": "a&b"}]
    with pytest.raises(InputError, match=r"<records>:1: field 'id': 'a&b' is not a valid id"):
        write_graphml(bad, io.StringIO())


# ---------------------------------------------------------------------- GraphML
def test_graphml_reads_back_as_the_store(example_store: GraphStore, tmp_path: Path) -> None:
    path = tmp_path / "graph.graphml"
    with path.open("w", encoding="utf-8") as fh:
        summary = write_graphml(example_store.iter_records(), fh)
    g = nx.read_graphml(path)
    actors, topics = store_nodes(example_store, ACTOR), store_nodes(example_store, TOPIC)
    assert set(g.nodes) == set(actors) | set(topics)
    assert g.nodes["antony-blinken"]["label"] == "Antony J. Blinken"
    assert g.nodes["ceasefire-proposal"]["kind"] == "Topic"
    rels = store_relations(example_store)
    assert summary.counts == {"nodes": len(actors) + len(topics), "edges": len(rels)}
    keys = {k for _u, _v, k in g.edges(keys=True)}
    assert keys == set(rels)
    for u, v, k, data in g.edges(keys=True, data=True):
        r = rels[k]
        assert (u, v) == (r.source, r.target)
        assert data["evidence"] == len(r.evidence)
        assert data["symmetric"] is example_store.schema.relation(r.type).symmetric
        assert data.get("dates", "").split() == r.dates
        assert data.get("valid_from") == r.valid_from


def test_read_stream_joins_role_evidence_to_its_relation() -> None:
    records = [
        {"kind": "actor", "id": "israel", "name": "Israel", "type": "state"},
        {
            "kind": "actor",
            "id": "bn",
            "name": "Benjamin Netanyahu",
            "type": "person",
            "roles": [{"title": "Prime Minister", "of": "israel", "from": "2022-12-29"}],
        },
        {
            "kind": "actor",
            "id": "yg",
            "name": "Yoav Gallant",
            "type": "person",
            "roles": [{"title": "Defence Minister", "of": "israel"}],
        },
        {
            "kind": "relation",
            "type": "speaks_for",
            "source": "bn",
            "target": "israel",
            "evidence": "Netanyahu said.",
            "date": "2024-04-30",
        },
    ]
    rels = [item for kind, item, _ in read_stream(records) if kind == "relation"]
    assert [(r.source, len(r.evidence)) for r in rels] == [("bn", 2), ("yg", 1)]
    role = rels[0].evidence[1]
    assert (role.sentence, role.valid_from, role.origin) == (
        "Benjamin Netanyahu: Prime Minister",
        "2022-12-29",
        "role:curated",
    )
    assert not [k for k, _i, _c in read_stream(records, roles=False) if k == "relation"][1:]


def test_the_stream_brings_each_relations_evidence_together(example_store: GraphStore) -> None:
    """What the exporters rely on (graph/exports/stream.py): nodes first, then relations
    sorted by key with a relation's evidence records one after the other."""
    recs = list(example_store.iter_records())
    kinds = [r.kind for r in recs]
    first_relation = kinds.index("relation")
    assert "relation" not in {k for k in kinds[:first_relation]}
    assert set(kinds[first_relation:]) == {"relation"}
    keys = [f"{r.type}|{r.source}|{r.target}" for r in recs[first_relation:]]  # type: ignore[union-attr]
    assert keys == sorted(keys)
    whole = [(kind, item) for kind, item, _c in read_stream(recs) if kind == "relation"]
    assert len({r.key for _k, r in whole}) == len(whole)  # no relation came in pieces
