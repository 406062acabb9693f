"""Demands stated as a side's terms and position (issue-21D, `demand_positions.py`): exchanges,
minimums, ties, conditions seen as such, a side's plan, what a position turns on, extraposed
needs, insisting adjectives, non-negotiable things. The bank
(examples/extraction-bank/demands-positions.yaml) holds the cases; these tests pin what a bank
case cannot say. Sentences written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from actorgraph.graph.errors import InputError
from actorgraph.ingest.extract import Extractor
from actorgraph.ingest.extract.demand_positions import load_positions

from tests.test_extract_demand_news import _demands


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor()


def test_the_cue_file_is_validated_on_load(tmp_path: Path) -> None:
    terms = load_positions()
    assert {"exchange", "return"} <= set(terms.exchange_nouns)
    assert "for" in terms.plan_needs["provide"]
    bad = tmp_path / "bad.yaml"
    bad.write_text("exchange_nouns: [exchange]\nunknown_class: [x]\n", encoding="utf-8")
    with pytest.raises(InputError):
        load_positions(bad)


def test_plan_needs_must_name_plan_verbs(tmp_path: Path) -> None:
    f = tmp_path / "stray.yaml"
    classes = [
        "exchange_nouns",
        "offer_verbs",
        "described_plans",
        "minimum_pronouns",
        "minimum_words",
        "minimum_verbs",
        "linking_verbs",
        "regarding_verbs",
    ]
    f.write_text(
        "".join(f"{c}: [x]\n" for c in classes) + "plan_verbs: [envisage]\n"
        "plan_needs: {hope: [for]}\n",
        encoding="utf-8",
    )
    with pytest.raises(ValueError, match="hope"):
        load_positions(f)


def test_an_exchange_names_what_is_asked_not_what_is_offered(ex: Extractor) -> None:
    found = _demands(
        ex, "Hamas would free the hostages in exchange for the release of 500 prisoners."
    )
    assert [s for s, _ in found] == ["hamas"]
    assert "prisoners" in found[0][1] and "hostages" not in found[0][1]


def test_an_exchange_a_proposal_describes_is_no_sides_demand(ex: Extractor) -> None:
    assert (
        _demands(
            ex, "According to the proposal, Hamas would free 33 hostages in exchange for a truce."
        )
        == []
    )


def test_the_least_a_side_takes_needs_the_right_polarity(ex: Extractor) -> None:
    found = _demands(ex, "Kyiv will not accept anything less than a full withdrawal.")
    assert [s for s, _ in found] == ["ukraine"] and "withdrawal" in found[0][1]
    assert _demands(ex, "Kyiv will accept anything less than a full withdrawal.") == []


def test_a_passive_tie_is_held_by_its_agent(ex: Extractor) -> None:
    found = _demands(ex, "Any truce has been tied by Moscow to the lifting of sanctions.")
    assert [s for s, _ in found] == ["russia"] and "sanctions" in found[0][1]


def test_a_position_gives_one_demand_per_item(ex: Extractor) -> None:
    found = _demands(
        ex,
        "Hamas said its position centres on securing a lasting ceasefire, the full withdrawal "
        "of Israeli troops from Gaza, and free humanitarian access.",
    )
    assert [s for s, _ in found] == ["hamas"] * 3
    assert ["ceasefire" in t or "withdrawal" in t or "access" in t for _, t in found] == [True] * 3


def test_an_urgent_need_of_the_speakers_own_side_is_none(ex: Extractor) -> None:
    assert _demands(ex, "Israel said it was urgent that Israel rebuild the towns.") == []


def test_an_insisted_condition_is_read_once(ex: Extractor) -> None:
    found = _demands(
        ex,
        "Azerbaijan insisted that any peace deal is conditional on a change of the constitution.",
    )
    assert [s for s, _ in found] == ["azerbaijan"] and "constitution" in found[0][1]


def test_an_insisting_adjective_is_in_the_lexicon_and_needs_a_copula(ex: Extractor) -> None:
    from actorgraph.ingest.extract.lexicon import Lexicon

    assert "adamant" in Lexicon.load().insisting_adjectives
    found = _demands(ex, "Azerbaijan is adamant that Armenia must change its constitution.")
    assert [s for s, _ in found] == ["azerbaijan"] and "constitution" in found[0][1]
