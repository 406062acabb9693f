"""``actorgraph extract`` and ``actorgraph eval`` through typer's test runner."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import typer
from actorgraph.cli.main import app as main_app
from actorgraph.graph.errors import InputError
from typer.testing import CliRunner

from tests.helpers import SHARED, needs_seed

SEED = SHARED / "corpus" / "ceasefire-talks-live-updates.txt"
GOLD = SHARED / "gold" / "ceasefire-talks-live-updates.gold.jsonl"


@pytest.fixture(scope="module")
def app() -> typer.Typer:
    return main_app


@needs_seed
def test_extract_writes_records_of_every_document(app: typer.Typer, tmp_path: Path) -> None:
    md = tmp_path / "talks.md"
    md.write_text("---\ntitle: Talks\n---\nQatar urged Hamas to accept the offer.\n")
    out = tmp_path / "out" / "records.jsonl"
    r = CliRunner().invoke(
        app, ["extract", str(SEED), str(md), "-o", str(out), "--date", "2024-05-01"]
    )
    assert r.exit_code == 0, r.output
    recs = [json.loads(line) for line in out.read_text().splitlines()]
    docs = [x for x in recs if x["kind"] == "document"]
    assert [d["id"] for d in docs] == ["ceasefire-talks-live-updates", "talks"]
    assert all(d["published"] == "2024-05-01" for d in docs)
    assert {x["document"] for x in recs if x["kind"] in ("statement", "relation")} == {
        "ceasefire-talks-live-updates",
        "talks",
    }
    assert "2 documents" in r.output
    assert list(out.parent.glob(".*.tmp")) == []


@needs_seed
def test_bad_files_are_reported_and_the_rest_is_written(app: typer.Typer, tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02")
    out = tmp_path / "out.jsonl"
    r = CliRunner().invoke(
        app,
        [
            "extract",
            str(tmp_path / "empty.txt"),
            str(tmp_path / "bin.txt"),
            str(SEED),
            "-o",
            str(out),
        ],
    )
    assert isinstance(r.exception, InputError) and "2 input(s)" in str(r.exception)
    assert "empty.txt: empty file" in r.output and "bin.txt: binary file" in r.output
    assert out.exists() and '"kind": "document"' in out.read_text()


def test_nothing_readable_leaves_no_output(app: typer.Typer, tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("")
    out = tmp_path / "out.jsonl"
    out.write_text("previous run\n")
    r = CliRunner().invoke(app, ["extract", str(tmp_path / "empty.txt"), "-o", str(out)])
    assert isinstance(r.exception, InputError)
    assert out.read_text() == "previous run\n"  # untouched
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty.txt", "out.jsonl"]


@needs_seed
def test_eval_prints_a_table_and_json(app: typer.Typer, tmp_path: Path) -> None:
    out = tmp_path / "pred.jsonl"
    assert CliRunner().invoke(app, ["extract", str(SEED), "-o", str(out)]).exit_code == 0
    table = CliRunner().invoke(app, ["eval", str(out), "--gold", str(GOLD)])
    assert table.exit_code == 0, table.output
    assert "mediates" in table.output and "precision" in table.output
    js = CliRunner().invoke(app, ["eval", str(SEED), "--gold", str(GOLD), "--json"])
    assert js.exit_code == 0, js.output
    scores = json.loads(js.output)["gold"]
    assert scores["mediates"]["f1"] >= 0.85 and set(scores["actors"]) >= {"precision", "tp"}


def test_eval_plover_json(app: typer.Typer, tmp_path: Path) -> None:
    p = tmp_path / "p.jsonl"
    p.write_text(
        json.dumps(
            {
                "text": "Iran rejected the offer.",
                "event": "REJECT",
                "source": [{"actorText": "Iran"}],
            }
        )
        + "\n"
        + json.dumps(
            {
                "text": "Chile agreed to the plan.",
                "event": "AGREE",
                "source": [{"actorText": "Chile"}],
            }
        )
        + "\n"
    )
    r = CliRunner().invoke(app, ["eval", "--plover", str(p), "--json"])
    assert r.exit_code == 0, r.output
    s = json.loads(r.output)["plover"]
    assert s["rejects"]["tp"] == 1 and s["rejects"]["fp"] == 0 and s["demands"]["fp"] == 0


def test_eval_needs_something_to_score(app: typer.Typer) -> None:
    r = CliRunner().invoke(app, ["eval"])
    assert isinstance(r.exception, InputError)


def test_extract_in_worker_processes_writes_what_one_process_writes(
    app: typer.Typer, tmp_path: Path
) -> None:
    lines = [
        json.dumps({"id": f"a{i}", "text": f"Ghana urged Togo to reopen border post {i}."})
        for i in range(12)
    ]
    src = tmp_path / "articles.jsonl"
    src.write_text("\n".join(lines) + "\n")
    outs = []
    for n in ("1", "2"):
        out = tmp_path / f"out{n}.jsonl"
        args = ["extract", str(src), "-o", str(out), "--n-process", n, "--batch-size", "2"]
        r = CliRunner().invoke(app, args)
        assert r.exit_code == 0, r.output
        outs.append(out.read_text())
    assert outs[0] == outs[1]
    recs = [json.loads(x) for x in outs[1].splitlines()]
    docs = [r["id"] for r in recs if r["kind"] == "document"]
    assert docs == [f"a{i}" for i in range(12)]


def test_eval_bank_reports_each_family(app: typer.Typer, tmp_path: Path) -> None:
    bank = tmp_path / "bank.yaml"
    bank.write_text(
        "family: tiny\nscores: [rejects]\ncases:\n"
        "  - text: Ghana rejected the offer.\n    rejects: [{source: Ghana, about: [offer]}]\n"
        "  - text: Ghana did not reject the offer.\n"
    )
    r = CliRunner().invoke(app, ["eval", "--bank", str(bank), "--json"])
    assert r.exit_code == 0, r.output
    scores = json.loads(r.output)["bank:tiny"]
    assert scores["rejects"]["f1"] == 1.0 and scores["all"]["tp"] == 1


def test_eval_failures_list_what_the_gold_holds_and_the_extraction_missed(
    app: typer.Typer, tmp_path: Path
) -> None:
    pred = tmp_path / "pred.jsonl"
    gold = tmp_path / "gold.jsonl"
    doc = {"kind": "document", "id": "talks"}
    actors = [
        {"kind": "actor", "id": "qatar", "name": "Qatar", "type": "state"},
        {"kind": "actor", "id": "hamas", "name": "Hamas", "type": "organization"},
    ]
    missed = {
        "kind": "relation",
        "type": "mediates",
        "source": "qatar",
        "target": "hamas",
        "evidence": "Qatar carried the group's answer to Cairo.",
    }
    pred.write_text("\n".join(json.dumps(r) for r in [doc, *actors]) + "\n")
    gold.write_text("\n".join(json.dumps(r) for r in [doc, *actors, missed]) + "\n")
    r = CliRunner().invoke(app, ["eval", str(pred), "--gold", str(gold), "--failures"])
    assert r.exit_code == 0, r.output
    assert "MISSED mediates   [talks] qatar -> hamas" in r.output
    assert "Qatar carried the group's answer to Cairo." in r.output
    js = CliRunner().invoke(app, ["eval", str(pred), "--gold", str(gold), "--failures", "--json"])
    payload = json.loads(js.stdout)
    assert [(f["category"], f["error"]) for f in payload["failures"]] == [("mediates", "missed")]
