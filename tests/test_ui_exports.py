"""Exports of the view, downloaded from the page as a researcher would and read back: GEXF
and GraphML with networkx's readers (the formats Gephi and Gephi Lite open), the CSV of
relations with one row per evidence sentence, and SVG/PNG pictures with legend and caption.
"""

from __future__ import annotations

import csv
import io
import json
import math
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import networkx as nx
import pytest

from tests.helpers import ROOT
from tests.ui_harness import no_js_errors, open_page, positions, visible, wait_idle

pytestmark = [pytest.mark.browser, pytest.mark.timeout(300)]

DOC_TITLE = "Israel-Hamas War Ceasefire Talks: Live Updates"
VIEW = "#seeds=hamas,israel,united-states&path=united-states,hamas&metric=degree"


def export(page: Any, fmt: str) -> Path:
    page.click("#export-btn")
    with page.expect_download() as info:
        page.click(f"#export-menu button[data-format={fmt}]")
    d = info.value
    path = Path(d.path())
    assert d.suggested_filename.endswith({"csv": "-relations.csv"}.get(fmt, f".{fmt}")), (
        d.suggested_filename
    )
    return path


@pytest.fixture
def view(page: Any, server: str) -> Any:
    open_page(page, f"{server}/{VIEW}")
    page.uncheck("#rel-filter input[value=threatens]")  # exports follow the filters
    wait_idle(page)
    return page


def edges_in_view(page: Any) -> list[dict[str, Any]]:
    return page.evaluate(  # type: ignore[no-any-return]
        "cy.edges().not('.hidden').map(e => ({id: e.id(), type: e.data('type'),"
        " source: e.data('source'), target: e.data('target'),"
        " evidence: e.data('evidence').map(v => v.sentence),"
        " total: Math.max(e.data('evidence_total'), e.data('evidence').length)}))"
    )


def check_graph(g: Any, page: Any, *, x: str, y: str) -> None:
    nodes = visible(page)
    edges = edges_in_view(page)
    assert set(g.nodes) == nodes
    assert g.number_of_edges() == len(edges)
    assert g.is_directed() and g.is_multigraph()  # the US demands and supports the proposal
    pos = positions(page)
    for n, data in g.nodes(data=True):
        assert data["kind"] in ("Actor", "Topic")
        px, py = pos[n]
        gx, gy = data[x], data[y]
        assert math.isclose(gx, px, abs_tol=0.02) and math.isclose(gy, -py, abs_tol=0.02)
    assert g.nodes["qatar"]["intermediary"] is True
    assert g.nodes["hamas"]["seed"] is True
    assert g.nodes["hamas"]["score"] > 0  # sized by degree
    types = {d["type"] for _, _, d in g.edges(data=True)}
    assert types == {e["type"] for e in edges} and "threatens" not in types
    med = [d for u, v, d in g.edges(data=True) if (u, v) == ("qatar", "hamas")]
    assert med and med[0]["type"] == "mediates" and med[0]["evidence_count"] == 1
    assert "communicate through intermediary officials" in med[0]["evidence"]


def test_gexf_opens_in_networkx_with_positions_colours_and_evidence(view: Any) -> None:
    path = export(view, "gexf")
    root = ET.parse(path).getroot()
    assert root.tag == "{http://gexf.net/1.3}gexf" and root.get("version") == "1.3"
    g = nx.read_gexf(path)

    # networkx keeps viz under data["viz"]: compare through it
    for _, data in g.nodes(data=True):
        data["vx"], data["vy"] = data["viz"]["position"]["x"], data["viz"]["position"]["y"]
    check_graph(g, view, x="vx", y="vy")
    assert g.nodes["hamas"]["label"] == "Hamas"
    assert g.nodes["qatar"]["viz"]["color"] == {"r": 0x56, "g": 0xB4, "b": 0xE9, "a": 1.0}
    assert "Sources (1): " + DOC_TITLE in root.find("{http://gexf.net/1.3}meta").findtext(
        "{http://gexf.net/1.3}description"
    )
    no_js_errors(view)


# Gephi Lite reads GEXF with graphology-gexf: the same parser, from npm (a devDependency)
GRAPHOLOGY = """
const fs = require('fs');
const Graph = require(process.argv[1] + '/graphology');
const gexf = require(process.argv[1] + '/graphology-gexf');
const g = gexf.parse(Graph, fs.readFileSync(process.argv[2], 'utf8'));
console.log(JSON.stringify({order: g.order, size: g.size, multi: g.multi, type: g.type,
  hamas: g.getNodeAttributes('hamas'), qatar: g.getNodeAttributes('qatar')}));
"""


def test_gexf_opens_with_gephi_lites_parser(view: Any) -> None:
    path = export(view, "gexf")
    node = shutil.which("node")
    assert node, "Node.js is needed (make ui)"
    run = subprocess.run(
        [node, "--input-type=commonjs", "-e", GRAPHOLOGY, str(ROOT / "node_modules"), str(path)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    got = json.loads(run.stdout)
    assert got["order"] == len(visible(view)) and got["size"] == len(edges_in_view(view))
    assert got["type"] == "directed" and got["multi"] is True
    hamas = got["hamas"]
    assert hamas["label"] == "Hamas" and hamas["seed"] is True and hamas["shape"] == "square"
    assert got["qatar"]["intermediary"] is True
    assert got["qatar"]["color"] == "rgba(86,180,233,1.0)"
    x, y = positions(view)["hamas"]
    assert math.isclose(hamas["x"], x, abs_tol=0.02) and math.isclose(hamas["y"], -y, abs_tol=0.02)


def test_graphml_opens_in_networkx(view: Any) -> None:
    path = export(view, "graphml")
    g = nx.read_graphml(path)
    check_graph(g, view, x="x", y="y")
    assert g.nodes["hamas"]["label"] == "Hamas"
    assert (g.nodes["qatar"]["r"], g.nodes["qatar"]["g"], g.nodes["qatar"]["b"]) == (86, 180, 233)


def test_csv_has_a_row_per_evidence_sentence_with_its_document(view: Any) -> None:
    path = export(view, "csv")
    text = path.read_text(encoding="utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    edges = edges_in_view(view)
    # every piece of evidence, also of path relations the view holds only the first few of
    assert len(rows) == sum(max(1, e["total"]) for e in edges)
    assert {r["relation_id"] for r in rows} == {e["id"] for e in edges}
    sentences = {s for e in edges for s in e["evidence"]}
    assert sentences <= {r["evidence_sentence"] for r in rows}
    row = next(r for r in rows if r["relation_id"] == "mediates|qatar|hamas")
    assert row["source_name"] == "Qatar" and row["target_name"] == "Hamas"
    assert row["document_title"] == DOC_TITLE and row["evidence_date"] == "2024-05-01"
    assert row["document_published"] == "2024-05-01"


def test_svg_has_the_view_a_legend_and_a_source_caption(view: Any) -> None:
    path = export(view, "svg")
    ns = {"s": "http://www.w3.org/2000/svg"}
    root = ET.parse(path).getroot()
    nodes = root.findall("s:g[@class='nodes']/s:g", ns)
    lines = root.findall("s:g[@class='edges']/s:line", ns)
    assert len(nodes) == len(visible(view)) and len(lines) == len(edges_in_view(view))
    mediates = [ln for ln in lines if "mediates" in ln.get("class", "")]
    assert mediates and all(ln.get("stroke-dasharray") == "10 5" for ln in mediates)
    legend = [t.text for t in root.findall("s:g[@class='legend']/s:text", ns)]
    assert "Legend" in legend and "intermediary" in legend and "node size: degree" in legend
    for t in {e["type"] for e in edges_in_view(view)}:
        assert any(x and x.startswith(f"{t} (") for x in legend), t
    caption = " ".join(t.text or "" for t in root.findall("s:g[@class='caption']/s:text", ns))
    assert DOC_TITLE in caption and "Exported" in caption and "paths united-states" in caption


def test_png_has_the_view_with_legend_and_caption(view: Any) -> None:
    from PIL import Image

    path = export(view, "png")
    img = Image.open(path)
    assert img.format == "PNG"
    plain = view.evaluate(
        "new Promise(r => { const i = new Image(); i.onload = () => r([i.width, i.height]);"
        " i.src = cy.png({full: true, scale: 2}); })"
    )
    assert img.width > plain[0] and img.height > plain[1]  # room for the legend and the caption
    legend = img.convert("RGB").crop((plain[0], 0, img.width, min(img.height, 400)))
    assert legend.getextrema() != ((255, 255), (255, 255), (255, 255)), "the legend is blank"
    caption = img.convert("RGB").crop((0, max(plain[1], img.height - 60), img.width, img.height))
    assert caption.getextrema() != ((255, 255), (255, 255), (255, 255)), "the caption is blank"
