"""What is demanded, one topic per thing (issue 12k; sentences written for these tests): one
side's demand worded twice in a document is one topic, the one urged is no part of what is
asked, "on Monday" after a demanded noun is no part of it."""

from __future__ import annotations

from pathlib import Path

import pytest
from actorgraph.graph.errors import InputError
from actorgraph.ingest.extract import Extractor
from actorgraph.ingest.extract.lexicon import DEFAULT_LEXICON
from actorgraph.ingest.extract.same_demands import same_demand, vocabulary

from tests.test_extract_stances import _rels


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor(n_process=1)


@pytest.fixture(scope="module")
def vocab():  # type: ignore[no-untyped-def]
    return vocabulary(frozenset({"the", "a", "an", "of", "to", "in", "on", "against", "its"}))


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("permanent end to the war in Gaza", "permanent end to the conflict", True),
        ("War End", "an end to the fighting", True),
        ("lift sanctions against the country", "sanctions against its economy lifted", True),
        ("Demands Permanent Sanctions Removal", "lift sanctions against the country", True),
        ("ceasefire", "lasting ceasefire in Karabakh", True),
        ("release of the hostages", "release of the prisoners", False),
        ("withdrawal from Gaza", "withdrawal from Lebanon", False),
        ("lift the blockade of the ports", "lift the sanctions on exporters", False),
        ("end to the war", "end to the blockade of Gaza", False),
        ("withdrawal of troops from the north", "withdrawal of troops from the buffer zone", False),
        # issue 12m: the fuller name adds an act or another object
        ("ceasefire", "end to the ceasefire", False),
        ("the hostages", "the bodies of the hostages", False),
        ("sanctions", "an end to sanctions", False),
        ("war", "end to the war", False),
        ("the hostages", "the release of the hostages", False),
        ("sanctions", "lift sanctions", False),
    ],
)
def test_one_demand_worded_twice(vocab, a: str, b: str, same: bool) -> None:  # type: ignore[no-untyped-def]
    assert same_demand(vocab.signature(a), vocab.signature(b), vocab.acts) is same


def test_an_act_the_comparison_leaves_out_is_refused_on_load(tmp_path) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "demand_topics.yaml"
    bad.write_text("degree: [full]\nacts: [end, full]\n", encoding="utf-8")
    with pytest.raises(InputError, match="full"):
        vocabulary(frozenset(), bad)


def test_a_demand_repeated_in_other_words_is_one_topic(ex: Extractor) -> None:
    text = (
        "Hamas said on Monday it would demand a permanent end to the war in Gaza. Later the "
        "group repeated its demand for a permanent end to the conflict."
    )
    found = _rels(ex, text, "demands")
    assert found == {("hamas", "permanent end to the war in Gaza")}


def test_the_statement_names_the_kept_topic(ex: Extractor) -> None:
    text = (
        'Hamas demanded a permanent end to the war. "We want a permanent end to the '
        'conflict," Hamas spokesman Hazem Qassem said.'
    )
    recs = ex.extract_text(text, published="2024-05-01")
    targets = {r["target"] for r in recs if r["kind"] == "relation" and r["type"] == "demands"}
    about = {t for r in recs if r["kind"] == "statement" for t in r.get("about", [])}
    topics = {r["id"] for r in recs if r["kind"] == "topic"}
    assert len(targets) == 1
    assert about <= topics


def test_the_one_urged_is_not_what_is_asked(ex: Extractor) -> None:
    found = _rels(ex, "Caracas urged the US administration to lift the oil sanctions.", "demands")
    assert len(found) == 1
    ((_, name),) = found
    assert "sanctions" in name and "administration" not in name


def test_the_day_a_demand_was_made_is_no_part_of_it(ex: Extractor) -> None:
    found = _rels(ex, "Armenia demanded a ceasefire on Monday.", "demands")
    assert found == {("armenia", "ceasefire")}


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (
            "Israel would only agree if all its demands were met, including pushing Hezbollah "
            "away from the border, the minister said.",
            ("hezbollah",),
        ),
        (
            "Hamas said it would sign the deal only if its conditions were met, such as a full "
            "withdrawal from Gaza.",
            ("withdrawal", "gaza"),
        ),
    ],
)
def test_demands_that_must_be_met_name_their_items(ex: Extractor, text: str, words: tuple) -> None:  # type: ignore[type-arg]
    found = _rels(ex, text, "demands")
    assert len(found) == 1
    ((_, name),) = found
    assert all(w in name.lower() for w in words) and "met" not in name.split()


def test_demands_met_that_name_nothing_are_no_demand(ex: Extractor) -> None:
    text = "The rebels said they would lay down their arms only if their demands were met."
    assert _rels(ex, text, "demands") == set()


def test_the_verbs_of_granting_are_the_lexicons(ex: Extractor, tmp_path: Path) -> None:
    """``demands.fulfil_verbs`` in the lexicon, not the code, says which verbs grant a demand."""
    text = (
        "Hamas said it would sign the deal only if its conditions were observed, such as a full "
        "withdrawal from Gaza."
    )
    assert _rels(ex, text, "demands") == {("hamas", "conditions observed")}
    lexicon = DEFAULT_LEXICON.read_text(encoding="utf-8")
    added = lexicon.replace("fulfil_verbs: [", "fulfil_verbs: [observe, ", 1)
    assert added != lexicon
    (tmp_path / "lexicon.yaml").write_text(added, encoding="utf-8")
    observing = Extractor(n_process=1, lexicon=tmp_path / "lexicon.yaml")
    assert _rels(observing, text, "demands") == {("hamas", "full withdrawal from Gaza")}
