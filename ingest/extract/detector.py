"""The learned sentence detector: which sentences express which relation family.

A logistic regression per family over hashed parse features (:mod:`.detector_features`),
trained by ``scripts/train_detector.py`` and shipped as ``data/detector.npz``. At run time it is
a dot product per family in numpy (no scikit-learn): a sentence is flagged for a family when its
score passes that family's threshold, and the family's fallback (:mod:`.fallbacks`) then reads
it if the rules found nothing of the family there. The model file holds weights, biases,
thresholds and a description of its training data; no text.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
from actorgraph.graph.errors import InputError
from actorgraph.ingest.extract.detector_features import FEATURES_VERSION, sentence_features
from actorgraph.ingest.extract.fallbacks import FAMILIES

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from actorgraph.ingest.extract.context import DocContext
    from spacy.tokens import Doc

#: the shipped model
DEFAULT_MODEL = Path(__file__).parent / "data" / "detector.npz"
#: bump when the file's layout changes
FORMAT_VERSION = 1


@dataclass(frozen=True)
class DetectorModel:
    """Weights per family over ``n_features`` hashed features, with biases and thresholds."""

    families: tuple[str, ...]
    n_features: int
    weights: np.ndarray  # (n_features, len(families)) float32
    bias: np.ndarray  # (len(families),) float32
    thresholds: np.ndarray  # (len(families),) float32
    training: dict[str, Any]

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

    def save(self, path: Path) -> None:
        """Write the model: nonzero weights only (float32), with everything :func:`load_model`
        checks."""
        nz = np.flatnonzero(np.abs(self.weights).max(axis=1) > 0)
        np.savez_compressed(
            path,
            format_version=np.int64(FORMAT_VERSION),
            features_version=np.int64(FEATURES_VERSION),
            families=np.array(self.families),
            n_features=np.int64(self.n_features),
            index=nz.astype(np.uint32),
            weights=self.weights[nz].astype(np.float32),
            bias=self.bias.astype(np.float32),
            thresholds=self.thresholds.astype(np.float32),
            training=np.array(json.dumps(self.training, sort_keys=True)),
        )


def _bad(path: Path, why: str) -> InputError:
    return InputError(f"not a usable sentence detector model: {why}", file=str(path))


def load_model(path: str | Path = DEFAULT_MODEL) -> DetectorModel:
    """Read and check a model file; anything that does not fit raises one :class:`InputError`
    naming the file."""
    path = Path(path)
    try:
        with np.load(path, allow_pickle=False) as z:
            data = {k: z[k] for k in z.files}
    except (OSError, ValueError, EOFError) as exc:  # missing, truncated, not an npz
        raise _bad(path, str(exc) or type(exc).__name__) from None
    except Exception as exc:  # zipfile's errors on a corrupt archive
        raise _bad(path, f"{type(exc).__name__}: {exc}") from None
    need = {"format_version", "features_version", "families", "n_features", "index"}
    need |= {"weights", "bias", "thresholds", "training"}
    if missing := sorted(need - set(data)):
        raise _bad(path, f"missing {', '.join(missing)}")
    if int(data["format_version"]) != FORMAT_VERSION:
        raise _bad(path, f"format {int(data['format_version'])}, expected {FORMAT_VERSION}")
    if int(data["features_version"]) != FEATURES_VERSION:
        raise _bad(
            path,
            f"trained on features version {int(data['features_version'])}, these are version "
            f"{FEATURES_VERSION} (train it again: scripts/train_detector.py)",
        )
    families = tuple(str(f) for f in data["families"])
    if unknown := sorted(set(families) - set(FAMILIES)):
        raise _bad(path, f"unknown families {unknown}")
    if len(set(families)) != len(families):
        raise _bad(path, f"families named twice in {list(families)}")
    n_features = int(data["n_features"])
    index, weights = data["index"], data["weights"]
    nf = len(families)
    if n_features <= 0 or n_features & (n_features - 1):
        raise _bad(path, f"n_features {n_features} is not a power of two")
    if weights.ndim != 2 or weights.shape != (len(index), nf):
        raise _bad(path, f"weights of shape {weights.shape}, expected ({len(index)}, {nf})")
    if index.ndim != 1 or index.dtype.kind not in "iu":
        raise _bad(path, f"index of {index.dtype} and shape {index.shape}, expected integers")
    if len(index) and int(index.min()) < 0:
        raise _bad(path, "a negative feature index")
    if len(index) and int(index.max()) >= n_features:
        raise _bad(path, "a feature index beyond n_features")
    if len(np.unique(index)) != len(index):
        raise _bad(path, "a feature index given twice")
    if data["bias"].shape != (nf,) or data["thresholds"].shape != (nf,):
        raise _bad(path, "bias or thresholds not one per family")
    for field in ("weights", "bias", "thresholds"):
        if not np.isfinite(data[field]).all():
            raise _bad(path, f"{field} that are not finite")
    try:
        training = json.loads(str(data["training"]))
    except ValueError:
        raise _bad(path, "training description is not JSON") from None
    if not isinstance(training, dict):
        raise _bad(path, f"training description is a JSON {type(training).__name__}, not an object")
    dense = np.zeros((n_features, nf), dtype=np.float32)
    dense[index.astype(np.int64)] = weights
    return DetectorModel(
        families=families,
        n_features=n_features,
        weights=dense,
        bias=data["bias"].astype(np.float32),
        thresholds=data["thresholds"].astype(np.float32),
        training=training,
    )


@lru_cache(maxsize=2)
def _cached(path: str) -> DetectorModel:
    return load_model(path)


class DetectorFlagger:
    """The default flagger of :mod:`.fallbacks`: the detector on a document's sentences."""

    def __init__(self, path: str | Path = DEFAULT_MODEL) -> None:
        self.model = _cached(str(path))

    def __call__(self, ctx: DocContext) -> Mapping[int, frozenset[str]]:
        return self.model.flags(ctx.doc, [(s.start, s.end) for s in ctx.sents])
