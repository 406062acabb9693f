"""Rejections whose source is a body and refusals the rules missed (issue 10aa; sentences
written for these tests): "his movement" is the body its speaker speaks for, "no intention of"
a concession, a refusal one insists on for oneself, phrases with a hyphen, refusing to discuss,
boycotts and withdrawn support."""

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
            "Luis Vega, the Andean Front's commander, said his movement would not accept the plan.",
            "andean-front",
            ("plan",),
        ),
        (
            "Maria Lopez, who leads the Andean Front, said her group had rejected the offer.",
            "andean-front",
            ("offer",),
        ),
        (
            "Bolivia's chief negotiator, Juan Soto, said his delegation had turned down the map.",
            "bolivia",
            ("map",),
        ),
    ],
)
def test_a_possessive_body_noun_is_the_body_its_speaker_speaks_for(
    ex: Extractor, text: str, source: str, words: tuple[str, ...]
) -> None:
    found = _rels(ex, text, "rejects")
    assert _has(found, source, *words)
    assert all(s == source for s, _ in found)


@pytest.mark.parametrize(
    "text",
    [
        "Juan Soto said his movement rejected the plan.",  # tied to no body
        "Bolivia's foreign minister, Juan Soto, said his movement rejected the plan.",  # a state's
    ],
)
def test_a_possessive_body_noun_of_no_such_body_is_nobody(ex: Extractor, text: str) -> None:
    assert not _rels(ex, text, "rejects")


@pytest.mark.parametrize(
    ("text", "source", "words"),
    [
        ("The Andean Front has no intention of giving up its arms.", "andean-front", ("arms",)),
        ("Peru said it had no plans to withdraw its troops.", "peru", ("troops",)),
        (
            "The Andean Front insisted it would never hand over its weapons.",
            "andean-front",
            ("weapons",),
        ),
        ("Chile insisted that it would not accept any change to the border.", "chile", ("border",)),
        ("Chile said the Bolivian plan was a non-starter.", "chile", ("plan",)),
        ("Ecuador said a joint customs zone was a no-go.", "ecuador", ("customs zone",)),
        ("Venezuela will not discuss its claim to the Essequibo.", "venezuela", ("essequibo",)),
        ("Bolivia said it was not prepared to discuss the river.", "bolivia", ("river",)),
        ("The Andean Front said it would boycott the talks in Quito.", "andean-front", ("talks",)),
        ("Peru has withdrawn its support for the Chilean plan.", "peru", ("plan",)),
    ],
)
def test_refusals_reporters_write_without_a_rejecting_verb(
    ex: Extractor, text: str, source: str, words: tuple[str, ...]
) -> None:
    assert _has(_rels(ex, text, "rejects"), source, *words)


@pytest.mark.parametrize(
    "text",
    [
        "Peru said it had plans to withdraw its troops from the valley by June.",
        "Diplomats doubt that Peru has no intention of withdrawing its troops.",
        "Chile insisted that Peru withdraw its troops from the valley.",
        "Chile insisted it would sign the accord this week.",
        "Analysts said the plan was a non-starter.",
        "Bolivia declined to discuss the details of the meeting.",
        "Bolivia said it would discuss the status of the river.",
        "The Andean Front said it would not boycott the talks.",
        "Peru withdrew its ambassador from Chile.",
    ],
)
def test_near_misses_of_those_refusals_reject_nothing(ex: Extractor, text: str) -> None:
    assert not _rels(ex, text, "rejects")
