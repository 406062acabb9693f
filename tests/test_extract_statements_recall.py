"""Words a colon introduces in the next paragraph (issue 10y; sentences written for these
tests): "X continued:" / "X added:" at a paragraph's end, then the paragraph, quoted or not,
is X's statement; no statement after a verb that says nothing, lists things, is negated, or
has no named speaker."""

from __future__ import annotations

import pytest
from actorgraph.ingest.evaluate import score_bank
from actorgraph.ingest.extract import Extractor
from actorgraph.ingest.extract.bank import load_bank

from tests.helpers import ROOT

BANK = ROOT / "examples" / "extraction-bank" / "statements-attribution-recall.yaml"
INTRO = "Governor Tom Keller met the strikers in Trenton on Monday.\n\n"
BLOCK = "The plant will stay open, and the workers will keep their pensions."


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor(n_process=1)


def _statements(ex: Extractor, text: str) -> set[tuple[str, str, bool]]:
    return {
        (r["speaker"], r["text"], r["quote"])
        for r in ex.extract_text(text)
        if r["kind"] == "statement"
    }


@pytest.mark.parametrize("lead", ["Keller added:", "Later, Keller told reporters:"])
def test_a_paragraph_after_a_colon_is_the_speakers_statement(ex: Extractor, lead: str) -> None:
    text = f"{INTRO}{lead}\n\n{BLOCK}"
    assert _statements(ex, text) == {("tom-keller", BLOCK.rstrip("."), False)}


def test_a_quoted_paragraph_after_a_colon_is_a_quote(ex: Extractor) -> None:
    text = f'{INTRO}Keller continued:\n\n"{BLOCK}"'
    assert _statements(ex, text) == {("tom-keller", BLOCK, True)}


def test_a_speech_noun_as_the_object_introduces_the_paragraph(ex: Extractor) -> None:
    text = f"{INTRO}Keller made the following comment:\n\n{BLOCK}"
    assert _statements(ex, text) == {("tom-keller", BLOCK.rstrip("."), False)}


@pytest.mark.parametrize(
    "lead",
    [
        "The agenda included:",  # no verb of saying
        "Keller added two new members:",  # a thing added, not words
        "Keller did not say:",  # negated
        "Keller might say:",  # hypothetical
        "Critics of the plan said:",  # unnamed (off by default)
    ],
)
def test_no_statement_after_a_colon_that_introduces_no_words(ex: Extractor, lead: str) -> None:
    assert _statements(ex, f"{INTRO}{lead}\n\n{BLOCK}") == set()


def test_the_bank_family(ex: Extractor) -> None:
    """The family's bank cases, positives and near misses, all right."""
    [family] = load_bank(BANK)
    assert len(family.cases) >= 16
    assert sum(1 for c in family.cases if not c.statements) >= 8  # near misses
    assert score_bank(ex, [family])[family.family]["all"].f1 == 1.0
