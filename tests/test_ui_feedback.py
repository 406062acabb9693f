"""The feedback bugs of issue 14, each as a researcher met it, on the ceasefire example."""

from __future__ import annotations

import itertools
from typing import Any

import pytest

from tests.ui_harness import no_js_errors, open_page, pick, wait_idle

pytestmark = [pytest.mark.browser, pytest.mark.timeout(300)]

DOC_ID = "ceasefire-talks-live-updates"
DOC_TITLE = "Israel-Hamas War Ceasefire Talks: Live Updates"

CONTRAST = """el => {
  const lum = (c) => {
    const [r, g, b] = c.match(/[0-9.]+/g).slice(0, 3).map(Number).map(v => {
      const s = v / 255; return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4; });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const st = getComputedStyle(el);
  const a = lum(st.color), b = lum(st.backgroundColor);
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}"""


def test_error_toast_is_readable_and_offers_its_suggestions_once(page: Any, server: str) -> None:
    open_page(page, f"{server}/")
    page.fill("#path-from", "Hamass")
    page.fill("#path-to", "Israel")
    page.click("#path-go")
    toast = page.locator("#toast")
    toast.wait_for(state="visible")
    text = toast.inner_text()
    assert text.lower().count("did you mean") == 1, text
    assert toast.get_by_role("link", name="Hamas", exact=True).count() == 1
    ratio = toast.evaluate(CONTRAST)
    assert ratio >= 4.5, f"toast text contrast {ratio:.2f}:1"
    assert toast.get_attribute("role") == "alert"


def test_the_panel_drops_relations_a_filter_hid(page: Any, server: str) -> None:
    open_page(page, f"{server}/#seeds=hamas&sel=n:hamas")
    edges = page.locator("#panel-body ul.edge-list")
    edges.wait_for()
    assert "mediates" in edges.inner_text()
    before = edges.locator("li").count()
    page.uncheck("#rel-filter input[value=mediates]")
    wait_idle(page)
    page.wait_for_function(
        "!document.querySelector('#panel-body ul.edge-list').textContent.includes('mediates')"
    )
    assert 0 < edges.locator("li").count() < before
    heading = page.locator("#panel-body h3", has_text="Relations in view").inner_text()
    assert f"({edges.locator('li').count()})" in heading


def test_node_sizes_follow_the_link_when_it_drops_size_by(page: Any, server: str) -> None:
    open_page(page, f"{server}/#seeds=hamas&metric=pagerank")
    sizes = lambda: set(page.evaluate("cy.nodes().map(n => Math.round(n.data('size')))"))  # noqa: E731
    assert len(sizes()) > 2
    page.evaluate("location.hash = '#seeds=hamas'")
    wait_idle(page)
    assert sizes() <= {30, 24}, sizes()  # actors and topics at their usual size
    assert page.input_value("#metric") == ""
    assert page.locator("#ranking-box").is_hidden()
    page.go_back()
    wait_idle(page)
    assert len(sizes()) > 2 and page.input_value("#metric") == "pagerank"


def test_the_empty_legend_shows_no_null(page: Any, server: str) -> None:
    open_page(page, f"{server}/")
    text = page.locator("#legend").inner_text()
    assert "null" not in text and "undefined" not in text
    assert "No relation in view." in text


def test_suggestions_do_not_reopen_over_the_next_field_after_tab(page: Any, server: str) -> None:
    open_page(page, f"{server}/")
    # suggestions take 0.6 s to come, so they always arrive after the Tab
    page.evaluate(
        """() => { const f = window.fetch;
             window.fetch = (u, o) => String(u).includes('/actors?')
               ? new Promise(r => setTimeout(r, 600)).then(() => f(u, o)) : f(u, o); }"""
    )
    page.fill("#path-from", "Ham")
    page.press("#path-from", "Tab")
    page.wait_for_timeout(1500)
    assert page.locator("#path-from-list").is_hidden()
    assert page.get_attribute("#path-from", "aria-expanded") == "false"
    assert page.evaluate("document.activeElement.id") != "path-from"


def test_the_path_list_names_documents_by_title(page: Any, server: str) -> None:
    open_page(page, f"{server}/")
    pick(page, "#path-from", "United St", "United States")
    pick(page, "#path-to", "Hamas", "Hamas")
    page.click("#path-go")
    page.locator("#path-results .summary").wait_for()
    wait_idle(page)
    first = page.locator("#path-results ol.paths > li").first
    docs = first.locator(".doc").all_text_contents()
    assert docs and set(docs) == {DOC_TITLE}
    assert DOC_ID not in first.inner_text()


def test_united_and_enter_picks_an_actor_with_relations_drawn_at_a_readable_size(
    page: Any, server: str
) -> None:
    open_page(page, f"{server}/")
    page.fill("#search", "United")
    page.press("#search", "Enter")
    wait_idle(page)
    assert page.evaluate("actorgraph.state.seeds") == ["united-states"]
    boxes = page.evaluate(
        "cy.nodes().not('.hidden').map(n => {"
        " const b = n.renderedBoundingBox({includeLabels: false});"
        " return [n.id(), b.x1, b.y1, b.x2, b.y2]; })"
    )
    assert len(boxes) > 2
    for _id, x1, _y1, x2, _y2 in boxes:
        assert x2 - x1 < 110, f"{_id} is drawn {x2 - x1:.0f} px wide"
    for a, b in itertools.combinations(boxes, 2):
        overlap_w = min(a[3], b[3]) - max(a[1], b[1])
        overlap_h = min(a[4], b[4]) - max(a[2], b[2])
        assert overlap_w <= 2 or overlap_h <= 2, f"{a[0]} and {b[0]} overlap"
    # an actor without relations says so instead of drawing a lone giant node
    page.fill("#search", "United Nations")
    pick(page, "#search", "United Nations", "United Nations")
    wait_idle(page)
    page.locator("#toast", has_text="United Nations has no relation").wait_for()
    assert page.evaluate("cy.getElementById('united-nations').renderedWidth()") < 110
    no_js_errors(page)
