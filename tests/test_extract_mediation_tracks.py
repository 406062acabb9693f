"""Mediation that is not asserted of the talks now (questions, rounds of an earlier year or of a
former track) and hosts hung on the talks' venue (sentences written for these tests)."""

from __future__ import annotations

import pytest
from actorgraph.ingest.extract import Extractor


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor()


def _mediates(ex: Extractor, text: str, published: str = "2024-05-01") -> set[tuple[str, str]]:
    return {
        (r["source"], r["target"])
        for r in ex.extract_text(text, published=published)
        if r["kind"] == "relation" and r["type"] == "mediates"
    }


GHANA = {("ghana", "mali"), ("ghana", "niger")}


@pytest.mark.parametrize(
    "text",
    [
        # questions: would-be mediators, and facts asked about
        "Talks between Mali and Niger resumed.\n\nQ: Would you accept Ghana joining as a "
        "mediator?\n\nA: We would consider it.",
        "Talks between Mali and Niger resumed. Is Ghana still brokering the talks?",
        "Why did Ghana host the talks between Mali and Niger in Accra?",
        # rounds of an earlier year, or of a former track
        "Talks between Mali and Niger resumed. Ghana, which hosted earlier rounds of talks in "
        "2021 and 2022, was not involved this time.",
        "Talks between Mali and Niger resumed. Ghana mediated rounds of talks in 2022 that came "
        "to nothing.",
        "Talks between Mali and Niger resumed. Ghana hosted the former rounds of talks.",
    ],
)
def test_questions_and_tracks_that_are_over_mediate_nothing(ex: Extractor, text: str) -> None:
    assert _mediates(ex, text) == set()


@pytest.mark.parametrize(
    ("text", "published"),
    [
        # the host the parser hangs on the venue
        (
            "Talks between Mali and Niger resumed, in a fifth round of talks in the Ghanaian "
            "capital that was hosted by Ghana.",
            "2024-05-01",
        ),
        (
            "Delegations from Mali and Niger met for talks at a resort hosted by Ghana.",
            "2024-05-01",
        ),
        # near misses of the tracks rule: ongoing, a year the talks are only about, this year,
        # and a deal brokered in an earlier year that still holds
        (
            "Talks between Mali and Niger resumed. Ghana has hosted the talks since 2022.",
            "2024-05-01",
        ),
        (
            "Talks between Mali and Niger resumed. Ghana hosted the talks on Monday to revive the "
            "2019 agreement.",
            "2024-05-01",
        ),
        ("Talks between Mali and Niger resumed. Ghana hosted talks in 2024.", "2024-11-01"),
        (
            "The border arrangement between Mali and Niger, brokered by Ghana in 2022, expires on "
            "Monday.",
            "2023-07-10",
        ),
    ],
)
def test_hosts_at_the_venue_and_current_tracks_mediate(
    ex: Extractor, text: str, published: str
) -> None:
    assert _mediates(ex, text, published) == GHANA
