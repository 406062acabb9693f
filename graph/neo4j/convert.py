"""Model objects to Neo4j properties and back.

Nodes keep every field of their dataclass as a property of the same name (``None`` fields
are absent; an actor's ``roles`` are one JSON string, since Neo4j properties cannot hold
maps), plus derived properties the Cypher queries use:

* actors: ``sort_key`` (path order, see :func:`sort_key`), ``keys`` (normalized id, name and
  aliases, see :func:`graph.model.normalize_name`) and ``keys_text`` (the same keys framed by
  newlines, which :func:`graph.model.normalize_name` never leaves in a key, for the text index);
* statements: ``text_cf`` (casefolded text, text search).

A relation is one relationship per ``(type, source, target)`` (the target's kind is its
label): ``key``, ``evidence`` (one JSON object per piece of evidence, in the order they
arrived) with the parallel ``evidence_keys`` (:attr:`graph.model.Evidence.key`, by which new
evidence is deduplicated in Cypher), ``confidence`` (the highest), and ``windows``: the
observation window of each dated piece of evidence as a flat ``[from, to, from, to, ...]``
list (:func:`window`), so Cypher filters by date window exactly as
:meth:`graph.model.Relation.in_window` does; ``last_seen`` and ``support``, what paths rank a
hop by; and what lets an answer read only a relation's best evidence
(:func:`evidence_columns_ranked`): ``evidence_ranks`` (parallel to ``evidence``),
``first_seen``, ``last_dated``, ``valid_from`` and ``valid_to``. A relationship written before
these were stored has none of them and is read whole until it is written again whole.
"""

from __future__ import annotations

import json
from dataclasses import asdict, fields
from typing import Any

import orjson
from actorgraph.graph.model import (
    ACTOR,
    NODE_CLASSES,
    STATEMENT,
    Evidence,
    Relation,
    RelationView,
    evidence_dates,
    evidence_ends,
    evidence_starts,
    node_from_dict,
    normalize_name,
)
from actorgraph.graph.ranking import (
    evidence_date,
    evidence_rank,
    name_sort_key,
    source_key,
    support,
)

#: Frames every key in ``keys_text``; ``normalize_name`` folds all whitespace to one space.
KEY_FRAME = "\n"
LOW_DATE = "0000-01-01"
HIGH_DATE = "9999-12-31"


def actor_keys(node: Any) -> list[str]:
    """The lookup keys of an actor: its normalized id, name and aliases."""
    return sorted({normalize_name(n) for n in [node.name, *node.aliases, node.id]})


def sort_key(node: Any) -> str:
    """The node's :func:`graph.ranking.name_sort_key` (path order by names)."""
    return name_sort_key(node.name, node.id)


def name_needle(name: str) -> str:
    """What :func:`node_props` ``keys_text`` contains when ``name`` is a key of the actor."""
    return f"{KEY_FRAME}{normalize_name(name)}{KEY_FRAME}"


def node_props(kind: str, node: Any) -> dict[str, Any]:
    """The property map stored for a node (``SET n = props``)."""
    props: dict[str, Any] = {}
    for f in fields(node):
        value = getattr(node, f.name)
        if value is None:
            continue
        if f.name == "roles":
            if value:
                props["roles"] = json.dumps([asdict(r) for r in value], ensure_ascii=False)
            continue
        props[f.name] = list(value) if isinstance(value, list | tuple) else value
    if kind == ACTOR:
        keys = actor_keys(node)
        props["sort_key"] = sort_key(node)
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


def window(e: Evidence) -> tuple[str, str] | None:
    """The observation window of one piece of evidence, or None when it is undated.

    Mirrors :meth:`graph.model.Relation.in_window`: a relation is in ``[since, until]`` when
    one of its windows has ``from <= until`` and ``to >= since``.
    """
    lo = e.valid_from or e.date
    hi = e.valid_to or e.date or (None if e.valid_from is None else HIGH_DATE)
    if lo is None and hi is None:
        return None
    return lo or LOW_DATE, hi or HIGH_DATE


def evidence_text(e: Evidence) -> str:
    """One piece of evidence as stored: a compact JSON object of all its fields, text as it
    is (orjson: the standard library's encoder was a tenth of an ingest's client CPU)."""
    return orjson.dumps(e.as_row()).decode()


def evidence_from_list(values: list[str] | None) -> list[Evidence]:
    """The evidence stored on a relationship (a list of JSON objects), in arrival order
    (orjson: a hop between hubs holds hundreds of pieces, and the standard library's
    decoder took 7.6 µs a piece to orjson's 2.1)."""
    return [Evidence(**orjson.loads(v)) for v in values or ()]


def _evidence_columns(
    keys: list[str], evidence: list[Evidence]
) -> tuple[list[str], list[str], list[str], str, list[Any]]:
    """What a relationship stores of some evidence: JSON strings, flat windows of the dated
    pieces, distinct source keys (in arrival order), the latest date ('' if none), and the
    columns of :func:`evidence_columns_ranked`."""
    windows: list[str] = []
    for e in evidence:
        w = window(e)
        if w is not None:
            windows.extend(w)
    sources = list(dict.fromkeys(source_key(e.document, e.origin) for e in evidence))
    latest = max((evidence_date(e) for e in evidence), default="")
    texts = [evidence_text(e) for e in evidence]
    return texts, windows, sources, latest, evidence_columns_ranked(keys, evidence)


def evidence_columns_ranked(keys: list[str], evidence: list[Evidence]) -> list[Any]:
    """What lets a read show a relationship's best evidence without reading it whole: the
    rank of each piece (:func:`graph.ranking.evidence_rank`, parallel to ``evidence``), and
    of all of them the first and last date seen (``date`` or ``valid_from``), the earliest
    ``valid_from`` and the latest ``valid_to`` (None when there is none): the aggregates of
    :meth:`graph.model.RelationView.of`."""
    dates = evidence_dates(evidence)
    return [
        [evidence_rank(e, k) for k, e in zip(keys, evidence, strict=True)],
        min(dates, default=None),
        max(dates, default=None),
        min(evidence_starts(evidence), default=None),
        max(evidence_ends(evidence), default=None),
    ]


def relation_create_row(rel: Relation, keys: list[str], evidence: list[Evidence]) -> list[Any]:
    """The positional row ``relations_create`` writes (lists pack faster than maps in the
    driver): source, target, key, evidence keys, evidence JSON strings, highest confidence
    (1.0 without evidence), flat windows, distinct source keys, latest date, the support
    (:func:`graph.ranking.support`, stored so a path's hop reads one float: paths rank on it),
    then the evidence's ranks, first and last date seen, earliest start and latest end of
    validity (:func:`evidence_columns_ranked`). ``keys`` are the
    :attr:`graph.model.Evidence.key` of ``evidence``, computed once."""
    texts, windows, sources, latest, ranked = _evidence_columns(keys, evidence)
    confidence = max((e.confidence for e in evidence), default=1.0)
    return [
        *(rel.source, rel.target, rel.key, keys, texts, confidence, windows, sources, latest),
        support(confidence, len(sources)),
        *ranked,
    ]


def relation_append_row(rel: Relation, keys: list[str], evidence: list[Evidence]) -> list[Any]:
    """The positional row ``relations_append`` adds to a stored relationship: source, target,
    and of the new evidence (at least one piece) its keys, JSON strings, highest confidence,
    flat windows, distinct source keys, latest date, ranks, first and last date seen, earliest
    start and latest end of validity."""
    texts, windows, sources, latest, ranked = _evidence_columns(keys, evidence)
    confidence = max(e.confidence for e in evidence)
    return [rel.source, rel.target, keys, texts, confidence, windows, sources, latest, *ranked]


def relation_from_row(type_name: str, target_kind: str, row: Any) -> Relation:
    """A relation from a query row with ``source``, ``target`` and ``evidence`` (best first,
    as both stores list it)."""
    evidence = sorted(evidence_from_list(row["evidence"]), key=evidence_rank)
    return Relation(type_name, row["source"], row["target"], evidence, target_kind)


def relation_view_from_row(
    type_name: str, target_kind: str, row: Any, evidence_limit: int | None
) -> RelationView:
    """An answer's relation from a row of ``nodes_and_relations`` (or ``relations_between``):
    read with its best pieces and its aggregates when its ranks are stored (``ranked``), else
    from its evidence whole, ranked and cut here (:meth:`graph.model.RelationView.of`)."""
    if not row["ranked"]:
        return RelationView.of(relation_from_row(type_name, target_kind, row), evidence_limit)
    return RelationView(
        type_name,
        row["source"],
        row["target"],
        target_kind,
        row["confidence"],
        row["first_seen"],
        row["last_dated"],
        row["valid_from"],
        row["valid_to"],
        row["sources"],
        row["total"],
        evidence_from_list(row["evidence"]),
    )
