"""The stance trace (issue 23S): off by default, and when on it tells the cue words, what the
rules proposed and why a stance was dropped (sentences written for these tests)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from actorgraph.ingest.extract import Extractor, stance_trace


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor()


@pytest.fixture
def trace() -> Iterator[stance_trace.StanceTrace]:
    t = stance_trace.StanceTrace()
    stance_trace.TRACE = t
    try:
        yield t
    finally:
        stance_trace.TRACE = None


def _proposed(t: stance_trace.StanceTrace) -> list[dict]:
    return [e for e in t.events if e["event"] == "proposed"]


def test_off_by_default(ex: Extractor) -> None:
    assert stance_trace.TRACE is None
    ex.extract_text("Chile demanded that Peru return the boats.", published="2024-05-01")
    assert stance_trace.TRACE is None


def test_a_recorded_stance(ex: Extractor, trace: stance_trace.StanceTrace) -> None:
    ex.extract_text("Chile demanded that Peru return the boats.", published="2024-05-01")
    cues = [e for e in trace.events if e["event"] == "cue" and e["lemma"] == "demand"]
    assert cues and cues[0]["subject"] == "Chile" and cues[0]["subject_actor"] == "chile"
    kept = [e for e in _proposed(trace) if e["dropped"] is None]
    assert kept and kept[0]["type"] == "demands" and kept[0]["sources"][0][0] == "chile"
    assert trace.sentences and any("Chile" in s for v in trace.sentences.values() for s in v)


def test_a_question_is_dropped_as_asked(ex: Extractor, trace: stance_trace.StanceTrace) -> None:
    recs = ex.extract_text("Did Chile demand that Peru return the boats?", published="2024-05-01")
    assert not [r for r in recs if r.get("type") == "demands"]
    assert any(e["dropped"] == "asked" for e in _proposed(trace))


def test_a_pronoun_subject_is_told(ex: Extractor, trace: stance_trace.StanceTrace) -> None:
    ex.extract_text("They demanded that Peru return the boats.", published="2024-05-01")
    cue = next(e for e in trace.events if e["event"] == "cue" and e["lemma"] == "demand")
    assert cue["subject_pos"] == "PRON" and cue["subject_actor"] is None
