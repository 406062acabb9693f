"""The extraction test bank (examples/extraction-bank): every family of phrasing stays above
the floor set from measurement, and the bank's format is checked on load.

Floors: F1 measured when the bank was finished (1.00 for every family) less a margin of 0.05,
so that a change that trades one case for another is visible in review, and one that breaks
a family fails here.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from actorgraph.graph.errors import InputError
from actorgraph.ingest.evaluate import score_bank
from actorgraph.ingest.extract import Extractor
from actorgraph.ingest.extract.bank import load_bank

from tests.helpers import ROOT

BANK = ROOT / "examples" / "extraction-bank"
FLOORS = {
    "mediation": 0.95,
    "mediation-parties": 0.95,
    "mediation-envoys": 0.95,
    "demands": 0.95,
    "rejections": 0.95,
    "statements": 0.95,
    "speakers": 0.95,
    "actors": 0.95,
    "undated": 0.95,
    "actors-forms": 0.95,
    "speakers-principals": 0.95,
    "statements-speakers": 0.95,
    "stances": 0.95,
    "stances-conditions": 0.95,
    "mediation-hosts": 0.95,
    "statements-reported": 0.95,
    "speakers-envoys": 0.95,
    "speakers-portfolios": 0.95,
    "speakers-seats": 0.95,
    "speakers-lists": 0.95,
    "speakers-long-titles": 0.95,
    "actors-names": 0.95,
    "speakers-interviews": 0.95,
    "mediation-tracks": 0.95,
    "statements-signed": 0.95,
    "rejections-idioms": 0.95,
    "rejections-pointing": 0.95,
    "rejections-sources": 0.95,
    "demands-phrasings": 0.95,
    "actors-places": 0.95,
    "speakers-bodies": 0.95,
    "speakers-roles": 0.95,
    "speakers-document": 0.95,
    "actors-acting": 0.95,
    "actors-kinds": 0.95,
    "statements-layouts": 0.95,
    "statements-attribution-recall": 0.95,
    "stance-topics": 0.95,
    "stance-topic-names": 0.95,
    "stance-sources": 0.95,
    "mediation-sides": 0.95,
    "mediation-roles": 0.95,
    "rejections-bodies": 0.95,
    "demands-content": 0.95,
    "statements-quote-tags": 0.95,
    "actors-news": 0.95,
    "stances-bodies": 0.95,
    "stances-offered": 0.95,
    "speakers-described": 0.95,
    "mediation-efforts": 0.95,
    "demands-targets": 0.95,
    # issue 13r
    "rejections-news": 0.95,
    # issue-13d
    "demands-news": 0.95,
    # issue-13s
    "mediation-news-roles": 0.95,
    "statements-described": 0.95,
    # issue-13t
    "speakers-groups": 0.95,
    "speakers-titled": 0.95,
    # issue-14m
    "mediation-in-person": 0.95,
    "mediation-cue-forms": 0.95,
    # issue-14d
    "demands-constructions": 0.95,
    # issue-14a
    "actors-mentioned": 0.95,
    # issue-14o
    "actors-aliases": 0.95,
    "stances-owners": 0.95,
    "stances-institutions": 0.95,
    # issue-14s
    "statements-news-tags": 0.95,
    "statements-directives": 0.95,
    # issue 14r
    "rejections-constructions": 0.95,
    "stance-topic-spans": 0.95,
    # issue-15d
    "demands-voices": 0.95,
    # issue-15s
    "statements-carriers": 0.95,
    "statements-names": 0.95,
    "statements-accusations": 0.95,
    # issue 15m
    "mediation-indirect": 0.95,
    # issue 15r
    "rejections-stances": 0.95,
    # issue 15a
    "actors-bodies": 0.95,
    "actors-outlets": 0.95,
    "actors-not-actors": 1.0,
    "actors-variants": 0.95,
    # issue 15t
    "speakers-members": 0.95,
    "speakers-institutions": 0.95,
    "speakers-offices": 0.95,
    # issue 16a
    "actors-institutions": 0.95,
    "actors-parts": 0.95,
    # issue 16t
    "speakers-served": 0.95,
    # issue 16m
    "mediation-work": 0.95,
    # issue-20M
    "mediation-steering": 0.95,
    "mediation-invitations": 0.95,
    "mediation-help": 0.95,
    "mediation-go-betweens": 0.95,
    "mediation-third-parties": 0.95,
    # issue-22M
    "mediation-parties-and-tasks": 0.95,
    # issue-23M
    "mediation-named-mediators": 0.95,
    "mediation-titled-lists": 0.95,
    # issue-24M
    "mediation-companions": 0.95,
    # issue-16d
    "demands-holders": 0.95,
    # issue 16r
    "rejections-positions": 0.95,
    # issue 17a
    "actors-lists": 0.95,
    "actors-spans": 0.95,
    "actors-texts": 0.95,
    # issue-17d
    "demands-terms": 0.95,
    # issue 17r
    "rejections-refusals": 0.95,
    # issue 17t
    "speakers-represented": 0.95,
    "speakers-appositions": 0.95,
    # issue-17m
    "mediation-bodies": 0.95,
    # issue 18a
    "actors-tails": 0.95,
    # issue 18t
    "speakers-tenure": 0.95,
    # issue 19A
    "actors-abbreviations": 0.95,
    # issue 20A
    "actors-gazetteer": 0.95,
    "actors-participants": 0.95,
    # issue-20D
    "demands-pressure": 0.95,
    # issue 20R
    "rejections-defiance": 0.95,
    "rejections-answers": 0.95,
    # issue 21R
    "rejections-wire": 0.95,
    # issue 22R
    "rejections-apposed": 0.95,
    # issue-24R
    "rejections-unheld": 0.95,
    # issue 20F
    "speakers-appointed": 0.95,
    "speakers-named-bodies": 0.95,
    "speakers-nationality": 0.95,
    # issue-20Q
    "statements-clause-verbs": 0.95,
    "statements-light-verbs": 0.95,
    "statements-quoted-as": 0.95,
    "statements-said-acts": 0.95,
    # issue-21S
    "speakers-counted": 0.95,
    "speakers-sides": 0.95,
    "actors-regional": 0.95,
    # issue-21D
    "demands-positions": 0.95,
    # issue-22D
    "demands-owners": 0.95,
    # issue-24D
    "demands-claims": 0.95,
    # issue 21Q
    "speakers-antecedents": 0.95,
    # issue 22Q
    "statements-tag-forms": 0.95,
    # issue 23P
    "statements-inverted-tags": 0.95,
    # issue 22A
    "actors-glued": 0.95,
    # issue 23S
    "stances-sayers-acts": 0.95,
    # issue 23Y
    "stances-addressed": 0.95,
    # issue 23A
    "actors-quote-tags": 0.95,
    "actors-same-person": 0.95,
    # issue-24S
    "statements-channels": 0.95,
    "statements-participles": 0.95,
}


@pytest.fixture(scope="module")
def scores() -> dict:  # type: ignore[type-arg]
    return score_bank(Extractor(n_process=1), load_bank(BANK))


def test_the_bank_has_every_family_and_200_cases_with_near_misses() -> None:
    families = load_bank(BANK)
    assert {f.family for f in families} == set(FLOORS)
    assert sum(len(f.cases) for f in families) >= 200
    for f in families:
        near_misses = [c for c in f.cases if not any(getattr(c, k) for k in f.scores)]
        assert near_misses or f.family in ("actors", "speakers", "undated"), f.family


@pytest.mark.parametrize(("family", "floor"), FLOORS.items())
def test_each_family_stays_above_its_floor(scores: dict, family: str, floor: float) -> None:  # type: ignore[type-arg]
    assert scores[family]["all"].f1 >= floor, scores[family]


def test_the_banks_readme_describes_every_file() -> None:
    """A family added without a row in the README is invisible to whoever reads the bank."""
    readme = (BANK / "README.md").read_text(encoding="utf-8")
    files = sorted(p.relative_to(BANK).as_posix() for p in BANK.rglob("*.yaml"))
    assert [f for f in files if f"`{f}`" not in readme] == []


def test_a_bad_bank_file_names_the_field(tmp_path: Path) -> None:
    f = tmp_path / "bad.yaml"
    f.write_text("family: x\nscores: [mediates]\ncases:\n  - text: A.\n    mediates: [[A]]\n")
    with pytest.raises(InputError) as err:
        load_bank(f)
    assert "cases.0.mediates" in (err.value.field or "")
