"""``actorgraph report`` and ``actorgraph schedule``: what changed in a time window."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from actorgraph.cli.context import settings_of
from actorgraph.cli.output import console, err_console
from actorgraph.graph.errors import ActorgraphError
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

# The reports package and the store are imported inside the commands: the reports' templates
# (jinja2) and scheduler (APScheduler) would add about 0.2 s to the start of every other
# command, and a command that needs no store should not load one (see cli/main.py).
if TYPE_CHECKING:
    from actorgraph.graph.settings import CoreSettings
    from actorgraph.graph.store import GraphStore
    from actorgraph.reports.runner import ReportOptions, ReportResult

SinceOpt = Annotated[
    str | None,
    typer.Option(help="First day of the window (default: the day after the last report)."),
]
UntilOpt = Annotated[str | None, typer.Option(help="Last day of the window (default: today).")]
PeriodOpt = Annotated[
    str | None, typer.Option(help="Window length ending on --until, like 7d or 2w.")
]
WatchOpt = Annotated[
    Path | None,
    typer.Option(help="YAML file of actor pairs to watch (see docs/reports.md)."),
]
OutOpt = Annotated[
    Path | None,
    typer.Option("--out", "-o", help="Reports folder (default: ACTORGRAPH_REPORTS_DIR)."),
]
FormatOpt = Annotated[
    str, typer.Option("--format", help="Comma-separated: html, md, json (json is always kept).")
]


def _options(
    since: str | None, until: str | None, period: str | None, watch: Path | None, fmt: str
) -> ReportOptions:
    from actorgraph.reports.archive import check_formats
    from actorgraph.reports.runner import ReportOptions
    from actorgraph.reports.watch import load_watch

    return ReportOptions(
        since=since,
        until=until,
        period=period,
        watch=load_watch(watch),
        formats=check_formats(fmt),
    )


def _out(ctx: typer.Context, out: Path | None) -> Path:
    return out or Path(settings_of(ctx).reports_dir)


def _open_checked(settings: CoreSettings) -> GraphStore:
    """The store, checked to answer (a scheduled run fails at once when it is down)."""
    from actorgraph.graph.open import open_store

    store = open_store(settings)
    store.ping()
    return store


def _run_once(
    ctx: typer.Context, out: Path, options: ReportOptions, quiet: bool = False
) -> ReportResult:
    from actorgraph.reports.runner import run_report

    progress = Progress(
        SpinnerColumn(),
        TextColumn("[bold]report[/] {task.description}"),
        TimeElapsedColumn(),
        console=err_console,
        transient=True,
        disable=quiet or not err_console.is_terminal,
    )
    with progress:
        task = progress.add_task("opening the store", total=None)
        result = run_report(
            partial(_open_checked, settings_of(ctx)),
            out,
            options,
            progress=lambda step: progress.update(task, description=step),
        )
    return result


def _describe(result: ReportResult) -> str:
    d = result.data
    what = (
        "nothing changed"
        if d["empty"]
        else f"{len(d['new_actors'])} new actors, {d['relations']['new_count']} new and "
        f"{d['relations']['ended_count']} ended relations, "
        f"{d['summary']['window']['statements']} statements"
    )
    return f"report {result.id} ({result.window.label}): {what} — {result.path}"


def register(app: typer.Typer) -> None:
    @app.command()
    def report(
        ctx: typer.Context,
        since: SinceOpt = None,
        until: UntilOpt = None,
        period: PeriodOpt = None,
        watch: WatchOpt = None,
        out: OutOpt = None,
        fmt: FormatOpt = "html,md,json",
    ) -> None:
        """What changed in a time window: new actors, relations, stances, channels, influence.

        Writes OUT/<date>T<time>/report.{html,md,json} and updates OUT/index.html; the
        newest report already in OUT is the baseline for channel and rank changes.
        """
        options = _options(since, until, period, watch, fmt)
        result = _run_once(ctx, _out(ctx, out), options)
        console.print(_describe(result), highlight=False, soft_wrap=True)

    @app.command()
    def schedule(
        ctx: typer.Context,
        cron: Annotated[
            str | None, typer.Option(help='Crontab expression, e.g. "0 7 * * MON".')
        ] = None,
        interval: Annotated[
            float | None, typer.Option(help="Run every this many seconds instead (tests).")
        ] = None,
        once: Annotated[bool, typer.Option("--once", help="Make one report now and exit.")] = False,
        timezone: Annotated[str, typer.Option(help="Time zone of the cron expression.")] = "UTC",
        since: SinceOpt = None,
        until: UntilOpt = None,
        period: PeriodOpt = None,
        watch: WatchOpt = None,
        out: OutOpt = None,
        fmt: FormatOpt = "html,md,json",
    ) -> None:
        """Make reports on a schedule (one at a time; a run missed while down is caught up)."""
        from actorgraph.reports.schedule import ReportScheduler, make_trigger

        options = _options(since, until, period, watch, fmt)
        folder = _out(ctx, out)
        if once:
            console.print(
                _describe(_run_once(ctx, folder, options)), highlight=False, soft_wrap=True
            )
            return
        make_trigger(cron, interval, timezone)  # check before starting

        def job() -> None:
            try:
                result = _run_once(ctx, folder, options, quiet=True)
                console.print(_describe(result), highlight=False, soft_wrap=True)
            except ActorgraphError as exc:
                err_console.print(f"[red]report failed:[/] {exc}", highlight=False)
                raise

        sched = ReportScheduler(job, folder, cron=cron, interval=interval, timezone=timezone)
        when = f"cron '{cron}' ({timezone})" if cron else f"every {interval:g} s"
        caught = sched.next_run_time() is not None
        err_console.print(
            f"scheduling reports into {folder}, {when}"
            + ("; a run was missed: running one now" if caught else "")
            + " — Ctrl-C to stop",
            highlight=False,
        )
        try:
            sched.start()
        except KeyboardInterrupt:
            sched.shutdown(wait=False)
