"""The linear-model file shared by the detector and the learned readers: saved and read back
the same, and refused, naming the file, when anything does not fit."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from actorgraph.graph.errors import InputError
from actorgraph.ingest.extract.linear_model import LinearModel, load_linear_model

KIND = "reader:test"


def _model(**change: object) -> LinearModel:
    w = np.zeros((64, 2), dtype=np.float32)
    w[3], w[40] = [0.5, -1.0], [2.0, 0.25]
    fields: dict[str, object] = {
        "kind": KIND,
        "features_version": 3,
        "classes": ("demands", "rejects"),
        "n_features": 64,
        "weights": w,
        "bias": np.array([-0.5, 0.1], dtype=np.float32),
        "thresholds": np.array([0.0, 0.2], dtype=np.float32),
        "training": {"sets": ["A", "B"]},
    }
    fields.update(change)
    return LinearModel(**fields)  # type: ignore[arg-type]


def _load(path: Path) -> LinearModel:
    return load_linear_model(
        path, kind=KIND, features_version=3, what="test reader", classes=("demands", "rejects")
    )


def test_a_model_is_read_back_as_it_was_saved(tmp_path: Path) -> None:
    m = _model()
    m.save(tmp_path / "m.npz")
    again = _load(tmp_path / "m.npz")
    assert again.classes == m.classes and again.training == m.training
    assert np.array_equal(again.weights, m.weights) and np.array_equal(again.bias, m.bias)
    scores = again.score_rows([np.array([3, 40]), np.array([], dtype=np.int64)])
    assert np.allclose(scores, [[2.0, -0.65], [-0.5, 0.1]])
    assert again.column("rejects") == 1


@pytest.mark.parametrize(
    ("change", "why"),
    [
        ({"kind": "sentence-detector"}, "of kind 'sentence-detector', expected 'reader:test'"),
        ({"features_version": 2}, "features version 2"),
        ({"classes": ("demands", "threatens")}, "unknown classes"),
        ({"classes": ("demands", "demands")}, "named twice"),
        ({"n_features": 48, "weights": np.ones((48, 2), np.float32)}, "power of two"),
        ({"bias": np.zeros(3, dtype=np.float32)}, "one per class"),
        ({"thresholds": np.array([0.0, np.nan], dtype=np.float32)}, "thresholds"),
    ],
)
def test_a_model_that_does_not_fit_is_refused_naming_the_file(
    tmp_path: Path, change: dict[str, object], why: str
) -> None:
    path = tmp_path / "m.npz"
    weights = change.pop("weights", None)
    m = _model(**change)
    if weights is not None:
        m = _model(**change, weights=weights)
    m.save(path)
    with pytest.raises(InputError, match="not a usable test reader") as err:
        _load(path)
    assert why in str(err.value) and str(path) in str(err.value)


def test_a_missing_field_or_a_corrupt_file_is_refused_naming_the_file(tmp_path: Path) -> None:
    path = tmp_path / "m.npz"
    _model().save(path)
    with np.load(path, allow_pickle=False) as z:
        data = {k: z[k] for k in z.files if k != "kind"}
    np.savez_compressed(tmp_path / "nokind.npz", **data)  # type: ignore[arg-type]
    with pytest.raises(InputError, match="missing kind") as err:
        _load(tmp_path / "nokind.npz")
    assert "nokind.npz" in str(err.value)
    path.write_bytes(path.read_bytes()[:200])
    for bad in (path, tmp_path / "absent.npz"):
        with pytest.raises(InputError, match="not a usable test reader") as err:
            _load(bad)
        assert str(bad) in str(err.value)


def test_a_readers_choice_is_one_per_process(tmp_path: Path) -> None:
    """A second import of a reader's module (pytest's doctest collection) shares its choice."""
    from actorgraph.ingest.extract.linear_model import ModelChoice

    def load(path: Path) -> object:
        raise AssertionError("not read")

    first = ModelChoice.shared("test-kind", load, tmp_path / "a.npz")
    second = ModelChoice.shared("test-kind", load, tmp_path / "b.npz")
    assert first is second
    first.off()
    assert second.current is None
