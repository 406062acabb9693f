"""Who mediates, read from structure (issue 10w; sentences written for these tests): the
subject of a mediating verb the parser cut off, the sender of an envoy, chairing the talks'
sessions, carrying words in a relative clause, going between two actors with their words, a
host named as such, and their near misses."""

from __future__ import annotations

import pytest
from actorgraph.ingest.extract import Extractor

from tests.test_extract_mediation_hosts import GHANA, _mediates


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor()


@pytest.mark.parametrize(
    "text",
    [
        # a perfect the parser read as "has (since (facilitated talks))"
        "Ghana has since facilitated direct talks between Mali and Niger over the border.",
        "Ghana has quietly hosted three rounds of talks between Mali and Niger, officials said.",
        # the envoy's sender ("appointed by X"), the subject of the verb of going between
        "Talks between Mali and Niger resumed on Monday. The envoy, appointed by Ghana in "
        "March, has shuttled between the two delegations since then.",
        # a host named as such, in apposition (also where the parser hung the name apart)
        "Talks between Mali and Niger resumed in Accra. Ghana, the host, said the delegations "
        "would meet again on Friday.",
        "Talks between Mali and Niger resumed. Ghana, the facilitator, set the agenda.",
    ],
)
def test_mediators_the_parser_cut_off_or_that_are_named_by_a_role(ex: Extractor, text: str) -> None:
    assert _mediates(ex, text) == GHANA


def test_who_chaired_every_session_of_the_talks_mediates_in_person_and_for_the_state(
    ex: Extractor,
) -> None:
    text = (
        "Talks between Mali and Niger resumed in Accra. The sides signed a truce in the "
        "presence of Kwame Mensah, Ghana's foreign minister, who has chaired every session."
    )
    assert _mediates(ex, text) == GHANA | {("kwame-mensah", "mali"), ("kwame-mensah", "niger")}


def test_words_carried_in_a_relative_clause_on_a_named_persons_description(ex: Extractor) -> None:
    text = (
        "Talks between Mali and Niger resumed in Accra. Kwame Mensah, a retired Ghanaian "
        "judge who has spent the month carrying proposals from one delegation to the other, "
        "said progress was slow."
    )
    assert _mediates(ex, text) == {("kwame-mensah", "mali"), ("kwame-mensah", "niger")}


def test_going_between_two_actors_with_their_words_is_mediating_between_them(
    ex: Extractor,
) -> None:
    text = (
        "Kwame Mensah, a retired Ghanaian judge, travelled repeatedly between Mali and Niger, "
        "carrying drafts that neither side would publish."
    )
    assert _mediates(ex, text) == {("kwame-mensah", "mali"), ("kwame-mensah", "niger")}


@pytest.mark.parametrize(
    "text",
    [
        "Talks between Mali and Niger resumed in Accra on Monday.",
        "Talks between Mali and Niger are expected next month. Ghana has offered to host them.",
        "Talks between Mali and Niger stalled. Ghana has since condemned the fighting.",
        "Talks between Mali and Niger stalled. Ghana has since chaired a session of its cabinet.",
        "Talks between Mali and Niger resumed. The envoy, appointed by Ghana in March, has "
        "criticised both delegations.",
        "Talks between Mali and Niger resumed. Ghana, host of the football cup last year, "
        "welcomed the meeting.",
        "Talks between Mali and Niger stalled. The minister travelled between Accra and Lome "
        "carrying messages for the mediators.",
        "The convoy travelled between Bamako and Niamey carrying flour and medicine.",
    ],
)
def test_near_misses_mediate_nothing(ex: Extractor, text: str) -> None:
    assert _mediates(ex, text) == set()


def test_a_participle_that_opens_a_sentence_has_no_lost_subject_in_the_sentence_before() -> None:
    """ "Facilitated talks resumed. Ghana has ...": the perfect read as a participle is looked
    for only inside the participle's sentence; at a sentence's (or the document's) first token
    the word before belongs to another sentence (or is the document's last, doc[-1])."""
    import spacy
    from actorgraph.ingest.extract.mediation import _lost_subject
    from spacy.tokens import Doc

    words = ["Facilitated", "talks", "resumed", ".", "Ghana", "has"]
    doc = Doc(
        spacy.blank("en").vocab,
        words=words,
        heads=[1, 2, 2, 2, 5, 5],
        deps=["amod", "nsubj", "ROOT", "punct", "nsubj", "ROOT"],
        tags=["VBN", "NNS", "VBD", ".", "NNP", "VBZ"],
        lemmas=["facilitate", "talk", "resume", ".", "Ghana", "have"],
        sent_starts=[True, False, False, False, True, False],
    )
    assert _lost_subject(doc[0]) is None
    # the same participle after "has" inside its sentence still finds its subject
    words = ["Ghana", "has", "facilitated", "talks", "."]
    doc = Doc(
        spacy.blank("en").vocab,
        words=words,
        heads=[1, 1, 3, 1, 1],
        deps=["nsubj", "ROOT", "amod", "dobj", "punct"],
        tags=["NNP", "VBZ", "VBN", "NNS", "."],
        lemmas=["Ghana", "have", "facilitate", "talk", "."],
        sent_starts=[True, False, False, False, False],
    )
    found = _lost_subject(doc[2])
    assert found is not None and found.text == "Ghana"
