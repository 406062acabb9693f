"""The vocabulary (``graph/schema.yaml``) loaded, checked and queried.

Labels and relationship types that reach Cypher come only from here: every one is checked
against :data:`LABEL_PATTERN` when the file is loaded, and callers look types up by their
vocabulary name, so a user string can never become a label.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

LABEL_PATTERN = re.compile(r"^[A-Z][A-Z0-9_]{0,63}$")
NODE_LABEL_PATTERN = re.compile(r"^[A-Z][A-Za-z0-9]{0,63}$")
NAME_PATTERN = re.compile(r"^[a-z][a-z0-9_]{0,63}$")
TRAVERSALS = ("both", "forward", "none")


class SchemaError(ValueError):
    """The vocabulary file is malformed."""


@dataclass(frozen=True, slots=True)
class RelationType:
    """One relation type of the vocabulary."""

    name: str
    label: str
    description: str
    source: tuple[str, ...]
    target: tuple[str, ...]
    symmetric: bool = False
    channel: bool = False
    traverse: str = "forward"
    intermediary: bool = False
    stance: bool = False
    derived: bool = False
    plover: str | None = None
    cameo: str | None = None

    @property
    def between_actors(self) -> bool:
        """True when both ends may be actors (the relation can be part of the actor graph)."""
        return "Actor" in self.source and "Actor" in self.target


@dataclass(frozen=True, slots=True)
class Schema:
    """The whole vocabulary."""

    version: int
    node_labels: dict[str, str]
    actor_types: dict[str, str]
    relations: dict[str, RelationType]

    def relation(self, name: str) -> RelationType:
        """The relation type called ``name``; raises ``KeyError`` with the known names."""
        try:
            return self.relations[name]
        except KeyError:
            known = ", ".join(sorted(self.relations))
            raise KeyError(f"unknown relation type '{name}' (known: {known})") from None

    def label(self, kind: str) -> str:
        """The Neo4j label of a node kind (Actor, Statement, Topic, Document)."""
        return self.node_labels[kind]

    @property
    def fact_types(self) -> list[str]:
        """Relation types that relation records may carry (not derived from statements)."""
        return [n for n, r in self.relations.items() if not r.derived]

    @property
    def actor_relation_types(self) -> list[str]:
        """Relation types that may link two actors."""
        return [n for n, r in self.relations.items() if r.between_actors and not r.derived]

    @property
    def channel_types(self) -> list[str]:
        """Relation types walked by default in path queries."""
        return [n for n, r in self.relations.items() if r.channel]

    @property
    def stance_types(self) -> list[str]:
        """Relation types that express a position (listed by ``stances``)."""
        return [n for n, r in self.relations.items() if r.stance]

    @property
    def intermediary_types(self) -> list[str]:
        """Relation types whose source is an intermediary."""
        return [n for n, r in self.relations.items() if r.intermediary]

    def check_relations(self, names: list[str] | tuple[str, ...] | None) -> list[str]:
        """Validate a user-supplied list of relation type names; returns them sorted, unique."""
        if not names:
            return []
        for name in names:
            self.relation(name)
        return sorted(set(names))


def _parse(data: Any, origin: str) -> Schema:
    if not isinstance(data, dict):
        raise SchemaError(f"{origin}: expected a mapping at the top level")
    node_labels: dict[str, str] = {}
    for kind, spec in (data.get("node_kinds") or {}).items():
        label = (spec or {}).get("label", kind)
        if not NODE_LABEL_PATTERN.match(label):
            raise SchemaError(f"{origin}: node kind {kind}: bad label {label!r}")
        node_labels[kind] = label
    for needed in ("Actor", "Statement", "Topic", "Document"):
        if needed not in node_labels:
            raise SchemaError(f"{origin}: node kind {needed} is missing")
    actor_types = {str(k): str(v) for k, v in (data.get("actor_types") or {}).items()}
    if not actor_types:
        raise SchemaError(f"{origin}: no actor_types")
    relations: dict[str, RelationType] = {}
    labels_seen: set[str] = set()
    for name, spec in (data.get("relations") or {}).items():
        spec = spec or {}
        if not NAME_PATTERN.match(name):
            raise SchemaError(f"{origin}: relation {name!r}: names are lower_snake_case")
        label = spec.get("label", name.upper())
        if not LABEL_PATTERN.match(label) or label in labels_seen:
            raise SchemaError(f"{origin}: relation {name}: bad or repeated label {label!r}")
        labels_seen.add(label)
        traverse = spec.get("traverse", "forward")
        if traverse not in TRAVERSALS:
            raise SchemaError(f"{origin}: relation {name}: traverse must be one of {TRAVERSALS}")
        ends = {}
        for end in ("source", "target"):
            kinds = tuple(spec.get(end) or ["Actor"])
            unknown = [k for k in kinds if k not in node_labels]
            if unknown:
                raise SchemaError(f"{origin}: relation {name}: unknown {end} kinds {unknown}")
            ends[end] = kinds
        relations[name] = RelationType(
            name=name,
            label=label,
            description=str(spec.get("description", "")),
            source=ends["source"],
            target=ends["target"],
            symmetric=bool(spec.get("symmetric", False)),
            channel=bool(spec.get("channel", False)),
            traverse=traverse,
            intermediary=bool(spec.get("intermediary", False)),
            stance=bool(spec.get("stance", False)),
            derived=bool(spec.get("derived", False)),
            plover=spec.get("plover"),
            cameo=None if spec.get("cameo") is None else str(spec.get("cameo")),
        )
    for needed in ("speaks_for", "mediates", "rejects", "demands", "made", "about", "reported_in"):
        if needed not in relations:
            raise SchemaError(f"{origin}: relation type {needed} is missing")
    return Schema(
        version=int(data.get("version", 1)),
        node_labels=node_labels,
        actor_types=actor_types,
        relations=relations,
    )


def load_schema(path: str | Path | None = None) -> Schema:
    """Load a vocabulary file; the bundled ``graph/schema.yaml`` when ``path`` is None."""
    if path is None:
        text = (
            resources.files("actorgraph.graph").joinpath("schema.yaml").read_text(encoding="utf-8")
        )
        origin = "graph/schema.yaml"
    else:
        text = Path(path).read_text(encoding="utf-8")
        origin = str(path)
    return _parse(yaml.safe_load(text), origin)


@lru_cache(maxsize=1)
def default_schema() -> Schema:
    """The bundled vocabulary, loaded once."""
    return load_schema()
