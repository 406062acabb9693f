"""How pages print who speaks besides "X said" (issue 10t; sentences written for these tests):
a paragraph opened with the closing mark, a signing dash glued to the closing mark, a
transcript quoted paragraph by paragraph, a speaker the tagger swallowed into a title after a
quote, and "the council" for an organization whose name has its head noun first."""

from __future__ import annotations

import pytest
from actorgraph.ingest.evaluate import score_bank
from actorgraph.ingest.extract import Extractor
from actorgraph.ingest.extract.bank import load_bank

from tests.helpers import ROOT

BANK = ROOT / "examples" / "extraction-bank" / "statements-layouts.yaml"


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor(n_process=1)


def _statements(ex: Extractor, text: str) -> set[tuple[str, str]]:
    return {(r["speaker"], r["text"]) for r in ex.extract_text(text) if r["kind"] == "statement"}


@pytest.mark.parametrize(
    "text",
    [
        "Readers wrote in.\n\n”The truce will not hold without monitors.” ― Sonia Hartley",
        "Readers wrote in.\n\n“The truce will not hold without monitors.”― Sonia Hartley",
        "Readers wrote in.\n\n“The truce will not hold without monitors.”— Sonia Hartley, Leeds",
    ],
)
def test_a_paragraph_opened_by_the_closing_mark_or_a_glued_dash_is_signed(
    ex: Extractor, text: str
) -> None:
    said = "The truce will not hold without monitors."
    assert _statements(ex, text) == {("sonia-hartley", said)}


def test_a_closing_mark_inside_a_line_opens_no_quote(ex: Extractor) -> None:
    text = "The mayor called the report “a fair summary”\n”of the finances, on the whole."
    assert _statements(ex, text) == set()


def test_a_transcript_quoted_paragraph_by_paragraph_gives_each_turn_its_speaker(
    ex: Extractor,
) -> None:
    text = (
        "Governor Helen Strand and Senator Omar Castell debated on Sunday.\n\n"
        "Partial transcript:\n\n"
        '"CASTELL: The legislature adjourned without a budget, and the schools will pay.\n\n'
        '"STRAND: We will call a session next week, and the budget will pass.'
    )
    found = _statements(ex, text)
    assert {s for s, _ in found} == {"omar-castell", "helen-strand"}
    assert ("helen-strand", "We will call a session next week, and the budget will pass") in found


def test_a_quoted_label_of_nobody_named_is_no_speaker(ex: Extractor) -> None:
    text = 'The delegations met.\n\n"MODERATOR: We will take two questions from each side.'
    assert _statements(ex, text) == set()


def test_a_speaker_swallowed_into_a_title_after_a_quote(ex: Extractor) -> None:
    text = (
        "Senator Paul Okafor met the striking nurses on Friday.\n\n"
        '"Nobody should work a double shift without pay," Okafor told The Lagos Ledger.'
    )
    assert {s for s, _ in _statements(ex, text)} == {"paul-okafor"}


def test_the_head_noun_of_a_name_that_comes_first_finds_the_organization(
    ex: Extractor,
) -> None:
    text = (
        "The Federation of Independent Grocers held its meeting in Leeds. "
        "The federation said the new tax would close hundreds of small shops."
    )
    assert {s for s, _ in _statements(ex, text)} == {"federation-of-independent-grocers"}


def test_the_bank_family(ex: Extractor) -> None:
    """The family's bank cases, positives and near misses, all right."""
    [family] = load_bank(BANK)
    assert len(family.cases) >= 20
    assert sum(1 for c in family.cases if not c.statements) >= 8  # near misses
    assert score_bank(ex, [family])[family.family]["all"].f1 == 1.0


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Governor Helen Strand believes the budget will pass in May.", "helen-strand"),
        ("Senator Paul Okafor fears that the strike will spread.", "paul-okafor"),
        ("Senator Paul Okafor thinks that the strike will end soon.", "paul-okafor"),
    ],
)
def test_a_belief_of_a_named_speaker_is_a_statement(ex: Extractor, text: str, speaker: str) -> None:
    assert {s for s, _ in _statements(ex, text)} == {speaker}


@pytest.mark.parametrize(
    "text",
    ["Many believe the deal will collapse.", "It is hoped that the talks will resume."],
)
def test_a_belief_of_nobody_in_particular_is_no_statement(ex: Extractor, text: str) -> None:
    assert _statements(ex, text) == set()
