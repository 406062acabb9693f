"""Near misses the round-15 reviews found, each seen wrong on the merged branches first."""

from __future__ import annotations

from typing import Any

import pytest
from actorgraph.ingest.extract import Extractor


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor(n_process=1)


def _rels(records: list[dict[str, Any]], kind: str) -> set[tuple[str, str]]:
    return {(r["source"], r["target"]) for r in records if r.get("type") == kind}


def test_a_speaker_after_a_bare_comma_is_no_listed_member(ex: Extractor) -> None:
    records = ex.extract_text(
        "The government will never negotiate with Hamas leaders, Tomas Kellerberg said on"
        " Monday. Hamas leaders Khaled Mashal and Zaher Jabarin met in Cairo."
    )
    sf = _rels(records, "speaks_for")
    assert ("khaled-mashal", "hamas") in sf
    assert not any(s == "tomas-kellerberg" for s, _ in sf)


def test_an_organization_whose_of_is_its_object_has_no_leader(ex: Extractor) -> None:
    records = ex.extract_text(
        "The investigation by the International Criminal Court of Omar al-Bashir angered Khartoum."
    )
    assert not _rels(records, "speaks_for")


def test_a_foreign_ministry_spokesmans_stance_is_the_states(ex: Extractor) -> None:
    records = ex.extract_text(
        "The spokesman of the Egyptian foreign ministry, Ahmed Abu Zeid, rejected the"
        " Ethiopian proposal for a binding deal."
    )
    assert {s for s, _ in _rels(records, "rejects")} == {"egypt"}


def test_an_army_chief_named_with_his_title_speaks_for_the_army(ex: Extractor) -> None:
    records = ex.extract_text("Ethiopia's army chief Birhanu Jula said the talks had failed.")
    (stmt,) = [r for r in records if r["kind"] == "statement"]
    assert stmt["speaker"] == "birhanu-jula" and stmt["on_behalf_of"] == "ethiopian-army"


@pytest.mark.parametrize(
    "text",
    [
        "Hamas will never join the talks.",
        "Hamas will not join the talks until Israel releases all prisoners.",
    ],
)
def test_a_refusals_topic_leaves_the_negation_to_the_relation(ex: Extractor, text: str) -> None:
    assert _rels(ex.extract_text(text), "rejects") == {("hamas", "join-the-talks")}
