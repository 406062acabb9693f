"""Mediation by hosts, channels and bridging proposals, and guarantors that only vouch
(issue 10l; sentences written for these tests)."""

from __future__ import annotations

import pytest
from actorgraph.ingest.extract import Extractor


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor()


def _mediates(ex: Extractor, text: str) -> set[tuple[str, str]]:
    return {
        (r["source"], r["target"])
        for r in ex.extract_text(text)
        if r["kind"] == "relation" and r["type"] == "mediates"
    }


GHANA = {("ghana", "mali"), ("ghana", "niger")}


@pytest.mark.parametrize(
    "text",
    [
        # a host in a participle after the clause whose subject is the talks
        "Talks between Mali and Niger opened in Accra on Monday, hosted by Ghana.",
        # whoever invites the sides to meet hosts them (on the verb or on the talks)
        "Delegations from Mali and Niger met in Accra at the invitation of Ghana.",
        "Mali and Niger held talks in Accra on the invitation of Ghana.",
        "Mali and Niger resumed talks. The talks opened at Ghana's invitation.",
        # a bridging proposal from someone who is no side
        "Talks between Mali and Niger resumed after a bridging proposal from Ghana.",
        # words carried from one side to the other, or the sides' own words
        "Talks between Mali and Niger stalled. Ghana conveyed proposals from Bamako to Niamey.",
        "Talks between Mali and Niger resumed. Ghana met both delegations and relayed their "
        "positions.",
        "Talks between Mali and Niger resumed. Ghana relayed Mali's latest proposal to Niger.",
        # the joined modifiers of one side noun name the sides
        "Ghana chaired the talks between the Malian and Nigerien delegations.",
    ],
)
def test_hosts_channels_and_bridging_proposals_mediate(ex: Extractor, text: str) -> None:
    assert _mediates(ex, text) == GHANA


@pytest.mark.parametrize(
    "text",
    [
        "Mali and Niger signed the accord. Ghana and Togo acted as guarantors.",
        "Mali and Niger agreed to a truce. Ghana and Togo are guarantors of the agreement.",
        "Mali and Niger signed the deal in Accra, with Ghana and Togo as witnesses.",
        "Talks between Mali and Niger stalled. Niger rejected a compromise proposal from Mali.",
        "Talks between Mali and Niger stalled. Ghana offered its good offices.",
    ],
)
def test_guarantors_witnesses_and_a_sides_own_proposal_are_no_mediation(
    ex: Extractor, text: str
) -> None:
    assert _mediates(ex, text) == set()


def test_guarantors_that_act_in_the_talks_still_mediate(ex: Extractor) -> None:
    text = (
        "Talks between Mali and Niger resumed on Monday, with the two guarantor countries, "
        "Ghana and Togo, urging both delegations to close the gaps."
    )
    assert _mediates(ex, text) == GHANA | {("togo", "mali"), ("togo", "niger")}
