"""The demands fallback (issue-18d): a looser reading of the sentences a flagger marks for
demands where the rules recorded none. Each positive is a construction the rules leave
empty; each near miss must stay empty."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from actorgraph.graph.errors import InputError
from actorgraph.ingest.extract import ORIGIN, Extractor, fallbacks
from actorgraph.ingest.extract.fallback_demands import load_cues

if TYPE_CHECKING:
    from actorgraph.ingest.extract.context import DocContext


def _flag_demands(ctx: DocContext) -> Mapping[int, frozenset[str]]:
    return {k: frozenset({"demands"}) for k in range(len(ctx.sents))}


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    ex = Extractor(n_process=1)
    ex.flagger = _flag_demands
    return ex


def _demands(ex: Extractor, text: str) -> list[tuple[str, str, str]]:
    """(source, topic name, origin) of each demand found in ``text``."""
    records: list[dict[str, Any]] = list(ex.extract_text(text))
    names = {r["id"]: r["name"] for r in records if r.get("kind") == "topic"}
    return [
        (r["source"], names.get(r["target"], r["target"]), r["origin"])
        for r in records
        if r.get("kind") == "relation" and r["type"] == "demands"
    ]


FALLBACK = fallbacks.fallback_origin(ORIGIN)

POSITIVES = [
    # waiting for another to act (progressive, a "for" clause)
    (
        "The Karen National Union is waiting for the army to pull its battalions out of"
        " Hpapun district.",
        "karen-national-union",
        "pull battalions",
    ),
    # expecting that another will act (future clause)
    (
        "The Government of Armenia expects that Azerbaijan will return all prisoners of war"
        " before the summit.",
        "armenia",
        "return prisoners of war",
    ),
    # a deontic clause in someone's reported words (a minister's stance is the state's)
    (
        "Speaking in Nairobi, Kenya's foreign minister said the militias must hand over their"
        " heavy weapons to the monitors.",
        "kenya",
        "hand over heavy weapons",
    ),
    # a role with no name of its own speaks for the body it heads
    (
        "The head of the Polisario Front's negotiating team urged Morocco to hold a referendum"
        " on self-determination.",
        "polisario-front",
        "referendum on self-determination",
    ),
    # a verb of asking the parser hung on another speaker's clause
    (
        "Sheikh Ahmad Gumi said the bombing would never end the war and called on the"
        " government to negotiate with the herders.",
        "ahmad-gumi",
        "negotiate with the herders",
    ),
    # hoping a deal will bring something about: each thing it is to bring
    (
        "Syria hopes that the accord will secure a halt to the air strikes and the release of"
        " its detainees.",
        "syria",
        "halt to air strikes",
    ),
    # a step of one's own made possible only by another's (a condition with "if")
    (
        '"We are open to a truce if Israel agrees to withdraw from the corridor," Hamas said'
        " in a statement.",
        "hamas",
        "withdraw",
    ),
    # a text that asks is the demand of the body that adopted it
    (
        "A declaration adopted by the African Union on Monday calls for Sudan's army to"
        " reopen the Adre crossing.",
        "african-union",
        "reopen the adre crossing",
    ),
    # a precondition named for whom it is one (present tense, a copula)
    (
        "For Eritrea, the demarcation of the border remains a precondition for any talks with"
        " Ethiopia.",
        "eritrea",
        "demarcation of the border",
    ),
    # a condition whose object lists its items: one demand per item
    (
        "Armenia is open to a peace treaty if Azerbaijan agrees to several goodwill measures,"
        " including the return of detainees and a joint border commission.",
        "armenia",
        "joint border commission",
    ),
    # the content of a side's position, with a modal
    (
        "Armenia's position is that the corridor must remain under its sovereignty.",
        "armenia",
        "sovereignty",
    ),
    # a pseudo-cleft: what the copula names
    (
        "What Moscow wants is recognition of the annexed regions.",
        "russia",
        "recognition of the annexed regions",
    ),
    # one's own act of obtaining something: what is to be obtained
    (
        "Qatar aims to secure the release of all hostages by March.",
        "qatar",
        "release of hostages",
    ),
]


@pytest.mark.parametrize(("text", "source", "topic"), POSITIVES)
def test_fallback_reads_the_construction(
    extractor: Extractor, text: str, source: str, topic: str
) -> None:
    found = _demands(extractor, text)
    assert any(
        s == source and topic in name.lower() and origin == FALLBACK for s, name, origin in found
    ), found


NEAR_MISSES = [
    # negated
    "The Karen National Union is not waiting for the army to pull its battalions out of"
    " Hpapun district.",
    # the one asked, with no one asking named: not the asked one's demand
    "Cambodia was asked to reopen the border crossings.",
    # a stance attributed by an adversary
    "Hun Sen accused Thailand of seeking to annex the temple grounds.",
    # a want reported as doubted by others
    "Analysts doubt that Moscow wants a ceasefire.",
    # a conditional want
    "If Beijing wants a deal, it must lift the tariffs.",
    # a question
    "Does Armenia expect that Azerbaijan will return all prisoners of war?",
    # hedged
    "Armenia might expect that Azerbaijan will return all prisoners of war.",
    # a position told, not asked
    "Armenia's position is that the talks are useless.",
    # a clause told, not asked
    "Iran insists the talks are indirect.",
    # a denied subject
    "Neither Egypt nor Qatar was pressing Hamas to accept the plan.",
    # one's own plan of war, no demand on anyone
    "Russia wants to bring the war to Kyiv.",
    # a demand named as background to the event reported (the bank's convention)
    "Thailand turned down a request by Cambodia to reopen the border crossings.",
    # a past counterfactual
    "Israel would have withdrawn its troops if Hamas had released the hostages earlier.",
    # the lexicon's frame: proposing something that is no step of the talks
    "Peru proposed a joint study of the river basin.",
    # holding on to something refuses to give it up (a rejection, the rules' reading)
    "Iran insisted on keeping its enrichment capacity.",
    # a pointer names nothing
    '"They must stop this," the Kenyan foreign minister said.',
]


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_near_misses_give_no_demand(extractor: Extractor, text: str) -> None:
    assert [d for d in _demands(extractor, text) if d[2] == FALLBACK] == []


def test_fallback_relations_are_below_the_rules(extractor: Extractor) -> None:
    records = list(extractor.extract_text(POSITIVES[0][0]))
    conf = [r["confidence"] for r in records if r.get("kind") == "relation"]
    assert conf and max(conf) <= 0.5


def test_cue_file_is_validated(tmp_path: Path) -> None:
    bad = tmp_path / "cues.yaml"
    bad.write_text("verbs: [want]\nnouns: [demand]\nneeds: {wait: [for]}\n")
    with pytest.raises(ValueError, match="no cue verbs"):
        load_cues(bad)
    typo = tmp_path / "typo.yaml"
    typo.write_text("verbs: [want]\nnouns: [demand]\nnuons: [call]\n")
    with pytest.raises(InputError):
        load_cues(typo)
