"""Rejections without a rejecting verb, rejections that point back, and whose rejection it is
(issue 10o; sentences written for these tests)."""

from __future__ import annotations

from pathlib import Path

import pytest
from actorgraph.graph.errors import InputError
from actorgraph.ingest.extract import Extractor
from actorgraph.ingest.extract.lexicon import Lexicon

from tests.test_extract_stances import _has, _rels


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor(n_process=1)


@pytest.mark.parametrize(
    ("text", "source", "words"),
    [
        ("Bolivia refused to initial the draft treaty.", "bolivia", ("treaty",)),
        ("Chile said it would not put its signature to the border accord.", "chile", ("accord",)),
        ("The Andean Front refused to put its name to the text.", "andean-front", ("text",)),
        (
            "Paraguay will not sign anything that amounts to a surrender.",
            "paraguay",
            ("surrender",),
        ),
        ("Chile brushed the Bolivian proposal aside.", "chile", ("proposal",)),
        ("Argentina brushed aside the idea of a customs zone.", "argentina", ("customs zone",)),
        ("Venezuela waved away the Guyanese offer.", "venezuela", ("offer",)),
        ("Ecuador poured cold water on the plan for a border force.", "ecuador", ("plan",)),
        ("The Andean Front has set its face against the formula.", "andean-front", ("formula",)),
        ("Paraguay will have nothing to do with the customs union.", "paraguay", ("customs",)),
        (
            "The Andean Front would respect no ceasefire made without it.",
            "andean-front",
            ("ceasefire",),
        ),
        (
            "Peru and Chile signed a fisheries deal. The Andean Front campaigned against it.",
            "andean-front",
            ("deal",),
        ),
    ],
)
def test_refusals_to_sign_and_idioms_reject_their_object(
    ex: Extractor, text: str, source: str, words: tuple[str, ...]
) -> None:
    assert _has(_rels(ex, text, "rejects"), source, *words)


def test_no_before_the_object_keeps_no_negation_in_the_topic(ex: Extractor) -> None:
    found = _rels(ex, "The Andean Front would respect no ceasefire made without it.", "rejects")
    assert found and not any(t.lower().startswith("no ") for _, t in found)


@pytest.mark.parametrize(
    "text",
    [
        "Chile did not brush the proposal aside.",
        "Diplomats expect Bolivia to pour cold water on the plan.",
        "Colombia has not yet put its signature to the accord.",
        "Would Venezuela put its name to such a text?",
        "Bolivia put its signature to the river treaty on Tuesday.",
        "Chile campaigned against drug trafficking in the border towns.",
        "Bolivia poured water on the burning tyres at the border post.",
        "Chile respects the ceasefire and has honoured every clause.",
        "Lebanon will not sign anything that infringes on its sovereignty.",
    ],
)
def test_near_misses_of_the_idioms_reject_nothing(ex: Extractor, text: str) -> None:
    assert _rels(ex, text, "rejects") == set()


@pytest.mark.parametrize(
    ("text", "source", "words"),
    [
        (
            'Peru proposed a joint commission. "This is unacceptable to us," Bolivia said.',
            "bolivia",
            ("joint commission",),
        ),
        (
            "Peru proposed a joint commission. Bolivia said this was unacceptable.",
            "bolivia",
            ("commission",),
        ),
        (
            "Venezuela offered a referendum. Guyana rejected it within hours.",
            "guyana",
            ("referendum",),
        ),
        (
            "We spoke to Juan Perez, who leads the Andean Front, in Lima.\n\n"
            "Q: The government delegation has said elections in March must go ahead.\n\n"
            "A: We reject that completely.",
            "andean-front",
            ("elections",),
        ),
    ],
)
def test_a_pointing_pronoun_rejects_what_was_put_forward_before(
    ex: Extractor, text: str, source: str, words: tuple[str, ...]
) -> None:
    assert _has(_rels(ex, text, "rejects"), source, *words)


@pytest.mark.parametrize(
    ("text", "source"),
    [
        (
            "Juan Perez leads the Andean Front. Perez rejected the government's proposal.",
            "andean-front",
        ),
        (
            "Juan Perez has headed the Andean Front since May. Perez rejected the plan.",
            "andean-front",
        ),
        ("Luis Arce is Bolivia's president. Arce rejected the Chilean plan.", "bolivia"),
        ("Juan Perez led the Andean Front until 2019. Perez rejected the plan.", "juan-perez"),
        (
            "Luis Arce was once Bolivia's finance minister. Arce rejected the Chilean plan.",
            "luis-arce",
        ),
        ("Luis Arce is not Bolivia's president. Arce rejected the Chilean plan.", "luis-arce"),
    ],
)
def test_a_person_voices_the_body_the_document_ties_them_to(
    ex: Extractor, text: str, source: str
) -> None:
    assert {s for s, _ in _rels(ex, text, "rejects")} == {source}


@pytest.mark.parametrize("idiom", ["brush aside", "x brush aside", "brush aside x x", "brush"])
def test_an_idiom_without_one_target_after_its_verb_is_refused(tmp_path: Path, idiom: str) -> None:
    f = tmp_path / "lex.yaml"
    f.write_text(f"rejects:\n  idioms: [{idiom}]\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        Lexicon.load(f)
    assert "rejects.idioms" in str(err.value) and "one X" in str(err.value)


def test_idioms_load_as_the_words_after_their_verb(tmp_path: Path) -> None:
    f = tmp_path / "lex.yaml"
    f.write_text("rejects:\n  idioms: [brush X aside, pour water on X]\n", encoding="utf-8")
    lex = Lexicon.load(f)
    assert lex.reject_idioms == {"brush": (("x", "aside"),), "pour": (("water", "on", "x"),)}


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ('The Andean Front called the deal "a surrender".', ("deal",)),
        ("The Andean Front called the deal a betrayal of the revolution.", ("deal",)),
    ],
)
def test_calling_a_deal_a_defeat_rejects_it(
    ex: Extractor, text: str, words: tuple[str, ...]
) -> None:
    assert _has(_rels(ex, text, "rejects"), "andean-front", *words)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (
            "Bolivia will accept no arrangement in which the revenues are controlled by Chile.",
            ("revenues", "by chile"),
        ),
        (
            "Bolivia rejected a formula in which revenues would flow through Arica.",
            ("through arica",),
        ),
    ],
)
def test_an_arrangement_keeps_what_its_clause_says(
    ex: Extractor, text: str, words: tuple[str, ...]
) -> None:
    assert _has(_rels(ex, text, "rejects"), "bolivia", *words)


def test_the_guerrillas_of_talks_with_one_armed_group_are_that_group(ex: Extractor) -> None:
    text = (
        "Talks between Colombia and the Andean Front resumed, with the United Nations observing."
        " The guerrillas rejected the government's proposal for a referendum."
    )
    assert {s for s, _ in _rels(ex, text, "rejects")} == {"andean-front"}
    other = text.replace("the Andean Front", "Venezuela")
    assert _rels(ex, other, "rejects") == set()


def test_an_opposition_conjoined_to_an_opening_has_the_first_subject(ex: Extractor) -> None:
    text = (
        "Bolivia's chief negotiator said the government was open to a joint commission but was"
        " opposed to giving it the powers of a court."
    )
    assert _has(_rels(ex, text, "rejects"), "bolivia", "powers", "court")
    assert _rels(ex, text.replace("was opposed", "was not opposed"), "rejects") == set()


def test_a_defeat_word_that_only_names_the_deal_judges_nothing(ex: Extractor) -> None:
    text = (
        "Peru and Chile signed a deal on the port. Juan Perez, the mayor of Arica, called it"
        ' "a surrender agreement."'
    )
    assert _rels(ex, text, "rejects") == set()


@pytest.mark.parametrize(
    "text",
    [
        "The truce was not respected in the valley, the Organization of American States said.",
        "The border agreement was never implemented, Ecuador's foreign minister said on Monday.",
        "The accord was not signed, Chile said, because the delegations ran out of time.",
    ],
)
def test_a_failure_told_in_the_passive_is_no_refusal(ex: Extractor, text: str) -> None:
    """issue-13v: only a passive refused ("will not be accepted") or with its refuser named."""
    assert _rels(ex, text, "rejects") == set()


def test_a_past_passive_with_its_agent_rejects_by_the_agent(ex: Extractor) -> None:
    found = _rels(ex, "The corridor plan was not approved by Peru in 2019, Chile said.", "rejects")
    assert {s for s, _ in found} == {"peru"}


@pytest.mark.parametrize(
    "text",
    [
        "Ecuador needs to reject the Peruvian preconditions, Colombia's president said.",
        "Peru has to reject the Chilean offer, the Bolivian foreign minister said.",
        "Peru should not accept the Chilean offer, the Bolivian foreign minister said.",
    ],
)
def test_advice_to_a_side_is_not_its_rejection(ex: Extractor, text: str) -> None:
    """issue-13v: "needs to", "has to" are advice as "should" is (the context's has_modal)."""
    assert not {s for s, _ in _rels(ex, text, "rejects")} & {"ecuador", "peru"}


@pytest.mark.parametrize(
    "text",
    [
        "The Organization of American States said there would be no talks this week.",
        "Chile's foreign ministry said there will be no negotiations on Friday because of the "
        "holiday.",
    ],
)
def test_a_schedule_announced_rules_nothing_out(ex: Extractor, text: str) -> None:
    """issue-13v: "there will be no talks this week" is a schedule, not talks refused."""
    assert _rels(ex, text, "rejects") == set()


def test_the_time_of_the_saying_keeps_what_is_ruled_out(ex: Extractor) -> None:
    text = "There would be no amnesty for the commanders, Peru's president said on Monday."
    assert {s for s, _ in _rels(ex, text, "rejects")} == {"peru"}


def test_the_verbs_of_stopping_talks_are_lexicon_data(tmp_path: Path) -> None:
    """issue-13v: "will not end the talks" is read with `rejects.stopping`, not a constant."""
    f = tmp_path / "lex.yaml"
    f.write_text("rejects:\n  stopping: [wind down]\n", encoding="utf-8")
    assert Lexicon.load(f).stopping == frozenset({"wind down"})
    assert {"end", "suspend"} <= Lexicon.load().stopping
