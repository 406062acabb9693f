"""The vocabulary (``graph/schema.yaml``) as plain frozen data classes, checked and queried.

Labels and relationship types that reach Cypher come only from here: every one is checked
against :data:`LABEL_PATTERN` when the file is loaded, and callers look types up by their
vocabulary name, so a user string can never become a label.

The checks are plain Python, not pydantic: every process that opens a store reads the
vocabulary, and building pydantic models for it cost a third of a store's opening (issue 11).
The API still publishes :class:`RelationType` in its answers' schema: pydantic reads the
data class and its attribute docstrings (``__pydantic_config__``) when the API asks.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, fields
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal

LABEL_PATTERN = re.compile(r"^[A-Z][A-Z0-9_]{0,63}$")
NODE_LABEL_PATTERN = re.compile(r"^[A-Z][A-Za-z0-9]{0,63}$")
NAME_PATTERN = re.compile(r"^[a-z][a-z0-9_]{0,63}$")
NODE_KINDS = ("Actor", "Statement", "Topic", "Document")
CORE_RELATIONS = ("speaks_for", "mediates", "rejects", "demands", "made", "about", "reported_in")
TRAVERSE = ("both", "forward", "none")

#: For pydantic, when the API puts these classes in its schema (a plain dict: no import).
_PYDANTIC = {"use_attribute_docstrings": True, "extra": "forbid"}


class SchemaError(ValueError):
    """The vocabulary file is malformed."""


@dataclass(frozen=True)
class NodeKind:
    """A node kind and its Neo4j label."""

    __pydantic_config__ = _PYDANTIC

    label: str
    """Neo4j label."""
    description: str = ""
    """What a node of this kind is."""


@dataclass(frozen=True)
class RelationType:
    """One relation type of the vocabulary."""

    __pydantic_config__ = _PYDANTIC

    name: str
    """Name, in lower_snake_case."""
    label: str
    """Neo4j relationship type, UPPER_SNAKE."""
    description: str = ""
    """What the relation says."""
    source: tuple[str, ...] = ("Actor",)
    """Node kinds at the start."""
    target: tuple[str, ...] = ("Actor",)
    """Node kinds at the end."""
    symmetric: bool = False
    """No direction (allied_with)."""
    channel: bool = False
    """Walked by default by paths and brokers."""
    traverse: Literal["both", "forward", "none"] = "forward"
    """How path queries may walk it: both | forward | none."""
    intermediary: bool = False
    """An actor at its source is an intermediary."""
    stance: bool = False
    """A position taken; listed by /stances."""
    derived: bool = False
    """Written by ingest from statements, not given directly."""
    contrary: tuple[str, ...] = ()
    (
        "Stances this one ends when the same actor takes it later on the same target "
        "(rejects X after demanding X), in answers as of a date."
    )
    plover: str | None = None
    """Nearest PLOVER event type."""
    cameo: str | None = None
    """Nearest CAMEO code."""

    @classmethod
    def __get_pydantic_json_schema__(cls, core_schema: Any, handler: Any) -> dict[str, Any]:
        """The published JSON Schema (``GET /openapi.json``) keeps the name and label patterns
        this module checks, without this module importing pydantic."""
        found = handler(core_schema)
        props = handler.resolve_ref_schema(found)["properties"]
        props["name"]["pattern"] = NAME_PATTERN.pattern
        props["label"]["pattern"] = LABEL_PATTERN.pattern
        return dict(found)

    @property
    def between_actors(self) -> bool:
        """True when both ends may be actors (the relation can be part of the actor graph)."""
        return "Actor" in self.source and "Actor" in self.target

    @property
    def both_ways(self) -> bool:
        """True when a path may walk it from target to source too (``traverse: both`` or
        symmetric): "Qatar mediates Hamas" lets Hamas reach Qatar."""
        return self.traverse == "both" or self.symmetric


@dataclass(frozen=True, eq=False)
class Schema:
    """The whole vocabulary, as ``graph/schema.yaml`` declares it (see :func:`parse_schema`)."""

    node_kinds: dict[str, NodeKind]
    actor_types: dict[str, str]
    relations: dict[str, RelationType]
    version: int = 1

    def relation(self, name: str) -> RelationType:
        """The relation type called ``name``; raises ``KeyError`` with the known names."""
        try:
            return self.relations[name]
        except KeyError:
            known = ", ".join(sorted(self.relations))
            raise KeyError(f"unknown relation type '{name}' (known: {known})") from None

    @cached_property
    def node_labels(self) -> dict[str, str]:
        """The Neo4j label of each node kind."""
        return {kind: nk.label for kind, nk in self.node_kinds.items()}

    def label(self, kind: str) -> str:
        """The Neo4j label of a node kind (Actor, Statement, Topic, Document)."""
        return self.node_labels[kind]

    @cached_property
    def fact_types(self) -> list[str]:
        """Relation types that relation records may carry (not derived from statements)."""
        return [n for n, r in self.relations.items() if not r.derived]

    @cached_property
    def actor_relation_types(self) -> list[str]:
        """Relation types that may link two actors."""
        return [n for n, r in self.relations.items() if r.between_actors and not r.derived]

    @cached_property
    def channel_types(self) -> list[str]:
        """Relation types walked by default in path queries."""
        return [n for n, r in self.relations.items() if r.channel]

    @cached_property
    def stance_types(self) -> list[str]:
        """Relation types that express a position (listed by ``stances``)."""
        return [n for n, r in self.relations.items() if r.stance]

    def contraries(self, name: str) -> list[str]:
        """The stances that ``name`` ends and that end it (the relation is symmetric: a later
        demand ends a rejection as a later rejection ends a demand)."""
        out = set(self.relation(name).contrary)
        out.update(n for n, r in self.relations.items() if name in r.contrary)
        return sorted(out)

    @cached_property
    def intermediary_types(self) -> list[str]:
        """Relation types whose source is an intermediary."""
        return [n for n, r in self.relations.items() if r.intermediary]

    def walks(self, relations: Iterable[str]) -> tuple[list[str], list[str]]:
        """Of ``relations``, the types a path walks in either direction and those it walks
        forward only (sorted, unique); types a path never walks (``traverse: none``, derived,
        or not between two actors) are left out. Both stores walk by this rule."""
        both: set[str] = set()
        forward: set[str] = set()
        for name in relations:
            rt = self.relation(name)
            if rt.traverse == "none" or not rt.between_actors or rt.derived:
                continue
            (both if rt.both_ways else forward).add(name)
        return sorted(both), sorted(forward)

    def check_relations(self, names: list[str] | tuple[str, ...] | None) -> list[str]:
        """Validate a user-supplied list of relation type names; returns them sorted, unique."""
        if not names:
            return []
        for name in names:
            self.relation(name)
        return sorted(set(names))


# ---------------------------------------------------------------------------- checking


class _Bad(ValueError):
    """A check failed at ``where`` (a dotted path in the file)."""

    def __init__(self, where: str, message: str) -> None:
        super().__init__(f"{where + ': ' if where else ''}{message}")


def _mapping(value: Any, where: str) -> dict[Any, Any]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise _Bad(where, "should be a mapping")
    return value


def _text(value: Any, where: str, pattern: re.Pattern[str] | None = None) -> str:
    if not isinstance(value, str):
        raise _Bad(where, "should be a string")
    if pattern is not None and not pattern.match(value):
        raise _Bad(where, f"{value!r} should match pattern '{pattern.pattern}'")
    return value


def _kinds(value: Any, where: str) -> tuple[str, ...]:
    if not isinstance(value, list | tuple) or not all(isinstance(x, str) for x in value):
        raise _Bad(where, "should be a list of names")
    return tuple(value)


def _flag(value: Any, where: str) -> bool:
    if not isinstance(value, bool):
        raise _Bad(where, "should be true or false")
    return value


def _unknown(spec: dict[Any, Any], known: Iterable[str], where: str) -> None:
    allowed = set(known)
    extra = sorted(str(k) for k in spec if k not in allowed)
    if extra:
        raise _Bad(f"{where}.{extra[0]}", "extra inputs are not permitted")


def _relation(name: Any, spec: Any, where: str) -> RelationType:
    _text(name, where, NAME_PATTERN)
    spec = _mapping(spec, where)
    _unknown(spec, (f.name for f in fields(RelationType)), where)
    out: dict[str, Any] = {"name": name, "label": str(name).upper()}
    for key, value in spec.items():
        at = f"{where}.{key}"
        if key == "name":
            out[key] = _text(value, at, NAME_PATTERN)
        elif key == "label":
            out[key] = _text(value, at, LABEL_PATTERN)
        elif key == "description":
            out[key] = _text(value, at)
        elif key in ("source", "target", "contrary"):
            out[key] = _kinds(value, at)
        elif key in ("symmetric", "channel", "intermediary", "stance", "derived"):
            out[key] = _flag(value, at)
        elif key == "traverse":
            if value not in TRAVERSE:
                raise _Bad(at, f"should be one of {', '.join(TRAVERSE)}")
            out[key] = value
        elif key == "cameo" and isinstance(value, int) and not isinstance(value, bool):
            out[key] = str(value)  # CAMEO codes are strings ("045"); a bare number is one
        else:  # plover, cameo
            out[key] = None if value is None else _text(value, at)
    return RelationType(**out)


def parse_schema(data: Any) -> Schema:
    """The vocabulary from the parsed YAML, every rule checked; :class:`SchemaError` names
    the first place that breaks one (without the file: :func:`load_schema` adds it)."""
    try:
        top = _mapping(data, "")
        _unknown(top, ("version", "node_kinds", "actor_types", "relations"), "")
        version = top.get("version", 1)
        if not isinstance(version, int) or isinstance(version, bool):
            raise _Bad("version", "should be an integer")
        kinds: dict[str, NodeKind] = {}
        for kind, spec in _mapping(top.get("node_kinds"), "node_kinds").items():
            where = f"node_kinds.{kind}"
            spec = _mapping(spec, where)
            _unknown(spec, ("label", "description"), where)
            kinds[str(kind)] = NodeKind(
                label=_text(spec.get("label", kind), f"{where}.label", NODE_LABEL_PATTERN),
                description=_text(spec.get("description", ""), f"{where}.description"),
            )
        missing = [k for k in NODE_KINDS if k not in kinds]
        if missing:
            raise _Bad("", f"node kind {', '.join(missing)} is missing")
        actor_types = _mapping(top.get("actor_types"), "actor_types")
        if not actor_types:
            raise _Bad("actor_types", "should name at least one actor type")
        for name, text in actor_types.items():
            _text(text, f"actor_types.{name}")
        relations = {
            str(name): _relation(name, spec, f"relations.{name}")
            for name, spec in _mapping(top.get("relations"), "relations").items()
        }
        labels: set[str] = set()
        for name, rt in relations.items():
            if rt.label in labels:
                raise _Bad("", f"relation {name}: repeated label {rt.label!r}")
            labels.add(rt.label)
            for end, ends in (("source", rt.source), ("target", rt.target)):
                unknown = [k for k in ends if k not in kinds]
                if unknown:
                    raise _Bad("", f"relation {name}: unknown {end} kinds {unknown}")
            odd = [c for c in rt.contrary if c not in relations or c == name]
            if odd:
                raise _Bad("", f"relation {name}: unknown contrary types {odd}")
        absent = [n for n in CORE_RELATIONS if n not in relations]
        if absent:
            raise _Bad("", f"relation type {', '.join(absent)} is missing")
    except _Bad as exc:
        raise SchemaError(str(exc)) from None
    return Schema(kinds, {str(k): v for k, v in actor_types.items()}, relations, version)


def load_schema(path: str | Path | None = None) -> Schema:
    """Load a vocabulary file; the bundled ``graph/schema.yaml`` when ``path`` is None."""
    import yaml

    if path is None:
        text = (
            resources.files("actorgraph.graph").joinpath("schema.yaml").read_text(encoding="utf-8")
        )
        origin = "graph/schema.yaml"
    else:
        text = Path(path).read_text(encoding="utf-8")
        origin = str(path)
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        return parse_schema(yaml.load(text, Loader=loader))  # a safe loader
    except SchemaError as exc:
        raise SchemaError(f"{origin}: {exc}") from None


@lru_cache(maxsize=1)
def default_schema() -> Schema:
    """The bundled vocabulary, loaded once."""
    return load_schema()
