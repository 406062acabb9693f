"""Exports for the tools researchers use, each a function over the exchange-format record
stream (what ``GraphStore.iter_records`` yields), independent of the store behind it.

========== ==================================== =======================================
format     module                               for
========== ==================================== =======================================
gexf       :mod:`graph.exports.gexf`            Gephi, Gephi Lite (timeline: dynamic spells)
graphml    :mod:`graph.exports.graphml`         yEd, Cytoscape, igraph, networkx
csv        :mod:`graph.exports.tables`          pandas, R, spreadsheets (one file per table)
parquet    :mod:`graph.exports.tables`          pandas, R (arrow), DuckDB, Polars
plover     :mod:`graph.exports.plover`          event-data pipelines (PLOVER/POLECAT JSONL)
ftm        :mod:`graph.exports.ftm`             Aleph and FollowTheMoney tools (entities JSONL)
========== ==================================== =======================================

:mod:`graph.exports.stream` reads the stream once for all of them (see there what stays in
memory).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from actorgraph.graph.exchange import RecordStream
from actorgraph.graph.exports.stream import ExportSummary


@dataclass(frozen=True, slots=True)
class Format:
    """One export format: where it is written and how it is served."""

    name: str
    module: str
    #: ``file``: one text document (streamable); ``tables``: a directory of tables
    shape: str
    extension: str
    media_type: str
    description: str

    def writer(self) -> Callable[..., ExportSummary]:
        """``write_<name>(records, out_or_directory, **kwargs)``."""
        mod = importlib.import_module(f"actorgraph.graph.exports.{self.module}")
        return getattr(mod, f"write_{self.name}")  # type: ignore[no-any-return]

    def chunks(self) -> Callable[..., Iterator[str]]:
        """``iter_<name>(records, **kwargs)``: text chunks (``file`` formats only)."""
        if self.shape != "file":
            raise ValueError(f"{self.name} writes a directory of tables, not one document")
        mod = importlib.import_module(f"actorgraph.graph.exports.{self.module}")
        return getattr(mod, f"iter_{self.name}")  # type: ignore[no-any-return]


FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("gexf", "gexf", "file", ".gexf", "application/gexf+xml", "Gephi, with a timeline"),
        Format("graphml", "graphml", "file", ".graphml", "application/graphml+xml", "graph tools"),
        Format("csv", "tables", "tables", ".csv", "text/csv", "tables for pandas and R"),
        Format(
            "parquet",
            "tables",
            "tables",
            ".parquet",
            "application/vnd.apache.parquet",
            "tables for pandas, R, DuckDB",
        ),
        Format("plover", "plover", "file", ".jsonl", "application/x-ndjson", "PLOVER events"),
        Format("ftm", "ftm", "file", ".ftm.json", "application/x-ndjson", "FollowTheMoney"),
    )
}


def export(records: RecordStream, fmt: str, target: Any, **kwargs: Any) -> ExportSummary:
    """Export the stream in format ``fmt`` to ``target``: a text file object or a path for
    ``file`` formats, a directory for ``tables`` formats. A path is written as
    ``<path>.part`` and renamed when complete (removed if the export fails)."""
    try:
        f = FORMATS[fmt]
    except KeyError:
        raise ValueError(f"unknown export format '{fmt}' (known: {', '.join(FORMATS)})") from None
    write = f.writer()
    if f.shape == "tables" or not isinstance(target, str | Path):
        return write(records, target, **kwargs)
    path = Path(target)
    part = path.with_name(path.name + ".part")
    try:
        with part.open("w", encoding="utf-8") as out:
            summary = write(records, out, **kwargs)
        part.replace(path)
    except BaseException:
        part.unlink(missing_ok=True)
        raise
    return summary


__all__ = ["FORMATS", "ExportSummary", "Format", "export"]
