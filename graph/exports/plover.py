"""PLOVER-style event records (JSON Lines), for event-data pipelines.

One record per piece of evidence of a relation type that has a PLOVER equivalent in the
vocabulary (``plover:`` in graph/schema.yaml: ``demands`` -> DEMAND, ``rejects`` -> REJECT,
``mediates`` -> CONSULT, ...). Field names follow the "Data Fields" chapter of the PLOVER
manual: ``id``, ``date``, ``actor`` and ``recipient`` (lists of entity objects: the actor's
name in ``entity_text`` and ``identifier_text``, our id in ``actorgraph_id``), ``event`` (a
list), ``quad_code``, ``text`` (the sentence), ``text_info`` (character offsets),
``cite_info`` (the document), ``coder``. When the target is a topic (Hamas rejects the
proposal) there is no recipient entity: the topic is in ``issue``. ``relation``, ``cameo``,
``confidence`` and ``statement`` are extra fields, as the manual allows.

The event names are the vocabulary's: the PLOVER gold-standard records (version 0.5) call a
demand DEMAND, while later PLOVER manuals call the category REQUEST (CAMEO 10). Evidence
without a date is left out (PLOVER requires ``date``) and counted in the summary.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, TextIO

from actorgraph.graph.exchange import RecordStream
from actorgraph.graph.exports.stream import (
    Catalogue,
    ExportSummary,
    read_stream,
    write_chunks,
)
from actorgraph.graph.model import ACTOR, Evidence, Relation, short_hash
from actorgraph.graph.schema import Schema, default_schema

#: The PLOVER manual's quad categories: 1 verbal cooperation, 2 material cooperation,
#: 3 verbal conflict, 4 material conflict (SANCTION is left out: the manual puts it in both 3
#: and 4). DEMAND is the older name of REQUEST.
QUAD = {
    **dict.fromkeys(("AGREE", "CONSULT", "SUPPORT", "CONCEDE"), 1),
    **dict.fromkeys(("COOPERATE", "AID", "RETREAT"), 2),
    **dict.fromkeys(("REQUEST", "DEMAND", "ACCUSE", "REJECT", "THREATEN"), 3),
    **dict.fromkeys(("PROTEST", "MOBILIZE", "COERCE", "ASSAULT"), 4),
}


def _entity(node_id: str, cat: Catalogue) -> dict[str, Any]:
    name = cat.name(node_id)
    out: dict[str, Any] = {"entity_text": name, "identifier_text": name, "actorgraph_id": node_id}
    actor = cat.actors.get(node_id)
    if actor is not None and actor.get("type"):
        out["actorgraph_type"] = actor["type"]
    return out


def event_record(
    r: Relation, e: Evidence, event: str, cameo: str | None, cat: Catalogue
) -> dict[str, Any]:
    """The PLOVER record of one piece of evidence (which must have a date)."""
    rec: dict[str, Any] = {
        "id": "actorgraph-" + short_hash(r.key, e.key),
        "date": e.date or e.valid_from,
        "actor": [_entity(r.source, cat)],
        "recipient": [_entity(r.target, cat)] if r.target_kind == ACTOR else [],
        "event": [event],
        "quad_code": QUAD.get(event),
        "mode": [],
        "context": [],
    }
    if r.target_kind != ACTOR:
        rec["issue"] = {"text": cat.name(r.target), "actorgraph_id": r.target}
    if e.sentence:
        rec["text"] = e.sentence
    if e.start is not None and e.end is not None:
        rec["text_info"] = {"start": e.start, "end": e.end}
    if e.document:
        doc = cat.documents.get(e.document, {})
        cite = {
            "corpus": "actorgraph",
            "citation": e.document,
            "title": doc.get("title"),
            "url": doc.get("url"),
            "publication": doc.get("outlet"),
        }
        rec["cite_info"] = {k: v for k, v in cite.items() if v is not None}
    rec["coder"] = f"actorgraph ({e.origin})"
    rec["relation"] = r.type
    if cameo:
        rec["cameo"] = cameo
    rec["confidence"] = e.confidence
    if e.statement:
        rec["statement"] = e.statement
    return rec


def iter_plover(
    records: RecordStream,
    *,
    schema: Schema | None = None,
    summary: ExportSummary | None = None,
) -> Iterator[str]:
    """PLOVER records as JSON lines, written as the stream is read."""
    schema = schema or default_schema()
    summary = summary if summary is not None else ExportSummary("plover")
    for kind, item, cat in read_stream(records, roles=False):
        if kind != "relation":
            continue
        r: Relation = item
        rt = schema.relations.get(r.type)
        if rt is None or not rt.plover:
            summary.skip(f"{r.type} has no PLOVER equivalent", len(r.evidence))
            continue
        for e in r.evidence:
            if not (e.date or e.valid_from):
                summary.skip("evidence without a date")
                continue
            rec = event_record(r, e, rt.plover, rt.cameo, cat)
            summary.add(rt.plover)
            yield json.dumps(rec, ensure_ascii=False) + "\n"


def write_plover(records: RecordStream, out: TextIO, **kwargs: Any) -> ExportSummary:
    """Write :func:`iter_plover` to a text file; returns what was written."""
    return write_chunks(iter_plover, "plover", records, out, **kwargs)
