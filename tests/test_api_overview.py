"""What the explorer asks on opening and to name documents, on every backend: ``/overview``,
``/documents``, and the search order that puts actors with relations first."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from actorgraph.api.app import create_app
from actorgraph.graph.store import GraphStore
from fastapi.testclient import TestClient

from tests.test_api import settings_for

DOC = "ceasefire-talks-live-updates"


@pytest.fixture
def client(tmp_path: Path, example_store: GraphStore) -> Iterator[TestClient]:
    with TestClient(create_app(settings_for(tmp_path), store=example_store)) as c:
        yield c


def test_overview_counts_dates_documents_and_central_actors(client: TestClient) -> None:
    body = client.get("/overview").json()
    stats = client.get("/stats").json()
    assert body["counts"] == stats
    dates = body["dates"]
    assert (dates["first"], dates["last"]) == ("2024-04-30", "2024-05-01")
    assert [m["month"] for m in dates["by_month"]] == ["2024-04", "2024-05"]
    # every piece of relation evidence is counted once, dated or not
    records = [json.loads(line) for line in client.get("/export").text.splitlines()]
    exported = [r for r in records if r["kind"] == "relation"]
    assert sum(m["evidence"] for m in dates["by_month"]) + dates["undated"] == len(exported)
    docs = body["documents"]
    assert docs["count"] == 1
    assert docs["cited"][0]["id"] == DOC
    assert docs["cited"][0]["title"] == "Israel-Hamas War Ceasefire Talks: Live Updates"
    assert docs["cited"][0]["evidence"] == sum(1 for r in exported if r.get("document") == DOC)
    central = body["central"]
    degree = client.get("/influence", params={"metric": "degree", "top": 8}).json()["data"]
    assert central["metric"] == "degree" and central["data"] == degree
    assert len(client.get("/overview", params={"top": 2}).json()["central"]["data"]) == 2


def test_overview_follows_new_data(client: TestClient, example_store: GraphStore) -> None:
    before = client.get("/overview").json()["dates"]
    rec: dict[str, Any] = {
        "kind": "relation",
        "type": "mediates",
        "source": "qatar",
        "target": "israel",
        "evidence": "Qatar passed a message to Israel.",
        "date": "2023-11-02",
    }
    from actorgraph.ingest.loader import Loader

    Loader(example_store).load_records([rec])
    after = client.get("/overview").json()["dates"]
    assert before["first"] == "2024-04-30" and after["first"] == "2023-11-02"
    assert after["by_month"][0] == {"month": "2023-11", "evidence": 1}


def test_documents_by_id_and_all(client: TestClient) -> None:
    one = client.get("/documents", params={"id": [DOC, "no-such-doc"]}).json()
    assert one["count"] == 1 and one["data"][0]["id"] == DOC
    assert one["data"][0]["published"] == "2024-05-01"
    every = client.get("/documents").json()
    assert every["count"] == 1 and [d["id"] for d in every["data"]] == [DOC]
    assert client.get("/documents", params={"id": "no-such-doc"}).json() == {
        "data": [],
        "count": 0,
    }


def test_search_puts_actors_with_relations_first_among_equal_matches(client: TestClient) -> None:
    # "United" is a prefix of United Nations (no relation) and United States (many)
    found = client.get("/actors", params={"q": "United", "limit": 2}).json()["data"]
    assert [a["id"] for a in found] == ["united-states", "united-nations"]
    # a better match still wins: an exact name beats a related prefix match
    exact = client.get("/actors", params={"q": "United Nations"}).json()["data"]
    assert exact[0]["id"] == "united-nations"
