"""A side's terms by construction (issue-17d): orders with "tell", vows and warnings with a
negated condition, "made X conditional on Y", a resolution's body, a concession offered on a
condition, a contrast clause asserted on its own. The bank
(examples/extraction-bank/demands-terms.yaml) holds the cases; these tests pin what a bank
case cannot say. Sentences written for these tests."""

from __future__ import annotations

import pytest
from actorgraph.ingest.extract import Extractor
from actorgraph.ingest.extract.lexicon import Lexicon

from tests.test_extract_demand_news import _demands


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor()


def test_the_lexicon_holds_the_new_lists() -> None:
    lex = Lexicon.load()
    assert "tell" in lex.addressed_verbs and "tell" in lex.demand_verbs
    assert {"resolution", "statement"} <= lex.adopted_texts
    assert "survival" in lex.vital_of
    assert {"favour", "prefer"} <= set(lex.demand_verbs)
    assert "diplomacy" in lex.general_appeals


def test_a_demand_in_a_threat_names_its_content_not_its_being_met(ex: Extractor) -> None:
    found = _demands(
        ex,
        "The Houthis vowed to strike the terminals if their demands to pay the salaries "
        "from the oil revenues are not met.",
    )
    assert len(found) == 1
    assert "salaries" in found[0][1] and "met" not in found[0][1]


def test_a_resolution_is_the_demand_of_the_body_that_adopted_it_not_of_one_that_vetoed_it(
    ex: Extractor,
) -> None:
    adopted = _demands(
        ex,
        "The UN Security Council adopted a resolution on Friday. The resolution calls on "
        "Kinshasa and the M23 to resume talks in Doha.",
    )
    assert [s for s, _ in adopted] == ["un-security-council"]
    vetoed = _demands(
        ex, "Russia vetoed a resolution on Monday. The resolution demanded a ceasefire."
    )
    assert vetoed == []


def test_a_contrast_clause_keeps_its_own_assertion(ex: Extractor) -> None:
    found = _demands(
        ex,
        "Thailand wanted to settle the dispute on its own, while Cambodia had called for "
        "international mediation.",
    )
    assert any(s == "cambodia" and "mediation" in t for s, t in found)


def test_an_offer_to_stop_the_talks_is_a_threat_not_a_demand(ex: Extractor) -> None:
    assert _demands(ex, "Moscow will stop the negotiations if Washington deploys missiles.") == []
    found = _demands(ex, "Hezbollah will end its attacks if Israel withdraws from the hills.")
    assert [s for s, _ in found] == ["hezbollah"] and "hills" in found[0][1]
