"""Actors: boilerplate (datelines, bylines, credits, party tags) and places are not actors."""

from __future__ import annotations

import pytest
from actorgraph.ingest.extract import Extractor
from actorgraph.ingest.extract.boilerplate import boilerplate_spans


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor()


def _actors(ex: Extractor, text: str) -> set[str]:
    return {r["name"] for r in ex.extract_text(text) if r["kind"] == "actor"}


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("LIMA (Reuters) - The talks resumed.", "LIMA (Reuters) - "),
        ("NAIROBI, Feb. 3, 2021 (AFP) — Kenya said no.", "NAIROBI, Feb. 3, 2021 (AFP) — "),
        ("Brasilia, March 9 - Brazil agreed.", "Brasilia, March 9 - "),
        (
            "By Ana Souto-Reis and Kofi Mensah-Adu\n\nThe talks resumed.",
            "By Ana Souto-Reis and Kofi Mensah-Adu",
        ),
        ("Ghana voted. (Photo: Ines Moreau-Lint/AFP)", "(Photo: Ines Moreau-Lint/AFP)"),
        ("Ghana voted. (Ines Moreau-Lint/Reuters)", "(Ines Moreau-Lint/Reuters)"),
        ("Ghana voted. Credit: Ines Moreau-Lint / EPA", "Credit: Ines Moreau-Lint / EPA"),
        ("Sen. Ada Holt (D-Ore.) said so.", "(D-Ore.)"),
        (
            "Ghana voted.\nReporting by Ines Moreau; Editing by Tom Hale",
            "Reporting by Ines Moreau; Editing by Tom Hale",
        ),
    ],
)
def test_boilerplate_is_found(text: str, part: str) -> None:
    assert [text[a:b] for a, b in boilerplate_spans(text)] == [part]


@pytest.mark.parametrize(
    "text",
    [
        "By the end of the week, Ghana said it would vote.",
        "By Monday Ghana and Togo were close.",
        "Ghana said - in a statement - that it would vote.",
        "The AU chief - who arrived late - spoke first.",
    ],
)
def test_ordinary_sentences_are_not_boilerplate(text: str) -> None:
    assert boilerplate_spans(text) == []


def test_names_in_boilerplate_are_not_actors(ex: Extractor) -> None:
    text = (
        "ACCRA, May 2 (Reuters) - Ghana said on Monday that Togo had closed the border. "
        "(Photo: Ines Moreau-Lint/AFP)\n\nReporting by Kwame Osei-Bonsu; Editing by Tom Hale"
    )
    assert _actors(ex, text) == {"Ghana", "Togo"}


@pytest.mark.parametrize(
    ("text", "actors"),
    [
        ("Russia warned that the war could spread into Moldova.", {"Russia"}),
        ("Drones struck a depot deep inside Russia.", set()),
        ("Guards patrol the border with Chile near Tacna, Peru, every night.", set()),
        ("The delegations flew back to Ankara and Athens.", set()),
        ("Greece sent its reply to Ankara.", {"Greece", "Turkey"}),
        ("Rockets were fired at Israel on Sunday.", {"Israel"}),
    ],
)
def test_places_are_not_actors_unless_they_act(ex: Extractor, text: str, actors: set[str]) -> None:
    assert _actors(ex, text) == actors
