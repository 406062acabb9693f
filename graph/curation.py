"""Changes researchers make to a graph after ingest: merging a duplicate actor into another,
undoing that merge, and retracting a document with every fact only it supports.

Each is one :class:`graph.store.Rewrite` (one transaction on either backend): what changes is
removed and written again as it should be, so both stores recompute every aggregate (first
and last seen, sources, confidence, intermediaries) from the evidence that is left.

* A **merge** folds actor ``A`` into ``B``: ``A``'s relations, statements (as speaker, as the
  actor spoken for, as what one is about) and the roles other actors hold for it go to
  ``B``; ``B`` takes ``A``'s name and aliases as aliases and its roles; a relation the merge
  turns into a loop is dropped. A note kept with the data (``merge:A``) records what moved:
  ``A`` as it was, its relations and statements as they were, and which pieces of evidence
  each of ``B``'s relations gained, so :func:`unmerge_actor` puts everything back (evidence
  that came to ``B`` later, from other sources, stays with ``B``).
* A **retraction** removes a document, the statements reported in it, and every piece of
  evidence that cites it or one of those statements; a relation with no evidence left goes,
  one with other evidence stays (its dates and support recomputed). Actors and topics stay:
  they are names, not facts, and curated records may define them without any document. A
  note (``retraction:<document>``) records what was removed, for reports.

The judgement a merge stands for is kept in the decisions file
(:mod:`graph.duplicates.decisions`) by the caller, so that re-ingest applies it too.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, replace
from datetime import UTC, datetime
from typing import Any

from actorgraph.graph.duplicates.names import fold
from actorgraph.graph.errors import InputError, LimitError, NotFoundError
from actorgraph.graph.model import (
    ACTOR,
    DOCUMENT,
    Actor,
    Evidence,
    Relation,
    Role,
    Statement,
    node_from_dict,
    node_to_dict,
)
from actorgraph.graph.store import MAX_ROWS, GraphStore, Rewrite, WriteBatch

#: How many relations (or statements) of one actor a merge may move.
MAX_MOVED = MAX_ROWS * 10
MERGE_NOTE = "merge:"
RETRACTION_NOTE = "retraction:"


@dataclass(slots=True)
class MergeOutcome:
    """What a merge (or an unmerge) moved."""

    actor: str
    into: str
    relations: int = 0
    statements: int = 0
    loops_dropped: int = 0
    aliases: list[str] = field(default_factory=list)
    version: str = ""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class Retraction:
    """What a retraction removed."""

    document: str
    title: str
    at: str
    statements: int = 0
    relations_removed: int = 0
    relations_kept: int = 0
    evidence_removed: int = 0
    version: str = ""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


# ---------------------------------------------------------------------- reading what moves
def _relations_of(store: GraphStore, actor: str) -> list[Relation]:
    rels = store.relations(actor=actor, limit=MAX_MOVED + 1)
    if len(rels) > MAX_MOVED:
        raise LimitError(f"{actor} takes part in more than {MAX_MOVED} relations")
    return rels


def _statements_of(store: GraphStore, actor: str) -> dict[str, Statement]:
    """Statements that name the actor: as speaker, as the actor spoken for, or in ``about``."""
    out: dict[str, Statement] = {}
    for query in ({"actor": actor, "role": "either"}, {"topic": actor}):
        out.update((s.id, s) for s in _all_statements(store, f"name {actor}", **query))
    return out


def _all_statements(store: GraphStore, what: str, **query: Any) -> list[Statement]:
    """Every statement a query matches, page by page (at most :data:`MAX_MOVED`)."""
    found: list[Statement] = []
    while True:
        page, total = store.statements(**query, limit=MAX_ROWS, offset=len(found))
        if total > MAX_MOVED:
            raise LimitError(f"more than {MAX_MOVED} statements {what}")
        found.extend(page)
        if not page or len(found) >= total:
            return found


def _redirect_statement(s: Statement, old: str, new: str) -> Statement:
    def to(x: str | None) -> str | None:
        return new if x == old else x

    speaker = to(s.speaker) or s.speaker
    behalf = to(s.on_behalf_of)
    return replace(
        s,
        speaker=speaker,
        on_behalf_of=None if behalf == speaker else behalf,
        about=list(dict.fromkeys(to(x) or x for x in s.about)),
    )


def _relation_dict(r: Relation) -> dict[str, Any]:
    return {
        "type": r.type,
        "source": r.source,
        "target": r.target,
        "target_kind": r.target_kind,
        "evidence": [e.as_row() for e in r.evidence],
    }


def _relation_from(d: dict[str, Any]) -> Relation:
    ev = [Evidence(**e) for e in d["evidence"]]
    return Relation(d["type"], d["source"], d["target"], ev, d["target_kind"])


def _role_holders(store: GraphStore, rels: list[Relation], actor: str) -> dict[str, Actor]:
    """Actors holding a role for ``actor`` (their ``speaks_for`` has role-derived evidence)."""
    ids = sorted(
        {
            r.source
            for r in rels
            if r.type == "speaks_for" and r.target == actor and r.source != actor
        }
    )
    found = store.get_nodes(ACTOR, ids)
    return {i: a for i, a in found.items() if any(x.of == actor for x in a.roles)}


def _actor(store: GraphStore, actor_id: str) -> Actor:
    found = store.get_nodes(ACTOR, [actor_id]).get(actor_id)
    if found is None:
        raise NotFoundError("actor id", actor_id)
    return found  # type: ignore[no-any-return]


# ---------------------------------------------------------------------- merge
def merge_actors(store: GraphStore, actor: str, into: str) -> MergeOutcome:
    """Fold actor ``actor`` into ``into`` (both exact ids); see the module docstring."""
    if actor == into:
        raise InputError("an actor cannot be merged into itself", field="into")
    a = _actor(store, actor)
    b = _actor(store, into)
    if store.notes(MERGE_NOTE + actor).get(MERGE_NOTE + actor):
        raise InputError(f"{actor} is merged already; unmerge it first", field="actor")

    a_rels = _relations_of(store, actor)
    b_rels = {r.key: r for r in _relations_of(store, into)}
    holders = _role_holders(store, a_rels, actor)
    holders.pop(into, None)
    stmts = _statements_of(store, actor)

    # the survivor: the merged actor's names as aliases (never its own name twice), its roles
    known = {fold(x) for x in (b.name, *b.aliases)}
    added_aliases = []
    for name in (a.name, *a.aliases):
        if fold(name) not in known:
            known.add(fold(name))
            added_aliases.append(name)
    added_roles = [replace(r, of=into if r.of == actor else r.of) for r in a.roles]
    added_roles = [r for r in added_roles if r.of != into and r not in b.roles]
    survivor = replace(b, aliases=[*b.aliases, *added_aliases], roles=[*b.roles, *added_roles])

    moved: list[Relation] = []
    added_evidence: dict[str, list[str]] = {}
    loops = 0
    for r in a_rels:
        s = into if r.source == actor else r.source
        t = into if r.target == actor else r.target
        if s == t:
            loops += 1
            continue
        nr = Relation(r.type, s, t, list(r.evidence), r.target_kind)
        had = {e.key for e in b_rels[nr.key].evidence} if nr.key in b_rels else set()
        fresh = [e.key for e in nr.evidence if e.key not in had]
        added_evidence.setdefault(nr.key, []).extend(fresh)
        moved.append(nr)
    new_holders = [
        replace(h, roles=[replace(x, of=into) if x.of == actor else x for x in h.roles])
        for h in holders.values()
    ]
    note = {
        "actor": node_to_dict(a),
        "into": into,
        "at": datetime.now(UTC).isoformat(timespec="seconds"),
        "aliases": added_aliases,
        "roles": [asdict(r) for r in added_roles],
        "holders": sorted(holders),
        "relations": [_relation_dict(r) for r in a_rels],
        "added": {k: v for k, v in added_evidence.items() if v},
        "statements": [node_to_dict(s) for s in stmts.values()],
    }
    change = _rebuild(
        store,
        replaced={into: survivor, **{h.id: h for h in new_holders}},
        removed=[actor],
        extra_relations=moved,
        statements={i: _redirect_statement(s, actor, into) for i, s in stmts.items()},
        redirect={actor: into},
    )
    change.remove_relations.extend((r.type, r.source, r.target) for r in a_rels)
    change.notes[MERGE_NOTE + actor] = json.dumps(note, ensure_ascii=False)
    store.rewrite(change)
    return MergeOutcome(
        actor=actor,
        into=into,
        relations=len(moved),
        statements=len(stmts),
        loops_dropped=loops,
        aliases=added_aliases,
        version=store.version(),
    )


def unmerge_actor(store: GraphStore, actor: str) -> MergeOutcome:
    """Undo the merge of ``actor``: it comes back as it was, with its relations and
    statements; the survivor loses the names, roles and evidence the merge gave it."""
    raw = store.notes(MERGE_NOTE + actor).get(MERGE_NOTE + actor)
    if raw is None:
        raise NotFoundError("merged actor", actor)
    note = json.loads(raw)
    into = note["into"]
    a = node_from_dict(ACTOR, note["actor"])
    b = store.get_nodes(ACTOR, [into]).get(into)
    if store.get_nodes(ACTOR, [actor]):
        raise InputError(f"an actor {actor} exists again; merge or delete it first", field="actor")
    replaced: dict[str, Actor] = {}
    if b is not None:
        aliases = {fold(x) for x in note["aliases"]}
        roles = [Role(**r) for r in note["roles"]]
        replaced[into] = replace(
            b,
            aliases=[x for x in b.aliases if fold(x) not in aliases],
            roles=[r for r in b.roles if r not in roles],
        )
    holders = store.get_nodes(ACTOR, note["holders"])
    for h in holders.values():
        replaced[h.id] = replace(
            h, roles=[replace(x, of=actor) if x.of == into else x for x in h.roles]
        )
    drop = {k: set(v) for k, v in note["added"].items()}
    originals = [_relation_from(d) for d in note["relations"]]
    statements = {d["id"]: node_from_dict("Statement", d) for d in note["statements"]}
    change = _rebuild(
        store,
        replaced=replaced,
        removed=[],
        extra_relations=originals,
        statements=statements,
        drop_evidence=drop,
        created=[a],
    )
    change.notes[MERGE_NOTE + actor] = None
    store.rewrite(change)
    return MergeOutcome(
        actor=actor,
        into=into,
        relations=len(originals),
        statements=len(statements),
        aliases=list(note["aliases"]),
        version=store.version(),
    )


def merges(store: GraphStore) -> dict[str, str]:
    """Merged actor id -> the actor it was merged into, as the store's notes say."""
    return {k[len(MERGE_NOTE) :]: json.loads(v)["into"] for k, v in store.notes(MERGE_NOTE).items()}


def _rebuild(
    store: GraphStore,
    *,
    replaced: dict[str, Actor],
    removed: list[str],
    extra_relations: list[Relation],
    statements: dict[str, Statement],
    drop_evidence: dict[str, set[str]] | None = None,
    created: list[Actor] | None = None,
    redirect: dict[str, str] | None = None,
) -> Rewrite:
    """The rewrite that replaces the ``replaced`` actors' nodes (removed with every relation
    and statement that names them, then written again), removes the ``removed`` actors, and
    writes ``extra_relations`` and ``statements`` (which win over the stored ones). Relations
    read are given the ends ``redirect`` maps them to (a loop is dropped)."""
    drop_evidence = drop_evidence or {}
    redirect = redirect or {}
    rels: dict[str, Relation] = {}
    stmts: dict[str, Statement] = {}
    for actor in replaced:
        for r in _relations_of(store, actor):
            rels[r.key] = r
        stmts.update(_statements_of(store, actor))
    stmts.update(statements)
    change = Rewrite(
        remove_nodes=[*removed, *replaced, *stmts],
        remove_relations=[(r.type, r.source, r.target) for r in rels.values()],
    )
    kept = []
    for r in rels.values():
        gone = drop_evidence.get(r.key, set())
        ev = [e for e in r.evidence if e.key not in gone]
        s, t = redirect.get(r.source, r.source), redirect.get(r.target, r.target)
        if ev and s != t:
            kept.append(replace(r, source=s, target=t, evidence=ev))
    change.batch = WriteBatch(
        actors=[*(created or []), *replaced.values()],
        statements=list(stmts.values()),
        relations=[*kept, *extra_relations],
    )
    return change


# ---------------------------------------------------------------------- retraction
def retract_document(store: GraphStore, document: str) -> Retraction:
    """Remove ``document`` and every fact only it supports; see the module docstring."""
    doc = store.get_nodes(DOCUMENT, [document]).get(document)
    if doc is None:
        raise NotFoundError("document", document)
    stmt_ids = [s.id for s in _all_statements(store, f"cite {document}", document=document)]
    wanted = set(stmt_ids)
    change = Rewrite(remove_nodes=[document, *stmt_ids])
    out = Retraction(
        document=document,
        title=doc.title,
        at=datetime.now(UTC).isoformat(timespec="seconds"),
        statements=len(stmt_ids),
    )
    for r in store.relations_citing(document, stmt_ids):
        left = [e for e in r.evidence if e.document != document and e.statement not in wanted]
        out.evidence_removed += len(r.evidence) - len(left)
        change.remove_relations.append((r.type, r.source, r.target))
        if left:
            change.batch.relations.append(replace(r, evidence=left))
            out.relations_kept += 1
        else:
            out.relations_removed += 1
    summary = out.to_dict()
    summary.pop("version")
    change.notes[RETRACTION_NOTE + document] = json.dumps(summary, ensure_ascii=False)
    store.rewrite(change)
    out.version = store.version()
    return out


def retractions(store: GraphStore) -> list[dict[str, Any]]:
    """Every retraction made, oldest first."""
    found = [json.loads(v) for v in store.notes(RETRACTION_NOTE).values()]
    return sorted(found, key=lambda d: (d["at"], d["document"]))
