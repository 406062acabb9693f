"""Rejections widened from CAMEO's families (issue 20R): orders ignored or flouted, claims
disputed, measures overturned or defeated, assent withheld, news-wire idioms, answers that are
"no", "no question of X", and hypothetical refusals. Sentences written for these tests."""

from __future__ import annotations

import pytest
from actorgraph.ingest.extract import Extractor
from actorgraph.ingest.extract.lexicon import DEFAULT_LEXICON, Lexicon

from tests.helpers import rejects_named


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor(n_process=1)


def _rejects(ex: Extractor, text: str) -> list[tuple[str, str]]:
    return rejects_named(ex, text)


def test_the_lexicon_holds_the_new_words() -> None:
    lex = Lexicon.load(DEFAULT_LEXICON)
    assert {"ignore", "disregard", "flout", "dispute", "overturn", "defeat"} <= set(
        lex.reject_verbs
    )
    assert "answer" in lex.answer_nouns and "question" in lex.no_question
    assert "veto" in lex.object_classes["measure"]
    assert ("off", "x") in lex.reject_idioms["shrug"]


@pytest.mark.parametrize(
    ("text", "source", "word"),
    [
        ("Eritrea ignored the African Union's appeal to leave Tigray.", "eritrea", "Tigray"),
        ("Serbia has flouted the EU's ban on the new plates.", "serbia", "ban"),
        ("Hezbollah disregarded the government's order to disarm.", "hezbollah", "order"),
    ],
)
def test_an_order_ignored_or_flouted_is_rejected(
    ex: Extractor, text: str, source: str, word: str
) -> None:
    found = _rejects(ex, text)
    assert any(s == source and word in t for s, t in found), found


@pytest.mark.parametrize(
    "text",
    [
        "Kenya ignored a question about the police mission.",
        "The pilots ignored the storm warnings and took off.",
        "Ethiopia did not ignore the appeal from the African Union.",
    ],
)
def test_a_question_a_warning_or_a_negated_disregard_rejects_nothing(
    ex: Extractor, text: str
) -> None:
    assert _rejects(ex, text) == []


def test_a_claim_disputed_is_denied(ex: Extractor) -> None:
    found = _rejects(ex, "Moscow has disputed reports that its soldiers crossed into Moldova.")
    assert [s for s, _ in found] == ["russia"] and "moldova" in found[0][1].lower()
    assert _rejects(ex, "Peru and Chile still dispute the maritime border.") == []


def test_a_denied_act_with_a_cue_verb_outside_its_frame_is_a_denied_fact(ex: Extractor) -> None:
    # "blocked" takes a stance only on a proposal: the convoys are an act the claim tells of
    found = _rejects(ex, "Israel denies the claim that it blocked the aid convoys.")
    assert found and found[0][0] == "israel" and "convoys" in found[0][1]
    assert _rejects(ex, "Israel denied that it had rejected the Egyptian plan.") == []


def test_measures_overturned_or_defeated_but_not_armies(ex: Extractor) -> None:
    found = _rejects(ex, "The Knesset defeated the bill to annex the Jordan Valley.")
    assert len(found) == 1 and "bill" in found[0][1]
    assert _rejects(ex, "The Ukrainian army defeated the Russian forces near Kharkiv.") == []
    assert _rejects(ex, "A crowd overturned a police car in Nairobi.") == []


def test_assent_withheld(ex: Extractor) -> None:
    found = _rejects(ex, "Russia withheld its support for the Swiss peace plan.")
    assert found == [("russia", found[0][1])] and "plan" in found[0][1]
    assert _rejects(ex, "Qatar withheld details of the proposal.") == []


def test_a_no_the_idiom_says_is_no_negation(ex: Extractor) -> None:
    found = _rejects(ex, "The United States voted no on the ceasefire resolution.")
    assert [s for s, _ in found] == ["united-states"]
    assert _rejects(ex, "France did not vote no on the resolution.") == []


def test_an_answer_that_is_no_rejects_what_was_put_forward(ex: Extractor) -> None:
    found = _rejects(ex, "Egypt proposed a two-week truce. Hamas's answer was no.")
    assert found == [("hamas", found[0][1])] and "truce" in found[0][1]
    asked = _rejects(ex, "Asked about the buffer zone, Russia's response was a flat no.")
    assert asked and "buffer zone" in asked[0][1]
    assert _rejects(ex, "Egypt proposed a truce. Israel's answer was not yet no.") == []


def test_no_question_of_a_concession(ex: Extractor) -> None:
    found = _rejects(ex, "Kyiv said there was no question of giving up Crimea.")
    assert [s for s, _ in found] == ["ukraine"] and "crimea" in found[0][1].lower()
    assert _rejects(ex, "There is no question that Qatar hosted the talks, Egypt said.") == []


def test_a_hypothetical_refusal_is_none_a_conditional_will_is_one(ex: Extractor) -> None:
    assert _rejects(ex, "If Israel insists on the corridor, Hamas would reject the deal.") == []
    found = _rejects(ex, "Syria says it will reject any deal if it leaves Turkish troops in Idlib.")
    assert [s for s, _ in found] == ["syria"]


def test_a_refusal_told_to_another_side_is_the_tellers(ex: Extractor) -> None:
    found = _rejects(ex, "Niger's junta told ECOWAS it would not reinstate the ousted president.")
    assert [s for s, _ in found] == ["niger"]


def test_a_proposal_judged_a_sham_is_rejected_by_who_says_so(ex: Extractor) -> None:
    found = _rejects(ex, "The Houthis said the American offer was a sham.")
    assert [s for s, _ in found] == ["houthis"] and "offer" in found[0][1]
    assert _rejects(ex, "The war is a disaster, Egypt said.") == []
    assert _rejects(ex, "The plan is not a sham, Qatar said.") == []


def test_derision_of_a_proposal_is_a_rejection_of_people_none(ex: Extractor) -> None:
    found = _rejects(ex, "Russia mocked the Ukrainian peace formula as a fantasy.")
    assert [s for s, _ in found] == ["russia"] and "formula" in found[0][1]
    assert _rejects(ex, "The army mocked the rebels' fighters as cowards.") == []


@pytest.mark.parametrize(
    "text",
    [
        "Hamas said it is not going to accept a temporary truce.",
        "Under no circumstances will Hamas accept a temporary truce.",
        "There is no way Hamas will accept a temporary truce.",
        "Hamas is not about to accept a temporary truce.",
    ],
)
def test_a_refusal_whose_negation_is_off_the_verb(ex: Extractor, text: str) -> None:
    found = _rejects(ex, text)
    assert [s for s, _ in found] == ["hamas"] and "truce" in found[0][1]


@pytest.mark.parametrize(
    "text",
    [
        "Hamas is going to accept a temporary truce.",
        "There is no way to know whether Hamas will accept a temporary truce.",
    ],
)
def test_going_to_accept_and_no_way_to_know_refuse_nothing(ex: Extractor, text: str) -> None:
    assert _rejects(ex, text) == []


def test_there_can_be_no_talks_but_not_no_peace_without(ex: Extractor) -> None:
    found = _rejects(ex, "There can be no talks with the militia, Nigeria said.")
    assert [s for s, _ in found] == ["nigeria"] and "talks" in found[0][1]
    assert _rejects(ex, "There can be no peace without the islands' return, Japan said.") == []


def test_wire_verbs_of_assent_refused(ex: Extractor) -> None:
    found = _rejects(ex, "Beijing will not countenance any foreign mediation over Taiwan.")
    assert [s for s, _ in found] == ["china"] and "mediation" in found[0][1]
    assert _rejects(ex, "Serbia acceded to the EU's demand.") == []


def test_what_a_side_is_accused_of_is_no_stance(ex: Extractor) -> None:
    text = "Amnesty accused Ethiopia of blocking aid and ignoring the UN's appeal for access."
    assert _rejects(ex, text) == []
    found = _rejects(ex, "Hamas accused Israel of stalling and rejected the Egyptian plan.")
    assert [s for s, _ in found] == ["hamas"]


def test_cannot_told_in_the_past_is_a_refusal_a_view_or_a_condition_none(ex: Extractor) -> None:
    found = _rejects(ex, "Serbia said it could not endorse the French-German plan.")
    assert [s for s, _ in found] == ["serbia"] and "plan" in found[0][1]
    assert _rejects(ex, "Analysts said Hamas could not accept the deal.") == []
    text = "Hamas could not accept the deal if Israel kept troops in Rafah, analysts said."
    assert _rejects(ex, text) == []


def test_no_objection_is_none(ex: Extractor) -> None:
    assert _rejects(ex, "Uganda raised no objection to the Kenyan roadmap.") == []
    found = _rejects(ex, "Tanzania raised objections to the Kenyan roadmap.")
    assert [s for s, _ in found] == ["tanzania"]
