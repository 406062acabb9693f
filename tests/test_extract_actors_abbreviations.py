"""Armed groups named by an abbreviation before their people's noun, a group noun after a
body's name, people brought to talks (issue 19A; bank family ``actors-abbreviations``)."""

from __future__ import annotations

import pytest
from actorgraph.ingest.evaluate import score_bank
from actorgraph.ingest.extract import Extractor
from actorgraph.ingest.extract.bank import load_bank

from tests.helpers import ROOT

BANK = ROOT / "examples" / "extraction-bank" / "actors-abbreviations.yaml"


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor(n_process=1)


def _records(ex: Extractor, text: str) -> list[dict]:  # type: ignore[type-arg]
    return ex.extract_text(text, published="2024-05-01")


def _actors(ex: Extractor, text: str) -> dict[str, str]:
    return {r["name"]: r["type"] for r in _records(ex, text) if r["kind"] == "actor"}


def test_the_bank_family(ex: Extractor) -> None:
    [family] = load_bank(BANK)
    assert len(family.cases) >= 12
    assert score_bank(ex, [family])[family.family]["all"].f1 == 1.0


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        (
            "NDA fighters said on Monday that they had left the hills.",
            "NDA",
        ),  # a noun to the tagger
        ("The talks stalled after CNDD militants shelled the town.", "CNDD"),
        ("FNL guerrillas released the hostages on Sunday.", "FNL"),
        ("UFDR troops will withdraw from the airport, the group said.", "UFDR"),
    ],
)
def test_an_abbreviation_before_its_people_is_a_body(ex: Extractor, text: str, actor: str) -> None:
    assert _actors(ex, text) == {actor: "organization"}


def test_an_abbreviation_ner_took_for_a_place_is_a_body_and_its_rebels_are_it(
    ex: Extractor,
) -> None:
    recs = _records(ex, "M23 rebels rejected the ceasefire on Tuesday.")
    assert {r["name"]: r["type"] for r in recs if r["kind"] == "actor"} == {"M23": "organization"}
    assert [(r["type"], r["source"]) for r in recs if r["kind"] == "relation"] == [
        ("rejects", "m23")
    ]


def test_a_group_noun_after_a_body_is_the_body_and_after_a_people_a_group(ex: Extractor) -> None:
    assert _actors(ex, "The Likud party rejected the deal on Sunday.") == {"Likud": "organization"}
    assert set(_actors(ex, "The Tigrayan rebels rejected the offer.")) == {"Tigrayan rebels"}


def test_commanders_stand_for_their_group(ex: Extractor) -> None:
    # KNPP: an abbreviation the gazetteer does not hold (it holds the SDF; issue 20A)
    recs = _records(ex, "KNPP commanders rejected the plan on Monday.")
    assert [(r["type"], r["source"]) for r in recs if r["kind"] == "relation"] == [
        ("rejects", "knpp")
    ]


@pytest.mark.parametrize(
    ("text", "actors"),
    [
        (
            "The hosts invited Grace Achieng and Peter Lokuda to the negotiations in Arusha.",
            {"Grace Achieng", "Peter Lokuda"},
        ),
        ("The summit's chair invited Chad and Niger to the dialogue.", {"Chad", "Niger"}),
        ("Fighting drove thousands of refugees to the border camps.", set()),  # no talks
        ("The court summoned Peter Lokuda to the hearing in Arusha.", set()),  # no talks
    ],
)
def test_people_brought_to_talks_act(ex: Extractor, text: str, actors: set[str]) -> None:
    assert set(_actors(ex, text)) == actors


def test_a_news_agency_that_quotes_and_reports_gives_no_statement(ex: Extractor) -> None:
    text = (
        "PTI news agency quoted officials as saying the talks would resume. According to the "
        "PTI report, India rejected any mediation."
    )
    recs = _records(ex, text)
    assert {r["name"] for r in recs if r["kind"] == "actor"} == {"India"}
    assert [r["speaker"] for r in recs if r["kind"] == "statement"] == []
    reuters = "According to a Reuters report, Kenya rejected the offer on Monday."
    assert [r["speaker"] for r in _records(ex, reuters) if r["kind"] == "statement"] == []
