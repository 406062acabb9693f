"""Demands and rejections as reporters write them (sentences written for these tests)."""

from __future__ import annotations

import pytest
from actorgraph.ingest.extract import Extractor


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor()


def _rels(ex: Extractor, text: str, rtype: str) -> set[tuple[str, str]]:
    recs = ex.extract_text(text, published="2024-05-01")
    topics = {r["id"]: r["name"] for r in recs if r["kind"] == "topic"}
    return {
        (r["source"], topics.get(r["target"], r["target"]))
        for r in recs
        if r["kind"] == "relation" and r["type"] == rtype
    }


def _has(found: set[tuple[str, str]], source: str, *words: str) -> bool:
    return any(s == source and all(w in t.lower() for w in words) for s, t in found)


@pytest.mark.parametrize(
    ("text", "source", "words"),
    [
        ("Chile wants Peru to return the fishing boats.", "chile", ("return", "boats")),
        ("Chile wants firm guarantees on the border.", "chile", ("guarantees",)),
        ("Chile urged Brazil to press Peru to free the crew.", "chile", ("free", "crew")),
        ("Peru asked its neighbours for more rescue teams.", "peru", ("rescue", "teams")),
        ("Peru's call for an inquiry into the crash went unheeded.", "peru", ("inquiry",)),
        ("Chile is sticking to its conditions, including a new census.", "chile", ("census",)),
        ("Peru said any accord must be binding.", "peru", ("binding",)),
        ("Chile will sign only as part of a deal that ends the dispute.", "chile", ("dispute",)),
        ("Peru will free the crew only in exchange for the boats.", "peru", ("boats",)),
        ("Chile made a new census a condition for any talks.", "chile", ("census",)),
        ("Peru insisted that the crew be released first.", "peru", ("crew", "released")),
        ("“Release the crew today,” said Gabriel Boric.", "gabriel-boric", ("release", "crew")),
        ("Chile told Peru that it had to return the boats.", "chile", ("return", "boats")),
        (
            "Peru's demands, which include an apology and a new census, are unchanged.",
            "peru",
            ("apology",),
        ),
    ],
)
def test_demand_families(ex: Extractor, text: str, source: str, words: tuple[str, ...]) -> None:
    found = _rels(ex, text, "demands")
    assert _has(found, source, *words), found


def test_one_demand_per_item_of_a_list(ex: Extractor) -> None:
    found = _rels(
        ex, "Peru's demands, which include an apology and a new census, stand.", "demands"
    )
    assert _has(found, "peru", "apology") and _has(found, "peru", "census")


@pytest.mark.parametrize(
    "text",
    [
        "Chile rejected Peru's demand for an apology.",  # a demand taken as given: background
        "Farmers blocked the roads to press their demands for lower taxes.",  # a protest
        "Chile said it must protect its fishermen.",  # an obligation on oneself
        "Chile may ask Peru for help.",
        "World demand for copper fell.",
        "Chile maintained that the accord was a permanent one rather than a temporary one.",
    ],
)
def test_demand_near_misses(ex: Extractor, text: str) -> None:
    found = _rels(ex, text, "demands")
    assert not any("temporary" in t for _, t in found)
    if "rather" not in text:
        assert found == set(), found


@pytest.mark.parametrize(
    ("text", "source", "words"),
    [
        ("Peru is unwilling to accept the new border.", "peru", ("border",)),
        ("Such a census is not acceptable to Chile, an official said.", "chile", ("census",)),
        ("The plan, so far rejected by Peru, is on hold.", "peru", ("plan",)),
        ("Chile is opposed to any change of the border.", "chile", ("change",)),
        ("Peru denied that its navy had seized the boats.", "peru", ("seized",)),
        ("Peru denied reports of a secret deal.", "peru", ("reports",)),
        ("Chile called Peru's demands absurd.", "chile", ("demands",)),
        ("Peru described the offer as unacceptable.", "peru", ("offer",)),
        ("Chile has no intention of accepting the ruling.", "chile", ("ruling",)),
        ("Peru voiced strong opposition to the treaty.", "peru", ("treaty",)),
        ("Chile said no to the Peruvian request.", "chile", ("request",)),
        ("Peru said the new terms would not meet its demands.", "peru", ("terms",)),
        ("Chile said the census was a red line.", "chile", ("census",)),
        ("The treaty drew sharp rejection from Peru.", "peru", ("treaty",)),
        ("Chile will never cede the islands, the president said.", "chile", ("islands",)),
        ("The ultimatum, which Peru rejected at once, expired.", "peru", ("ultimatum",)),
        (
            "“We will not sign an accord that divides the islands,” said Gabriel Boric.",
            "gabriel-boric",
            ("accord",),
        ),
    ],
)
def test_rejection_families(ex: Extractor, text: str, source: str, words: tuple[str, ...]) -> None:
    found = _rels(ex, text, "rejects")
    assert _has(found, source, *words), found


@pytest.mark.parametrize(
    "text",
    [
        "Chile declined to comment on the report.",
        "Peru refused to say whether the boats were seized.",
        "Chile has not ruled out a deal.",
        "If Peru rejects the plan, talks will end.",
        "A rejection of the plan by Peru would end the talks, Chile warned.",
        "The opposition parties met in Lima.",
        "Copper prices declined.",
        "Chile is not opposed to a new census.",
        "Peru is willing to accept the ruling.",
    ],
)
def test_rejection_near_misses(ex: Extractor, text: str) -> None:
    assert _rels(ex, text, "rejects") == set()
