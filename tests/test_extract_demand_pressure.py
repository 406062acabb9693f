"""Demands as the event coders' families of phrasing (issue-20D): pressure put on another to
act, ultimatums as time given to act, verbs of entreaty, what a side wants to see, list items
hung on the list, a demand made to the subject, attributed and denied demands, phrasal verbs
of another sense. The bank (examples/extraction-bank/demands-pressure.yaml) holds the cases;
these tests pin what a bank case cannot say. Sentences written for these tests."""

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
    assert "pressure" in lex.pressure_nouns and {"give", "set"} <= lex.deadline_verbs
    assert {"deadline", "hours", "days"} <= lex.deadline_nouns
    assert {"entreat", "beseech", "beg", "clamour"} <= set(lex.demand_verbs)
    assert "receive" in lex.receiving_verbs and "claim" in lex.demand_attributing
    assert "up" in lex.phrasal_senses["call"]
    assert {"pressure", "give"} <= lex.cue_lemmas


def test_pressure_names_the_act_not_the_pressure(ex: Extractor) -> None:
    found = _demands(ex, "Qatar put pressure on Hamas to free the Thai farm workers.")
    assert [s for s, _ in found] == ["qatar"]
    assert "workers" in found[0][1] and "pressure" not in found[0][1]


def test_the_owner_of_the_pressure_demands_of_the_one_under_it(ex: Extractor) -> None:
    found = _demands(ex, "Hamas is under pressure from Egypt to free the Israeli soldier.")
    assert [s for s, _ in found] == ["egypt"] and "soldier" in found[0][1]
    assert _demands(ex, "Hamas is under pressure to free the Israeli soldier.") == []


def test_pressure_on_oneself_or_no_actor_is_no_demand(ex: Extractor) -> None:
    assert _demands(ex, "Egypt stepped up pressure on prices to fall.") == []
    assert _demands(ex, "Israel kept up the pressure on Hamas in Rafah.") == []


def test_the_one_given_the_time_is_not_the_holder(ex: Extractor) -> None:
    found = _demands(ex, "Kenya gave the rebels and Ethiopia ten days to reopen the road.")
    assert [s for s, _ in found] == ["kenya"]
    assert "road" in found[0][1]


def test_a_deadline_with_for_names_its_doer(ex: Extractor) -> None:
    found = _demands(ex, "Turkey set a deadline for the SDF to merge into the Syrian army.")
    assert [s for s, _ in found] == ["turkey"] and "merge" in found[0][1]


def test_seeing_a_text_or_a_person_is_no_demand(ex: Extractor) -> None:
    assert _demands(ex, "Russia wants to see the draft before Friday.") == []
    found = _demands(ex, "Russia wants to see an end to NATO expansion.")
    assert [s for s, _ in found] == ["russia"] and "NATO" in found[0][1]


def test_a_demand_received_is_its_owners_not_the_receivers(ex: Extractor) -> None:
    found = _demands(
        ex, "Serbia received a request from the EU to recognise Kosovo's licence plates."
    )
    assert [s for s, _ in found] == ["european-union"]


def test_an_attributed_demand_stands_only_when_said_of_oneself(ex: Extractor) -> None:
    assert _demands(ex, "Kyiv accused Moscow of wanting to seize the whole of Donetsk.") == []
    assert _demands(ex, "Israel believes Hamas wants a long truce.") == []
    found = _demands(ex, "Ukraine claims it wants security guarantees from the United States.")
    assert [s for s, _ in found] == ["ukraine"]


def test_a_phrasal_verb_of_another_sense_is_no_call(ex: Extractor) -> None:
    assert _demands(ex, "Israel called up its reservists for the offensive in Gaza.") == []
    found = _demands(ex, "Hamas called for a halt to the strikes on Khan Younis.")
    assert [s for s, _ in found] == ["hamas"]


def test_a_second_small_clause_hung_on_want_is_wanted_too(ex: Extractor) -> None:
    found = _demands(ex, "Kyiv wants the children returned and the occupiers punished.")
    assert len(found) == 2 and "punished" in found[1][1]
    assert len(_demands(ex, "Kyiv wants the children returned and the army shelled Kursk.")) == 1
