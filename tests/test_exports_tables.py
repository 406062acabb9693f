"""CSV and Parquet tables, read back by csv, pandas and pyarrow and compared with the store on
both backends."""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from actorgraph.graph.exports.tables import TABLES, iter_csv, write_csv, write_parquet
from actorgraph.graph.model import ACTOR, DOCUMENT, TOPIC
from actorgraph.graph.store import MAX_ROWS, GraphStore

from tests.streams import CountingStream


def evidence_rows(store: GraphStore) -> Counter[tuple[Any, ...]]:
    """Every piece of evidence in the store, as the relations table should list it."""
    out: Counter[tuple[Any, ...]] = Counter()
    for r in store.relations(limit=MAX_ROWS):
        for e in r.evidence:
            out[
                (
                    r.key,
                    r.type,
                    r.source,
                    r.target,
                    r.target_kind,
                    e.date,
                    e.valid_from,
                    e.valid_to,
                    e.document,
                    e.statement,
                    e.sentence,
                    e.origin,
                )
            ] += 1
    return out


def _none(v: Any) -> Any:
    return None if v is None or v == "" or (isinstance(v, float) and pd.isna(v)) else v


def table_rows(rows: list[dict[str, Any]]) -> Counter[tuple[Any, ...]]:
    cols = (
        "key",
        "type",
        "source",
        "target",
        "target_kind",
        "date",
        "valid_from",
        "valid_to",
        "document",
        "statement",
        "sentence",
        "origin",
    )
    out: Counter[tuple[Any, ...]] = Counter()
    for row in rows:
        vals = []
        for c in cols:
            v = _none(row[c])
            vals.append(v.isoformat() if hasattr(v, "isoformat") else v)
        out[tuple(vals)] += 1
    return out


def read_csv_rows(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_csv_tables_match_the_store(example_store: GraphStore, tmp_path: Path) -> None:
    tmp_path = tmp_path / "out"  # (the embedded store lives in tmp_path/store)
    summary = write_csv(example_store.iter_records(), tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(f"{t}.csv" for t in TABLES)
    rels = read_csv_rows(tmp_path / "relations.csv")
    assert table_rows(rels) == evidence_rows(example_store)
    assert summary.counts["relations"] == len(rels) == example_store.counts()["evidence"]
    actors = {a.id: a for a in example_store.list_nodes(ACTOR, limit=MAX_ROWS)}
    rows = read_csv_rows(tmp_path / "actors.csv")
    assert {r["id"] for r in rows} == set(actors)
    for r in rows:
        a = actors[r["id"]]
        assert (r["name"], r["type"]) == (a.name, a.type)
        assert [x for x in r["aliases"].split("|") if x] == a.aliases
    for r in rels:  # names of both ends next to their ids
        assert r["source_name"] == actors[r["source"]].name
    statements, total = example_store.statements(limit=MAX_ROWS)
    srows = {r["id"]: r for r in read_csv_rows(tmp_path / "statements.csv")}
    assert len(srows) == total
    for s in statements:
        row = srows[s.id]
        assert (row["speaker"], row["text"], row["date"]) == (s.speaker, s.text, s.date)
        assert row["speaker_name"] == actors[s.speaker].name
        assert [x for x in row["about"].split("|") if x] == s.about
        assert row["quote"] == ("true" if s.quote else "false")
    # pandas reads the same tables
    df = pd.read_csv(tmp_path / "relations.csv")
    assert len(df) == len(rels) and list(df.columns) == [c.name for c in TABLES["relations"]]
    assert set(df["type"]) == set(example_store.counts()["relations"])


def test_parquet_tables_match_the_store(example_store: GraphStore, tmp_path: Path) -> None:
    tmp_path = tmp_path / "out"
    write_parquet(example_store.iter_records(), tmp_path, batch_rows=4)
    table = pq.read_table(tmp_path / "relations.parquet")
    assert table.schema.field("date").type == pa.date32()
    assert pq.ParquetFile(tmp_path / "relations.parquet").num_row_groups > 1  # written in parts
    df = pd.read_parquet(tmp_path / "relations.parquet")
    assert table_rows(df.to_dict("records")) == evidence_rows(example_store)
    actors = pd.read_parquet(tmp_path / "actors.parquet")
    assert pq.read_table(tmp_path / "actors.parquet").schema.field("aliases").type == pa.list_(
        pa.string()
    )
    by_id = {a.id: a for a in example_store.list_nodes(ACTOR, limit=MAX_ROWS)}
    assert set(actors["id"]) == set(by_id)
    for row in actors.to_dict("records"):
        assert list(row["aliases"]) == by_id[row["id"]].aliases
    topics = pd.read_parquet(tmp_path / "topics.parquet")
    assert set(topics["id"]) == {t.id for t in example_store.list_nodes(TOPIC, limit=MAX_ROWS)}
    docs = pq.read_table(tmp_path / "documents.parquet").to_pylist()
    stored = example_store.list_nodes(DOCUMENT, limit=MAX_ROWS)
    assert [(d["id"], d["published"].isoformat()) for d in docs] == [
        (d.id, d.published) for d in stored
    ]
    st = pd.read_parquet(tmp_path / "statements.parquet")
    _, total = example_store.statements(limit=1)
    assert len(st) == total and st["quote"].dtype == bool


def test_one_table_only_and_unknown_tables(example_store: GraphStore, tmp_path: Path) -> None:
    tmp_path = tmp_path / "out"
    write_csv(example_store.iter_records(), tmp_path, tables=["actors"])
    assert [p.name for p in tmp_path.iterdir()] == ["actors.csv"]
    with pytest.raises(ValueError, match="unknown table"):
        write_parquet(example_store.iter_records(), tmp_path, tables=["people"])
    text = "".join(iter_csv(example_store.iter_records(), "actors"))
    assert text == (tmp_path / "actors.csv").read_text(encoding="utf-8")


def _failing(records: list[dict[str, Any]], after: int) -> Iterator[dict[str, Any]]:
    for i, r in enumerate(records):
        if i == after:
            raise RuntimeError("store went away")
        yield r


@pytest.mark.parametrize("writer", [write_csv, write_parquet])
def test_a_failed_export_leaves_no_table(
    example_store: GraphStore, tmp_path: Path, writer: Any
) -> None:
    records = list(example_store.iter_records())
    tmp_path = tmp_path / "out"
    with pytest.raises(RuntimeError, match="went away"):
        writer(_failing(records, len(records) - 3), tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_csv_is_written_while_the_stream_is_read() -> None:
    stream = CountingStream(20_000)
    chunks = iter_csv(stream, "relations")
    first = next(chunks)
    assert first.startswith("key,type,source")
    assert 0 < stream.taken < 20_000  # the first chunk left before the stream ended
    rest = "".join(chunks)
    assert (first + rest).count("\n") == 20_001
