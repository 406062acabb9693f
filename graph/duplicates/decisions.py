"""Judgements on duplicate actors: the decisions file and the function that applies it.

A decisions file records, one decision after the other, what a researcher judged:

.. code-block:: yaml

    - {action: merge, actor: binyamin-netanyahu, into: benjamin-netanyahu,
       names: [Binyamin Netanyahu], by: ana, at: 2024-06-03, note: transliteration}
    - {action: distinct, actor: osama-hamdan, other: ahmed-hamdan, by: ana}
    - {action: unmerge, actor: binyamin-netanyahu, by: ben, note: a cousin after all}

``merge`` folds ``actor`` into ``into`` (which survives); ``unmerge`` undoes the merge of
``actor``; ``distinct`` records that two actors are two (duplicate review stops proposing the
pair). The file is YAML (a list) or JSON Lines (one object a line), and only ever appended
to: later decisions win, so the history of a judgement stays readable.

:func:`apply_decisions` rewrites a record stream so every reference to a merged actor (by id,
or by a name the merged actor went by) points at the survivor, the survivor's record carries
the merged actor's names as aliases (and its roles), and relations a merge turns into a loop
are dropped. Ingest applies it to what it reads, so a merge holds when the same text is
extracted again.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any, Literal

import yaml
from actorgraph.graph.duplicates.names import fold
from actorgraph.graph.errors import InputError
from actorgraph.graph.exchange import RecordStream, as_dicts, slugify
from pydantic import BaseModel, ConfigDict, PrivateAttr, ValidationError, model_validator


class Decision(BaseModel):
    """One judgement on two actors."""

    model_config = ConfigDict(extra="forbid")

    action: Literal["merge", "unmerge", "distinct"]
    actor: str
    into: str | None = None
    other: str | None = None
    #: names the merged actor went by when the decision was taken (re-extraction may bring
    #: it back under another id; these names still lead to the survivor)
    names: list[str] = []
    by: str | None = None
    at: date | datetime | None = None
    note: str | None = None
    #: where the decision was read (file line), for messages
    _line: int | None = PrivateAttr(default=None)

    @model_validator(mode="after")
    def _shape(self) -> Decision:
        if self.action == "merge":
            if not self.into:
                raise ValueError("a merge needs 'into' (the actor that stays)")
            if self.into == self.actor:
                raise ValueError("an actor cannot be merged into itself")
        if self.action == "distinct":
            if not self.other:
                raise ValueError("'distinct' needs 'other'")
            if self.other == self.actor:
                raise ValueError("an actor cannot be distinct from itself")
        if self.action != "merge" and self.names:
            raise ValueError("only a merge records names")
        return self


@dataclass(slots=True)
class Judgements:
    """The state a sequence of decisions leads to."""

    merged: dict[str, str] = field(default_factory=dict)  # actor -> the actor it was merged into
    distinct: set[tuple[str, str]] = field(default_factory=set)
    names: dict[str, str] = field(default_factory=dict)  # folded name -> merged actor id

    @classmethod
    def from_decisions(cls, decisions: Iterable[Decision], file: str | None = None) -> Judgements:
        """Fold decisions in order; a decision that contradicts the state before it raises
        :class:`InputError` naming the file and the decision's line."""
        j = cls()
        for n, d in enumerate(decisions, start=1):

            def fail(message: str, fld: str, d: Decision = d, n: int = n) -> InputError:
                line = d._line if d._line is not None else n
                return InputError(message, file=file or "decisions", line=line, field=fld)

            if d.action == "merge":
                assert d.into is not None
                if j.canonical(d.into) == d.actor:
                    raise fail(
                        f"merging {d.actor} into {d.into} makes a loop ({d.into} is merged "
                        f"into {d.actor}); unmerge it first",
                        "into",
                    )
                if d.actor in j.merged and j.merged[d.actor] != d.into:
                    raise fail(
                        f"{d.actor} is already merged into {j.merged[d.actor]}; unmerge it first",
                        "actor",
                    )
                j.merged[d.actor] = d.into
                j.distinct.discard(_pair(d.actor, d.into))
                for name in d.names:
                    j.names[fold(name)] = d.actor
            elif d.action == "unmerge":
                if d.actor not in j.merged:
                    raise fail(f"{d.actor} is not merged", "actor")
                del j.merged[d.actor]
                j.names = {k: v for k, v in j.names.items() if v != d.actor}
            else:
                assert d.other is not None
                if j.canonical(d.actor) == j.canonical(d.other):
                    raise fail(f"{d.actor} and {d.other} are merged; unmerge first", "other")
                j.distinct.add(_pair(d.actor, d.other))
        return j

    def canonical(self, actor: str) -> str:
        """The actor that stands for ``actor`` after every merge (itself when not merged)."""
        seen = set()
        while actor in self.merged and actor not in seen:
            seen.add(actor)
            actor = self.merged[actor]
        return actor

    def is_distinct(self, a: str, b: str) -> bool:
        return _pair(a, b) in self.distinct


def _pair(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a <= b else (b, a)


# ---------------------------------------------------------------------- the file
def load_decisions(path: str | Path) -> list[Decision]:
    """Read a decisions file (``.yaml``/``.yml``: a list; anything else: JSON Lines).

    A missing file holds no decisions. Errors name the file, the line and the field.
    """
    p = Path(path)
    if not p.exists():
        return []
    text = p.read_text(encoding="utf-8")
    items: list[tuple[int, Any]] = []
    if p.suffix in (".yaml", ".yml"):
        try:
            root = yaml.compose(text)
            data = yaml.safe_load(text)
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            line = mark.line + 1 if mark is not None else None
            raise InputError(
                f"not YAML ({getattr(exc, 'problem', exc)})", file=str(p), line=line
            ) from None
        if data is None:
            return []
        if not isinstance(data, list) or root is None:
            raise InputError("expected a list of decisions", file=str(p), line=1)
        lines = [node.start_mark.line + 1 for node in root.value]
        items = list(zip(lines, data, strict=True))
    else:
        for n, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                items.append((n, json.loads(line)))
            except json.JSONDecodeError as exc:
                raise InputError(f"not JSON ({exc.msg})", file=str(p), line=n) from None
    out = []
    for n, raw in items:
        if not isinstance(raw, dict):
            raise InputError("a decision is a mapping", file=str(p), line=n)
        try:
            d = Decision.model_validate(raw)
        except ValidationError as exc:
            err = exc.errors()[0]
            fld = ".".join(str(x) for x in err["loc"]) or None
            msg = err["msg"].removeprefix("Value error, ")
            raise InputError(msg, file=str(p), line=n, field=fld) from None
        d._line = n
        out.append(d)
    return out


def load_judgements(path: str | Path) -> Judgements:
    """Decisions read and folded (see :meth:`Judgements.from_decisions`)."""
    return Judgements.from_decisions(load_decisions(path), file=str(path))


def append_decision(path: str | Path, decision: Decision) -> None:
    """Add a decision at the end of the file (checked against the decisions before it)."""
    p = Path(path)
    Judgements.from_decisions([*load_decisions(p), decision], file=str(p))
    p.parent.mkdir(parents=True, exist_ok=True)
    data = decision.model_dump(mode="json", exclude_none=True, exclude_defaults=True)
    data["action"] = decision.action
    data["actor"] = decision.actor
    if p.suffix in (".yaml", ".yml"):
        block = yaml.safe_dump([data], sort_keys=False, allow_unicode=True, default_flow_style=None)
        with p.open("a", encoding="utf-8") as fh:
            fh.write(block)
    else:
        with p.open("a", encoding="utf-8") as fh:
            fh.write(json.dumps(data, ensure_ascii=False) + "\n")


# ---------------------------------------------------------------------- applying them
@dataclass(slots=True)
class MergeReport:
    """What :func:`apply_decisions` changed."""

    actors_merged: int = 0
    references: int = 0
    loops_dropped: int = 0


def apply_decisions(
    records: RecordStream,
    judgements: Judgements,
    report: MergeReport | None = None,
) -> Iterator[dict[str, Any]]:
    """The record stream with the merges applied (see the module docstring).

    An actor is merged when its id is, or when its name is one a merge decision recorded
    (re-extraction gave it another id). References to it, by id or by one of its names, go to
    the survivor. Actor records are held until the first statement or relation (or the end),
    so a merged actor's names can join its survivor's record wherever the two come; when the
    survivor has no record in the stream (it is in the store already), the merged actor's
    record is dropped and the decision's ``names`` keep leading its names to the survivor.
    """
    report = report if report is not None else MergeReport()
    merged_to = {a: judgements.canonical(a) for a in judgements.merged}  # id -> survivor
    # names recorded by merge decisions lead to the survivor whatever else is named so
    decided = {n: judgements.canonical(a) for n, a in judgements.names.items()}
    # names a merged actor's record carries lead to the survivor unless an actor that stays
    # goes by that name too
    carried: dict[str, str] = {}
    own_ids: set[str] = set()  # ids of actors and topics that stay: never redirected
    own_names: set[str] = set()
    held: list[dict[str, Any]] = []

    def target(ref: Any) -> Any:
        if not isinstance(ref, str) or ref in own_ids:
            return ref
        name = fold(ref)
        to = merged_to.get(ref) or decided.get(name)
        if to is None and name not in own_names:
            to = carried.get(name)
        if to is None:
            return ref
        report.references += 1
        return to

    def flush() -> Iterator[dict[str, Any]]:
        """The held records in their order, merged actors folded into their survivors."""
        actors = [r for r in held if r.get("kind") == "actor"]
        survivors = {r["id"]: r for r in actors if r["id"] not in merged_to}
        for rec in actors:
            if rec["id"] not in merged_to:
                continue
            report.actors_merged += 1
            keep = survivors.get(merged_to[rec["id"]])
            if keep is None:
                continue
            aliases = list(keep.get("aliases") or [])
            known = {fold(x) for x in (keep["name"], *aliases)}
            for n in (rec["name"], *(rec.get("aliases") or [])):
                if fold(n) not in known and fold(n) not in own_names:  # not another's name
                    known.add(fold(n))
                    aliases.append(n)
            keep["aliases"] = aliases
            if rec.get("roles"):
                keep["roles"] = [*(keep.get("roles") or []), *rec["roles"]]
        for rec in held:
            if rec.get("kind") == "actor":
                if rec["id"] in merged_to:
                    continue
                if rec.get("roles"):
                    roles = [{**r, "of": target(r.get("of"))} for r in rec["roles"]]
                    rec["roles"] = [r for r in roles if r.get("of") != rec["id"]]
            yield rec
        held.clear()

    for rec in as_dicts(records):
        kind = rec.get("kind")
        if kind == "actor" and rec.get("name"):
            rec = {**rec, "id": str(rec.get("id") or slugify(rec["name"]))}
            aid = rec["id"]
            if aid not in merged_to and decided.get(fold(rec["name"]), aid) != aid:
                merged_to[aid] = decided[fold(rec["name"])]  # a merged actor under a new id
            names = {fold(n) for n in (rec["name"], *(rec.get("aliases") or []))}
            if aid in merged_to:
                for n in names:
                    carried.setdefault(n, merged_to[aid])
            else:
                own_ids.add(aid)
                own_names.update(names)
            held.append(rec)
            continue
        if kind == "topic" and rec.get("id"):
            own_ids.add(rec["id"])
        if held:
            if kind not in ("statement", "relation"):
                held.append(rec)  # kept in its place among the held actors
                continue
            yield from flush()
        if kind == "statement":
            rec = dict(rec)
            for key in ("speaker", "on_behalf_of"):
                if rec.get(key):
                    rec[key] = target(rec[key])
            if rec.get("about"):
                rec["about"] = [target(x) for x in rec["about"]]
            if rec.get("on_behalf_of") and rec["on_behalf_of"] == rec.get("speaker"):
                rec.pop("on_behalf_of")
        elif kind == "relation":
            rec = {**rec, "source": target(rec.get("source")), "target": target(rec.get("target"))}
            if rec["source"] == rec["target"]:
                report.loops_dropped += 1
                continue
        yield rec
    if held:
        yield from flush()
