"""Names NER glues or splits, and loose datelines (issue 22A): a state that is a title's brief
glued to the holder's name, a person's name with initials taken for an organization, one
person whose given name is transliterated two ways, datelines that end in a colon, a date or
the line's end. The bank family ``actors-glued`` holds the phrasings; these tests pin the
pieces, each with a near miss."""

from __future__ import annotations

import pytest
from actorgraph.ingest.extract import Extractor
from actorgraph.ingest.extract.boilerplate import boilerplate_spans


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor()


def _actors(ex: Extractor, text: str) -> set[str]:
    return {r["id"] for r in ex.extract_text(text, published="2024-03-01") if r["kind"] == "actor"}


def test_a_state_glued_after_a_titles_brief_is_no_part_of_the_name(ex: Extractor) -> None:
    text = "The US special envoy for Sudan Tom Perriello said the talks had made progress."
    assert _actors(ex, text) == {"united-states", "tom-perriello"}


def test_a_state_after_to_that_ends_no_title_stays_apart(ex: Extractor) -> None:
    text = "The delegation flew to Sudan on Monday, and Tom Perriello said the talks would resume."
    assert _actors(ex, text) == {"tom-perriello"}


def test_a_brief_before_a_bodys_name_is_no_person(ex: Extractor) -> None:
    text = "The envoy to Sudan Liberation Movement leaders said the talks had stalled."
    assert not any(a.startswith("liberation") or a.endswith("movement") for a in _actors(ex, text))


def test_a_name_with_initials_is_a_person_and_its_surname_too(ex: Extractor) -> None:
    text = "Norway's special envoy Ture N.L. Lundh met the panels. Lundh said talks could resume."
    records = ex.extract_text(text, published="2024-03-01")
    people = [r for r in records if r["kind"] == "actor" and "lundh" in r["id"]]
    assert [r["type"] for r in people] == ["person"]
    assert "Lundh" in people[0]["aliases"]


def test_an_abbreviation_first_is_no_name_with_initials(ex: Extractor) -> None:
    records = ex.extract_text("The U.S. Army said it would withdraw.", published="2024-03-01")
    assert [r["type"] for r in records if r["kind"] == "actor"] == ["organization"]


def test_a_given_name_transliterated_otherwise_is_the_same_person(ex: Extractor) -> None:
    text = (
        "Mohamed Salah Kabbashi told the mediators that the army would attend. "
        "Mohammed Salah Kabbashi later confirmed the date."
    )
    assert _actors(ex, text) == {"mohamed-salah-kabbashi"}


def test_other_surnames_or_given_names_stay_two_people(ex: Extractor) -> None:
    assert len(_actors(ex, "Ahmed Hassan met Ahmed Hassani, and both said talks go on.")) == 2
    assert len(_actors(ex, "Mohammed Ali said no. Mahmoud Ali said it could be saved.")) == 2


@pytest.mark.parametrize(
    ("text", "dateline"),
    [
        ("Istanbul (TDI): Pakistan agreed to talks.", "Istanbul (TDI): "),
        ("HELSINKI (AFP) Jan 27, 2005\n\nThe talks began.", "HELSINKI (AFP) Jan 27, 2005"),
        ("— Doha (AFP)\n\nQatar said the talks would go on.", "— Doha (AFP)"),
    ],
)
def test_loose_datelines_are_boilerplate(text: str, dateline: str) -> None:
    assert [text[a:b] for a, b in boilerplate_spans(text)] == [dateline]


@pytest.mark.parametrize(
    "text",
    [
        "Hamas (Islamic Resistance Movement): the group accepted the proposal.",
        "Hamas (IRM) said it had accepted the proposal.",
        "Pakistan (PTI) said the talks would resume.",
    ],
)
def test_a_body_and_its_name_in_brackets_is_no_dateline(text: str) -> None:
    assert boilerplate_spans(text) == []


def test_a_dateline_agency_is_no_actor_nor_a_name_of_the_place(ex: Extractor) -> None:
    text = "— Doha (AFP)\n\nQatar said on Sunday that the two sides had agreed to meet again."
    records = ex.extract_text(text, published="2024-03-01")
    assert {r["id"] for r in records if r["kind"] == "actor"} == {"qatar"}
    qatar = next(r for r in records if r["kind"] == "actor")
    assert "AFP" not in qatar["aliases"]


def test_a_link_to_another_story_names_no_actor(ex: Extractor) -> None:
    text = (
        "Iran's foreign minister said Iran would stop only if Israel stopped its attacks. "
        "Also Read | Truce holds: who blinked first, Netanyahu or Khamenei?"
    )
    found = _actors(ex, text)
    assert "benjamin-netanyahu" not in found and "ali-khamenei" not in found
    assert next(text[a:b] for a, b in boilerplate_spans(text)).startswith("Also Read |")


@pytest.mark.parametrize(
    "text", ["Related talks began in May. Also read the full text here.", "The related: talks."]
)
def test_read_and_related_in_prose_are_no_links(text: str) -> None:
    assert boilerplate_spans(text) == []


def test_every_use_of_a_surname_with_a_particle_is_the_person(ex: Extractor) -> None:
    text = (
        "The opposition criticised the UN envoy Staffan de Mistura on Monday. On Tuesday, de "
        "Mistura said the talks would open on February 20. Officials rejected de Mistura's "
        "comments. A rebel spokesman said it was unacceptable to have de Mistura picking the "
        "delegates."
    )
    people = [a for a in _actors(ex, text) if "mistura" in a]
    assert people == ["staffan-de-mistura"]
