"""The watch file: which pairs of actors a report follows, and how influence is ranked.

```yaml
pairs:                       # or a bare list of pairs at the top level
  - source: Israel
    target: Hamas
    relations: [mediates, speaks_for]   # optional; default: the channel relation types
    max_hops: 3                         # optional; default 4 (cap 6)
influence:                   # optional
  metric: pagerank
  relations: [mediates, pressures]      # optional; default: every actor-to-actor relation
  top: 10
```
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from actorgraph.graph.errors import InputError
from actorgraph.graph.influence import METRICS
from actorgraph.graph.store import MAX_HOPS
from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError, model_validator

_CONFIG = ConfigDict(extra="forbid", frozen=True)


def _names(value: Any) -> Any:
    """``relations: mediates`` is a list of one."""
    if value is None:
        return ()
    return (value,) if isinstance(value, str) else value


Names = Annotated[tuple[str, ...], BeforeValidator(_names)]
ActorName = Annotated[str, Field(pattern=r"\S", description="An actor: id, name or alias.")]


class WatchPair(BaseModel):
    """A pair of actors whose channels a report follows."""

    model_config = _CONFIG

    source: ActorName
    target: ActorName
    relations: Names = Field(default=(), description="Default: the channel relation types.")
    max_hops: int = Field(default=4, ge=1, le=MAX_HOPS)

    @property
    def key(self) -> str:
        """Identity of the pair across reports (for diffs)."""
        return f"{self.source}|{self.target}|{','.join(self.relations)}|{self.max_hops}"

    def to_dict(self) -> dict[str, Any]:
        return self.model_dump(mode="json")


class InfluenceWatch(BaseModel):
    """How the report ranks influence."""

    model_config = _CONFIG

    metric: Literal[METRICS] = "pagerank"  # type: ignore[valid-type]
    relations: Names = Field(default=(), description="Default: every actor-to-actor relation.")
    top: int = Field(default=10, ge=1, le=100)


class Watch(BaseModel):
    """A watch file: pairs, and the influence ranking."""

    model_config = _CONFIG

    pairs: list[WatchPair] = Field(default_factory=list)
    influence: InfluenceWatch = Field(default_factory=InfluenceWatch)

    @model_validator(mode="before")
    @classmethod
    def _bare_list(cls, data: Any) -> Any:
        """A bare list at the top level is the list of pairs; an empty file watches nothing."""
        if data is None:
            return {}
        return {"pairs": data} if isinstance(data, list) else data

    @property
    def metric(self) -> str:
        return self.influence.metric  # type: ignore[no-any-return]

    @property
    def influence_relations(self) -> tuple[str, ...]:
        return self.influence.relations

    @property
    def top(self) -> int:
        return self.influence.top


_MESSAGES = {
    "missing": "is required",
    "extra_forbidden": "unknown key",
    "model_type": "must be a mapping",
    "dict_type": "must be a mapping",
    "tuple_type": "must be a list of names",
    "list_type": "must be a list",
    "string_type": "must be a name",
    "string_pattern_mismatch": "must be a name",
}


def parse_watch(data: Any, file: str = "<watch>") -> Watch:
    """A :class:`Watch` from parsed YAML; raises :class:`InputError` naming the problem."""
    try:
        return Watch.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        loc = list(first["loc"])
        if loc[:1] == ["pairs"] and len(loc) > 1 and isinstance(loc[1], int):
            loc = [f"pair {loc[1] + 1}", *loc[2:]]
        path = [str(p) for p in loc if not isinstance(p, int)]  # items of a list of names
        message = _MESSAGES.get(first["type"], str(first["msg"]))
        raise InputError(": ".join([*path, message]), file=file) from None


def load_watch(path: str | Path | None) -> Watch:
    if path is None:
        return Watch()
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except OSError as exc:
        raise InputError(f"cannot read watch file: {exc.strerror}", file=str(p)) from None
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise InputError(f"not valid YAML: {exc}", file=str(p)) from None
    return parse_watch(data, str(p))
