"""The mediates fallback (issue 18m): mediation read loosely in sentences a flagger marks and
the rules left empty, by construction; nothing for a side, an urger, a venue, a cue negated,
refused, proposed or asked about, or hosting that is no talks."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Mapping
from typing import TYPE_CHECKING

import pytest
from actorgraph.graph.errors import InputError
from actorgraph.ingest.extract import Extractor, fallbacks
from actorgraph.ingest.extract.fallback_mediates import cues_for, load_cues
from actorgraph.ingest.extract.lexicon import Lexicon

if TYPE_CHECKING:
    from pathlib import Path

    from actorgraph.ingest.extract.context import DocContext


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor(n_process=1)


def _flag_mediation(ctx: DocContext) -> Mapping[int, frozenset[str]]:
    return {k: frozenset({"mediates"}) for k in range(len(ctx.sents))}


def _mediation(ex: Extractor, text: str, flagged: bool = True) -> set[tuple[str, str, str]]:
    """(mediator, side, rules|fallback) of each mediates relation."""
    ex.flagger = _flag_mediation if flagged else None
    try:
        records = ex.extract_text(text)
    finally:
        ex.flagger = None
    return {
        (r["source"], r["target"], "fallback" if "fallback" in r["origin"] else "rules")
        for r in records
        if r.get("kind") == "relation" and r["type"] == "mediates"
    }


POSITIVES = [
    # a noun of mediating, talks named: "with the coordination of X"
    (
        "With the coordination of Turkey, a prisoner exchange between Russia and Ukraine took "
        "place on Sunday.",
        "turkey",
        {"russia", "ukraine"},
    ),
    # a role said of the subject: "X was the facilitator of"
    (
        "Norway was the facilitator of the dialogue between Colombia and the ELN.",
        "norway",
        {"colombia", "eln"},
    ),
    # a role in an infinitive on a noun: "accepted a mandate to act as facilitator"
    (
        "Angola has accepted a mandate to act as facilitator between Congo and Rwanda.",
        "angola",
        {"congo", "rwanda"},
    ),
    # a hyphened participle of a talks verb: "X-arranged talks"
    (
        "The Vatican-arranged talks between Cuba and the United States resumed on Monday.",
        "vatican",
        {"cuba", "united-states"},
    ),
    # a passive talks verb with its agent: "the truce was overseen by X"
    (
        "The truce between Thailand and Cambodia was overseen by Malaysia.",
        "malaysia",
        {"thailand", "cambodia"},
    ),
    # a verb of mediating in reported speech, the sides the document's
    (
        "India and Pakistan agreed to a ceasefire on Saturday. Washington says that it "
        "moderated the negotiations over the weekend.",
        "united-states",
        {"india", "pakistan"},
    ),
    # a noun of a talks role's owner, the sides a joined subject: "A and B signed ... under the
    # stewardship of X"
    (
        "The Taliban and the United States signed the agreement under the stewardship of Qatar.",
        "qatar",
        {"taliban", "united-states"},
    ),
    # a gerund of mediating on a role: "played a key role in brokering"
    (
        "Turkey played a key role in brokering the peace deal between Russia and Ukraine.",
        "turkey",
        {"russia", "ukraine"},
    ),
    # the role's owner, with "in" hung on the verb: "acknowledged the role of X in facilitating"
    (
        "He acknowledged the role of Belarus in facilitating the prisoner exchange between "
        "Russia and the United States.",
        "belarus",
        {"russia", "united-states"},
    ),
    # hosting a signing, in a relative clause of the host's minister
    (
        "Bahrain's foreign minister, who hosted the signing between Qatar and the UAE, praised "
        "both delegations.",
        "bahrain",
        {"qatar", "united-arab-emirates"},
    ),
    # a future told in the past: "said it would host"
    (
        "Brazil said on Friday that it would host the talks between Guyana and Venezuela.",
        "brazil",
        {"guyana", "venezuela"},
    ),
    # a third party's part in talks: "played a key role in", "has been involved in", where the
    # sentence calls it a third party
    (
        "Canada, a neutral party, played a key role in the secret negotiations between Cuba and "
        "the United States.",
        "canada",
        {"cuba", "united-states"},
    ),
    (
        "Norway, a third party, has been involved in the negotiations between Colombia and the "
        "FARC.",
        "norway",
        {"colombia", "farc"},
    ),
    # a third party meeting the two sides the document stated
    (
        "Peace talks between Colombia and the ELN resumed on Monday. Cuba met Colombia and the "
        "ELN in Havana.",
        "cuba",
        {"colombia", "eln"},
    ),
    # an envoy meeting two sides' officials, the sides inferred
    (
        "The UN envoy Hans Lindqvist met Houthi and Saudi officials in Muscat.",
        "hans-lindqvist",
        {"houthis", "saudi-arabia"},
    ),
    (
        "The UN envoy Hans Lindqvist visited Muscat on Monday. During the visit he met Houthi and "
        "Saudi officials.",
        "hans-lindqvist",
        {"houthis", "saudi-arabia"},
    ),
]


@pytest.mark.parametrize(("text", "mediator", "sides"), POSITIVES)
def test_flagged_mediation_is_read(
    extractor: Extractor, text: str, mediator: str, sides: set[str]
) -> None:
    assert not any(m == mediator for m, _, _ in _mediation(extractor, text, flagged=False))
    found = _mediation(extractor, text)
    assert {s for m, s, origin in found if m == mediator and origin == "fallback"} == sides


NEAR_MISSES = [
    "Egypt urged the mediators to press Hamas on the hostage deal.",  # who urges them
    "Qatar refused to mediate between Israel and Hamas.",  # refused
    "Ethiopia rejected a proposal for African Union mediation between Egypt and Sudan.",
    "Kenya hosted the football qualifiers between Uganda and Tanzania.",  # no talks hosted
    "Did Turkey arrange the talks between Russia and Ukraine?",  # asked
    "Israel coordinated the prisoner exchange with Hamas.",  # a side of the exchange
    "The delegations of Serbia and Kosovo met in Brussels, the Belgian capital.",  # a venue
    "The UN envoy for Yemen said the deal between the Houthis and Riyadh was close.",  # an envoy
    "Kenya offered mediation between Sudan and South Sudan.",  # offered
    "The leaders welcomed the mediation between Sudan and South Sudan.",  # whose is not said
    "At no point did Washington mediate between India and Pakistan.",  # negated
    "Brazil would host the talks between Guyana and Venezuela if both agreed.",  # a condition
    "Israel and Egypt have been engaged in talks with Hamas since January.",  # the sides
    # a meeting that is not the talks, a track that is over, guarantors of a text
    "Armenia and Azerbaijan met in Prague. Kazakhstan organised a summit on trade.",
    "Kosovo and Serbia resumed talks. Austria chaired the earlier rounds in 2019.",
    "Sudan and the RSF signed a truce. Turkey and Egypt are guarantors of the truce.",
    "Georgia and Russia met in Geneva. Switzerland hosted a conference.",
    # taking part alone, with nothing said of mediating: as much a side's part as a mediator's
    "Canada played a key role in the secret negotiations between Cuba and the United States.",
    "The Vatican was instrumental in the talks between Cuba and the United States.",
    "Colombia was deeply involved in the talks between Venezuela and the FARC.",
    # an actor described as a party, in apposition, never mediates
    "Guyana, a party to the dispute, played a key role in the talks between Venezuela and Brazil.",
    "Sudan, a signatory of the truce, was instrumental in the talks between Egypt and Ethiopia.",
    # a party's man meeting officials of two others: the parties inferred from this very
    # sentence say nothing of a third party
    "The ELN commander Pablo Beltran met Cuban and Colombian officials in Havana.",
    "The Hamas leader Khalil al-Hayya met Egyptian and Qatari officials in Cairo.",
    "The Houthi spokesman Ali Nasser met Omani and Saudi officials in Muscat.",
]


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_near_misses_give_nothing(extractor: Extractor, text: str) -> None:
    assert not {x for x in _mediation(extractor, text) if x[2] == "fallback"}


def test_confidence_below_the_rules(extractor: Extractor) -> None:
    extractor.flagger = _flag_mediation
    try:
        records = extractor.extract_text(POSITIVES[0][0])
    finally:
        extractor.flagger = None
    fb = [r for r in records if r.get("kind") == "relation" and "fallback" in r["origin"]]
    assert fb and all(r["confidence"] <= 0.5 for r in fb)


def test_cues_keep_no_lexicon_alive(extractor: Extractor) -> None:
    lex = Lexicon.load()
    assert cues_for(lex) is cues_for(lex)
    gone = weakref.ref(lex)
    del lex
    gc.collect()
    assert gone() is None


def test_registered() -> None:
    assert ("loose", "mediates") in fallbacks.registered()


def test_cues_are_validated(tmp_path: Path) -> None:
    bad = tmp_path / "cues.yaml"
    bad.write_text("verbs: [mediate]\nverbz: [broker]\n")
    with pytest.raises(InputError, match="verbz"):
        load_cues(bad)
    bad.write_text("verbs: mediate\n")
    with pytest.raises(InputError, match="list of words"):
        load_cues(bad)
