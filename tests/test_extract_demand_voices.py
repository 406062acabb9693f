"""Whose demand and what it asks when the parse hides it (issue-15d): a side's own plan
that speaks for it, a sayer named inside a quote, a required state sharing the subject of
the clause before, "call" that names or judges. The bank
(examples/extraction-bank/demands-voices.yaml) holds the cases; these tests pin what a bank
case cannot say. Sentences written for these tests."""

from __future__ import annotations

import pytest
from actorgraph.ingest.extract import Extractor
from actorgraph.ingest.extract.lexicon import Lexicon

from tests.test_extract_demand_news import _demands


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor()


def test_the_lexicon_holds_plans_and_what_a_required_state_is_about() -> None:
    lex = Lexicon.load()
    assert {"proposal", "plan", "draft"} <= lex.demand_plans
    assert not {"agreement", "deal", "accord"} & lex.demand_plans  # both sides', not one's
    assert {"hostages", "mandate", "verdict"} <= lex.negotiated


def test_a_plan_lists_its_items_in_order_one_demand_each(ex: Extractor) -> None:
    text = (
        "The ELN gave its answer on Friday. Its proposal calls for a truce, an amnesty for its"
        " fighters, and the return of displaced families."
    )
    found = _demands(ex, text)
    assert {s for s, _ in found} == {"eln"}
    names = [t for _, t in found]
    assert len(names) == 3
    assert "truce" in names[0] and "amnesty" in names[1] and "displaced" in names[2]


def test_the_sayer_named_in_a_quote_holds_the_demand_not_the_one_quoted(ex: Extractor) -> None:
    text = (
        "Turkish President Recep Tayyip Erdogan spoke in Ankara. A Greek diplomat said:"
        ' "Erdogan has said that Cyprus must accept two states."'
    )
    found = _demands(ex, text)
    assert [s for s, _ in found] == ["turkey"]


def test_a_name_given_with_call_is_no_item_of_the_demand(ex: Extractor) -> None:
    found = _demands(ex, "Kyiv called Russia's demand for neutrality a trap.")
    assert [s for s, _ in found] == ["russia"]
    assert "neutrality" in found[0][1] and "trap" not in found[0][1]
