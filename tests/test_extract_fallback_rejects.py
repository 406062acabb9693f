"""The rejects fallback (issue 18r): a sentence flagged as a rejection that the rules read
nothing from is read by its construction. Sentences written for these tests; each positive is
one the rules alone leave empty."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from actorgraph.graph.errors import InputError
from actorgraph.ingest.extract import ORIGIN, Extractor, fallbacks
from actorgraph.ingest.extract.fallback_rejects import CONFIDENCE, load_classes

if TYPE_CHECKING:
    from actorgraph.ingest.extract.context import DocContext


def _flag_rejects(ctx: DocContext) -> Mapping[int, frozenset[str]]:
    """A flagger that marks every sentence as a rejection (the fallback's precision floor)."""
    return {k: frozenset({"rejects"}) for k in range(len(ctx.sents))}


@pytest.fixture(scope="module")
def ex() -> Iterator[Extractor]:
    extractor = Extractor(n_process=1)
    yield extractor
    extractor.flagger = None


def _rejects(ex: Extractor, text: str, *, flagged: bool) -> list[tuple[str, str, str, float]]:
    ex.flagger = _flag_rejects if flagged else None
    try:
        recs = list(ex.extract_text(text, published="2025-03-01"))
    finally:
        ex.flagger = None
    topics = {r["id"]: r["name"] for r in recs if r["kind"] == "topic"}
    return [
        (r["source"], topics.get(r["target"], r["target"]), r["origin"], r["confidence"])
        for r in recs
        if r["kind"] == "relation" and r["type"] == "rejects"
    ]


@pytest.mark.parametrize(
    ("text", "source", "word"),
    [
        # a verb of refusing outside the rules' frames, past, active
        ("Kenya proposed a buffer zone along the border. Somalia shunned the buffer zone.",
         "somalia", "buffer zone"),
        # the passive, its agent the holder
        ("The buffer zone was shunned by Somalia.", "somalia", "buffer zone"),
        # present perfect, an object with its relative clause
        ("The Polisario Front has resisted any plan that keeps Moroccan autonomy as the basis "
         "of talks.", "polisario-front", "plan"),
        # a verb of criticising with a stance object
        ("Iran criticised the shift in Washington's position on enrichment.", "iran", "shift"),
        ("Georgia's parliament deplored the Russian decision to recognise Abkhazia.",
         "georgia", "decision"),  # a parliament is its state (issue 24K)
        # a noun of misgiving voiced, about a thing said to be proposed
        ("Pristina has voiced misgivings about the proposed association of Serb "
         "municipalities.", "kosovo", "association"),
        ("Iran's foreign ministry expressed concern about any foreign intervention in the "
         "region.", "iran", "intervention"),
        # a negated intention of an act, with "any"
        ("Ethiopia does not have any intention of joining the talks.", "ethiopia", "talks"),
        # reported speech: "we" is whoever says it (talks shunned are the rules' since issue
        # 21R; a mechanism is no proposal or step of theirs)
        ('"We are shunning this mechanism," the Houthis said.', "houthis", "mechanism"),
        # a judgement by a verb of calling, and a predicate that keeps a thing out of talks
        ("Burundi's government called the allegations of torture baseless.", "burundi",
         "allegations"),
        ("The Arakan Army says handing Paletwa back to the military is not negotiable.",
         "arakan-army", "paletwa"),
        # a share one wants none of
        ("The National Unity Government wants no part in any election organised by the junta.",
         "national-unity-government", "election"),
        # one's part ended, an owed act put off, a quality doubted, a thing that will never be
        ("The Abkhaz side has suspended its participation in the Geneva International "
         "Discussions.", "abkhaz", "participation"),
        ("The MILF postponed the disarming of its remaining fighters.",
         "moro-islamic-liberation-front", "disarming"),
        ("Moldova questioned the legitimacy of the referendum in Transnistria.", "moldova",
         "referendum"),
        ("Kenya proposed partition. Morocco said the partition will never happen.", "morocco",
         "partition"),
        # aimed at a stance object, wary of one, scorn poured on one
        ("Cairo hit out at the Ethiopian plan to fill the dam.", "egypt", "plan"),
        ("Egypt is sceptical of the American plan for Gaza.", "egypt", "plan"),
        ("Moscow poured scorn on the peace formula.", "russia", "formula"),
        # an approving judgement negated; a judgement "according to" a side
        ("Kyiv said the Russian memorandum was neither realistic nor balanced.", "ukraine",
         "memorandum"),
        ("According to Hamas, the Israeli proposal is unacceptable.", "hamas", "proposal"),
        # a partitive subject: the body it is part of
        ("Some members of the Syrian National Council refused to sit with the regime's envoys.",
         "syrian-national-council", "sit"),
    ],
)  # fmt: skip
def test_a_flagged_sentence_the_rules_leave_empty_is_read(
    ex: Extractor, text: str, source: str, word: str
) -> None:
    assert _rejects(ex, text, flagged=False) == []  # the rules read nothing here
    found = _rejects(ex, text, flagged=True)
    assert any(s == source and word in name.lower() for s, name, _, _ in found), found
    assert {o for _, _, o, _ in found} == {fallbacks.fallback_origin(ORIGIN)}
    assert all(c == CONFIDENCE <= 0.5 for _, _, _, c in found)


@pytest.mark.parametrize(
    "text",
    [
        "Somalia did not shun the buffer zone.",  # a negated refusal
        "Azerbaijan did not criticise the French mediation.",
        "Would Somalia shun the buffer zone?",  # a question
        "If Somalia shuns the buffer zone, Kenya will withdraw.",  # a hypothesis
        "Analysts say Somalia could shun the buffer zone.",  # a possibility
        "Egypt urged Hamas not to shun the talks.",  # asked of someone
        "The government condemned the killing of three aid workers.",  # an event, not a stance
        "The UN expressed concern about the humanitarian situation in Gaza.",  # no stance object
        "Ethiopia has no intention of going to war with Eritrea.",  # harm forsworn: a promise
        "The UN said the situation in Darfur was dangerous.",  # a judgement of no stance object
        "Bolivia said the talks were negotiable.",  # open to talks
        "The Arakan Army wants a part in the talks.",  # a share wanted
        "Colombia suspended the ceasefire with the ELN.",  # the truce itself, not one's part
        "Diplomats doubt that Peru has no intention of withdrawing its troops.",  # a view of Peru
        "Peru accused Bolivia of postponing the disarming of its militia.",  # a charge
        "Ethiopia questioned the neutrality of Egypt.",  # a mediator judged, no proposal
        "The meeting in Doha did not happen because of the storm.",  # a fact told
        "Israel blocked the aid convoys at the Rafah crossing.",  # a thing, no stance object
        "Egypt is critical of the humanitarian situation.",  # a state of affairs
        "The army hit the rebel positions near Goma.",  # a blow, aimed at nothing said
        "Egypt is not sceptical of the plan.",  # a negated wariness
        "Kosovo Serbs in the north boycotted the vote, Serbia said.",  # a people: no new actor
        "The proposal was rejected, Hamas said.",  # by whom, it does not say
        "Kyiv said the Russian memorandum was realistic.",  # approval
        "Israel said Hamas was not serious.",  # a side judged, no stance object
        "Hamas has not yet accepted the proposal.",  # not done so far
        "The Houthis did not attend the talks in Stockholm because of bad weather.",  # an absence
        "The Sudanese army refused to comment on the talks.",  # saying nothing
    ],
)
def test_near_misses_are_not_read_as_rejections(ex: Extractor, text: str) -> None:
    assert _rejects(ex, text, flagged=True) == []
    ex.flagger = _flag_rejects
    try:
        with_fallback = {r.get("id") for r in ex.extract_text(text) if r["kind"] == "actor"}
    finally:
        ex.flagger = None
    assert with_fallback == {r.get("id") for r in ex.extract_text(text) if r["kind"] == "actor"}


def test_the_rules_reading_is_kept_and_not_repeated(ex: Extractor) -> None:
    text = "Israel turned down the Egyptian proposal. Somalia shunned the buffer zone."
    found = _rejects(ex, text, flagged=True)
    by_origin = {(s, o) for s, _, o, _ in found}
    assert by_origin == {("israel", ORIGIN), ("somalia", fallbacks.fallback_origin(ORIGIN))}


def test_the_word_classes_are_data_checked_on_load(tmp_path: Path) -> None:
    classes = load_classes()
    assert "shun" in classes.refusing and "criticise" in classes.criticising
    assert "deny" not in classes.refusing  # denials are the rules' (a denied claim)
    bad = tmp_path / "fallback_rejects.yaml"
    bad.write_text("refusing: [shun]\nrefusals: [oops]\n")
    with pytest.raises(InputError, match="refusals"):
        load_classes(bad)
