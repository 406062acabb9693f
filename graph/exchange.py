"""Model objects to exchange-format records (what ``export`` writes)."""

from __future__ import annotations

from typing import Any

from actorgraph.graph.model import Actor, Document, Relation, Statement, Topic

#: Evidence whose origin starts with this was derived from an actor's ``roles``; export leaves
#: it out because ingesting the actor record derives it again.
ROLE_ORIGIN_PREFIX = "role:"


def document_record(d: Document) -> dict[str, Any]:
    return {"kind": "document", **d.to_dict()}


def actor_record(a: Actor) -> dict[str, Any]:
    rec: dict[str, Any] = {"kind": "actor", "id": a.id, "name": a.name, "type": a.type}
    rec["aliases"] = list(a.aliases)
    if a.description:
        rec["description"] = a.description
    if a.roles:
        rec["roles"] = [
            {
                k: v
                for k, v in {
                    "title": r.title,
                    "of": r.of,
                    "from": r.valid_from,
                    "to": r.valid_to,
                }.items()
                if v is not None
            }
            for r in a.roles
        ]
    return rec


def topic_record(t: Topic) -> dict[str, Any]:
    return {"kind": "topic", **t.to_dict()}


def statement_record(s: Statement) -> dict[str, Any]:
    rec = {"kind": "statement", **s.to_dict()}
    rec["quote"] = s.quote
    return rec


def relation_records(r: Relation) -> list[dict[str, Any]]:
    """One record per piece of evidence, so ingest merges them back into one relation."""
    out = []
    for e in r.evidence or []:
        if e.origin.startswith(ROLE_ORIGIN_PREFIX):
            continue
        rec: dict[str, Any] = {"kind": "relation", "type": r.type, "source": r.source}
        rec["target"] = r.target
        ev = e.to_dict()
        if "sentence" in ev:
            ev["evidence"] = ev.pop("sentence")
        rec.update(ev)
        out.append(rec)
    return out
