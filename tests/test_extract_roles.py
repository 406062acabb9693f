"""Who a named person speaks for, and which names are actors (issue 10f): the helpers behind
the bank's speaker and actor families, each with a near miss."""

from __future__ import annotations

from typing import Any

import pytest
from actorgraph.ingest.articles import Article
from actorgraph.ingest.extract import Extractor
from actorgraph.ingest.extract.mentions import _run_of
from actorgraph.ingest.extract.normalize import surname
from actorgraph.ingest.extract.titled_names import title_words_before


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor(n_process=1)


def _records(ex: Extractor, text: str, **kw: Any) -> dict[str, Any]:
    recs = ex.extract_text(text, **kw)
    return {
        "actors": {r["id"] for r in recs if r["kind"] == "actor"},
        "speaks_for": {
            (r["source"], r["target"])
            for r in recs
            if r["kind"] == "relation" and r["type"] == "speaks_for"
        },
        "speakers": [r["speaker"] for r in recs if r["kind"] == "statement"],
    }


def test_surname_skips_a_generational_suffix() -> None:
    assert surname("Silvestre Bello III") == "bello"
    assert surname("Robert Smith Jr.") == "smith"
    assert surname("Ilham Aliyev") == "aliyev"


def test_a_run_of_a_longer_name() -> None:
    assert _run_of(["bagheri", "kani"], ["ali", "bagheri", "kani"])
    assert _run_of(["kuol", "manyang"], ["kuol", "manyang", "juuk"])
    assert not _run_of(["ali", "kani"], ["ali", "bagheri", "kani"])  # not a run


def test_title_words_in_capitals_before_a_name(ex: Extractor) -> None:
    doc = ex.nlp("The Russian mediator, Ambassador-at-Large Pavel Orlov, said no.")
    start = next(t.i for t in doc if t.text == "Pavel")
    assert doc[title_words_before(doc, start - 1)].text == ","
    plain = ex.nlp("The mediator said Pavel Orlov was late.")
    at = next(t.i for t in plain if t.text == "Pavel")
    assert title_words_before(plain, at - 1) == at - 1  # "said" is no title word


def test_an_outlet_that_reports_is_no_actor_and_no_speaker(ex: Extractor) -> None:
    r = _records(ex, "Reuters reported that Hamas had accepted the offer.")
    assert "reuters" not in r["actors"] and "reuters" not in r["speakers"]
    acted = _records(ex, "Israel banned Reuters from the north, and Reuters reported the ban.")
    assert "reuters" in acted["actors"]  # acted upon: an actor


def test_the_documents_own_outlet_is_no_actor(ex: Extractor) -> None:
    text = "Pagan Amum spoke to the Nile Compass in Nairobi."
    assert "nile-compass" in _records(ex, text)["actors"]  # a name like any other
    art = Article(id="x", title="t", text=text, outlet="Nile Compass")  # now its own story
    ids = {r["id"] for r in ex.extract([art]) if r["kind"] == "actor"}
    assert "nile-compass" not in ids and "pagan-amum" in ids


def test_a_live_blog_time_stamp_is_no_part_of_a_name(ex: Extractor) -> None:
    r = _records(ex, "Fidel Agcaoili leads the panel.\n\n10:50 - Agcaoili says the front is ready.")
    assert r["actors"] == {"fidel-agcaoili"}
    assert r["speakers"] == ["fidel-agcaoili"]


def test_a_body_led_by_a_person_outweighs_the_office(ex: Extractor) -> None:
    r = _records(
        ex,
        "The Thai panel is led by Somchai Rattana, a deputy director of the National Security"
        " Council.",
    )
    assert r["speaks_for"] == {("somchai-rattana", "thailand")}


def test_government_titles_go_to_the_one_state_among_the_parties(ex: Extractor) -> None:
    one = _records(
        ex,
        "Talks between the Mozambican government and RENAMO resumed. President Armando Cossa"
        " said the rebels had to disarm.",
    )
    assert ("armando-cossa", "mozambique") in one["speaks_for"]
    two = _records(
        ex,
        "Talks between Armenia and Azerbaijan resumed. President Aram Grigoryan said a treaty"
        " was close.",
    )
    assert not {s for s in two["speaks_for"] if s[0] == "aram-grigoryan"}


def test_an_unknown_demonym_is_the_actor_named_with_its_stem(ex: Extractor) -> None:
    r = _records(
        ex,
        "Georgia and Abkhazia met in Geneva. Inal Ardzinba, who leads the Abkhazian delegation,"
        " said the text was unfair.",
    )
    assert r["speaks_for"] == {("inal-ardzinba", "abkhazia")}
    assert "abkhazian" not in r["actors"]


def test_a_fuller_name_is_given_first_and_holds_no_title() -> None:
    from actorgraph.ingest.extract.mentions import Mention, _longer_names

    full = Mention(0, 3, "person", "PERSON", "Ali Bagheri Kani")
    part = Mention(10, 12, "person", "PERSON", "Bagheri Kani")
    assert _longer_names([full, part], set()) == {id(part): full}
    late = Mention(20, 23, "person", "PERSON", "Crooked Bagheri Kani")
    assert _longer_names([part, late], set()) == {}  # given after the short one
    titled = Mention(0, 4, "person", "PERSON", "Charlotte Mayor Bagheri Kani")
    assert _longer_names([titled, part], {1}) == {}  # "Mayor" is a title word
