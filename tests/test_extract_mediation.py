"""Mediation: mediators as reporters name them, linked to each party of the negotiation the
document is about (sentences written for these tests)."""

from __future__ import annotations

import pytest
from actorgraph.ingest.extract import Extractor


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor()


def _mediates(ex: Extractor, text: str) -> dict[tuple[str, str], float]:
    return {
        (r["source"], r["target"]): r["confidence"]
        for r in ex.extract_text(text)
        if r["kind"] == "relation" and r["type"] == "mediates"
    }


GHANA_MALI_NIGER = {("ghana", "mali"), ("ghana", "niger")}


@pytest.mark.parametrize(
    "text",
    [
        "Ghanaian mediators are pressing Mali and Niger to reopen the border.",
        "Talks between Mali and Niger resumed. Ghanaian mediators met both delegations.",
        "A truce between Mali and Niger, brokered by Ghana, took effect on Monday.",
        "The Ghana-brokered truce between Mali and Niger took effect on Monday.",
        "Mali and Niger signed a truce brokered by Ghana.",
        "Ghana is mediating between Mali and Niger.",
        "Ghana has passed messages between Bamako and Niamey for months.",
        "Mali and Niger do not talk directly but communicate through Ghanaian officials.",
        "Ghana hosted talks between Malian and Nigerien delegations in Accra.",
        "Mali and Niger held talks in Accra under the auspices of Ghana.",
        "With Ghana acting as an intermediary, Mali and Niger exchanged proposals.",
        "The war between Mali and Niger goes on. Ghana, the main mediator, is hopeful.",
        "The Mali-Niger talks resumed. Ghana has been shuttling between the two sides.",
        "Ghana is leading efforts to broker a truce between Mali and Niger.",
    ],
)
def test_mediation_families(ex: Extractor, text: str) -> None:
    assert set(_mediates(ex, text)) == GHANA_MALI_NIGER


@pytest.mark.parametrize(
    "text",
    [
        "Mali urged the mediators to put pressure on Niger.",
        "Ghana offered to mediate between Mali and Niger.",
        "Ghana refused to mediate between Mali and Niger.",
        "Ghana did not mediate between Mali and Niger.",
        "Talks between Mali and Niger broke down on Sunday.",
        "Ghana sent food aid through Togo to Niger.",
        "Ghana hosted a football match between Mali and Niger.",
        "A brokerage firm in Accra said prices rose.",
        "Mali asked Ghana to keep the border open.",
    ],
)
def test_near_misses_give_no_mediation(ex: Extractor, text: str) -> None:
    assert _mediates(ex, text) == {}


def test_the_party_that_urges_the_mediators_is_a_side_not_a_mediator(ex: Extractor) -> None:
    found = _mediates(
        ex,
        "Talks between Mali and Niger have stalled. Mali asked the Ghanaian mediators to "
        "press Niger to accept the offer.",
    )
    assert set(found) == GHANA_MALI_NIGER


def test_confidence_is_lower_where_the_parties_come_from_elsewhere(ex: Extractor) -> None:
    here = _mediates(ex, "Ghana is mediating between Mali and Niger.")
    stated = _mediates(ex, "Talks between Mali and Niger resumed. Ghana is mediating.")
    inferred = _mediates(
        ex,
        "Mali rejected the offer. Niger demanded a withdrawal. Mali rejected that demand. "
        "Ghanaian mediators will try again.",
    )
    assert set(inferred) == GHANA_MALI_NIGER
    assert min(here.values()) > max(stated.values()) > max(inferred.values())


def test_a_person_mediates_for_the_actor_they_speak_for_and_in_person(ex: Extractor) -> None:
    found = _mediates(
        ex,
        "Talks between Mali and Niger resumed. Ghana's foreign minister, Kojo Mensah-Boateng, "
        "is mediating.",
    )
    envoy = {("kojo-mensah-boateng", "mali"), ("kojo-mensah-boateng", "niger")}
    assert set(found) == GHANA_MALI_NIGER | envoy


def test_an_office_named_without_its_holder_mediates_for_the_actor_only(ex: Extractor) -> None:
    found = _mediates(
        ex, "Talks between Mali and Niger resumed. Ghana's foreign minister is mediating."
    )
    assert set(found) == GHANA_MALI_NIGER


@pytest.mark.parametrize(
    "turn",
    [
        "Hannah Cole: Well, John, Beijing is hosting a third round of talks between the two "
        "sides next week.",
        "Hannah Cole: Yes, John, Beijing is hosting a third round of talks between the two "
        "sides next week.",
    ],
)
def test_a_name_addressed_after_a_label_and_an_opener_is_no_host(ex: Extractor, turn: str) -> None:
    """A transcript turn: the presenter addressed ("Well, John, ...") is not a mediator, and
    the parser's "John, Beijing" (read as a list of two) does not hide the host."""
    text = (
        "Talks between the Myanmar military and the MNDAA resumed on Sunday.\n\n"
        f"PRESENTER: Hannah, what happens next?\n\n{turn}"
    )
    found = _mediates(ex, text)
    assert {s for s, _ in found} == {"china"}, found


def test_a_list_of_hosts_is_no_name_addressed(ex: Extractor) -> None:
    found = _mediates(
        ex, "Qatar, Egypt and the United States are hosting talks between Israel and Hamas."
    )
    assert {s for s, _ in found} == {"qatar", "egypt", "united-states"}, found


# ---------------------------------------------------------------- issue 10e
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # the finite verb parsed as a modifier of "talks"
            "Malaysia mediated talks between Manila and the MILF.",
            {("malaysia", "philippines"), ("malaysia", "moro-islamic-liberation-front")},
        ),
        (  # a list of sides and a list of mediators, each before "as"
            "The meeting brought together Mali and Niger as the two sides, Ghana and Togo as "
            "mediators, and France as an observer.",
            GHANA_MALI_NIGER | {("togo", "mali"), ("togo", "niger")},
        ),
        (  # going between the parties
            "Talks between Mali and Niger resumed. The Ghanaian envoy has been travelling "
            "between the two sides.",
            GHANA_MALI_NIGER,
        ),
    ],
)
def test_mediation_families_10e(ex: Extractor, text: str, expected: set[tuple[str, str]]) -> None:
    assert set(_mediates(ex, text)) == expected


def test_travelling_between_two_capitals_that_are_no_parties_is_no_mediation(
    ex: Extractor,
) -> None:
    text = "Talks between Mali and Niger resumed. Blinken travelled between Accra and Lome."
    assert set(_mediates(ex, text)) == set()
