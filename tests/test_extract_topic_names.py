"""What a demand or rejection is named (issue 10u): a demanded clause whose verb alone says
nothing keeps its subject or small-clause object, a relative clause the parser read as a
participle names its head, a list noun's priority given as an act names the act, a comment
in apposition is no item, a proposal word with its own content names its own topic, an
abstract head said to be something is that thing. Sentences written for these tests."""

from __future__ import annotations

import pytest
from actorgraph.ingest.extract import Extractor
from actorgraph.ingest.extract.topics import _fragment_subject, _small_clause_subject


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor()


def _names(ex: Extractor, text: str, rtype: str) -> list[str]:
    recs = ex.extract_text(text, published="2024-05-01")
    topics = {r["id"]: r["name"] for r in recs if r["kind"] == "topic"}
    return [
        topics.get(r["target"], r["target"])
        for r in recs
        if r["kind"] == "relation" and r["type"] == rtype
    ]


def _tok(ex: Extractor, text: str, word: str):  # type: ignore[no-untyped-def]
    doc = ex.nlp(text)
    return next(t for t in doc if t.text == word)


def test_small_clause_object_is_named(ex: Extractor) -> None:
    text = "Armenia said its government is opposed to making the treaty conditional on the vote."
    clause = _tok(ex, text, "conditional")
    subj = _small_clause_subject(clause)
    assert subj is not None and subj.text == "treaty"
    assert any("treaty conditional" in n for n in _names(ex, text, "rejects"))


def test_a_clause_with_its_own_conjunction_is_no_small_clause(ex: Extractor) -> None:
    clause = _tok(ex, "Iran said that the talks were over.", "were")
    assert _small_clause_subject(clause) is None


def test_a_bare_verb_takes_no_subject_and_names_nothing(ex: Extractor) -> None:
    text = "Oman says its team will stay in Muscat as long as both sides want."
    want = _tok(ex, text, "want")
    assert _fragment_subject(want, [want]) is not None  # a noun subject is there ...
    assert _names(ex, text, "demands") == []  # ... but a verb with nothing names nothing


def test_a_verb_with_an_object_needs_no_subject(ex: Extractor) -> None:
    text = "Hamas said it would not disarm until Israel lifted the blockade."
    lifted = _tok(ex, text, "lifted")
    assert _fragment_subject(lifted, [lifted, _tok(ex, text, "blockade")]) is None


@pytest.mark.parametrize(
    ("text", "word"),
    [
        (
            'Niger said it would not accept a plan that "places the army and the rebel groups'
            ' on the same footing."',
            "footing",
        ),
        (
            "Niger said it would not accept a plan that places the army and the rebel groups on"
            " the same footing.",
            "footing",
        ),
        (
            "Georgia said it would not accept a settlement that gives the breakaway region a"
            " veto over foreign policy.",
            "veto",
        ),
    ],
)
def test_relative_clause_names_the_proposal(ex: Extractor, text: str, word: str) -> None:
    assert any(word in n for n in _names(ex, text, "rejects"))


def test_priority_given_as_an_act(ex: Extractor) -> None:
    text = (
        "Jordan's foreign minister said Amman's priority was to protect the holy sites in"
        " Jerusalem, a position diplomats described as close to the Palestinians'."
    )
    names = _names(ex, text, "demands")
    assert any("holy sites" in n for n in names)
    assert "position" not in names


def test_a_comment_in_apposition_is_no_item(ex: Extractor) -> None:
    text = (
        "Serbia's demands include the return of the displaced, a point diplomats have called"
        " hard to meet."
    )
    names = _names(ex, text, "demands")
    assert names and all("point" not in n for n in names)


def test_a_list_item_with_its_own_clause_stays_an_item(ex: Extractor) -> None:
    text = "Hamas's demands include a withdrawal and a ceasefire that holds."
    names = _names(ex, text, "demands")
    assert any("ceasefire" in n for n in names) and any("withdrawal" in n for n in names)


def test_proposal_with_its_own_content(ex: Extractor) -> None:
    text = (
        "Mediators have tabled a plan for a six-week truce. Hamas rejected the disarmament"
        " proposal on Monday."
    )
    assert any("disarmament" in n for n in _names(ex, text, "rejects"))


def test_proposal_with_a_dropped_word_is_the_one_named(ex: Extractor) -> None:
    text = (
        "Egypt tabled a proposal for a six-week truce. Israel rejected the revised proposal on"
        " Sunday."
    )
    assert any("truce" in n for n in _names(ex, text, "rejects"))


def test_abstract_head_said_to_be_a_thing(ex: Extractor) -> None:
    text = "Officials said a buffer zone was one option Lebanon had rejected outright."
    assert any("buffer zone" in n for n in _names(ex, text, "rejects"))
