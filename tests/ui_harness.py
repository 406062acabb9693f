"""What the browser tests share (a pytest plugin, registered in ``tests/conftest.py``).

One session holds: the page's vendored scripts (built with npm when missing), two real API
servers under uvicorn on free 127.0.0.1 ports (the ceasefire example, and a 20,000-relation
synthetic graph built once per session), and one headless Debian chromium driven by
Playwright (``/usr/bin/chromium``; never ``playwright install``). Each test gets a fresh
page whose JS errors fail it, with a long-task observer installed before the page's own
scripts, and leaves a screenshot in ``artifacts/ui/``.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.helpers import EXAMPLE, ROOT, free_port

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
VENDOR = ROOT / "api" / "static" / "vendor"
ARTIFACTS = ROOT / "artifacts" / "ui"
VIEWPORT = {"width": 1366, "height": 768}  # a laptop screen
BIG_RELATIONS = 20_000
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"

# Installed before the page's scripts: every task over 50 ms, as [start, duration] in ms.
LONG_TASKS = """
window.__longTasks = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) window.__longTasks.push([e.startTime, e.duration]);
}).observe({ type: "longtask", buffered: true });
"""


@pytest.fixture(scope="session")
def vendor() -> Path:
    """api/static/vendor/ built from node_modules (``npm ci`` first when it is missing)."""
    if not (VENDOR / "cytoscape.min.js").exists() or not AXE.exists():
        npm = shutil.which("npm")
        if npm is None:
            pytest.fail("npm is needed to build the page's scripts (make ui)")
        subprocess.run([npm, "ci", "--no-audit", "--no-fund"], cwd=ROOT, check=True)
        subprocess.run([npm, "run", "build"], cwd=ROOT, check=True)
    manifest = json.loads((VENDOR / "manifest.json").read_text(encoding="utf-8"))
    for name in manifest:
        assert (VENDOR / name).exists(), f"{name} missing from {VENDOR}"
    return VENDOR


class Served:
    """An API app served by uvicorn in a thread."""

    def __init__(self, app: Any) -> None:
        import uvicorn

        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)
        self.thread.start()
        deadline = time.monotonic() + 30
        while True:
            try:
                if httpx.get(f"{self.url}/schema", timeout=2).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                pytest.fail("the API did not start within 30 s")
            time.sleep(0.1)

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


def serve_store(store: Any) -> Served:
    from actorgraph.api.app import create_app

    return Served(create_app(store=store))


@pytest.fixture(scope="session")
def server(vendor: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The real API app over the ceasefire example; yields its base URL."""
    from actorgraph.graph.embedded import EmbeddedStore
    from actorgraph.ingest.loader import Loader

    store = EmbeddedStore(tmp_path_factory.mktemp("ui-example") / "store")
    Loader(store).load_file(EXAMPLE)
    served = serve_store(store)
    try:
        yield served.url
    finally:
        served.stop()
        store.close()


@pytest.fixture(scope="session")
def big_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """A 20,000-relation synthetic graph (2,000 actors, 100 topics), built once a session."""
    from actorgraph.graph.embedded import EmbeddedStore
    from actorgraph.ingest.loader import Loader
    from actorgraph.ingest.synthetic import synthetic_records

    store = EmbeddedStore(tmp_path_factory.mktemp("ui-20k") / "store")
    Loader(store).load_records(list(synthetic_records(relations=BIG_RELATIONS)), "synthetic")
    try:
        yield store
    finally:
        store.close()


@pytest.fixture(scope="session")
def big_server(vendor: Path, big_store: Any) -> Iterator[str]:
    served = serve_store(big_store)
    try:
        yield served.url
    finally:
        served.stop()


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: apt-get install -y chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield b
        finally:
            b.close()


@pytest.fixture
def new_page(browser: Any, request: pytest.FixtureRequest) -> Iterator[Callable[[], Any]]:
    """Make pages (each in its own context, like another person); JS errors fail the test
    and each page leaves a screenshot."""
    made: list[Any] = []

    def make() -> Any:
        context = browser.new_context(viewport=VIEWPORT, accept_downloads=True)
        context.add_init_script(LONG_TASKS)
        pg = context.new_page()
        errors: list[str] = []
        pg.on("pageerror", lambda e: errors.append(f"pageerror: {e}"))
        pg.on(
            "console",
            lambda m: errors.append(f"console.error: {m.text}") if m.type == "error" else None,
        )
        pg.js_errors = errors
        made.append(pg)
        return pg

    yield make
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    for i, pg in enumerate(made):
        suffix = f"-{i}" if i else ""
        try:
            pg.screenshot(path=str(ARTIFACTS / f"{request.node.name}{suffix}.png"))
        except Exception:  # a page the test closed
            pass
        finally:
            pg.context.close()


@pytest.fixture
def page(new_page: Callable[[], Any]) -> Any:
    return new_page()


# ---------------------------------------------------------------------------- helpers
def wait_idle(pg: Any, timeout: float = 30000) -> None:
    """Until no request is pending, no layout is running and no action is at work."""
    pg.wait_for_timeout(60)
    pg.wait_for_function("window.actorgraph && window.actorgraph.idle === true", timeout=timeout)


def open_page(pg: Any, url: str, timeout: float = 30000) -> None:
    pg.goto(url)
    wait_idle(pg, timeout)


def ids(pg: Any, selector: str = "node") -> set[str]:
    return set(pg.evaluate(f"cy.elements({selector!r}).map(e => e.id())"))


def visible(pg: Any, group: str = "node") -> set[str]:
    return set(pg.evaluate(f"cy.{group}s().not('.hidden').map(e => e.id())"))


def classes(pg: Any, ele_id: str) -> set[str]:
    return set(pg.evaluate("id => cy.getElementById(id).classes()", ele_id))


def no_js_errors(pg: Any) -> None:
    assert pg.js_errors == [], pg.js_errors


def click_element(pg: Any, ele_id: str, *, double: bool = False) -> None:
    """Click a node or an edge where it is drawn, as a person would."""
    box = pg.locator("#cy").bounding_box()
    pos = pg.evaluate(
        """id => { const e = cy.getElementById(id);
                   return e.isNode() ? e.renderedPosition() : e.renderedMidpoint(); }""",
        ele_id,
    )
    x, y = box["x"] + pos["x"], box["y"] + pos["y"]
    if double:
        pg.mouse.dblclick(x, y)
    else:
        pg.mouse.click(x, y)


def pick(pg: Any, selector: str, text: str, expected: str) -> None:
    """Type into an autocomplete field, wait for the suggestion, take it with Enter."""
    pg.fill(selector, text)
    listbox = pg.locator(f"{selector} + ul[role=listbox]")
    listbox.locator("li[role=option]", has_text=expected).first.wait_for()
    pg.press(selector, "Enter")


def positions(pg: Any) -> dict[str, tuple[float, float]]:
    """Model positions of the visible nodes."""
    got = pg.evaluate(
        "Object.fromEntries(cy.nodes().not('.hidden')"
        ".map(n => [n.id(), [n.position('x'), n.position('y')]]))"
    )
    return {k: (v[0], v[1]) for k, v in got.items()}


def distinct_ratio(pos: dict[str, tuple[float, float]]) -> float:
    """Share of nodes at a position (rounded to the pixel) no other node has."""
    if not pos:
        return 1.0
    seen: dict[tuple[int, int], int] = {}
    for x, y in pos.values():
        key = (round(x), round(y))
        seen[key] = seen.get(key, 0) + 1
    alone = sum(1 for x, y in pos.values() if seen[(round(x), round(y))] == 1)
    return alone / len(pos)


def longest_task(pg: Any, action: Callable[[], None], *, settle_ms: int = 400) -> float:
    """Run ``action`` (it waits for what it needs), then return the longest main-thread task
    (ms) observed from its start until the page is idle again."""
    pg.evaluate("window.__longTasks = []")
    action()
    wait_idle(pg, timeout=120000)
    pg.wait_for_timeout(settle_ms)  # the frame that draws the result
    tasks = pg.evaluate("window.__longTasks")
    return max((d for _, d in tasks), default=0.0)


class TaskTracer:
    """The main thread's tasks of a page, from Chrome's trace (CDP ``Tracing``, category
    ``toplevel``): each task's wall time and the CPU time its thread had during it. On a
    shared machine the wall time of a task includes the time other processes held the core;
    the CPU time is what the page itself spent (the same task on an idle machine)."""

    def __init__(self, pg: Any) -> None:
        self.cdp = pg.context.new_cdp_session(pg)
        self.events: list[dict[str, Any]] = []
        self.done = False
        self.cdp.on("Tracing.dataCollected", lambda p: self.events.extend(p["value"]))
        self.cdp.on("Tracing.tracingComplete", lambda p: setattr(self, "done", True))

    def start(self) -> None:
        self.events, self.done = [], False
        self.cdp.send(
            "Tracing.start",
            {"categories": "toplevel,__metadata", "transferMode": "ReportEvents"},
        )

    def stop(self, pg: Any) -> tuple[float, float]:
        """(longest wall ms, longest CPU ms) of the main thread's tasks since start."""
        self.cdp.send("Tracing.end")
        while not self.done:
            pg.wait_for_timeout(50)
        main = {
            (e["pid"], e["tid"])
            for e in self.events
            if e.get("name") == "thread_name" and e.get("args", {}).get("name") == "CrRendererMain"
        }
        tasks = [
            e
            for e in self.events
            if (e.get("pid"), e.get("tid")) in main
            and e.get("ph") == "X"
            and e.get("name") in ("ThreadControllerImpl::RunTask", "RunTask")
        ]
        wall = max((e.get("dur", 0) for e in tasks), default=0) / 1000
        cpu = max((e.get("tdur", 0) for e in tasks), default=0) / 1000
        return wall, cpu


def longest_task_and_cpu(
    pg: Any, tracer: TaskTracer, action: Callable[[], None], *, settle_ms: int = 400
) -> tuple[float, float]:
    """As ``longest_task``, with the longest task's CPU time from the trace too."""
    tracer.start()
    ms = longest_task(pg, action, settle_ms=settle_ms)
    _, cpu = tracer.stop(pg)
    return ms, cpu


def axe_violations(pg: Any, context: str = "document") -> list[dict[str, Any]]:
    """axe-core's violations on the page as it is (every rule axe runs by default)."""
    if not pg.evaluate("typeof window.axe !== 'undefined'"):
        pg.add_script_tag(path=str(AXE))
    result = pg.evaluate(f"axe.run({context}, {{ resultTypes: ['violations'] }})")
    return [
        {
            "id": v["id"],
            "impact": v["impact"],
            "help": v["help"],
            "nodes": [n["target"] for n in v["nodes"]][:5],
            "summary": [n.get("failureSummary", "") for n in v["nodes"]][:2],
        }
        for v in result["violations"]
    ]


def big_view_interactions(pg: Any, seeds: list[str]) -> list[tuple[str, Callable[[], None]]]:
    """The interactions issue 14 names, in an order that leaves the view as it found it:
    relayout, a filter change and back, size by and back, timeline playback steps and reset,
    the table and back, a path find and clearing it, an expand and Back. ``seeds``: the
    view's seeds and, last, an actor not yet expanded."""

    def play_steps() -> None:
        pg.click("#play")
        pg.wait_for_timeout(2500)  # a few steps of the window moving (one per 0.7 s)
        pg.click("#play")

    def table() -> None:
        pg.click("#tab-table")
        pg.locator("#view-table tbody tr").first.wait_for()

    return [
        ("relayout", lambda: pg.click("#relayout")),
        ("filter: hide a relation type", lambda: pg.uncheck("#rel-filter input[value=supports]")),
        ("filter: show it again", lambda: pg.check("#rel-filter input[value=supports]")),
        ("size by PageRank", lambda: pg.select_option("#metric", "pagerank")),
        ("size: none", lambda: pg.select_option("#metric", "")),
        ("timeline playback steps", play_steps),
        ("timeline reset", lambda: pg.click("#date-reset")),
        ("table open", table),
        ("graph again", lambda: pg.click("#tab-graph")),
        ("path find", lambda: pg.evaluate("([a, b]) => actorgraph.findPaths(a, b)", seeds[:6:5])),
        ("path clear", lambda: pg.click("#path-clear")),
        ("expand", lambda: pg.evaluate("id => actorgraph.expand(id)", seeds[-1])),
        ("Back (undo the expand)", lambda: pg.go_back()),
    ]
