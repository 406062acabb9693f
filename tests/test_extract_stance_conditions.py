"""Conditional refusals, standing demands inside rejections, mandative clauses, "the
government" of talks, negated topics and conjoined infinitives (issue 10k; sentences written
for these tests)."""

from __future__ import annotations

import pytest
from actorgraph.ingest.extract import Extractor

from tests.test_extract_stances import _has, _rels


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor(n_process=1)


@pytest.mark.parametrize(
    ("text", "owner", "rejecter", "words"),
    [
        (
            "Peru has refused Chile's demand that Peru return the fishing boats.",
            "chile",
            "peru",
            ("boats",),
        ),
        (
            "Bolivia dismissed Paraguayan demands for a new border commission.",
            "paraguay",
            "bolivia",
            ("commission",),
        ),
    ],
)
def test_a_rejected_standing_demand_is_its_owners_demand(
    ex: Extractor, text: str, owner: str, rejecter: str, words: tuple[str, ...]
) -> None:
    assert _has(_rels(ex, text, "demands"), owner, *words)
    assert _has(_rels(ex, text, "rejects"), rejecter, *words)


@pytest.mark.parametrize(
    "text",
    [
        "Uruguay rejected an Argentine ultimatum to close the pulp mill.",
        "Venezuela rejected recent calls by Guyana's leaders for international arbitration.",
        "Chile did not reject Bolivia's demand for sea access.",
        "Chile may reject Bolivia's demand for sea access.",
    ],
)
def test_one_act_of_asking_or_no_rejection_gives_no_demand(ex: Extractor, text: str) -> None:
    assert _rels(ex, text, "demands") == set()


def test_a_demands_complement_past_an_aside(ex: Extractor) -> None:
    text = "Peru rejected an Ecuadorian demand, included in the draft, for a new border survey."
    assert _rels(ex, text, "rejects") == {("peru", "border survey")}


@pytest.mark.parametrize(
    ("text", "source", "words"),
    [
        (
            "Bolivia will not join new talks until Chile withdraws its troops from the border.",
            "bolivia",
            ("troops",),
        ),
        (
            "Guyana will not begin drafting a treaty until Venezuela takes concrete steps toward "
            "recognising the award.",
            "guyana",
            ("recognising",),
        ),
    ],
)
def test_a_refusal_until_something_happens_is_a_demand(
    ex: Extractor, text: str, source: str, words: tuple[str, ...]
) -> None:
    assert _has(_rels(ex, text, "demands"), source, *words)
    assert not _has(_rels(ex, text, "rejects"), source, *words)  # the condition is no rejection


def test_a_refusal_until_something_happens_rejects_what_is_refused(ex: Extractor) -> None:
    """Issue 15r: the dev sets' gold holds "would not join the talks until X" as a rejection of
    the talks for now, beside the demand for X."""
    text = "Bolivia will not join new talks until Chile withdraws its troops from the border."
    assert _has(_rels(ex, text, "rejects"), "bolivia", "talks")
    past = "Colombia did not reopen the crossing until Venezuela freed the prisoners."
    assert _rels(ex, past, "rejects") == set()


def test_a_mandative_clause_under_a_past_verb(ex: Extractor) -> None:
    found = _rels(
        ex, "Bolivia insisted that all Chilean forces withdraw from the salt flats.", "demands"
    )
    assert _has(found, "bolivia", "withdraw"), found
    assert _rels(ex, "Chile said that its ships patrol the strait every night.", "demands") == set()


def test_the_government_of_talks_with_a_group_is_the_state(ex: Extractor) -> None:
    text = (
        "The Colombian government and the Andean Liberation Front met in Quito. The government "
        "insisted that all rebel fighters withdraw from the highway."
    )
    assert _has(_rels(ex, text, "demands"), "colombia", "withdraw"), _rels(ex, text, "demands")
    text = (
        "Peru and Chile resumed their border talks. The government insisted that the fishing "
        "fleets withdraw from the disputed waters."
    )
    assert _rels(ex, text, "demands") == set()


def test_the_government_makes_no_speaker(ex: Extractor) -> None:
    text = (
        "The Colombian government and the Andean Liberation Front met in Quito. The government "
        "said that the talks would resume in May."
    )
    recs = ex.extract_text(text, published="2024-05-01")
    assert not [r for r in recs if r["kind"] == "statement" and r["speaker"] == "colombia"]


def test_a_negated_topic_keeps_its_negation(ex: Extractor) -> None:
    found = _rels(ex, "Bolivia demanded no foreign troops on its soil.", "demands")
    assert found == {("bolivia", "no foreign troops")}, found


def test_one_demand_per_conjoined_infinitive(ex: Extractor) -> None:
    found = _rels(
        ex,
        "Chile wants Bolivia to share water data and to release more water in dry years.",
        "demands",
    )
    assert _has(found, "chile", "share") and _has(found, "chile", "release"), found
    found = _rels(
        ex,
        "Paraguay wants Brazil to drop the charges it has brought against Paraguayan officials "
        "and to lift the limits on its banks.",
        "demands",
    )
    assert _has(found, "paraguay", "charges") and _has(found, "paraguay", "lift"), found


def test_a_refusal_to_accept_is_about_what_was_not_accepted(ex: Extractor) -> None:
    found = _rels(ex, "Bolivia refused to accept the revised border map.", "rejects")
    assert found == {("bolivia", "border map")}, found


@pytest.mark.parametrize(
    ("text", "rtype"),
    [
        ("Chile no longer demands the return of the islands.", "demands"),
        ("Peru has dropped its demand for a new census.", "demands"),
        ("Peru has abandoned its call for a referendum.", "rejects"),
        ("Bolivia is no longer opposed to the plan.", "rejects"),
        ("Bolivia once rejected the plan but has since accepted it.", "rejects"),
    ],
)
def test_a_stance_given_up_or_reversed_is_none(ex: Extractor, text: str, rtype: str) -> None:
    assert _rels(ex, text, rtype) == set()


def test_accepting_something_else_reverses_nothing(ex: Extractor) -> None:
    text = "Ecuador rejected the plan but accepted the prisoner exchange."
    assert _rels(ex, text, "rejects") == {("ecuador", "plan")}


def test_what_a_deal_must_come_with(ex: Extractor) -> None:
    found = _rels(ex, "Bolivia insisted that any deal must come with guarantees.", "demands")
    assert found == {("bolivia", "guarantees")}, found


def test_a_statement_of_the_body_a_description_names(ex: Extractor) -> None:
    text = (
        "The Andean Liberation Front met the mediators on Monday. In a statement, the movement "
        "said it was ready to talk. Its statement also urged Lima to lift the curfew in the south."
    )
    assert _has(_rels(ex, text, "demands"), "andean-liberation-front", "curfew")
