"""Turning report data into HTML (self-contained), Markdown and JSON."""

from __future__ import annotations

import base64
import json
from pathlib import Path
from typing import Any

from actorgraph.wording import counted
from jinja2 import Environment, FileSystemLoader, select_autoescape

TEMPLATES = Path(__file__).parent / "templates"
FORMATS = ("html", "md", "json")


def _change(row: dict[str, Any]) -> str:
    status = row.get("status")
    if status == "new":
        return "new"
    if status == "up":
        return f"▲ {row['change']}"
    if status == "down":
        return f"▼ {-row['change']}"
    if status == "same":
        return "="
    return "—"


def _relation_line(r: dict[str, Any]) -> str:
    return f"{r['source']['name']} —{r['type']}→ {r['target']['name']}"


def _env(autoescape: bool) -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(["html", "j2"]) if autoescape else False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["change"] = _change
    env.filters["relation"] = _relation_line
    env.filters["counted"] = counted
    env.filters["pct"] = lambda x: f"{x:.0%}"
    env.filters["mdcell"] = lambda s: str(s or "").replace("|", "\\|").replace("\n", " ")
    return env


def data_uri(png: bytes | None) -> str | None:
    return "data:image/png;base64," + base64.b64encode(png).decode("ascii") if png else None


def render_html(data: dict[str, Any], images: dict[str, bytes | None]) -> str:
    """One self-contained page: styles inline, pictures as ``data:`` URIs."""
    return (
        _env(True)
        .get_template("report.html.j2")
        .render(d=data, images={k: data_uri(v) for k, v in images.items()})
    )


def render_markdown(data: dict[str, Any], images: dict[str, bytes | None]) -> str:
    """Markdown that links the pictures written next to it (``network.png``...)."""
    names = {k: f"{k}.png" for k, v in images.items() if v}
    return _env(False).get_template("report.md.j2").render(d=data, images=names)


def render_json(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=False) + "\n"


def render_index(reports: list[dict[str, Any]]) -> str:
    """The page listing every report in a folder, newest first."""
    return _env(True).get_template("index.html.j2").render(reports=list(reversed(reports)))
