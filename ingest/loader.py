"""Loading exchange-format records into a store: check everything, then write in batches.

Pass 1 reads the whole input, checks every record's shape and every reference (to actors,
topics, documents, statements defined in the same input or already in the store). Only when
all is well (or with ``skip_invalid``, for the lines that are) does pass 2 write the records
in batches, nodes before the relations that need them: the checked records pass 1 kept, or,
for an input of more than :data:`KEEP_CHECKED` records, the input read again. From memory,
the records of one relation go together (``Loader._grouped``): a relation lands in one batch
with all its evidence instead of being rewritten by every later batch that brings it again.
One batch is written while the next is built and prepared (``GraphStore.prepare``: what the
store computes of a batch outside its transaction). Each batch is one transaction and every write
merges, so a killed ingest keeps what it committed and a re-run finishes the job without
duplicating anything.
"""

from __future__ import annotations

import contextlib
import gc
import json
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from actorgraph.graph.duplicates.decisions import Judgements, apply_decisions
from actorgraph.graph.errors import InputError
from actorgraph.graph.exchange import (
    ACTOR_NAMES_MAX,
    ActorRecord,
    AnyRecord,
    RelationRecord,
    StatementRecord,
    node_id,
    relation_evidence,
    role_evidence,
    validate_record,
)
from actorgraph.graph.model import (
    ACTOR,
    DOCUMENT,
    STATEMENT,
    TOPIC,
    Actor,
    Document,
    Evidence,
    Relation,
    Role,
    Statement,
    Topic,
    normalize_name,
    short_hash,
)
from actorgraph.graph.store import GraphStore, WriteBatch, WriteResult
from actorgraph.ingest.record_files import Item, read_records

ItemsFactory = Callable[[], Iterable[Item]]
#: Records pass 1 keeps in memory for pass 2 (about 1 KB each); larger inputs are read twice.
KEEP_CHECKED = 2_000_000
#: called as ``progress(advance, total)`` while records are written
Progress = Callable[[int, int], None]


@dataclass
class IngestReport:
    """What one ingest did."""

    sources: list[str] = field(default_factory=list)
    records: int = 0
    written: WriteResult = field(default_factory=WriteResult)
    skipped: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def note(self) -> str | None:
        """What a person should know beyond the counts (an empty input, retried batches)."""
        notes = []
        if not self.records and not self.skipped:
            notes.append("no records in the input: nothing was written")
        if self.written.retried:
            notes.append(
                f"{self.written.retried} batch transactions were tried again; "
                "each batch is counted once"
            )
        return "; ".join(notes) or None

    def to_dict(self) -> dict[str, Any]:
        return {
            "sources": self.sources,
            "records": self.records,
            "written": {
                "nodes": self.written.nodes,
                "relations": self.written.relations,
                "evidence": self.written.evidence,
            },
            "retried": self.written.retried,
            "skipped": self.skipped,
            "seconds": round(self.seconds, 3),
            "note": self.note,
        }


@dataclass
class _Definitions:
    """What the input itself defines, for resolving references within it."""

    actors: set[str] = field(default_factory=set)
    actor_names: dict[str, set[str]] = field(default_factory=dict)
    topics: set[str] = field(default_factory=set)
    topic_names: dict[str, str] = field(default_factory=dict)
    documents: dict[str, str | None] = field(default_factory=dict)  # id -> published
    statements: set[str] = field(default_factory=set)
    kinds: dict[str, str] = field(default_factory=dict)
    #: the checked records of pass 1, kept for pass 2 while there are at most KEEP_CHECKED of
    #: them (then pass 2 neither parses nor checks again); None past that (read again)
    checked: list[tuple[int, AnyRecord, int]] | None = field(default_factory=list)
    #: per node id: the line that first gave it and its single-valued fields (hashed), so a
    #: later record of the same node that says otherwise is refused as a contradiction
    facts: dict[str, tuple[int, dict[str, int]]] = field(default_factory=dict)
    #: per actor id: the line that first gave it, its type, and its names (for the store checks)
    actor_lines: dict[str, tuple[int, str, set[str]]] = field(default_factory=dict)
    #: what each good line of the input holds (:data:`LINE_KINDS` bits), so that a pass 2 that
    #: reads the input again checks only the records of its phase (one byte a line)
    lines: bytearray = field(default_factory=bytearray)

    def mark(self, line: int, bits: int) -> None:
        if line >= len(self.lines):
            self.lines.extend(bytes(line + 1 - len(self.lines) + 1024))
        self.lines[line] = bits

    def keep(self, line: int, rec: AnyRecord, bits: int) -> None:
        """Mark ``line`` with its kind ``bits`` and keep its checked record for pass 2 (while
        the input is small enough to keep)."""
        self.mark(line, bits)
        if self.checked is not None:
            self.checked.append((line, rec, bits))
            if len(self.checked) > KEEP_CHECKED:
                self.checked = None

    def marked(self, line: int) -> int:
        return self.lines[line] if line < len(self.lines) else 0

    @property
    def default_document(self) -> str | None:
        return next(iter(self.documents)) if len(self.documents) == 1 else None


#: Bits :meth:`_Definitions.mark` keeps per line: its kind, and whether it derives relations
#: (an actor's roles, a statement's on_behalf_of: both yield ``speaks_for``).
LINE_KINDS = {"document": 1, "actor": 2, "topic": 4, "statement": 8, "relation": 16}
DERIVES = 32
#: What pass 1 resolves a reference as (see :class:`Resolver`).
REFERENCE_KINDS = ("actor", "topic_or_actor", "topic", "document", "statement")
#: Pass 2's phases, by the bits of the lines they take: nodes first, then statements, then
#: relations (and the relations records derive): every write finds what it links to.
PHASES = (1 | 2 | 4, 8, 16 | DERIVES)
RELATION_BITS = LINE_KINDS["relation"]


class Resolver:
    """Turns references (ids, names, aliases) into ids, against the input and the store."""

    def __init__(self, store: GraphStore, defs: _Definitions) -> None:
        self.store = store
        self.defs = defs
        self._actor_cache: dict[str, str | InputError] = {}
        self._store_docs: dict[str, str | None] = {}
        self._kinds: dict[str, str | None] = {}
        #: what :meth:`topic_or_actor` found per reference (a relation's target is resolved
        #: once per record: most are actors, whose names would be normalized each time)
        self._targets: dict[str, tuple[str, str]] = {}

    def actor(self, ref: str) -> str:
        """The actor id ``ref`` names; raises ``ValueError`` when none or several."""
        hit = self._actor_cache.get(ref)
        if hit is None:
            hit = self._actor(ref)
            self._actor_cache[ref] = hit
        if isinstance(hit, InputError):
            raise ValueError(hit.reason)
        return hit

    def _actor(self, ref: str) -> str | InputError:
        if ref in self.defs.actors:
            return ref
        local = self.defs.actor_names.get(normalize_name(ref), set())
        if len(local) == 1:
            return next(iter(local))
        if len(local) > 1:
            return InputError(f"'{ref}' names several actors: {', '.join(sorted(local))}")
        found = self.store.lookup_names([ref]).get(ref) or []
        if len(found) == 1:
            return found[0]
        if len(found) > 1:
            return InputError(f"'{ref}' names several actors: {', '.join(found)}")
        return InputError(f"no actor '{ref}' in this input or the store")

    def topic_or_actor(self, ref: str, allow_topic: bool) -> tuple[str, str]:
        if allow_topic:
            hit = self._targets.get(ref)
            if hit is None:
                hit = self._targets[ref] = self._topic_or_actor(ref)
            return hit
        try:
            return self.actor(ref), ACTOR
        except ValueError:
            raise ValueError(f"no actor '{ref}' in this input or the store") from None

    def _topic_or_actor(self, ref: str) -> tuple[str, str]:
        if ref in self.defs.topics:
            return ref, TOPIC
        tid = self.defs.topic_names.get(normalize_name(ref))
        if tid:
            return tid, TOPIC
        if ref in self.defs.actors:  # ids are unique across kinds: no store lookup
            return ref, ACTOR
        if ref not in self._kinds:  # one lookup per reference, not per record
            self._kinds[ref] = self.store.kinds_of([ref]).get(ref)
        if self._kinds[ref] == TOPIC:
            return ref, TOPIC
        try:
            return self.actor(ref), ACTOR
        except ValueError:
            raise ValueError(f"no actor or topic '{ref}' in this input or the store") from None

    def topic(self, ref: str) -> str:
        tid, kind = self.topic_or_actor(ref, allow_topic=True)
        if kind != TOPIC:
            raise ValueError(f"'{ref}' is an actor, not a topic")
        return tid

    def document(self, ref: str) -> str:
        if ref in self.defs.documents or self.published(ref) is not None:
            return ref
        if self.store.kinds_of([ref]).get(ref) == DOCUMENT:
            return ref
        raise ValueError(f"no document '{ref}' in this input or the store")

    def published(self, doc: str | None) -> str | None:
        if doc is None:
            return None
        if doc in self.defs.documents:
            return self.defs.documents[doc]
        if doc not in self._store_docs:
            found = self.store.get_nodes(DOCUMENT, [doc]).get(doc)
            self._store_docs[doc] = found.published if found else None
        return self._store_docs[doc]

    def statement(self, ref: str) -> str:
        if ref in self.defs.statements or self.store.kinds_of([ref]).get(ref) == STATEMENT:
            return ref
        raise ValueError(f"no statement '{ref}' in this input or the store")


class Loader:
    """Checks and writes one input at a time (see the module docstring)."""

    def __init__(
        self,
        store: GraphStore,
        *,
        batch_size: int = 1000,
        skip_invalid: bool = False,
        default_origin: str = "curated",
        judgements: Judgements | None = None,
    ) -> None:
        self.store = store
        #: duplicate-review judgements applied to every input (merged actors redirected)
        self.judgements = judgements
        self.schema = store.schema
        self.batch_size = batch_size
        self.skip_invalid = skip_invalid
        self.default_origin = default_origin

    # ------------------------------------------------------------------ public
    def load_file(
        self, path: str | Path, progress: Progress | None = None, *, name: str | None = None
    ) -> IngestReport:
        """Load a file of records; ``name`` is what messages call it (default: its path)."""
        p = Path(path)
        name = name or str(p)
        if not p.exists():
            raise InputError("no such file", file=name)
        if p.is_dir():
            raise InputError("is a directory, not a file of records", file=name)
        return self.load(lambda: _named(read_records(p, parse=False), p, name), name, progress)

    def load_records(self, records: list[dict[str, Any]], name: str = "<request>") -> IngestReport:
        """Load records already in memory (numbered from 1 in messages)."""
        return self.load(lambda: enumerate(records, start=1), name)

    def load(
        self, items: ItemsFactory, name: str, progress: Progress | None = None
    ) -> IngestReport:
        started = time.monotonic()
        report = IngestReport(sources=[name])
        if self.judgements is not None and self.judgements.merged:
            items = _judged(items, self.judgements)
        with fewer_collections():
            defs, bad, errors, total = self._check(items, name)
            if errors and not self.skip_invalid:
                raise summary(errors)
            report.skipped = [str(e) for e in errors]
            resolver = Resolver(self.store, defs)
            keep_out_of_sight()  # pass 1's records live until the load ends
            with self.store.bulk():
                report.records = self._write(
                    items, name, defs, resolver, bad, report, progress, total
                )
            del defs, resolver  # pass 1's records go before the snapshot is built
            if report.written.changed:
                self.store.flush()
        report.seconds = time.monotonic() - started
        return report

    # ------------------------------------------------------------------ pass 1
    def _check(
        self, items: ItemsFactory, name: str
    ) -> tuple[_Definitions, set[int], list[InputError], int]:
        defs = _Definitions()
        total = 0
        errors: list[InputError] = []
        bad: set[int] = set()
        refs: list[tuple[int, str, str, Any]] = []  # line, field, what, value
        # the references already listed, per kind of reference (each is resolved once)
        seen_refs: dict[str, set[str]] = {w: set() for w in REFERENCE_KINDS}
        actors_seen, documents_seen = seen_refs["actor"], seen_refs["document"]

        def ref(line: int, fld: str, what: str, value: str) -> None:
            seen = seen_refs[what]
            if value not in seen:
                seen.add(value)
                refs.append((line, fld, what, value))

        def claim(line: int, fld: str, id_: str, kind: str) -> None:
            other = defs.kinds.get(id_)
            if other is not None and other != kind:
                raise InputError(
                    f"id '{id_}' is already used by a {other.lower()} in this input",
                    file=name,
                    line=line,
                    field=fld,
                )
            defs.kinds[id_] = kind

        def agree(line: int, nid: str, rec: AnyRecord) -> None:
            """The record says nothing that an earlier record of the same node contradicts."""
            said = {
                f: hash(v)
                for f in rec.model_fields_set - _NOT_FACTS
                if not isinstance(v := getattr(rec, f), list)
            }
            first = defs.facts.setdefault(nid, (line, said))
            for f, h in said.items():
                if first[1].get(f, h) != h:
                    raise InputError(
                        f"contradicts line {first[0]}, which gives {rec.kind} '{nid}' another "
                        f"{f} (one input says one thing about each node)",
                        file=name,
                        line=line,
                        field=f,
                    )
            if first[0] != line:
                first[1].update(said)

        for line, item in items():
            total += 1
            if not total % OUT_OF_SIGHT_EVERY:
                keep_out_of_sight()
            try:
                if isinstance(item, InputError):
                    raise item
                rec = validate_record(item, name, line, self.schema)
                if rec.kind == "relation":  # most lines of a large input: the short way
                    defs.keep(line, rec, RELATION_BITS)
                    rt = self.schema.relation(rec.type)
                    if rec.source not in actors_seen:  # (most are: no call then)
                        ref(line, "source", "actor", rec.source)
                    target_what = "topic_or_actor" if "Topic" in rt.target else "actor"
                    if rec.target not in seen_refs[target_what]:
                        ref(line, "target", target_what, rec.target)
                    if rec.document and rec.document not in documents_seen:
                        ref(line, "document", "document", rec.document)
                    if rec.statement:
                        ref(line, "statement", "statement", rec.statement)
                    continue
                if rec.kind == "statement":
                    agree(line, self._statement_id(rec, defs), rec)
                elif rec.kind == "document":
                    agree(line, rec.id, rec)
                else:
                    agree(line, node_id(rec), rec)
                derives = (rec.kind == "actor" and bool(rec.roles)) or (
                    rec.kind == "statement" and bool(rec.on_behalf_of)
                )
                defs.keep(line, rec, LINE_KINDS[rec.kind] | (DERIVES if derives else 0))
                if rec.kind == "document":
                    claim(line, "id", rec.id, DOCUMENT)
                    defs.documents[rec.id] = rec.published
                elif rec.kind == "actor":
                    aid = node_id(rec)
                    claim(line, "id", aid, ACTOR)
                    defs.actors.add(aid)
                    seen = defs.actor_lines.setdefault(aid, (line, rec.type, set()))
                    seen[2].update([rec.name, *rec.aliases])
                    for n in [rec.name, *rec.aliases]:
                        defs.actor_names.setdefault(normalize_name(n), set()).add(aid)
                    for role in rec.roles:
                        ref(line, "roles", "actor", role.of)
                elif rec.kind == "topic":
                    tid = node_id(rec)
                    claim(line, "id", tid, TOPIC)
                    defs.topics.add(tid)
                    defs.topic_names[normalize_name(rec.name)] = tid
                else:
                    defs.statements.add(self._statement_id(rec, defs))
                    ref(line, "speaker", "actor", rec.speaker)
                    if rec.on_behalf_of:
                        ref(line, "on_behalf_of", "actor", rec.on_behalf_of)
                    for t in rec.about:
                        ref(line, "about", "topic", t)
                    if rec.document:
                        ref(line, "document", "document", rec.document)
            except InputError as exc:
                if exc.file is None:
                    exc = InputError(exc.reason, file=name, line=line, field=exc.field)
                errors.append(exc)
                bad.add(line)

        for problem in self._against_store(defs, name):
            errors.append(problem)
            bad.add(problem.line or 0)
        resolver = Resolver(self.store, defs)
        for line, fld, what, value in refs:
            try:
                if what == "actor":
                    resolver.actor(value)
                elif what == "topic_or_actor":
                    resolver.topic_or_actor(value, allow_topic=True)
                elif what == "topic":
                    resolver.topic(value)
                elif what == "document":
                    resolver.document(value)
                else:
                    resolver.statement(value)
            except ValueError as exc:
                errors.append(InputError(str(exc), file=name, line=line, field=fld))
                bad.add(line)
        errors.sort(key=lambda e: e.line or 0)
        return defs, bad, errors, total - len(bad)

    def _against_store(self, defs: _Definitions, name: str) -> Iterator[InputError]:
        """What the input would change in the store that ingest never changes (a node's kind,
        an actor's type) or could not store (an actor's names past ``ACTOR_NAMES_MAX`` once
        merged): found before anything is written, so no write of the input fails halfway."""
        ids = sorted(defs.kinds)
        for chunk in _chunks(ids, CHECK_CHUNK):
            for nid, kind in self.store.kinds_of(chunk).items():
                mine = defs.kinds.get(nid)
                if mine is not None and mine != kind:
                    line = defs.facts.get(nid, (None, {}))[0]
                    yield InputError(
                        f"id '{nid}' is already the id of a stored {kind.lower()}, so this "
                        f"{mine.lower()} cannot have it (ids are unique across kinds)",
                        file=name,
                        line=line,
                        field="id",
                    )
        for chunk in _chunks(sorted(defs.actor_lines), CHECK_CHUNK):
            for aid, stored in self.store.get_nodes(ACTOR, chunk).items():
                line, atype, names = defs.actor_lines[aid]
                if stored.type != atype:
                    yield InputError(
                        f"actor '{aid}' is stored as {stored.type} and this record makes it "
                        f"{atype}: ingest does not change an actor's type (fix the record, or "
                        "delete the actor first)",
                        file=name,
                        line=line,
                        field="type",
                    )
                merged = {normalize_name(n): n for n in [stored.name, *stored.aliases, *names]}
                total = sum(len(n) for n in merged.values())
                if total > ACTOR_NAMES_MAX:
                    yield InputError(
                        f"actor '{aid}' would have names of {total:,} characters together once "
                        f"merged with the store's, over the limit of {ACTOR_NAMES_MAX:,}",
                        file=name,
                        line=line,
                        field="aliases",
                    )

    def _statement_id(self, rec: StatementRecord, defs: _Definitions) -> str:
        if rec.id:
            return rec.id
        doc = rec.document or defs.default_document
        return "st-" + short_hash(rec.speaker, rec.text, doc)

    # ------------------------------------------------------------------ pass 2
    def _write(
        self,
        items: ItemsFactory,
        name: str,
        defs: _Definitions,
        resolver: Resolver,
        bad: set[int],
        report: IngestReport,
        progress: Progress | None,
        total: int,
    ) -> int:
        # pass 1 checked every id, kind and reference of what is written here against the
        # input and the store: the store need not check the batches again (``checked``)
        batch = WriteBatch(checked=True)
        count = 0
        # One batch is written (on a worker thread) while the next is read and resolved: the
        # store's I/O (SQLite, or the Neo4j server) overlaps with the Python work of ingest.
        # Batches still commit one after the other, in order; the first failure stops it.
        pending: list[Future[WriteResult]] = []
        pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="ingest-write")

        def settle() -> None:
            while pending:
                report.written.add(pending.pop(0).result())

        def flush() -> None:
            nonlocal batch
            if len(batch):
                # what the store can compute of this batch before its transaction is computed
                # here, while the store still writes the one before (the server's turn)
                prepared = self.store.prepare(batch)
                settle()
                pending.append(pool.submit(self.store.write, prepared))
                batch = WriteBatch(checked=True)
                keep_out_of_sight()

        try:
            for phase in PHASES:
                size = 0  # len(batch), kept as we go (it is asked after every record)
                records: Iterable[tuple[int, AnyRecord, int]]
                records = self._phase(items, name, defs, bad, phase)
                if phase & RELATION_BITS and defs.checked is not None:
                    records = self._grouped(records, resolver)
                for line, rec, bits in records:
                    kind = rec.kind
                    try:
                        if kind == "relation" and phase & RELATION_BITS:
                            self._add_relation(rec, defs, resolver, batch)  # type: ignore[arg-type]
                            count += 1
                            size += 1
                            if progress:
                                progress(1, total)
                        else:
                            if LINE_KINDS[kind] & phase:
                                self._add(kind, rec, defs, resolver, batch)
                                count += 1
                                if progress:
                                    progress(1, total)
                            if bits & DERIVES & phase:
                                self._derived(kind, rec, defs, resolver, batch)
                            size = len(batch)
                    except ValueError as exc:
                        report.skipped.append(str(InputError(str(exc), file=name, line=line)))
                        size = len(batch)
                        continue
                    if size >= self.batch_size:
                        flush()
                        size = 0
                flush()
                settle()  # a phase's writes are committed before the next phase reads the store
        finally:
            for f in pending:  # a write under way commits (or not) before we leave
                f.exception()
            pool.shutdown()
        return count

    def _phase(
        self,
        items: ItemsFactory,
        name: str,
        defs: _Definitions,
        bad: set[int],
        phase: int,
    ) -> Iterator[tuple[int, AnyRecord, int]]:
        """The good records a write phase takes (the lines whose :data:`LINE_KINDS` bits it
        has) with their bits, from pass 1's memory or read and checked again."""
        if defs.checked is not None:
            for line, rec, bits in defs.checked:
                if bits & phase and (not bad or line not in bad):
                    yield line, rec, bits
            return
        for line, item in items():
            bits = defs.marked(line)
            if bits & phase and line not in bad:
                yield line, validate_record(item, name, line, self.schema), bits

    def _grouped(
        self, records: Iterable[tuple[int, AnyRecord, int]], resolver: Resolver
    ) -> list[tuple[int, AnyRecord, int]]:
        """The relation phase's records with the records of one relation next to each other,
        in input order among them (a stable sort by the relation they write; the records
        that derive relations, and any that do not resolve, first, in input order). A
        relation then lands in one batch: it is created once with all its evidence, instead
        of being created by one batch and appended to by each later one that brings it again
        (a store rewrites its lists of evidence each time). What is stored is the same, each
        relation's evidence in input order; only the order of the batches changes."""
        ordered = list(records)
        ordered.sort(key=lambda item: self._relation_order(item[1], resolver))
        return ordered

    def _relation_order(self, rec: AnyRecord, resolver: Resolver) -> tuple[str, str, str]:
        """The (type, source, target) a relation record writes, as :meth:`_add_relation`
        resolves it (the resolver keeps what it found); ``("", "", "")`` for other records
        and for one that does not resolve (reported when it is written)."""
        if not isinstance(rec, RelationRecord):
            return ("", "", "")
        rt = self.schema.relation(rec.type)
        try:
            source = resolver.actor(rec.source)
            target, kind = resolver.topic_or_actor(rec.target, "Topic" in rt.target)
        except ValueError:
            return ("", "", "")
        if rt.symmetric and kind == ACTOR and target < source:
            source, target = target, source
        return (rt.name, source, target)

    @staticmethod
    def _document(
        rec: StatementRecord | RelationRecord, defs: _Definitions, resolver: Resolver
    ) -> str | None:
        """The record's document, or the input's only document when it names none."""
        if rec.document:
            return resolver.document(rec.document)
        return defs.default_document

    def _origin(self, rec: StatementRecord | RelationRecord | ActorRecord) -> str:
        """The record's origin; a record that does not say gets the loader's default."""
        if isinstance(rec, ActorRecord) or "origin" not in rec.model_fields_set:
            return self.default_origin
        return rec.origin

    def _evidence(self, rec: RelationRecord, doc: str | None, resolver: Resolver) -> Evidence:
        return relation_evidence(
            rec,
            document=doc,
            statement=resolver.statement(rec.statement) if rec.statement else None,
            date=rec.date or resolver.published(doc),
            origin=self._origin(rec),
        )

    def _relation(self, rtype: str, source: str, target: str, kind: str, ev: Evidence) -> Relation:
        rt = self.schema.relation(rtype)
        if rt.symmetric and kind == ACTOR and target < source:
            source, target = target, source
        return Relation(rtype, source, target, [ev], kind)

    def _add(
        self,
        kind: str,
        rec: AnyRecord,
        defs: _Definitions,
        resolver: Resolver,
        batch: WriteBatch,
    ) -> None:
        if rec.kind == "document":
            batch.documents.append(
                Document(
                    id=rec.id,
                    title=rec.title,
                    url=rec.url,
                    published=rec.published,
                    outlet=rec.outlet,
                    file=rec.file,
                )
            )
        elif rec.kind == "actor":
            batch.actors.append(
                Actor(
                    id=node_id(rec),
                    name=rec.name,
                    type=rec.type,
                    aliases=list(rec.aliases),
                    description=rec.description,
                    roles=[
                        Role(r.title, resolver.actor(r.of), r.valid_from, r.valid_to)
                        for r in rec.roles
                    ],
                )
            )
        elif rec.kind == "topic":
            batch.topics.append(
                Topic(
                    id=node_id(rec),
                    name=rec.name,
                    keywords=list(rec.keywords),
                    description=rec.description,
                )
            )
        elif rec.kind == "statement":
            doc = self._document(rec, defs, resolver)
            batch.statements.append(
                Statement(
                    id=self._statement_id(rec, defs),
                    speaker=resolver.actor(rec.speaker),
                    text=rec.text,
                    quote=rec.quote,
                    on_behalf_of=resolver.actor(rec.on_behalf_of) if rec.on_behalf_of else None,
                    date=rec.date or resolver.published(doc),
                    document=doc,
                    about=[resolver.topic(t) for t in rec.about],
                    evidence=rec.evidence,
                    start=rec.start,
                    end=rec.end,
                    confidence=rec.confidence,
                    origin=self._origin(rec),
                )
            )
        else:
            self._add_relation(rec, defs, resolver, batch)

    def _add_relation(
        self, rec: RelationRecord, defs: _Definitions, resolver: Resolver, batch: WriteBatch
    ) -> None:
        """A relation record into the batch (most records of a large input: taken before the
        other kinds are tried)."""
        rt = self.schema.relation(rec.type)
        source = resolver.actor(rec.source)
        target, tkind = resolver.topic_or_actor(rec.target, "Topic" in rt.target)
        doc = resolver.document(rec.document) if rec.document else defs.default_document
        ev = self._evidence(rec, doc, resolver)
        batch.relations.append(self._relation(rt.name, source, target, tkind, ev))

    def _derived(
        self,
        kind: str,
        rec: AnyRecord,
        defs: _Definitions,
        resolver: Resolver,
        batch: WriteBatch,
    ) -> None:
        """``speaks_for`` from an actor's roles and from a statement's ``on_behalf_of``."""
        if rec.kind == "actor":
            aid = node_id(rec)
            for r in rec.roles:
                ev = role_evidence(rec, r, self._origin(rec))
                batch.relations.append(
                    self._relation("speaks_for", aid, resolver.actor(r.of), ACTOR, ev)
                )
        elif rec.kind == "statement" and rec.on_behalf_of:
            doc = self._document(rec, defs, resolver)
            sid = self._statement_id(rec, defs)
            ev = Evidence(
                document=doc,
                sentence=rec.evidence or rec.text,
                statement=sid,
                date=rec.date or resolver.published(doc),
                confidence=rec.confidence,
                origin=self._origin(rec),
                start=rec.start,
                end=rec.end,
            )
            speaker = resolver.actor(rec.speaker)
            behalf = resolver.actor(rec.on_behalf_of)
            if speaker != behalf:
                batch.relations.append(self._relation("speaks_for", speaker, behalf, ACTOR, ev))


#: Fields that are not facts about a node (compared between records of the same node).
_NOT_FACTS = frozenset({"kind", "id", "comment", "optional"})
#: Ids looked up in the store at a time by the checks of pass 1.
CHECK_CHUNK = 1000


#: The collector's first threshold while a load runs (Python's default: 700 allocations).
GC_THRESHOLD = 100_000
_gc_lock = threading.Lock()
_gc_loads = 0
_gc_saved: tuple[int, int, int] | None = None
#: whether the loads running froze objects (:func:`keep_out_of_sight`): only when no one else
#: had (``gc.freeze`` is the process's: a load must not thaw what another part froze)
_gc_freezing = False
#: Lines pass 1 reads between two :func:`keep_out_of_sight`.
OUT_OF_SIGHT_EVERY = 50_000


@contextlib.contextmanager
def fewer_collections() -> Iterator[None]:
    """Python's cyclic garbage collector runs less often while records are checked and
    written. A load allocates a few objects per record and keeps most of them (the checked
    records, the batches): at the default threshold the collector walks them again and
    again, a third of the CPU of checking a large input, and finds almost nothing to free.
    Loads in several threads share the setting; the last one out puts the old one back, and
    gives the collector back what :func:`keep_out_of_sight` took from its sight."""
    global _gc_loads, _gc_saved, _gc_freezing
    with _gc_lock:
        if _gc_loads == 0:
            _gc_saved = gc.get_threshold()
            gc.set_threshold(GC_THRESHOLD, *_gc_saved[1:])
            _gc_freezing = gc.get_freeze_count() == 0
        _gc_loads += 1
    try:
        yield
    finally:
        with _gc_lock:
            _gc_loads -= 1
            if _gc_loads == 0 and _gc_saved is not None:
                gc.set_threshold(*_gc_saved)
                _gc_saved = None
                if _gc_freezing:
                    gc.unfreeze()
                    _gc_freezing = False


def keep_out_of_sight() -> None:
    """Inside :func:`fewer_collections`: the objects alive now (pass 1's checked records,
    what the store keeps of a first load) live until the load ends, so the cyclic collector
    need not walk them again and again (``gc.freeze``, a constant-time move; measured at
    200k relations: the collector took 2.2 s of a 27 s load, 0.9 s of it one full
    collection). Objects freed in the meantime are freed as usual (reference counts); the
    collector sees them all again when the last load ends."""
    if _gc_freezing:
        gc.freeze()


def _chunks(items: list[str], size: int) -> Iterator[list[str]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def summary(problems: list[InputError], *, none_good: bool = False) -> InputError:
    """One error for many: the first, and how many more there are."""
    first = problems[0]
    more = f" (and {len(problems) - 1} more problems)" if len(problems) > 1 else ""
    if none_good:
        more += "; no record is valid"
    return InputError(first.reason + more, file=first.file, line=first.line, field=first.field)


def _named(items: Iterable[Item], path: Path, name: str) -> Iterator[Item]:
    """Items whose reading errors name ``name`` rather than ``path`` (a temporary copy)."""
    if str(path) == name:
        yield from items
        return
    for line, item in items:
        if isinstance(item, InputError) and item.file == str(path):
            item = InputError(item.reason, file=name, line=item.line, field=item.field)
        yield line, item


#: Where :func:`_judged` keeps a record's line while the merges are applied to it.
_LINE = "\x00line"


def _judged(items: ItemsFactory, judgements: Judgements) -> ItemsFactory:
    """The items with the duplicate-review merges applied (:func:`apply_decisions`): records
    keep their line numbers for messages; what cannot be parsed passes as it is."""

    def records() -> Iterator[dict[str, Any]]:
        for line, item in items():
            if isinstance(item, str):
                with contextlib.suppress(json.JSONDecodeError, RecursionError):
                    item = json.loads(item)
            if isinstance(item, dict):
                yield {**item, _LINE: line}
            else:  # an unreadable line: carried through in its place, checked as it is
                yield {"kind": None, _LINE: line, "item": item}

    def factory() -> Iterator[Item]:
        for rec in apply_decisions(records(), judgements):
            line = rec.pop(_LINE)
            if rec.get("kind") is None and "item" in rec:
                yield line, rec["item"]
            else:
                yield line, rec

    return factory
