"""Issue 13: no partial write, no secret shown, export round-trips, clean refusals.

What ``docs/reliability.md`` promises, each with the test that proves it (both stores where
both apply, through the ``store`` fixture).
"""

from __future__ import annotations

import json
import logging
import os
import subprocess
from pathlib import Path
from typing import Any

import pytest
from actorgraph.api.app import create_app
from actorgraph.graph.errors import InputError, LimitError
from actorgraph.graph.exchange import CSV_CELL_MAX, LIMITS, NESTING_MAX
from actorgraph.graph.facade import Graph
from actorgraph.graph.logs import configure_logging
from actorgraph.graph.model import ACTOR
from actorgraph.graph.settings import CoreSettings
from actorgraph.graph.store import GraphStore
from actorgraph.ingest.loader import Loader
from fastapi.testclient import TestClient

from tests.helpers import (
    AUTH,
    BIN,
    ROOT,
    assert_error,
    free_port,
    make_store,
    run_cli,
    settings_for,
    snapshot,
    wait_job,
    write_jsonl,
)

NDJSON = {**AUTH, "Content-Type": "application/x-ndjson"}


@pytest.fixture
def client(tmp_path: Path, example_store: GraphStore) -> Any:
    with TestClient(
        create_app(settings_for(tmp_path), store=example_store), raise_server_exceptions=False
    ) as c:
        yield c


# ---------------------------------------------------------------------- no partial write
def test_a_file_whose_last_name_is_too_long_writes_nothing(
    store: GraphStore, tmp_path: Path
) -> None:
    """1,500 actors in batches of 1,000, the last with a 9,000-character name: Neo4j once
    committed the first batch and then failed on its index (issue 13)."""
    actors = [
        {"kind": "actor", "id": f"a{i}", "name": f"A {i}", "type": "state"} for i in range(1500)
    ]
    actors[-1]["name"] = "n" * 9_000
    path = write_jsonl(tmp_path / "many.jsonl", actors)
    before = snapshot(store)
    with pytest.raises(InputError) as err:
        Loader(store, batch_size=1000).load_file(path)
    assert (err.value.line, err.value.field) == (1500, "name")
    assert snapshot(store) == before
    assert store.get_nodes(ACTOR, ["a0"]) == {}


def test_names_that_would_outgrow_the_store_once_merged_write_nothing(
    store: GraphStore, tmp_path: Path
) -> None:
    """An actor's names are merged with the stored ones; past ACTOR_NAMES_MAX Neo4j's index
    would refuse them mid-write, so both stores refuse the file first."""
    first = {"kind": "actor", "id": "big", "name": "Big", "type": "state"}
    first["aliases"] = [f"{i:03d}" + "a" * 496 for i in range(11)]  # 5,503 characters
    Loader(store).load_file(write_jsonl(tmp_path / "one.jsonl", [first]))
    more = {**first, "aliases": [f"{i:03d}" + "b" * 496 for i in range(2)]}
    path = write_jsonl(
        tmp_path / "two.jsonl", [{"kind": "actor", "id": "ok", "name": "Ok", "type": "state"}, more]
    )
    before = snapshot(store)
    with pytest.raises(InputError) as err:
        Loader(store).load_file(path)
    assert (err.value.line, err.value.field) == (2, "aliases")
    assert "merged" in err.value.reason
    assert snapshot(store) == before


def test_yaml_nested_too_deep_is_refused_with_its_line(store: GraphStore, tmp_path: Path) -> None:
    path = tmp_path / "deep.yaml"
    path.write_text(
        "- kind: actor\n  name: X\n  type: state\n  description: " + "[" * 2000 + "]" * 2000 + "\n",
        encoding="utf-8",
    )
    before = snapshot(store)
    with pytest.raises(InputError) as err:
        Loader(store).load_file(path)
    assert err.value.line == 4 and f"more than {NESTING_MAX} levels" in err.value.reason
    assert snapshot(store) == before


def test_a_csv_cell_over_the_limit_names_its_line_and_column(
    store: GraphStore, tmp_path: Path
) -> None:
    path = tmp_path / "actors.csv"
    path.write_text(
        "id,name,type,description\nok,Ok,state,fine\nx,X,state," + "d" * (CSV_CELL_MAX + 1) + "\n",
        encoding="utf-8",
    )
    before = snapshot(store)
    with pytest.raises(InputError) as err:
        Loader(store).load_file(path)
    assert (err.value.line, err.value.field) == (3, "description")
    assert f"{CSV_CELL_MAX:,}" in err.value.reason
    assert snapshot(store) == before


@pytest.mark.parametrize("suffix", [".jsonl", ".yaml", ".csv"])
def test_a_utf8_byte_order_mark_is_accepted_by_the_cli(tmp_path: Path, suffix: str) -> None:
    texts = {
        ".jsonl": '{"kind": "actor", "id": "oman", "name": "Oman", "type": "state"}\n',
        ".yaml": "- kind: actor\n  id: oman\n  name: Oman\n  type: state\n",
        ".csv": "id,name,type\noman,Oman,state\n",
    }
    path = tmp_path / f"actors{suffix}"
    path.write_bytes(b"\xef\xbb\xbf" + texts[suffix].encode("utf-8"))
    p = run_cli(["ingest", str(path), "--json"], tmp_path / "store")
    assert json.loads(p.stdout)[0]["written"]["nodes"] == 1


def test_a_utf8_byte_order_mark_is_accepted_by_the_api(client: Any) -> None:
    body = b"\xef\xbb\xbf" + b'{"kind": "actor", "id": "oman", "name": "Oman", "type": "state"}\n'
    r = client.post("/ingest", content=body, headers=NDJSON)
    assert r.status_code == 202, r.text
    done = wait_job(client, r.json()["url"])
    assert done["status"] == "succeeded" and done["report"]["written"]["nodes"] == 1, done
    r = client.post(
        "/ingest",
        content=b"\xef\xbb\xbf" + json.dumps({"records": []}).encode(),
        headers={**AUTH, "Content-Type": "application/json"},
    )
    assert r.status_code == 202, r.text


@pytest.mark.parametrize("depth", [40, 3_000, 100_000])
def test_deeply_nested_bodies_are_422_not_500(client: Any, depth: int) -> None:
    deep = b"[" * depth + b"]" * depth
    r = client.post(
        "/ingest",
        content=b'{"records": [{"kind": "actor", "name": "X", "type": "state", "roles": '
        + deep
        + b"}]}",
        headers={**AUTH, "Content-Type": "application/json"},
    )
    assert_error(r, 422, "invalid_input")
    assert "nested" in r.json()["error"]["message"]
    r = client.post(
        "/ingest",
        content=b'{"kind": "actor", "name": "X", "type": "state", "roles": ' + deep + b"}\n",
        headers=NDJSON,
    )
    assert_error(r, 422, "invalid_input")


def test_an_empty_record_list_is_accepted_and_says_nothing_was_written(
    client: Any, example_store: GraphStore
) -> None:
    before = snapshot(example_store)
    r = client.post("/ingest", json={"records": []}, headers=AUTH)
    assert r.status_code == 202, r.text
    done = wait_job(client, r.json()["url"])
    assert done["status"] == "succeeded", done
    report = done["report"]
    assert report["records"] == 0 and report["written"] == {
        "nodes": 0,
        "relations": 0,
        "evidence": 0,
    }
    assert "nothing was written" in report["note"]
    assert snapshot(example_store) == before


def test_the_limits_are_stated_in_the_exchange_format_docs() -> None:
    doc = (ROOT / "docs" / "exchange-format.md").read_text(encoding="utf-8")
    for name, value in LIMITS.items():
        assert f"`{name}`" in doc and f"{value:,}" in doc, name


# ---------------------------------------------------------------------- export round trip
def test_export_with_line_separators_in_text_reingests_through_the_api(
    client: Any, example_store: GraphStore
) -> None:
    """U+2028 and U+2029 are text, not line breaks: the NDJSON reader splits on \\n only."""
    odd = "first\u2028second\u2029third\u0085fourth\x0bfifth\x1cend"
    records = [
        {"kind": "actor", "id": "oman", "name": "Oman", "type": "state", "description": odd},
        {
            "kind": "statement",
            "id": "st-odd",
            "speaker": "oman",
            "text": odd,
            "evidence": odd,
            "document": "ceasefire-talks-live-updates",
        },
    ]
    r = client.post("/ingest", json={"records": records}, headers=AUTH)
    assert wait_job(client, r.json()["url"])["status"] == "succeeded"
    exported = client.get("/export")
    assert exported.status_code == 200
    assert "\u2028" in exported.text or "\\u2028" in exported.text
    before = snapshot(example_store)
    r = client.post("/ingest", content=exported.content, headers=NDJSON)
    assert r.status_code == 202, r.text
    done = wait_job(client, r.json()["url"])
    assert done["status"] == "succeeded", done
    assert done["report"]["written"] == {"nodes": 0, "relations": 0, "evidence": 0}
    assert snapshot(example_store) == before
    assert example_store.get_nodes(ACTOR, ["oman"])["oman"].description == odd
    assert client.get("/actors/oman").json()["description"] == odd


# ---------------------------------------------------------------------- smaller refusals
def test_an_inverted_window_is_refused(client: Any, example_store: GraphStore) -> None:
    for url in (
        "/stances?topic=ceasefire-proposal&since=2024-05-01&until=2024-01-01",
        "/influence?since=2024-05-01&until=2024-01-01",
        "/statements?since=2024-05-01&until=2024-01-01",
        "/actors/hamas/neighbors?since=2024-05-01&until=2024-01-01",
    ):
        r = client.get(url)
        assert_error(r, 422, "invalid_input")
        assert "after until" in r.json()["error"]["message"], url
    with pytest.raises(InputError, match="after until"):
        Graph(example_store).stances("ceasefire-proposal", since="2024-05-01", until="2024-01-01")


def test_an_inverted_window_is_one_line_in_the_cli(tmp_path: Path) -> None:
    store = tmp_path / "store"
    run_cli(["ingest", str(ROOT / "examples" / "ceasefire-2024" / "records.jsonl")], store)
    p = run_cli(["influence", "--since", "2024-05-01", "--until", "2024-01-01"], store, check=False)
    assert p.returncode != 0
    lines = [x for x in p.stderr.splitlines() if x.strip()]
    assert len(lines) == 1 and "after until" in lines[0], p.stderr


def test_huge_offsets_are_refused_by_the_facade(example_store: GraphStore) -> None:
    """The API caps offsets; the facade refuses them too, so the CLI gets one clean line on
    both stores (Neo4j once answered 500 for 2**63 - 1)."""
    graph = Graph(example_store)
    with pytest.raises(LimitError, match="offset"):
        graph.topics(offset=2**63 - 1)


def test_405_advertises_the_routes_own_methods(client: Any) -> None:
    r = client.options("/ingest")
    assert r.status_code == 405
    assert r.headers["allow"] == "POST"
    r = client.request("DELETE", "/actors")
    assert r.status_code == 405 and "GET" in r.headers["allow"]


# ---------------------------------------------------------------------- secrets
SECRET = "s3cret-Pw"
USER = "alice-operator"


def _closed_port_uri() -> tuple[str, int]:
    port = free_port()  # nothing listens there
    return f"bolt://{USER}:{SECRET}@127.0.0.1:{port}", port


def test_a_password_in_the_store_uri_leaves_the_uri() -> None:
    uri, port = _closed_port_uri()
    s = CoreSettings(store=uri)
    assert s.store == f"bolt://127.0.0.1:{port}"
    assert (s.neo4j_user, s.neo4j_password) == (USER, SECRET)
    assert SECRET not in repr(s) and SECRET not in str(s.model_dump(exclude={"neo4j_password"}))
    with_env = CoreSettings(store=uri, neo4j_password="from-env")
    assert with_env.neo4j_password == "from-env"  # NEO4J_PASSWORD wins


def test_no_secret_host_or_user_in_ready_or_503_bodies(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    uri, port = _closed_port_uri()
    settings = settings_for(tmp_path, store=uri)
    with (
        caplog.at_level(logging.DEBUG),
        TestClient(create_app(settings), raise_server_exceptions=False) as c,
    ):
        bodies = []
        for url in ("/ready", "/actors", "/stats", "/ready"):
            r = c.get(url)
            assert_error(r, 503, "store_unavailable")
            bodies.append(r.text)
        r = c.post("/ingest", json={"records": []}, headers=AUTH)
        assert_error(r, 503, "store_unavailable")
        bodies.append(r.text)
    for body in bodies:
        for secret in (SECRET, USER, "127.0.0.1", str(port)):
            assert secret not in body, (secret, body)
    assert "Neo4j" in bodies[0]  # it still says what is wrong
    assert caplog.records and all(SECRET not in rec.getMessage() for rec in caplog.records)


def test_no_secret_in_cli_output_or_log_file(tmp_path: Path) -> None:
    uri, port = _closed_port_uri()
    log = tmp_path / "actorgraph.log"
    env = {
        **os.environ,
        "ACTORGRAPH_STORE": uri,
        "ACTORGRAPH_LOG_FILE": str(log),
        "ACTORGRAPH_LOG_LEVEL": "DEBUG",
        "COLUMNS": "200",
    }
    env.pop("NEO4J_PASSWORD", None)
    p = subprocess.run(
        [str(BIN), "stats"], capture_output=True, text=True, env=env, timeout=120, cwd=ROOT
    )
    assert p.returncode != 0
    assert f"127.0.0.1:{port}" in p.stderr  # the operator is told where
    out = p.stdout + p.stderr + log.read_text(encoding="utf-8")
    assert SECRET not in out, out
    assert "NEO4J_PASSWORD" in p.stderr  # and how to pass the password instead


def test_library_warnings_are_one_line_without_credentials(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The Neo4j driver warns of each transaction it retries with the server's multi-line
    message; it goes where actorgraph's log goes, on one line, credentials redacted."""
    configure_logging(CoreSettings(log_file=str(tmp_path / "x.log")), stderr=True)
    try:
        logging.getLogger("neo4j").warning(
            "Transaction failed and will be retried in %ss (%s)",
            1.1,
            "{code: Neo.TransientError.General}\n{message: lost\n at bolt://u:pw@host}",
        )
    finally:
        logging.getLogger("neo4j").handlers.clear()
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "will be retried" in err
    assert "pw@" not in err and "bolt://***@host" in err
    written = (tmp_path / "x.log").read_text(encoding="utf-8").strip()
    assert len(written.splitlines()) == 1 and "pw@" not in written


# ---------------------------------------------------------------------- retried batches
@pytest.mark.neo4j
def test_a_batch_the_driver_retried_is_counted_in_the_ingest_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from neo4j.exceptions import SessionExpired

    store = make_store("neo4j", tmp_path)
    real = store._write_tx  # type: ignore[attr-defined]
    failed: list[int] = []

    def once(tx: Any, batch: Any, *learnt: Any) -> Any:
        if not failed:  # the connection drops inside the first try; the driver tries again
            failed.append(1)
            raise SessionExpired("connection lost")
        return real(tx, batch, *learnt)

    monkeypatch.setattr(store, "_write_tx", once)
    path = write_jsonl(
        tmp_path / "r.jsonl",
        [{"kind": "actor", "id": f"a{i}", "name": f"A{i}", "type": "state"} for i in range(5)],
    )
    report = Loader(store, batch_size=2).load_file(path)
    assert failed == [1]
    assert report.written.nodes == 5 and report.written.retried == 1
    assert report.to_dict()["retried"] == 1 and "tried again" in (report.note or "")
    store.close()


# ---------------------------------------------------------------------- load
def test_answers_are_kept_per_data_version(
    example_store: GraphStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A path, broker or neighbourhood asked again before the next write is not searched
    again; after a write it is (the soak's tail was the same searches done over and over)."""
    graph = Graph(example_store)
    searches: list[str] = []
    # Neo4j reads a neighbourhood's levels inside the transaction that reads the version and
    # the names (named_neighborhood), not through neighborhood()
    hood = "_neighbourhood_read" if example_store.backend == "neo4j" else "neighborhood"
    real_paths, real_hood = example_store.find_paths, getattr(example_store, hood)
    real_brokers = example_store.inner_counts

    def counted_paths(*a: Any, **kw: Any) -> Any:
        searches.append("paths")
        return real_paths(*a, **kw)

    def counted_hood(*a: Any, **kw: Any) -> Any:
        searches.append("hood")
        return real_hood(*a, **kw)

    def counted_brokers(*a: Any, **kw: Any) -> Any:
        # a store may count brokers through its find_paths (Neo4j) or without it (embedded)
        searches.append("brokers")
        return real_brokers(*a, **kw)

    monkeypatch.setattr(example_store, "find_paths", counted_paths)
    monkeypatch.setattr(example_store, hood, counted_hood)
    monkeypatch.setattr(example_store, "inner_counts", counted_brokers)
    first = graph.paths("Hamas", "United States").to_dict()
    for _ in range(3):
        assert graph.paths("Hamas", "United States").to_dict() == first
        graph.brokers("Hamas", "United States")
        graph.neighbors("Qatar")
    # the paths' search, the brokers' (their own listing on both stores), the neighbourhood's
    assert searches == ["paths", "brokers", "hood"]
    searched = len(searches)
    Loader(example_store).load_file(
        write_jsonl(
            tmp_path / "new.jsonl",
            [
                {"kind": "actor", "id": "oman", "name": "Oman", "type": "state"},
                {"kind": "relation", "type": "mediates", "source": "oman", "target": "hamas"},
            ],
        )
    )
    graph.paths("Hamas", "United States")
    graph.neighbors("Qatar")
    assert searches[searched:] == ["paths", "hood"]
    assert graph.paths("Hamas", "Oman").paths  # the new data is seen


def test_the_metrics_of_one_window_share_one_projection(
    example_store: GraphStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    graph = Graph(example_store)
    reads: list[int] = []
    real = example_store.projection_edges

    def counted(*a: Any, **kw: Any) -> Any:
        reads.append(1)
        return real(*a, **kw)

    monkeypatch.setattr(example_store, "projection_edges", counted)
    try:
        for metric in ("pagerank", "betweenness", "degree"):
            assert graph.influence(metric, since="2024-01-01")
        assert len(reads) == 1
        graph.influence("pagerank", until="2024-12-31")
        assert len(reads) == 2
    finally:
        graph.close()
