"""issue-20mS: readings that fired on a literal sense. What a side wants to see must be an act,
an outcome or an arrangement ("more rain" is none); a "no" answers a question only about a
proposal, a step or an outcome ("asked about the weather"); a verb and particle of saying
speaks of conditions, positions or acts, not of a pitch or the letters of a name."""

from __future__ import annotations

import pytest
from actorgraph.ingest.extract import Extractor

from tests.test_extract_demand_news import _demands
from tests.test_extract_rejection_constructions import _stances


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor()


def _statements(ex: Extractor, text: str) -> list[str]:
    recs = ex.extract_text(text, published="2024-05-01")
    return [r["text"] for r in recs if r["kind"] == "statement"]


def test_wanting_to_see_a_thing_that_is_no_act_is_no_demand(ex: Extractor) -> None:
    assert _demands(ex, "The Houthis want to see more sunshine in Sanaa this winter.") == []
    assert _demands(ex, "Serbia wants to see better football from its national team.") == []


def test_wanting_to_see_an_act_or_an_outcome_stays_a_demand(ex: Extractor) -> None:
    found = _demands(ex, "Armenia wants to see an investigation into the shelling of Jermuk.")
    assert [s for s, _ in found] == ["armenia"] and "investigation" in found[0][1]
    found = _demands(ex, "Kosovo wants to see free elections in the northern municipalities.")
    assert [s for s, _ in found] == ["kosovo"] and "elections" in found[0][1]


def test_a_no_asked_about_no_proposal_is_no_rejection(ex: Extractor) -> None:
    text = "Serbia's reply was no, its foreign minister said, when asked about the snow."
    assert _stances(ex, text, "rejects") == []


def test_a_no_asked_about_a_proposal_stays_a_rejection(ex: Extractor) -> None:
    text = "Asked about the demilitarised corridor, Azerbaijan's answer was a flat no."
    found = _stances(ex, text, "rejects")
    assert [s for s, _ in found] == ["azerbaijan"] and "corridor" in found[0][1]


def test_a_particle_verb_of_a_literal_thing_is_no_statement(ex: Extractor) -> None:
    assert _statements(ex, "The Kosovo government talked up the new stadium in Pristina.") == []
    assert _statements(ex, "The Ukrainian navy spelled out the ship's number in red paint.") == []


def test_a_particle_verb_of_a_position_stays_a_statement(ex: Extractor) -> None:
    found = _statements(ex, "The Kosovo government played down the rift with Washington.")
    assert found and "rift" in found[0]
    found = _statements(ex, "Ukraine spelled out its conditions for a ceasefire on Monday.")
    assert found and "conditions" in found[0]
