"""Envoys and leaders named the way reporters introduce them (issue 10j): role phrases with a
portfolio before the name, names NER glues, splits or mislabels, honorifics, a person's other
name, splinter groups, a community's leader, "the rebels'" in government-rebel talks, and the
state an owner-less title speaks for through what its holder says."""

from __future__ import annotations

from typing import Any

import pytest
from actorgraph.ingest.extract import Extractor
from actorgraph.ingest.extract.lexicon import Lexicon


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor()


def _run(ex: Extractor, text: str) -> dict[str, Any]:
    recs = ex.extract_text(text, published="2024-05-01")
    actors = {r["id"]: r for r in recs if r["kind"] == "actor"}
    return {
        "actors": sorted(r["name"] for r in actors.values()),
        "aliases": {r["name"]: set(r.get("aliases") or []) for r in actors.values()},
        "speaks_for": {
            (actors[r["source"]]["name"], actors[r["target"]]["name"])
            for r in recs
            if r["kind"] == "relation" and r["type"] == "speaks_for"
        },
    }


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        (
            "The talks are led by the US special envoy for Yemen, Harold Kessington, who has"
            " spent the week in Muscat.",
            ("Harold Kessington", "United States"),
        ),
        (
            "The EU's foreign policy chief and the bloc's special representative for the"
            " dialogue, Tomas Vercik, met both delegations.",
            ("Tomas Vercik", "European Union"),
        ),
        (
            "The African Union's high representative for the Horn of Africa, Adebayo"
            " Okonkwo-Lane, opened the session.",
            ("Adebayo Okonkwo-Lane", "African Union"),
        ),
    ],
)
def test_role_phrase_with_portfolio_before_the_name(
    ex: Extractor, text: str, pair: tuple[str, str]
) -> None:
    assert pair in _run(ex, text)["speaks_for"]


def test_a_dictionary_holder_of_the_title_does_not_replace_the_name_in_apposition(
    ex: Extractor,
) -> None:
    out = _run(
        ex,
        "Talks between Sudan's army and the RSF resumed. They are led by the US special envoy"
        " for Sudan, Tom Perriello.",
    )
    assert out["speaks_for"] == {("Tom Perriello", "United States")}


def test_name_glued_to_the_portfolio_is_split_and_the_brief_is_no_actor(ex: Extractor) -> None:
    out = _run(
        ex,
        "The UN's special adviser on Cyprus, Espen Barth Eide, spent the morning in his office."
        " Eide said the gaps had narrowed.",
    )
    assert out["actors"] == ["Espen Barth Eide", "United Nations"]
    assert ("Espen Barth Eide", "United Nations") in out["speaks_for"]


def test_name_after_a_possessive_keeps_its_honorifics(ex: Extractor) -> None:
    out = _run(
        ex,
        "The round, facilitated by Malaysia's Tengku Dato' Ab Rahim Tengku Salleh, focused on"
        " decommissioning. Tengku Rahim said the panels would meet again in June.",
    )
    assert out["actors"] == ["Malaysia", "Tengku Dato' Ab Rahim Tengku Salleh"]
    assert out["speaks_for"] == {("Tengku Dato' Ab Rahim Tengku Salleh", "Malaysia")}


def test_a_leaders_possessive_before_the_body_he_owns(ex: Extractor) -> None:
    out = _run(
        ex,
        "Officers loyal to Bashir Kordali's Eastern Liberation Army took the airport. Kordali's"
        " spokesman, Omar al-Fayyadi, said the offensive would go on.",
    )
    assert out["speaks_for"] == {
        ("Bashir Kordali", "Eastern Liberation Army"),
        ("Omar al-Fayyadi", "Eastern Liberation Army"),
    }
    none = _run(ex, "Bashir Kordali's home town was shelled overnight, residents said.")
    assert none["speaks_for"] == set()


def test_a_name_owning_something_is_not_in_apposition_to_the_title(ex: Extractor) -> None:
    out = _run(
        ex,
        "The EU observer attended. Its representative, Carla Benvenuti's office said, would"
        " not join the security talks.",
    )
    assert out["speaks_for"] == set()


@pytest.mark.parametrize(
    ("text", "person", "other"),
    [
        (
            "The Zaraki Front's delegation, headed by Yusuf Abdelkarim, who also goes by the"
            " name Abu Harith, welcomed the road map. Abu Harith said the movement wanted"
            " guarantees.",
            "Yusuf Abdelkarim",
            "Abu Harith",
        ),
        (
            "Commander Salim Odhiambo, better known as Jabali, signed for the rebels. Jabali"
            " later told reporters the guns would stay silent.",
            "Salim Odhiambo",
            "Jabali",
        ),
    ],
)
def test_a_persons_other_name_is_that_person(
    ex: Extractor, text: str, person: str, other: str
) -> None:
    out = _run(ex, text)
    assert other not in out["actors"]
    assert other in out["aliases"][person]


def test_two_people_one_after_the_other_stay_two(ex: Extractor) -> None:
    out = _run(ex, "Yusuf Abdelkarim met Omar Haddad in Doha, and the two men spoke for an hour.")
    assert out["actors"] == ["Omar Haddad", "Yusuf Abdelkarim"]


def test_a_splinter_and_who_now_leads_it(ex: Extractor) -> None:
    out = _run(
        ex,
        "Deng Alor Kuany, a former minister of the ruling party who now leads the Real SPDM,"
        " said the ruling SPDM had broken its word.",
    )
    assert {"Real SPDM", "SPDM"} <= set(out["actors"])
    assert out["speaks_for"] == {("Deng Alor Kuany", "Real SPDM")}
    past = _run(
        ex,
        "Deng Alor Kuany, a veteran of the ruling party who once led the SPDM, spoke to"
        " reporters in Nairobi.",
    )
    assert past["speaks_for"] == set()


def test_a_communitys_leader_speaks_for_the_community(ex: Extractor) -> None:
    out = _run(
        ex,
        "Turkish Cypriot leader Mehmet Ozkaya said the formula was unacceptable. Greek Cypriot"
        " leader Andreas Petrides answered within the hour.",
    )
    assert out["speaks_for"] == {
        ("Mehmet Ozkaya", "Turkish Cypriots"),
        ("Andreas Petrides", "Greek Cypriots"),
    }


def test_the_rebels_are_the_armed_party_not_the_last_body_named(ex: Extractor) -> None:
    out = _run(
        ex,
        "Talks between the government of Ruritania and the Zaraki Front resumed in Oslo. A UN"
        " mission will verify the handover of weapons. The rebels' chief negotiator, Anton"
        " Velic, answered with a statement of his own.",
    )
    assert out["speaks_for"] == {("Anton Velic", "Zaraki Front")}


def test_an_owner_less_title_speaks_for_the_state_of_its_reported_clause(ex: Extractor) -> None:
    out = _run(
        ex,
        "Eritrea will not open the border until Ethiopia takes concrete steps toward"
        " demarcating it, Foreign Minister Tesfai Ghebre said on Tuesday.",
    )
    assert out["speaks_for"] == {("Tesfai Ghebre", "Eritrea")}
    adviser = _run(
        ex,
        "Talks between Eritrea and Ethiopia resumed in Geneva. Mehari Tesfay, an adviser to"
        " Tesfai Ghebre, said Asmara insisted on a full ceasefire.",
    )
    assert ("Mehari Tesfay", "Eritrea") in adviser["speaks_for"]


def test_a_government_title_is_not_given_to_a_party_when_another_state_owns_the_event(
    ex: Extractor,
) -> None:
    out = _run(
        ex,
        "Talks between the Colombian government and the FARC resumed. Norway's summit, hosted"
        " by Prime Minister Erna Lyngstad, produced a short communique.",
    )
    assert out["speaks_for"] == set()


def test_new_lexicon_lists_are_read() -> None:
    lex = Lexicon.load()
    assert {"rebels", "militants"} <= lex.armed_groups
    assert {"tengku", "sheikh", "datuk"} <= lex.honorifics


def _said(ex: Extractor, text: str) -> dict[str, Any]:
    recs = ex.extract_text(text, published="2024-05-01")
    actors = {r["id"]: r["name"] for r in recs if r["kind"] == "actor"}
    return {
        "actors": sorted(actors.values()),
        "statements": [(actors[r["speaker"]], r["text"]) for r in recs if r["kind"] == "statement"],
        "rejects": {
            actors.get(r["source"], r["source"])
            for r in recs
            if r["kind"] == "relation" and r["type"] == "rejects"
        },
    }


INTERVIEW = (
    "We spoke to Tarik Benhadda, the chief negotiator of the Zaraki Front, in Geneva.\n\n"
    "Q: The government wants a withdrawal from the city. Will you reject it?\n\n"
    "A: A withdrawal of our fighters is not acceptable to us. The city stays in our hands.\n"
)


def test_an_answer_turn_is_the_interviewees_and_its_we_is_the_side(ex: Extractor) -> None:
    out = _said(ex, INTERVIEW)
    assert "Q" not in out["actors"] and "A" not in out["actors"]
    assert [s for s, _ in out["statements"]] == ["Tarik Benhadda"]
    assert out["statements"][0][1].startswith("A withdrawal of our fighters")
    assert out["rejects"] == {"Zaraki Front"}  # not the question's "reject"


def test_an_interview_with_nobody_named_gives_no_speaker(ex: Extractor) -> None:
    out = _said(
        ex,
        "Tarik Benhadda, the chief negotiator of the Zaraki Front, and Ilse Marquardt, the"
        " government's envoy, both spoke to reporters in Geneva.\n\n"
        "Q: What has been agreed so far?\n\n"
        "A: The exchange of prisoners is agreed in principle, and the lists are ready.\n",
    )
    assert out["statements"] == []
