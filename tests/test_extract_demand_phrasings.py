"""Demands without a verb of demanding (issue 10n; sentences written for these tests):
demand nouns owned by a description, lists that "centre on" their items, conditions named by
a copula, requirements stated as a state of things, small clauses after want/need, "held out
for", several "that" clauses, "sign it", refusals of every deal lacking X, spoken lists."""

from __future__ import annotations

import pytest
from actorgraph.ingest.extract import Extractor

from tests.test_extract_stances import _has, _rels


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor(n_process=1)


@pytest.mark.parametrize(
    ("text", "source", "words"),
    [
        (
            "Talks between the government of Colombia and the ELN rebels resumed. Rebel "
            "demands include an amnesty and the release of jailed leaders.",
            "eln",
            ("release", "leaders"),
        ),
        ("Chile's demands focus on a new border survey and fishing rights.", "chile", ("survey",)),
        ("Chile's demands focus on a new border survey and fishing rights.", "chile", ("fishing",)),
        ("Bolivia said sea access is a precondition for any talks.", "bolivia", ("sea access",)),
        ("Its first priority remained the return of the crew, Peru said.", "peru", ("crew",)),
        ("Bolivia held out for sovereign access to the sea.", "bolivia", ("access",)),
        ("Peru said any inquiry must be run by the United Nations.", "peru", ("inquiry", "united")),
        ("Peru said the fishermen must be released first.", "peru", ("fishermen", "released")),
        ("Chile said there must be a full review of the treaty.", "chile", ("review",)),
        ("Chile wants the tariffs lifted and the quotas scrapped.", "chile", ("quotas",)),
        ("Peru needs the border crossing reopened.", "peru", ("crossing", "reopened")),
        ("Peru said the hostages must come home.", "peru", ("hostages",)),
        ("Chile said the shelling of the port has to stop.", "chile", ("shelling",)),
        (
            "Chile demanded that the boats be returned, that the crews be freed, and that "
            "the fines be paid.",
            "chile",
            ("fines",),
        ),
        (
            "The mediators presented a draft treaty. Brazil called on Peru to sign it.",
            "brazil",
            ("sign", "treaty"),
        ),
        (
            "Chile would not accept any agreement that did not include the return of the boats.",
            "chile",
            ("return", "boats"),
        ),
        ("Peru will not sign any accord without a border survey.", "peru", ("survey",)),
        ("Chile will sign the accord provided that Peru returns the boats.", "chile", ("boats",)),
        (
            "Bolivia called for an immediate halt to Chilean tariffs and for the return of the "
            "trucks to their owners.",
            "bolivia",
            ("return", "trucks"),
        ),
    ],
)
def test_a_demand_phrased_without_a_verb_of_demanding(
    ex: Extractor, text: str, source: str, words: tuple[str, ...]
) -> None:
    assert _has(_rels(ex, text, "demands"), source, *words)


@pytest.mark.parametrize(
    "text",
    [
        "Chile would not accept any agreement that did not include the return of the boats.",
        "Chile would accept no agreement without the return of the boats.",
    ],
)
def test_a_refusal_of_every_deal_lacking_x_is_a_demand_and_no_rejection(
    ex: Extractor, text: str
) -> None:
    assert _has(_rels(ex, text, "demands"), "chile", "return", "boats")
    assert _rels(ex, text, "rejects") == set()


def test_an_answer_lists_demands_by_ordinals(ex: Extractor) -> None:
    text = (
        "We spoke to Ana Quispe, the chief negotiator of the Andean Front, in Lima.\n\n"
        "Q: What do you need before you sign?\n\n"
        "A: First, an inquiry that both sides accept. Second, a corridor to the port. "
        "Then we can talk."
    )
    found = _rels(ex, text, "demands")
    assert _has(found, "andean-front", "inquiry")
    assert _has(found, "andean-front", "corridor")


@pytest.mark.parametrize(
    "text",
    [
        "Peru said the talks must have been difficult.",
        "Peru said there must be a mistake in the figures.",
        "Chile asked whether the crossing must be reopened.",
        "Peru said local problems should be solved locally.",
        "Chile said the talks must be difficult.",
        "Bolivia held out hope for a deal.",
        "Peru said drought is a precondition for famine.",
        '"That file is closed, and we want it finished soon," Peru said.',
        "Chile said the military would have to be consulted.",
        "The talks focus on a new border survey, Chile said.",
        "Chile has provided that list of boats to the mediators.",
        "Peru said the weather has to improve before the convoy leaves.",
        "Chile said prices must rise next year.",
        "Peru said it needs more time to study the proposal.",
        "Chile needs the support of its allies.",
    ],
)
def test_near_misses_give_no_demand(ex: Extractor, text: str) -> None:
    assert _rels(ex, text, "demands") == set()


def test_the_groups_demands_in_a_sides_own_words_are_that_sides(ex: Extractor) -> None:
    text = (
        "Ivan Marquez, a negotiator for the Andean Front, met the UN envoy and the World Food "
        "Programme. The group's demands include an amnesty, he added."
    )
    found = _rels(ex, text, "demands")
    assert _has(found, "andean-front", "amnesty")
    assert not _has(found, "world-food-programme", "amnesty")
