"""GEXF 1.3 with dynamic spells, for Gephi and Gephi Lite.

Nodes are actors and (optionally) topics; edges are relations, one per ``(type, source,
target)`` with its evidence counted in ``weight``. The graph is dynamic
(``mode="dynamic"``, ``timeformat="date"``, ``timerepresentation="interval"``): each edge has
one spell per stretch of dates its evidence covers (an observation covers its day; a role
held from a date on stays open), and each node the union of its edges' spells, so Gephi's
timeline plays the graph as it was reported. Evidence without a date gives no spell; a
relation with no dated evidence at all, and any node touching one, has no spell and shows
throughout.

Symmetric relation types (``allied_with``) are written as ``type="mutual"`` edges, the
others as directed edges; ``kind`` holds the relation type so parallel edges of different
types stay apart (GEXF 1.3's multigraph support).

Edges must follow nodes in the file, and node spells are known only once every relation has
been read, so the edges are spooled to a temporary file while the stream is read: memory
holds the nodes, never the relations.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterable, Iterator, Mapping
from datetime import date
from typing import Any, TextIO

from actorgraph.graph.exchange import RecordStream
from actorgraph.graph.exports.stream import (
    Catalogue,
    ExportSummary,
    merge_intervals,
    read_stream,
    relation_intervals,
    write_chunks,
    xml_attr,
)
from actorgraph.graph.model import TOPIC, Relation
from actorgraph.graph.schema import Schema, default_schema

NS = "http://gexf.net/1.3"
VERSION = "1.3"

NODE_ATTRIBUTES = (
    ("kind", "string"),
    ("type", "string"),
    ("aliases", "string"),
    ("description", "string"),
    ("intermediary", "boolean"),
)
EDGE_ATTRIBUTES = (
    ("type", "string"),
    ("evidence", "integer"),
    ("confidence", "double"),
    ("first_seen", "string"),
    ("last_seen", "string"),
    ("documents", "integer"),
    ("sentence", "string"),
)

Span = tuple[str | None, str | None]


def _gexf_type(values: Iterable[Any]) -> str:
    vals = [v for v in values if v is not None]
    if vals and all(isinstance(v, bool) for v in vals):
        return "boolean"
    if vals and all(isinstance(v, int) and not isinstance(v, bool) for v in vals):
        return "long"
    if vals and all(isinstance(v, int | float) and not isinstance(v, bool) for v in vals):
        return "double"
    return "string"


def _value(v: Any) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    return str(v)


def _attvalues(pairs: Iterable[tuple[str, Any]]) -> str:
    parts = [
        f"<attvalue for={xml_attr(k)} value={xml_attr(_value(v))}/>"
        for k, v in pairs
        if v is not None
    ]
    return "<attvalues>" + "".join(parts) + "</attvalues>" if parts else ""


def _spells(spans: list[Span] | None) -> str:
    if not spans:
        return ""
    out = []
    for lo, hi in spans:
        attrs = ("" if lo is None else f" start={xml_attr(lo)}") + (
            "" if hi is None else f" end={xml_attr(hi)}"
        )
        out.append(f"<spell{attrs}/>")
    return "<spells>" + "".join(out) + "</spells>"


def _edge_xml(r: Relation, symmetric: bool) -> str:
    dates = r.dates
    sentence = next((e.sentence for e in r.evidence if e.sentence), None)
    docs = {e.document for e in r.evidence if e.document}
    attrs = [
        ("type", r.type),
        ("evidence", len(r.evidence)),
        ("confidence", r.confidence),
        ("first_seen", dates[0] if dates else None),
        ("last_seen", dates[-1] if dates else None),
        ("documents", len(docs)),
        ("sentence", sentence),
    ]
    kind = "mutual" if symmetric else "directed"
    return (
        f"<edge id={xml_attr(r.key)} source={xml_attr(r.source)} target={xml_attr(r.target)}"
        f" type={xml_attr(kind)} kind={xml_attr(r.type)} label={xml_attr(r.type)}"
        f' weight="{len(r.evidence)}">'
        + _attvalues(attrs)
        + _spells(relation_intervals(r))
        + "</edge>\n"
    )


class _NodeTime:
    """Per node: the spans of its edges, or "always" once an undated edge touches it.

    Spans are merged when many have gathered and once at the end, not per edge (a hub has
    thousands of edges)."""

    __slots__ = ("always", "limit", "spans")

    def __init__(self) -> None:
        self.spans: list[Span] = []
        self.always = False
        self.limit = 256

    def add(self, spans: list[Span] | None) -> None:
        if spans is None:
            self.always = True
            self.spans = []
        elif not self.always:
            self.spans.extend(spans)
            if len(self.spans) > self.limit:  # amortized: merge when the list has doubled
                self.spans = merge_intervals(self.spans)
                self.limit = max(256, 2 * len(self.spans))

    def spells(self) -> list[Span] | None:
        return None if self.always or not self.spans else merge_intervals(self.spans)


def iter_gexf(
    records: RecordStream,
    *,
    schema: Schema | None = None,
    topics: bool = True,
    node_attributes: Mapping[str, Mapping[str, Any]] | None = None,
    summary: ExportSummary | None = None,
) -> Iterator[str]:
    """The GEXF document for a record stream, in text chunks.

    ``node_attributes`` adds columns (name -> {node id -> value}), for example a camp or
    brokerage scores, so Gephi can colour or size by them. ``topics=False`` leaves topic
    nodes and the relations that end at them out.
    """
    schema = schema or default_schema()
    summary = summary if summary is not None else ExportSummary("gexf")
    symmetric = {n for n, r in schema.relations.items() if r.symmetric}
    inter_types = set(schema.intermediary_types)
    extra = dict(node_attributes or {})
    times: dict[str, _NodeTime] = {}
    intermediaries: set[str] = set()
    cat = Catalogue()
    with tempfile.TemporaryFile("w+", encoding="utf-8") as spool:
        n_edges = 0
        for kind, item, _cat in read_stream(records, catalogue=cat):
            if kind != "relation":
                continue
            r: Relation = item
            if r.target_kind == TOPIC and not topics:
                summary.skip("relations to topics")
                continue
            spool.write(_edge_xml(r, r.type in symmetric))
            n_edges += 1
            spans = relation_intervals(r)
            for node in (r.source, r.target):
                times.setdefault(node, _NodeTime()).add(spans)
            if r.type in inter_types:
                intermediaries.add(r.source)
        nodes: list[tuple[str, str, dict[str, Any]]] = [
            (i, "Actor", a) for i, a in sorted(cat.actors.items())
        ]
        if topics:
            nodes += [(i, "Topic", t) for i, t in sorted(cat.topics.items())]
        yield '<?xml version="1.0" encoding="UTF-8"?>\n'
        yield (
            f'<gexf xmlns="{NS}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"'
            f' xsi:schemaLocation="{NS} {NS}/gexf.xsd" version="{VERSION}">\n'
        )
        yield (
            f'<meta lastmodifieddate="{date.today().isoformat()}"><creator>actorgraph</creator>'
            "<description>Actors, topics and their relations, with the dates they were reported"
            "</description></meta>\n"
        )
        yield (
            '<graph defaultedgetype="directed" mode="dynamic" timeformat="date"'
            ' timerepresentation="interval">\n'
        )
        node_decl = list(NODE_ATTRIBUTES) + [(k, _gexf_type(v.values())) for k, v in extra.items()]
        yield '<attributes class="node" mode="static">'
        yield "".join(
            f"<attribute id={xml_attr(k)} title={xml_attr(k)} type={xml_attr(t)}/>"
            for k, t in node_decl
        )
        yield "</attributes>\n"
        yield '<attributes class="edge" mode="static">'
        yield "".join(
            f"<attribute id={xml_attr(k)} title={xml_attr(k)} type={xml_attr(t)}/>"
            for k, t in EDGE_ATTRIBUTES
        )
        yield "</attributes>\n"
        yield f'<nodes count="{len(nodes)}">\n'
        for node_id, kind_name, rec in nodes:
            aliases = rec.get("aliases") or rec.get("keywords") or []
            attrs = [
                ("kind", kind_name),
                ("type", rec.get("type")),
                ("aliases", " | ".join(aliases) if aliases else None),
                ("description", rec.get("description")),
                ("intermediary", node_id in intermediaries),
                *((k, v.get(node_id)) for k, v in extra.items()),
            ]
            t = times.get(node_id)
            yield (
                f"<node id={xml_attr(node_id)} label={xml_attr(rec.get('name') or node_id)}>"
                + _attvalues(attrs)
                + _spells(t.spells() if t else None)
                + "</node>\n"
            )
            summary.add("nodes")
        yield f'</nodes>\n<edges count="{n_edges}">\n'
        spool.seek(0)
        while chunk := spool.read(1 << 16):
            yield chunk
        summary.add("edges", n_edges)
        yield "</edges>\n</graph>\n</gexf>\n"


def write_gexf(records: RecordStream, out: TextIO, **kwargs: Any) -> ExportSummary:
    """Write :func:`iter_gexf` to a text file; returns what was written."""
    return write_chunks(iter_gexf, "gexf", records, out, **kwargs)


__all__ = ["iter_gexf", "write_gexf"]
