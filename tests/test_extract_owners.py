"""Issue 14o: who an actor is and who holds a stance. An actor's aliases hold the document's
own names of it (not descriptions around a name); a pronoun in what one actor told another is
the teller when the clause states the teller's own stance; plural descriptions ("both
leaders", "the warring parties") are the pair just named, for every family that resolves a
subject (:meth:`Resolver.resolve_np`)."""

from __future__ import annotations

import pytest
from actorgraph.ingest.extract import Extractor, _alias_form, _shared_surfaces


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor(n_process=1)


def _actors(ex: Extractor, text: str) -> dict[str, list[str]]:
    recs = ex.extract_text(text, published="2025-03-01")
    return {r["name"]: r["aliases"] for r in recs if r["kind"] == "actor"}


def _stances(ex: Extractor, text: str, kind: str) -> set[str]:
    recs = ex.extract_text(text, published="2025-03-01")
    return {r["source"] for r in recs if r["kind"] == "relation" and r["type"] == kind}


def test_a_dictionary_actor_keeps_the_documents_own_name(ex: Extractor) -> None:
    text = "The Democratic Republic of Congo accused Rwanda of arming the rebels."
    aliases = _actors(ex, text)["Democratic Republic of the Congo"]
    assert "Democratic Republic of Congo" in aliases
    assert "DRC" in aliases  # the dictionary's own aliases stay, first


def test_a_description_around_a_name_is_no_alias(ex: Extractor) -> None:
    text = "The European Union's foreign policy chief said the bloc would respond."
    aliases = _actors(ex, text)["European Union"]
    assert aliases == ["EU", "E.U."]


@pytest.mark.parametrize(
    ("surface", "name"),
    [
        ("Democratic Republic of Congo", True),
        ("Hay'at Tahrir al-Sham", True),
        ("DR Congo", True),
        ("Yemen's Saudi-backed government", True),
        ("the government of Eritrea", True),
        ("the EU's foreign policy chief", False),
        ("Foreign Ministry", False),
        ("pro-Russian forces", False),
    ],
)
def test_what_is_a_form_of_a_name(ex: Extractor, surface: str, name: bool) -> None:
    assert _alias_form(surface, ex._organ_words) is name


def test_a_form_used_for_two_actors_is_an_alias_of_neither() -> None:
    surfaces = {"a": {"Congo", "DRC"}, "b": {"Congo", "Brazzaville"}, "c": {"Congo"}}
    assert _shared_surfaces(surfaces, {"a", "b"}) == {"Congo"}
    assert _shared_surfaces(surfaces, {"a"}) == set()


@pytest.mark.parametrize(
    ("text", "kind", "source"),
    [
        ("Chile has told Bolivia it wants the border commission reconvened.", "demands", "chile"),
        ("Serbia informed the EU that it would not recognise the plates.", "rejects", "serbia"),
    ],
)
def test_the_teller_holds_its_own_stance(ex: Extractor, text: str, kind: str, source: str) -> None:
    assert _stances(ex, text, kind) == {source}


def test_the_one_told_holds_what_it_must_do(ex: Extractor) -> None:
    text = "Egypt told Hamas that it had to accept the revised proposal."
    assert _stances(ex, text, "demands") == {"egypt"}


def test_both_leaders_are_the_two_people_just_named(ex: Extractor) -> None:
    text = (
        "Armenian Prime Minister Nikol Pashinyan and Azerbaijani President Ilham Aliyev met "
        "in Abu Dhabi. Both leaders rejected the proposal for a peacekeeping force."
    )
    assert _stances(ex, text, "rejects") == {"armenia", "azerbaijan"}


def test_the_parties_alone_are_no_pair(ex: Extractor) -> None:
    text = "Labour and the Greens walked out of parliament. The parties rejected the budget."
    assert _stances(ex, text, "rejects") == set()


def test_a_states_government_as_the_document_names_it_is_an_alias(ex: Extractor) -> None:
    text = "The deal was brokered by the Sudanese government, which hosted the talks."
    assert "Sudanese government" in _actors(ex, text)["Sudan"]


def test_a_government_that_acts_makes_its_state_an_actor(ex: Extractor) -> None:
    text = "The Colombian government suspended the talks after the attack."
    assert "Colombian government" in _actors(ex, text)["Colombia"]
    assert _actors(ex, "Colombian troops crossed the river.") == {}


def test_an_army_is_a_body_of_its_own_and_the_army_is_the_same(ex: Extractor) -> None:
    text = "Sudan's army rejected the truce. The army demanded the return of looted property."
    actors = _actors(ex, text)
    assert actors["Sudanese army"] == ["Sudan's army"] and "Sudan" in actors
    assert _stances(ex, text, "rejects") == _stances(ex, text, "demands") == {"sudanese-army"}


def test_a_government_stays_the_state(ex: Extractor) -> None:
    text = "The Israeli government rejected the proposal."
    assert _stances(ex, text, "rejects") == {"israel"}


def test_two_names_ner_joined_with_of_are_two_names(ex: Extractor) -> None:
    """ "the envoy to Mozambique of UN chief X" read by NER as one organization, "Mozambique
    of UN": the two dictionary names inside it win (issue 14o)."""
    from actorgraph.ingest.extract.mentions import Mention, _split_joined

    doc = ex.nlp("She is the envoy to Mozambique of UN chief Lena Hartvig.")
    s = next(t.i for t in doc if t.text == "Mozambique")
    joined = Mention(s, s + 3, "ner", "ORG", "Mozambique of UN")
    state = Mention(s, s + 1, "name", "DICT", "Mozambique", "mozambique")
    un = Mention(s + 2, s + 3, "name", "DICT", "UN", "united-nations")
    cands = [(s, s + 3, 1, joined), (s, s + 1, 2, state), (s + 2, s + 3, 2, un)]
    assert [c[3] for c in _split_joined(cands, doc, frozenset())] == [state, un]
    # one name inside: "the Republic of Kenya" stays whole
    one = [(s, s + 3, 1, joined), (s, s + 1, 2, state)]
    assert [c[3] for c in _split_joined(one, doc, frozenset())] == [joined, state]
