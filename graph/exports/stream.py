"""Reading the exchange-format record stream once, for every exporter.

Exporters take what :meth:`graph.store.GraphStore.iter_records` (and ``Graph.export``)
yield: documents, actors, topics and statements, then relations with one record per piece of
evidence. Both backends yield that order, and a relation's evidence records one after the
other (relations sorted by key); :func:`read_stream` relies on it to hand each relation over
whole without holding the others. Records of another order still export correctly, only a
relation whose evidence is split comes out as two pieces (two GEXF edges, two FtM fragments
with the same id).

What is kept in memory is the catalogue of nodes (actors, topics and documents, for names
and kinds), never the relations or the statements: an export of a million relations holds one
relation at a time.

The store also holds ``speaks_for`` evidence derived from actors' roles (an office held
between two dates), which the stream leaves out because ingest derives it again from the
actor record. :func:`read_stream` derives it the same way, so exports show the relations the
store answers with.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, TextIO

from actorgraph.graph.exchange import (
    ActorRecord,
    RecordStream,
    RelationRecord,
    as_records,
    dump,
    node_id,
    relation_evidence,
    role_evidence,
)
from actorgraph.graph.model import ACTOR, TOPIC, Evidence, Relation

#: The origin ingest gives actor records (which carry none): their roles' evidence has it.
DEFAULT_ORIGIN = "curated"


@dataclass(slots=True)
class Catalogue:
    """The node records seen so far, by id (documents, actors, topics), as JSON-ready dicts."""

    documents: dict[str, dict[str, Any]] = field(default_factory=dict)
    actors: dict[str, dict[str, Any]] = field(default_factory=dict)
    topics: dict[str, dict[str, Any]] = field(default_factory=dict)

    def name(self, node_id: str) -> str:
        """The display name of an actor, topic or document id (the id when unknown)."""
        for table, key in ((self.actors, "name"), (self.topics, "name"), (self.documents, "title")):
            rec = table.get(node_id)
            if rec is not None:
                return str(rec.get(key) or node_id)
        return node_id

    def kind(self, node_id: str) -> str:
        """``Topic`` for a known topic id, else ``Actor`` (relations start at actors)."""
        return TOPIC if node_id in self.topics else ACTOR


def role_relations(actor: ActorRecord) -> list[Relation]:
    """``speaks_for`` relations an actor record's roles imply, as ingest derives them."""
    aid = node_id(actor)
    return [
        Relation("speaks_for", aid, role.of, [role_evidence(actor, role, DEFAULT_ORIGIN)], ACTOR)
        for role in actor.roles
    ]


def read_stream(
    stream: RecordStream,
    *,
    roles: bool = True,
    catalogue: Catalogue | None = None,
) -> Iterator[tuple[str, Any, Catalogue]]:
    """Walk the stream: ``(kind, item, catalogue)`` for every node record (``item`` the record
    as a JSON-ready dict, its id filled in) and every relation (``item`` a :class:`Relation`
    with all its evidence).

    Node records are added to the catalogue before they are yielded. With ``roles``,
    evidence derived from actors' roles joins the relation it belongs to, or comes as a
    relation of its own at the end. ``catalogue`` is filled if given (a new one otherwise).
    """
    cat = catalogue if catalogue is not None else Catalogue()
    pending: dict[tuple[str, str, str], Relation] = {}
    current: Relation | None = None
    for rec in as_records(stream):
        if isinstance(rec, RelationRecord):
            key = (rec.type, rec.source, rec.target)
            ev = relation_evidence(
                rec,
                document=rec.document,
                statement=rec.statement,
                date=rec.date,
                origin=rec.origin,
            )
            if current is not None and (current.type, current.source, current.target) == key:
                current.evidence.append(ev)
                continue
            if current is not None:
                yield "relation", current, cat
            current = Relation(key[0], key[1], key[2], [ev], cat.kind(key[2]))
            role = pending.pop(key, None)
            if role is not None:
                current.evidence.extend(role.evidence)
            continue
        if current is not None:  # a node after relations: flush, keep going
            yield "relation", current, cat
            current = None
        item = dump(rec)
        if rec.kind == "document":
            cat.documents[rec.id] = item
        elif rec.kind == "actor":
            item["id"] = node_id(rec)
            cat.actors[item["id"]] = item
            if roles:
                for r in role_relations(rec):
                    key = (r.type, r.source, r.target)
                    if key in pending:
                        pending[key].evidence.extend(r.evidence)
                    else:
                        pending[key] = r
        elif rec.kind == "topic":
            item["id"] = node_id(rec)
            cat.topics[item["id"]] = item
        yield rec.kind, item, cat
    if current is not None:
        yield "relation", current, cat
    for key in sorted(pending):
        yield "relation", pending[key], cat


# ---------------------------------------------------------------------- dates
def evidence_interval(e: Evidence) -> tuple[str | None, str | None] | None:
    """The dates a piece of evidence covers, ``(start, end)`` with None for open, or None
    when it has no date at all. Matches :meth:`graph.model.Relation.in_window`: an
    observation covers its day, ``valid_from`` without ``valid_to`` stays open."""
    lo = e.valid_from or e.date
    hi = e.valid_to or e.date or (None if e.valid_from is None else "")
    if lo is None and hi is None:
        return None
    return (lo, hi or None)


def merge_intervals(
    spans: Iterable[tuple[str | None, str | None]],
) -> list[tuple[str | None, str | None]]:
    """Overlapping intervals merged (None is open: before everything / after everything).

    >>> merge_intervals([("2024-05-03", "2024-05-09"), ("2024-05-01", "2024-05-04")])
    [('2024-05-01', '2024-05-09')]
    >>> merge_intervals([("2024-06-01", None), ("2024-07-01", "2024-07-02"), (None, "2024-01-01")])
    [(None, '2024-01-01'), ('2024-06-01', None)]
    """
    ordered = sorted(spans, key=lambda s: ("" if s[0] is None else s[0], s[1] or "\uffff"))
    out: list[tuple[str | None, str | None]] = []
    for lo, hi in ordered:
        if out:
            plo, phi = out[-1]
            if phi is None or (lo is not None and lo <= phi) or lo is None:
                end = None if phi is None or hi is None else max(phi, hi)
                out[-1] = (plo, end)
                continue
        out.append((lo, hi))
    return out


def relation_intervals(r: Relation) -> list[tuple[str | None, str | None]] | None:
    """The merged intervals of a relation's dated evidence; None when none is dated (the
    relation then has no time, and a dynamic export shows it throughout)."""
    spans = [iv for e in r.evidence if (iv := evidence_interval(e)) is not None]
    return merge_intervals(spans) if spans else None


# ---------------------------------------------------------------------- text
_XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_text(value: object) -> str:
    """Text that XML 1.0 can hold (control characters it forbids removed)."""
    return _XML_BAD.sub("", str(value))


def xml_attr(value: object) -> str:
    """A quoted XML attribute value (line breaks and tabs kept as character references)."""
    text = xml_text(value)
    text = (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    )
    return '"' + text.replace("\n", "&#10;").replace("\r", "&#13;").replace("\t", "&#9;") + '"'


def xml_escape(value: object) -> str:
    """Element text escaped for XML."""
    return xml_text(value).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


@dataclass(slots=True)
class ExportSummary:
    """What an export wrote (and left out, with the reason), for the CLI and the API."""

    format: str
    counts: dict[str, int] = field(default_factory=dict)
    skipped: dict[str, int] = field(default_factory=dict)

    def add(self, what: str, n: int = 1) -> None:
        self.counts[what] = self.counts.get(what, 0) + n

    def skip(self, why: str, n: int = 1) -> None:
        self.skipped[why] = self.skipped.get(why, 0) + n

    def to_dict(self) -> dict[str, Any]:
        return {"format": self.format, "counts": self.counts, "skipped": self.skipped}


def write_chunks(
    chunks: Callable[..., Iterable[str]],
    fmt: str,
    records: RecordStream,
    out: TextIO,
    **kwargs: Any,
) -> ExportSummary:
    """Write a text export (``chunks(records, summary=..., **kwargs)``) to a file; returns
    what was written."""
    summary = ExportSummary(fmt)
    for chunk in chunks(records, summary=summary, **kwargs):
        out.write(chunk)
    return summary
