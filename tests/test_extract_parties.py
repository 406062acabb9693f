"""The negotiation's parties read at document level, and envoys and institutions that mediate
without a mediation verb (sentences written for these tests; Ghana mediates between Mali and
Niger throughout, so a relation is only right when the parties are)."""

from __future__ import annotations

import pytest
from actorgraph.ingest.extract import Extractor

from tests.test_extract_mediation import _mediates


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor()


GHANA = {("ghana", "mali"), ("ghana", "niger")}


@pytest.mark.parametrize(
    "text",
    [
        # the people of each side
        "Negotiators for the Malian government and Niger resumed talks. Ghanaian mediators"
        " were present.",
        "Representatives of Mali and Niger met in Accra. The meeting was hosted by Ghana.",
        "Mali's and Niger's negotiators failed to agree. The Ghanaian facilitator was calm.",
        "Malian and Nigerien delegates sat down for a new round, with Ghana as facilitator.",
        # talks with the other side
        "Mali has held indirect talks with Niger for months. Ghanaian officials shuttled"
        " between the two sides.",
        # the sides' residences, named as a pair
        "Negotiators for Mali and Niger met again. Diplomats from Ghana have spent the week"
        " shuttling between the two delegations' residences.",
    ],
)
def test_parties_from_the_people_of_each_side(ex: Extractor, text: str) -> None:
    assert set(_mediates(ex, text)) == GHANA


def test_a_summit_between_office_holders_names_their_states(ex: Extractor) -> None:
    text = (
        "Seoul arranged a summit between President Donald Trump and North Korean leader Kim"
        " Jong Un. It took months. Many doubted it. South Korean officials relayed messages"
        " between the two capitals."
    )
    found = _mediates(ex, text)
    assert set(found) == {("south-korea", "united-states"), ("south-korea", "north-korea")}


def test_observers_are_no_side(ex: Extractor) -> None:
    text = (
        "Ghanaian-led talks opened in Accra. Togo and Benin attended as observers. Mali"
        " rejected the agenda, and Niger rejected Mali's terms. Togo demanded a ceasefire,"
        " Benin demanded a ceasefire and Togo rejected the delay."
    )
    assert set(_mediates(ex, text)) == GHANA


def test_a_pair_named_in_passing_loses_to_the_documents_two(ex: Extractor) -> None:
    text = (
        "Mali will keep the right to strike Niger if the truce is broken, Malian officials"
        " said. The deal was negotiated by a Ghanaian envoy. Niger rejected foreign monitors,"
        " and Mali demanded a buffer zone. Togo, which has mediated between Mali and Benin,"
        " played no part. Niger said it would respect the truce."
    )
    found = _mediates(ex, text)
    assert ("ghana", "niger") in found and ("ghana", "benin") not in found
    assert found[("ghana", "niger")] < 0.6  # inferred parties: a lower confidence


@pytest.mark.parametrize(
    "text",
    [
        "Talks between Mali and Niger resumed, with the two guarantor countries, Ghana and"
        " Kenya, urging both delegations to close the gaps.",
        "Ghanaian-led talks between Mali and Niger opened on Monday.",
        "Talks between Mali and Niger lasted three hours. It was hosted by Ghana, whose"
        " president greeted both delegations.",
        "Talks between Mali and Niger opened. The consultations are convened by Kenya and"
        " hosted by Ghana.",
        "Talks between Mali and Niger resumed. Ghana's envoy spent a week carrying proposals"
        " from one delegation's room to the other.",
        "Talks between Mali and Niger resumed. Ghana's special envoy has carried drafts on the"
        " separation of forces between the two sides.",
    ],
)
def test_envoys_and_institutions_without_a_mediation_verb(ex: Extractor, text: str) -> None:
    found = set(_mediates(ex, text))
    assert found >= GHANA
    assert {a for a, _ in found} <= {"ghana", "kenya", "kwame-mensah"}


def test_the_envoy_named_beside_a_mediator_noun_mediates(ex: Extractor) -> None:
    text = (
        "Talks between Mali and Niger resumed. The Ghanaian facilitator, Kwame Mensah, said"
        " the door was open."
    )
    assert set(_mediates(ex, text)) == GHANA | {("kwame-mensah", "mali"), ("kwame-mensah", "niger")}


def test_a_nationality_is_no_mandate_but_an_office_is(ex: Extractor) -> None:
    diplomat = (
        "Talks between Mali and Niger dragged on. The contact group was chaired by the"
        " Ghanaian diplomat Kofi Owusu, who travelled between the two sides."
    )
    envoy = (
        "Talks between Mali and Niger dragged on. Ghana's special envoy Kofi Owusu travelled"
        " between the two sides."
    )
    assert {a for a, _ in _mediates(ex, diplomat)} == {"kofi-owusu"}
    assert {a for a, _ in _mediates(ex, envoy)} == {"ghana", "kofi-owusu"}


@pytest.mark.parametrize(
    "text",
    [
        "Talks between Mali and Niger resumed. Togo's president, who tried his own mediation"
        " last month, was not invited.",
        "Talks between Mali and Niger resumed. Togo and Benin, which once competed to broker"
        " their own deals, back the plan.",
        "Talks between Mali and Niger were held under the auspices of Ghana with the three"
        " guarantor powers, Togo, Benin and Kenya, in the room.",
        "Talks between Mali and Niger stalled. Ghana's envoy spent two weeks in shuttle"
        " diplomacy between Lome, Cotonou and Abuja.",
        "Talks between Mali and Niger resumed in Accra on Monday. Burkina Faso, which signed"
        " its own accord with Togo under the auspices of Kenya, was not invited.",
    ],
)
def test_near_misses_give_only_the_mediator(ex: Extractor, text: str) -> None:
    assert {a for a, _ in _mediates(ex, text)} <= {"ghana"}
    assert all(p in ("mali", "niger") for _, p in _mediates(ex, text))
