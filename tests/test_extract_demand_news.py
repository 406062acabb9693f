"""Demands as reporters word them (issue-13d): what a demand is named when the parser hangs a
report's tag or a list's last noun on the wrong word, what is ruled out until a condition
holds, "requires X", and a call whose infinitives the parser hung on the light verb.
Sentences written for these tests."""

from __future__ import annotations

import pytest
from actorgraph.ingest.extract import Extractor
from actorgraph.ingest.extract.topics import _small_clause_subject, stray_noun


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor()


def _demands(ex: Extractor, text: str) -> list[tuple[str, str]]:
    recs = ex.extract_text(text, published="2024-05-01")
    topics = {r["id"]: r["name"] for r in recs if r["kind"] == "topic"}
    return [
        (r["source"], topics.get(r["target"], r["target"]))
        for r in recs
        if r["kind"] == "relation" and r["type"] == "demands"
    ]


def _tok(ex: Extractor, text: str, word: str):  # type: ignore[no-untyped-def]
    return next(t for t in ex.nlp(text) if t.text == word)


# ---------------------------------------------------------------- names
@pytest.mark.parametrize(
    "text",
    [
        "The M23 cannot agree to any accord unless Kinshasa makes a 'firm' commitment to a "
        "lasting ceasefire and a full pullback from Rutshuru, a senior figure in the rebel "
        "movement said on Monday.",
        "The ELN cannot agree to any accord unless Bogota makes a 'clear' commitment to a "
        "bilateral ceasefire and a complete withdrawal from Choco, a senior commander from "
        "the guerrilla group said on Friday.",
    ],
)
def test_a_reports_tag_is_no_part_of_what_is_demanded(ex: Extractor, text: str) -> None:
    names = [n for _, n in _demands(ex, text)]
    assert any("commitment to" in n and "ceasefire" in n for n in names), names
    assert not any("said" in n.split() or "official" in n or "commander" in n for n in names)


def test_a_small_clause_without_a_comma_keeps_its_subject(ex: Extractor) -> None:
    text = "Armenia said its government is opposed to making the treaty conditional on the vote."
    subj = _small_clause_subject(_tok(ex, text, "conditional"))
    assert subj is not None and subj.text == "treaty"


def test_the_last_item_of_a_broken_list_keeps_its_preposition(ex: Extractor) -> None:
    text = (
        "Kenya also called for an immediate ceasefire, safe humanitarian access, and an end "
        "to arms flows into Sudan."
    )
    names = sorted(n for _, n in _demands(ex, text))
    assert any("ceasefire" in n for n in names)
    assert any("access" in n for n in names)
    assert any(n.startswith("end to arms") for n in names), names


def test_a_noun_clause_with_its_own_conjunction_is_no_stray_noun(ex: Extractor) -> None:
    text = "Peru demanded that the Chilean minister resign."
    resign = _tok(ex, text, "resign")
    assert not stray_noun(resign)
    assert [n for _, n in _demands(ex, text)]


# ---------------------------------------------------------------- ruled out unless Y
@pytest.mark.parametrize(
    ("text", "source", "word"),
    [
        (
            "There will be no truce in Kordofan unless the militia leaves the towns, Sudan said.",
            "sudan",
            "towns",
        ),
        (
            "Aliyev said a peace treaty is impossible unless Armenia amends its constitution.",
            "aliyev",
            "constitution",
        ),
        (
            "There can be no peace without the return of the islands, Japan said.",
            "japan",
            "islands",
        ),
    ],
)
def test_what_is_ruled_out_until_a_condition_holds_demands_it(
    ex: Extractor, text: str, source: str, word: str
) -> None:
    found = _demands(ex, text)
    assert any(s == source and word in n for s, n in found), found


@pytest.mark.parametrize(
    "text",
    [
        "There will be no truce in Kordofan unless the militia leaves the towns, analysts said.",
        "There was no deal without the guarantees, and the talks collapsed.",
        "Sudan said there would be no truce in Kordofan.",
    ],
)
def test_no_demand_without_a_speaker_or_a_condition(ex: Extractor, text: str) -> None:
    assert _demands(ex, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "The United Nations said there was no access to the camps without a permit from the army.",
        "There were no talks without the Qatari mediators present, the Egyptian ministry said.",
    ],
)
def test_a_past_told_by_a_side_is_no_condition_it_sets(ex: Extractor, text: str) -> None:
    assert _demands(ex, text) == []  # issue-13v: a past state of things, no demand


# ---------------------------------------------------------------- requires X
def test_a_side_that_requires_something_demands_it(ex: Extractor) -> None:
    found = _demands(ex, "Hamas requires a firm commitment to a lasting ceasefire.")
    assert [s for s, _ in found] == ["hamas"]
    assert _demands(ex, "The agreement requires the approval of parliament, Israel said.") == []


# ---------------------------------------------------------------- hung infinitives
def test_each_act_of_a_call_hung_on_the_light_verb_is_a_demand(ex: Extractor) -> None:
    text = (
        "Ismail Haniyeh, the head of Hamas's political bureau, reiterated his call to end the "
        "war, lift the blockade and free the prisoners."
    )
    names = [n for _, n in _demands(ex, text)]
    for word in ("war", "blockade", "prisoners"):
        assert any(word in n for n in names), names


# ---------------------------------------------------------------- fronted adjuncts, aims
@pytest.mark.parametrize(
    ("text", "word", "noise"),
    [
        (
            "Speaking to reporters in Jakarta, Singapore called for the jailed leader to be freed.",
            "leader",
            "speaking",
        ),
        (
            "In order to sign the first phase, Israel must commit to a lasting ceasefire, "
            "Hamas said.",
            "ceasefire",
            "order",
        ),
        (
            "Moscow insists that its farm bank must regain access in order to rejoin the grain "
            "deal.",
            "access",
            "order",
        ),
    ],
)
def test_a_fronted_adjunct_or_an_aim_is_no_part_of_the_name(
    ex: Extractor, text: str, word: str, noise: str
) -> None:
    names = [n for _, n in _demands(ex, text)]
    assert any(word in n for n in names), names
    assert not any(noise in n.lower().split() for n in names), names
