"""Reports: the example data, two synthetic windows with known changes, an empty window,
the rendered HTML in headless Chromium, the CLI and the API routes."""

from __future__ import annotations

import json
import re
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from actorgraph.graph.errors import InputError
from actorgraph.graph.store import GraphStore
from actorgraph.ingest.loader import Loader
from actorgraph.reports.archive import is_report_id, list_reports, report_dir
from actorgraph.reports.data import build_report
from actorgraph.reports.runner import ReportOptions, run_report
from actorgraph.reports.watch import parse_watch
from actorgraph.reports.window import Window, resolve_window

from tests.helpers import ROOT

ARTIFACTS = ROOT / "artifacts"
T1 = datetime(2024, 1, 8, 7, 0, tzinfo=UTC)
T2 = datetime(2024, 1, 15, 7, 0, tzinfo=UTC)


# --------------------------------------------------------------------------- helpers
def rel_keys(data: dict[str, Any], kind: str) -> set[tuple[str, str, str]]:
    return {
        (r["type"], r["source"]["id"], r["target"]["id"])
        for items in data["relations"][kind].values()
        for r in items
    }


def ranks(data: dict[str, Any], n: int = 5) -> list[tuple[str, int, int | None, str]]:
    return [
        (r["actor"]["id"], r["rank"], r["previous_rank"], r["status"])
        for r in data["influence"]["ranking"][:n]
    ]


def actor(name: str) -> dict[str, Any]:
    return {"kind": "actor", "id": name.lower(), "name": name, "type": "organization"}


def rel(type_: str, source: str, target: str, **extra: Any) -> dict[str, Any]:
    return {
        "kind": "relation",
        "type": type_,
        "source": source,
        "target": target,
        "evidence": f"{source} {type_} {target}.",
        **extra,
    }


WEEK1 = [
    {"kind": "document", "id": "d1", "title": "Week one", "published": "2024-01-02"},
    *(actor(n) for n in ("Alpha", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot")),
    {"kind": "topic", "id": "treaty", "name": "the treaty"},
    *(rel("pressures", s, "alpha", date="2024-01-03") for s in ("bravo", "charlie", "delta")),
    rel("pressures", "echo", "bravo", date="2024-01-03"),
    rel("demands", "alpha", "treaty", date="2024-01-04"),
    rel("mediates", "foxtrot", "alpha", valid_from="2023-12-01"),
    rel("mediates", "foxtrot", "echo", valid_from="2023-12-01", valid_to="2024-01-10"),
    {
        "kind": "statement",
        "id": "d1/s1",
        "speaker": "alpha",
        "text": "We want the treaty.",
        "quote": True,
        "date": "2024-01-02",
        "document": "d1",
        "about": ["treaty"],
    },
]
WEEK2 = [
    {"kind": "document", "id": "d2", "title": "Week two", "published": "2024-01-09"},
    actor("Golf"),
    *(rel("pressures", s, "delta", date="2024-01-09") for s in ("alpha", "bravo", "charlie")),
    rel("pressures", "echo", "delta", date="2024-01-09"),
    rel("rejects", "alpha", "treaty", date="2024-01-09"),
    rel("demands", "bravo", "treaty", date="2024-01-10"),
    rel("mediates", "golf", "alpha", date="2024-01-09"),
    rel("mediates", "golf", "echo", date="2024-01-09"),
    {
        "kind": "statement",
        "id": "d2/s1",
        "speaker": "bravo",
        "text": "The treaty must be signed.",
        "quote": True,
        "date": "2024-01-10",
        "document": "d2",
        "about": ["treaty"],
    },
    {
        "kind": "statement",
        "id": "d2/s2",
        "speaker": "golf",
        "text": "it was ready to help",
        "date": "2024-01-09",
        "document": "d2",
    },
]
WATCH = parse_watch(
    {
        "pairs": [{"source": "Alpha", "target": "Echo", "max_hops": 3}],
        "influence": {"metric": "pagerank", "relations": ["pressures"], "top": 5},
    }
)


# --------------------------------------------------------------------------- windows and watch
def test_window_resolution() -> None:
    today = date(2024, 5, 7)
    assert resolve_window(period="7d", today=today) == Window("2024-05-01", "2024-05-07")
    assert resolve_window(period="1w", until="2024-05-01") == Window("2024-04-25", "2024-05-01")
    assert resolve_window(today=today) == Window(None, "2024-05-07")
    assert resolve_window(previous_until="2024-05-03", today=today) == Window(
        "2024-05-04", "2024-05-07"
    )
    # a second report on the same day covers that day
    assert resolve_window(previous_until="2024-05-07", today=today).since == "2024-05-07"
    for bad in (
        {"period": "7x"},
        {"period": "0d"},
        {"since": "2024-13-01"},
        {"since": "2024-05-02", "until": "2024-05-01"},
        {"since": "2024-05-01", "period": "7d"},
    ):
        with pytest.raises(InputError):
            resolve_window(today=today, **bad)


def test_watch_file_errors() -> None:
    for bad in (
        [{"source": "a"}],
        [{"source": "a", "target": "b", "max_hops": 9}],
        [{"source": "a", "target": "b", "hops": 2}],
        {"pairs": [], "influence": {"metric": "fame"}},
        "just text",
    ):
        with pytest.raises(InputError):
            parse_watch(bad)
    w = parse_watch([{"source": "A", "target": "B", "relations": "mediates"}])
    assert w.pairs[0].relations == ("mediates",) and w.pairs[0].max_hops == 4


# --------------------------------------------------------------------------- example data
def test_example_report(example_store: GraphStore, tmp_path: Path) -> None:
    watch = parse_watch(
        [{"source": "Israel", "target": "Hamas"}, {"source": "Nobody at all", "target": "Hamas"}]
    )
    opts = ReportOptions(since="2024-04-30", until="2024-05-01", watch=watch)
    res = run_report(example_store, tmp_path / "out", opts, now=T1)
    d = res.data
    assert res.id == "2024-01-08T0700" and d["previous"] is None and not d["empty"]
    assert d["summary"]["window"]["statements"] == 9
    assert d["summary"]["window"]["documents"] == 1
    assert d["summary"]["total"]["relations"]["mediates"] == 6
    # every relation is first seen in the window except the two role-derived speaks_for
    assert d["relations"]["new_count"] == 22 and d["relations"]["ended_count"] == 0
    assert ("speaks_for", "antony-blinken", "united-states") not in rel_keys(d, "new")
    assert ("mediates", "qatar", "hamas") in rel_keys(d, "new")
    new_actors = {a["actor"]["id"] for a in d["new_actors"]}
    assert {"qatar", "egypt", "hamas", "osama-hamdan", "yair-lapid"} <= new_actors
    # Blinken and Netanyahu hold roles dated years before; topics are not actors
    assert not {"antony-blinken", "benjamin-netanyahu", "ceasefire-proposal"} & new_actors
    speakers = {g["actor"]["id"]: g["count"] for g in d["statements"]}
    assert speakers["osama-hamdan"] == 3 and speakers["benjamin-netanyahu"] == 1
    stance_targets = {t["target"]["id"] for t in d["stances"]}
    assert {"ceasefire-proposal", "permanent-ceasefire", "rafah-operation"} <= stance_targets
    ch, bad = d["channels"]
    assert "error" in bad and "Nobody at all" in bad["error"]
    paths = {tuple(p["names"]) for p in ch["paths"]}
    assert ("Israel", "Egypt", "Hamas") in paths and ("Israel", "Qatar", "Hamas") in paths
    # on the eve of the window no mediation was known: every channel is new
    assert len(ch["new_paths"]) == len(ch["paths"]) and ch["lost_paths"] == []
    assert [b["actor"]["id"] for b in ch["brokers"][:2]] == ["egypt", "qatar"]
    assert d["influence"]["ranking"][0]["rank"] == 1
    files = sorted(p.name for p in res.path.iterdir())
    assert files == [
        "meta.json",
        "network.png",
        "report.html",
        "report.json",
        "report.md",
        "statements.png",
    ]
    html = res.html.read_text(encoding="utf-8")
    assert html.count('src="data:image/png;base64,') == 2
    assert "Nothing changed" not in html and "@media print" in html
    assert "Our position on the current negotiating text is negative." in html
    md = (res.path / "report.md").read_text(encoding="utf-8")
    assert "![Network of changes](network.png)" in md and "Israel → Egypt → Hamas" in md
    assert json.loads((res.path / "report.json").read_text())["id"] == res.id
    index = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert f'href="{res.id}/report.html"' in index


# --------------------------------------------------------------------------- two windows
def test_two_successive_windows(store: GraphStore, tmp_path: Path) -> None:
    out = tmp_path / "out"
    Loader(store).load_records(WEEK1)
    r1 = run_report(
        store, out, ReportOptions(since="2024-01-01", until="2024-01-07", watch=WATCH), now=T1
    )
    d1 = r1.data
    assert rel_keys(d1, "new") == {
        ("pressures", "bravo", "alpha"),
        ("pressures", "charlie", "alpha"),
        ("pressures", "delta", "alpha"),
        ("pressures", "echo", "bravo"),
        ("demands", "alpha", "treaty"),
    }
    assert rel_keys(d1, "ended") == set()
    assert [a["actor"]["id"] for a in d1["new_actors"]] == ["bravo", "charlie", "delta"]
    assert [(t["target"]["id"], [(c["change"], c["type"], c["actor"]["id"]) for c in t["changes"]])
            for t in d1["stances"]] == [("treaty", [("new", "demands", "alpha")])]  # fmt: skip
    ch1 = d1["channels"][0]
    assert [p["nodes"] for p in ch1["paths"]] == [["alpha", "foxtrot", "echo"]]
    assert ch1["new_paths"] == [] and ch1["lost_paths"] == []  # known since December
    assert [(b["actor"]["id"], b["share"]) for b in ch1["brokers"]] == [("foxtrot", 1.0)]
    assert ranks(d1) == [
        ("alpha", 1, None, "—"),
        ("bravo", 2, None, "—"),
        ("charlie", 3, None, "—"),
        ("delta", 4, None, "—"),
        ("echo", 5, None, "—"),
    ]

    Loader(store).load_records(WEEK2)
    r2 = run_report(store, out, ReportOptions(until="2024-01-14", watch=WATCH), now=T2)
    d2 = r2.data
    # no --since: the window starts the day after the previous report's
    assert d2["window"]["since"] == "2024-01-08" and d2["previous"]["id"] == r1.id
    assert rel_keys(d2, "new") == {
        ("pressures", "alpha", "delta"),
        ("pressures", "bravo", "delta"),
        ("pressures", "charlie", "delta"),
        ("pressures", "echo", "delta"),
        ("rejects", "alpha", "treaty"),
        ("demands", "bravo", "treaty"),
        ("mediates", "golf", "alpha"),
        ("mediates", "golf", "echo"),
    }
    assert rel_keys(d2, "ended") == {("mediates", "foxtrot", "echo")}
    assert [(a["actor"]["id"], a["first_seen"]) for a in d2["new_actors"]] == [
        ("golf", "2024-01-09")
    ]
    [treaty] = d2["stances"]
    changes = [
        (c["change"], c["type"], c["actor"]["id"], c["previously"]) for c in treaty["changes"]
    ]
    assert changes == [
        ("new", "rejects", "alpha", ["demands"]),
        ("new", "demands", "bravo", []),
    ]  # fmt: skip
    ch2 = d2["channels"][0]
    assert ch2["baseline"] == f"previous report {r1.id}"
    assert [p["nodes"] for p in ch2["paths"]] == [["alpha", "golf", "echo"]]
    assert [p["nodes"] for p in ch2["new_paths"]] == [["alpha", "golf", "echo"]]
    assert [p["nodes"] for p in ch2["lost_paths"]] == [["alpha", "foxtrot", "echo"]]
    assert [(b["actor"]["id"], b["status"]) for b in ch2["brokers"]] == [("golf", "new")]
    assert ranks(d2) == [
        ("delta", 1, 4, "up"),
        ("alpha", 2, 1, "down"),
        ("bravo", 3, 2, "down"),
        ("charlie", 4, 3, "down"),
        ("echo", 5, 5, "same"),
    ]
    assert [g["actor"]["id"] for g in d2["statements"]] == ["bravo", "golf"]
    assert d2["summary"]["window"]["statements"] == 2
    assert d2["summary"]["window"]["documents"] == 1
    html = r2.html.read_text(encoding="utf-8")
    assert "previously demands" in html and "▲ 3" in html and "lost" in html
    assert [m["id"] for m in list_reports(out)] == [r1.id, r2.id]


# --------------------------------------------------------------------------- empty windows
def test_empty_window(example_store: GraphStore, tmp_path: Path) -> None:
    opts = ReportOptions(since="2030-01-01", until="2030-01-07", watch=WATCH)
    res = run_report(example_store, tmp_path / "out", opts, now=T1)
    d = res.data
    assert d["empty"] is True
    assert d["new_actors"] == [] and d["statements"] == [] and d["stances"] == []
    assert d["relations"]["new_count"] == d["relations"]["ended_count"] == 0
    assert d["influence"]["ranking"] == []
    assert "error" in d["channels"][0]  # the watched actors are not in this graph
    html = res.html.read_text(encoding="utf-8")
    assert 'id="nothing-changed"' in html and "data:image/png" not in html
    assert not (res.path / "network.png").exists()
    assert "Nothing changed in this window" in (res.path / "report.md").read_text()


def test_empty_graph(tmp_path: Path) -> None:
    from actorgraph.graph.embedded import EmbeddedStore

    s = EmbeddedStore(tmp_path / "store")
    try:
        d = build_report(s, Window(None, "2024-01-01"))
    finally:
        s.close()
    assert d["empty"] and d["summary"]["total"]["actors"] == 0 and d["timeline"]["buckets"] == []


# --------------------------------------------------------------------------- formats
def test_formats_and_ids(example_store: GraphStore, tmp_path: Path) -> None:
    out = tmp_path / "out"
    opts = ReportOptions(since="2024-05-01", until="2024-05-01", formats=["json"])
    a = run_report(example_store, out, opts, now=T1)
    b = run_report(example_store, out, opts, now=T1)
    assert (a.id, b.id) == ("2024-01-08T0700", "2024-01-08T0700-2")
    assert sorted(p.name for p in a.path.iterdir()) == ["meta.json", "report.json"]
    assert is_report_id(b.id) and not is_report_id("../2024-01-08T0700")
    from actorgraph.graph.errors import NotFoundError

    with pytest.raises(NotFoundError):
        report_dir(out, "2024-01-09T0700")
    from actorgraph.reports.archive import check_formats

    assert check_formats("html, markdown") == ["html", "md"]
    with pytest.raises(InputError):
        check_formats("pdf")


# --------------------------------------------------------------------------- CLI
def test_cli_report(tmp_path: Path) -> None:
    from actorgraph.cli.main import app
    from typer.testing import CliRunner

    store = tmp_path / "store"
    runner = CliRunner()
    ex = ROOT / "examples" / "ceasefire-2024" / "records.jsonl"
    assert runner.invoke(app, ["--store", str(store), "ingest", str(ex)]).exit_code == 0
    out = tmp_path / "out"
    args = ["--store", str(store), "report", "--since", "2024-04-30", "--until", "2024-05-01"]
    args += ["--watch", str(ROOT / "examples" / "watch.yaml"), "--out", str(out)]
    result = runner.invoke(app, [*args, "--format", "html,json"])
    assert result.exit_code == 0, result.output
    assert re.search(r"report \S+ \(2024-04-30 – 2024-05-01\): 9 new actors", result.output)
    [meta] = list_reports(out)
    assert meta["formats"] == ["html", "json"]
    bad = runner.invoke(app, ["--store", str(store), "report", "--period", "7x", "--out", str(out)])
    assert bad.exit_code != 0 and isinstance(bad.exception, InputError)


# --------------------------------------------------------------------------- browser
@pytest.mark.browser
def test_html_in_chromium(tmp_path: Path) -> None:
    sync_api = pytest.importorskip("playwright.sync_api")
    from actorgraph.graph.embedded import EmbeddedStore

    s = EmbeddedStore(tmp_path / "store")
    try:
        Loader(s).load_file(ROOT / "examples" / "ceasefire-2024" / "records.jsonl")
        watch = parse_watch([{"source": "Israel", "target": "Hamas"}])
        opts = ReportOptions(since="2024-04-30", until="2024-05-01", watch=watch)
        res = run_report(s, tmp_path / "out", opts, now=T1)
    finally:
        s.close()
    ARTIFACTS.mkdir(exist_ok=True)
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path="/usr/bin/chromium",
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        try:
            page = browser.new_page(viewport={"width": 1100, "height": 900})
            requests: list[str] = []
            page.on("request", lambda r: requests.append(r.url))
            page.goto(res.html.as_uri())
            assert page.title() == "actorgraph report — 2024-04-30 – 2024-05-01"
            # both pictures decoded from their data: URIs
            widths = page.eval_on_selector_all("img", "els => els.map(e => e.naturalWidth)")
            assert len(widths) == 2 and all(w > 300 for w in widths)
            assert page.locator("#summary .card").count() == 6
            assert page.locator("#channels td.path").first.inner_text() == "Israel → Egypt → Hamas"
            # self-contained: nothing but the page itself (and data: URIs) was fetched
            assert [u for u in requests if not u.startswith(("file:", "data:"))] == []
            page.screenshot(path=str(ARTIFACTS / "report.png"), full_page=True)
            page.emulate_media(media="print")
            assert page.locator("footer").is_hidden()
            page.pdf(path=str(ARTIFACTS / "report.pdf"))
        finally:
            browser.close()
    assert (ARTIFACTS / "report.png").stat().st_size > 10_000


# --------------------------------------------------------------------------- API
@pytest.fixture
def api_client(example_store: GraphStore, tmp_path: Path):
    from actorgraph.api import errors
    from actorgraph.api.deps import ApiState
    from actorgraph.api.routes.reports import router
    from actorgraph.settings import Settings
    from fastapi import FastAPI
    from fastapi.testclient import TestClient

    out = tmp_path / "reports"
    opts = ReportOptions(since="2024-04-30", until="2024-05-01")
    ids = [run_report(example_store, out, opts, now=t).id for t in (T1, T2)]
    (tmp_path / "secret.html").write_text("TOP-SECRET-CONTENT")
    app = FastAPI()  # the router alone: no UI mount behind it to answer normalized paths
    errors.install(app)
    app.state.actorgraph = ApiState(settings=Settings(reports_dir=str(out)))
    app.include_router(router)
    with TestClient(app) as client:
        yield client, ids


def test_api_lists_and_serves(api_client: Any) -> None:
    client, ids = api_client
    r = client.get("/reports")
    assert r.status_code == 200
    body = r.json()
    assert body["count"] == 2 and [x["id"] for x in body["data"]] == ids[::-1]
    first = body["data"][0]
    assert first["window"]["since"] == "2024-04-30" and first["created"].startswith("2024-01-15")
    assert first["links"]["self"] == f"/reports/{ids[1]}"
    page = client.get(first["links"]["self"])
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert "What changed: 2024-04-30 – 2024-05-01" in page.text
    js = client.get(first["links"]["json"])
    assert js.status_code == 200 and js.json()["previous"]["id"] == ids[0]
    assert client.get(f"/reports/{ids[0]}/network.png").headers["content-type"] == "image/png"


@pytest.mark.parametrize(
    "path",
    [
        "/reports/2099-01-01T0000",
        "/reports/..",
        "/reports/%2e%2e",
        "/reports/..%2Fsecret.html",
        "/reports/%2E%2E%2Fsecret.html",
        "/reports/2024-01-08T0700%2F..%2F..%2Fsecret.html",
        "/reports/2024-01-08T0700/meta.json",
        "/reports/2024-01-08T0700/..%2F..%2Fsecret.html",
        "/reports/nope",
    ],
)
def test_api_refuses_unknown_and_traversal(api_client: Any, path: str) -> None:
    client, _ids = api_client
    r = client.get(path)
    assert r.status_code == 404, (path, r.text)
    assert "TOP-SECRET-CONTENT" not in r.text
    if r.headers["content-type"].startswith("application/json") and "error" in r.json():
        assert r.json()["error"]["code"] == "not_found"
