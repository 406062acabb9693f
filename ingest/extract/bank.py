"""A test bank: short texts with what extraction must (and must not) find in them.

One YAML file per family of phrasing (``examples/extraction-bank/*.yaml``)::

    family: mediation
    scores: [mediates]            # the categories this family is scored on
    cases:
      - text: Norway has mediated between Colombia and the ELN since 2022.
        date: 2024-05-01          # optional: the document's date
        mediates: [[Norway, Colombia], [Norway, ELN]]
      - text: Talks between Colombia and the ELN stalled again.
        note: no mediator is named        # a near miss: nothing may come out

A case lists, for each scored category, everything that must come out of its text; whatever
else comes out in that category is a false positive. Relations are ``[source, target]`` pairs
of actor names, or ``{source: Hamas, about: [ceasefire, truce]}`` when the target is a topic
(it matches a topic whose name holds one of the words). Statements are ``{speaker, text}``;
actors are names. :func:`load_bank` checks every file (pydantic) and reports the file and
field of a mistake; :func:`ingest.evaluate.score_bank` scores it.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any, Literal

import yaml
from actorgraph.graph.errors import InputError
from actorgraph.graph.exchange import slugify
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

Category = Literal["actors", "statements", "speaks_for", "mediates", "rejects", "demands", "topics"]
RELATIONS = ("speaks_for", "mediates", "rejects", "demands")


class TopicTarget(BaseModel):
    model_config = ConfigDict(extra="forbid")
    source: str = Field(min_length=1)
    about: list[str] = Field(min_length=1)


class ActorTarget(BaseModel):
    model_config = ConfigDict(extra="forbid")
    source: str = Field(min_length=1)
    target: str = Field(min_length=1)


class Said(BaseModel):
    model_config = ConfigDict(extra="forbid")
    speaker: str = Field(min_length=1)
    text: str = Field(min_length=1)


def _pairs(v: Any) -> Any:
    """``[source, target]`` is short for ``{source, target}``."""
    if isinstance(v, list):
        return [
            {"source": x[0], "target": x[1]} if isinstance(x, list) and len(x) == 2 else x
            for x in v
        ]
    return v


class Case(BaseModel):
    model_config = ConfigDict(extra="forbid")
    text: str = Field(min_length=1)
    date: dt.date | None = None
    note: str | None = None
    actors: list[str] = Field(default_factory=list)
    statements: list[Said] = Field(default_factory=list)
    speaks_for: list[ActorTarget] = Field(default_factory=list)
    mediates: list[ActorTarget] = Field(default_factory=list)
    rejects: list[ActorTarget | TopicTarget] = Field(default_factory=list)
    demands: list[ActorTarget | TopicTarget] = Field(default_factory=list)

    _split = field_validator("speaks_for", "mediates", "rejects", "demands", mode="before")(_pairs)

    def gold(self) -> list[dict[str, Any]]:
        """The case as gold records in the exchange format (actors referred to by name)."""
        names: dict[str, None] = dict.fromkeys(self.actors)
        out: list[dict[str, Any]] = []
        for s in self.statements:
            names.setdefault(s.speaker)
            out.append({"kind": "statement", "speaker": s.speaker, "text": s.text})
        for rtype in RELATIONS:
            for n, r in enumerate(getattr(self, rtype)):
                names.setdefault(r.source)
                if isinstance(r, TopicTarget):
                    tid = f"{rtype}-topic-{n}"
                    out.append(
                        {"kind": "topic", "id": tid, "name": r.about[0], "keywords": r.about}
                    )
                    target = tid
                else:
                    names.setdefault(r.target)
                    target = r.target
                out.append(
                    {"kind": "relation", "type": rtype, "source": r.source, "target": target}
                )
        actors = [
            {"kind": "actor", "id": slugify(n), "name": n, "type": "organization"} for n in names
        ]
        return actors + out


class Family(BaseModel):
    model_config = ConfigDict(extra="forbid")
    family: str = Field(min_length=1)
    description: str | None = None
    scores: list[Category] = Field(min_length=1)
    cases: list[Case] = Field(min_length=1)


def load_bank(paths: list[Path] | Path) -> list[Family]:
    """Every family in the given YAML files (or in the ``*.yaml`` files of a directory)."""
    if isinstance(paths, Path):
        paths = [paths]
    files: list[Path] = []
    for p in paths:
        files.extend(sorted(p.glob("*.yaml")) if p.is_dir() else [p])
    if not files:
        raise InputError("no test bank files (*.yaml)", file=", ".join(map(str, paths)))
    out = []
    for f in files:
        try:
            data = yaml.safe_load(f.read_text(encoding="utf-8"))
        except (OSError, yaml.YAMLError) as exc:
            raise InputError(f"cannot read the test bank: {exc}", file=str(f)) from None
        try:
            out.append(Family.model_validate(data))
        except ValidationError as exc:
            err = exc.errors()[0]
            where = ".".join(str(x) for x in err["loc"])
            raise InputError(err["msg"], file=str(f), field=where) from None
    return out
