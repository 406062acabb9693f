"""GraphML, for yEd, Cytoscape, igraph (R and Python) and networkx.

A static graph: nodes are actors and (optionally) topics, edges are relations, one per
``(type, source, target)``, directed (a symmetric type such as ``allied_with`` is one edge
with ``symmetric`` true, since most readers refuse graphs that mix directed and undirected
edges). Each edge carries its number of pieces of evidence, confidence, first and last date,
validity and one example sentence; the dates themselves are in ``dates`` (space-separated).

GraphML lets nodes and edges come in any order, so the file is written as the stream is
read: nothing but the catalogue of names is held.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any, TextIO

from actorgraph.graph.exchange import RecordStream
from actorgraph.graph.exports.stream import (
    ExportSummary,
    read_stream,
    write_chunks,
    xml_attr,
    xml_escape,
)
from actorgraph.graph.model import TOPIC, Relation
from actorgraph.graph.schema import Schema, default_schema

NS = "http://graphml.graphdrawing.org/xmlns"

NODE_KEYS = (
    ("label", "string"),
    ("kind", "string"),
    ("type", "string"),
    ("aliases", "string"),
    ("description", "string"),
)
EDGE_KEYS = (
    ("type", "string"),
    ("symmetric", "boolean"),
    ("evidence", "int"),
    ("confidence", "double"),
    ("first_seen", "string"),
    ("last_seen", "string"),
    ("dates", "string"),
    ("valid_from", "string"),
    ("valid_to", "string"),
    ("documents", "int"),
    ("sentence", "string"),
)


def _data(pairs: Iterable[tuple[str, Any]], prefix: str) -> str:
    out = []
    for k, v in pairs:
        if v is None:
            continue
        text = ("true" if v else "false") if isinstance(v, bool) else str(v)
        out.append(f'<data key="{prefix}_{k}">{xml_escape(text)}</data>')
    return "".join(out)


def _node(node_id: str, kind: str, rec: dict[str, Any]) -> str:
    aliases = rec.get("aliases") or rec.get("keywords") or []
    pairs = [
        ("label", rec.get("name") or node_id),
        ("kind", kind),
        ("type", rec.get("type")),
        ("aliases", " | ".join(aliases) if aliases else None),
        ("description", rec.get("description")),
    ]
    return f"<node id={xml_attr(node_id)}>{_data(pairs, 'n')}</node>\n"


def _edge(r: Relation, symmetric: bool) -> str:
    dates = r.dates
    pairs = [
        ("type", r.type),
        ("symmetric", symmetric),
        ("evidence", len(r.evidence)),
        ("confidence", r.confidence),
        ("first_seen", dates[0] if dates else None),
        ("last_seen", dates[-1] if dates else None),
        ("dates", " ".join(dates) if dates else None),
        ("valid_from", r.valid_from),
        ("valid_to", r.valid_to),
        ("documents", len({e.document for e in r.evidence if e.document})),
        ("sentence", next((e.sentence for e in r.evidence if e.sentence), None)),
    ]
    return (
        f"<edge id={xml_attr(r.key)} source={xml_attr(r.source)} target={xml_attr(r.target)}>"
        f"{_data(pairs, 'e')}</edge>\n"
    )


def iter_graphml(
    records: RecordStream,
    *,
    schema: Schema | None = None,
    topics: bool = True,
    summary: ExportSummary | None = None,
) -> Iterator[str]:
    """The GraphML document for a record stream, in text chunks (written as it is read)."""
    schema = schema or default_schema()
    summary = summary if summary is not None else ExportSummary("graphml")
    symmetric = {n for n, r in schema.relations.items() if r.symmetric}
    yield '<?xml version="1.0" encoding="UTF-8"?>\n'
    yield (
        f'<graphml xmlns="{NS}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"'
        f' xsi:schemaLocation="{NS} {NS}/1.0/graphml.xsd">\n'
    )
    for prefix, target, keys in (("n", "node", NODE_KEYS), ("e", "edge", EDGE_KEYS)):
        for name, typ in keys:
            yield (
                f'<key id="{prefix}_{name}" for="{target}" attr.name="{name}" attr.type="{typ}"/>\n'
            )
    yield '<graph id="actorgraph" edgedefault="directed">\n'
    for kind, item, _cat in read_stream(records):
        if kind == "actor":
            yield _node(item["id"], "Actor", item)
            summary.add("nodes")
        elif kind == "topic" and topics:
            yield _node(item["id"], "Topic", item)
            summary.add("nodes")
        elif kind == "relation":
            r: Relation = item
            if r.target_kind == TOPIC and not topics:
                summary.skip("relations to topics")
                continue
            yield _edge(r, r.type in symmetric)
            summary.add("edges")
    yield "</graph>\n</graphml>\n"


def write_graphml(records: RecordStream, out: TextIO, **kwargs: Any) -> ExportSummary:
    """Write :func:`iter_graphml` to a text file; returns what was written."""
    return write_chunks(iter_graphml, "graphml", records, out, **kwargs)
