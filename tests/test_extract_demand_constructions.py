"""Demands by construction (issue-14d): conditions held with "on", negated intents with
"until", demand nouns with their items, "the need for", seeking, persuading and proposing,
threats with a negated condition, a second urged act without "to". The bank
(examples/extraction-bank/demands-constructions.yaml) holds the cases; these tests pin what
a bank case cannot say. Sentences written for these tests."""

from __future__ import annotations

import pytest
from actorgraph.ingest.extract import Extractor
from actorgraph.ingest.extract.lexicon import Lexicon

from tests.test_extract_demand_news import _demands


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor()


def test_the_lexicon_holds_the_new_cue_lists() -> None:
    lex = Lexicon.load()
    assert {"hinge", "depend", "conditional"} <= lex.dependence
    assert "need" in lex.need_nouns and "stress" in lex.need_verbs
    assert {"threaten", "vow", "warn"} <= lex.threat_verbs  # issue-17d: vows and warnings
    assert "want" in lex.intent_verbs
    assert {"hinge", "need", "threaten"} <= lex.cue_lemmas


def test_a_contentless_first_act_gives_way_to_the_second(ex: Extractor) -> None:
    found = _demands(ex, "Blinken urged Israel to seize the moment and agree to a ceasefire.")
    assert len(found) == 1
    assert "ceasefire" in found[0][1] and "moment" not in found[0][1]


def test_a_threat_with_unless_stays_a_threat(ex: Extractor) -> None:
    """PLOVER codes "threatened X unless Y" as a threat only."""
    text = "Ankara threatened to close the border unless Damascus withdrew its troops."
    assert _demands(ex, text) == []


def test_the_condition_names_the_act_of_the_actor_it_hangs_on(ex: Extractor) -> None:
    found = _demands(ex, "The Kremlin said any deal hinges on Ukraine dropping its NATO bid.")
    assert [s for s, _ in found] == ["russia"]
    assert "bid" in found[0][1] and found[0][1] != "Ukraine"


def test_a_time_is_not_what_one_negotiates_for(ex: Extractor) -> None:
    assert _demands(ex, "Serbia and Kosovo negotiated for weeks.") == []


def test_a_negated_condition_names_the_act_without_its_negation(ex: Extractor) -> None:
    text = "Israel threatened to resume the war if Hamas does not release the hostages."
    found = _demands(ex, text)
    assert [s for s, _ in found] == ["israel"]
    assert "hostages" in found[0][1] and "not" not in found[0][1].split()


def test_seeking_counts_only_a_step_of_the_talks(ex: Extractor) -> None:
    assert _demands(ex, "Burhan seeks to drive the RSF out of Khartoum.") == []
    assert _demands(ex, "Qatar seeks to secure a truce in Gaza.") != []


def test_a_lone_act_without_content_keeps_its_name_in_a_rejection(ex: Extractor) -> None:
    """Only a conjoined act with content replaces a first act that has none."""
    recs = ex.extract_text("The ELN refused to cooperate.", published="2024-05-01")
    assert [r["type"] for r in recs if r["kind"] == "relation"] == ["rejects"]
