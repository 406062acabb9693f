"""Research commands: ``brokerage``, duplicate review (``duplicates``, ``merge``, ``unmerge``,
``distinct``) and ``retract`` (see ``docs/research.md``)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
import yaml
from actorgraph.cli.context import opened, settings_of
from actorgraph.cli.output import console, emit_json, table
from actorgraph.graph.errors import InputError
from actorgraph.wording import counted

if TYPE_CHECKING:
    from actorgraph.graph.facade import Graph
    from actorgraph.graph.store import GraphStore

JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]
ByOpt = Annotated[str | None, typer.Option("--by", help="Who judged (kept in the decisions file).")]
NoteOpt = Annotated[str | None, typer.Option("--note", help="Why (kept in the decisions file).")]


def _graph(store: GraphStore) -> Graph:
    from actorgraph.graph.facade import Graph

    return Graph(store)


def _decisions(ctx: typer.Context) -> Path:
    from actorgraph.graph.open import decisions_path

    return decisions_path(settings_of(ctx))


def read_groups(path: Path) -> dict[str, str]:
    """A groups file: YAML (or JSON) mapping each group to a list of actors (ids, names or
    aliases), or each actor to its group."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise InputError(f"cannot read ({exc.strerror})", file=str(path)) from None
    except yaml.YAMLError as exc:
        raise InputError(f"not YAML ({exc})", file=str(path)) from None
    if not isinstance(data, dict) or not data:
        raise InputError("expected a mapping of groups to actors", file=str(path))
    out: dict[str, str] = {}
    for key, value in data.items():
        if isinstance(value, list):
            for actor in value:
                out[str(actor)] = str(key)
        elif isinstance(value, str | int | float):
            out[str(key)] = str(value)
        else:
            raise InputError("a group is a list of actors", file=str(path), field=str(key))
    return out


def brokerage(
    ctx: typer.Context,
    group_by: Annotated[
        str,
        typer.Option(
            "--group-by",
            help="type (actor type), intermediary, or a YAML file mapping groups to actors.",
        ),
    ] = "type",
    relation: Annotated[
        list[str] | None, typer.Option("--relation", "-r", help="Relation type (repeatable).")
    ] = None,
    since: Annotated[str | None, typer.Option(help="Only evidence on or after this date.")] = None,
    until: Annotated[str | None, typer.Option(help="Only evidence on or before this date.")] = None,
    as_of: Annotated[
        str | None, typer.Option("--as-of", help="Relations in force on this date.")
    ] = None,
    by_month: Annotated[
        bool, typer.Option("--by-month", help="One result per month of --since..--until.")
    ] = False,
    top: Annotated[int, typer.Option(help="Actors shown per window.")] = 10,
    json_out: JsonOpt = False,
) -> None:
    """Gould–Fernandez brokerage roles (with R sna's expected values and z-scores) and Burt's
    constraint, per actor, over a grouping of the actors."""
    groups: Any = group_by
    if group_by not in ("type", "intermediary"):
        groups = read_groups(Path(group_by))
    with opened(ctx) as store:
        data = _graph(store).brokerage(
            groups,
            relations=relation,
            since=since,
            until=until,
            as_of=as_of,
            by_month=by_month,
            top=top,
        )
    if json_out:
        emit_json(data)
        return
    for w in data["windows"]:
        span = f"{w['since'] or '…'}..{w['until'] or '…'}"
        if w.get("as_of"):
            span = f"as of {w['as_of']}"
        table(
            f"Brokerage by {data['group_by']}, {span} ({w['order']} actors, {w['ties']} ties)",
            [
                "actor",
                "group",
                "coord.",
                "itin.",
                "repr.",
                "gatek.",
                "liaison",
                "total",
                "z",
                "constraint",
            ],
            [
                [
                    a["actor"]["name"],
                    a["group"],
                    *(_n(a["raw"][c]) for c in ("coordinator", "itinerant", "representative")),
                    *(_n(a["raw"][c]) for c in ("gatekeeper", "liaison", "total")),
                    _f(a["z"]["total"]),
                    _f(a["constraint"]),
                ]
                for a in w["actors"]
            ],
        )


def _n(v: float | None) -> str:
    return "" if v is None else f"{v:g}"


def _f(v: float | None) -> str:
    return "" if v is None else f"{v:.2f}"


def duplicates(
    ctx: typer.Context,
    min_score: Annotated[float, typer.Option(help="Only pairs scoring at least this.")] = 0.5,
    limit: Annotated[int, typer.Option(help="At most this many pairs.")] = 50,
    json_out: JsonOpt = False,
) -> None:
    """Likely duplicate actors, best first, with the evidence for each pair (pairs judged
    distinct are not proposed again)."""
    with opened(ctx) as store:
        found = _graph(store).duplicates(
            decisions=_decisions(ctx), min_score=min_score, limit=limit
        )
    if json_out:
        emit_json({"data": [c.model_dump(mode="json") for c in found], "count": len(found)})
        return
    table(
        f"{len(found)} likely duplicates",
        ["score", "keep", "merge", "type", "evidence"],
        [
            [
                f"{c.score:.2f}",
                f"{c.keep_name} ({c.keep})",
                f"{c.merge_name} ({c.merge})",
                c.type,
                "; ".join(f"{x.kind}: {x.detail}" for x in c.clues),
            ]
            for c in found
        ],
    )


def merge(
    ctx: typer.Context,
    actor: Annotated[str, typer.Argument(help="The duplicate (id, name or alias): it goes.")],
    into: Annotated[str, typer.Argument(help="The actor that stays.")],
    by: ByOpt = None,
    note: NoteOpt = None,
    json_out: JsonOpt = False,
) -> None:
    """Merge a duplicate actor into another, and record it in the decisions file so that
    re-ingest (and re-extraction) merges them too."""
    with opened(ctx) as store:
        out = _graph(store).merge(actor, into, decisions=_decisions(ctx), by=by, note=note)
    if json_out:
        emit_json(out.to_dict())
        return
    console.print(
        f"merged {out.actor} into {out.into}: {out.relations} relations and {out.statements} "
        f"statements moved, {out.loops_dropped} loops dropped (undo: actorgraph unmerge "
        f"{out.actor})",
        markup=False,
    )


def unmerge(
    ctx: typer.Context,
    actor: Annotated[str, typer.Argument(help="The id of the actor that was merged.")],
    by: ByOpt = None,
    note: NoteOpt = None,
    json_out: JsonOpt = False,
) -> None:
    """Undo a merge: the actor comes back with its relations and statements."""
    with opened(ctx) as store:
        out = _graph(store).unmerge(actor, decisions=_decisions(ctx), by=by, note=note)
    if json_out:
        emit_json(out.to_dict())
        return
    console.print(
        f"unmerged {out.actor} from {out.into}: {out.relations} relations and "
        f"{out.statements} statements back",
        markup=False,
    )


def distinct(
    ctx: typer.Context,
    actor: Annotated[str, typer.Argument(help="One actor.")],
    other: Annotated[str, typer.Argument(help="Another, judged not the same.")],
    by: ByOpt = None,
    note: NoteOpt = None,
    json_out: JsonOpt = False,
) -> None:
    """Record that two actors are two: `duplicates` stops proposing the pair."""
    with opened(ctx) as store:
        d = _graph(store).distinct(actor, other, decisions=_decisions(ctx), by=by, note=note)
    if json_out:
        emit_json(d.model_dump(mode="json", exclude_none=True))
        return
    console.print(f"recorded: {d.actor} and {d.other} are distinct", markup=False)


def retract(
    ctx: typer.Context,
    document: Annotated[str, typer.Argument(help="The document's id (see `documents`).")],
    json_out: JsonOpt = False,
) -> None:
    """Remove a document and every fact only it supports; facts with other evidence stay."""
    with opened(ctx) as store:
        out = _graph(store).retract(document)
    if json_out:
        emit_json(out.to_dict())
        return
    console.print(
        f"retracted {out.document} ({out.title}): {counted(out.statements, 'statement')}, "
        f"{counted(out.relations_removed, 'relation')} removed, {out.relations_kept} kept "
        f"with other evidence, {counted(out.evidence_removed, 'piece of evidence')} removed",
        markup=False,
    )


def register(app: typer.Typer) -> None:
    for command in (brokerage, duplicates, merge, unmerge, distinct, retract):
        app.command()(command)
