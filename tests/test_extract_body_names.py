"""Bodies named with an "of"/"for" tail, their short forms, and names that are no one (issue
18a): :mod:`actorgraph.ingest.extract.body_names` and the bank family ``actors-tails``."""

from __future__ import annotations

import pytest
from actorgraph.ingest.evaluate import score_bank
from actorgraph.ingest.extract import Extractor
from actorgraph.ingest.extract.bank import load_bank
from actorgraph.ingest.extract.body_names import short_form_of, tail_forms

from tests.helpers import ROOT
from tests.test_extract_actors_acting import _actors

BANK = ROOT / "examples" / "extraction-bank" / "actors-tails.yaml"


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor(n_process=1)


def test_the_bank_family(ex: Extractor) -> None:
    """The family's bank cases, with near misses, all right."""
    [family] = load_bank(BANK)
    assert len(family.cases) >= 10
    assert score_bank(ex, [family])[family.family]["all"].f1 == 1.0


@pytest.mark.parametrize(
    ("short", "full", "expected"),
    [
        ("HD Centre", "Centre for Humanitarian Dialogue", True),
        ("PD Centre", "Centre for Peaceful Dialogue", True),
        ("Centre", "Centre for Peaceful Dialogue", False),  # one word: no short form
        ("XY Centre", "Centre for Peaceful Dialogue", False),  # letters of no word
        ("Peace Centre", "Centre for Peaceful Dialogue", False),  # a word the name lacks
    ],
)
def test_a_short_form_in_brackets(short: str, full: str, expected: bool) -> None:
    assert short_form_of(short, full) is expected


def test_the_forms_of_a_tail() -> None:
    assert tail_forms(["Community", "of", "Santa", "Brigida"]) == [
        "Santa Brigida",
        "Community Santa Brigida",
    ]
    assert tail_forms(["Alliance", "for", "the", "Restoration"]) == [
        "Restoration",
        "Alliance Restoration",
    ]
    assert tail_forms(["Executive", "Committee", "of", "EPRDF"]) == []  # the owner
    assert tail_forms(["Unity", "Front"]) == []


@pytest.mark.parametrize(
    ("text", "kept", "dropped"),
    [
        (  # NER's cut at the head; the widened name is one body
            "The Commission for Truth of Lakeland said it would hear both sides in March.",
            {"Commission for Truth of Lakeland"},
            {"Commission"},
        ),
        (  # a leader's name after "of" is no part of the body's name
            "The Sudan Liberation Movement of Abdel Karim Nur refused to attend the talks.",
            {"Sudan Liberation Movement"},
            {"Sudan Liberation Movement of Abdel Karim Nur"},
        ),
        (  # the generic head of an owner's body stays the owner's rule
            "The Executive Committee of the FNLA said it would attend.",
            {"FNLA"},
            {"FNLA Executive Committee"},
        ),
        (  # an event in a title-cased name
            "Veterans of the Ogaden War marched to the ministry, where Ethiopia's army met them.",
            {"Ethiopian army"},
            {"Ogaden War"},
        ),
    ],
)
def test_names(ex: Extractor, text: str, kept: set[str], dropped: set[str]) -> None:
    found = _actors(ex, text)
    assert kept <= found, found
    assert not dropped & found, found
