"""Loading exchange-format records into a store: check everything, then write in batches.

Pass 1 reads the whole input, checks every record's shape and every reference (to actors,
topics, documents, statements defined in the same input or already in the store). Only when
all is well (or with ``skip_invalid``, for the lines that are) does pass 2 read the input
again and write it in batches, nodes before the relations that need them. Each batch is one
transaction and every write merges, so a killed ingest keeps what it committed and a re-run
finishes the job without duplicating anything.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from actorgraph.graph.errors import InputError
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
    slugify,
)
from actorgraph.graph.records import ROLE_ORIGIN_PREFIX
from actorgraph.graph.store import GraphStore, WriteBatch, WriteResult
from actorgraph.ingest.records import Item, check_record, read_records

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

    def to_dict(self) -> dict[str, Any]:
        return {
            "sources": self.sources,
            "records": self.records,
            "written": {
                "nodes": self.written.nodes,
                "relations": self.written.relations,
                "evidence": self.written.evidence,
            },
            "skipped": self.skipped,
            "seconds": round(self.seconds, 3),
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
    checked: list[tuple[int, dict[str, Any]]] | None = field(default_factory=list)

    @property
    def default_document(self) -> str | None:
        return next(iter(self.documents)) if len(self.documents) == 1 else None


def _actor_id(rec: dict[str, Any]) -> str:
    return str(rec.get("id") or slugify(rec["name"]))


def _topic_id(rec: dict[str, Any]) -> str:
    return str(rec.get("id") or slugify(rec["name"]))


class Resolver:
    """Turns references (ids, names, aliases) into ids, against the input and the store."""

    def __init__(self, store: GraphStore, defs: _Definitions) -> None:
        self.store = store
        self.defs = defs
        self._actor_cache: dict[str, str | InputError] = {}
        self._store_docs: dict[str, str | None] = {}
        self._kinds: dict[str, str | None] = {}

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
            what = "actor or topic" if allow_topic else "actor"
            raise ValueError(f"no {what} '{ref}' in this input or the store") from None

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
    ) -> None:
        self.store = store
        self.schema = store.schema
        self.batch_size = batch_size
        self.skip_invalid = skip_invalid
        self.default_origin = default_origin

    # ------------------------------------------------------------------ public
    def load_file(self, path: str | Path, progress: Progress | None = None) -> IngestReport:
        p = Path(path)
        if not p.exists():
            raise InputError("no such file", file=str(p))
        if p.is_dir():
            raise InputError("is a directory, not a file of records", file=str(p))
        return self.load(lambda: read_records(p), str(p), progress)

    def load_records(self, records: list[dict[str, Any]], name: str = "<request>") -> IngestReport:
        return self.load(lambda: enumerate(records, start=1), name)

    def count(self, items: ItemsFactory) -> int:
        return sum(1 for _ in items())

    def load(
        self, items: ItemsFactory, name: str, progress: Progress | None = None
    ) -> IngestReport:
        started = time.monotonic()
        report = IngestReport(sources=[name])
        defs, bad, errors, total = self._check(items, name)
        if errors and not self.skip_invalid:
            first = errors[0]
            more = f" (and {len(errors) - 1} more problems)" if len(errors) > 1 else ""
            raise InputError(
                first.reason + more, file=first.file, line=first.line, field=first.field
            )
        report.skipped = [str(e) for e in errors]
        resolver = Resolver(self.store, defs)
        report.records = self._write(items, name, defs, resolver, bad, report, progress, total)
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
        seen_refs: set[tuple[str, str]] = set()

        def ref(line: int, fld: str, what: str, value: Any) -> None:
            key = (what, str(value))
            if key not in seen_refs:
                seen_refs.add(key)
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

        for line, item in items():
            total += 1
            try:
                if isinstance(item, InputError):
                    raise item
                rec = check_record(item, self.schema, name, line)
                kind = rec["kind"]
                if defs.checked is not None:
                    defs.checked.append((line, rec))
                    if len(defs.checked) > KEEP_CHECKED:
                        defs.checked = None
                if kind == "document":
                    claim(line, "id", rec["id"], DOCUMENT)
                    defs.documents[rec["id"]] = rec.get("published")
                elif kind == "actor":
                    aid = _actor_id(rec)
                    claim(line, "id", aid, ACTOR)
                    defs.actors.add(aid)
                    for n in [rec["name"], *rec.get("aliases", [])]:
                        defs.actor_names.setdefault(normalize_name(n), set()).add(aid)
                    for role in rec.get("roles", []):
                        ref(line, "roles", "actor", role["of"])
                elif kind == "topic":
                    tid = _topic_id(rec)
                    claim(line, "id", tid, TOPIC)
                    defs.topics.add(tid)
                    defs.topic_names[normalize_name(rec["name"])] = tid
                elif kind == "statement":
                    defs.statements.add(self._statement_id(rec, defs))
                    ref(line, "speaker", "actor", rec["speaker"])
                    if rec.get("on_behalf_of"):
                        ref(line, "on_behalf_of", "actor", rec["on_behalf_of"])
                    for t in rec.get("about", []):
                        ref(line, "about", "topic", t)
                    if rec.get("document"):
                        ref(line, "document", "document", rec["document"])
                else:
                    rt = self.schema.relation(rec["type"])
                    ref(line, "source", "actor", rec["source"])
                    target_what = "topic_or_actor" if "Topic" in rt.target else "actor"
                    ref(line, "target", target_what, rec["target"])
                    if rec.get("document"):
                        ref(line, "document", "document", rec["document"])
                    if rec.get("statement"):
                        ref(line, "statement", "statement", rec["statement"])
            except InputError as exc:
                if exc.file is None:
                    exc = InputError(exc.reason, file=name, line=line, field=exc.field)
                errors.append(exc)
                bad.add(line)

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

    def _statement_id(self, rec: dict[str, Any], defs: _Definitions) -> str:
        if rec.get("id"):
            return str(rec["id"])
        doc = rec.get("document") or defs.default_document
        return "st-" + short_hash(rec["speaker"], rec["text"], doc)

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
        batch = WriteBatch()
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
                settle()
                pending.append(pool.submit(self.store.write, batch))
                batch = WriteBatch()

        try:
            # nodes first, then statements, then relations: every write finds what it links to
            for phase in (("document", "actor", "topic"), ("statement",), ("relation", "derived")):
                for line, rec in self._phase(items, name, defs, bad, phase):
                    kind = rec["kind"]
                    try:
                        if kind in phase:
                            self._add(kind, rec, defs, resolver, batch)
                            count += 1
                            if progress:
                                progress(1, total)
                        if "derived" in phase and kind in ("actor", "statement"):
                            self._derived(kind, rec, defs, resolver, batch)
                    except ValueError as exc:
                        report.skipped.append(str(InputError(str(exc), file=name, line=line)))
                        continue
                    if len(batch) >= self.batch_size:
                        flush()
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
        phase: tuple[str, ...],
    ) -> Iterator[tuple[int, dict[str, Any]]]:
        """The good records a write phase takes (those of its kinds, and for the derived
        relations actors and statements), from pass 1's memory or read and checked again."""
        wanted = set(phase) | ({"actor", "statement"} if "derived" in phase else set())
        if defs.checked is not None:
            for line, rec in defs.checked:
                if rec["kind"] in wanted and line not in bad:
                    yield line, rec
            return
        for line, item in items():
            if line in bad or isinstance(item, InputError) or item.get("kind") not in wanted:
                continue
            yield line, check_record(item, self.schema, name, line)

    @staticmethod
    def _document(rec: dict[str, Any], defs: _Definitions, resolver: Resolver) -> str | None:
        """The record's document, or the input's only document when it names none."""
        if rec.get("document"):
            return resolver.document(rec["document"])
        return defs.default_document

    def _evidence(
        self, rec: dict[str, Any], doc: str | None, resolver: Resolver, sentence: str | None
    ) -> Evidence:
        return Evidence(
            document=doc,
            sentence=sentence,
            statement=resolver.statement(rec["statement"]) if rec.get("statement") else None,
            date=rec.get("date") or resolver.published(doc),
            valid_from=rec.get("valid_from"),
            valid_to=rec.get("valid_to"),
            confidence=rec.get("confidence", 1.0),
            origin=rec.get("origin") or self.default_origin,
            start=rec.get("start"),
            end=rec.get("end"),
        )

    def _relation(self, rtype: str, source: str, target: str, kind: str, ev: Evidence) -> Relation:
        rt = self.schema.relation(rtype)
        if rt.symmetric and kind == ACTOR and target < source:
            source, target = target, source
        return Relation(rtype, source, target, [ev], kind)

    def _add(
        self,
        kind: str,
        rec: dict[str, Any],
        defs: _Definitions,
        resolver: Resolver,
        batch: WriteBatch,
    ) -> None:
        if kind == "document":
            batch.documents.append(
                Document(
                    id=rec["id"],
                    title=rec["title"],
                    url=rec.get("url"),
                    published=rec.get("published"),
                    outlet=rec.get("outlet"),
                    file=rec.get("file"),
                )
            )
        elif kind == "actor":
            batch.actors.append(
                Actor(
                    id=_actor_id(rec),
                    name=rec["name"],
                    type=rec["type"],
                    aliases=list(rec.get("aliases", [])),
                    description=rec.get("description"),
                    roles=[
                        Role(r["title"], resolver.actor(r["of"]), r.get("from"), r.get("to"))
                        for r in rec.get("roles", [])
                    ],
                )
            )
        elif kind == "topic":
            batch.topics.append(
                Topic(
                    id=_topic_id(rec),
                    name=rec["name"],
                    keywords=list(rec.get("keywords", [])),
                    description=rec.get("description"),
                )
            )
        elif kind == "statement":
            doc = self._document(rec, defs, resolver)
            batch.statements.append(
                Statement(
                    id=self._statement_id(rec, defs),
                    speaker=resolver.actor(rec["speaker"]),
                    text=rec["text"],
                    quote=rec.get("quote", False),
                    on_behalf_of=resolver.actor(rec["on_behalf_of"])
                    if rec.get("on_behalf_of")
                    else None,
                    date=rec.get("date") or resolver.published(doc),
                    document=doc,
                    about=[resolver.topic(t) for t in rec.get("about", [])],
                    evidence=rec.get("evidence"),
                    start=rec.get("start"),
                    end=rec.get("end"),
                    confidence=rec.get("confidence", 1.0),
                    origin=rec.get("origin") or self.default_origin,
                )
            )
        else:
            rt = self.schema.relation(rec["type"])
            source = resolver.actor(rec["source"])
            target, tkind = resolver.topic_or_actor(rec["target"], "Topic" in rt.target)
            doc = self._document(rec, defs, resolver)
            ev = self._evidence(rec, doc, resolver, rec.get("evidence"))
            batch.relations.append(self._relation(rt.name, source, target, tkind, ev))

    def _derived(
        self,
        kind: str,
        rec: dict[str, Any],
        defs: _Definitions,
        resolver: Resolver,
        batch: WriteBatch,
    ) -> None:
        """``speaks_for`` from an actor's roles and from a statement's ``on_behalf_of``."""
        origin = rec.get("origin") or self.default_origin
        if kind == "actor":
            aid = _actor_id(rec)
            for r in rec.get("roles", []):
                ev = Evidence(
                    sentence=f"{rec['name']}: {r['title']}",
                    valid_from=r.get("from"),
                    valid_to=r.get("to"),
                    origin=ROLE_ORIGIN_PREFIX + origin,
                )
                batch.relations.append(
                    self._relation("speaks_for", aid, resolver.actor(r["of"]), ACTOR, ev)
                )
        elif rec.get("on_behalf_of"):
            doc = self._document(rec, defs, resolver)
            sid = self._statement_id(rec, defs)
            ev = Evidence(
                document=doc,
                sentence=rec.get("evidence") or rec["text"],
                statement=sid,
                date=rec.get("date") or resolver.published(doc),
                confidence=rec.get("confidence", 1.0),
                origin=origin,
                start=rec.get("start"),
                end=rec.get("end"),
            )
            speaker = resolver.actor(rec["speaker"])
            behalf = resolver.actor(rec["on_behalf_of"])
            if speaker != behalf:
                batch.relations.append(self._relation("speaks_for", speaker, behalf, ACTOR, ev))
