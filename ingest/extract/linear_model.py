"""A linear model over hashed features, as shipped in ``ingest/extract/data/*.npz``.

The sentence detector (:mod:`.detector`) and the learned readers (``reader_<family>.py``) are
each a weight column per *class* over ``n_features`` hashed features (a power of two), a bias
and a score threshold per class: at run time a dot product in numpy, no scikit-learn. The file
holds the nonzero rows of the weights (float32) with their index, the format and feature
versions, the model's *kind* (which code may read it), its class names and a JSON description
of its training data; no text. :func:`load_linear_model` checks all of it: anything that does
not fit raises one :class:`~actorgraph.graph.errors.InputError` naming the file and what is
wrong.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from actorgraph.graph.errors import InputError

#: bump when the file's layout changes (1: the detector's own layout, without kind and classes)
FORMAT_VERSION = 2
_FIELDS = (
    "format_version",
    "kind",
    "features_version",
    "classes",
    "n_features",
    "index",
    "weights",
    "bias",
    "thresholds",
    "training",
)


@dataclass(frozen=True)
class LinearModel:
    """Weights ``(n_features, len(classes))`` with a bias and a threshold per class."""

    kind: str
    features_version: int
    classes: tuple[str, ...]
    n_features: int
    weights: np.ndarray  # (n_features, len(classes)) float32, dense
    bias: np.ndarray  # (len(classes),) float32
    thresholds: np.ndarray  # (len(classes),) float32
    training: dict[str, Any] = field(default_factory=dict)

    def column(self, name: str) -> int:
        """The index of class ``name``."""
        return self.classes.index(name)

    def score_rows(self, rows: list[np.ndarray]) -> np.ndarray:
        """The score of each row of feature indices (binary features), per class:
        ``(len(rows), len(classes))``."""
        out = np.tile(self.bias, (len(rows), 1))
        for i, feats in enumerate(rows):
            if len(feats):
                out[i] += self.weights[feats].sum(axis=0)
        return out

    def save(self, path: str | Path) -> None:
        """Write the model: nonzero weight rows only, with everything
        :func:`load_linear_model` checks."""
        nz = np.flatnonzero(np.abs(self.weights).max(axis=1) > 0)
        np.savez_compressed(
            path,
            format_version=np.int64(FORMAT_VERSION),
            kind=np.array(self.kind),
            features_version=np.int64(self.features_version),
            classes=np.array(self.classes),
            n_features=np.int64(self.n_features),
            index=nz.astype(np.uint32),
            weights=self.weights[nz].astype(np.float32),
            bias=np.asarray(self.bias, dtype=np.float32),
            thresholds=np.asarray(self.thresholds, dtype=np.float32),
            training=np.array(json.dumps(self.training, sort_keys=True)),
        )


class _Refusal(Exception):
    """Why a model file does not fit (turned into an InputError naming the file)."""


def _read(path: Path) -> dict[str, np.ndarray]:
    try:
        with np.load(path, allow_pickle=False) as z:
            return {k: z[k] for k in z.files}
    except (OSError, ValueError, EOFError) as exc:  # missing, truncated, not an npz
        raise _Refusal(str(exc) or type(exc).__name__) from None
    except Exception as exc:  # zipfile's errors on a corrupt archive
        raise _Refusal(f"{type(exc).__name__}: {exc}") from None


def _check(
    data: dict[str, np.ndarray],
    kind: str,
    features_version: int,
    allowed: Collection[str] | None,
    retrain: str,
) -> LinearModel:
    if missing := [f for f in _FIELDS if f not in data]:
        raise _Refusal(f"missing {', '.join(missing)}")
    if int(data["format_version"]) != FORMAT_VERSION:
        raise _Refusal(f"format {int(data['format_version'])}, expected {FORMAT_VERSION}")
    if str(data["kind"]) != kind:
        raise _Refusal(f"a model of kind {str(data['kind'])!r}, expected {kind!r}")
    if int(data["features_version"]) != features_version:
        raise _Refusal(
            f"trained on features version {int(data['features_version'])}, these are version "
            f"{features_version} (train it again{': ' + retrain if retrain else ''})"
        )
    classes = tuple(str(c) for c in np.atleast_1d(data["classes"]))
    if not classes:
        raise _Refusal("no classes")
    if allowed is not None and (unknown := sorted(set(classes) - set(allowed))):
        raise _Refusal(f"unknown classes {unknown}")
    if len(set(classes)) != len(classes):
        raise _Refusal(f"classes named twice in {list(classes)}")
    n_features = int(data["n_features"])
    if n_features <= 0 or n_features & (n_features - 1):
        raise _Refusal(f"n_features {n_features} is not a power of two")
    index, weights, nc = data["index"], data["weights"], len(classes)
    if index.ndim != 1 or index.dtype.kind not in "iu":
        raise _Refusal(f"index of {index.dtype} and shape {index.shape}, expected integers")
    if weights.ndim != 2 or weights.shape != (len(index), nc):
        raise _Refusal(f"weights of shape {weights.shape}, expected ({len(index)}, {nc})")
    if len(index) and int(index.min()) < 0:
        raise _Refusal("a negative feature index")
    if len(index) and int(index.max()) >= n_features:
        raise _Refusal("a feature index beyond n_features")
    if len(np.unique(index)) != len(index):
        raise _Refusal("a feature index given twice")
    if data["bias"].shape != (nc,) or data["thresholds"].shape != (nc,):
        raise _Refusal("bias or thresholds not one per class")
    for name in ("weights", "bias", "thresholds"):
        if data[name].dtype.kind != "f" or not np.isfinite(data[name]).all():
            raise _Refusal(f"{name} that are not finite numbers")
    try:
        training = json.loads(str(data["training"]))
    except ValueError:
        raise _Refusal("training description is not JSON") from None
    if not isinstance(training, dict):
        raise _Refusal(f"training description is a JSON {type(training).__name__}, not an object")
    dense = np.zeros((n_features, nc), dtype=np.float32)
    dense[index.astype(np.int64)] = weights
    return LinearModel(
        kind=kind,
        features_version=features_version,
        classes=classes,
        n_features=n_features,
        weights=dense,
        bias=data["bias"].astype(np.float32),
        thresholds=data["thresholds"].astype(np.float32),
        training=training,
    )


def load_linear_model(
    path: str | Path,
    *,
    kind: str,
    features_version: int,
    what: str,
    classes: Collection[str] | None = None,
    retrain: str = "",
) -> LinearModel:
    """Read and check the model file at ``path``: it must be of ``kind``, trained on features
    of ``features_version``, its classes among ``classes`` when given. Anything that does not
    fit raises one :class:`InputError` naming the file: "not a usable ``what``: why" (``retrain``
    says how to train it again, when its features are out of date)."""
    path = Path(path)
    try:
        return _check(_read(path), kind, features_version, classes, retrain)
    except _Refusal as why:
        raise InputError(f"not a usable {what}: {why}", file=str(path)) from None


_CHOICES: dict[str, ModelChoice] = {}


class ModelChoice:
    """The model a learned reader reads with, chosen and checked when an extractor is built
    (:meth:`use`, from the extraction settings), or none (:meth:`off`: the reader reads
    nothing). The file is read (again) at each :meth:`use`. One choice a process: the
    extractor built last decides."""

    def __init__(self, load: Callable[[Path], LinearModel], default: Path) -> None:
        self._load = load
        self.default = default
        self._current: LinearModel | None = None
        self._chosen = False

    @classmethod
    def shared(cls, kind: str, load: Callable[[Path], LinearModel], default: Path) -> ModelChoice:
        """The one choice of the reader of ``kind`` in this process: a second import of the
        reader's module (pytest's doctest collection imports a module file under a second
        name, whose registration then replaces the first) shares it instead of keeping a
        choice of its own that :meth:`off` and :meth:`use` on the first would not reach."""
        return _CHOICES.setdefault(kind, cls(load, default))

    def use(self, path: str | Path | None) -> LinearModel:
        """Read with the model at ``path`` from now on (``None``: the shipped one); a file that
        is missing or does not fit raises one :class:`InputError` naming it, here."""
        model = self._load(Path(path) if path else self.default)
        self._current, self._chosen = model, True
        return model

    def off(self) -> None:
        """Read nothing from now on (until :meth:`use`)."""
        self._current, self._chosen = None, True

    @property
    def current(self) -> LinearModel | None:
        """The chosen model (the shipped one if none was chosen yet); ``None`` when off."""
        if not self._chosen:
            self.use(None)
        return self._current
