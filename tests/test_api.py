"""The HTTP API over the example graph, on every backend (the ``example_store`` fixture).

Each test builds the app with ``create_app(settings, store=...)`` and talks to it through
``TestClient``; writes are checked to be refused without the key and to change nothing.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from actorgraph.api.app import create_app
from actorgraph.graph.model import Evidence, PathResult, Relation
from actorgraph.graph.store import GraphStore, WriteBatch
from fastapi.testclient import TestClient

from tests.helpers import (
    AUTH,
    EXAMPLE,
    KEY,
    READ_KEY,
    assert_error,
    settings_for,
    snapshot,
    wait_job,
)


@pytest.fixture
def make_client(tmp_path: Path) -> Iterator[Any]:
    """Build a client for a store with extra settings; closed at the end of the test."""
    opened: list[TestClient] = []

    def make(graph_store: GraphStore | None, **over: Any) -> TestClient:
        app = create_app(settings_for(tmp_path, **over), store=graph_store)
        client = TestClient(app, raise_server_exceptions=False)
        client.__enter__()
        opened.append(client)
        return client

    yield make
    for c in opened:
        c.__exit__(None, None, None)


@pytest.fixture
def client(make_client: Any, example_store: GraphStore) -> TestClient:
    return make_client(example_store)  # type: ignore[no-any-return]


# ---------------------------------------------------------------------- health


def test_health_and_ready(client: TestClient) -> None:
    assert client.get("/health").json() == {"status": "ok"}
    r = client.get("/ready")
    assert r.status_code == 200
    assert r.json()["status"] == "ready"
    assert r.json()["backend"] in ("embedded", "neo4j")


def test_ready_is_503_when_the_store_does_not_answer(
    client: TestClient, example_store: GraphStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    from actorgraph.graph.errors import StoreUnavailableError

    def down() -> None:
        raise StoreUnavailableError("store down for the test")

    monkeypatch.setattr(example_store, "ping", down)
    assert_error(client.get("/ready"), 503, "store_unavailable")
    assert client.get("/health").status_code == 200


def test_unreachable_store_at_start_gives_503_not_a_crash(make_client: Any, tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    c = make_client(None, store=str(blocker / "store"))
    assert c.get("/health").status_code == 200
    assert_error(c.get("/ready"), 503, "store_unavailable")
    assert_error(c.get("/actors"), 503, "store_unavailable")


def test_the_app_opens_its_own_store_once(make_client: Any, tmp_path: Path) -> None:
    c = make_client(None, store=str(tmp_path / "own"))
    state = c.app.state.actorgraph  # type: ignore[attr-defined]
    graph = state.graph
    assert graph is not None and state.owns_store
    assert c.get("/ready").status_code == 200
    assert c.get("/stats").json()["nodes"]["Actor"] == 0
    assert state.graph is graph


# ---------------------------------------------------------------------- actors


def test_search_actors_exact_prefix_fuzzy_and_alias(client: TestClient) -> None:
    r = client.get("/actors", params={"q": "hamas"})
    assert r.status_code == 200
    body = r.json()
    assert set(body) == {"data", "count"}
    assert body["data"][0]["id"] == "hamas"
    assert client.get("/actors", params={"q": "Qat"}).json()["data"][0]["id"] == "qatar"
    assert client.get("/actors", params={"q": "Hamass"}).json()["data"][0]["id"] == "hamas"
    assert client.get("/actors", params={"q": "Washington"}).json()["data"][0]["id"] == (
        "united-states"
    )


def test_search_actors_filters_and_pages(client: TestClient) -> None:
    states = client.get("/actors", params={"type": "state", "limit": 100}).json()
    assert states["count"] == len(states["data"]) > 0
    assert {a["type"] for a in states["data"]} == {"state"}
    inter = client.get("/actors", params={"intermediary": "true"}).json()
    assert {a["id"] for a in inter["data"]} >= {"qatar", "egypt"}
    assert all(a["intermediary"] for a in inter["data"])
    everyone = client.get("/actors", params={"limit": 100}).json()
    page = client.get("/actors", params={"limit": 2, "offset": 2}).json()
    assert page["count"] == everyone["count"]
    assert [a["id"] for a in page["data"]] == [a["id"] for a in everyone["data"][2:4]]


def test_actor_detail(client: TestClient) -> None:
    r = client.get("/actors/osama-hamdan")
    assert r.status_code == 200
    a = r.json()
    assert a["name"] == "Osama Hamdan"
    assert a["roles"] and a["roles"][0]["of"] == "hamas"
    assert a["statements"] >= 1
    assert a["relations"].get("speaks_for", 0) >= 1
    # by alias, case-insensitively
    assert client.get("/actors/washington").json()["id"] == "united-states"
    assert client.get("/actors/qatar").json()["intermediary"] is True


def test_unknown_actor_is_404_with_suggestions(client: TestClient) -> None:
    err = assert_error(client.get("/actors/Hamass"), 404, "not_found")
    assert "Hamas" in err["details"]["suggestions"]
    err = assert_error(
        client.get("/paths", params={"source": "Qatr", "target": "Hamas"}), 404, "not_found"
    )
    assert "Qatar" in err["details"]["suggestions"]


def test_neighbors(client: TestClient) -> None:
    r = client.get("/actors/qatar/neighbors", params={"depth": 1})
    assert r.status_code == 200
    sub = r.json()
    ids = {n["id"] for n in sub["nodes"]}
    assert {"qatar", "hamas"} <= ids
    assert all(e["source"] in ids and e["target"] in ids for e in sub["edges"])
    only = client.get(
        "/actors/qatar/neighbors", params={"relations": "mediates", "limit": 100}
    ).json()
    assert {e["type"] for e in only["edges"]} == {"mediates"}
    assert_error(client.get("/actors/qatar/neighbors", params={"depth": 5}), 400, "over_limit")


# ---------------------------------------------------------------------- statements, topics


def test_statements_filters_with_evidence_and_document(client: TestClient) -> None:
    all_ = client.get("/statements", params={"limit": 100}).json()
    assert all_["count"] == len(all_["data"]) > 0
    for s in all_["data"]:
        assert s["speaker"]["id"]
        assert s["document"] is None or s["document"]["id"]
    by_speaker = client.get("/statements", params={"speaker": "Osama Hamdan"}).json()
    assert by_speaker["count"] >= 1
    assert all(s["speaker"]["id"] == "osama-hamdan" for s in by_speaker["data"])
    behalf = client.get("/statements", params={"on_behalf_of": "hamas"}).json()
    assert behalf["count"] >= 1
    assert all(s["on_behalf_of"]["id"] == "hamas" for s in behalf["data"])
    either = client.get("/statements", params={"actor": "hamas", "limit": 100}).json()
    assert either["count"] >= behalf["count"]
    dated = client.get(
        "/statements", params={"since": "2024-05-01", "until": "2024-05-01", "limit": 100}
    ).json()
    assert all(s["date"] == "2024-05-01" for s in dated["data"])
    text = client.get("/statements", params={"text": "negotiating text"}).json()
    assert text["count"] >= 1
    assert all("negotiating text" in s["text"].casefold() for s in text["data"])
    page = client.get("/statements", params={"limit": 1, "offset": 1}).json()
    assert page["count"] == all_["count"] and len(page["data"]) == 1
    assert_error(client.get("/statements", params={"since": "May 1st"}), 422, "invalid_input")


def test_statements_by_role_count_past_the_row_cap(make_client: Any, store: GraphStore) -> None:
    """Bug: speaker / on_behalf_of were filtered in Python after a 10,000-row cap, so
    ``count`` stopped at 10,000 (and the pages past it were empty)."""
    from actorgraph.graph.model import Actor, Statement
    from actorgraph.graph.store import MAX_ROWS, WriteBatch

    n = MAX_ROWS + 300
    batch = WriteBatch(
        actors=[Actor("a", "Alpha", "person"), Actor("b", "Beta", "state")],
        statements=[
            Statement(f"s{i:05d}", "a", f"statement {i}", on_behalf_of="b" if i % 100 else None)
            for i in range(n)
        ],
    )
    store.write(batch)
    client = make_client(store)
    spoken = client.get("/statements", params={"speaker": "Alpha", "limit": 10}).json()
    assert spoken["count"] == n
    n_behalf = n - (n + 99) // 100  # all but every hundredth (s00000 included)
    assert n_behalf > MAX_ROWS
    behalf = client.get(
        "/statements", params={"on_behalf_of": "Beta", "limit": 10, "offset": n_behalf - 10}
    ).json()
    assert behalf["count"] == n_behalf
    assert len(behalf["data"]) == 10
    assert all(s["on_behalf_of"]["id"] == "b" for s in behalf["data"])
    assert client.get("/statements", params={"speaker": "Beta"}).json()["count"] == 0
    both = client.get("/statements", params={"speaker": "Alpha", "on_behalf_of": "Beta"})
    assert_error(both, 422, "invalid_input")


def test_topics_and_stances(client: TestClient) -> None:
    topics = client.get("/topics").json()
    assert topics["count"] == len(topics["data"]) == 5
    stances = client.get("/stances", params={"topic": "permanent ceasefire"}).json()
    assert stances["count"] >= 1
    hamas = [s for s in stances["data"] if s["source"]["id"] == "hamas"]
    assert hamas and hamas[0]["type"] == "demands"
    assert hamas[0]["evidence"]
    rejects = client.get("/stances", params={"type": "rejects", "limit": 100}).json()
    assert rejects["count"] >= 1 and {s["type"] for s in rejects["data"]} == {"rejects"}
    by_actor = client.get("/stances", params={"actor": "Hamas", "limit": 100}).json()
    assert by_actor["data"] and all(s["source"]["id"] == "hamas" for s in by_actor["data"])
    page = client.get("/stances", params={"limit": 1, "offset": 1}).json()
    assert len(page["data"]) == 1 and page["count"] >= 2


# ---------------------------------------------------------------------- network


def test_paths_every_hop_has_type_and_evidence(client: TestClient) -> None:
    r = client.get("/paths", params={"source": "Hamas", "target": "United States"})
    assert r.status_code == 200
    res = r.json()
    assert res["source"]["id"] == "hamas" and res["target"]["id"] == "united-states"
    assert res["count"] == len(res["paths"]) > 0
    lengths = [p["length"] for p in res["paths"]]
    assert lengths == sorted(lengths)
    for p in res["paths"]:
        assert p["nodes"][0]["id"] == "hamas" and p["nodes"][-1]["id"] == "united-states"
        assert len(p["hops"]) == p["length"]
        for hop in p["hops"]:
            assert hop["relations"]
            for rel in hop["relations"]:
                assert rel["type"] in ("mediates", "speaks_for")
                assert rel["evidence"]
    assert_error(
        client.get("/paths", params={"source": "Hamas", "target": "Israel", "max_hops": 7}),
        400,
        "over_limit",
    )
    err = assert_error(
        client.get(
            "/paths", params={"source": "Hamas", "target": "Israel", "relations": "befriends"}
        ),
        422,
        "invalid_input",
    )
    assert err["details"]["field"].startswith("relations")
    err = assert_error(client.get("/paths", params={"source": "Hamas"}), 422, "invalid_input")
    assert err["details"]["field"] == "target"


def test_paths_options_evidence_and_its_pages(client: TestClient) -> None:
    base = {"source": "Hamas", "target": "United States", "max_hops": 4}
    everything = client.get("/paths", params=base).json()
    sup = [(p["length"], -p["support"]) for p in everything["paths"]]
    assert sup == sorted(sup)  # fewest hops, then best supported
    only = client.get("/paths", params={**base, "intermediaries_only": "true"}).json()
    assert only["intermediaries_only"] is True and only["count"] > 0
    for p in only["paths"]:
        assert all(n["intermediary"] for n in p["nodes"][1:-1])
    one = client.get("/paths", params=[*base.items(), ("relation", "mediates")]).json()
    assert one["relations"] == ["mediates"]
    for p in one["paths"]:
        assert {r["type"] for h in p["hops"] for r in h["relations"]} == {"mediates"}
    trimmed = client.get("/paths", params={**base, "evidence_limit": 1}).json()
    rels = [r for p in trimmed["paths"] for h in p["hops"] for r in h["relations"]]
    assert rels and all(len(r["evidence"]) <= 1 <= r["evidence_total"] for r in rels)
    r = rels[0]
    page = client.get(
        "/relations/evidence",
        params={"type": r["type"], "source": r["source"], "target": r["target"], "limit": 50},
    ).json()
    assert page["count"] == r["evidence_total"] == len(page["data"])
    assert page["data"][0] == r["evidence"][0]
    assert_error(client.get("/paths", params={**base, "evidence_limit": 51}), 422)
    brokers = client.get("/brokers", params={**base, "intermediaries_only": "true"}).json()
    assert {b["actor"]["id"] for b in brokers["data"]} <= {"qatar", "egypt"}
    assert next(b["best_path"] for b in brokers["data"]) >= 1


def test_subgraph_says_what_the_cap_left_out(client: TestClient) -> None:
    full = client.get("/subgraph", params={"actors": "Hamas"}).json()
    assert full["truncated"] is False and full["left_out"] == {"Actor": 0, "Topic": 0}
    n = len(full["nodes"])
    cut = client.get("/subgraph", params={"actors": "Hamas", "limit": 2}).json()
    assert cut["truncated"] is True and len(cut["nodes"]) == 2 and cut["left_out_exact"]
    assert sum(cut["left_out"].values()) == n - 2
    kinds = [x["kind"] for x in full["nodes"] if x["id"] != "hamas"]
    if "Actor" in kinds:  # actors fill the cap before topics
        assert [x["kind"] for x in cut["nodes"]] == ["Actor", "Actor"]
    hood = client.get("/actors/hamas/neighbors", params={"limit": 2}).json()
    assert hood["left_out"] == cut["left_out"]


def test_brokers(client: TestClient) -> None:
    r = client.get("/brokers", params={"source": "Hamas", "target": "United States"})
    assert r.status_code == 200
    body = r.json()
    assert body["count"] == len(body["data"]) > 0
    ids = [b["actor"]["id"] for b in body["data"]]
    assert {"qatar", "egypt"} <= set(ids)
    assert all(0 < b["share"] <= 1 for b in body["data"])


def test_a_kept_answer_is_rendered_once_and_a_write_renders_it_anew(
    client: TestClient, example_store: GraphStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The graph keeps an answer per data version; its JSON (45 KB for a path answer at
    100k relations) is kept with it instead of being made again at every request."""
    rendered: list[str] = []
    to_dict = PathResult.to_dict

    def counted(self: PathResult, *args: Any) -> dict[str, Any]:
        rendered.append(self.source.id)
        return to_dict(self, *args)

    monkeypatch.setattr(PathResult, "to_dict", counted)
    asked = {"source": "Hamas", "target": "United States"}
    first, again = client.get("/paths", params=asked), client.get("/paths", params=asked)
    assert first.status_code == again.status_code == 200
    assert first.content == again.content and first.headers["content-type"] == "application/json"
    assert len(rendered) == 1
    assert min(p["length"] for p in first.json()["paths"]) > 1
    # a write: the same question is answered and rendered anew, with the new data
    direct = Relation("mediates", "hamas", "united-states", [Evidence(sentence="Direct talks.")])
    example_store.write(WriteBatch(relations=[direct]))
    after = client.get("/paths", params=asked)
    assert len(rendered) == 2 and after.json()["paths"][0]["length"] == 1


def test_influence_is_cached_in_the_one_graph_of_the_app(
    client: TestClient, example_store: GraphStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    projections: list[Any] = []

    def counting(name: str) -> None:  # either way a store gives its projection
        project = getattr(example_store, name)

        def counted(*args: Any, **kw: Any) -> Any:
            out = project(*args, **kw)
            if out is not None:  # (a store without the arrays' way answers None)
                projections.append(args)
            return out

        monkeypatch.setattr(example_store, name, counted)

    counting("projection_edges")
    counting("projection_edgelist")
    r = client.get("/influence", params={"metric": "betweenness", "top": 5})
    assert r.status_code == 200
    body = r.json()
    assert body["metric"] == "betweenness" and 0 < body["count"] <= 5
    assert [s["rank"] for s in body["data"]] == list(range(1, body["count"] + 1))
    assert body["exact"] is True and body["samples"] is None and body["stale"] is False
    assert body["actors"] >= body["count"]
    graph = client.app.state.actorgraph.graph  # type: ignore[attr-defined]
    assert len(projections) == 1
    assert client.get("/influence", params={"metric": "betweenness", "top": 5}).json() == body
    assert len(projections) == 1  # served from the cache: the graph was not projected again
    assert client.app.state.actorgraph.graph is graph  # type: ignore[attr-defined]
    assert_error(client.get("/influence", params={"metric": "fame"}), 422, "invalid_input")
    assert_error(client.get("/influence", params={"top": 10_001}), 400, "over_limit")
    dated = client.get("/influence", params={"since": "2030-01-01"}).json()
    assert dated["count"] >= 0


def test_subgraph_has_what_a_graph_view_needs(client: TestClient) -> None:
    r = client.get("/subgraph", params=[("actors", "Qatar"), ("actors", "Hamas")])
    assert r.status_code == 200
    sub = r.json()
    ids = {n["id"] for n in sub["nodes"]}
    assert {"qatar", "hamas"} <= ids
    for n in sub["nodes"]:
        assert set(n) >= {"id", "kind", "name", "type", "intermediary"}
    assert sub["edges"]
    for e in sub["edges"]:
        assert set(e) >= {
            "id",
            "type",
            "source",
            "target",
            "confidence",
            "first_seen",
            "last_seen",
            "evidence",
        }
        assert e["source"] in ids and e["target"] in ids
    assert any(n["intermediary"] for n in sub["nodes"])
    err = assert_error(client.get("/subgraph"), 422, "invalid_input")
    assert err["details"]["field"] == "actors"


def test_schema_and_stats(client: TestClient) -> None:
    schema = client.get("/schema").json()
    rels = {r["name"]: r for r in schema["relation_types"]}
    assert rels["mediates"]["intermediary"] and rels["mediates"]["channel"]
    assert rels["mediates"]["plover"] == "CONSULT" and rels["mediates"]["cameo"] == "045"
    assert rels["rejects"]["stance"]
    assert {t["name"] for t in schema["actor_types"]} == {"person", "organization", "state"}
    assert "pagerank" in schema["metrics"]
    stats = client.get("/stats").json()
    assert stats["nodes"]["Actor"] == 15
    assert stats["intermediaries"] >= 2
    assert stats["backend"] in ("embedded", "neo4j")
    assert "/" not in stats["backend"]


def test_export_streams_ndjson_that_reingests_to_nothing_new(
    client: TestClient, example_store: GraphStore
) -> None:
    r = client.get("/export")
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("application/x-ndjson")
    lines = [json.loads(x) for x in r.text.splitlines() if x.strip()]
    kinds = {x["kind"] for x in lines}
    assert kinds == {"document", "actor", "topic", "statement", "relation"}
    before = snapshot(example_store)
    job = client.post(
        "/ingest",
        content=r.content,
        headers={**AUTH, "Content-Type": "application/x-ndjson"},
    )
    assert job.status_code == 202, job.text
    done = wait_job(client, job.json()["url"])
    assert done["status"] == "succeeded", done
    assert done["report"]["written"] == {"nodes": 0, "relations": 0, "evidence": 0}
    assert snapshot(example_store) == before


# ---------------------------------------------------------------------- writes and keys

NEW_RECORDS = [
    {"kind": "actor", "id": "oman", "name": "Oman", "type": "state"},
    {
        "kind": "relation",
        "type": "mediates",
        "source": "oman",
        "target": "hamas",
        "date": "2024-05-02",
        "evidence": "Oman passed messages to Hamas.",
    },
]


def test_writes_are_refused_without_a_configured_key_and_change_nothing(
    make_client: Any, example_store: GraphStore
) -> None:
    c = make_client(example_store, api_key=None)
    before = snapshot(example_store)
    err = assert_error(
        c.post("/ingest", json={"records": NEW_RECORDS}, headers=AUTH), 403, "writes_disabled"
    )
    assert "ACTORGRAPH_API_KEY" in err["message"]
    assert_error(c.delete("/actors/hamas", headers=AUTH), 403, "writes_disabled")
    assert_error(c.post("/ingest", json={"records": NEW_RECORDS}), 403, "writes_disabled")
    assert snapshot(example_store) == before
    assert c.get("/actors/hamas").status_code == 200


def test_writes_without_the_right_key_are_refused_and_change_nothing(
    client: TestClient, example_store: GraphStore
) -> None:
    before = snapshot(example_store)
    for headers in ({}, {"X-API-Key": "wrong"}, {"X-API-Key": KEY + "x"}, {"X-API-Key": ""}):
        r = client.post("/ingest", json={"records": NEW_RECORDS}, headers=headers)
        assert_error(r, 401, "unauthorized")
        assert_error(client.delete("/actors/hamas", headers=headers), 401, "unauthorized")
    assert snapshot(example_store) == before


def test_ingest_json_records_then_again_is_idempotent(
    client: TestClient, example_store: GraphStore
) -> None:
    r = client.post("/ingest", json={"records": NEW_RECORDS}, headers=AUTH)
    assert r.status_code == 202, r.text
    assert r.headers["location"] == r.json()["url"]
    job = wait_job(client, r.json()["url"])
    assert job["status"] == "succeeded", job
    assert job["report"]["records"] == 2
    assert job["report"]["written"]["nodes"] == 1
    assert job["progress"]["done"] == 2
    assert client.get("/actors/oman").json()["relations"] == {"mediates": 1}
    before = snapshot(example_store)
    again = wait_job(
        client, client.post("/ingest", json={"records": NEW_RECORDS}, headers=AUTH).json()["url"]
    )
    assert again["status"] == "succeeded"
    assert again["report"]["written"] == {"nodes": 0, "relations": 0, "evidence": 0}
    assert snapshot(example_store) == before


def test_an_api_ingest_keeps_the_first_influence_ranking_like_the_cli(
    client: TestClient, example_store: GraphStore
) -> None:
    """``POST /ingest`` and ``actorgraph ingest`` share one ingest path: after a write, the
    embedded store holds the PageRank of the version written, for the next process to read
    (the other backend keeps no rankings and must not fail)."""
    import sqlite3

    from actorgraph.graph.embedded.persistence import DB_NAME

    job = wait_job(
        client, client.post("/ingest", json={"records": NEW_RECORDS}, headers=AUTH).json()["url"]
    )
    assert job["status"] == "succeeded", job
    if example_store.backend != "embedded":
        return
    directory = example_store.directory  # type: ignore[attr-defined]
    with sqlite3.connect(directory / DB_NAME) as conn:
        kept = conn.execute("SELECT key, version FROM rankings").fetchall()
    assert [v for k, v in kept if "pagerank" in k] == [example_store.version()], kept


def test_an_api_ingest_that_cannot_keep_the_ranking_still_succeeds(
    client: TestClient, example_store: GraphStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The ranking kept after an ingest is only ahead of time: a store busy at that moment
    must not turn a committed ingest into a failed job (a client would send it again)."""
    from actorgraph.graph.errors import StoreUnavailableError
    from actorgraph.graph.facade import Graph

    def busy(*_a: Any, **_k: Any) -> None:
        raise StoreUnavailableError("database is locked")

    monkeypatch.setattr(Graph, "influence_ranking", busy)
    job = wait_job(
        client, client.post("/ingest", json={"records": NEW_RECORDS}, headers=AUTH).json()["url"]
    )
    assert job["status"] == "succeeded", job
    assert client.get("/actors/oman").json()["relations"] == {"mediates": 1}


def test_ingest_ndjson_and_file_uploads(client: TestClient, tmp_path: Path) -> None:
    body = "\n".join(json.dumps(r) for r in NEW_RECORDS) + "\n"
    r = client.post(
        "/ingest", content=body, headers={**AUTH, "Content-Type": "application/x-ndjson"}
    )
    assert r.status_code == 202, r.text
    assert wait_job(client, r.json()["url"])["status"] == "succeeded"
    yaml_text = (
        "actors:\n  - {id: jordan, name: Jordan, type: state}\n"
        "relations:\n  - {type: supports, source: jordan, target: qatar}\n"
    )
    r = client.post(
        "/ingest", files={"file": ("more.yaml", yaml_text, "application/yaml")}, headers=AUTH
    )
    assert r.status_code == 202, r.text
    job = wait_job(client, r.json()["url"])
    assert job["status"] == "succeeded", job
    assert job["kind"] == "file" and job["source"] == "more.yaml"
    assert client.get("/actors/jordan").status_code == 200
    r = client.post(
        "/ingest",
        files={"file": ("example.jsonl", EXAMPLE.read_bytes(), "application/x-ndjson")},
        headers=AUTH,
    )
    job = wait_job(client, r.json()["url"])
    assert job["status"] == "succeeded"
    assert job["report"]["written"] == {"nodes": 0, "relations": 0, "evidence": 0}


def test_invalid_records_are_refused_and_write_nothing(
    client: TestClient, example_store: GraphStore
) -> None:
    before = snapshot(example_store)
    # a malformed record (unknown relation type) is refused at once, naming line and field
    bad_shape = [
        *NEW_RECORDS,
        {"kind": "relation", "type": "befriends", "source": "oman", "target": "hamas"},
    ]
    err = assert_error(
        client.post("/ingest", json={"records": bad_shape}, headers=AUTH), 422, "invalid_input"
    )
    assert err["details"]["line"] == 3 and err["details"]["field"] == "type"
    assert "befriends" in err["message"]
    # a dangling reference is found by the loader in the job: the job fails, nothing written
    bad_ref = [
        *NEW_RECORDS,
        {"kind": "relation", "type": "demands", "source": "oman", "target": "nobody-at-all"},
    ]
    r = client.post("/ingest", json={"records": bad_ref}, headers=AUTH)
    assert r.status_code == 202, r.text
    job = wait_job(client, r.json()["url"])
    assert job["status"] == "failed"
    assert job["error"]["code"] == "invalid_input"
    assert job["error"]["details"]["line"] == 3
    assert "nobody-at-all" in job["error"]["message"]
    assert snapshot(example_store) == before
    # skip_invalid loads the good ones and reports the bad one
    for bad in (bad_shape, bad_ref):
        r = client.post(
            "/ingest", params={"skip_invalid": "true"}, json={"records": bad}, headers=AUTH
        )
        job = wait_job(client, r.json()["url"])
        assert job["status"] == "succeeded", job
        assert len(job["report"]["skipped"]) == 1
    assert client.get("/actors/oman").status_code == 200
    # with skip_invalid, a body without one good record is still refused
    r = client.post(
        "/ingest", params={"skip_invalid": "true"}, json={"records": [{}]}, headers=AUTH
    )
    assert_error(r, 422, "invalid_input")


def test_malformed_uploads_are_refused_cleanly(make_client: Any, example_store: GraphStore) -> None:
    c = make_client(example_store, max_upload_bytes=2_000)
    before = snapshot(example_store)
    ndjson = {**AUTH, "Content-Type": "application/x-ndjson"}
    cases = [
        (
            c.post(
                "/ingest",
                content=b"{not json",
                headers={**AUTH, "Content-Type": "application/json"},
            ),
            422,
        ),
        (c.post("/ingest", json={"records": "nope"}, headers=AUTH), 422),
        (
            c.post(
                "/ingest",
                content=b'{"records": ' + b"[" * 890 + b"]" * 890 + b"}",
                headers={**AUTH, "Content-Type": "application/json"},
            ),
            422,
        ),
        (c.post("/ingest", json=[{"kind": "actor"}], headers=AUTH), 422),
        (c.post("/ingest", content=b'{"kind": "actor"}\n{oops\n', headers=ndjson), 422),
        (c.post("/ingest", content=b"\xff\xfe\x00bad", headers=ndjson), 422),
        (c.post("/ingest", content=b"", headers=ndjson), 422),
        (c.post("/ingest", content=b"x" * 2_001, headers=ndjson), 413),
        (c.post("/ingest", files={"file": ("big.jsonl", b"x" * 5_000)}, headers=AUTH), 413),
        (c.post("/ingest", content=b"records", headers={**AUTH, "Content-Type": "text/csv"}), 415),
        (c.post("/ingest", files={"file": ("tool.exe", b"MZ")}, headers=AUTH), 415),
        (c.post("/ingest", files={"other": ("a.jsonl", b"{}")}, headers=AUTH), 422),
        (
            c.post(
                "/ingest",
                content=b"--xyz\r\nbroken",
                headers={**AUTH, "Content-Type": "multipart/form-data; boundary=xyz"},
            ),
            422,
        ),
    ]
    for r, status in cases:
        assert_error(r, status)
    assert snapshot(example_store) == before

    # a chunked body (no Content-Length) over the limit is cut off too
    def chunks() -> Iterator[bytes]:
        for _ in range(10):
            yield b"y" * 500

    assert_error(c.post("/ingest", content=chunks(), headers=ndjson), 413, "payload_too_large")
    assert snapshot(example_store) == before


def test_upload_of_an_unknown_file_type_is_refused(client: TestClient) -> None:
    r = client.post("/ingest", files={"file": ("photo.png", b"\x89PNG")}, headers=AUTH)
    err = assert_error(r, 415, "unsupported_media_type")
    assert ".jsonl" in err["message"] and ".xhtml" in err["message"]


def test_delete_actor(client: TestClient, example_store: GraphStore) -> None:
    before = example_store.version()
    r = client.delete("/actors/al-manar", headers=AUTH)
    assert r.status_code == 200, r.text
    assert r.json()["deleted"]["id"] == "al-manar"
    assert r.json()["version"] != before
    assert_error(client.get("/actors/al-manar"), 404, "not_found")
    err = assert_error(client.delete("/actors/al-manar", headers=AUTH), 404, "not_found")
    # deletion takes exact ids only: a name is refused with the id suggested
    after = snapshot(example_store)
    err = assert_error(client.delete("/actors/Hamas", headers=AUTH), 404, "not_found")
    assert "hamas" in err["details"]["suggestions"]
    assert snapshot(example_store) == after


def test_jobs(client: TestClient) -> None:
    assert_error(client.get("/jobs/nope", headers=AUTH), 404, "not_found")
    assert_error(client.get("/jobs/nope"), 401, "unauthorized")


def test_read_key(make_client: Any, example_store: GraphStore) -> None:
    c = make_client(example_store, read_key=READ_KEY)
    assert_error(c.get("/actors"), 401, "unauthorized")
    assert_error(c.get("/actors", headers={"X-API-Key": "wrong"}), 401)
    assert c.get("/actors", headers={"X-API-Key": READ_KEY}).status_code == 200
    assert c.get("/actors", headers={"X-API-Key": KEY}).status_code == 200
    assert c.get("/health").status_code == 200
    assert c.get("/ready").status_code == 200
    # the read key does not open writes
    r = c.post("/ingest", json={"records": NEW_RECORDS}, headers={"X-API-Key": READ_KEY})
    assert_error(r, 401, "unauthorized")


def test_cors_allowlist(make_client: Any, example_store: GraphStore) -> None:
    c = make_client(example_store, cors_origins="https://ui.example.org, http://localhost:5173")
    ok = c.get("/actors", headers={"Origin": "https://ui.example.org"})
    assert ok.headers.get("access-control-allow-origin") == "https://ui.example.org"
    other = c.get("/actors", headers={"Origin": "https://evil.example.com"})
    assert "access-control-allow-origin" not in other.headers
    pre = c.options(
        "/ingest",
        headers={
            "Origin": "http://localhost:5173",
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "X-API-Key",
        },
    )
    assert pre.status_code == 200
    closed = make_client(example_store)
    r = closed.get("/actors", headers={"Origin": "https://ui.example.org"})
    assert "access-control-allow-origin" not in r.headers


def test_unexpected_errors_are_500_generic_and_logged(
    client: TestClient, example_store: GraphStore, monkeypatch: pytest.MonkeyPatch, caplog: Any
) -> None:
    def broken(*a: Any, **k: Any) -> Any:
        raise RuntimeError("secret internals /etc/passwd")

    monkeypatch.setattr(example_store, "counts", broken)
    with caplog.at_level("ERROR", logger="actorgraph.api"):
        r = client.get("/stats")
    err = assert_error(r, 500, "internal_error")
    assert "secret" not in r.text and "Traceback" not in r.text
    assert err["details"] == {}
    assert any("secret internals" in (rec.exc_text or "") or rec.exc_info for rec in caplog.records)


def test_responses_match_their_declared_models(client: TestClient) -> None:
    """Large results skip FastAPI's re-validation (api.params.send): check them here."""
    from actorgraph.api import models

    cases = [
        ("/actors?q=ha", models.ActorList),
        ("/actors/hamas", models.ActorDetail),
        ("/actors/hamas/neighbors?depth=2", models.SubgraphOut),
        ("/statements?limit=100", models.StatementList),
        ("/topics", models.TopicList),
        ("/stances?limit=100", models.StanceList),
        ("/paths?source=Hamas&target=United+States&max_hops=5", models.PathsOut),
        ("/brokers?source=Hamas&target=United+States", models.BrokerList),
        ("/influence?metric=degree&top=50", models.ScoreList),
        ("/subgraph?actors=Qatar&actors=Egypt&depth=2", models.SubgraphOut),
        ("/schema", models.SchemaOut),
        ("/stats", models.StatsOut),
    ]
    for url, model in cases:
        r = client.get(url)
        assert r.status_code == 200, (url, r.text)
        model.model_validate_json(r.content, strict=False)
        assert model.model_validate(r.json()).model_dump(exclude_unset=True)


ARTICLE = """Qatar presses Hamas on truce

DOHA, May 3 2024 - Qatar is mediating between Israel and Hamas. "We demand an immediate
ceasefire," Hamas said in a statement.
"""


def test_article_upload_is_extracted_and_loaded(
    client: TestClient, example_store: GraphStore
) -> None:
    files = {"file": ("qatar-truce.txt", ARTICLE.encode(), "text/plain")}
    r = client.post("/ingest", files=files, params={"date": "2024-05-03"}, headers=AUTH)
    assert r.status_code == 202, r.text
    job = wait_job(client, r.json()["url"], timeout=300)
    assert job["status"] == "succeeded", job
    assert job["kind"] == "article" and job["report"]["written"]["relations"] >= 1
    lines = [json.loads(x) for x in client.get("/export").text.splitlines()]
    doc = next(x for x in lines if x["kind"] == "document" and x["id"] == "qatar-truce")
    assert doc["file"] == "qatar-truce.txt"  # not the server's temporary path
    before = snapshot(example_store)
    again = client.post("/ingest", files=files, params={"date": "2024-05-03"}, headers=AUTH)
    job = wait_job(client, again.json()["url"], timeout=300)
    assert job["status"] == "succeeded"
    assert snapshot(example_store) == before  # the same article again changes nothing


def test_api_sees_what_another_process_commits(make_client: Any, tmp_path: Path) -> None:
    """The embedded store reloads when another connection (a CLI ingest) commits."""
    from actorgraph.graph.embedded import EmbeddedStore
    from actorgraph.ingest.loader import Loader

    directory = tmp_path / "shared-store"
    c = make_client(None, store=str(directory))
    assert c.get("/stats").json()["nodes"]["Actor"] == 0
    version = c.get("/ready").json()["version"]
    other = EmbeddedStore(directory)  # as `actorgraph ingest` would, from another process
    try:
        Loader(other).load_file(EXAMPLE)
    finally:
        other.close()
    assert c.get("/ready").json()["version"] != version
    assert c.get("/actors/hamas").status_code == 200
    assert c.get("/influence").json()["count"] > 0
