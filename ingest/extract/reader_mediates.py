"""The learned ``mediates`` reader: who mediates, chosen among a flagged sentence's actors.

The last stage of :mod:`.fallbacks` for mediation: it reads a sentence the detector flags as
mediation and in which neither the rules (:mod:`.mediation`) nor the loose fallback
(:mod:`.fallback_mediates`) recorded one. Each actor the sentence mentions is a candidate; a
logistic regression over the construction it sits in (:mod:`.mediator_features`) scores it, and
one that passes the model's threshold mediates. The sides are found the way the loose fallback
finds them (the sides the sentence names, else the document's parties), and a party of the talks
never mediates; the relation's confidence is the model's probability scaled to at most 0.5 and
never above the loose fallback's for that side.

The model (``data/reader_mediates.npz``) is trained by ``scripts/train_reader_mediates.py``:
weights of hashed features, a bias, the threshold chosen by leave-one-set-out over the dev sets,
and a description of its training; no text.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
from actorgraph.graph.errors import InputError
from actorgraph.ingest.extract import fallbacks
from actorgraph.ingest.extract.fallback_mediates import _Reader, cues_for
from actorgraph.ingest.extract.mediation import Mediation
from actorgraph.ingest.extract.mediator_features import (
    FEATURES_VERSION,
    candidate_strings,
    hashed,
    mention_root,
    unsaid,
)

if TYPE_CHECKING:
    from actorgraph.ingest.extract.context import DocContext
    from actorgraph.ingest.extract.mentions import Mention
    from actorgraph.ingest.extract.parties import Parties
    from spacy.tokens import Span

#: the shipped model
DEFAULT_MODEL = Path(__file__).parent / "data" / "reader_mediates.npz"
#: bump when the file's layout changes
FORMAT_VERSION = 1
#: the highest confidence a learned reading gets
MAX_CONFIDENCE = 0.5


@dataclass(frozen=True)
class MediatorModel:
    """A linear scorer of candidate mediators over ``n_features`` hashed features."""

    n_features: int
    weights: np.ndarray  # (n_features,) float32
    bias: float
    threshold: float
    training: dict[str, Any]

    def score(self, features: np.ndarray) -> float:
        """The candidate's score (a logit) from its feature indices."""
        return float(self.weights[features].sum() + self.bias)

    def save(self, path: Path) -> None:
        """Write the model: nonzero weights only, with everything :func:`load_model` checks."""
        nz = np.flatnonzero(self.weights != 0)
        np.savez_compressed(
            path,
            format_version=np.int64(FORMAT_VERSION),
            features_version=np.int64(FEATURES_VERSION),
            n_features=np.int64(self.n_features),
            index=nz.astype(np.uint32),
            weights=self.weights[nz].astype(np.float32),
            bias=np.float32(self.bias),
            threshold=np.float32(self.threshold),
            training=np.array(json.dumps(self.training, sort_keys=True)),
        )


def _bad(path: Path, why: str) -> InputError:
    return InputError(f"not a usable mediates reader model: {why}", file=str(path))


def load_model(path: str | Path = DEFAULT_MODEL) -> MediatorModel:
    """Read and check a model file; anything that does not fit raises one :class:`InputError`
    naming the file."""
    path = Path(path)
    try:
        with np.load(path, allow_pickle=False) as z:
            data = {k: z[k] for k in z.files}
    except Exception as exc:  # missing, truncated, not an npz, a corrupt archive
        raise _bad(path, f"{type(exc).__name__}: {exc}") from None
    need = {"format_version", "features_version", "n_features", "index", "weights"}
    need |= {"bias", "threshold", "training"}
    if missing := sorted(need - set(data)):
        raise _bad(path, f"missing {', '.join(missing)}")
    if int(data["format_version"]) != FORMAT_VERSION:
        raise _bad(path, f"format {int(data['format_version'])}, expected {FORMAT_VERSION}")
    if int(data["features_version"]) != FEATURES_VERSION:
        raise _bad(
            path,
            f"trained on features version {int(data['features_version'])}, these are version "
            f"{FEATURES_VERSION} (train it again: scripts/train_reader_mediates.py)",
        )
    n = int(data["n_features"])
    index, weights = data["index"], data["weights"]
    if n <= 0 or n & (n - 1):
        raise _bad(path, f"n_features {n} is not a power of two")
    if index.ndim != 1 or index.dtype.kind not in "iu" or weights.shape != index.shape:
        raise _bad(path, "index and weights are not two integer and float lists of one length")
    if len(index) and (int(index.max()) >= n or len(np.unique(index)) != len(index)):
        raise _bad(path, "a feature index beyond n_features or given twice")
    for field in ("weights", "bias", "threshold"):
        if not np.isfinite(data[field]).all():
            raise _bad(path, f"{field} that are not finite")
    try:
        training = json.loads(str(data["training"]))
    except ValueError:
        raise _bad(path, "training description is not JSON") from None
    if not isinstance(training, dict):
        raise _bad(path, "training description is not a JSON object")
    dense = np.zeros(n, dtype=np.float32)
    dense[index.astype(np.int64)] = weights
    return MediatorModel(n, dense, float(data["bias"]), float(data["threshold"]), training)


@lru_cache(maxsize=4)
def _cached(path: str) -> MediatorModel:
    return load_model(path)


#: the model file the reader uses (benches point it at a model trained without a set)
_model_path: list[Path] = [DEFAULT_MODEL]


def use_model(path: str | Path | None) -> None:
    """Read with the model at ``path`` from now on (``None``: the shipped one)."""
    _model_path[0] = Path(path) if path is not None else DEFAULT_MODEL


def candidates(ctx: DocContext, sent: Span) -> list[Mention]:
    """The sentence's actor mentions, the first of each actor."""
    seen: dict[str, Mention] = {}
    for m in ctx.mentions_in(sent):
        if m.actor and m.actor not in seen and not m.brief:
            seen[m.actor] = m
    return list(seen.values())


def principals_of(ctx: DocContext, parties: Parties, m: Mention) -> list[str]:
    """Whom the mention's actor mediates for besides itself (an office holder: their state)."""
    return [a for a in Mediation(ctx, parties).principals([m.actor or ""]) if a != m.actor]


def scored_candidates(
    ctx: DocContext, parties: Parties, sent: Span, k: int, model: MediatorModel
) -> list[tuple[float, Mention]]:
    """Each candidate's score, but for those whose nearest cue says no mediation
    (:func:`.mediator_features.unsaid`)."""
    found = candidates(ctx, sent)
    out = []
    for m in found:
        strings = candidate_strings(ctx, parties, sent, k, m, len(found))
        if not unsaid(strings):
            out.append((model.score(hashed(strings, model.n_features)), m))
    return out


@fallbacks.register("mediates", stage="learned")
def read(ctx: DocContext, parties: Parties, sent: Span, k: int) -> None:
    """Records the mediations of the candidates the model chooses (see the module docstring)."""
    if ctx.asked(sent[0], turns=False):
        return
    model = _cached(str(_model_path[0]))
    chosen = [(s, m) for s, m in scored_candidates(ctx, parties, sent, k, model) if s > model.threshold]
    if not chosen:
        return
    reader = _Reader(ctx, parties, cues_for(ctx), k)
    before = len(ctx.out.relations)
    conf: dict[str, float] = {}
    for s, m in chosen:
        for a in reader.m.principals([m.actor or ""]):
            conf[a] = max(conf.get(a, 0.0), MAX_CONFIDENCE / (1.0 + math.exp(-s)))
        reader.found.append((reader.m.principals([m.actor or ""]), mention_root(ctx, m)))
    reader.emit()
    for rec in ctx.out.relations[before:]:
        rec["confidence"] = round(min(rec["confidence"], conf.get(rec["source"], 0.0)), 2)
