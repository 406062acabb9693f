"""Layouts that stay readable and a page that keeps answering, on the example and on the
20,000-relation synthetic graph (a view of about 1,600 nodes and 6,200 relations).

The long-task observer (installed before the page's scripts) records every main-thread task
over 50 ms; Chrome's trace gives each task's CPU time too. Issue 14 asks that no interaction on
the big view produce a task over 200 ms (TARGET_MS). On an idle machine the observer's figure
is asserted against it. This machine is shared (2 cores, load averages of 5-17 while the team
works), and there a task's wall time is its CPU time plus the time other processes held the
core (3-9x at those loads: docs/performance.md#explorer); the page's own part, the task's CPU
time, is asserted against the target, and the observer's figure is recorded.
Figures go to ``artifacts/ui/figures.json`` for the report (docs/performance.md#explorer).
"""

from __future__ import annotations

import itertools
import json
import math
import os
import time
from typing import Any

import httpx
import pytest

from tests.ui_harness import (
    ARTIFACTS,
    TaskTracer,
    big_view_interactions,
    distinct_ratio,
    longest_task_and_cpu,
    no_js_errors,
    open_page,
    positions,
    wait_idle,
)

pytestmark = [pytest.mark.browser, pytest.mark.timeout(600)]

#: What issue 14 asks: no interaction blocks the page for longer.
TARGET_MS = 200
#: Under this 1-minute load average (per core) the machine counts as idle: the observer's
#: wall-clock figure itself is asserted.
IDLE_LOAD_PER_CORE = 0.75


def machine_idle() -> bool:
    return os.getloadavg()[0] < IDLE_LOAD_PER_CORE * (os.cpu_count() or 1)


def record(**figures: Any) -> None:
    """Keep measured figures (merged into artifacts/ui/figures.json)."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / "figures.json"
    old = json.loads(path.read_text()) if path.exists() else {}
    old.update(figures)
    path.write_text(json.dumps(old, indent=2, sort_keys=True))


@pytest.fixture(scope="module")
def big_view(big_server: str) -> str:
    """A link to about 1,500 nodes: the 8 best-connected actors, 600 neighbours each."""
    top = httpx.get(
        f"{big_server}/influence", params={"metric": "degree", "top": 8}, timeout=120
    ).json()
    seeds = ",".join(r["actor"]["id"] for r in top["data"])
    return f"{big_server}/#seeds={seeds}&limit=600"


def overlaps(pg: Any) -> list[tuple[str, str]]:
    """Pairs of visible nodes whose shapes overlap (model coordinates, sizes as drawn)."""
    nodes = pg.evaluate(
        "cy.nodes().not('.hidden').map(n => [n.id(), n.position('x'), n.position('y'),"
        " n.data('size')])"
    )
    bad = []
    for (a, ax, ay, ar), (b, bx, by, br) in itertools.combinations(nodes, 2):
        if math.hypot(ax - bx, ay - by) < 0.9 * (ar + br) / 2:
            bad.append((a, b))
    return bad


def test_nodes_revealed_by_a_filter_are_spread_not_stacked(page: Any, server: str) -> None:
    open_page(page, f"{server}/#seeds=hamas,israel&types=state")
    shown = positions(page)
    assert set(shown) <= {"israel", "qatar", "egypt", "united-states"}
    for kind in ("person", "organization", "topic"):
        page.check(f"#type-filter input[value={kind}]")
    wait_idle(page)
    pos = positions(page)
    assert len(pos) >= 12
    assert distinct_ratio(pos) == 1.0
    assert overlaps(page) == []
    no_js_errors(page)


def test_nodes_revealed_on_the_big_graph_are_spread(page: Any, big_server: str) -> None:
    open_page(page, f"{big_server}/#seeds=actor-1719&limit=400&types=state", timeout=60000)
    before = len(positions(page))
    for kind in ("person", "organization", "topic"):
        page.check(f"#type-filter input[value={kind}]")
    wait_idle(page, timeout=60000)
    pos = positions(page)
    assert len(pos) > 2 * before
    assert distinct_ratio(pos) >= 0.95


def test_size_by_lays_the_view_out_again_so_nodes_do_not_overlap(page: Any, server: str) -> None:
    open_page(page, f"{server}/#seeds=hamas,israel")
    before = positions(page)
    page.select_option("#metric", "pagerank")
    wait_idle(page)
    sizes = page.evaluate("cy.nodes().map(n => n.data('size'))")
    assert max(sizes) > 60  # the most central nodes grew
    after = positions(page)
    moved = [k for k in before if math.dist(before[k], after[k]) > 1]
    assert moved, "the layout did not run again"
    assert overlaps(page) == []
    assert "metric=pagerank" in page.url and "pos=" in page.url


@pytest.mark.timeout(1200)  # two rounds take over 10 minutes at a load average of 10
def test_no_interaction_on_the_big_view_blocks_the_page_over_200_ms(
    page: Any, big_server: str, big_view: str
) -> None:
    """Every interaction issue 14 names, on the biggest view of the 20,000-relation graph
    (about 1,600 nodes, 6,200 relations): no main-thread task over TARGET_MS while it runs and
    its result is drawn. Layouts run in a worker; big views are drawn by the page a kind at a
    time (biglayer.js) and Cytoscape draws only what it shows; changes to many elements are
    applied a slice per frame (chunks.js). Each interaction runs twice. On an idle machine the
    lesser observer wall time is asserted (another process slows a round only sometimes); on a
    loaded one the greater CPU time of the heaviest task (the observer's figure there adds
    other processes' time, the CPU time does not). The code before issue 14e fails either
    (path find 277 ms observed idle; 282-287 ms CPU under load, reset 229, Back 214: figures in
    docs/performance.md#explorer)."""
    t0 = time.monotonic()
    open_page(page, big_view, timeout=120000)
    first_view_s = time.monotonic() - t0
    opening = max((d for _, d in page.evaluate("window.__longTasks")), default=0)
    n = page.evaluate("cy.nodes().not('.hidden').length")
    m = page.evaluate("cy.edges().not('.hidden').length")
    assert n >= 1500, n
    top = httpx.get(
        f"{big_server}/influence", params={"metric": "degree", "top": 9}, timeout=120
    ).json()
    seeds = [r["actor"]["id"] for r in top["data"]]
    steps = big_view_interactions(page, seeds)
    tracer = TaskTracer(page)
    runs: dict[str, list[float]] = {name: [] for name, _ in steps}
    cpus: dict[str, list[float]] = {name: [] for name, _ in steps}
    checks: dict[str, Any] = {}
    idle = machine_idle()
    loads = [os.getloadavg()[0]]
    for _ in range(2):
        for name, action in steps:
            ms, cpu = longest_task_and_cpu(page, tracer, action)
            runs[name].append(ms)
            cpus[name].append(cpu)
            if name == "relayout":
                checks["distinct"] = distinct_ratio(positions(page))
            elif name == "filter: hide a relation type":
                checks["supports"] = page.evaluate(
                    "cy.edges('[type = \"supports\"]').not('.hidden').length"
                )
            elif name == "path find":
                checks["on_path"] = page.evaluate("cy.elements('.on-path').length")
        loads.append(os.getloadavg()[0])
    idle = idle and machine_idle()
    worst = {name: round(min(ms)) for name, ms in runs.items()}
    # CPU time leaves out the other processes' time already: every round counts
    worst_cpu = {name: round(max(ms)) for name, ms in cpus.items()}
    record(
        big_view_nodes=n,
        big_view_relations=m,
        time_to_first_view_s=round(first_view_s, 2),
        longest_task_opening_ms=round(opening),
        longest_task_per_interaction_ms=worst,
        longest_task_cpu_per_interaction_ms=worst_cpu,
        load_average_during=[round(min(loads), 1), round(max(loads), 1)],
        machine_idle=idle,
        over_the_200_ms_target={name: ms for name, ms in worst.items() if ms > TARGET_MS},
        distinct_positions_after_relayout=round(checks["distinct"], 4),
        layout_worker_ms=round(page.evaluate("actorgraph.lastLayoutMs")),
    )
    assert checks["distinct"] >= 0.95, f"{checks['distinct']:.3f} of nodes at distinct positions"
    assert checks["supports"] == 0
    assert checks["on_path"] > 0
    figures = worst if idle else worst_cpu
    blocked = {name: ms for name, ms in figures.items() if ms > TARGET_MS}
    what = "wall time (idle machine)" if idle else f"CPU time (load average {max(loads):.1f})"
    assert not blocked, f"interactions blocking the page over {TARGET_MS} ms, {what}: {blocked}"
    no_js_errors(page)


def test_slow_requests_show_progress_and_can_be_cancelled(page: Any, big_server: str) -> None:
    """Any request slower than 0.4 s says what it is doing and for how long, and can be
    cancelled. Influence requests are held 2.5 s in the page here, so the test does not depend
    on how fast the server computes them (betweenness on a big graph is the usual slow one)."""
    open_page(page, f"{big_server}/#seeds=actor-1719", timeout=60000)
    page.evaluate(
        """() => { const f = window.fetch;
             window.fetch = (u, o) => String(u).includes('/influence?')
               ? new Promise(r => setTimeout(r, 2500)).then(() => f(u, o)) : f(u, o); }"""
    )
    page.select_option("#metric", "betweenness")
    progress = page.locator("#progress")
    progress.wait_for(state="visible", timeout=5000)
    text = page.locator("#progress-text")
    assert text.inner_text().startswith("Computing betweenness centrality on the whole graph…")
    page.wait_for_function(
        "document.querySelector('#progress-text').textContent.endsWith('1 s')", timeout=5000
    )
    wait_idle(page, timeout=120000)
    assert progress.is_hidden()
    assert len(set(page.evaluate("cy.nodes().map(n => Math.round(n.data('size')))"))) > 2
    # another date window means another computation: cancel it
    page.evaluate("location.hash = location.hash + '&since=2023-03-01'")
    progress.wait_for(state="visible", timeout=5000)
    page.click("#progress-cancel")
    wait_idle(page)
    assert progress.is_hidden()
    assert page.locator("#toast", has_text="Cancelled").is_visible()
    assert page.input_value("#metric") == ""
    assert "metric=" not in page.url


ARROWHEADS = """async () => {
  const { drawBigView } = await import('./biglayer.js');
  const node = (id, x, y) => ({ group: 'nodes', data: { id, name: id, size: 30,
    shape: 'ellipse', color: '#56B4E9' }, position: { x, y } });
  const edge = (id, source, target, symmetric) => ({ group: 'edges', classes: 'many',
    data: { id, source, target, type: 'supports', color: '#000000', symmetric } });
  const cy = cytoscape({ headless: true, layout: { name: 'preset' }, elements: [
    node('a', 0, 0), node('b', 200, 0), node('c', 0, 100), node('d', 200, 100),
    edge('ab', 'a', 'b', false), edge('cd', 'c', 'd', true)] });
  const canvas = document.createElement('canvas');
  canvas.width = 600; canvas.height = 400;
  const g = canvas.getContext('2d');
  drawBigView(cy, g, 2, { x: 50, y: 50 });
  // darkness beside each line (1.8 units off its axis; the line is 1.6 wide), 5 units before
  // its target's outline (x = 200 - 15 - 5) and as far from its source: only an arrowhead
  // is that wide there
  const ink = (x, y) => { const d = g.getImageData(50 + 2 * x, 50 + 2 * y, 1, 1).data;
                          return d[3] > 0 && d[0] + d[1] + d[2] < 200; };
  return { directed: [ink(180, 1.8), ink(180, -1.8), ink(20, 1.8)],
           symmetric: [ink(180, 101.8), ink(180, 98.2)] };
}"""


def test_big_views_drawn_by_the_page_show_the_direction_of_relations(
    page: Any, server: str
) -> None:
    """The page-drawn big view (biglayer.js) ends each directed relation in an arrowhead at
    its target's outline, and none on symmetric relations (as Cytoscape draws them)."""
    open_page(page, f"{server}/")
    got = page.evaluate(ARROWHEADS)
    assert got["directed"] == [True, True, False], got
    assert got["symmetric"] == [False, False], got
    no_js_errors(page)


SLOW_FRAMES = """async () => {
  const { inChunks } = await import('./chunks.js');
  // every frame spends 150 ms in a callback before the page's (as Cytoscape's restyle and
  // drawing of a big view do on a loaded machine)
  let on = true;
  const slow = () => { const t = performance.now(); while (performance.now() - t < 150) {}
                       if (on) requestAnimationFrame(slow); };
  requestAnimationFrame(slow);
  const slices = [];
  const items = Array.from({ length: 2000 }, (_, i) => i);
  const done = await inChunks('test-slow', items, 200, (s) => slices.push(s.length));
  on = false;
  return { done, slices, total: slices.reduce((a, b) => a + b, 0) };
}"""


def test_slices_of_big_changes_shrink_when_frames_are_slow(page: Any, server: str) -> None:
    """chunks.js times each slice's frame: when frames take long (a loaded machine), the next
    slices are smaller (down to half the size asked), so no frame restyles as many
    elements as an idle machine could; every item is still handled once."""
    open_page(page, f"{server}/")
    got = page.evaluate(SLOW_FRAMES)
    assert got["done"] is True
    assert got["total"] == 2000
    assert got["slices"][0] == 200
    assert min(got["slices"][1:-1]) == 100, got["slices"]
