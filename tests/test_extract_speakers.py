"""Speakers and roles: descriptions, title variants, name variants, party tags, and the date
roles are read on (given, read from the text, or the newest roles)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from actorgraph.ingest.extract import Extractor
from actorgraph.ingest.extract.dates import infer_date
from actorgraph.ingest.extract.lexicon import Lexicon
from actorgraph.ingest.extract.titles import title_score


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor()


def _run(ex: Extractor, text: str, published: str | None = None) -> dict[str, Any]:
    recs = ex.extract_text(text, published=published)
    return {
        "speakers": [r["speaker"] for r in recs if r["kind"] == "statement"],
        "speaks_for": {
            (r["source"], r["target"]): r["confidence"]
            for r in recs
            if r["kind"] == "relation" and r["type"] == "speaks_for"
        },
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("TUNIS, March 3, 2021 (Reuters) - Tunisia said no.", date(2021, 3, 3)),
        ("KYIV, 4 May 2023 — The talks ended.", date(2023, 5, 4)),
        ("Published 14 January 2023\nThe talks ended.", date(2023, 1, 14)),
        ("The talks began on Jan. 2, 2020 and ended on Monday, March 4, 2024.", date(2024, 3, 4)),
        ("CAIRO, May 2 (Reuters) - The talks ended.", None),  # no year
        ("The talks ended on Monday.", None),
        ("The 2024-02-30 meeting, then the 2024-02-11 one.", date(2024, 2, 11)),
    ],
)
def test_the_date_a_text_gives(text: str, expected: date | None) -> None:
    assert infer_date(text) == expected


@pytest.mark.parametrize(
    ("a", "b", "score"),
    [
        ("prime minister", "Prime Minister", 4),
        ("intelligence minister", "intelligence chief", 4),  # a lexicon description
        ("defense minister", "Defense Secretary", 2),  # heads of one synonym group
        ("deputy leader", "deputy secretary-general", 4),
        ("minister", "Foreign Minister", 1),
        ("foreign minister", "Defense Minister", 0),
        ("top diplomat", "Secretary of State", 4),
    ],
)
def test_title_variants(a: str, b: str, score: int) -> None:
    assert title_score(a, b, Lexicon.load()) == score


def test_role_descriptions_and_type_descriptions(ex: Extractor) -> None:
    r = _run(
        ex,
        "Antony Blinken landed in Amman. The top U.S. diplomat said the window was closing.",
        "2024-01-08",
    )
    assert r["speakers"] == ["antony-blinken"]
    r = _run(ex, "Hezbollah fired at a base. The group said the attack was a warning.")
    assert r["speakers"] == ["hezbollah"]
    r = _run(ex, "Jordan closed its airspace. The kingdom said it would not be a battlefield.")
    assert r["speakers"] == ["jordan"]
    # an indefinite description is someone new; a modified one is not the holder
    r = _run(ex, "Hezbollah fired at a base. A group said the attack was a warning.")
    assert r["speakers"] == []
    r = _run(ex, "The former Israeli prime minister said the war was lost.", "2024-03-01")
    assert r["speakers"] == []


def test_office_holders_by_the_date_the_text_gives(ex: Extractor) -> None:
    dated = _run(
        ex, "JERUSALEM, Nov. 20, 2024 (AP) — Israel's foreign minister said the talks were over."
    )
    assert dated["speakers"] == ["gideon-saar"]
    earlier = _run(ex, "On March 3, 2023, Israel's foreign minister said the talks were over.")
    assert earlier["speakers"] == ["eli-cohen"]
    given = _run(ex, "Israel's foreign minister said the talks were over.", "2024-03-01")
    assert given["speakers"] == ["israel-katz"]
    # read from the text: less sure than a date the article gives
    assert (
        dated["speaks_for"][("gideon-saar", "israel")]
        < given["speaks_for"][("israel-katz", "israel")]
    )


def test_a_title_that_holds_the_organization_name(ex: Extractor) -> None:
    r = _run(ex, "The CIA director said the gaps were narrowing.", "2023-08-21")
    assert r["speakers"] == ["william-burns"]


def test_a_title_of_a_part_of_the_state(ex: Extractor) -> None:
    r = _run(ex, "Israel's army chief, Herzi Halevi, visited the border.", "2024-02-01")
    assert ("herzi-halevi", "israel-defense-forces") in r["speaks_for"]


def test_surnames_name_variants_and_party_tags(ex: Extractor) -> None:
    r = _run(
        ex,
        "Binyamin Netanyahu met the cabinet. Later Netanyahu said the vote would wait.",
        "2024-04-07",
    )
    assert r["speakers"] == ["benjamin-netanyahu"]
    names = {
        a["id"]
        for a in ex.extract_text("Benjamin Netanjahu met Binyamin Netanyahu.")
        if a["kind"] == "actor"
    }
    assert (
        "benjamin-netanyahu" in names and not {"benjamin-netanjahu", "binyamin-netanyahu"} & names
    )
    other = {
        a["id"]
        for a in ex.extract_text("Benjamin Nathanson met the cabinet.")
        if a["kind"] == "actor"
    }
    assert "benjamin-nathanson" in other  # a different surname is a different person
    r = _run(ex, "Sen. Ada Holt-Rivera (D-Ore.) said the bill was dead.")
    assert r["speakers"] == ["ada-holt-rivera"]
