"""What research work needs from the explorer, on the ceasefire example (and the overview on
the 20,000-relation graph): an overview on opening, stances with their sentences, relation
evidence on topics, relation types and brokers in the path finder, a timeline with playback,
undo with Back, a table of the view, saved views that keep positions."""

from __future__ import annotations

import math
import time
from typing import Any

import pytest

from tests.ui_harness import (
    no_js_errors,
    open_page,
    pick,
    positions,
    visible,
    wait_idle,
)

pytestmark = [pytest.mark.browser, pytest.mark.timeout(300)]

DOC_TITLE = "Israel-Hamas War Ceasefire Talks: Live Updates"
PERMANENT = "Hamas has maintained that any agreement is a permanent cease-fire"


def test_overview_on_opening(page: Any, server: str) -> None:
    open_page(page, f"{server}/")
    box = page.locator("#empty")
    box.locator(".overview").wait_for()
    text = " ".join(box.inner_text().split())
    for part in (
        "Actors 15 (7 organization, 4 person, 4 state), 2 intermediaries",
        "Topics 5",
        "Dates 2024-04-30 to 2024-05-01",
        "Documents 1",
        f"{DOC_TITLE} · 2024-05-01 · 26 sentences",
    ):
        assert part in text, part
    assert (
        box.locator("svg.spark[role=img]")
        .get_attribute("aria-label")
        .startswith("Evidence per month, 2024-04 to 2024-05")
    )
    chips = box.locator("#starters button.chip")
    assert chips.first.inner_text() == "Hamas"  # the most central actor (degree)
    chips.first.click()
    wait_idle(page)
    assert page.evaluate("actorgraph.state.seeds") == ["hamas"]
    assert box.is_hidden()
    page.locator("#about summary").click()
    assert "2024-04-30 to 2024-05-01" in page.locator("#about-body").inner_text()
    no_js_errors(page)


def test_overview_of_the_big_graph(page: Any, big_server: str) -> None:
    t0 = time.monotonic()
    page.goto(f"{big_server}/")
    page.locator("#empty .overview").wait_for(timeout=60000)
    took = time.monotonic() - t0
    text = " ".join(page.locator("#empty").inner_text().split())
    assert "Actors 2,000 (667 organization, 667 person, 666 state)" in text
    assert "Evidence 20,000 sentences" in text and "Documents 1,000" in text
    assert "Dates 2023-01-01 to 2024-12-30" in text
    assert page.locator("#starters button.chip").count() == 8
    assert took < 30, f"the overview took {took:.1f} s"


def test_stances_per_topic_and_per_actor_with_their_sentences(page: Any, server: str) -> None:
    open_page(page, f"{server}/#seeds=hamas,israel&tab=stances")
    view = page.locator("#stances-view")
    heading = page.locator("h3", has_text="a permanent cease-fire")
    group = view.locator("section.stance-group", has=heading)
    group.wait_for()
    rows = group.locator("li.stance")
    heads = rows.locator(".stance-head").all_inner_texts()
    assert any(h.startswith("Hamas") and "demands" in h for h in heads), heads
    assert any(h.startswith("Israel") and "rejects" in h for h in heads), heads
    assert PERMANENT in group.inner_text()
    assert DOC_TITLE in group.inner_text()
    # per actor: what Hamas demands and rejects
    page.select_option("#stance-group", "actor")
    hamas = view.locator("section.stance-group", has=page.locator("h3 a", has_text="Hamas")).first
    hamas.wait_for()
    assert "demands" in hamas.inner_text() and "rejects" in hamas.inner_text()
    assert "the ceasefire proposal backed by the United States and Israel" in hamas.inner_text()
    # the whole graph: the United States' demand, though it is not in view
    page.select_option("#stance-scope", "graph")
    us = page.locator("h3", has_text="United States")
    view.locator("section.stance-group", has=us).wait_for()
    assert "tab=stances" in page.url
    no_js_errors(page)


def test_a_topic_panel_shows_who_takes_which_stance_with_evidence(page: Any, server: str) -> None:
    open_page(page, f"{server}/#seeds=hamas&sel=n:permanent-ceasefire")
    panel = page.locator("#panel-body")
    panel.locator("h3", has_text="Stances on it (2)").wait_for()
    stances = panel.locator("ul.stances > li")
    assert stances.count() == 2
    text = stances.all_inner_texts()
    assert any("Hamas" in t and "demands" in t and PERMANENT in t for t in text)
    assert any("Israel" in t and "rejects" in t for t in text)
    assert panel.locator("ul.stances .doc", has_text=DOC_TITLE).count() >= 2


def test_path_finder_relation_types_intermediaries_and_brokers(page: Any, server: str) -> None:
    open_page(page, f"{server}/")
    pick(page, "#path-from", "United St", "United States")
    pick(page, "#path-to", "Hamas", "Hamas")
    page.click("#path-go")
    results = page.locator("#path-results")
    results.locator(".summary").wait_for()
    wait_idle(page)
    # brokers by their share of the 4 paths: Egypt and Qatar on 3, Israel on 2
    brokers = [" ".join(t.split()) for t in results.locator("ol.brokers > li").all_inner_texts()]
    assert brokers == [
        "Egypt intermediary 75% · 3 paths",
        "Qatar intermediary 75% · 3 paths",
        "Israel 50% · 2 paths",
    ]
    # relation types walked: speaks_for alone cannot reach Hamas from the United States
    page.locator("#path-options summary").click()
    page.uncheck("#path-rels input[value=mediates]")
    wait_idle(page)
    results.locator(".summary", has_text="No path from United States to Hamas").wait_for()
    assert "prel=speaks_for" in page.url
    page.check("#path-rels input[value=mediates]")
    wait_idle(page)
    assert "prel=" not in page.url  # back to the default
    # only through intermediaries: every inner node of every path is one
    page.check("#path-inter")
    wait_idle(page)
    assert "inter=1" in page.url
    inner = page.evaluate(
        "actorgraph.path.paths.flatMap(p => p.nodes.slice(1, -1).map(n => n.intermediary))"
    )
    assert inner and all(inner)
    assert "only through intermediaries" in results.locator(".summary").inner_text()
    no_js_errors(page)


def test_timeline_shows_the_spread_of_evidence_and_plays_it(page: Any, server: str) -> None:
    open_page(page, f"{server}/#seeds=hamas,israel")
    bars = page.locator("#histogram svg rect")
    assert bars.count() >= 10  # monthly bins from December 2022 to May 2024
    label = page.locator("#histogram svg").get_attribute("aria-label")
    assert label.startswith("Evidence in view per month")
    assert page.get_attribute("#date-from", "aria-valuetext") == "2022-12-29"
    assert page.get_attribute("#date-to", "aria-valuetext") == "2024-05-01"
    page.select_option("#play-speed", "250")
    page.click("#play")
    page.wait_for_function("document.querySelector('#play').ariaPressed === 'true'")
    seen: list[str] = []
    early: set[str] = set()
    deadline = time.monotonic() + 30
    while page.get_attribute("#play", "aria-pressed") == "true" and time.monotonic() < deadline:
        until = page.evaluate("actorgraph.state.until")
        if until and until not in seen:
            seen.append(until)
            if len(seen) == 1:
                early = visible(page, "edge")
        page.wait_for_timeout(80)
    assert page.get_attribute("#play", "aria-pressed") == "false", "playback did not end"
    assert len(seen) >= 3 and seen == sorted(seen)
    # early on only Netanyahu's office (from 2022-12-29) is in the window
    assert early == {"speaks_for|benjamin-netanyahu|israel"}
    wait_idle(page)
    assert len(visible(page, "edge")) > 10  # at the end, everything again
    page.go_back()
    wait_idle(page)
    assert "until=" not in page.url


def test_back_undoes_the_last_change(page: Any, server: str) -> None:
    open_page(page, f"{server}/#seeds=hamas")
    start = visible(page)
    page.evaluate("actorgraph.expand('israel')")
    wait_idle(page)
    expanded = visible(page)
    assert "benjamin-netanyahu" in expanded
    page.uncheck("#rel-filter input[value=mediates]")
    wait_idle(page)
    assert "qatar" not in visible(page)
    page.evaluate("actorgraph.removeNode('hezbollah')")
    wait_idle(page)
    before_relayout = positions(page)
    page.click("#relayout")
    wait_idle(page)
    moved = positions(page)
    assert any(math.dist(before_relayout[k], moved[k]) > 5 for k in moved)

    page.go_back()  # the relayout
    wait_idle(page)
    back = positions(page)
    assert all(math.dist(before_relayout[k], back[k]) < 1.5 for k in back)
    page.click("#undo")  # the removal (the Undo button is Back)
    wait_idle(page)
    assert "hezbollah" in visible(page)
    page.go_back()  # the filter
    wait_idle(page)
    assert "qatar" in visible(page) and page.is_checked("#rel-filter input[value=mediates]")
    page.go_back()  # the expansion
    wait_idle(page)
    assert visible(page) == start
    page.go_forward()
    wait_idle(page)
    assert visible(page) == expanded
    no_js_errors(page)


def test_table_of_the_nodes_and_relations_in_view(page: Any, server: str) -> None:
    open_page(page, f"{server}/#seeds=hamas")
    page.click("#tab-table")
    table = page.locator("#view-table")
    table.wait_for()
    assert "tab=table" in page.url
    assert table.locator("tbody tr").count() == len(visible(page))
    page.get_by_role("button", name="Relations (", exact=False).click()
    rows = table.locator("tbody tr")
    assert rows.count() == len(visible(page, "edge"))
    # sort by relation type, ascending
    table.get_by_role("button", name="Relation").click()
    assert table.locator("th[aria-sort=ascending]").inner_text().startswith("Relation")
    types = [r.split("\t")[1].strip() for r in rows.all_inner_texts()]
    assert types == sorted(types)
    # a row opens its evidence
    row = table.locator("tr[data-id='mediates|qatar|hamas'] button.row-link")
    row.click()
    page.locator("#panel-body h2", has_text="mediates").wait_for()
    assert "sel=e%3Amediates" in page.url
    assert page.evaluate("document.activeElement.tagName") == "H2"


def test_saved_views_keep_positions(new_page: Any, server: str) -> None:
    page = new_page()
    open_page(page, f"{server}/#seeds=hamas,israel")
    page.click("#relayout")
    wait_idle(page)
    saved = positions(page)
    page.fill("#save-name", "Rafah talks")
    page.click("#save-view")
    page.locator("#saved-list a", has_text="Rafah talks").wait_for()
    page.click("#clear")
    wait_idle(page)
    assert visible(page) == set()
    page.reload()
    wait_idle(page)
    page.locator("#saved-list a", has_text="Rafah talks").click()
    wait_idle(page)
    got = positions(page)
    assert set(got) == set(saved)
    assert all(math.dist(saved[k], got[k]) < 1.5 for k in got)
    no_js_errors(page)
