"""The reports folder: one dated sub-folder per report, an index page and the scheduler state.

```
OUT/
  index.html                 every report, newest first
  state.json                 {"last_run": ISO datetime, "last_report": id}
  2024-05-01T0700/           one report (id = UTC time it was made, -2, -3... on clashes)
    report.html report.md report.json meta.json network.png statements.png
```

``report.json`` is always written: the next report reads it to compute its diffs.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import re
import shutil
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from actorgraph.graph.errors import ActorgraphError, InputError, NotFoundError
from actorgraph.reports.render import render_html, render_index, render_json, render_markdown

REPORT_ID = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{4}(?:-\d{1,4})?$")
STATE_FILE = "state.json"
INDEX_FILE = "index.html"
FILES = {
    "html": "report.html",
    "md": "report.md",
    "json": "report.json",
    "network.png": "network.png",
    "statements.png": "statements.png",
}


class ReportBusyError(ActorgraphError):
    """Another report is being written into the same folder."""

    code = "busy"


def is_report_id(value: str) -> bool:
    """Whether ``value`` has the shape of a report id (nothing else is ever a path)."""
    return bool(REPORT_ID.fullmatch(value or ""))


def report_dir(out: str | Path, report_id: str) -> Path:
    """The folder of a report; :class:`NotFoundError` unless the id is valid and exists."""
    if not is_report_id(report_id):
        raise NotFoundError("report", report_id)
    root = Path(out).resolve()
    path = (root / report_id).resolve()
    if path.parent != root or not (path / "meta.json").is_file():
        raise NotFoundError("report", report_id)
    return path


def new_report_id(out: Path, when: datetime) -> str:
    base = when.astimezone(UTC).strftime("%Y-%m-%dT%H%M")
    rid, n = base, 1
    while (out / rid).exists():
        n += 1
        rid = f"{base}-{n}"
    return rid


def _read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def list_reports(out: str | Path) -> list[dict[str, Any]]:
    """Metadata of every report in ``out``, oldest first (by creation time, then id)."""
    root = Path(out)
    if not root.is_dir():
        return []
    found = []
    for child in root.iterdir():
        if not is_report_id(child.name) or not child.is_dir():
            continue
        meta = _read_json(child / "meta.json")
        if isinstance(meta, dict) and meta.get("id") == child.name:
            found.append(meta)
    found.sort(key=lambda m: (str(m.get("created", "")), m["id"]))
    return found


def latest_report(out: str | Path) -> dict[str, Any] | None:
    """The full data of the newest report whose JSON can be read, or None."""
    for meta in reversed(list_reports(out)):
        data = _read_json(Path(out) / meta["id"] / FILES["json"])
        if isinstance(data, dict):
            return data
    return None


def read_state(out: str | Path) -> dict[str, Any]:
    data = _read_json(Path(out) / STATE_FILE)
    return data if isinstance(data, dict) else {}


def _write_text(path: Path, text: str) -> None:
    tmp = path.with_name(path.name + ".part")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def write_state(out: str | Path, **values: Any) -> None:
    state = read_state(out) | values
    _write_text(Path(out) / STATE_FILE, json.dumps(state, indent=1) + "\n")


@contextlib.contextmanager
def locked(out: Path) -> Iterator[None]:
    """One report at a time per folder, across processes."""
    out.mkdir(parents=True, exist_ok=True)
    with (out / ".lock").open("a") as fh:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise ReportBusyError(f"another report is being written in {out}") from None
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def check_formats(formats: str | list[str] | None) -> list[str]:
    # lazy: rendering imports jinja2, which the API's /reports routes (reading the archive)
    # and a server's start do not need
    from actorgraph.reports.render import FORMATS

    if formats is None:
        return list(FORMATS)
    items = formats.split(",") if isinstance(formats, str) else formats
    out: list[str] = []
    for f in (x.strip().lower() for x in items):
        if f == "markdown":
            f = "md"
        if f not in FORMATS:
            raise InputError(f"unknown format '{f}' (known: {', '.join(FORMATS)})", field="format")
        if f not in out:
            out.append(f)
    if not out:
        raise InputError("give at least one format", field="format")
    return out


def write_report(
    out: Path,
    data: dict[str, Any],
    images: dict[str, bytes | None],
    formats: list[str],
) -> Path:
    """Write a report into ``out/<data['id']>`` (atomically: built aside, then renamed)."""
    rid = data["id"]
    final = out / rid
    tmp = out / f".{rid}.part"
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    try:
        written = ["json"]
        _write_text(tmp / FILES["json"], render_json(data))
        if "html" in formats:
            _write_text(tmp / FILES["html"], render_html(data, images))
            written.append("html")
        if "md" in formats:
            _write_text(tmp / FILES["md"], render_markdown(data, images))
            written.append("md")
            for name, png in images.items():
                if png:
                    (tmp / f"{name}.png").write_bytes(png)
        meta = {
            "id": rid,
            "created": data["created"],
            "window": data["window"],
            "formats": [f for f in ("html", "md", "json") if f in written],
            "empty": data["empty"],
            "new_relations": data["relations"]["new_count"],
            "ended_relations": data["relations"]["ended_count"],
            "statements": data["summary"]["window"]["statements"],
        }
        _write_text(tmp / "meta.json", json.dumps(meta, indent=1) + "\n")
        os.replace(tmp, final)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    write_index(out)
    return final


def write_index(out: Path) -> None:
    _write_text(out / INDEX_FILE, render_index(list_reports(out)))
