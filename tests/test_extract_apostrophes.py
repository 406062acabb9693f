"""The apostrophe tokenizer can be copied and pickled (issue 12m): its attribute lookup, which
hands on what it lacks to the wrapped tokenizer, must not recurse while a copy is made. Its
``pipe`` is the wrapped tokenizer's, with the batch size it is given."""

from __future__ import annotations

import copy
import pickle
from collections.abc import Iterable, Iterator

import pytest
from actorgraph.ingest.extract import Extractor
from actorgraph.ingest.extract.apostrophes import ApostropheTokenizer, straight_apostrophes


@pytest.fixture(scope="module")
def tokenizer() -> ApostropheTokenizer:
    tok = Extractor(n_process=1).nlp.tokenizer
    assert isinstance(tok, ApostropheTokenizer)
    return tok


def _words(tok: ApostropheTokenizer) -> list[str]:
    return [t.text for t in tok("Mexico´s envoy met Hamas`s delegation.")]


def test_a_pickled_tokenizer_reads_apostrophes(tokenizer: ApostropheTokenizer) -> None:
    back = pickle.loads(pickle.dumps(tokenizer))
    assert isinstance(back, ApostropheTokenizer)
    assert _words(back) == _words(tokenizer)
    assert "'s" in _words(back)


def test_a_deep_copy_reads_apostrophes(tokenizer: ApostropheTokenizer) -> None:
    back = copy.deepcopy(tokenizer)
    assert isinstance(back, ApostropheTokenizer)
    assert _words(back) == _words(tokenizer)


def test_a_missing_attribute_is_an_attribute_error() -> None:
    bare = ApostropheTokenizer.__new__(ApostropheTokenizer)
    with pytest.raises(AttributeError):
        _ = bare.tokenizer


class _Recording:
    """A tokenizer that records what its ``pipe`` is given."""

    def __init__(self) -> None:
        self.calls: list[tuple[list[str], int]] = []

    def pipe(self, texts: Iterable[str], batch_size: int = 1000) -> Iterator[str]:
        seen = list(texts)
        self.calls.append((seen, batch_size))
        return iter(seen)


def test_pipe_hands_its_batch_size_to_the_wrapped_tokenizer() -> None:
    inner = _Recording()
    out = list(ApostropheTokenizer(inner).pipe(["Kyivʼs envoy", "Hamas`s reply"], batch_size=7))
    assert inner.calls == [(["Kyiv's envoy", "Hamas's reply"], 7)]
    assert out == ["Kyiv's envoy", "Hamas's reply"]


def test_pipe_reads_apostrophes_as_a_call_does(tokenizer: ApostropheTokenizer) -> None:
    texts = ["Mexico´s envoy met Hamas`s delegation.", "Talks resumed in Doha."]
    piped = [[t.text for t in doc] for doc in tokenizer.pipe(texts, batch_size=1)]
    assert piped == [[t.text for t in tokenizer(x)] for x in texts]


def test_a_typographic_apostrophe_in_a_name_is_read_as_one(
    tokenizer: ApostropheTokenizer,
) -> None:
    # "O’Connor" is one name to the model only with a straight apostrophe; a contraction's
    # and a closing quote's marks stay as written
    words = [t.text for t in tokenizer("“We don’t know,” O’Connor said of Côte d’Ivoire.")]
    assert "O'Connor" in words and "d'Ivoire" in words
    assert "don’t" in "".join(words) or "’t" in words
    assert [t.text for t in tokenizer("He gave it an ‘A’ grade.")][4:7] == ["‘", "A", "’"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # issue-22D: a typographic apostrophe ending a possessive "s" is the apostrophe
        ("the talks stalled over Hamas’ demand", "the talks stalled over Hamas' demand"),
        ("the two countries’ leaders met", "the two countries' leaders met"),
        # near misses: a single quote still open, an apostrophe inside a word, no word after
        ("they called it ‘the talks’ mess", "they called it ‘the talks’ mess"),
        ("Israel’s demand", "Israel’s demand"),
        ("the talks’.", "the talks’."),
    ],
)
def test_a_possessive_s_takes_the_apostrophe(text: str, expected: str) -> None:
    assert straight_apostrophes(text) == expected
    assert len(straight_apostrophes(text)) == len(text)
