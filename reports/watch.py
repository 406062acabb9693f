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

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from actorgraph.graph.errors import InputError
from actorgraph.graph.influence import METRICS
from actorgraph.graph.store import MAX_HOPS


@dataclass(frozen=True, slots=True)
class WatchPair:
    source: str
    target: str
    relations: tuple[str, ...] = ()
    max_hops: int = 4

    @property
    def key(self) -> str:
        """Identity of the pair across reports (for diffs)."""
        return f"{self.source}|{self.target}|{','.join(self.relations)}|{self.max_hops}"

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "target": self.target,
            "relations": list(self.relations),
            "max_hops": self.max_hops,
        }


@dataclass(slots=True)
class Watch:
    pairs: list[WatchPair] = field(default_factory=list)
    metric: str = "pagerank"
    influence_relations: tuple[str, ...] = ()
    top: int = 10


def _pair(item: Any, file: str, n: int) -> WatchPair:
    if not isinstance(item, dict):
        raise InputError(f"pair {n} must be a mapping with source and target", file=file)
    unknown = set(item) - {"source", "target", "relations", "max_hops"}
    if unknown:
        raise InputError(f"pair {n}: unknown key(s) {', '.join(sorted(unknown))}", file=file)
    src, tgt = item.get("source"), item.get("target")
    if not isinstance(src, str) or not src.strip() or not isinstance(tgt, str) or not tgt.strip():
        raise InputError(f"pair {n} needs a source and a target (actor names or ids)", file=file)
    rels = item.get("relations") or []
    if isinstance(rels, str):
        rels = [rels]
    if not isinstance(rels, list) or not all(isinstance(r, str) for r in rels):
        raise InputError(f"pair {n}: relations must be a list of names", file=file)
    hops = item.get("max_hops", 4)
    if not isinstance(hops, int) or isinstance(hops, bool) or not 1 <= hops <= MAX_HOPS:
        raise InputError(f"pair {n}: max_hops must be a number from 1 to {MAX_HOPS}", file=file)
    return WatchPair(src.strip(), tgt.strip(), tuple(rels), hops)


def parse_watch(data: Any, file: str = "<watch>") -> Watch:
    """A :class:`Watch` from parsed YAML; raises :class:`InputError` naming the problem."""
    if data is None:
        return Watch()
    if isinstance(data, list):
        data = {"pairs": data}
    if not isinstance(data, dict):
        raise InputError("must be a list of pairs or a mapping with 'pairs'", file=file)
    unknown = set(data) - {"pairs", "influence"}
    if unknown:
        raise InputError(f"unknown key(s) {', '.join(sorted(unknown))}", file=file)
    pairs = [_pair(item, file, n) for n, item in enumerate(data.get("pairs") or [], 1)]
    watch = Watch(pairs=pairs)
    inf = data.get("influence") or {}
    if not isinstance(inf, dict):
        raise InputError("influence must be a mapping", file=file)
    metric = inf.get("metric", "pagerank")
    if metric not in METRICS:
        raise InputError(f"influence: unknown metric '{metric}'", file=file)
    watch.metric = metric
    rels = inf.get("relations") or []
    if not isinstance(rels, list) or not all(isinstance(r, str) for r in rels):
        raise InputError("influence: relations must be a list of names", file=file)
    watch.influence_relations = tuple(rels)
    top = inf.get("top", 10)
    if not isinstance(top, int) or isinstance(top, bool) or not 1 <= top <= 100:
        raise InputError("influence: top must be a number from 1 to 100", file=file)
    watch.top = top
    return watch


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
