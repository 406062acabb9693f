"""The ``actorgraph`` command line.

Every query command prints a readable table, or JSON with ``--json``. Errors a user can fix
are printed as one line and the command exits with status 2; anything unexpected is one
line too, with the traceback in the log file.
"""

from __future__ import annotations

import logging
import os
import sys
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import click
import typer
from actorgraph.cli import extract_commands, report_commands, research_commands
from actorgraph.cli.context import Entrance, opened, settings_of
from actorgraph.cli.output import console, emit_json, err_console, shorten, table
from actorgraph.cores import available_cores
from actorgraph.graph.errors import ActorgraphError, InputError
from actorgraph.wording import counted

# The settings, the store, the query facade, ingest and the web stack are imported inside the
# commands that use them: a command that needs none (``actorgraph schema``, ``--help``) then
# starts without loading pydantic-settings, networkx, numpy, SQLite, spaCy or FastAPI
# (tests/test_cli.py checks it; bench/embedded_store.py measures cold commands).
if TYPE_CHECKING:
    from actorgraph.graph.facade import Graph
    from actorgraph.graph.store import GraphStore
    from rich.progress import Progress

logger = logging.getLogger("actorgraph")

app = typer.Typer(
    name="actorgraph",
    help="A knowledge graph of actors, statements and relations in negotiations and conflicts.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)

JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]
RelOpt = Annotated[
    list[str] | None,
    typer.Option("--relation", "-r", help="Relation type to use (repeatable); see `schema`."),
]
IntermediariesOpt = Annotated[
    bool,
    typer.Option(
        "--intermediaries-only", help="Only paths whose every inner actor is an intermediary."
    ),
]
SinceOpt = Annotated[str | None, typer.Option(help="Only evidence on or after this date.")]
UntilOpt = Annotated[str | None, typer.Option(help="Only evidence on or before this date.")]
AsOfOpt = Annotated[
    str | None,
    typer.Option(
        "--as-of", help="Relations, roles and stances in force on this date (YYYY-MM-DD)."
    ),
]


@app.callback()
def main_options(
    ctx: typer.Context,
    store: Annotated[
        str | None,
        typer.Option(
            "--store",
            help="A directory (embedded store) or a bolt://, neo4j://, neo4j+s:// URI "
            "(default: ACTORGRAPH_STORE, else .actorgraph).",
        ),
    ] = None,
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="Log to stderr too (at least INFO).")
    ] = False,
) -> None:
    """actorgraph: who speaks for, mediates, demands and rejects what, with evidence."""
    # the settings are built from these options when a command first asks for them
    # (cli/context.py); main() passes its Entrance in, a test runner may not
    if not isinstance(ctx.obj, Entrance):
        ctx.obj = Entrance()
    ctx.obj.options = {"store": store}
    ctx.obj.verbose = verbose


def _graph(store: GraphStore) -> Graph:
    from actorgraph.graph.facade import Graph

    return Graph(store)


def _bar(quiet: bool) -> Progress:
    """A progress bar on stderr (done of total, time left), gone when it ends; off with
    ``quiet`` (JSON out) or when stderr is not a terminal."""
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeRemainingColumn,
    )

    return Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=err_console,
        transient=True,
        disable=quiet or not err_console.is_terminal,
    )


# --------------------------------------------------------------------------- ingest / export
@app.command()
def ingest(
    ctx: typer.Context,
    files: Annotated[
        list[Path],
        typer.Argument(
            help="Record files or articles (the types of docs/exchange-format.md#files); "
            "directories are searched."
        ),
    ],
    skip_invalid: Annotated[
        bool, typer.Option("--skip-invalid", help="Report bad lines and load the rest.")
    ] = False,
    batch_size: Annotated[int | None, typer.Option(help="Records per transaction.")] = None,
    date: Annotated[
        str | None, typer.Option(help="Publication date for articles without one.")
    ] = None,
    json_out: JsonOpt = False,
) -> None:
    """Check and load records (or extract and load articles). Re-ingesting changes nothing."""
    from actorgraph.graph.open import decisions_path
    from actorgraph.ingest.inputs import expand
    from actorgraph.ingest.service import Ingest

    settings = settings_of(ctx)
    reports = []
    with opened(ctx) as store:
        ingest = Ingest(
            store,
            settings,
            batch_size=batch_size or settings.batch_size,
            skip_invalid=skip_invalid,
            decisions=decisions_path(settings),
        )
        for path in expand(files):
            progress = _bar(quiet=json_out)
            with progress:
                task = progress.add_task(f"ingest {path.name}", total=None)

                def advance(n: int, total: int, task: Any = task, progress: Any = progress) -> None:
                    progress.update(task, advance=n, total=total)

                report = ingest.file(
                    path, date=date, progress=advance, extract_progress=not progress.disable
                )
            reports.append(report)
        ingest.finish()
    if json_out:
        emit_json([r.to_dict() for r in reports])
        return
    for r in reports:
        w = r.written
        console.print(
            f"{r.sources[0]}: {counted(r.records, 'record')}; written "
            f"{counted(w.nodes, 'node')}, {counted(w.relations, 'relation')}, "
            f"{counted(w.evidence, 'piece of evidence')} ({r.seconds:.2f} s)"
            + ("" if w.changed else " — nothing new"),
            markup=False,
        )
        if r.note:
            console.print(f"{r.sources[0]}: {r.note}", markup=False)
        for msg in r.skipped:
            err_console.print(f"skipped {msg}", markup=False)


@app.command()
def export(
    ctx: typer.Context,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out", "-o", help="File to write (default stdout); a directory for csv, parquet."
        ),
    ] = None,
    fmt: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            help="jsonl (the exchange format, re-ingestable), gexf, graphml, csv, parquet, "
            "plover or ftm.",
        ),
    ] = "jsonl",
) -> None:
    """Write the whole graph: in the exchange format (JSON Lines), or for Gephi (gexf),
    graph tools (graphml), pandas and R (csv, parquet), event data (plover) or Aleph (ftm)."""
    from actorgraph.graph.exchange import dump_line
    from actorgraph.graph.exports import FORMATS
    from actorgraph.graph.exports import export as write_export

    if fmt != "jsonl" and fmt not in FORMATS:
        known = ", ".join(["jsonl", *FORMATS])
        raise InputError(f"unknown export format '{fmt}' (known: {known})", field="format")
    with opened(ctx) as store:
        records = _graph(store).export()
        if fmt != "jsonl":
            f = FORMATS[fmt]
            if f.shape == "tables" and out is None:
                raise InputError(f"{fmt} writes a directory of tables: give --out", field="out")
            summary = write_export(records, fmt, sys.stdout if out is None else out)
            if out is not None:
                counts = ", ".join(f"{n} {what}" for what, n in summary.counts.items())
                err_console.print(f"wrote {counts} to {out} ({fmt})", markup=False)
            return
        lines = (dump_line(rec) + "\n" for rec in records)
        if out is None:
            sys.stdout.writelines(lines)
            return
        tmp = out.with_name(out.name + ".part")
        n = 0
        with tmp.open("w", encoding="utf-8") as fh:
            for line in lines:
                fh.write(line)
                n += 1
        os.replace(tmp, out)
        err_console.print(f"wrote {n} records to {out}")


# --------------------------------------------------------------------------- queries
@app.command()
def actors(
    ctx: typer.Context,
    query: Annotated[str | None, typer.Argument(help="Name or alias (prefix and fuzzy).")] = None,
    type_: Annotated[
        str | None, typer.Option("--type", help="person, organization or state.")
    ] = None,
    intermediaries: Annotated[
        bool, typer.Option("--intermediaries", help="Only actors that mediate.")
    ] = False,
    limit: int = 50,
    json_out: JsonOpt = False,
) -> None:
    """Find actors by name or alias."""
    with opened(ctx) as store:
        found, total = _graph(store).search_actors(
            query,
            types=[type_] if type_ else None,
            intermediary=True if intermediaries else None,
            limit=limit,
        )
    if json_out:
        emit_json({"data": found, "count": total})
        return
    table(
        f"{total} actors",
        ["id", "name", "type", "aliases", "intermediary"],
        [
            [a["id"], a["name"], a["type"], ", ".join(a["aliases"]), "yes" * a["intermediary"]]
            for a in found
        ],
    )


@app.command("delete-actor")
def delete_actor(
    ctx: typer.Context,
    actor_id: Annotated[str, typer.Argument(help="The actor's exact id (see `actors`).")],
    json_out: JsonOpt = False,
) -> None:
    """Remove an actor, its relations and the statements it made."""
    with opened(ctx) as store:
        ref = _graph(store).delete_actor(actor_id)
    if json_out:
        emit_json({"deleted": ref.to_dict()})
        return
    console.print(f"deleted {ref.name} ({ref.id})", markup=False)


@app.command()
def topics(
    ctx: typer.Context,
    limit: int = 100,
    offset: int = 0,
    json_out: JsonOpt = False,
) -> None:
    """Every topic, ordered by id."""
    with opened(ctx) as store:
        found, total = _graph(store).topics(limit=limit, offset=offset)
    if json_out:
        emit_json({"data": [t.to_dict() for t in found], "count": total})
        return
    table(
        f"{total} topics",
        ["id", "name", "keywords"],
        [[t.id, t.name, ", ".join(t.keywords)] for t in found],
    )


def _evidence_line(rel: dict[str, Any], width: int = 160) -> str:
    ev = rel.get("evidence") or []
    if not ev:
        return ""
    e = ev[0]
    where = ", ".join(x for x in (e.get("document"), e.get("date")) if x)
    total = rel.get("evidence_total", len(ev))
    more = f" (+{total - 1} more)" if total > 1 else ""
    return f"“{shorten(e.get('sentence'), width)}”" + (f" [{where}]" if where else "") + more


@app.command()
def paths(
    ctx: typer.Context,
    source: Annotated[str, typer.Argument(help="Actor id, name or alias.")],
    target: Annotated[str, typer.Argument(help="Actor id, name or alias.")],
    relation: RelOpt = None,
    max_hops: Annotated[int, typer.Option(help="At most this many hops (cap 6).")] = 4,
    limit: Annotated[int, typer.Option(help="At most this many paths.")] = 10,
    intermediaries_only: IntermediariesOpt = False,
    evidence_limit: Annotated[
        int, typer.Option(help="Pieces of evidence per relation in --json (best first).")
    ] = 3,
    as_of: AsOfOpt = None,
    json_out: JsonOpt = False,
) -> None:
    """Communication paths between two actors, best first (fewest hops, best supported, most
    recent), each hop with its best evidence."""
    with opened(ctx) as store:
        res = _graph(store).paths(
            source,
            target,
            relations=relation,
            max_hops=max_hops,
            limit=limit,
            intermediaries_only=intermediaries_only,
            evidence_limit=evidence_limit,
            as_of=as_of,
        )
    if json_out:
        emit_json(res.to_dict())
        return
    if not res.paths:
        console.print(
            f"No path from {res.source.name} to {res.target.name} within {res.max_hops} hops "
            f"over {', '.join(res.relations)}.",
            markup=False,
        )
        return
    console.print(
        f"{len(res.paths)} path(s) from {res.source.name} to {res.target.name} "
        f"(relations: {', '.join(res.relations)}; max {res.max_hops} hops)"
        + (" — more exist, raise --limit" if res.truncated else ""),
        markup=False,
    )
    for i, p in enumerate(res.paths, 1):
        names = [n.name + (" [intermediary]" if n.intermediary else "") for n in p.nodes]
        when = f", last seen {p.last_seen}" if p.last_seen else ""
        console.print(
            f"\n{i}. " + " → ".join(names) + f"  (support {p.support:.3f}{when})",
            highlight=False,
            markup=False,
        )
        by_id = {n.id: n.name for n in p.nodes}
        for hop in p.hops:
            for rel in hop.relations:
                arrow = (
                    f"{by_id[hop.source]} —{rel['type']}→ {by_id[hop.target]}"
                    if rel["direction"] == "forward"
                    else f"{by_id[hop.target]} —{rel['type']}→ {by_id[hop.source]}"
                )
                console.print(
                    f"   {arrow}: {_evidence_line(rel, 400)}",
                    highlight=False,
                    markup=False,
                    soft_wrap=True,
                )


@app.command()
def brokers(
    ctx: typer.Context,
    source: str,
    target: str,
    relation: RelOpt = None,
    max_hops: int = 4,
    top: int = 10,
    intermediaries_only: IntermediariesOpt = False,
    as_of: AsOfOpt = None,
    json_out: JsonOpt = False,
) -> None:
    """Actors on the best paths between two actors, by share of those paths through them."""
    with opened(ctx) as store:
        ranked = _graph(store).brokers(
            source,
            target,
            relations=relation,
            max_hops=max_hops,
            top=top,
            intermediaries_only=intermediaries_only,
            as_of=as_of,
        )
    if json_out:
        emit_json({"data": [b.to_dict() for b in ranked], "count": len(ranked)})
        return
    table(
        f"Brokers between {source} and {target}",
        ["rank", "actor", "type", "paths", "share", "intermediary"],
        [
            [
                i,
                b.actor.name,
                b.actor.type,
                b.paths,
                f"{b.share:.0%}",
                "yes" if b.actor.intermediary else "",
            ]
            for i, b in enumerate(ranked, 1)
        ],
    )


@app.command()
def influence(
    ctx: typer.Context,
    metric: Annotated[str, typer.Option(help="pagerank, betweenness or degree.")] = "pagerank",
    relation: RelOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    top: int = 10,
    exact: Annotated[
        bool, typer.Option("--exact", help="Exact betweenness (sampled on large graphs).")
    ] = False,
    as_of: AsOfOpt = None,
    json_out: JsonOpt = False,
) -> None:
    """Who is central, by metric, relation types and time window."""
    with opened(ctx) as store:
        g = _graph(store)
        try:
            res = g.influence_ranking(
                metric,
                relations=relation,
                since=since,
                until=until,
                top=top,
                exact=exact,
                as_of=as_of,
            )
        finally:
            g.close()
    if json_out:
        emit_json(res.to_dict())
        return
    how = "exact" if res.samples is None else f"estimated from {res.samples} sampled actors"
    table(
        f"Influence ({metric}, {res.actors} actors"
        + (f", {how})" if metric == "betweenness" else ")"),
        ["rank", "actor", "type", "score"],
        [[s.rank, s.actor.name, s.actor.type, f"{s.score:.4f}"] for s in res.scores],
    )


@app.command()
def neighbors(
    ctx: typer.Context,
    actor: str,
    depth: int = 1,
    relation: RelOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    limit: int = 200,
    as_of: AsOfOpt = None,
    json_out: JsonOpt = False,
) -> None:
    """The actors and topics around an actor, with the relations between them."""
    with opened(ctx) as store:
        g = _graph(store)
        sub = g.neighbors(
            actor,
            depth=depth,
            relations=relation,
            since=since,
            until=until,
            limit=limit,
            as_of=as_of,
        )
    if json_out:
        emit_json(sub.to_dict())
        return
    names = {n.id: n.name for n in sub.nodes}
    table(
        f"{len(sub.nodes)} nodes, {len(sub.edges)} relations around {actor}",
        ["source", "relation", "target", "evidence"],
        [
            [names.get(e["source"]), e["type"], names.get(e["target"]), _evidence_line(e)]
            for e in sub.edges
        ],
    )


@app.command()
def statements(
    ctx: typer.Context,
    actor: Annotated[str | None, typer.Option(help="Speaker or the actor spoken for.")] = None,
    speaker: Annotated[str | None, typer.Option(help="Only statements this actor made.")] = None,
    on_behalf_of: Annotated[
        str | None, typer.Option(help="Only statements made on this actor's behalf.")
    ] = None,
    topic: Annotated[str | None, typer.Option(help="Topic id, name or keyword.")] = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    text: Annotated[str | None, typer.Option(help="Words the statement contains.")] = None,
    limit: int = 50,
    as_of: AsOfOpt = None,
    json_out: JsonOpt = False,
) -> None:
    """Statements, who made them, on whose behalf, when and where."""
    with opened(ctx) as store:
        items, total = _graph(store).statements(
            actor=actor,
            speaker=speaker,
            on_behalf_of=on_behalf_of,
            topic=topic,
            since=since,
            until=until,
            text=text,
            limit=limit,
            as_of=as_of,
        )
    if json_out:
        emit_json({"data": items, "count": total})
        return
    table(
        f"{total} statements",
        ["date", "speaker", "on behalf of", "statement", "document"],
        [
            [
                s.get("date"),
                s["speaker"]["name"],
                (s.get("on_behalf_of") or {}).get("name"),
                ("“" + s["text"] + "”") if s["quote"] else s["text"],
                (s.get("document") or {}).get("title"),
            ]
            for s in items
        ],
    )


@app.command()
def stances(
    ctx: typer.Context,
    topic: Annotated[
        str | None, typer.Argument(help="Topic (or actor) the stances are on.")
    ] = None,
    actor: Annotated[str | None, typer.Option(help="Only this actor's stances.")] = None,
    relation: RelOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    limit: int = 200,
    as_of: AsOfOpt = None,
    json_out: JsonOpt = False,
) -> None:
    """Who demands or rejects what, since when, with evidence."""
    with opened(ctx) as store:
        items, total = _graph(store).stances(
            topic,
            actor=actor,
            types=relation,
            since=since,
            until=until,
            limit=limit,
            as_of=as_of,
        )
    if json_out:
        emit_json({"data": items, "count": total})
        return
    table(
        f"{total} stances",
        ["actor", "stance", "on", "since", "evidence"],
        [
            [
                s["source"]["name"],
                s["type"],
                s["target"]["name"],
                s.get("first_seen"),
                _evidence_line(s),
            ]
            for s in items
        ],
    )


@app.command()
def stats(ctx: typer.Context, json_out: JsonOpt = False) -> None:
    """Counts of nodes and relations."""
    with opened(ctx) as store:
        data = _graph(store).stats()
    if json_out:
        emit_json(data)
        return
    rows = [[k, v] for k, v in data["nodes"].items()]
    rows += [[f"relation {k}", v] for k, v in data["relations"].items()]
    rows += [["pieces of evidence", data["evidence"]], ["intermediaries", data["intermediaries"]]]
    table(data["store"], ["what", "count"], rows)


@app.command()
def upgrade(
    ctx: typer.Context,
    batch_size: Annotated[
        int | None, typer.Option(min=1, help="Relations per transaction (default: the store's).")
    ] = None,
    rescan: Annotated[
        bool,
        typer.Option("--rescan", help="Go through every relation even if the store is up to date."),
    ] = False,
    json_out: JsonOpt = False,
) -> None:
    """Bring a store written by an older version up to this one's layout (Neo4j: store the
    evidence ranks of relations written before they were kept). Safe to stop and run again:
    it goes on where it stopped, and changes nothing on a store that is up to date. Answers
    are the same before and after; only their cost changes. The embedded store needs none."""

    with opened(ctx) as store:
        progress = _bar(quiet=json_out)
        with progress:
            task = progress.add_task("relations", total=None)

            def advance(done: int, total: int) -> None:
                progress.update(task, completed=done, total=total)

            done = store.upgrade(advance, batch_size, rescan)
        where = store.describe()
    if json_out:
        emit_json({"store": where, **done.to_dict()})
        return
    if not done.needed and not done.scanned:
        console.print(f"{where}: up to date, nothing to do", markup=False)
        return
    console.print(
        f"{where}: went through {counted(done.scanned, 'relation')}"
        + (" (going on from where an earlier run stopped)" if done.resumed else "")
        + f", stored the evidence ranks of {done.filled}"
        + (
            f"; {done.skipped} could not be (evidence and keys of unequal lengths)"
            if done.skipped
            else ""
        ),
        markup=False,
    )


@app.command()
def schema(ctx: typer.Context, json_out: JsonOpt = False) -> None:
    """The vocabulary: relation types with their PLOVER/CAMEO equivalents, actor types."""
    from dataclasses import asdict

    from actorgraph.graph.schema import default_schema

    s = default_schema()
    rows = [
        [
            r.name,
            r.description,
            "/".join(r.source) + " → " + "/".join(r.target),
            r.plover or "",
            r.cameo or "",
            ", ".join(f for f in ("channel", "stance", "intermediary", "derived") if getattr(r, f)),
        ]
        for r in s.relations.values()
    ]
    if json_out:
        emit_json(
            {
                "actor_types": s.actor_types,
                "relations": {r.name: asdict(r) for r in s.relations.values()},
            }
        )
        return
    table("Relation types", ["name", "meaning", "ends", "PLOVER", "CAMEO", "flags"], rows)


@app.command()
def serve(
    ctx: typer.Context,
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port.")] = 8000,
    workers: Annotated[
        int | None,
        typer.Option(
            min=1,
            help="Worker processes (default: ACTORGRAPH_WORKERS, else the cores this process "
            "may run on).",
        ),
    ] = None,
) -> None:
    """Serve the HTTP API and the graph-exploration UI."""
    import uvicorn
    from actorgraph.api import ui_assets
    from actorgraph.api.app import create_app
    from uvicorn.supervisors import Multiprocess

    settings = settings_of(ctx)
    workers = workers or settings.workers or available_cores()
    console.print(
        f"actorgraph on http://{host}:{port}/ (API docs at /docs), "
        f"{workers} worker{'s' if workers > 1 else ''}"
    )
    note = ui_assets.warning()
    if note:
        err_console.print(f"warning: {note}", highlight=False, soft_wrap=True, markup=False)
    # the app is built from these settings in every worker: each worker process gets the
    # factory (and the settings in it) pickled, so nothing travels through the environment
    config = uvicorn.Config(
        partial(create_app, settings),
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level="warning",
        # a worker importing the app on a busy 2-core machine answers the supervisor's ping
        # late (27 s seen at load 12); uvicorn's 5 s default then kills and restarts it forever
        timeout_worker_healthcheck=60,
    )
    if workers > 1:
        Multiprocess(config, sockets=[config.bind_socket()]).run()
    else:
        uvicorn.Server(config).run()


extract_commands.register(app)
report_commands.register(app)
research_commands.register(app)


def main() -> None:
    """Entry point: one line on error, traceback in the log file."""
    entrance = Entrance()
    try:
        app(standalone_mode=False, obj=entrance)
    except ActorgraphError as exc:
        logger.info("user error", exc_info=True)
        err_console.print(f"error: {exc}", highlight=False, soft_wrap=True, markup=False)
        raise SystemExit(2) from None
    except (typer.Exit, SystemExit) as exc:
        code = getattr(exc, "exit_code", None) or getattr(exc, "code", 0) or 0
        raise SystemExit(code) from None
    except typer.Abort:
        err_console.print("aborted")
        raise SystemExit(130) from None
    except KeyboardInterrupt:
        err_console.print("interrupted")
        raise SystemExit(130) from None
    except click.ClickException as exc:  # usage errors
        exc.show()
        raise SystemExit(exc.exit_code) from None
    except Exception as exc:  # bugs
        file = entrance.log_file()
        logger.exception("unexpected error")
        err_console.print(
            f"error: unexpected {type(exc).__name__}: {exc} (details in {file or 'the log'})",
            highlight=False,
            soft_wrap=True,
            markup=False,
        )
        raise SystemExit(1) from None


if __name__ == "__main__":
    main()
