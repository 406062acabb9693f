"""The CLI as a user runs it: real processes, the README's main command, one-line errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import EXAMPLE, ROOT, run_cli

run = run_cli


@pytest.fixture(scope="module")
def loaded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    store = tmp_path_factory.mktemp("cli") / "store"
    run(["ingest", str(EXAMPLE)], store)
    return store


def test_readme_main_command_loads_the_example_and_prints_the_routes(tmp_path: Path) -> None:
    env = {**os.environ, "ACTORGRAPH_STORE": str(tmp_path / "store"), "COLUMNS": "200"}
    p = subprocess.run(
        [str(ROOT / "scripts" / "demo"), "--no-serve"],
        capture_output=True,
        text=True,
        env=env,
        timeout=180,
        cwd=ROOT,
    )
    assert p.returncode == 0, p.stderr
    out = p.stdout
    assert "United States → Qatar [intermediary] → Hamas" in out
    assert "United States → Egypt [intermediary] → Hamas" in out
    assert "communicate through intermediary officials in Qatar and Egypt" in out


def test_paths_json_has_both_routes_with_evidence(loaded: Path) -> None:
    data = json.loads(run(["paths", "United States", "Hamas", "--json"], loaded).stdout)
    routes = [[n["name"] for n in p["nodes"]] for p in data["paths"]]
    assert ["United States", "Egypt", "Hamas"] in routes
    assert ["United States", "Qatar", "Hamas"] in routes
    for p in data["paths"]:
        for hop in p["hops"]:
            assert hop["relations"], hop
            for rel in hop["relations"]:
                assert rel["type"] in ("mediates", "speaks_for")
                assert rel["evidence"][0]["sentence"]


def test_brokers_rank_qatar_and_egypt_first(loaded: Path) -> None:
    data = json.loads(run(["brokers", "Israel", "Hamas", "--json"], loaded).stdout)
    assert {b["actor"]["name"] for b in data["data"][:2]} == {"Qatar", "Egypt"}
    assert data["data"][0]["share"] >= data["data"][-1]["share"]


def test_stances_show_the_positions_of_the_article(loaded: Path) -> None:
    data = json.loads(run(["stances", "--json"], loaded).stdout)["data"]
    got = {(s["source"]["id"], s["type"], s["target"]["id"]) for s in data}
    assert ("hamas", "rejects", "ceasefire-proposal") in got
    assert ("hamas", "demands", "permanent-ceasefire") in got
    assert ("israel", "rejects", "permanent-ceasefire") in got


@pytest.mark.parametrize(
    "args",
    [
        ["actors", "ham"],
        ["influence", "--metric", "betweenness"],
        ["neighbors", "Hamas", "--depth", "2"],
        ["statements", "--actor", "Hamas"],
        ["stats"],
        ["schema"],
        ["topics"],
        ["stances", "--actor", "Hamas"],
        ["statements", "--speaker", "Osama Hamdan"],
    ],
)
def test_every_query_command_speaks_json(loaded: Path, args: list[str]) -> None:
    json.loads(run([*args, "--json"], loaded).stdout)


def test_unknown_actor_is_one_line_with_suggestions(loaded: Path) -> None:
    p = run(["paths", "United Sttes", "Hamas"], loaded, check=False)
    assert p.returncode == 2
    lines = [x for x in p.stderr.splitlines() if x.strip()]
    assert len(lines) == 1, p.stderr
    assert "United States" in lines[0] and "Traceback" not in p.stderr


def test_over_the_hop_cap_is_refused(loaded: Path) -> None:
    p = run(["paths", "Qatar", "Hamas", "--max-hops", "7"], loaded, check=False)
    assert p.returncode == 2 and "limit of 6" in p.stderr


def test_bad_file_names_file_line_and_field_and_writes_nothing(tmp_path: Path) -> None:
    store = tmp_path / "store"
    bad = tmp_path / "bad.jsonl"
    bad.write_text(
        '{"kind":"actor","id":"a","name":"A","type":"state"}\n'
        '{"kind":"relation","type":"mediates","source":"a","target":"a","date":"2024-13-01"}\n'
    )
    p = run(["ingest", str(bad)], store, check=False)
    assert p.returncode == 2
    assert f"{bad}:2: field 'date'" in p.stderr
    stats = json.loads(run(["stats", "--json"], store).stdout)
    assert stats["nodes"]["Actor"] == 0


def test_export_then_ingest_round_trips(loaded: Path, tmp_path: Path) -> None:
    out = tmp_path / "export.jsonl"
    run(["export", "-o", str(out)], loaded)
    fresh = tmp_path / "fresh"
    run(["ingest", str(out)], fresh)
    a = json.loads(run(["stats", "--json"], loaded).stdout)
    b = json.loads(run(["stats", "--json"], fresh).stdout)
    for key in ("nodes", "relations", "evidence"):
        assert a[key] == b[key]
    again = json.loads(run(["ingest", str(out), "--json"], fresh).stdout)
    assert again[0]["written"] == {"nodes": 0, "relations": 0, "evidence": 0}


def test_delete_actor_by_id(tmp_path: Path) -> None:
    store = tmp_path / "store"
    run(["ingest", str(EXAMPLE)], store)
    p = run(["delete-actor", "Qatar"], store, check=False)
    assert p.returncode == 2 and "did you mean: qatar" in p.stderr
    assert "deleted Qatar (qatar)" in run(["delete-actor", "qatar"], store).stdout
    assert run(["actors", "qatar", "--json"], store).stdout.count('"id": "qatar"') == 0


def test_an_ingest_leaves_the_first_influence_ranking_computed(loaded: Path) -> None:
    """The first ``influence`` after an ingest reads the PageRank the ingest kept in the
    store's file (of the data version it wrote) instead of computing it."""
    import sqlite3

    from actorgraph.graph.embedded.persistence import DB_NAME

    with sqlite3.connect(loaded / DB_NAME) as conn:
        version = conn.execute("SELECT value FROM meta WHERE key = 'version'").fetchone()[0]
        kept = conn.execute("SELECT key, version FROM rankings").fetchall()
    assert [v for k, v in kept if "pagerank" in k] == [str(version)], kept
    out = json.loads(run(["influence", "--json"], loaded).stdout)
    assert out["version"] == str(version) and not out["stale"] and out["data"]


def test_stats_reads_counts_without_numpy_or_the_record_models(loaded: Path) -> None:
    """``stats`` reads counts from SQLite: it imports neither the actor arrays (numpy) nor
    the exchange format's models, curation or igraph (issue 11: cold commands)."""
    code = (
        "import sys\n"
        "from actorgraph.cli.main import main\n"
        "sys.argv = ['actorgraph', 'stats', '--json']\n"
        "try:\n"
        "    main()\n"
        "except SystemExit:\n"
        "    pass\n"
        "heavy = ('numpy', 'igraph', 'networkx', 'rapidfuzz', 'actorgraph.graph.exchange',\n"
        "         'actorgraph.graph.curation', 'actorgraph.graph.duplicates')\n"
        "print(sorted(m for m in heavy if m in sys.modules), file=sys.stderr)\n"
    )
    env = {**os.environ, "ACTORGRAPH_STORE": str(loaded)}
    p = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, cwd=ROOT, env=env
    )
    assert p.returncode == 0, p.stderr
    assert json.loads(p.stdout)
    assert p.stderr.strip() == "[]", p.stderr


def test_a_command_that_needs_no_store_imports_no_store() -> None:
    # `schema` and `--help` must start fast: no store, no networkx/numpy, no spaCy, no web stack
    code = (
        "import sys\n"
        "from actorgraph.cli.main import main\n"
        "sys.argv = ['actorgraph', 'schema', '--json']\n"
        "try:\n"
        "    main()\n"
        "except SystemExit:\n"
        "    pass\n"
        # (pydantic is not in the list: typer itself imports it)
        "heavy = ('networkx', 'numpy', 'spacy', 'fastapi', 'uvicorn', 'neo4j', 'igraph',\n"
        "         'pydantic_settings', 'sqlite3', 'actorgraph.graph.store',\n"
        "         'actorgraph.graph.settings', 'actorgraph.ingest')\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in heavy or m in heavy\n"
        "             or m.startswith(heavy)), file=sys.stderr)\n"
    )
    p = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, cwd=ROOT
    )
    assert p.returncode == 0, p.stderr
    assert json.loads(p.stdout)["relations"]["mediates"]["channel"] is True
    assert p.stderr.strip() == "[]", p.stderr
