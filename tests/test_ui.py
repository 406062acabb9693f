"""The explorer page in a real browser: Debian's chromium, headless, driven by Playwright.

The real app (``actorgraph.api.app:create_app``) runs under uvicorn in a background thread on a free
127.0.0.1 port, over a temporary embedded store loaded with the ceasefire example. The
page's third-party scripts come from npm (``npm ci`` + ``npm run build``); this module
builds them when they are missing. Screenshots of every test go to ``artifacts/ui/``.

Never run ``playwright install``: the browser is ``/usr/bin/chromium``
(``apt-get install -y chromium``).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.helpers import EXAMPLE, ROOT, free_port

pytestmark = [pytest.mark.browser, pytest.mark.timeout(300)]

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

EVIDENCE = "communicate through intermediary officials in Qatar and Egypt"
DOC_TITLE = "Israel-Hamas War Ceasefire Talks: Live Updates"


# ---------------------------------------------------------------------------- fixtures
@pytest.fixture(scope="module")
def vendor() -> Path:
    """api/static/vendor/ built from node_modules (npm ci first when it is missing)."""
    if not (VENDOR / "cytoscape.min.js").exists():
        npm = shutil.which("npm")
        if npm is None:
            pytest.fail("npm is needed to build the page's scripts (npm ci && npm run build)")
        if not (ROOT / "node_modules" / "cytoscape").is_dir():
            subprocess.run([npm, "ci", "--no-audit", "--no-fund"], cwd=ROOT, check=True)
        subprocess.run([npm, "run", "build"], cwd=ROOT, check=True)
    for name in ("cytoscape.min.js", "cytoscape-fcose.js", "cose-base.js", "layout-base.js"):
        assert (VENDOR / name).exists(), f"{name} missing from {VENDOR}"
    return VENDOR


@pytest.fixture(scope="module")
def server(vendor: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The real API app over the example, served by uvicorn; yields its base URL."""
    import uvicorn
    from actorgraph.api.app import create_app
    from actorgraph.graph.embedded import EmbeddedStore
    from actorgraph.ingest.loader import Loader

    store = EmbeddedStore(tmp_path_factory.mktemp("ui") / "store")
    Loader(store).load_file(EXAMPLE)
    port = free_port()
    config = uvicorn.Config(
        create_app(store=store), host="127.0.0.1", port=port, log_level="warning"
    )
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            if httpx.get(f"{base}/schema", timeout=2).status_code == 200:
                break
        except httpx.HTTPError:
            pass
        if time.monotonic() > deadline:
            pytest.fail("the API did not start within 30 s")
        time.sleep(0.2)
    try:
        yield base
    finally:
        srv.should_exit = True
        thread.join(timeout=10)
        store.close()


@pytest.fixture(scope="module")
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
def page(browser: Any, request: pytest.FixtureRequest) -> Iterator[Any]:
    """A fresh page; JS errors fail the test; a screenshot is saved at the end."""
    context = browser.new_context(viewport=VIEWPORT, accept_downloads=True)
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda e: errors.append(f"pageerror: {e}"))
    pg.on(
        "console",
        lambda m: errors.append(f"console.error: {m.text}") if m.type == "error" else None,
    )
    pg.js_errors = errors  # type: ignore[attr-defined]
    try:
        yield pg
    finally:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        try:
            pg.screenshot(path=str(ARTIFACTS / f"{request.node.name}.png"))
        finally:
            context.close()


def wait_idle(pg: Any, timeout: float = 20000) -> None:
    """Until no request is pending, no layout is running and the page is not restoring."""
    pg.wait_for_timeout(50)
    pg.wait_for_function("window.actorgraph && window.actorgraph.idle === true", timeout=timeout)


def open_page(pg: Any, url: str) -> None:
    pg.goto(url)
    wait_idle(pg)


def ids(pg: Any, selector: str = "node") -> set[str]:
    return set(pg.evaluate(f"cy.elements({selector!r}).map(e => e.id())"))


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


# ---------------------------------------------------------------------------- tests
def test_search_with_keyboard_autocomplete_and_expand(page: Any, server: str) -> None:
    open_page(page, f"{server}/")
    assert page.locator("#empty").is_visible()

    # arrows move through the suggestions, Enter takes the highlighted one
    page.fill("#search", "a")
    options = page.locator("#search-list li[role=option]")
    options.first.wait_for()
    assert options.count() >= 2
    first = options.nth(0).inner_text()
    page.press("#search", "ArrowDown")
    assert page.get_attribute("#search", "aria-activedescendant") == "search-list-1"
    page.press("#search", "ArrowUp")
    assert page.get_attribute("#search", "aria-activedescendant") == "search-list-0"
    page.press("#search", "Escape")
    assert page.locator("#search-list").is_hidden()
    assert first  # the list had names

    pick(page, "#search", "Hamas", "Hamas")
    wait_idle(page)
    nodes = ids(page)
    # Hamas's ego network: its mediators, spokesman and the topics it demands or rejects
    assert {"hamas", "qatar", "egypt", "osama-hamdan", "permanent-ceasefire"} <= nodes
    assert "benjamin-netanyahu" not in nodes
    assert "seed" in classes(page, "hamas")
    assert "intermediary" in classes(page, "qatar")
    assert "seeds=hamas" in page.url
    # the side panel opened on the searched actor, with aliases and statements
    panel = page.locator("#panel-body")
    panel.locator(".aliases", has_text="the Resistance").wait_for()
    panel.get_by_text("Our position on the current negotiating text is negative.").first.wait_for()

    # double-click Israel on the canvas: its neighbors come in
    click_element(page, "israel", double=True)
    page.wait_for_function("cy.getElementById('benjamin-netanyahu').nonempty()")
    wait_idle(page)
    assert {"benjamin-netanyahu", "hostage-release"} <= ids(page)
    assert page.evaluate("actorgraph.state.seeds") == ["hamas", "israel"]

    # pin, then remove a node from the panel's buttons
    click_element(page, "hezbollah")
    page.locator("#act-pin").wait_for()
    page.click("#act-pin")
    assert page.evaluate("cy.getElementById('hezbollah').locked()")
    assert "pin=hezbollah" in page.url
    page.click("#act-remove")
    assert "hezbollah" not in ids(page)
    assert "removed=hezbollah" in page.url
    no_js_errors(page)


def test_path_finder_highlights_intermediaries(page: Any, server: str) -> None:
    open_page(page, f"{server}/#seeds=hamas")
    pick(page, "#path-from", "United St", "United States")
    pick(page, "#path-to", "Hamas", "Hamas")
    page.click("#path-go")
    page.locator("#path-results .summary").wait_for()
    wait_idle(page)

    for broker in ("qatar", "egypt"):
        c = classes(page, broker)
        assert {"on-path", "path-broker"} <= c, (broker, c)
    for end in ("united-states", "hamas"):
        assert {"on-path", "path-end"} <= classes(page, end)
        assert "path-broker" not in classes(page, end)
    assert "on-path" in classes(page, "mediates|qatar|hamas")
    assert "on-path" in classes(page, "mediates|egypt|hamas")
    # what is not on a path steps back
    assert "faded" in classes(page, "osama-hamdan")
    assert "on-path" not in classes(page, "osama-hamdan")

    # listed hop by hop, intermediaries marked, evidence one click away
    results = page.locator("#path-results")
    summary = results.locator(".summary").inner_text()
    assert "4 paths from United States to Hamas" in summary
    assert set(results.locator(".summary b.broker").all_inner_texts()) == {"Qatar", "Egypt"}
    first_path = results.locator("ol.paths > li").first
    assert first_path.locator(".hop").count() == 2
    first_path.locator("details summary").first.click()
    first_path.get_by_text(EVIDENCE).first.wait_for()
    assert "path=united-states,hamas" in page.url

    # one path alone
    page.locator("ol.paths > li").nth(1).locator(".path-title").click()
    on = page.evaluate("cy.nodes('.path-broker').map(n => n.id())")
    assert len(on) == 1 and on[0] in {"qatar", "egypt"}
    no_js_errors(page)


def test_relation_type_actor_type_and_date_filters(page: Any, server: str) -> None:
    open_page(page, f"{server}/#seeds=hamas,israel")
    assert page.evaluate("cy.edges('.hidden').length") == 0
    mediates = [e for e in ids(page, "edge") if e.startswith("mediates|")]
    assert mediates

    # relation filter, built from /schema
    boxes = page.locator("#rel-filter input[name=rel]")
    names = set(boxes.evaluate_all("xs => xs.map(x => x.value)"))
    assert {"mediates", "speaks_for", "rejects", "demands"} <= names
    assert "reported_in" not in names  # statement bookkeeping is not drawn
    page.check("#rel-filter input[value=mediates]")
    page.uncheck("#rel-filter input[value=mediates]")
    wait_idle(page)
    for e in mediates:
        assert "hidden" in classes(page, e)
    assert "hidden" not in classes(page, "rejects|hamas|ceasefire-proposal")
    # Qatar and Egypt only mediate here: with no visible relation left they go too
    assert "hidden" in classes(page, "qatar")
    assert "rel=" in page.url and "mediates" not in page.url.split("rel=")[1].split("&")[0]
    page.check("#rel-filter input[value=mediates]")
    assert page.evaluate("cy.edges('.hidden').length") == 0

    # actor types: hide topics
    page.uncheck("#type-filter input[value=topic]")
    assert "hidden" in classes(page, "permanent-ceasefire")
    assert "hidden" in classes(page, "rejects|hamas|ceasefire-proposal")
    page.check("#type-filter input[value=topic]")
    assert "hidden" not in classes(page, "permanent-ceasefire")

    # date window on the time slider: from 2024-05-01 drops Netanyahu's 2022–2024-04-30 relation
    slider = page.locator("#date-from")
    assert slider.is_enabled()
    day = page.evaluate("Math.round(Date.parse('2024-05-01T00:00:00Z') / 86400000)")
    slider.evaluate(
        "(el, v) => { el.value = v; el.dispatchEvent(new Event('input', {bubbles: true})); }",
        day,
    )
    wait_idle(page)
    assert "hidden" in classes(page, "speaks_for|benjamin-netanyahu|israel")
    assert "hidden" in classes(page, "benjamin-netanyahu")
    assert "hidden" not in classes(page, "mediates|qatar|hamas")
    assert "since=2024-05-01" in page.url
    assert "2024-05-01 →" in page.locator("#date-label").inner_text()
    # … and up to 2024-04-30 leaves only it
    page.click("#date-reset")
    page.locator("#date-to").evaluate(
        "(el, v) => { el.value = v; el.dispatchEvent(new Event('input', {bubbles: true})); }",
        day - 1,
    )
    visible = set(page.evaluate("cy.edges().not('.hidden').map(e => e.id())"))
    assert visible == {"speaks_for|benjamin-netanyahu|israel"}
    assert "until=2024-04-30" in page.url
    no_js_errors(page)


def test_edge_side_panel_shows_evidence(page: Any, server: str) -> None:
    open_page(page, f"{server}/#seeds=hamas")
    page.select_option("#layout", "concentric")  # edges well apart for a click
    wait_idle(page)
    click_element(page, "mediates|qatar|hamas")
    panel = page.locator("#panel-body")
    panel.locator("h2", has_text="mediates").wait_for()
    panel.get_by_text(EVIDENCE).first.wait_for()
    panel.locator(".doc", has_text=DOC_TITLE).wait_for()  # document title, not its id
    assert "2024-05-01" in panel.inner_text()
    assert "sel=e%3Amediates%7Cqatar%7Chamas" in page.url
    # an actor's panel: roles and statements with their evidence sentence and document
    panel.get_by_role("link", name="Qatar").click()
    panel.locator("h2", has_text="Qatar").wait_for()
    click_element(page, "osama-hamdan")
    panel.get_by_text("Spokesman").first.wait_for()
    panel.get_by_text("Hamas spokesman Osama Hamdan said on Wednesday").first.wait_for()
    no_js_errors(page)


def test_shared_url_reproduces_the_view(page: Any, browser: Any, server: str) -> None:
    open_page(page, f"{server}/")
    pick(page, "#search", "Hamas", "Hamas")
    wait_idle(page)
    click_element(page, "israel", double=True)
    page.wait_for_function("cy.getElementById('benjamin-netanyahu').nonempty()")
    wait_idle(page)
    page.fill("#path-from", "United States")
    page.fill("#path-to", "Hamas")
    page.click("#path-go")
    page.locator("#path-results .summary").wait_for()
    wait_idle(page)
    page.uncheck("#rel-filter input[value=threatens]")
    page.select_option("#metric", "pagerank")
    page.select_option("#layout", "circle")
    wait_idle(page)
    page.evaluate("actorgraph.select('n:qatar')")
    page.locator("#panel-body h2", has_text="Qatar").wait_for()
    wait_idle(page)

    def snapshot(pg: Any) -> dict[str, Any]:
        return pg.evaluate(
            """() => ({
              nodes: cy.nodes().map(n => n.id()).sort(),
              hidden: cy.elements('.hidden').map(e => e.id()).sort(),
              path: cy.elements('.on-path').map(e => e.id()).sort(),
              brokers: cy.nodes('.path-broker').map(e => e.id()).sort(),
              sizes: Object.fromEntries(cy.nodes().map(n => [n.id(), Math.round(n.data('size'))])),
              metric: document.querySelector('#metric').value,
              layout: document.querySelector('#layout').value,
              panel: document.querySelector('#panel-body h2')?.textContent,
              state: actorgraph.state,
            })"""
        )

    before = snapshot(page)
    assert before["brokers"] == ["egypt", "qatar"]
    assert "speaks_for|benjamin-netanyahu|israel" not in before["hidden"]
    assert "threatens|hamas|israel" in before["hidden"]
    assert before["metric"] == "pagerank" and before["layout"] == "circle"
    assert len(set(before["sizes"].values())) > 2  # sized by the metric
    url = page.url
    for part in ("seeds=hamas,israel", "path=", "metric=pagerank", "layout=circle", "rel="):
        assert part in url, part

    # the link in another tab, and after a reload
    other = browser.new_context(viewport=VIEWPORT).new_page()
    try:
        open_page(other, url)
        other.locator("#panel-body h2", has_text="Qatar").wait_for()
        after = snapshot(other)
    finally:
        other.context.close()
    assert after == before
    page.reload()
    wait_idle(page)
    page.locator("#panel-body h2", has_text="Qatar").wait_for()
    assert snapshot(page) == before
    no_js_errors(page)


def test_export_png(page: Any, server: str) -> None:
    open_page(page, f"{server}/#seeds=hamas")
    with page.expect_download() as info:
        page.click("#export-png")
    download = info.value
    assert download.suggested_filename.endswith(".png")
    data = Path(download.path()).read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 5000


def test_large_graph_stays_responsive(page: Any, server: str) -> None:
    """A few thousand elements: added, laid out and filtered without freezing the page."""
    open_page(page, f"{server}/")
    took = page.evaluate(
        """() => {
          const nodes = [], edges = [];
          for (let i = 0; i < 1500; i++)
            nodes.push({id: `n${i}`, kind: 'Actor', name: `Actor ${i}`,
                        type: ['state', 'person', 'organization'][i % 3]});
          for (let i = 1; i < 1500; i++) {
            edges.push({id: `a${i}`, type: 'mediates', source: `n${i}`,
                        target: `n${Math.floor(i / 3)}`, evidence: []});
            edges.push({id: `b${i}`, type: 'supports', source: `n${i}`,
                        target: `n${(i * 7) % 1500}`, evidence: []});
          }
          const t0 = performance.now();
          actorgraph.merge({nodes, edges});
          return performance.now() - t0;
        }"""
    )
    wait_idle(page, timeout=120000)
    assert page.evaluate("cy.nodes().length") == 1500
    assert took < 5000, f"adding 4500 elements took {took:.0f} ms"
    # the page still answers: a filter applies at once
    t0 = time.monotonic()
    page.uncheck("#rel-filter input[value=supports]")
    page.wait_for_function("cy.edges('.hidden').length >= 1499")
    assert time.monotonic() - t0 < 5
    no_js_errors(page)


def test_unreachable_api_is_said_clearly(page: Any, server: str) -> None:
    # the page from the real server, its API calls to a port where nothing listens
    dead = f"http://127.0.0.1:{free_port()}"
    page.goto(f"{server}/?api={dead}")
    banner = page.locator("#banner")
    banner.wait_for(state="visible", timeout=15000)
    text = banner.inner_text()
    assert "API unreachable" in text and "cannot be reached" in text
    assert re.search(r"Retry", text)
    # the same page against the live API: no banner
    page.goto(f"{server}/")
    wait_idle(page)
    assert banner.is_hidden()
