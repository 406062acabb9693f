"""Actor forms, principals and statement speakers (issue 10): abbreviated titles, singular and
plural names, demonyms that describe, governments' own names, places NER takes for people,
possessives, "an adviser to", "whose", quotes inside reported clauses."""

from __future__ import annotations

from typing import Any

import pytest
from actorgraph.ingest.extract import Extractor
from actorgraph.ingest.extract.boilerplate import boilerplate_spans
from actorgraph.ingest.extract.dictionary import ActorDictionary
from actorgraph.ingest.extract.normalize import fold, is_title_word, person_key


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor()


def _run(ex: Extractor, text: str, published: str | None = "2024-03-01") -> dict[str, Any]:
    recs = ex.extract_text(text, published=published)
    return {
        "actors": {r["id"] for r in recs if r["kind"] == "actor"},
        "statements": [(r["speaker"], r["text"]) for r in recs if r["kind"] == "statement"],
        "speaks_for": {
            (r["source"], r["target"])
            for r in recs
            if r["kind"] == "relation" and r["type"] == "speaks_for"
        },
    }


# ---------------------------------------------------------------------- names and keys
def test_letters_nfkd_keeps_whole_fold_to_ascii() -> None:
    assert fold("Akıncı") == "akinci"
    assert person_key("Lech Wałęsa") == "lech walesa"


def test_abbreviated_titles_are_title_words() -> None:
    assert is_title_word("Amb.") and is_title_word("Brig.") and is_title_word("Lt.")
    assert not is_title_word("Tennaberg")


def test_a_group_is_found_in_the_other_number() -> None:
    d = ActorDictionary.load()
    assert d.lookup_number("Houthi") == "houthis"
    assert d.lookup_number("Hama") is None  # no "Hamas" from a city (a final "s" only)
    new = d.new_actor("Zaraki Movements", "organization")
    assert d.new_actor("Zaraki Movement", "organization") == new


def test_a_bracketed_credit_line_is_boilerplate() -> None:
    text = "Colombia said no.\n\n(Reporting by Ana Ruiz-Olmo; editing by Tom Quarry)"
    spans = boilerplate_spans(text)
    assert any(text[a:b].startswith("(Reporting by") for a, b in spans)


# ---------------------------------------------------------------------- actors
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Lt. Col. Nadav Shoshani said the strikes hit militants.", {"nadav-shoshani"}),
        ("Amb. Corinne Valdemaro said the vote would go ahead.", {"corinne-valdemaro"}),
        (
            "Tigrayan forces entered the town, and the TPLF said it would stay.",
            {"tigray-peoples-liberation-front"},
        ),
        ("A senior European diplomat said the sanctions would stay.", set()),
        ("The Royal Norwegian Government said it would host the talks.", {"norway"}),
        ("The Federal Government of Somalia rejected the demands.", {"somalia"}),
        ("Floods in Banten, Lebak and Pandeglang displaced thousands.", set()),
        ("The leaders met at Vorkhuta on Monday.", set()),
        ("A resident of Marwanabad said the shelling had stopped.", set()),
        ("The Geneva-based agency said its staff had visited them.", set()),
    ],
)
def test_actor_forms(ex: Extractor, text: str, expected: set[str]) -> None:
    assert _run(ex, text)["actors"] == expected


def test_two_demonyms_name_a_community_not_two_states(ex: Extractor) -> None:
    out = _run(ex, "Turkish Cypriot leader Mehmet Yılmazoğlu said the talks could succeed.")
    assert "cyprus" not in out["actors"] and "turkey" not in out["actors"]


def test_a_surname_in_non_ascii_letters_is_the_person_named_in_full(ex: Extractor) -> None:
    out = _run(ex, "Mustafa Akıncı arrived late. Akıncı said the troops would stay.")
    assert out["statements"] == [("mustafa-akinci", "the troops would stay")]


# ---------------------------------------------------------------------- principals
@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("Norway's Ingrid Solbakken said the parties would meet.", ("ingrid-solbakken", "norway")),
        (
            "Lithuanian President Gediminas Varnas spoke. Rokas Teleiva, an adviser to Varnas, "
            "said the border would stay closed.",
            ("rokas-teleiva", "lithuania"),
        ),
        (
            "The talks are hosted by Sweden, whose foreign minister, Elin Nordqvist, opened "
            "the session.",
            ("elin-nordqvist", "sweden"),
        ),
        (
            '"Lebanon will not accept it," Prime Minister Samir Haddadine told reporters.',
            ("samir-haddadine", "lebanon"),
        ),
        (
            "Moldova's chief negotiator, Deputy Prime Minister for Reintegration Viorel Cebanu, "
            "said the text was ready.",
            ("viorel-cebanu", "moldova"),
        ),
        (
            "Ahmad Qassemi, founder of the Popular Resistance Front, rejected the plan.",
            ("ahmad-qassemi", "popular-resistance-front"),
        ),
    ],
)
def test_principals(ex: Extractor, text: str, pair: tuple[str, str]) -> None:
    assert pair in _run(ex, text)["speaks_for"]


@pytest.mark.parametrize(
    "text",
    [
        "Foreign Minister Halvard Ruud said the 2003 agreement with Libya was a model.",
        "Former prime minister Andrej Kovalcik demanded elections after Slovakia's court ruled.",
        "Marko Ilvesalo, an adviser to the rebel commander, said the offer was under review.",
    ],
)
def test_no_principal(ex: Extractor, text: str) -> None:
    assert _run(ex, text)["speaks_for"] == set()


def test_a_nationality_adds_no_principal(ex: Extractor) -> None:
    out = _run(
        ex,
        "The session was chaired by the EU's foreign policy chief Josep Borrell. Borrell, the "
        "veteran Spanish diplomat, urged both sides to keep talking.",
        "2023-08-18",
    )
    assert out["speaks_for"] == {("josep-borrell", "european-union")}


# ---------------------------------------------------------------------- statements
def test_a_quote_inside_a_reported_clause_is_one_statement(ex: Extractor) -> None:
    out = _run(
        ex,
        'The Zaraki Front said any settlement must recognise the "right of our people to '
        'decide their own future," and called for the release of prisoners.',
    )
    assert len(out["statements"]) == 1
    assert out["statements"][0][1].startswith("any settlement must recognise")


def test_told_a_briefing_that_reports_the_clause(ex: Extractor) -> None:
    out = _run(
        ex,
        "Spokeswoman Lin Qiaoyu told a regular press briefing that the two sides had agreed "
        "to pull back their forces.",
    )
    assert out["statements"] == [
        ("lin-qiaoyu", "the two sides had agreed to pull back their forces")
    ]


def test_he_after_an_unnamed_source_is_not_the_person_named_before(ex: Extractor) -> None:
    out = _run(
        ex,
        "Anan Siriwong said the decree might be lifted. A rebel member of the delegation, who "
        "asked not to be named, said the group had turned down the request. Instead, he said, "
        "the group had proposed a smaller truce.",
    )
    assert [s for s, _ in out["statements"]] == ["anan-siriwong"]


def test_a_quote_that_is_all_the_urged_action_says_is_a_statement(ex: Extractor) -> None:
    out = _run(ex, 'Ilse Brandvold urged both sides to "engage in good faith at the table."')
    assert out["statements"] == [("ilse-brandvold", "engage in good faith at the table.")]


def test_dismissed_as_a_quote_is_a_statement(ex: Extractor) -> None:
    out = _run(ex, 'Piet Vermaelen dismissed the offer as "a fantasy written in the capital."')
    assert [s for s, _ in out["statements"]] == ["piet-vermaelen"]


def test_each_quote_goes_with_the_verb_whose_clause_holds_it(ex: Extractor) -> None:
    out = _run(
        ex,
        'Ramon Okafor tells reporters the government is ready to free prisoners "on a case '
        'by case basis" but dismisses a general amnesty as "not possible under our laws."',
    )
    texts = sorted(t for _, t in out["statements"])
    assert len(texts) == 2 and texts[1].startswith("the government is ready")
    assert "not possible under our laws" in texts[0]
