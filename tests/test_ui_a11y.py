"""Accessibility: axe-core finds nothing on the empty, example, path, table and stances views;
everything can be done from the keyboard, with focus where a person expects it; the four core
relation types stay apart for colour-blind readers (colour under simulation, and dashes)."""

from __future__ import annotations

import itertools
import math
from typing import Any

import pytest

from tests.ui_harness import axe_violations, no_js_errors, open_page, visible, wait_idle

pytestmark = [pytest.mark.browser, pytest.mark.timeout(300)]

CORE = ("speaks_for", "mediates", "rejects", "demands")

# Machado, Oliveira & Fernandes (2009) at full severity, applied to linear RGB.
CVD = {
    "protanopia": [
        [0.152286, 1.052583, -0.204868],
        [0.114503, 0.786281, 0.099216],
        [-0.003882, -0.048116, 1.051998],
    ],
    "deuteranopia": [
        [0.367322, 0.860646, -0.227968],
        [0.280085, 0.672501, 0.047413],
        [-0.011820, 0.042940, 0.968881],
    ],
    "tritanopia": [
        [1.255528, -0.076749, -0.178779],
        [-0.078411, 0.930809, 0.147602],
        [0.004733, 0.691367, 0.303900],
    ],
    "typical": [[1, 0, 0], [0, 1, 0], [0, 0, 1]],
}


def _lin(c: float) -> float:
    c /= 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def _lab(rgb: list[float]) -> tuple[float, float, float]:
    r, g, b = rgb
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116

    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


def seen_as(rgb: tuple[int, int, int], vision: str) -> tuple[float, float, float]:
    lin = [_lin(v) for v in rgb]
    m = CVD[vision]
    return _lab([max(0.0, min(1.0, sum(m[i][j] * lin[j] for j in range(3)))) for i in range(3)])


def test_axe_finds_no_violation(page: Any, server: str) -> None:
    open_page(page, f"{server}/")
    page.locator("#empty .overview").wait_for()
    assert axe_violations(page) == [], "empty view"
    open_page(page, f"{server}/#seeds=hamas,israel&sel=n:hamas")
    page.locator("#panel-body ul.stances").wait_for()
    assert axe_violations(page) == [], "example view with the panel open"
    open_page(
        page, f"{server}/#seeds=hamas&path=united-states,hamas&sel=e:mediates%7Cqatar%7Chamas"
    )
    page.locator("#path-results ol.brokers").wait_for()
    page.locator("#path-results details summary").first.click()
    assert axe_violations(page) == [], "path view"
    page.click("#tab-table")
    page.locator("#view-table").wait_for()
    assert axe_violations(page) == [], "table view"
    page.click("#tab-stances")
    page.locator("#stances-view section.stance-group").first.wait_for()
    assert axe_violations(page) == [], "stances view"
    page.click("#export-btn")
    assert axe_violations(page) == [], "export menu open"
    no_js_errors(page)


def test_the_graph_by_keyboard_alone(page: Any, server: str) -> None:
    open_page(page, f"{server}/")
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.id") == "search"
    page.keyboard.type("Hamas")
    page.locator("#search-list li[role=option]").first.wait_for()
    page.keyboard.press("Enter")
    wait_idle(page)
    assert "hamas" in visible(page)
    # the graph is in the tab order, right after its tab
    page.focus("#tab-graph")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "cy"
    live = page.locator("#cy-live")
    assert live.inner_text().startswith("Hamas, organization")
    assert page.evaluate("actorgraph.focused") == "hamas"
    # arrows move to the nearest node in that direction
    moves = set()
    for key in ("ArrowRight", "ArrowDown", "ArrowLeft", "ArrowUp"):
        page.keyboard.press(key)
        moves.add(page.evaluate("actorgraph.focused"))
    assert len(moves - {"hamas", None}) >= 2
    # [ and ] walk Hamas's neighbours, saying how they are related
    page.evaluate("actorgraph.focus('hamas')")
    page.keyboard.press("]")
    said = live.inner_text()
    assert said.startswith("Hamas ") and page.evaluate("actorgraph.focused") != "hamas"
    neighbour = page.evaluate("actorgraph.focused")
    # Enter opens its details, focus goes to them; Esc closes them and comes back
    page.keyboard.press("Enter")
    page.locator("#panel-body h2").wait_for()
    wait_idle(page)
    assert page.evaluate("document.activeElement.tagName") == "H2"
    assert f"sel=n%3A{neighbour}" in page.url
    page.keyboard.press("Escape")
    assert "sel=" not in page.url
    assert page.evaluate("document.activeElement.id") == "cy"
    # E expands, P pins, Delete removes the focused node
    page.evaluate("actorgraph.focus('qatar')")
    page.keyboard.press("e")
    wait_idle(page)
    assert "qatar" in page.evaluate("actorgraph.state.seeds")
    page.keyboard.press("p")
    assert "qatar" in page.evaluate("Object.keys(actorgraph.state.pins)")
    page.evaluate("actorgraph.focus('hezbollah')")
    page.keyboard.press("Delete")
    wait_idle(page)
    assert "hezbollah" not in visible(page)
    # the export menu opens and closes from the keyboard, focus back on its button
    page.focus("#export-btn")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.dataset.format") == "png"
    page.keyboard.press("Escape")
    assert page.locator("#export-menu").is_hidden()
    assert page.evaluate("document.activeElement.id") == "export-btn"
    no_js_errors(page)


def test_focus_follows_panel_links(page: Any, server: str) -> None:
    open_page(page, f"{server}/#seeds=hamas&sel=n:hamas")
    panel = page.locator("#panel-body")
    panel.locator("ul.edge-list").wait_for()
    panel.locator("ul.edge-list a").first.click()  # a relation of Hamas
    page.locator("#panel-body h2 .reltype").wait_for()
    wait_idle(page)
    assert page.evaluate("document.activeElement.tagName") == "H2"
    panel.locator(".edge-ends a").first.click()  # one of its ends
    wait_idle(page)
    assert page.evaluate("document.activeElement.tagName") == "H2"
    assert page.evaluate("document.activeElement.closest('#panel') !== null")


def test_the_four_core_relation_types_stay_apart_for_colour_blind_readers(
    page: Any, server: str
) -> None:
    open_page(page, f"{server}/#seeds=hamas,israel,united-states")
    styles = page.evaluate(
        """types => Object.fromEntries(types.map(t => {
             const e = cy.edges(`[type = "${t}"]`)[0];
             return [t, {color: e.style('line-color'), style: e.style('line-style'),
                         dash: e.style('line-dash-pattern')}];
           }))""",
        list(CORE),
    )
    patterns = {t: "solid" if s["style"] == "solid" else s["dash"] for t, s in styles.items()}
    assert len({str(p) for p in patterns.values()}) == 4, patterns
    rgb = {t: tuple(int(v) for v in s["color"][4:-1].split(",")) for t, s in styles.items()}
    for vision in CVD:
        for a, b in itertools.combinations(CORE, 2):
            d = math.dist(seen_as(rgb[a], vision), seen_as(rgb[b], vision))
            assert d >= 25, f"{a} and {b} are {d:.1f} apart (CIE ΔE) for {vision}"
    # the legend shows the same patterns
    legend = page.locator("#legend line")
    dashes = {line.get_attribute("stroke-dasharray") for line in legend.all()}
    assert len(dashes) >= 4


def test_the_timeline_reads_as_dates(page: Any, server: str) -> None:
    open_page(page, f"{server}/#seeds=hamas,israel&since=2024-01-01")
    assert page.get_attribute("#date-from", "aria-valuetext") == "2024-01-01"
    assert page.get_attribute("#date-to", "aria-valuetext") == "2024-05-01"
    assert page.locator("label[for=date-from]").inner_text() == "From date"
    page.focus("#date-from")
    page.keyboard.press("ArrowRight")
    wait_idle(page)
    assert page.get_attribute("#date-from", "aria-valuetext") == "2024-01-02"
