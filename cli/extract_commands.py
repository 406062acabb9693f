"""``actorgraph extract`` and ``actorgraph eval``: articles to records, and how good they are."""

from __future__ import annotations

import contextlib
import json
import os
import sys
import tempfile
from pathlib import Path
from typing import IO, Annotated, Any

import typer
from actorgraph.cli.context import settings_of
from actorgraph.cli.output import emit_json, err_console, shorten, table
from actorgraph.graph.errors import InputError

# The ingest package is imported inside the commands: ``actorgraph`` registers these commands
# at start-up, and a command that needs no ingest (``schema``, ``--help``) should not load it.

ModelOpt = Annotated[
    str | None, typer.Option(help="spaCy pipeline (default: ACTORGRAPH_SPACY_MODEL).")
]
DictOpt = Annotated[
    Path | None,
    typer.Option("--dictionary", help="YAML actor dictionary on top of the bundled one."),
]


def _err(message: str) -> None:
    err_console.print(message, markup=False, highlight=False, soft_wrap=True)


def extract(
    ctx: typer.Context,
    files: Annotated[
        list[Path],
        typer.Argument(
            help="Articles: .txt, .md, .html, or JSON Lines of {id, title, url, published, "
            "text}; directories are searched."
        ),
    ],
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write the records here (default: standard output)."),
    ] = None,
    date: Annotated[
        str | None,
        typer.Option(help="Publication date (YYYY-MM-DD) for articles that do not give one."),
    ] = None,
    model: ModelOpt = None,
    dictionary: DictOpt = None,
    batch_size: Annotated[int, typer.Option(min=1, help="Documents per spaCy batch.")] = 32,
    n_process: Annotated[
        int | None,
        typer.Option(
            min=1,
            help="Worker processes (default: every core this process may use; small inputs "
            "are extracted in one process).",
        ),
    ] = None,
    progress: Annotated[
        bool, typer.Option("--progress/--no-progress", help="Show a progress bar on stderr.")
    ] = True,
) -> None:
    """Extract actors, statements and relations from articles, as exchange-format records.

    A file that cannot be read is reported on one line and the others go on; with -o the
    output appears only when complete (written to a temporary file, then renamed).
    """
    from actorgraph.ingest.service import extract as extract_records
    from actorgraph.ingest.service import make_extractor

    problems: list[InputError] = []

    def on_error(exc: InputError) -> None:
        problems.append(exc)
        _err(f"skipped {exc}")

    extractor = make_extractor(
        settings_of(ctx),
        model=model,
        dictionary=dictionary,
        batch_size=batch_size,
        n_process=n_process,
    )
    records = extract_records(
        extractor, files, date=date, on_error=on_error, progress=progress and sys.stderr.isatty()
    )
    counts = {"document": 0, "records": 0}
    tmp: Path | None = None
    try:
        if output is None:
            _write(sys.stdout, records, counts)
            sys.stdout.flush()
        else:
            output.parent.mkdir(parents=True, exist_ok=True)
            fd, name = tempfile.mkstemp(prefix=f".{output.name}.", suffix=".tmp", dir=output.parent)
            tmp = Path(name)
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                _write(fh, records, counts)
            if counts["document"] == 0:
                raise InputError("no article could be read: nothing written", file=str(output))
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes it private
            os.replace(tmp, output)
            tmp = None
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                tmp.unlink()
    where = str(output) if output else "standard output"
    _err(f"{counts['document']} documents, {counts['records']} records to {where}")
    if problems:
        raise InputError(f"{len(problems)} input(s) could not be read (see above)")


def _write(fh: IO[str], records: Any, counts: dict[str, int]) -> None:
    for rec in records:
        fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
        counts["records"] += 1
        if rec["kind"] == "document":
            counts["document"] += 1


def _read_records(path: Path) -> list[dict[str, Any]]:
    from actorgraph.ingest.record_files import read_records

    out = []
    for _, item in read_records(path):
        if isinstance(item, InputError):
            raise item
        assert isinstance(item, dict)  # parsed (read_records parses unless told not to)
        out.append(item)
    if not out:
        raise InputError("no records", file=str(path))
    return out


def evaluate(
    ctx: typer.Context,
    predicted: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Extraction output (exchange-format records), or articles to extract first."
        ),
    ] = None,
    gold: Annotated[
        list[Path] | None,
        typer.Option("--gold", "-g", help="Gold records in the exchange format (repeatable)."),
    ] = None,
    plover: Annotated[
        Path | None,
        typer.Option(help="PLOVER-style sentence records (JSON Lines) to run extraction on."),
    ] = None,
    polnear: Annotated[
        Path | None,
        typer.Option(
            help="A PolNeAR split directory (with text/ and attributions/) to score statements "
            "against its speech attributions."
        ),
    ] = None,
    bank: Annotated[
        list[Path] | None,
        typer.Option(
            help="A test bank: YAML files of cases, or a directory of them "
            "(see examples/extraction-bank/README.md). Repeatable."
        ),
    ] = None,
    failures: Annotated[
        bool,
        typer.Option(
            "--failures",
            help="With --bank: print the cases that fail; with --gold: the gold items missed "
            "and the findings the gold does not hold.",
        ),
    ] = False,
    model: ModelOpt = None,
    dictionary: DictOpt = None,
    json_out: Annotated[bool, typer.Option("--json", help="Print JSON instead of tables.")] = False,
) -> None:
    """Precision, recall and F1 per category: extraction output against gold records,
    extraction of demands and rejections on PLOVER sentences, statements against PolNeAR's
    attributions, and a test bank per family of phrasing."""
    # scoring pulls in the extraction package, and spaCy with it
    from actorgraph.ingest.evaluate import PRF, score_gold, score_plover, score_polnear
    from actorgraph.ingest.inputs import holds_articles
    from actorgraph.ingest.service import extract as extract_records
    from actorgraph.ingest.service import make_extractor

    if not gold and plover is None and polnear is None and not bank:
        raise InputError(
            "give --gold FILE (with predicted records or articles), --plover FILE, "
            "--polnear DIR or --bank PATH"
        )
    if gold and not predicted:
        raise InputError("--gold needs the predicted records (or the articles) to score")
    extractor = None

    def get_extractor() -> Any:
        nonlocal extractor
        if extractor is None:
            extractor = make_extractor(settings_of(ctx), model=model, dictionary=dictionary)
        return extractor

    result: dict[str, dict[str, PRF]] = {}
    gold_fails: list[dict[str, Any]] | None = [] if failures and gold else None
    if gold:
        pred: list[dict[str, Any]] = []
        for path in predicted or []:
            if not path.is_file():
                raise InputError("no such file", file=str(path))
            if holds_articles(path):
                pred.extend(extract_records(get_extractor(), [path]))
            else:
                pred.extend(_read_records(path))
        gold_records = [r for path in gold for r in _read_records(path)]
        result["gold"] = score_gold(pred, gold_records, gold_fails)
    if plover is not None:
        records = _read_plover(plover)
        result["plover"] = score_plover(get_extractor(), records)
    if polnear is not None:
        if not (polnear / "text").is_dir() or not (polnear / "attributions").is_dir():
            raise InputError("not a PolNeAR split (no text/ and attributions/)", file=str(polnear))
        result["polnear"] = score_polnear(get_extractor(), polnear)
    fails: list[dict[str, Any]] = []
    if gold_fails:
        fails.extend({"family": None, **f} for f in gold_fails)
    if bank:
        from actorgraph.ingest.evaluate import bank_failures, score_bank
        from actorgraph.ingest.extract.bank import load_bank

        families = load_bank(bank)
        for name, scores in score_bank(get_extractor(), families).items():
            result[f"bank:{name}"] = scores
        if failures:
            for fam in families:
                fails.extend(
                    {"family": fam.family, **f} for f in bank_failures(get_extractor(), fam)
                )
    if json_out:
        payload: dict[str, Any] = {
            k: {c: prf.to_dict() for c, prf in v.items()} for k, v in result.items()
        }
        if failures:
            payload["failures"] = fails
        emit_json(payload)
        return
    titles = {
        "gold": "against gold records",
        "plover": "on PLOVER sentences",
        "polnear": "statements against PolNeAR attributions (speaker: precision = share right)",
    }
    for key, scores in result.items():
        table(
            titles.get(key, f"test bank, {key.split(':', 1)[-1]}"),
            ["category", "precision", "recall", "F1", "TP", "FP", "FN"],
            [
                [c, f"{s.precision:.3f}", f"{s.recall:.3f}", f"{s.f1:.3f}", s.tp, s.fp, s.fn]
                for c, s in scores.items()
            ],
        )
    for f in fails:
        if f["family"] is None:
            _err(_gold_failure(f))
        else:
            _err(f"FAIL {f['family']} #{f['case']}: {f['text']}\n     found: {f['found']}")


def _gold_failure(f: dict[str, Any]) -> str:
    """One line for a missed gold item or a false finding: category, document, the record's
    ends or speaker and text, and its evidence sentence."""
    r = f["record"]
    if r.get("kind") == "relation":
        what = f"{r.get('source')} -> {r.get('target')}"
    elif r.get("kind") == "statement":
        what = f"{r.get('speaker')}: {shorten(str(r.get('text', '')), 90)}"
    else:
        what = str(r.get("name") or r.get("id"))
    ev = r.get("evidence")
    sentence = ev.get("sentence") if isinstance(ev, dict) else ev
    line = f"{f['error'].upper():6} {f['category']:10} [{f['document'] or '-'}] {what}"
    return line + (f"\n       {shorten(str(sentence), 160)}" if sentence else "")


def _read_plover(path: Path) -> list[dict[str, Any]]:
    from actorgraph.ingest.inputs import json_lines

    out = []
    for n, rec in json_lines(path, str(path)):
        if isinstance(rec, InputError):
            raise rec
        if not isinstance(rec, dict) or not isinstance(rec.get("text"), str) or "event" not in rec:
            raise InputError("a PLOVER record needs 'text' and 'event'", file=str(path), line=n)
        out.append(rec)
    if not out:
        raise InputError("no records", file=str(path))
    return out


def register(app: typer.Typer) -> None:
    """Add ``extract`` and ``eval`` to the actorgraph command line."""
    app.command("extract")(extract)
    app.command("eval")(evaluate)
