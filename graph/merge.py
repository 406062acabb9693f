"""How a node or relation already in the store absorbs a new version of itself.

Both backends call these, so merging means the same thing everywhere: new non-empty scalar
values win, lists are unioned keeping first-seen order, evidence is unioned by key.
"""

from __future__ import annotations

from dataclasses import fields, replace
from typing import Any, TypeVar

from graph.model import Evidence, Relation, Role

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


#: Fields that keep their first value (an id's defaults must not flap between sources).
_KEEP_FIRST = frozenset({"id", "confidence", "origin", "quote"})


def new_evidence(old: Relation | None, new: Relation) -> list[Evidence]:
    """Evidence of ``new`` that ``old`` does not hold yet (by evidence key)."""
    if old is None:
        seen: set[str] = set()
    else:
        seen = {e.key for e in old.evidence}
    out = []
    for e in new.evidence:
        k = e.key
        if k not in seen:
            seen.add(k)
            out.append(e)
    return out
