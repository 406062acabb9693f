"""Honest retrieval: what the page asks the API carries the view's filters and depth, and a
capped neighbourhood says so. On the 20,000-relation graph and on the example."""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs, urlparse

import httpx
import pytest

from tests.ui_harness import no_js_errors, open_page, visible, wait_idle

pytestmark = [pytest.mark.browser, pytest.mark.timeout(300)]

HUB = "actor-1719"  # the best-connected actor of the synthetic graph (seed 42)


def neighbour_requests(pg: Any) -> list[dict[str, list[str]]]:
    """Record the query of every neighbourhood request the page makes from now on."""
    seen: list[dict[str, list[str]]] = []

    def on(req: Any) -> None:
        url = urlparse(req.url)
        if url.path.endswith("/neighbors"):
            seen.append({"actor": [url.path.split("/")[2]], **parse_qs(url.query)})

    pg.on("request", on)
    return seen


def test_a_filtered_view_asks_the_api_with_its_filters(page: Any, big_server: str) -> None:
    counts = httpx.get(f"{big_server}/actors/{HUB}").json()["relations"]
    asked = neighbour_requests(page)
    open_page(page, f"{big_server}/#seeds={HUB}&rel=mediates", timeout=60000)
    assert asked and asked[0]["actor"] == [HUB]
    assert asked[0]["relations"] == ["mediates"]
    # the cap is spent on what is shown: mediates relations, not a mixture the page hides
    at_hub = page.evaluate(
        f"cy.getElementById('{HUB}').connectedEdges().not('.hidden')"
        ".filter(e => e.data('type') === 'mediates').length"
    )
    limit = page.evaluate("actorgraph.state.limit")
    assert at_hub >= min(counts["mediates"], limit - 1) * 0.95, (at_hub, counts["mediates"])
    assert {e.split("|")[0] for e in visible(page, "edge")} == {"mediates"}

    # a date window too, and an expansion asks with both
    page.evaluate("location.hash = location.hash + '&since=2024-01-01'")
    wait_idle(page, timeout=60000)
    assert asked[-1]["since"] == ["2024-01-01"] and asked[-1]["relations"] == ["mediates"]
    other = next(n for n in sorted(visible(page)) if n != HUB and n.startswith("actor-"))
    page.evaluate("id => actorgraph.expand(id)", other)
    wait_idle(page, timeout=60000)
    mine = [a for a in asked if a["actor"] == [other]]
    assert mine and mine[-1]["relations"] == ["mediates"] and mine[-1]["since"] == ["2024-01-01"]
    no_js_errors(page)


def test_the_status_says_when_a_neighbourhood_is_capped(page: Any, big_server: str) -> None:
    open_page(page, f"{big_server}/#seeds={HUB}", timeout=60000)
    status = page.locator("#status")
    assert "around Actor 1719" in status.inner_text()
    assert "cap 150" in status.inner_text()
    before = len(visible(page))
    page.click("#show-more")
    wait_idle(page, timeout=60000)
    assert "limit=300" in page.url
    assert len(visible(page)) > before


def test_ego_network_depth(page: Any, server: str) -> None:
    asked = neighbour_requests(page)
    open_page(page, f"{server}/#seeds=qatar")
    one = visible(page)
    assert "hamas" in one and "osama-hamdan" not in one
    page.select_option("#depth", "2")
    wait_idle(page)
    two = visible(page)
    assert one < two and "osama-hamdan" in two  # Hamas's spokesman, two hops from Qatar
    assert asked[-1]["depth"] == ["2"]
    assert "depth=2" in page.url
    page.go_back()
    wait_idle(page)
    assert visible(page) == one and page.input_value("#depth") == "1"


def test_a_hubs_capped_view_shows_its_actors_first_and_names_what_was_left_out(
    page: Any, big_server: str
) -> None:
    """The hub has more neighbours than the cap: the cap goes to actors (the channels a
    researcher follows) before topics, and the status says how many of each were left out."""
    hood = httpx.get(f"{big_server}/actors/{HUB}/neighbors", params={"limit": 150}).json()
    total = httpx.get(f"{big_server}/actors/{HUB}/neighbors", params={"limit": 10000}).json()
    actors_all = sum(1 for n in total["nodes"] if n["kind"] == "Actor" and n["id"] != HUB)
    assert hood["truncated"] and actors_all > 0
    open_page(page, f"{big_server}/#seeds={HUB}", timeout=60000)
    shown = [n for n in visible(page) if n != HUB]
    limit = page.evaluate("actorgraph.state.limit")
    actors_shown = sum(1 for n in shown if n.startswith("actor-"))
    # every actor neighbour fits before any topic takes a place, up to the cap
    assert actors_shown >= min(actors_all, limit - 1), (actors_shown, actors_all, limit)
    if actors_all < limit - 1:
        assert len(shown) > actors_shown  # then topics fill the rest
    status = page.locator("#status").inner_text()
    left = hood["left_out"]
    for n in left.values():
        if n:
            assert f"{n}" in status and "left out" in status, (status, left)
    no_js_errors(page)
