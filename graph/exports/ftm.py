"""FollowTheMoney entities (JSON Lines), for Aleph and the FtM tools.

One entity per line, ``{"id", "schema", "properties"}`` as ``ftm`` and ``alephclient
write-entities`` read them:

=================== ======================================================================
ours                FtM
=================== ======================================================================
person              Person
organization        Organization
state               PublicBody (FtM has no schema for a state; a public body is nearest)
document            Article (title, publishedAt, sourceUrl, publisher)
topic               Event (FtM has no schema for an issue or a proposal; stances point at it)
statement           Documentation linking the speaker to the article (role "quoted" or
                    "said", the words in ``summary``)
speaks_for          Representation (agent speaks for client; role from the actor's office)
mediates            Representation (agent: the mediator, client: the party; role "mediator")
owned_by            Control (controller owns controlled)
other relations     UnknownLink (subject, object, role: the relation type)
=================== ======================================================================

A relation is one entity whatever its number of pieces of evidence: its dates in ``date``,
validity in ``startDate``/``endDate``, the articles in ``proof``, sentences in ``summary`` (at
most :data:`MAX_SENTENCES`), our relation key in ``recordId``. Ids are ours, prefixed
(``ag-actor-hamas``), made safe for FtM's id pattern (a hash is added when a character had to
go). The exporter writes plain JSON and needs no FtM library; the tests validate every entity
with the ``followthemoney`` package's model.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any, TextIO

from actorgraph.graph.exchange import RecordStream
from actorgraph.graph.exports.stream import (
    Catalogue,
    ExportSummary,
    read_stream,
    write_chunks,
)
from actorgraph.graph.model import Relation, short_hash

MAX_SENTENCES = 20

ACTOR_SCHEMATA = {"person": "Person", "organization": "Organization", "state": "PublicBody"}
#: relation type -> (schema, property of the source, property of the target, default role)
RELATION_SCHEMATA = {
    "speaks_for": ("Representation", "agent", "client", "speaks for"),
    "mediates": ("Representation", "agent", "client", "mediator"),
    "owned_by": ("Control", "controlled", "controller", "owned by"),
}
LINK = ("UnknownLink", "subject", "object")

_UNSAFE = re.compile(r"[^0-9a-zA-Z.-]+")


def ftm_id(kind: str, node_id: str) -> str:
    """A FtM-safe, stable id for one of our ids.

    >>> ftm_id("actor", "hamas"), ftm_id("statement", "doc/s1")
    ('ag-actor-hamas', 'ag-statement-doc-s1-35608eb5')
    """
    slug = _UNSAFE.sub("-", node_id).strip("-.")
    if slug == node_id and len(slug) <= 80:
        return f"ag-{kind}-{slug}"
    return f"ag-{kind}-{slug[:60].strip('-.')}-{short_hash(node_id)[:8]}".replace("--", "-")


def _entity(eid: str, schema: str, **props: Any) -> dict[str, Any]:
    properties: dict[str, list[str]] = {}
    for k, v in props.items():
        values = v if isinstance(v, list) else [v]
        values = [str(x) for x in values if x not in (None, "")]
        if values:
            properties[k] = values
    return {"id": eid, "schema": schema, "properties": properties}


def actor_entity(rec: dict[str, Any]) -> dict[str, Any]:
    return _entity(
        ftm_id("actor", rec["id"]),
        ACTOR_SCHEMATA.get(rec.get("type", ""), "LegalEntity"),
        name=rec["name"],
        alias=list(rec.get("aliases") or []),
        description=rec.get("description"),
    )


def document_entity(rec: dict[str, Any]) -> dict[str, Any]:
    return _entity(
        ftm_id("document", rec["id"]),
        "Article",
        title=rec.get("title"),
        name=rec.get("title"),
        publishedAt=rec.get("published"),
        sourceUrl=rec.get("url"),
        publisher=rec.get("outlet"),
        fileName=rec.get("file"),
    )


def topic_entity(rec: dict[str, Any]) -> dict[str, Any]:
    return _entity(
        ftm_id("topic", rec["id"]),
        "Event",
        name=rec["name"],
        keywords=list(rec.get("keywords") or []),
        description=rec.get("description"),
    )


def statement_entity(rec: dict[str, Any]) -> dict[str, Any] | None:
    """The Documentation of a statement (None when it names no document)."""
    if not rec.get("document"):
        return None
    return _entity(
        ftm_id("statement", rec["id"]),
        "Documentation",
        document=ftm_id("document", rec["document"]),
        entity=ftm_id("actor", rec["speaker"]),
        role="quoted" if rec.get("quote") else "said",
        date=rec.get("date"),
        summary=rec.get("text"),
        description=rec.get("evidence"),
    )


def relation_entity(r: Relation, cat: Catalogue) -> dict[str, Any]:
    schema, src, dst, role = RELATION_SCHEMATA.get(r.type, (*LINK, r.type.replace("_", " ")))
    roles = [role]
    if r.type == "speaks_for":  # an office held is a better role than "speaks for"
        offices = [
            x["title"]
            for x in cat.actors.get(r.source, {}).get("roles") or []
            if x.get("of") == r.target
        ]
        roles = offices or roles
    end = "topic" if r.target_kind == "Topic" else "actor"
    sentences = list(dict.fromkeys(e.sentence for e in r.evidence if e.sentence))
    dates = sorted({e.date for e in r.evidence if e.date})
    return _entity(
        ftm_id("relation", r.key),
        schema,
        **{src: ftm_id("actor", r.source), dst: ftm_id(end, r.target)},
        role=roles,
        date=dates,
        startDate=r.valid_from,
        endDate=r.valid_to,
        summary=sentences[:MAX_SENTENCES],
        proof=sorted({ftm_id("document", e.document) for e in r.evidence if e.document}),
        recordId=r.key,
    )


def iter_entities(
    records: RecordStream, *, summary: ExportSummary | None = None
) -> Iterator[dict[str, Any]]:
    """FtM entities, in stream order (documents, actors, topics, statements, relations)."""
    summary = summary if summary is not None else ExportSummary("ftm")
    for kind, item, cat in read_stream(records):
        ent: dict[str, Any] | None
        if kind == "actor":
            ent = actor_entity(item)
        elif kind == "document":
            ent = document_entity(item)
        elif kind == "topic":
            ent = topic_entity(item)
        elif kind == "statement":
            ent = statement_entity(item)
            if ent is None:
                summary.skip("statements without a document")
                continue
        elif kind == "relation":
            ent = relation_entity(item, cat)
        else:
            continue
        summary.add(ent["schema"])
        yield ent


def iter_ftm(records: RecordStream, *, summary: ExportSummary | None = None) -> Iterator[str]:
    """FtM entities as JSON lines."""
    for ent in iter_entities(records, summary=summary):
        yield json.dumps(ent, ensure_ascii=False) + "\n"


def write_ftm(records: RecordStream, out: TextIO, **kwargs: Any) -> ExportSummary:
    """Write :func:`iter_ftm` to a text file; returns what was written."""
    return write_chunks(iter_ftm, "ftm", records, out, **kwargs)
