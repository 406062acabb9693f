"""Forms of saying beyond a verb of saying and its clause (issue 20Q; sentences written for
these tests): verbs from CAMEO's families of statements, appeals and disapproval that report a
"that" clause ("proposed that", "hinted that"), light verbs with a noun of a view ("expressed
hope that", "made it clear that"), and verbs of quoting ("was quoted as saying"). Each with
near misses where nothing is said, and the three bank families."""

from __future__ import annotations

import pytest
from actorgraph.ingest.evaluate import score_bank
from actorgraph.ingest.extract import Extractor
from actorgraph.ingest.extract.bank import load_bank
from actorgraph.ingest.extract.layout import headline
from actorgraph.ingest.extract.lexicon import Lexicon

from tests.helpers import ROOT

BANK = ROOT / "examples" / "extraction-bank"
FAMILIES = (
    "statements-clause-verbs",
    "statements-light-verbs",
    "statements-quoted-as",
    "statements-said-acts",
)
WHO = "Kenyan President William Ruto"
CLAUSE = "both armies would pull back from the border town"


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor(n_process=1)


def _statements(ex: Extractor, text: str) -> set[tuple[str, str]]:
    return {(r["speaker"], r["text"]) for r in ex.extract_text(text) if r["kind"] == "statement"}


@pytest.mark.parametrize(
    "verb",
    ["proposed", "anticipated", "has advocated", "doubts", "regretted", "disputed", "disagreed"],
)
def test_a_clause_verb_reports_its_that_clause(ex: Extractor, verb: str) -> None:
    assert _statements(ex, f"{WHO} {verb} that {CLAUSE}.") == {("william-ruto", CLAUSE)}


@pytest.mark.parametrize(
    "lead",
    [
        "expressed hope that",
        "voiced concern that",
        "gave assurances that",
        "made clear that",
        "has made it clear that",
        "was quoted as saying that",
        "was quoted by state media as saying",
    ],
)
def test_a_light_verb_or_a_quoting_passive_reports_the_clause(ex: Extractor, lead: str) -> None:
    assert _statements(ex, f"{WHO} {lead} {CLAUSE}.") == {("william-ruto", CLAUSE)}


def test_the_agency_that_quotes_is_not_the_speaker(ex: Extractor) -> None:
    text = f"The agency quoted {WHO} as saying that {CLAUSE}."
    assert _statements(ex, text) == {("william-ruto", CLAUSE)}


@pytest.mark.parametrize(
    "text",
    [
        f"{WHO} proposed a truce of ninety days along the border.",  # an object, no clause
        f"{WHO} did not propose that {CLAUSE}.",  # negated
        f"{WHO} hinted that {CLAUSE}.",  # a hint is read from acts (the seed's convention)
        f"{WHO} has indicated that {CLAUSE}.",
        f"{WHO} doubted whether {CLAUSE}.",  # a question
        f"{WHO} made clear progress in the talks with the rebels.",  # no clause
        f"{WHO} has not made it clear that {CLAUSE}.",  # negated
        f"The quiet night gave hope that {CLAUSE}.",  # no actor
        f"Hope was expressed that {CLAUSE}.",  # nobody expressed it
        f"{WHO} was never quoted as saying that {CLAUSE}.",  # negated quoting
        f"A senior official was quoted as saying that {CLAUSE}.",  # unnamed
    ],
)
def test_no_statement_where_nothing_is_said(ex: Extractor, text: str) -> None:
    assert _statements(ex, text) == set()


@pytest.mark.parametrize(
    ("act", "said"),
    [
        ("ruled out talks until the rebels disarm", "ruled out talks until the rebels disarm"),
        ("has spelled out his conditions", "spelled out his conditions"),
        ("denied any involvement in the raid", "denied any involvement in the raid"),
    ],
)
def test_an_act_of_saying_with_its_object_is_the_statement(
    ex: Extractor, act: str, said: str
) -> None:
    assert _statements(ex, f"{WHO} {act}.") == {("william-ruto", said)}


@pytest.mark.parametrize(
    "text",
    [
        "Talks were ruled out until the rebels disarm.",  # a passive
        f"{WHO} has not ruled out talks with the rebels.",  # negated
        f"{WHO} denied the monitors access to the border town.",  # a refusal of a thing
        f"{WHO} denied access to the border town.",
    ],
)
def test_no_statement_of_an_act_that_says_nothing(ex: Extractor, text: str) -> None:
    assert _statements(ex, text) == set()


def test_clause_verbs_are_no_speech_verbs_of_the_other_families() -> None:
    """The verbs are read by the statements alone: the stance and speaker rules, which read
    `speech.verbs`, see no new verb."""
    lex = Lexicon.load()
    assert lex.speech_clause_verbs and not lex.speech_clause_verbs & lex.speech_verbs


@pytest.mark.parametrize("name", FAMILIES)
def test_the_bank_family(ex: Extractor, name: str) -> None:
    """The family's bank cases, 6 positives or more and 3 near misses or more, all right."""
    [family] = load_bank(BANK / f"{name}.yaml")
    assert sum(1 for c in family.cases if c.statements) >= 6
    assert sum(1 for c in family.cases if not c.statements) >= 3
    assert score_bank(ex, [family])[family.family]["all"].f1 == 1.0


def test_a_clause_verb_inside_a_reported_clause_is_part_of_that_statement(ex: Extractor) -> None:
    text = f"{WHO} said that Kenya expects the rebels to return to the talks in Nairobi."
    assert _statements(ex, text) == {
        ("william-ruto", "Kenya expects the rebels to return to the talks in Nairobi")
    }


@pytest.mark.parametrize(
    "text",
    [
        f'{WHO} went on: "The rebels must leave the border town."',
        f'"The rebels must leave the border town," {WHO} hit back.',
    ],
)
def test_a_verb_and_particle_tags_a_quote(ex: Extractor, text: str) -> None:
    assert {s for s, _ in _statements(ex, text)} == {"william-ruto"}


def test_the_talks_going_on_tag_nothing(ex: Extractor) -> None:
    assert _statements(ex, "The talks went on for six hours in the border town.") == set()


def test_a_noun_clause_keeps_quoted_words_nobody_said(ex: Extractor) -> None:
    text = f'{WHO}\'s remarks that the talks were "almost done" angered the rebels.'
    assert {s for s, _ in _statements(ex, text)} == {"william-ruto"}


@pytest.mark.parametrize(
    ("text", "at", "expected"),
    [
        ("Ethiopia rules out war\n\nAbiy said so.", 0, True),
        ("Ethiopia rules out war\n\nAbiy said so.", 24, False),  # the body
        ("Abiy ruled out war.\nHe said so.", 0, False),  # a sentence, not a headline
        ("Abiy ruled out war", 0, False),  # one line: no body to tell it
    ],
)
def test_a_headline_is_the_first_line_without_a_full_stop(
    text: str, at: int, expected: bool
) -> None:
    assert headline(text, at) is expected


def test_a_headlines_act_is_no_statement(ex: Extractor) -> None:
    text = f"Kenya rules out talks with the rebels\n\n{WHO} said that {CLAUSE}."
    assert _statements(ex, text) == {("william-ruto", CLAUSE)}
