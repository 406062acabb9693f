"""speaks_for and actors as news pages give them in round 21 (issue 21S): a person counted
among a body's people ("one of the M23 leaders"), a body commanded or led by one word ("who
controls the Sudanese military", "who leads the RSF"), a title's brief with an "of" ("the
Horn of Africa"), the side of an owner-less government title given by the side's own
reporters or by the counterpart faced, and actors the mentions missed or made up (a
regional government, one army by two nouns, an outlet quoted, a dateline between bars) --
each with its near misses."""

from __future__ import annotations

import pytest
from actorgraph.ingest.extract import Extractor
from actorgraph.ingest.extract.boilerplate import DATELINE
from actorgraph.ingest.extract.lexicon import Lexicon

from tests.helpers import speaks_for_links as _links


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor(n_process=1)


def _actors(ex: Extractor, text: str) -> set[str]:
    return {r["id"] for r in ex.extract_text(text, published="2024-05-01") if r["kind"] == "actor"}


def test_the_lexicon_lists_the_new_words_and_checks_the_synonyms() -> None:
    lex = Lexicon.load()
    assert {"command", "control"} <= lex.commanding_verbs
    assert "control" not in lex.heading_verbs  # only where a body is commanded
    assert lex.same_institution("military") == {"military", "army", "armed forces"}
    # issue 24K: a parliament is its state (the lexicon's state_organs), no institution
    assert "parliament" not in lex.institutions and "parliament" in lex.state_organs
    assert "analyst" not in lex.side_sources
    assert "government" in lex.regional_governments


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        (
            "Joseph Lwamba, one of the M23 negotiators, said the rebels would stay.",
            ("joseph-lwamba", "m23"),
        ),
        (
            "One of the Polisario Front's representatives, Salma Brahim, said the movement "
            "would not accept autonomy.",
            ("salma-brahim", "polisario-front"),
        ),
        (
            "Salma Brahim is one of the leaders of the Polisario Front and says it will not yield.",
            ("salma-brahim", "polisario-front"),
        ),
        (
            "Hamid Nour, who commands the RSF, said the force would attend the talks.",
            ("hamid-nour", "rsf"),
        ),
        (
            "Hamid Nour, who leads the paramilitary Rapid Support Forces, said the force would "
            "attend.",
            ("hamid-nour", "rapid-support-forces"),
        ),
        (
            "EU special envoy for the Horn of Africa Petra Lindqvist said the talks must start.",
            ("petra-lindqvist", "european-union"),
        ),
        (
            "A senior Armenian lawmaker said on Tuesday that Prime Minister Gor Sargsian had "
            "proposed a new round of talks.",
            ("gor-sargsian", "armenia"),
        ),
        (
            "According to Russian diplomatic sources, Presidential Aide Pavel Orlov said the "
            "exchange would take place soon.",
            ("pavel-orlov", "russia"),
        ),
        (
            "Armenia and Azerbaijan resumed peace talks in Almaty. Foreign Minister Aram "
            "Vardanian and his Azerbaijani counterpart Elmar Huseynli agreed to meet again.",
            ("aram-vardanian", "armenia"),
        ),
    ],
)
def test_a_principal_is_read(ex: Extractor, text: str, pair: tuple[str, str]) -> None:
    assert pair in _links(ex, text)


@pytest.mark.parametrize(
    ("text", "person"),
    [
        (
            "Joseph Lwamba, one of the former M23 negotiators, said the rebels would stay.",
            "joseph-lwamba",
        ),
        (
            "Joseph Lwamba, one of the fiercest critics of the M23, said the rebels would stay.",
            "joseph-lwamba",
        ),
        (
            "Joseph Lwamba, who met one of the M23 negotiators, said the rebels would stay.",
            "joseph-lwamba",
        ),
        (
            "Salma Brahim was one of the leaders of the Polisario Front in the 1990s.",
            "salma-brahim",
        ),
        ("Hamid Nour, who controls Darfur, said the force would attend the talks.", "hamid-nour"),
        ("Hamid Nour, who no longer commands the RSF, said the talks would fail.", "hamid-nour"),
        (
            "Hamid Nour, who controlled the Sudanese army until 2019, said the talks would fail.",
            "hamid-nour",
        ),
        (
            "A senior Armenian analyst said Prime Minister Gor Sargsian had proposed a new round "
            "of talks.",
            "gor-sargsian",
        ),
        (
            "Armenian and Azerbaijani officials said Prime Minister Gor Sargsian had proposed a "
            "new round of talks.",
            "gor-sargsian",
        ),
        (
            "Armenia, Azerbaijan and Georgia met in Tbilisi. Foreign Minister Aram Vardanian met "
            "his Azerbaijani counterpart Elmar Huseynli.",
            "aram-vardanian",
        ),
    ],
)
def test_no_principal_in_a_near_miss(ex: Extractor, text: str, person: str) -> None:
    assert not {p for p in _links(ex, text) if p[0] == person}


def test_one_army_by_two_nouns_and_two_armies_apart(ex: Extractor) -> None:
    one = _actors(
        ex,
        "The Sudanese army said its delegation had left. A spokesman for the Sudanese "
        "military, Nabil Osman, said the army wanted a truce.",
    )
    assert len({a for a in one if a.startswith("sudanese-")}) == 1
    two = _actors(ex, "The Ethiopian military said the Eritrean army had crossed the border.")
    assert {"ethiopian-military", "eritrean-army"} <= two


def test_a_regional_government_is_a_body_of_its_own(ex: Extractor) -> None:
    assert "tigrayan-government" in _actors(
        ex, "The Tigrayan government said it would send a delegation to the talks."
    )
    assert not _actors(ex, "Tigrayan forces said they had withdrawn from two towns.")
    assert not _actors(ex, "Western governments said they would fund the mission.")


def test_outlets_quoted_and_datelines_between_bars_are_no_actors(ex: Extractor) -> None:
    quoted = _actors(
        ex, "The Guardian quoted the Interfax news agency as saying Russia had made no statement."
    )
    assert quoted == {"russia"}
    assert "basem-naim" in _actors(
        ex, "The agency quoted Hamas official Basem Naim as saying the group would reply."
    )
    m = DATELINE.search("ISTANBUL, TURKEY | Xinhua | Envoys of Russia met.")
    assert m is not None and m.group(0) == "ISTANBUL, TURKEY | Xinhua | "
    assert DATELINE.search("Hamas | The group said it would reply.") is None
    assert _actors(
        ex, "ISTANBUL, TURKEY | Xinhua | Envoys of Russia and Ukraine met in Istanbul."
    ) == {"russia", "ukraine"}
