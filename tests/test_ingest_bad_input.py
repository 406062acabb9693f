"""Bad input never reaches the store: the error names file, line and field, and nothing of
the file is written. Runs on both backends (``store`` fixture), on top of the example data so
that "nothing changed" is checked against a store that already holds something.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from actorgraph.graph.errors import InputError
from actorgraph.graph.model import ACTOR
from actorgraph.graph.store import GraphStore
from actorgraph.ingest.loader import Loader

from tests.helpers import EXAMPLE, snapshot
from tests.helpers import write_jsonl as jsonl

NEWCOMER = {"kind": "actor", "id": "newcomer", "name": "Newcomer", "type": "state"}
GOOD_RELATION = {
    "kind": "relation",
    "type": "mediates",
    "source": "newcomer",
    "target": "Hamas",
    "evidence": "Newcomer mediates with Hamas.",
}


@pytest.fixture
def loaded(store: GraphStore) -> GraphStore:
    Loader(store).load_file(EXAMPLE)
    return store


BAD_LINES = [
    # (bad record, field the error names, words of the reason)
    ('{"kind": "actor", "name": "Broken", ', None, "invalid JSON"),
    ({"kind": "person", "name": "X", "type": "person"}, "kind", "unknown kind"),
    ({"kind": "actor", "type": "state"}, "name", "is required"),
    ({"kind": "actor", "name": "X", "type": "state", "aliases": 5}, "aliases", "list of strings"),
    ({"kind": "actor", "name": "X", "type": "planet"}, "type", "unknown actor type"),
    ({"kind": "actor", "name": "X", "type": "state", "colour": "red"}, "colour", "unknown field"),
    ({**GOOD_RELATION, "type": "bribes"}, "type", "unknown relation type"),
    ({**GOOD_RELATION, "type": "made"}, "type", "unknown relation type"),
    ({**GOOD_RELATION, "target": "Atlantis"}, "target", "no actor 'Atlantis'"),
    ({**GOOD_RELATION, "type": "rejects", "target": "Atlantis"}, "target", "actor or topic"),
    ({**GOOD_RELATION, "confidence": "high"}, "confidence", "a number"),
    ({**GOOD_RELATION, "date": "2024-02-30"}, "date", "not a date"),
    ({**GOOD_RELATION, "statement": "no-such-statement"}, "statement", "no statement"),
    (
        {"kind": "document", "id": "d2", "title": "T", "published": "yesterday"},
        "published",
        "not a date",
    ),
    (
        {"kind": "statement", "speaker": "Hamas", "text": "x", "start": 9, "end": 3},
        "end",
        "before start",
    ),
    (b'{"kind": "actor", "name": "Caf\xe9", "type": "state"}', None, "not UTF-8"),
    # the limits declared in graph/exchange.py (issue 13): refused before anything is written
    ({"kind": "actor", "name": "X", "type": "state", "aliases": "Hamas"}, "aliases", "list of"),
    ({"kind": "actor", "id": "", "name": "X", "type": "state"}, "id", "not a valid id"),
    ({"kind": "actor", "name": "x" * 2_000_000, "type": "state"}, "name", "limit of 500"),
    ({"kind": "actor", "name": "y" * 9_000, "type": "state"}, "name", "limit of 500"),
    ({"kind": "actor", "name": "X", "type": "state", "aliases": ["z" * 501]}, "aliases", "500"),
    ({"kind": "actor", "name": "X", "type": "state", "aliases": ["a"] * 101}, "aliases", "101"),
    (
        {"kind": "actor", "name": "X", "type": "state", "aliases": ["a" * 500] * 13},
        "aliases",
        "limit of 6,000",
    ),
    ({"kind": "actor", "name": "Ha\u0000mas", "type": "state"}, "name", "NUL"),
    ({**GOOD_RELATION, "evidence": "nul \u0000 here"}, "evidence", "NUL"),
    (
        {"kind": "statement", "speaker": "Hamas", "text": "t" * 100_001},
        "text",
        "limit of 100,000",
    ),
    (
        '{"kind": "actor", "name": "X", "type": "state", "roles": ' + "[" * 1200 + "]" * 1200 + "}",
        None,
        "nested more than 32",
    ),
    # contradicts line 1 of the same file (newcomer is a state there)
    ({**NEWCOMER, "type": "person"}, "type", "contradicts line 1"),
    # would change what the store holds in a way ingest never does
    ({"kind": "actor", "id": "hamas", "name": "Hamas", "type": "person"}, "type", "stored as"),
    ({"kind": "topic", "id": "hamas", "name": "Hamas"}, "id", "already"),
]


@pytest.mark.parametrize(
    ("bad", "field", "reason"), BAD_LINES, ids=[f"{r}-{f}" for _, f, r in BAD_LINES]
)
def test_bad_line_rejects_whole_file(
    loaded: GraphStore, tmp_path: Path, bad: Any, field: str | None, reason: str
) -> None:
    path = jsonl(tmp_path / "input.jsonl", [NEWCOMER, GOOD_RELATION, bad, {**NEWCOMER}])
    before = snapshot(loaded)
    with pytest.raises(InputError) as err:
        Loader(loaded).load_file(path)
    e = err.value
    assert (e.file, e.line, e.field) == (str(path), 3, field)
    assert reason in e.reason
    assert str(path) in str(e) and ":3" in str(e)
    assert snapshot(loaded) == before
    assert loaded.get_nodes(ACTOR, ["newcomer"]) == {}


def test_several_problems_are_counted(loaded: GraphStore, tmp_path: Path) -> None:
    path = jsonl(
        tmp_path / "input.jsonl",
        [NEWCOMER, {"kind": "actor", "type": "state"}, {**GOOD_RELATION, "type": "bribes"}],
    )
    with pytest.raises(InputError) as err:
        Loader(loaded).load_file(path)
    assert err.value.line == 2 and "and 1 more problems" in str(err.value)


def test_skip_invalid_loads_the_rest(loaded: GraphStore, tmp_path: Path) -> None:
    path = jsonl(
        tmp_path / "input.jsonl",
        [
            NEWCOMER,
            b"\xff\xfe not text",
            {**GOOD_RELATION, "target": "Atlantis"},
            GOOD_RELATION,
            "{oops",
        ],
    )
    before = loaded.counts()
    report = Loader(loaded, skip_invalid=True).load_file(path)
    assert [s.split(":")[1] for s in report.skipped] == ["2", "3", "5"]
    assert all(s.startswith(str(path)) for s in report.skipped)
    assert report.records == 2
    assert report.written.nodes == 1 and report.written.relations == 1
    after = loaded.counts()
    assert after["nodes"]["Actor"] == before["nodes"]["Actor"] + 1
    assert after["relations"]["mediates"] == before["relations"]["mediates"] + 1
    [r] = loaded.relations(source="newcomer")
    assert (r.target, r.evidence[0].sentence) == ("hamas", GOOD_RELATION["evidence"])


def test_missing_file_and_directory(loaded: GraphStore, tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        Loader(loaded).load_file(tmp_path / "absent.jsonl")
    with pytest.raises(InputError, match="directory"):
        Loader(loaded).load_file(tmp_path)


# ---------------------------------------------------------------------- YAML
YAML_GOOD = """\
actors:
  - id: newcomer
    name: Newcomer
    type: state
    aliases: [The Newcomers]
relations:
  - type: mediates
    source: The Newcomers
    target: Hamas
    evidence: Newcomer mediates with Hamas.
    date: 2024-05-02
"""


def test_yaml_loads(loaded: GraphStore, tmp_path: Path) -> None:
    path = tmp_path / "input.yaml"
    path.write_text(YAML_GOOD, encoding="utf-8")
    report = Loader(loaded).load_file(path)
    assert (report.written.nodes, report.written.relations) == (1, 1)
    [r] = loaded.relations(source="newcomer")
    assert r.evidence[0].date == "2024-05-02"
    assert loaded.lookup_names(["the newcomers"]) == {"the newcomers": ["newcomer"]}


def test_yaml_bad_record_names_its_line(loaded: GraphStore, tmp_path: Path) -> None:
    path = tmp_path / "input.yaml"
    path.write_text(YAML_GOOD.replace("date: 2024-05-02", "date: 2024-05-32"), encoding="utf-8")
    before = snapshot(loaded)
    with pytest.raises(InputError) as err:
        Loader(loaded).load_file(path)
    assert (err.value.file, err.value.line, err.value.field) == (str(path), 7, "date")
    assert snapshot(loaded) == before


def test_yaml_syntax_error(loaded: GraphStore, tmp_path: Path) -> None:
    path = tmp_path / "input.yaml"
    path.write_text("actors:\n  - id: x\n    name: [unclosed\n", encoding="utf-8")
    before = snapshot(loaded)
    with pytest.raises(InputError, match="invalid YAML") as err:
        Loader(loaded).load_file(path)
    assert err.value.file == str(path) and err.value.line is not None
    assert snapshot(loaded) == before


# ---------------------------------------------------------------------- CSV
def test_csv_loads(loaded: GraphStore, tmp_path: Path) -> None:
    actors = tmp_path / "actors.csv"
    actors.write_text("id,name,type,aliases\nnewcomer,Newcomer,state,New One|N1\n", "utf-8")
    relations = tmp_path / "relations.csv"
    relations.write_text(
        "type,source,target,evidence,confidence\nmediates,N1,hamas,It mediates.,0.5\n", "utf-8"
    )
    Loader(loaded).load_file(actors)
    report = Loader(loaded).load_file(relations)
    assert report.written.relations == 1
    [r] = loaded.relations(source="newcomer")
    assert r.confidence == 0.5
    assert loaded.get_nodes(ACTOR, ["newcomer"])["newcomer"].aliases == ["New One", "N1"]


def test_csv_bad_row(loaded: GraphStore, tmp_path: Path) -> None:
    path = tmp_path / "actors.csv"
    path.write_text(
        "id,name,type\nnewcomer,Newcomer,state\nbad id!,Bad,state\nother,Other,state\n", "utf-8"
    )
    before = snapshot(loaded)
    with pytest.raises(InputError) as err:
        Loader(loaded).load_file(path)
    assert (err.value.file, err.value.line, err.value.field) == (str(path), 3, "id")
    assert snapshot(loaded) == before


def test_csv_not_utf8(loaded: GraphStore, tmp_path: Path) -> None:
    path = tmp_path / "actors.csv"
    path.write_bytes(b"id,name,type\nok,Ok,state\ncafe,Caf\xe9,state\n")
    before = snapshot(loaded)
    with pytest.raises(InputError, match="not UTF-8") as err:
        Loader(loaded).load_file(path)
    assert (err.value.file, err.value.line) == (str(path), 3)
    assert snapshot(loaded) == before
