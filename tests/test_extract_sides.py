"""Who the sides of the talks are (issue 10v): sides named in a mediator's own phrase, a side
qualified by its country, the people a side sends, a side named only by a city, and third
parties that address both sides (sentences written for these tests; Ghana mediates between
Mali and Niger wherever it can, so a relation is only right when the parties are)."""

from __future__ import annotations

import pytest
from actorgraph.ingest.extract import Extractor

from tests.test_extract_mediation import _mediates


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor()


GHANA = {("ghana", "mali"), ("ghana", "niger")}


@pytest.mark.parametrize("noun", ["dialogue", "talks", "process"])
def test_a_side_in_the_mediators_own_phrase_is_no_mediator(ex: Extractor, noun: str) -> None:
    text = (
        f"The session was facilitated by Ghana's envoy for the Mali-Niger {noun}. Mali and"
        " Niger agreed to reopen the border."
    )
    assert set(_mediates(ex, text)) == GHANA


def test_a_participle_before_the_talks_names_no_side(ex: Extractor) -> None:
    text = "The Ghanaian-brokered deal between Mali and Niger was signed on Friday."
    assert set(_mediates(ex, text)) == GHANA


def test_a_group_qualified_by_its_country_is_the_group(ex: Extractor) -> None:
    text = (
        "Israel and Lebanon's Hezbollah have agreed to a truce. The agreement was brokered by"
        " Ghana."
    )
    assert set(_mediates(ex, text)) == {("ghana", "israel"), ("ghana", "hezbollah")}


def test_a_possessor_is_the_side_when_the_head_names_no_actor(ex: Extractor) -> None:
    text = "Talks between Mali's government and Niger's army resumed. Ghana is mediating."
    assert set(_mediates(ex, text)) == GHANA


def test_the_people_a_side_sends_name_the_sides(ex: Extractor) -> None:
    text = (
        "The Malian delegation arrived in Accra on Monday. The Nigerien delegation followed a"
        " day later. Ghana is mediating."
    )
    found = _mediates(ex, text)
    assert set(found) == GHANA
    assert max(found.values()) < 0.6  # inferred parties: a lower confidence


def test_a_delegation_that_came_for_talks_with_the_other_side(ex: Extractor) -> None:
    text = (
        "A Malian delegation arrived in Accra for talks with Nigerien officials. Ghana is"
        " mediating."
    )
    assert set(_mediates(ex, text)) == GHANA


def test_a_side_named_only_by_a_city_is_the_documents_party(ex: Extractor) -> None:
    text = (
        "The United States and the Houthis have agreed to stop firing. Ghanaian officials carried"
        " messages between Washington and Sanaa for weeks."
    )
    found = _mediates(ex, text)
    assert set(found) == {("ghana", "united-states"), ("ghana", "houthis")}
    assert found[("ghana", "houthis")] < found[("ghana", "united-states")]


def test_a_state_named_by_its_name_stays_itself(ex: Extractor) -> None:
    text = (
        "The United States and the Houthis have agreed to stop firing. Ghanaian officials carried"
        " messages between the United States and Yemen for weeks."
    )
    assert ("ghana", "yemen") in _mediates(ex, text)


def test_who_urges_both_sides_is_a_third_party(ex: Extractor) -> None:
    text = (
        "Mali demanded a withdrawal. Niger demanded the release of prisoners. Mali rejected a"
        " partial deal. Togo urged both sides to show restraint. Togo called on both sides to"
        " return to the table. Togo demanded an end to the shelling. Ghana is mediating."
    )
    assert set(_mediates(ex, text)) == GHANA


def test_a_bystanders_officials_make_it_no_side(ex: Extractor) -> None:
    text = (
        "Mali demanded a withdrawal. Niger rejected a buffer zone. Togolese officials said they"
        " were following the talks. Ghana is mediating."
    )
    assert set(_mediates(ex, text)) == GHANA
