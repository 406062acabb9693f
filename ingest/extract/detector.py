"""The learned sentence detector: which sentences express which relation family.

A logistic regression per family over hashed parse features (:mod:`.detector_features`),
trained by ``scripts/train_detector.py`` and shipped as ``data/detector.npz``. At run time it is
a dot product per family in numpy (no scikit-learn): a sentence is flagged for a family when its
score passes that family's threshold, and the family's fallback (:mod:`.fallbacks`) then reads
it if the rules found nothing of the family there. The model file holds weights, biases,
thresholds and a description of its training data; no text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
from actorgraph.ingest.extract.detector_features import FEATURES_VERSION, sentence_features
from actorgraph.ingest.extract.fallbacks import FAMILIES
from actorgraph.ingest.extract.linear_model import LinearModel, load_linear_model

if TYPE_CHECKING:
    from collections.abc import Mapping

    from actorgraph.ingest.extract.context import DocContext
    from spacy.tokens import Doc

#: the shipped model
DEFAULT_MODEL = Path(__file__).parent / "data" / "detector.npz"
#: the kind of model file the detector reads (see :mod:`.linear_model`)
KIND = "sentence-detector"


@dataclass(frozen=True)
class DetectorModel(LinearModel):
    """A weight column per relation family (its classes) over hashed sentence features."""

    @property
    def families(self) -> tuple[str, ...]:
        return self.classes

    def scores(self, doc: Doc, bounds: Sequence[tuple[int, int]]) -> np.ndarray:
        """A score per sentence (token ``bounds``) and family: ``(len(bounds), families)``."""
        sents, feats = sentence_features(doc, bounds, self.n_features)
        out = np.tile(self.bias, (len(bounds), 1))
        np.add.at(out, sents, self.weights[feats])
        return out

    def flags(self, doc: Doc, bounds: Sequence[tuple[int, int]]) -> dict[int, frozenset[str]]:
        """Sentence index -> the families whose score passes its threshold (flagged only)."""
        if not bounds:
            return {}
        hits = self.scores(doc, bounds) > self.thresholds
        out: dict[int, frozenset[str]] = {}
        for k in np.flatnonzero(hits.any(axis=1)):
            out[int(k)] = frozenset(f for f, hit in zip(self.families, hits[k], strict=True) if hit)
        return out


def detector_model(
    families: Sequence[str],
    n_features: int,
    weights: np.ndarray,
    bias: np.ndarray,
    thresholds: np.ndarray,
    training: dict[str, Any],
) -> DetectorModel:
    """A detector over the current sentence features."""
    return DetectorModel(
        KIND, FEATURES_VERSION, tuple(families), n_features, weights, bias, thresholds, training
    )


def load_model(path: str | Path = DEFAULT_MODEL) -> DetectorModel:
    """Read and check a model file; anything that does not fit raises one
    :class:`~actorgraph.graph.errors.InputError` naming the file."""
    m = load_linear_model(
        path,
        kind=KIND,
        features_version=FEATURES_VERSION,
        what="sentence detector model",
        classes=FAMILIES,
        retrain="scripts/train_detector.py",
    )
    return detector_model(m.classes, m.n_features, m.weights, m.bias, m.thresholds, m.training)


@lru_cache(maxsize=2)
def _cached(path: str) -> DetectorModel:
    return load_model(path)


class DetectorFlagger:
    """The default flagger of :mod:`.fallbacks`: the detector on a document's sentences."""

    def __init__(self, path: str | Path = DEFAULT_MODEL) -> None:
        self.model = _cached(str(path))

    def __call__(self, ctx: DocContext) -> Mapping[int, frozenset[str]]:
        return self.model.flags(ctx.doc, [(s.start, s.end) for s in ctx.sents])
