"""How a node or relation already in the store absorbs a new version of itself.

Both backends call these, so merging means the same thing everywhere: new non-empty scalar
values win, lists are unioned keeping first-seen order, evidence is unioned by key.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import fields, replace
from typing import TYPE_CHECKING, Any, TypeVar

from actorgraph.graph.errors import InputError
from actorgraph.graph.model import ACTOR, DOCUMENT, STATEMENT, TOPIC, Role

if TYPE_CHECKING:
    from actorgraph.graph.model import Evidence, Relation
    from actorgraph.graph.schema import Schema
    from actorgraph.graph.store import WriteBatch

T = TypeVar("T")


def _union(old: list[Any], new: list[Any]) -> list[Any]:
    out = list(old)
    seen = {_hashable(x) for x in old}
    for x in new:
        h = _hashable(x)
        if h not in seen:
            seen.add(h)
            out.append(x)
    return out


def _hashable(x: Any) -> Any:
    if isinstance(x, Role):
        return (x.title, x.of, x.valid_from, x.valid_to)
    if isinstance(x, str):
        return x.casefold()
    return x


def merge_node(old: T | None, new: T) -> T:
    """``old`` updated with ``new``; returns ``old`` itself when nothing changes."""
    if old is None:
        return new
    changes: dict[str, Any] = {}
    for f in fields(new):  # type: ignore[arg-type]
        nv = getattr(new, f.name)
        ov = getattr(old, f.name)
        if isinstance(ov, list):
            merged = _union(ov, nv or [])
            if merged != ov:
                changes[f.name] = merged
        elif nv is not None and nv != "" and nv != ov and f.name not in _KEEP_FIRST:
            changes[f.name] = nv
    return replace(old, **changes) if changes else old  # type: ignore[type-var]


def fold_relations(
    relations: Iterable[Relation],
) -> dict[str, tuple[Relation, dict[str, Evidence]]]:
    """A batch's relations, each key once (its first record), with the evidence of all its
    records deduplicated by evidence key in arrival order (the first piece of a key is kept;
    each key is hashed once). Both stores write from this; what they already hold is added to
    by key again when they write."""
    folded: dict[str, tuple[Relation, dict[str, Evidence]]] = {}
    for rel in relations:
        key = rel.key
        entry = folded.get(key)
        if entry is None:
            entry = folded[key] = (rel, {})
        pieces = entry[1]
        for e in rel.evidence:
            k = e.key
            if k not in pieces:
                pieces[k] = e
    return folded


#: Fields that keep their first value (an id's defaults must not flap between sources).
_KEEP_FIRST = frozenset({"id", "confidence", "origin", "quote"})


def check_batch(
    batch: WriteBatch, existing: Callable[[list[str]], dict[str, str]], schema: Schema
) -> None:
    """Refuse a batch that breaks the store's invariants, before anything is written.

    Ids are unique across node kinds, and a relation links two nodes that exist (in the store
    or in the batch) of kinds its type allows, ``target_kind`` being the target's kind.
    ``existing`` maps ids to the kind they have in the store. Raises :class:`InputError`.
    """
    kinds = (
        (DOCUMENT, batch.documents),
        (ACTOR, batch.actors),
        (TOPIC, batch.topics),
        (STATEMENT, batch.statements),
    )
    ids = {n.id for _, items in kinds for n in items}
    ids.update(i for r in batch.relations for i in (r.source, r.target))
    known = existing(list(ids))  # (in no order: a lookup)
    claimed: dict[str, str] = {}
    for kind, items in kinds:
        for node in items:
            have = claimed.get(node.id) or known.get(node.id)
            if have is not None and have != kind:
                raise InputError(
                    f"id '{node.id}' of a {kind.lower()} is already used by a {have.lower()} "
                    "(ids are unique across kinds)",
                    field="id",
                )
            claimed[node.id] = kind
    # each (type, end, node) is checked once: a batch names the same hubs again and again
    good: set[tuple[str, str, str]] = set()
    for rel in batch.relations:
        if (rel.type, rel.source, "") in good and (rel.type, rel.target, rel.target_kind) in good:
            continue
        rt = schema.relations.get(rel.type)
        if rt is None or rt.derived:
            raise InputError(f"relation {rel.key}: '{rel.type}' is not a fact type", field="type")
        for end, node_id, allowed in (
            ("source", rel.source, rt.source),
            ("target", rel.target, rt.target),
        ):
            have = claimed.get(node_id) or known.get(node_id)
            if have is None:
                raise InputError(
                    f"relation {rel.key}: no node '{node_id}' in the store or this batch", field=end
                )
            if have not in allowed or (end == "target" and have != rel.target_kind):
                raise InputError(
                    f"relation {rel.key}: '{node_id}' is a {have.lower()}, which a "
                    f"{rel.type} {end} cannot be (target_kind {rel.target_kind})",
                    field=end,
                )
        good.add((rel.type, rel.source, ""))
        good.add((rel.type, rel.target, rel.target_kind))
