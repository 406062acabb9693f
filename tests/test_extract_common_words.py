"""A capital at a sentence's start comes from a name when NER or the dictionary knows the word,
though spaCy's WordNet tables hold it (issue 12m; sentences written for these tests)."""

from __future__ import annotations

import pytest
from actorgraph.ingest.extract import Extractor
from actorgraph.ingest.extract.common_words import is_common
from actorgraph.ingest.extract.coref import _proper


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor(n_process=1)


@pytest.mark.parametrize("word", ["Israel", "Hamas", "Hezbollah", "Taliban", "Moscow"])
def test_a_known_name_first_in_a_sentence_is_proper(ex: Extractor, word: str) -> None:
    doc = ex.nlp(f"{word} group says it will fight on.")
    t = doc[0]
    if t.pos_ != "PROPN":
        pytest.skip(f"the parser took {word!r} for a {t.pos_} here")
    assert is_common(doc.vocab, t.lower_)  # the tables hold the name: the case this covers
    assert _proper(t, ex.dictionary)


def test_a_common_word_first_in_a_sentence_is_not_proper(ex: Extractor) -> None:
    doc = ex.nlp("Ibo traditional elders met. Terror group says it will fight on.")
    terror = next(t for t in doc if t.text == "Terror")
    if terror.pos_ != "PROPN":
        pytest.skip("the parser did not take 'Terror' for a proper noun")
    assert not _proper(terror, ex.dictionary)
    assert _proper(doc[0], ex.dictionary)  # "Ibo": no common word


@pytest.mark.parametrize(
    ("headline", "word", "adverb"),
    [
        ("Kurds Quickly Reject Truce Offer", "Quickly", True),
        ("Rebels Flatly Deny Attack", "Flatly", True),
        ("Sudan National Assembly Rejects Peace Deal", "Assembly", False),
        ("Hostage Family Rejects Hamas Offer", "Family", False),
        ("Aid Supply Talks Stall", "Supply", False),
    ],
)
def test_a_manner_adverb_is_made_from_an_adjective(
    ex: Extractor, headline: str, word: str, adverb: bool
) -> None:
    """Review of round 14: a capitalized common word in "-ly" in a headline is a manner adverb
    only when it is made from an adjective ("Quickly"), not "Assembly" or "Family"."""
    from actorgraph.ingest.extract.mentions import _manner_adverb

    doc = ex.nlp(headline)
    token = next(t for t in doc if t.text == word)
    assert _manner_adverb(token) is adverb
