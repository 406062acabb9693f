"""The vocabulary (``graph/schema.yaml``) loaded through pydantic models, checked and queried.

Labels and relationship types that reach Cypher come only from here: every one is checked
against :data:`LABEL_PATTERN` when the file is loaded, and callers look types up by their
vocabulary name, so a user string can never become a label.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError, model_validator

LABEL_PATTERN = re.compile(r"^[A-Z][A-Z0-9_]{0,63}$")
NODE_LABEL_PATTERN = re.compile(r"^[A-Z][A-Za-z0-9]{0,63}$")
NAME_PATTERN = re.compile(r"^[a-z][a-z0-9_]{0,63}$")
NODE_KINDS = ("Actor", "Statement", "Topic", "Document")
CORE_RELATIONS = ("speaks_for", "mediates", "rejects", "demands", "made", "about", "reported_in")


class SchemaError(ValueError):
    """The vocabulary file is malformed."""


def _code(value: Any) -> Any:
    """CAMEO codes are strings (``"045"``); an unquoted number in YAML is taken as one."""
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else value


_FROZEN = ConfigDict(frozen=True, extra="forbid")


class NodeKind(BaseModel):
    """A node kind and its Neo4j label."""

    model_config = _FROZEN

    label: str = Field(pattern=NODE_LABEL_PATTERN.pattern, description="Neo4j label.")
    description: str = Field(default="", description="What a node of this kind is.")


class RelationType(BaseModel):
    """One relation type of the vocabulary."""

    model_config = _FROZEN

    name: str = Field(pattern=NAME_PATTERN.pattern, description="Name, in lower_snake_case.")
    label: str = Field(
        pattern=LABEL_PATTERN.pattern, description="Neo4j relationship type, UPPER_SNAKE."
    )
    description: str = Field(default="", description="What the relation says.")
    source: tuple[str, ...] = Field(default=("Actor",), description="Node kinds at the start.")
    target: tuple[str, ...] = Field(default=("Actor",), description="Node kinds at the end.")
    symmetric: bool = Field(default=False, description="No direction (allied_with).")
    channel: bool = Field(default=False, description="Walked by default by paths and brokers.")
    traverse: Literal["both", "forward", "none"] = Field(
        default="forward", description="How path queries may walk it: both | forward | none."
    )
    intermediary: bool = Field(
        default=False, description="An actor at its source is an intermediary."
    )
    stance: bool = Field(default=False, description="A position taken; listed by /stances.")
    derived: bool = Field(
        default=False, description="Written by ingest from statements, not given directly."
    )
    contrary: tuple[str, ...] = Field(
        default=(),
        description="Stances this one ends when the same actor takes it later on the same "
        "target (rejects X after demanding X), in answers as of a date.",
    )
    plover: str | None = Field(default=None, description="Nearest PLOVER event type.")
    cameo: Annotated[str | None, BeforeValidator(_code)] = Field(
        default=None, description="Nearest CAMEO code."
    )

    @property
    def between_actors(self) -> bool:
        """True when both ends may be actors (the relation can be part of the actor graph)."""
        return "Actor" in self.source and "Actor" in self.target

    @property
    def both_ways(self) -> bool:
        """True when a path may walk it from target to source too (``traverse: both`` or
        symmetric): "Qatar mediates Hamas" lets Hamas reach Qatar."""
        return self.traverse == "both" or self.symmetric


class Schema(BaseModel):
    """The whole vocabulary, as ``graph/schema.yaml`` declares it."""

    model_config = _FROZEN

    version: int = 1
    node_kinds: dict[str, NodeKind]
    actor_types: dict[str, str] = Field(min_length=1)
    relations: dict[str, RelationType]

    @model_validator(mode="before")
    @classmethod
    def _names_and_labels(cls, data: Any) -> Any:
        """A relation is named by its key; its label defaults to the name in upper case;
        a node kind's label defaults to the kind."""
        if not isinstance(data, dict):
            return data
        out = dict(data)
        relations = out.get("relations")
        if isinstance(relations, dict):
            out["relations"] = {
                name: {"name": name, "label": str(name).upper(), **(spec or {})}
                if isinstance(spec, dict | None)
                else spec
                for name, spec in relations.items()
            }
        kinds = out.get("node_kinds")
        if isinstance(kinds, dict):
            out["node_kinds"] = {
                kind: {"label": kind, **(spec or {})} if isinstance(spec, dict | None) else spec
                for kind, spec in kinds.items()
            }
        return out

    @model_validator(mode="after")
    def _consistent(self) -> Schema:
        missing = [k for k in NODE_KINDS if k not in self.node_kinds]
        if missing:
            raise ValueError(f"node kind {', '.join(missing)} is missing")
        labels: set[str] = set()
        for name, rt in self.relations.items():
            if rt.label in labels:
                raise ValueError(f"relation {name}: repeated label {rt.label!r}")
            labels.add(rt.label)
            for end, kinds in (("source", rt.source), ("target", rt.target)):
                unknown = [k for k in kinds if k not in self.node_kinds]
                if unknown:
                    raise ValueError(f"relation {name}: unknown {end} kinds {unknown}")
            odd = [c for c in rt.contrary if c not in self.relations or c == name]
            if odd:
                raise ValueError(f"relation {name}: unknown contrary types {odd}")
        absent = [n for n in CORE_RELATIONS if n not in self.relations]
        if absent:
            raise ValueError(f"relation type {', '.join(absent)} is missing")
        return self

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
    try:
        return Schema.model_validate(yaml.safe_load(text))
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        message = str(first["msg"]).removeprefix("Value error, ")
        raise SchemaError(f"{origin}: {where + ': ' if where else ''}{message}") from None


@lru_cache(maxsize=1)
def default_schema() -> Schema:
    """The bundled vocabulary, loaded once."""
    return load_schema()
