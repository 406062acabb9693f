"""Model objects to Neo4j properties and back.

Nodes keep every field of their dataclass as a property of the same name (``None`` fields
are absent; an actor's ``roles`` are one JSON string, since Neo4j properties cannot hold
maps), plus derived properties the Cypher queries use:

* actors: ``name_cf`` (casefolded name, path order), ``keys`` (normalized id, name and
  aliases, see :func:`graph.model.normalize_name`) and ``keys_text`` (the same keys framed by
  newlines, which :func:`graph.model.normalize_name` never leaves in a key, for the text index);
* statements: ``text_cf`` (casefolded text, text search).

A relation is one relationship per ``(type, source, target)``: ``key``, ``target_kind``,
``evidence`` (a JSON list of every piece of evidence, in the order it arrived),
``evidence_keys`` (their :attr:`graph.model.Evidence.key`), ``confidence`` and date
aggregates for people browsing the graph, and ``win_from``/``win_to``: one observation window
per dated piece of evidence, exactly as :meth:`graph.model.Relation.in_window` reads them, so
Cypher can filter by date window.
"""

from __future__ import annotations

import json
from dataclasses import asdict, fields
from typing import Any

from graph.model import (
    ACTOR,
    NODE_CLASSES,
    STATEMENT,
    Evidence,
    Relation,
    node_from_dict,
    node_to_dict,
    normalize_name,
)

#: Frames every key in ``keys_text``; ``normalize_name`` folds all whitespace to one space.
KEY_FRAME = "\n"
LOW_DATE = "0000-01-01"
HIGH_DATE = "9999-12-31"


def actor_keys(node: Any) -> list[str]:
    """The lookup keys of an actor: its normalized id, name and aliases."""
    return sorted({normalize_name(n) for n in [node.name, *node.aliases, node.id]})


def name_needle(name: str) -> str:
    """What :func:`node_props` ``keys_text`` contains when ``name`` is a key of the actor."""
    return f"{KEY_FRAME}{normalize_name(name)}{KEY_FRAME}"


def node_props(kind: str, node: Any) -> dict[str, Any]:
    """The property map stored for a node (``SET n = props``)."""
    props: dict[str, Any] = {}
    for key, value in node_to_dict(node).items():
        if value is None:
            continue
        if key == "roles":
            if value:
                props["roles"] = json.dumps(value, ensure_ascii=False)
            continue
        props[key] = list(value) if isinstance(value, list | tuple) else value
    if kind == ACTOR:
        keys = actor_keys(node)
        props["name_cf"] = node.name.casefold()
        props["keys"] = keys
        props["keys_text"] = KEY_FRAME + KEY_FRAME.join(keys) + KEY_FRAME
    elif kind == STATEMENT:
        props["text_cf"] = node.text.casefold()
    return props


def node_from_props(kind: str, props: dict[str, Any]) -> Any:
    """The model object stored as ``props`` (derived properties ignored)."""
    cls = NODE_CLASSES[kind]
    data: dict[str, Any] = {}
    for f in fields(cls):
        if f.name not in props:
            continue
        value = props[f.name]
        if f.name == "roles":
            value = json.loads(value) if value else []
        data[f.name] = list(value) if isinstance(value, list | tuple) else value
    return node_from_dict(kind, data)


def windows(evidence: list[Evidence]) -> tuple[list[str], list[str]]:
    """``(win_from, win_to)``: the window of each dated piece of evidence.

    Mirrors :meth:`graph.model.Relation.in_window`: a relation is in ``[since, until]`` when
    some window has ``from <= until`` and ``to >= since``.
    """
    lows: list[str] = []
    highs: list[str] = []
    for e in evidence:
        lo = e.valid_from or e.date
        hi = e.valid_to or e.date or (None if e.valid_from is None else HIGH_DATE)
        if lo is None and hi is None:
            continue
        lows.append(lo or LOW_DATE)
        highs.append(hi or HIGH_DATE)
    return lows, highs


def evidence_json(evidence: list[Evidence]) -> str:
    return json.dumps([asdict(e) for e in evidence], ensure_ascii=False, separators=(",", ":"))


def evidence_from_json(text: str | None) -> list[Evidence]:
    return [Evidence(**d) for d in json.loads(text)] if text else []


def relation_props(rel: Relation) -> dict[str, Any]:
    """The property map stored for a relation (``SET r = props``)."""
    lows, highs = windows(rel.evidence)
    dates = rel.dates
    props: dict[str, Any] = {
        "key": rel.key,
        "target_kind": rel.target_kind,
        "evidence": evidence_json(rel.evidence),
        "evidence_keys": [e.key for e in rel.evidence],
        "confidence": rel.confidence,
        "win_from": lows,
        "win_to": highs,
    }
    optional = {
        "first_seen": dates[0] if dates else None,
        "last_seen": dates[-1] if dates else None,
        "valid_from": rel.valid_from,
        "valid_to": rel.valid_to,
    }
    props.update({k: v for k, v in optional.items() if v is not None})
    return props


def relation_from_row(type_name: str, row: Any) -> Relation:
    """A relation from a query row with ``source``, ``target``, ``target_kind``, ``evidence``."""
    return Relation(
        type_name,
        row["source"],
        row["target"],
        evidence_from_json(row["evidence"]),
        row["target_kind"] or ACTOR,
    )
