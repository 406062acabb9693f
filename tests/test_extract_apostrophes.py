"""The apostrophe tokenizer can be copied and pickled (issue 12m): its attribute lookup, which
hands on what it lacks to the wrapped tokenizer, must not recurse while a copy is made."""

from __future__ import annotations

import copy
import pickle

import pytest
from actorgraph.ingest.extract import Extractor
from actorgraph.ingest.extract.apostrophes import ApostropheTokenizer


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
