"""Mediation phrased as CAMEO 2.0's verb patterns group it (045 mediate, 043 host, "help
negotiate"), each construction with its near misses (issue-20M; sentences written for these
tests)."""

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
        # steering the sides to the talks (mediation.steering_verbs)
        "Ghana coaxed Mali and Niger back to the negotiating table in June.",
        "Talks between Mali and Niger stalled. Ghana is nudging both sides toward a truce.",
        "Ghana has drawn Mali and Niger into talks on the border.",
        # inviting both sides to talks, meeting each apart
        "Ghana invited Malian and Nigerien negotiators to Accra for a second round of talks.",
        "The Mali-Niger dispute went on. Ghana summoned the two sides to Accra for talks.",
        "The war between Mali and Niger went on. Ghana held separate meetings with Mali and Niger.",
        # helping the sides make their deal
        "Ghana helped negotiate a truce between Mali and Niger.",
        "Mali and Niger signed the border accord with the help of Ghana.",
        "The truce between Mali and Niger was agreed with Ghana's assistance.",
        "Ghana is working to rescue the talks between Mali and Niger.",  # CAMEO's "rescue"
        # an office sent to mediate, a go-between for both
        "Ghana dispatched an envoy to mediate between Mali and Niger.",
        "Ghana acted as a go-between for Mali and Niger during the crisis.",
    ],
)
def test_constructions(ex: Extractor, text: str) -> None:
    assert _mediates(ex, text) == GHANA


@pytest.mark.parametrize(
    "text",
    [
        "Ghana pushed Mali and Niger to show restraint on the border.",  # urging, no talks
        "Mali pushed Niger toward a truce with new strikes.",  # a side pressing the other
        "Ghana invited Malian and Nigerien officials to a football match.",  # no talks
        "Mali invited Niger to talks in Bamako.",  # one side inviting the other
        "Ghana held separate meetings with Malian and Togolese traders.",  # no sides named
        "With the support of Ghana, Mali attacked the rebels.",  # help to one side at war
        "Ghana is ready to mediate between Mali and Niger, its president said.",  # an offer
        "Ghana is willing to act as a go-between for Mali and Niger.",  # an offer
        "Ghana did not invite Malian and Nigerien negotiators to Accra for talks.",  # negated
        "Ghana mediated a trade dispute between Mali and Niger over cotton.",  # another matter
    ],
)
def test_near_misses(ex: Extractor, text: str) -> None:
    assert _mediates(ex, text) == set()
