"""Tables for pandas and R: documents, actors, topics, statements and relations, as CSV or
Parquet files (one per table).

``relations`` has one row per piece of evidence (the relation's ``key`` column groups them),
with the names of both ends next to their ids, so a researcher can count, filter by date and
read the sentence without joining. ``statements`` has one row per statement, speaker and
on-behalf-of names included. List cells (aliases, keywords, a statement's topics) are Parquet
lists, and in CSV items separated by ``|`` as in the exchange format's CSV. Dates are ISO
strings in CSV and ``date32`` in Parquet (R's ``Date``, pandas' ``datetime.date``).

Rows are written as the stream is read (Parquet in row groups of ``batch_rows``), into
``<table>.csv.part`` files renamed when the export has finished, so a failed export leaves no
table that looks complete.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from actorgraph.graph.exchange import RecordStream
from actorgraph.graph.exports.stream import Catalogue, ExportSummary, read_stream
from actorgraph.graph.model import Relation


@dataclass(frozen=True, slots=True)
class Column:
    name: str
    kind: str  # str | bool | int | float | date | list


def _cols(spec: str) -> tuple[Column, ...]:
    out = []
    for item in spec.split():
        name, _, kind = item.partition(":")
        out.append(Column(name, kind or "str"))
    return tuple(out)


#: Every table and its columns, in order (``name:kind``; ``str`` when no kind is given).
TABLES: dict[str, tuple[Column, ...]] = {
    "documents": _cols("id title url published:date outlet file"),
    "actors": _cols("id name type aliases:list description"),
    "topics": _cols("id name keywords:list description"),
    "statements": _cols(
        "id speaker speaker_name on_behalf_of on_behalf_of_name text quote:bool date:date "
        "document about:list sentence start:int end:int confidence:float origin"
    ),
    "relations": _cols(
        "key type source source_name target target_kind target_name date:date "
        "valid_from:date valid_to:date document statement sentence start:int end:int "
        "confidence:float origin"
    ),
}


def _relation_rows(r: Relation, cat: Catalogue) -> Iterator[dict[str, Any]]:
    head = {
        "key": r.key,
        "type": r.type,
        "source": r.source,
        "source_name": cat.name(r.source),
        "target": r.target,
        "target_kind": r.target_kind,
        "target_name": cat.name(r.target),
    }
    for e in r.evidence:
        yield {
            **head,
            "date": e.date,
            "valid_from": e.valid_from,
            "valid_to": e.valid_to,
            "document": e.document,
            "statement": e.statement,
            "sentence": e.sentence,
            "start": e.start,
            "end": e.end,
            "confidence": e.confidence,
            "origin": e.origin,
        }


def _statement_row(rec: dict[str, Any], cat: Catalogue) -> dict[str, Any]:
    behalf = rec.get("on_behalf_of")
    return {
        **rec,
        "speaker_name": cat.name(rec["speaker"]),
        "on_behalf_of_name": cat.name(behalf) if behalf else None,
        "sentence": rec.get("evidence"),
    }


def iter_rows(records: RecordStream) -> Iterator[tuple[str, dict[str, Any]]]:
    """``(table, row)`` for every row of every table, as the stream is read."""
    for kind, item, cat in read_stream(records):
        if kind == "relation":
            for row in _relation_rows(item, cat):
                yield "relations", row
        elif kind == "statement":
            yield "statements", _statement_row(item, cat)
        elif f"{kind}s" in TABLES:
            yield f"{kind}s", item


# ---------------------------------------------------------------------- CSV
def _csv_cell(col: Column, v: Any) -> Any:
    if v is None:
        return ""
    if col.kind == "list":
        return "|".join(str(x) for x in v)
    if col.kind == "bool":
        return "true" if v else "false"
    return v


def _csv_line(table: str, row: dict[str, Any]) -> list[Any]:
    return [_csv_cell(c, row.get(c.name)) for c in TABLES[table]]


def iter_csv(records: RecordStream, table: str) -> Iterator[str]:
    """One table as CSV text, in chunks (for streaming a single table over HTTP)."""
    if table not in TABLES:
        raise ValueError(f"unknown table '{table}' (known: {', '.join(TABLES)})")
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow([c.name for c in TABLES[table]])
    for name, row in iter_rows(records):
        if name == table:
            w.writerow(_csv_line(table, row))
            if buf.tell() > 1 << 16:
                yield buf.getvalue()
                buf.seek(0)
                buf.truncate()
    yield buf.getvalue()


class _CsvSink:
    """One table's ``.csv.part`` file."""

    def __init__(self, path: Path, table: str) -> None:
        self.table = table
        self.fh = path.open("w", encoding="utf-8", newline="")
        self.writer = csv.writer(self.fh, lineterminator="\n")
        self.writer.writerow([c.name for c in TABLES[table]])

    def write(self, row: dict[str, Any]) -> None:
        self.writer.writerow(_csv_line(self.table, row))

    def close(self) -> None:
        self.fh.close()


class _ParquetSink:
    """One table's ``.parquet.part`` file, written in row groups of ``batch_rows``."""

    def __init__(self, path: Path, table: str, batch_rows: int) -> None:
        import pyarrow.parquet as pq

        self.columns = TABLES[table]
        self.schema = arrow_schema(table)
        self.writer = pq.ParquetWriter(path, self.schema)
        self.buffer: dict[str, list[Any]] = {c.name: [] for c in self.columns}
        self.rows = 0
        self.batch_rows = batch_rows

    def write(self, row: dict[str, Any]) -> None:
        for c in self.columns:
            self.buffer[c.name].append(_arrow_value(c, row.get(c.name)))
        self.rows += 1
        if self.rows >= self.batch_rows:
            self.flush()

    def flush(self) -> None:
        import pyarrow as pa

        if self.rows:
            batch = pa.record_batch(list(self.buffer.values()), schema=self.schema)
            self.writer.write_batch(batch)
            for v in self.buffer.values():
                v.clear()
            self.rows = 0

    def close(self) -> None:
        if self.writer.is_open:
            self.flush()
            self.writer.close()


def _write_tables(
    fmt: str,
    records: RecordStream,
    directory: str | Path,
    tables: Iterable[str] | None,
    sink: Callable[[Path, str], _CsvSink | _ParquetSink],
) -> ExportSummary:
    """Rows into one ``<table>.<fmt>.part`` file per table, renamed ``<table>.<fmt>`` once all
    is written; on any error the part files are removed and the error raised."""
    wanted = list(TABLES) if tables is None else list(tables)
    unknown = [t for t in wanted if t not in TABLES]
    if unknown:
        raise ValueError(f"unknown table(s) {', '.join(unknown)} (known: {', '.join(TABLES)})")
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    parts = {t: directory / f"{t}.{fmt}.part" for t in wanted}
    summary = ExportSummary(fmt, counts=dict.fromkeys(wanted, 0))
    sinks: dict[str, _CsvSink | _ParquetSink] = {}
    try:
        for t in wanted:
            sinks[t] = sink(parts[t], t)
        for table, row in iter_rows(records):
            out = sinks.get(table)
            if out is not None:
                out.write(row)
                summary.add(table)
        for out in sinks.values():
            out.close()
        for t, p in parts.items():
            p.replace(directory / f"{t}.{fmt}")
    except BaseException:
        for out in sinks.values():
            out.close()
        for p in parts.values():
            p.unlink(missing_ok=True)
        raise
    return summary


def write_csv(
    records: RecordStream, directory: str | Path, tables: Iterable[str] | None = None
) -> ExportSummary:
    """Write ``<table>.csv`` files (all tables, or those named) into ``directory``."""
    return _write_tables("csv", records, directory, tables, _CsvSink)


# ---------------------------------------------------------------------- Parquet
def arrow_schema(table: str) -> Any:
    """The pyarrow schema of a table."""
    import pyarrow as pa

    types = {
        "str": pa.string(),
        "bool": pa.bool_(),
        "int": pa.int64(),
        "float": pa.float64(),
        "date": pa.date32(),
        "list": pa.list_(pa.string()),
    }
    return pa.schema([pa.field(c.name, types[c.kind]) for c in TABLES[table]])


def _arrow_value(col: Column, v: Any) -> Any:
    if v is None:
        return None
    if col.kind == "date":
        return date.fromisoformat(v)
    if col.kind == "list":
        return [str(x) for x in v]
    return v


def write_parquet(
    records: RecordStream,
    directory: str | Path,
    tables: Iterable[str] | None = None,
    *,
    batch_rows: int = 10_000,
) -> ExportSummary:
    """Write ``<table>.parquet`` files (all tables, or those named) into ``directory``."""
    return _write_tables(
        "parquet", records, directory, tables, lambda p, t: _ParquetSink(p, t, batch_rows)
    )
