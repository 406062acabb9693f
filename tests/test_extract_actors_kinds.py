"""Actors by the kind of mention (issue 10x): an owner acts through its bodies only where the
body acts in turn; an entity headed by a lower-case noun is a description, not a name; a
state's "Ministry of X" is the state; a body one speaks for or advises speaks through them; a
name the parser hung on the name after "and" stands with it."""

from __future__ import annotations

import pytest
from actorgraph.ingest.evaluate import score_bank
from actorgraph.ingest.extract import Extractor
from actorgraph.ingest.extract.bank import load_bank

from tests.helpers import ROOT
from tests.test_extract_actors_acting import _actors

BANK = ROOT / "examples" / "extraction-bank" / "actors-kinds.yaml"


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor(n_process=1)


def test_the_bank_family(ex: Extractor) -> None:
    """The family's bank cases: at least 20, with near misses, all right."""
    [family] = load_bank(BANK)
    assert len(family.cases) >= 20
    assert score_bank(ex, [family])[family.family]["all"].f1 == 1.0


@pytest.mark.parametrize(
    ("text", "kept", "dropped"),
    [
        (  # a body acted upon: its owner does not act through it
            "The UN observer mission in Kasai was not represented at the signing, which Angola "
            "hosted.",
            {"Angola"},
            {"United Nations"},
        ),
        (  # a description in apposition is no organization of its own
            "Narodna Stranka, the main Kosovo Serb party, said it would boycott the vote.",
            {"Narodna Stranka"},
            {"Kosovo Serb party"},
        ),
        (  # "Ministry of X" of a state is the state, also where the ministry itself acts
            "Arjun Mehta, the spokesman for India's Ministry of External Affairs, told reporters "
            "that no mediator was needed.",
            {"India", "Arjun Mehta"},
            {"Ministry of External Affairs"},
        ),
        (
            "India's Ministry of External Affairs said on Monday that no mediator was needed.",
            {"India"},
            {"Ministry of External Affairs"},
        ),
        (  # the first of "X and Y" the parser hung on Y is a side of the meeting
            "Kyiv called for a meeting between Zelensky and Russian President Vladimir Putin to "
            "settle the hardest questions.",
            {"Zelensky", "Vladimir Putin"},
            set(),
        ),
    ],
)
def test_kinds(ex: Extractor, text: str, kept: set[str], dropped: set[str]) -> None:
    got = _actors(ex, text)
    assert kept <= got
    assert not dropped & got


def test_a_body_that_acts_keeps_its_owner(ex: Extractor) -> None:
    """Near miss: the same mission acting makes its owner act."""
    got = _actors(ex, "The UN observer mission in Kasai monitored the truce line on Sunday.")
    assert "United Nations" in got
