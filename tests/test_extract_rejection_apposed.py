"""Rejections of issue 22R: an act or a claim apposed to the clause before it ("X did Y, a
move Z condemned", "Y, a charge Z denies"), deals renounced or abrogated, vows of refusal.
Sentences written for these tests."""

from __future__ import annotations

import pytest
from actorgraph.ingest.extract import Extractor
from actorgraph.ingest.extract.lexicon import DEFAULT_LEXICON, Lexicon

from tests.helpers import rejects_named


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor(n_process=1)


def test_the_lexicon_holds_the_new_words() -> None:
    lex = Lexicon.load(DEFAULT_LEXICON)
    assert {"move", "step", "decision"} <= lex.apposed_acts
    assert {"claim", "charge", "accusation"} <= lex.apposed_claims
    assert {"renounce", "abrogate", "revoke", "rescind"} <= set(lex.reject_verbs)
    assert "renounce" in lex.giving_up


@pytest.mark.parametrize(
    ("text", "source", "word"),
    [
        (
            "Israel began building a wall along the border, a move Lebanon condemned.",
            "lebanon",
            "wall",
        ),
        ("Turkey shut the crossings—a step which Iraq opposes.", "iraq", "crossings"),
        ("The junta expelled the envoy, a decision France called illegal.", "france", "envoy"),
        ("Kyiv says Belarus trained the troops, a charge Minsk denies.", "belarus", "troops"),
    ],
)
def test_an_apposed_act_or_claim_is_rejected_as_the_clause_says_it(
    ex: Extractor, text: str, source: str, word: str
) -> None:
    found = rejects_named(ex, text)
    assert any(s == source and word in t for s, t in found), found
    assert not any(t in ("move", "step", "decision", "charge") for _, t in found), found


@pytest.mark.parametrize(
    "text",
    [
        "Israel began building a wall along the border, a move Lebanon welcomed.",
        "Israel began building a wall along the border, a move Lebanon did not oppose.",
        "Turkey shut the crossings, a step analysts called risky.",
        "Israel said the move Lebanon condemned was legal.",
        "Hamas renounced its demand for a full Israeli withdrawal.",
        "Israel did not vow to negotiate with Hamas.",
        "Israel promised not to attack Rafah.",
    ],
)
def test_near_misses_reject_nothing(ex: Extractor, text: str) -> None:
    assert rejects_named(ex, text) == []


def test_a_vow_never_to_negotiate_is_a_refusal(ex: Extractor) -> None:
    assert ("israel", "negotiate with Hamas") in rejects_named(
        ex, "Israel vowed never to negotiate with Hamas."
    )


def test_a_deal_renounced_is_rejected(ex: Extractor) -> None:
    assert any(
        s == "russia" and "accord" in t
        for s, t in rejects_named(ex, "Russia abrogated the grain accord.")
    )
