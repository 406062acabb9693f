"""Actors and the names that are none (issue 10p): places that only locate, a title's brief,
the setting of a war, outlets named by a common noun, quantifiers; one actor per state and
person however written; and who speaks for the body a person leads, sends or signs for."""

from __future__ import annotations

from typing import Any

import pytest
from actorgraph.ingest.extract import Extractor
from actorgraph.ingest.extract.normalize import bare_surname


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor(n_process=1)


def _run(ex: Extractor, text: str) -> dict[str, Any]:
    recs = ex.extract_text(text, published="2024-05-01")
    return {
        "actors": sorted(r["name"] for r in recs if r["kind"] == "actor"),
        "speaks_for": {
            (r["source"], r["target"])
            for r in recs
            if r["kind"] == "relation" and r["type"] == "speaks_for"
        },
    }


@pytest.mark.parametrize(
    ("name", "bare"),
    [
        ("Abdel Fattah al-Burhan", "burhan"),
        ("Gen. Ahmed el-Sayed's", "sayed"),
        ("Valéry Giscard d’Estaing", "estaing"),
        ("Ali Bagheri Kani", ""),  # no particle
        ("Mohamed al Burhan", ""),  # a separate particle: the surname is already bare
    ],
)
def test_a_joined_particle_comes_off_the_surname(name: str, bare: str) -> None:
    assert bare_surname(name) == bare


@pytest.mark.parametrize(
    ("text", "actors"),
    [
        # a surname without its particle is the person named in full
        (
            "General Hamid Idris al-Tayeb said the army would not negotiate. Tayeb added that "
            "the talks were over.",
            ["Hamid Idris al-Tayeb"],
        ),
        # a state's formal name and its short form are the state
        ("The Republic of Kenya hosted the summit. Kenya said talks would resume.", ["Kenya"]),
        (
            "The Democratic Republic of Congo signed a truce with the rebels in Doha. Congo "
            "said the rebels must leave Goma within a week.",
            ["Democratic Republic of the Congo"],
        ),
        # towns an envoy shuttles between, a region that is a title's brief
        (
            "The mediator shuttled between Kassala, Gedaref and Kosti for weeks, and the Rapid "
            "Support Forces finally agreed to talk.",
            ["Rapid Support Forces"],
        ),
        (
            "The US envoy for the Western Balkans, Ruth Kessling, flew in on Tuesday to meet "
            "Albin Haradinaj.",
            ["Albin Haradinaj", "Ruth Kessling", "United States"],
        ),
        # the setting of a war, the subject of a conference (a war waged on someone is not)
        (
            "Omar Waziri, the envoy who helped end Chad's civil war in 2009, said the talks "
            "would resume.",
            ["Omar Waziri"],
        ),
        (
            "The conference on Cyprus resumed, and the United Nations said it was hopeful.",
            ["United Nations"],
        ),
        ("Israel's war in Gaza has lasted a year, Qatar said.", ["Israel", "Qatar"]),
        # a broadcaster that only reports, a quantifier with a capital
        ("Saudi state television reported that the delegations had arrived.", []),
        ("Sudan TV reported that the army had accepted the plan.", []),
        ("State-run KNA reported that the talks would resume in Jeddah next week.", []),
        ("Al Rawdah TV reported that the army delegation had left for Cairo on Sunday.", []),
        ("Several said the offer came too late. Hamas said it would study it.", ["Hamas"]),
        # what only describes a body or a former office
        (
            "The round was chaired by Anna Berglund, the special representative of the Slovak "
            "OSCE chairmanship.",
            ["Anna Berglund", "OSCE"],
        ),
        (
            "The talks are facilitated by the UN's envoy, Ghassan Karam, a former Lebanese "
            "culture minister.",
            ["Ghassan Karam", "United Nations"],
        ),
    ],
)
def test_actors_and_the_names_that_are_none(ex: Extractor, text: str, actors: list[str]) -> None:
    assert _run(ex, text)["actors"] == sorted(actors)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Samuel Otieno, who leads the opposition Orange Alliance party, said the vote was "
            "rigged.",
            {("samuel-otieno", "orange-alliance")},
        ),
        (
            "The Sudanese Armed Forces (SAF) and the RSF met in Jeddah. The army's delegation, "
            "sent by General Yasir Haroun, arrived on Monday.",
            {("yasir-haroun", "sudanese-armed-forces")},
        ),
        (
            "The African Union appointed a panel led by former president Oluwaseun Adebayo to "
            "mediate between Ethiopia and the Tigray People's Liberation Front.",
            {("oluwaseun-adebayo", "african-union")},
        ),
        ("The mediators met a delegation led by Colonel Tomas Rieck on Friday.", set()),
        (
            "Nikos Andreou, the Greek Cypriot leader and president of the Republic of Cyprus, "
            "said the talks would resume.",
            {("nikos-andreou", "cyprus")},
        ),
        (
            "Sergei Valkov signed for Moscow, and Olena Hrytsenko signed for Kyiv.",
            {("sergei-valkov", "russia"), ("olena-hrytsenko", "ukraine")},
        ),
        (
            "Talks between the rebels and the government of Mali stalled again. President "
            "Assimi Kone said the army would keep fighting.",
            {("assimi-kone", "mali")},
        ),
        (
            "The governments of Serbia and Kosovo sent delegations. President Aleksandar Novak "
            "said the deal was near.",
            set(),
        ),
    ],
)
def test_the_body_a_person_leads_sends_or_signs_for(
    ex: Extractor, text: str, expected: set[tuple[str, str]]
) -> None:
    assert _run(ex, text)["speaks_for"] == expected


def test_a_government_named_once_gives_an_untied_title_a_lower_confidence(ex: Extractor) -> None:
    recs = ex.extract_text(
        "The Malian government has refused to meet the rebels. Prime Minister Choguel Diarra "
        "said on Monday that no talks were planned.",
        published="2024-05-01",
    )
    (sf,) = [r for r in recs if r["kind"] == "relation" and r["type"] == "speaks_for"]
    assert (sf["source"], sf["target"]) == ("choguel-diarra", "mali")
    assert sf["confidence"] < 0.6


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # the summit's host is a third party
            "Sudan's army and the RSF held talks in Jeddah. President Joseph Mwale, the summit's "
            "host, urged the RSF to withdraw. The government of Sudan said it would attend.",
            set(),
        ),
        (  # a mediator
            "Talks between the government of Chad and the rebels opened in Lome. President Faure "
            "Sani, a mediator in the talks, said the mood was good.",
            set(),
        ),
        (  # his sentence names another body he could lead
            "Sudan's army and the RSF held talks in Jeddah. President Joseph Mwale urged the RSF "
            "to withdraw. The government of Sudan said it would attend.",
            set(),
        ),
        (  # named far from him
            "The government of Mali met the rebels in Algiers on Monday. The rebels demanded "
            "autonomy for the north. The two sides agreed to meet again in May. President "
            "Ibrahim Kone said the deal was near.",
            set(),
        ),
        (  # "the government he leads" ties him to the one named
            "Talks with the rebels resumed on Monday. President Ibrahim Kone said the deal was "
            "near. Officials said the government he leads would send a delegation. Mali's "
            "government named a negotiator.",
            {("ibrahim-kone", "mali")},
        ),
    ],
)
def test_a_government_title_ties_to_the_named_government_only_where_the_text_does(
    ex: Extractor, text: str, expected: set[tuple[str, str]]
) -> None:
    assert _run(ex, text)["speaks_for"] == expected


@pytest.mark.parametrize(
    ("text", "speaks_for", "rejecter"),
    [
        (
            "Juan Perez, who once led the Andean Front, rejected the plan.",
            set(),
            "juan-perez",
        ),
        (
            "The Andean Front, once led by Juan Perez, rejected the plan.",
            set(),
            "andean-front",
        ),
        (
            "Juan Perez, who formerly headed the Andean Front, rejected the plan.",
            set(),
            "juan-perez",
        ),
        (
            "Juan Perez, who leads the Andean Front, rejected the plan.",
            {("juan-perez", "andean-front")},
            "andean-front",
        ),
    ],
)
def test_a_body_once_led_is_no_one_s_principal_now(
    ex: Extractor, text: str, speaks_for: set[tuple[str, str]], rejecter: str
) -> None:
    recs = ex.extract_text(text, published="2024-05-01")
    rels = [r for r in recs if r["kind"] == "relation"]
    assert {(r["source"], r["target"]) for r in rels if r["type"] == "speaks_for"} == speaks_for
    assert [r["source"] for r in rels if r["type"] == "rejects"] == [rejecter]
