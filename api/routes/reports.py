"""``/reports``: the reports made by ``actorgraph report`` / ``schedule``, listed and served.

Reports are read from the reports folder (``ACTORGRAPH_REPORTS_DIR``). A report id must have
the exact shape of one (``2024-05-01T0700``, ``2024-05-01T0700-2``) and name a folder right
under the reports folder; anything else is a 404, so no id can reach another path.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

from actorgraph.api.deps import SettingsDep
from actorgraph.graph.errors import NotFoundError
from actorgraph.reports.archive import list_reports, report_dir
from fastapi import APIRouter, Depends
from fastapi.responses import FileResponse

router = APIRouter(tags=["reports"])

#: Files of a report that may be fetched, with their media types.
FILES = {
    "report.html": "text/html; charset=utf-8",
    "report.md": "text/markdown; charset=utf-8",
    "report.json": "application/json",
    "network.png": "image/png",
    "statements.png": "image/png",
}


def reports_root(settings: SettingsDep) -> Path:
    """The app's reports folder (``ACTORGRAPH_REPORTS_DIR``)."""
    return Path(settings.reports_dir)


ReportsRoot = Annotated[Path, Depends(reports_root)]


def _links(rid: str, formats: list[str]) -> dict[str, str]:
    links = {"self": f"/reports/{rid}"}
    names = {"html": "report.html", "md": "report.md", "json": "report.json"}
    for f in formats:
        if f in names:
            links[f] = f"/reports/{rid}/{names[f]}"
    return links


@router.get("/reports")
def list_all(root: ReportsRoot) -> dict[str, Any]:
    """Every report, newest first: id, when it was made, its window and links."""
    items = [
        {
            "id": m["id"],
            "created": m.get("created"),
            "window": m.get("window"),
            "empty": m.get("empty"),
            "formats": m.get("formats", []),
            "links": _links(m["id"], m.get("formats", [])),
        }
        for m in reversed(list_reports(root))
    ]
    return {"data": items, "count": len(items)}


def _file(root: Path, report_id: str, name: str) -> FileResponse:
    path = report_dir(root, report_id) / name
    if name not in FILES or not path.is_file():
        raise NotFoundError("report file", f"{report_id}/{name}")
    return FileResponse(path, media_type=FILES[name])


@router.get("/reports/{report_id}", response_class=FileResponse)
def get_report(root: ReportsRoot, report_id: str) -> FileResponse:
    """The report as one self-contained HTML page; 404 ``not_found`` for unknown ids."""
    return _file(root, report_id, "report.html")


@router.get("/reports/{report_id}/{name}", response_class=FileResponse)
def get_report_file(root: ReportsRoot, report_id: str, name: str) -> FileResponse:
    """One file of a report: report.html, report.md, report.json or its pictures."""
    if name not in FILES:
        raise NotFoundError("report file", f"{report_id}/{name}")
    return _file(root, report_id, name)
