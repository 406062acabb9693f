"""The explorer page in a real browser: the core flows on the ceasefire example.

Search with the keyboard and expand, the path finder with intermediaries, the filters, the
evidence panel, a shared link, and an unreachable API. The servers, chromium and the helpers
come from ``tests/ui_harness.py``; screenshots land in ``artifacts/ui/``.
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from tests.helpers import free_port
from tests.ui_harness import (
    classes,
    click_element,
    ids,
    no_js_errors,
    open_page,
    pick,
    positions,
    visible,
    wait_idle,
)

pytestmark = [pytest.mark.browser, pytest.mark.timeout(300)]

EVIDENCE = "communicate through intermediary officials in Qatar and Egypt"
DOC_TITLE = "Israel-Hamas War Ceasefire Talks: Live Updates"


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
    page.uncheck("#rel-filter input[value=mediates]")
    wait_idle(page)
    shown = visible(page, "edge")
    assert not [e for e in shown if e.startswith("mediates|")]
    assert "rejects|hamas|ceasefire-proposal" in shown
    # Qatar and Egypt only mediate here: with no visible relation left they go too
    assert "qatar" not in visible(page)
    assert "rel=" in page.url and "mediates" not in page.url.split("rel=")[1].split("&")[0]
    page.check("#rel-filter input[value=mediates]")
    wait_idle(page)
    assert set(mediates) <= visible(page, "edge")
    assert page.evaluate("cy.edges('.hidden').length") == 0

    # actor types: hide topics
    page.uncheck("#type-filter input[value=topic]")
    wait_idle(page)
    assert "permanent-ceasefire" not in visible(page)
    assert "rejects|hamas|ceasefire-proposal" not in visible(page, "edge")
    page.check("#type-filter input[value=topic]")
    wait_idle(page)
    assert "permanent-ceasefire" in visible(page)

    # date window on the timeline: from 2024-05-01 drops Netanyahu's 2022–2024-04-30 relation
    slider = page.locator("#date-from")
    assert slider.is_enabled()
    day = page.evaluate("Math.round(Date.parse('2024-05-01T00:00:00Z') / 86400000)")
    slider.evaluate(
        "(el, v) => { el.value = v; el.dispatchEvent(new Event('input', {bubbles: true}));"
        " el.dispatchEvent(new Event('change', {bubbles: true})); }",
        day,
    )
    wait_idle(page)
    assert "speaks_for|benjamin-netanyahu|israel" not in visible(page, "edge")
    assert "benjamin-netanyahu" not in visible(page)
    assert "mediates|qatar|hamas" in visible(page, "edge")
    assert "since=2024-05-01" in page.url
    assert "2024-05-01 →" in page.locator("#date-label").inner_text()
    # … and up to 2024-04-30 leaves only it
    page.click("#date-reset")
    wait_idle(page)
    page.locator("#date-to").evaluate(
        "(el, v) => { el.value = v; el.dispatchEvent(new Event('input', {bubbles: true}));"
        " el.dispatchEvent(new Event('change', {bubbles: true})); }",
        day - 1,
    )
    wait_idle(page)
    assert visible(page, "edge") == {"speaks_for|benjamin-netanyahu|israel"}
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


def test_shared_url_reproduces_the_view(new_page: Any, server: str) -> None:
    page = new_page()
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
    wait_idle(page)
    page.select_option("#metric", "pagerank")
    wait_idle(page)
    page.select_option("#layout", "circle")
    wait_idle(page)
    page.evaluate("actorgraph.select('n:qatar')")
    page.locator("#panel-body h2", has_text="Qatar").wait_for()
    wait_idle(page)

    def snapshot(pg: Any) -> dict[str, Any]:
        got = pg.evaluate(
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
        got["positions"] = {k: (round(x), round(y)) for k, (x, y) in positions(pg).items()}
        return got  # type: ignore[no-any-return]

    before = snapshot(page)
    assert before["brokers"] == ["egypt", "qatar"]
    assert "speaks_for|benjamin-netanyahu|israel" not in before["hidden"]
    assert "threatens|hamas|israel" not in before["nodes"] + before["hidden"] or (
        "threatens|hamas|israel" in before["hidden"]
    )
    assert before["metric"] == "pagerank" and before["layout"] == "circle"
    assert len(set(before["sizes"].values())) > 2  # sized by the metric
    url = page.url
    for part in ("seeds=hamas,israel", "path=", "metric=pagerank", "layout=circle", "rel=", "pos="):
        assert part in url, part

    # the link in another tab (another person), and after a reload: the same picture
    other = new_page()
    open_page(other, url)
    other.locator("#panel-body h2", has_text="Qatar").wait_for()
    assert snapshot(other) == before
    page.reload()
    wait_idle(page)
    page.locator("#panel-body h2", has_text="Qatar").wait_for()
    assert snapshot(page) == before
    no_js_errors(page)
    no_js_errors(other)


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
