"""What a demand is about when the parse hides it (issue 10ab; sentences written for these
tests): a demand noun as a copula's predicate names its subject, an act noun with only a
possessive pronoun is named with what the pronoun points back to, a list hung inside its first
item, a group's singular name as the owner, a list noun apposed to the name before its verb,
a plural "their" in one negotiator's words."""

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
        ("The reopening of the bridge remains one of Chile's demands.", "chile", ("bridge",)),
        ("A new border survey is Peru's main demand, officials said.", "peru", ("survey",)),
        (
            "Peru still holds the trawlers. Chile demanded their release on Monday.",
            "chile",
            ("release", "trawlers"),
        ),
        (
            "Peru's negotiator said Peru wanted a truce of at least ten days, a review of the "
            "quotas and the return of the seized trucks.",
            "peru",
            ("quotas",),
        ),
        (
            "Chile demanded a freeze on fishing of at least six months, a new border survey and "
            "the return of the trucks.",
            "chile",
            ("trucks",),
        ),
        (
            "Bolivia wanted a pause in the shelling of the border towns, an end to the blockade "
            "and the reopening of the road.",
            "bolivia",
            ("road",),
        ),
        (
            "The Houthis sent negotiators to Muscat. Houthi demands include the reopening of "
            "the port.",
            "houthis",
            ("port",),
        ),
        (
            "According to the head of Chile's delegation, Pablo Rojas, Chile's terms include "
            "a new border survey and the return of the trucks.",
            "chile",
            ("survey",),
        ),
    ],
)
def test_what_a_demand_is_about_when_the_parse_hides_it(
    ex: Extractor, text: str, source: str, words: tuple[str, ...]
) -> None:
    assert _has(_rels(ex, text, "demands"), source, *words)


@pytest.mark.parametrize(
    "text",
    [
        "The reopening of the bridge is not one of Chile's demands.",
        "The weather was the main worry of the day.",
        "Delegations met in Lima. Houthi demands include the reopening of the port.",
    ],
)
def test_near_misses_give_no_demand(ex: Extractor, text: str) -> None:
    assert _rels(ex, text, "demands") == set()


def test_a_lone_apposition_to_a_name_is_no_second_demand(ex: Extractor) -> None:
    text = "Chile called for a ceasefire in Arica, the largest port in the north."
    found = _rels(ex, text, "demands")
    assert _has(found, "chile", "ceasefire")
    assert not any("largest" in t for _, t in found)


def test_their_in_a_negotiators_words_is_the_other_side(ex: Extractor) -> None:
    text = (
        "Sudan's army and the RSF met in Jeddah. Ahmed Salih, the army's chief negotiator, "
        'was asked what the RSF wanted. "Their demands include a share of the oil revenue," '
        "Salih said."
    )
    found = _rels(ex, text, "demands")
    assert _has(found, "rapid-support-forces", "oil")
    assert not any(s != "rapid-support-forces" and "oil" in t for s, t in found)
