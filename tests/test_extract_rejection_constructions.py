"""Rejections keyed on constructions (issue 14r): a bare claim noun that points back to a
demand, an agreement to exclude others, holding on to what is to be given up, a refused bare
verb that shares the next one's object, votes in an election, and a relative clause the parser
hung on the verb. Sentences written for these tests."""

from __future__ import annotations

import pytest
from actorgraph.ingest.extract import Extractor
from actorgraph.ingest.extract.lexicon import DEFAULT_LEXICON, Lexicon
from actorgraph.ingest.extract.topic_spans import hung_relative


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor(n_process=1)


def _stances(ex: Extractor, text: str, rtype: str) -> list[tuple[str, str]]:
    recs = ex.extract_text(text, published="2024-05-01")
    topics = {r["id"]: r["name"] for r in recs if r["kind"] == "topic"}
    return [
        (r["source"], topics.get(r["target"], r["target"]))
        for r in recs
        if r["kind"] == "relation" and r["type"] == rtype
    ]


def test_the_lexicon_holds_the_new_lists() -> None:
    lex = Lexicon.load(DEFAULT_LEXICON)
    assert "claims" in lex.claim_anaphors and "accuse" in lex.accusing
    assert "candidacy" in lex.electoral and "keep" in lex.retaining
    assert "agree" in lex.agreeing and "country" in lex.outsiders


def test_a_relative_clause_hung_on_the_verb_is_no_complement(ex: Extractor) -> None:
    text = (
        "The Andean Front demanded the release of hundreds of prisoners, "
        "some of whom were accused of links to Peru."
    )
    doc = ex.nlp(text)
    accused = next(t for t in doc if t.text == "accused")
    assert accused.dep_ == "ccomp"  # the parser's reading this test is about
    assert hung_relative(accused)
    assert _stances(ex, text, "demands") == [("andean-front", "release of hundreds of prisoners")]


def test_a_that_clause_is_no_hung_relative(ex: Extractor) -> None:
    doc = ex.nlp("Chile demanded that the crew, who were seized in May, be freed.")
    freed = next(t for t in doc if t.text == "freed")
    assert not hung_relative(freed)


def test_the_claims_point_back_to_the_demand(ex: Extractor) -> None:
    text = "Chile insists that Peru must return the islands. Peru has rejected these claims."
    demanded = _stances(ex, text, "demands")
    assert _stances(ex, text, "rejects") == [("peru", demanded[0][1])]


def test_claims_after_an_accusation_are_denied_not_the_demand(ex: Extractor) -> None:
    text = (
        "Peru demanded the release of the crew and accused Bolivia of piracy. "
        "Bolivia rejected the claims."
    )
    assert _stances(ex, text, "rejects") == [("bolivia", "claims")]  # issue 15r: the denial


def test_an_agreement_to_exclude_is_each_side_s_rejection(ex: Extractor) -> None:
    found = _stances(
        ex, "Armenia and Azerbaijan agreed that no other country should be involved.", "rejects"
    )
    assert sorted(s for s, _ in found) == ["armenia", "azerbaijan"]
    assert all(name.startswith("other country") for _, name in found)


def test_an_agreed_forecast_excludes_nothing(ex: Extractor) -> None:
    text = "Peru and Chile agreed that no deal would be reached this year."
    assert _stances(ex, text, "rejects") == []


def test_keeping_what_was_demanded_away_rejects_the_demand(ex: Extractor) -> None:
    text = (
        "The United States demanded that Iran dismantle its enrichment programme. "
        "Tehran insisted on keeping its enrichment capacity."
    )
    demanded = _stances(ex, text, "demands")
    assert len(demanded) == 1
    assert _stances(ex, text, "rejects") == [("iran", demanded[0][1])]


@pytest.mark.parametrize(
    "text",
    [
        "Peru insisted on keeping the right to inspect cargo at the crossing.",
        "Peru insisted on keeping troops in the valley.",
    ],
)
def test_a_right_or_a_presence_kept_stays_a_demand(ex: Extractor, text: str) -> None:
    assert _stances(ex, text, "rejects") == []
    assert len(_stances(ex, text, "demands")) == 1


def test_a_bare_refused_verb_shares_the_next_one_s_object(ex: Extractor) -> None:
    found = _stances(ex, "The Andean Front refused to sit or meet with Peru.", "rejects")
    assert found == [("andean-front", "sit or meet with Peru")]


def test_a_vote_in_an_election_is_no_stance(ex: Extractor) -> None:
    vote = "The Andean Front did not support her bid for re-election."
    assert _stances(ex, vote, "rejects") == []
    assert _stances(ex, "Bolivia did not support the ceasefire proposal.", "rejects") != []


@pytest.mark.parametrize(
    ("text", "source", "word"),
    [
        (
            '"No buffer zone will happen on our land," the Andean Front said.',
            "andean-front",
            "zone",
        ),
        (
            "The Constitutional Court ruled that the Bolivian decree was unconstitutional.",
            "constitutional-court",
            "decree",
        ),
        (
            "Peru's Constitutional Court dismissed on Monday a lawsuit by the Front.",
            "constitutional-court",
            "lawsuit",
        ),
        ("The Andean Front announced the termination of the peace talks.", "andean-front", "talks"),
        (
            "Bolivia made an offer of two ports, which was rejected as too small by Peru.",
            "peru",
            "offer",
        ),
        ("Kyiv has declined to give up any territory.", "ukraine", "territory"),
    ],
)
def test_more_constructions_reject(ex: Extractor, text: str, source: str, word: str) -> None:
    found = _stances(ex, text, "rejects")
    assert any(word in name and s == source for s, name in found), found


@pytest.mark.parametrize(
    "text",
    [
        "Peru said no talks will happen this week.",
        "Peru announced the end of the curfew in the valley.",
        "The Andean Front did not take part in the talks between Peru and Bolivia.",
        "Peru declined to give details of the plan.",
    ],
)
def test_near_misses_of_the_constructions(ex: Extractor, text: str) -> None:
    assert _stances(ex, text, "rejects") == []


def test_the_stance_s_own_relative_clause_is_no_content(ex: Extractor) -> None:
    text = "Bolivia made an offer, which was rejected as too low by Peru."
    assert _stances(ex, text, "rejects") == [("peru", "offer")]


def test_claims_with_their_own_content_point_back_to_no_demand(ex: Extractor) -> None:
    """Review of round 14: "the claims which Moscow made about X" are claims of their own, not
    the demand named before."""
    text = (
        "Russia demanded the four regions on Monday. "
        "Kyiv rejected the claims which Moscow made about shelling in Donetsk."
    )
    assert ("ukraine", "four regions") not in _stances(ex, text, "rejects")


def test_a_first_act_with_its_own_object_shares_nothing(ex: Extractor) -> None:
    """Review of round 14: the bare verb that shares the next verb's object ("refused to sit
    or meet with X") is not "urged B to seize the moment and agree to a ceasefire"."""
    demands = _stances(
        ex,
        "The United Nations urged Hamas to seize the moment and agree to a ceasefire.",
        "demands",
    )
    assert [t for _, t in demands] == ["agree to ceasefire"]
    rejects = _stances(
        ex, "The Libyan government refused to sit or meet with Khalifa Haftar.", "rejects"
    )
    assert [t for _, t in rejects] == ["sit or meet with Khalifa Haftar"]
