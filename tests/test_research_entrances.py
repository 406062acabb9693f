"""The research features through the entrances users reach (the ``actorgraph`` command as a
process, the HTTP API), on both backends: every export format read back by its own reader
and compared with the store; brokerage; duplicate review whose merges survive re-ingest;
retraction; "as of" questions."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import networkx as nx
import pandas as pd
import pytest
import yaml
from actorgraph.api.app import create_app
from actorgraph.graph.brokerage import actor_digraph, brokerage
from actorgraph.graph.embedded import EmbeddedStore
from actorgraph.graph.exports import FORMATS
from actorgraph.graph.model import ACTOR, TOPIC
from actorgraph.graph.store import MAX_ROWS, GraphStore
from fastapi.testclient import TestClient
from followthemoney import model

from tests.helpers import (
    AUTH,
    BIN,
    NEO4J_PASSWORD,
    NEO4J_URI,
    NEO4J_USER,
    ROOT,
    assert_error,
    settings_for,
    snapshot,
    wait_job,
    write_jsonl,
)

#: The camps of docs/research.md's worked question.
CAMPS = {
    "hamas": ["hamas", "osama-hamdan"],
    "israel-us": ["israel", "united-states"],
    "mediators": ["qatar", "egypt"],
}


# ---------------------------------------------------------------------- entrances
def cli(
    store: GraphStore, args: list[str], tmp_path: Path, check: bool = True
) -> subprocess.CompletedProcess[str]:
    """``actorgraph ARGS`` as a process on the test's store (either backend)."""
    where = str(store.directory) if isinstance(store, EmbeddedStore) else NEO4J_URI
    env = {
        **os.environ,
        "ACTORGRAPH_STORE": where,
        "NEO4J_USER": NEO4J_USER,
        "NEO4J_PASSWORD": NEO4J_PASSWORD,
        "ACTORGRAPH_DECISIONS": str(tmp_path / "decisions.yaml"),
        "COLUMNS": "200",
    }
    p = subprocess.run(
        [str(BIN), *args], capture_output=True, text=True, env=env, timeout=180, cwd=ROOT
    )
    if check:
        assert p.returncode == 0, p.stderr
    return p


@pytest.fixture
def api(example_store: GraphStore, tmp_path: Path) -> Iterator[TestClient]:
    settings = settings_for(tmp_path, decisions=str(tmp_path / "decisions.yaml"))
    client = TestClient(create_app(settings, store=example_store), raise_server_exceptions=False)
    with client:
        yield client


# ---------------------------------------------------------------------- exports
def _relations(store: GraphStore) -> dict[str, Any]:
    return {r.key: r for r in store.relations(limit=MAX_ROWS)}


def _evidence_rows(store: GraphStore) -> Counter[tuple[Any, ...]]:
    out: Counter[tuple[Any, ...]] = Counter()
    for r in store.relations(limit=MAX_ROWS):
        for e in r.evidence:
            out[(r.type, r.source, r.target, e.date, e.sentence)] += 1
    return out


def _table_rows(rows: list[dict[str, Any]]) -> Counter[tuple[Any, ...]]:
    def none(v: Any) -> Any:
        if v is None or v == "" or (isinstance(v, float) and v != v):
            return None
        return v.isoformat() if hasattr(v, "isoformat") else v

    return Counter(
        tuple(none(row[c]) for c in ("type", "source", "target", "date", "sentence"))
        for row in rows
    )


def check_export(fmt: str, data: bytes, store: GraphStore, tmp_path: Path) -> None:
    """``data`` (the relations table for csv and parquet) read by the format's own reader
    holds what the store holds."""
    actors = {a.id for a in store.list_nodes(ACTOR, limit=MAX_ROWS)}
    topics = {t.id for t in store.list_nodes(TOPIC, limit=MAX_ROWS)}
    rels = _relations(store)
    path = tmp_path / f"read.{fmt}"
    path.write_bytes(data)
    if fmt in ("gexf", "graphml"):
        g = nx.read_gexf(path, version="1.3") if fmt == "gexf" else nx.read_graphml(path)
        assert set(g.nodes) == actors | topics
        if fmt == "gexf":
            assert {k for _, _, k in g.edges(keys=True)} == set(rels)
        else:
            got = Counter((u, v, d["type"]) for u, v, d in g.edges(data=True))
            assert got == Counter((r.source, r.target, r.type) for r in rels.values())
    elif fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(data.decode("utf-8"))))
        assert _table_rows(rows) == _evidence_rows(store)
        assert len(pd.read_csv(path)) == store.counts()["evidence"]
    elif fmt == "parquet":
        df = pd.read_parquet(path)
        assert _table_rows(df.to_dict("records")) == _evidence_rows(store)
    elif fmt == "plover":
        events = [json.loads(line) for line in data.decode("utf-8").splitlines()]
        want = Counter(
            (store.schema.relation(r.type).plover, r.source, r.target, e.date)
            for r in rels.values()
            for e in r.evidence
            if store.schema.relation(r.type).plover and e.date
        )
        got = Counter(
            (
                ev["event"][0],
                ev["actor"][0]["actorgraph_id"],
                (ev["recipient"] or [ev.get("issue")])[0]["actorgraph_id"],
                ev["date"],
            )
            for ev in events
        )
        assert got == want and events
    elif fmt == "ftm":
        entities = [json.loads(line) for line in data.decode("utf-8").splitlines()]
        for e in entities:
            model.get(e["schema"]).validate(e)
        schemata = Counter(e["schema"] for e in entities)
        types = store.counts()["actor_types"]
        assert schemata["Person"] == types["person"]
        assert schemata["PublicBody"] == types["state"]
    else:
        raise AssertionError(fmt)


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_cli_export_each_format_reads_back_as_the_store(
    example_store: GraphStore, tmp_path: Path, fmt: str
) -> None:
    out = tmp_path / ("tables" if FORMATS[fmt].shape == "tables" else f"graph.{fmt}")
    p = cli(example_store, ["export", "--format", fmt, "--out", str(out)], tmp_path)
    assert "wrote" in p.stderr
    if FORMATS[fmt].shape == "tables":
        assert sorted(x.name for x in out.iterdir()) == sorted(
            f"{t}.{fmt}" for t in ("actors", "documents", "relations", "statements", "topics")
        )
        out = out / f"relations.{fmt}"
    check_export(fmt, out.read_bytes(), example_store, tmp_path)


def test_cli_export_to_stdout_and_bad_format(example_store: GraphStore, tmp_path: Path) -> None:
    p = cli(example_store, ["export", "--format", "gexf"], tmp_path)
    check_export("gexf", p.stdout.encode("utf-8"), example_store, tmp_path)
    bad = cli(example_store, ["export", "--format", "xls"], tmp_path, check=False)
    assert bad.returncode == 2 and "unknown export format 'xls'" in bad.stderr
    tables = cli(example_store, ["export", "--format", "csv"], tmp_path, check=False)
    assert tables.returncode == 2 and "--out" in tables.stderr


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_api_export_each_format_reads_back_as_the_store(
    api: TestClient, example_store: GraphStore, tmp_path: Path, fmt: str
) -> None:
    r = api.get("/export", params={"format": fmt})
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].startswith(FORMATS[fmt].media_type)
    check_export(fmt, r.content, example_store, tmp_path)
    if FORMATS[fmt].shape == "tables":
        actors = api.get("/export", params={"format": fmt, "table": "actors"})
        assert actors.status_code == 200
        assert b"osama-hamdan" in actors.content


def test_api_export_refuses_an_unknown_format(api: TestClient) -> None:
    assert_error(api.get("/export", params={"format": "xls"}), 422)


# ---------------------------------------------------------------------- brokerage
def _camps_file(tmp_path: Path) -> Path:
    path = tmp_path / "camps.yaml"
    path.write_text(yaml.safe_dump(CAMPS), encoding="utf-8")
    return path


def test_brokerage_by_camps_matches_the_library(
    example_store: GraphStore, api: TestClient, tmp_path: Path
) -> None:
    camp_of = {a: c for c, members in CAMPS.items() for a in members}
    g = actor_digraph(example_store.projection(example_store.schema.actor_relation_types))
    want = brokerage(g, lambda n: camp_of.get(n, "other"))
    p = cli(
        example_store,
        ["brokerage", "--group-by", str(_camps_file(tmp_path)), "--top", "50", "--json"],
        tmp_path,
    )
    data = json.loads(p.stdout)
    (window,) = data["windows"]
    got = {a["actor"]["id"]: a for a in window["actors"]}
    assert set(got) == set(want.actors)
    for actor, scores in want.actors.items():
        assert got[actor]["raw"] == scores.scores.raw, actor
        assert got[actor]["group"] == camp_of.get(actor, "other")
    # Qatar and Egypt: liaison between Hamas and the US both ways, itinerant Israel -> US
    assert got["qatar"]["raw"]["liaison"] == 2 and got["qatar"]["raw"]["itinerant"] == 1
    assert 0 < got["qatar"]["constraint"] < 1
    # the API gives the same numbers
    params: list[tuple[str, Any]] = [("group_by", "groups"), ("top", 50)]
    params += [("group", f"{a}={c}") for c, m in CAMPS.items() for a in m]
    r = api.get("/brokerage", params=params)
    assert r.status_code == 200, r.text
    api_actors = {a["actor"]["id"]: a["raw"] for a in r.json()["windows"][0]["actors"]}
    assert api_actors == {i: a["raw"] for i, a in got.items()}
    # by actor type too; a bad grouping is one clear error
    by_type = json.loads(cli(example_store, ["brokerage", "--json"], tmp_path).stdout)
    groups = {a["group"] for a in by_type["windows"][0]["actors"]}
    assert groups <= {"person", "organization", "state"}
    assert_error(api.get("/brokerage", params={"group_by": "groups"}), 422)
    both = {"as_of": "2024-05-01", "since": "2024-05-01"}
    assert assert_error(api.get("/brokerage", params=both), 422)["details"]["field"] == "as_of"


def test_brokerage_per_month_and_as_of(example_store: GraphStore, tmp_path: Path) -> None:
    args = ["brokerage", "--group-by", str(_camps_file(tmp_path)), "--json", "--top", "50"]
    months = json.loads(
        cli(
            example_store,
            [*args, "--since", "2024-05-01", "--until", "2024-07-31", "--by-month"],
            tmp_path,
        ).stdout
    )
    assert [w["since"] for w in months["windows"]] == ["2024-05-01", "2024-06-01", "2024-07-01"]
    may = {a["actor"]["id"]: a["raw"] for a in months["windows"][0]["actors"]}
    assert may["qatar"]["liaison"] == 2
    # as of a day in July the May mediation still holds (nothing ended it)
    july = json.loads(cli(example_store, [*args, "--as-of", "2024-07-15"], tmp_path).stdout)
    assert july["windows"][0]["as_of"] == "2024-07-15"
    held = {a["actor"]["id"]: a["raw"] for a in july["windows"][0]["actors"]}
    assert held["qatar"]["liaison"] == 2
    # before anything was reported, only the offices held then (Blinken for the United
    # States, Netanyahu for Israel: roles with a start date) hold
    before = json.loads(cli(example_store, [*args, "--as-of", "2024-04-01"], tmp_path).stdout)
    ids = {a["actor"]["id"] for a in before["windows"][0]["actors"]}
    assert ids == {"antony-blinken", "united-states", "benjamin-netanyahu", "israel"}


# ---------------------------------------------------------------------- duplicate review
TWIN = [
    {"kind": "document", "id": "report-2", "title": "Second report", "published": "2024-06-03"},
    {"kind": "actor", "id": "binyamin-netanyahu", "name": "Binyamin Netanyahu", "type": "person"},
    {
        "kind": "relation",
        "type": "rejects",
        "source": "binyamin-netanyahu",
        "target": "hamas",
        "evidence": "Binyamin Netanyahu rejected Hamas' conditions.",
        "document": "report-2",
    },
]


def test_duplicates_merge_survives_reingest_and_unmerge(
    example_store: GraphStore, tmp_path: Path
) -> None:
    twin = write_jsonl(tmp_path / "twin.jsonl", TWIN)
    cli(example_store, ["ingest", str(twin)], tmp_path)
    found = json.loads(cli(example_store, ["duplicates", "--json"], tmp_path).stdout)
    pair = {(c["keep"], c["merge"]) for c in found["data"]}
    assert ("benjamin-netanyahu", "binyamin-netanyahu") in pair
    clue = next(c for c in found["data"] if c["merge"] == "binyamin-netanyahu")["clues"][0]
    assert clue["kind"] == "transliteration"

    out = cli(
        example_store,
        ["merge", "Binyamin Netanyahu", "benjamin-netanyahu", "--by", "ana", "--json"],
        tmp_path,
    )
    assert json.loads(out.stdout)["into"] == "benjamin-netanyahu"
    decisions = yaml.safe_load((tmp_path / "decisions.yaml").read_text())
    assert decisions[-1]["action"] == "merge" and decisions[-1]["by"] == "ana"
    assert example_store.get_nodes(ACTOR, ["binyamin-netanyahu"]) == {}
    rejects = example_store.relations(types=["rejects"], source="benjamin-netanyahu")
    assert "hamas" in [r.target for r in rejects]

    # ingesting (or extracting) the same input again does not bring the duplicate back
    before = snapshot(example_store)
    cli(example_store, ["ingest", str(twin)], tmp_path)
    assert example_store.get_nodes(ACTOR, ["binyamin-netanyahu"]) == {}
    assert snapshot(example_store)[2] == before[2]
    # ... nor under another id: the decision recorded the names
    renamed = [dict(r) for r in TWIN]
    renamed[1] = {**renamed[1], "id": "b-netanyahu"}
    renamed[2] = {**renamed[2], "source": "b-netanyahu", "evidence": "He said no again."}
    cli(example_store, ["ingest", str(write_jsonl(tmp_path / "again.jsonl", renamed))], tmp_path)
    assert example_store.get_nodes(ACTOR, ["b-netanyahu"]) == {}
    ev = example_store.relations(types=["rejects"], source="benjamin-netanyahu", target="hamas")
    assert "He said no again." in [e.sentence for e in ev[0].evidence]
    # without the decisions file, the same input would have added the duplicate
    assert cli(example_store, ["duplicates", "--json"], tmp_path).returncode == 0

    back = cli(example_store, ["unmerge", "binyamin-netanyahu", "--json"], tmp_path)
    assert json.loads(back.stdout)["actor"] == "binyamin-netanyahu"
    assert example_store.get_nodes(ACTOR, ["binyamin-netanyahu"])
    assert yaml.safe_load((tmp_path / "decisions.yaml").read_text())[-1]["action"] == "unmerge"

    # judged distinct: no longer proposed
    cli(example_store, ["distinct", "binyamin-netanyahu", "benjamin-netanyahu"], tmp_path)
    again = json.loads(cli(example_store, ["duplicates", "--json"], tmp_path).stdout)
    assert "binyamin-netanyahu" not in {c["merge"] for c in again["data"]}
    bad = cli(example_store, ["unmerge", "binyamin-netanyahu"], tmp_path, check=False)
    assert bad.returncode == 2 and "binyamin-netanyahu" in bad.stderr


def test_api_duplicate_review(api: TestClient, example_store: GraphStore) -> None:
    r = api.post("/ingest", json={"records": TWIN}, headers=AUTH)
    assert wait_job(api, r.json()["url"])["status"] == "succeeded"
    found = api.get("/duplicates").json()
    assert "binyamin-netanyahu" in {c["merge"] for c in found["data"]}
    body = {"actor": "binyamin-netanyahu", "into": "benjamin-netanyahu", "by": "ana"}
    before = snapshot(example_store)
    assert_error(api.post("/merges", json=body), 401)
    assert snapshot(example_store) == before
    r = api.post("/merges", json=body, headers=AUTH)
    assert r.status_code == 200, r.text
    assert r.json()["version"] != before[1]
    assert api.get("/merges").json()["data"] == {"binyamin-netanyahu": "benjamin-netanyahu"}
    # re-ingest through the API respects the merge
    r = api.post("/ingest", json={"records": TWIN}, headers=AUTH)
    assert wait_job(api, r.json()["url"])["status"] == "succeeded"
    assert example_store.get_nodes(ACTOR, ["binyamin-netanyahu"]) == {}
    r = api.delete("/merges/binyamin-netanyahu", headers=AUTH)
    assert r.status_code == 200, r.text
    assert example_store.get_nodes(ACTOR, ["binyamin-netanyahu"])
    assert_error(api.delete("/merges/binyamin-netanyahu", headers=AUTH), 404)
    r = api.post(
        "/distinct",
        json={"actor": "binyamin-netanyahu", "other": "Benjamin Netanyahu"},
        headers=AUTH,
    )
    assert r.status_code == 201, r.text
    assert "binyamin-netanyahu" not in {c["merge"] for c in api.get("/duplicates").json()["data"]}


# ---------------------------------------------------------------------- retraction
def test_cli_retract(example_store: GraphStore, tmp_path: Path) -> None:
    twin = write_jsonl(tmp_path / "twin.jsonl", TWIN)
    cli(example_store, ["ingest", str(twin)], tmp_path)
    v = example_store.version()
    out = json.loads(cli(example_store, ["retract", "report-2", "--json"], tmp_path).stdout)
    assert (out["relations_removed"], out["relations_kept"]) == (1, 0)
    assert example_store.version() != v
    assert example_store.relations(source="binyamin-netanyahu") == []
    again = cli(example_store, ["retract", "report-2"], tmp_path, check=False)
    assert again.returncode == 2 and "report-2" in again.stderr


def test_api_retraction_and_the_report_shows_it(
    api: TestClient, example_store: GraphStore, tmp_path: Path
) -> None:
    from actorgraph.reports.data import build_report
    from actorgraph.reports.render import render_html, render_markdown
    from actorgraph.reports.window import Window

    r = api.post("/ingest", json={"records": TWIN}, headers=AUTH)
    assert wait_job(api, r.json()["url"])["status"] == "succeeded"
    before = snapshot(example_store)
    assert_error(api.delete("/documents/report-2"), 401)
    assert snapshot(example_store) == before
    r = api.delete("/documents/report-2", headers=AUTH)
    assert r.status_code == 200, r.text
    assert r.json()["evidence_removed"] == 1
    assert api.get("/stats").json()["version"] != before[1]
    assert api.get("/documents", params={"id": "report-2"}).json()["count"] == 0
    listed = api.get("/retractions").json()
    assert [x["document"] for x in listed["data"]] == ["report-2"]
    assert_error(api.delete("/documents/report-2", headers=AUTH), 404)
    day = listed["data"][0]["at"][:10]
    data = build_report(example_store, Window(since=day, until=day))
    assert [x["document"] for x in data["retractions"]] == ["report-2"]
    assert not data["empty"]
    md = render_markdown(data, {})
    assert "**Second report** (report-2) retracted" in md and "1 piece of evidence removed" in md
    assert "Second report</strong>" in render_html(data, {})


# ---------------------------------------------------------------------- as of a date
TURN = [
    {"kind": "document", "id": "june", "title": "June report", "published": "2024-06-20"},
    {"kind": "document", "id": "july", "title": "July report", "published": "2024-07-05"},
    # Qatar stops mediating with Hamas (an ending record)
    {
        "kind": "relation",
        "type": "mediates",
        "source": "qatar",
        "target": "hamas",
        "evidence": "Qatar suspended its mediation with Hamas.",
        "document": "june",
        "ended": "2024-06-20",
    },
    # Hamas rejects what it had demanded (a contrary stance)
    {
        "kind": "topic",
        "id": "truce-terms",
        "name": "Truce terms",
    },
    {
        "kind": "relation",
        "type": "demands",
        "source": "hamas",
        "target": "truce-terms",
        "evidence": "Hamas demanded the truce terms.",
        "date": "2024-05-10",
        "document": "june",
    },
    {
        "kind": "relation",
        "type": "rejects",
        "source": "hamas",
        "target": "truce-terms",
        "evidence": "Hamas rejected the truce terms it had asked for.",
        "document": "july",
    },
]


def test_as_of_ends_relations_without_erasing_history(
    example_store: GraphStore, api: TestClient, tmp_path: Path
) -> None:
    cli(example_store, ["ingest", str(write_jsonl(tmp_path / "turn.jsonl", TURN))], tmp_path)

    def route(day: str) -> list[list[str]]:
        out = json.loads(
            cli(
                example_store,
                ["paths", "United States", "Hamas", "--json", "--as-of", day],
                tmp_path,
            ).stdout
        )
        return [[n["id"] for n in p["nodes"]] for p in out["paths"]]

    assert ["united-states", "qatar", "hamas"] in route("2024-06-01")
    assert ["united-states", "qatar", "hamas"] not in route("2024-06-25")
    assert ["united-states", "egypt", "hamas"] in route("2024-06-25")
    # history stays: without --as-of the relation and its ending record are both there
    ev = example_store.relations(types=["mediates"], source="qatar", target="hamas")[0].evidence
    assert sorted(e.ended or "" for e in ev) == ["", "2024-06-20"]

    def stances(day: str) -> set[str]:
        r = api.get("/stances", params={"topic": "truce-terms", "as_of": day})
        assert r.status_code == 200, r.text
        return {s["type"] for s in r.json()["data"]}

    assert stances("2024-06-01") == {"demands"}
    assert stances("2024-07-10") == {"rejects"}
    assert stances("2024-05-01") == set()
    assert {
        s["type"] for s in api.get("/stances", params={"topic": "truce-terms"}).json()["data"]
    } == {
        "demands",
        "rejects",
    }

    # brokers, influence and neighbours as of a date, through the API
    def brokers(day: str) -> dict[str, int]:
        params = {"source": "Israel", "target": "Hamas", "as_of": day}
        r = api.get("/brokers", params=params)
        assert r.status_code == 200, r.text
        return {x["actor"]["id"]: x["paths"] for x in r.json()["data"]}

    assert brokers("2024-06-25").get("qatar", 0) < brokers("2024-06-01")["qatar"]
    n = api.get("/actors/qatar/neighbors", params={"as_of": "2024-06-25"})
    assert n.status_code == 200, n.text
    assert "hamas" not in {x["id"] for x in n.json()["nodes"]}
    i = api.get("/influence", params={"metric": "degree", "as_of": "2024-04-01"})
    assert i.status_code == 200, i.text  # only the offices then: no mediator ranked
    ranked = {x["actor"]["id"] for x in i.json()["data"]}
    assert ranked == {"antony-blinken", "united-states", "benjamin-netanyahu", "israel"}
    assert_error(
        api.get("/paths", params={"source": "Israel", "target": "Hamas", "as_of": "x"}), 422
    )


def test_the_ended_field_round_trips_through_export(
    example_store: GraphStore, tmp_path: Path
) -> None:
    cli(example_store, ["ingest", str(write_jsonl(tmp_path / "turn.jsonl", TURN))], tmp_path)
    out = tmp_path / "all.jsonl"
    cli(example_store, ["export", "--out", str(out)], tmp_path)
    ended = [json.loads(x) for x in out.read_text().splitlines() if '"ended"' in x]
    assert [(r["source"], r["target"], r["ended"]) for r in ended] == [
        ("qatar", "hamas", "2024-06-20")
    ]
