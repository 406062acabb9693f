"""Quotes signed with a dash, and transcript labels with a title before the name (sentences
written for these tests)."""

from __future__ import annotations

import pytest
from actorgraph.ingest.extract import Extractor


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor()


def _statements(ex: Extractor, text: str) -> set[tuple[str, str]]:
    return {(r["speaker"], r["text"]) for r in ex.extract_text(text) if r["kind"] == "statement"}


@pytest.mark.parametrize(
    "text",
    [
        "“The truce will not hold without monitors.”\n— Amina Yusuf, Kano",
        "“The truce will not hold without monitors.”\n\n― Amina Yusuf",
        "“The truce will not hold without monitors.” – Opposition leader Amina Yusuf, on radio",
    ],
)
def test_a_dash_signs_the_quote_above_it(ex: Extractor, text: str) -> None:
    assert _statements(ex, text) == {("amina-yusuf", "The truce will not hold without monitors.")}


@pytest.mark.parametrize(
    "text",
    [
        "“Ceasefire now” — the banner of the march — hung over the square on Friday.",
        "“The truce will not hold.”\n— as the delegates left the hall",
    ],
)
def test_a_dash_that_goes_on_or_names_nobody_signs_nothing(ex: Extractor, text: str) -> None:
    assert {speaker for speaker, _ in _statements(ex, text)} == set()


def test_a_dash_before_a_clause_of_its_own_leaves_the_verb_to_attribute(ex: Extractor) -> None:
    found = _statements(ex, "“We will not give up,” — Amina Yusuf said on Monday.")
    assert {speaker for speaker, _ in found} == {"amina-yusuf"}


@pytest.mark.parametrize(
    ("label", "speaker"),
    [
        ("SECRETARY YUSUF", "amina-yusuf"),
        ("FOREIGN MINISTER YUSUF", "amina-yusuf"),
        ("MS. YUSUF", "amina-yusuf"),
        ("AMINA YUSUF", "amina-yusuf"),
    ],
)
def test_a_transcript_label_with_a_title_is_the_person_named_before(
    ex: Extractor, label: str, speaker: str
) -> None:
    text = (
        "Foreign Minister Amina Yusuf of Nigeria briefed reporters in Abuja.\n\n"
        f"{label}: We believe a deal is within reach, and we are pressing both sides.\n\n"
        "QUESTION: When will it be signed?"
    )
    assert {s for s, _ in _statements(ex, text)} == {speaker}


def test_a_label_in_capitals_of_nobody_named_is_no_speaker(ex: Extractor) -> None:
    text = "The ministers met in Abuja.\n\nMODERATOR: We will take two questions from each side."
    assert _statements(ex, text) == set()


@pytest.mark.parametrize(
    "text",
    [
        "“The crossings must open now.”\n— Cairo, March 3",
        "“The crossings must open now.” — Reuters",
        "“The crossings must open now.”\n— Agence France-Presse",
    ],
)
def test_a_dateline_or_an_agency_credit_signs_nothing(ex: Extractor, text: str) -> None:
    assert _statements(ex, text) == set()
