"""The learned ``speaks_for`` reader: in a sentence flagged ``speaks_for`` where neither the
rules nor the loose fallback (:mod:`.fallback_speaks_for`) read one, which body each named
person speaks for.

Each (person, body) pair of the sentence (:func:`.speaks_for_pairs.candidates`) is scored by a
linear model over its hashed parse features (:func:`.speaks_for_pairs.pair_features`: the
dependency path between them, the role noun that ties them, how the body attaches, its place
in the document); a person whose best body passes the model's threshold speaks for it. The
model is trained by ``scripts/train_reader_speaks_for.py`` on the annotated sets, its threshold
chosen by leave-one-set-out, and ships as ``data/reader_speaks_for.npz`` (weights, bias,
threshold, a description; no text). Inference is a dot product in numpy.

What it finds goes into ``ctx.speaks`` like the rules' roles (so that the person's stances
become the body's), with the fallback origin and a confidence of at most
:data:`MAX_CONFIDENCE` from the model's score. Not in a question, nor for a person the rules
or an earlier stage already gave a principal.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
from actorgraph.ingest.extract import fallbacks
from actorgraph.ingest.extract.linear_model import LinearModel, ModelChoice, load_linear_model
from actorgraph.ingest.extract.speaks_for_pairs import (
    FEATURES_VERSION,
    Pair,
    candidates,
    pair_features,
)

if TYPE_CHECKING:
    from actorgraph.ingest.extract.context import DocContext
    from actorgraph.ingest.extract.parties import Parties
    from spacy.tokens import Span

#: the shipped model
DEFAULT_MODEL = Path(__file__).parent / "data" / "reader_speaks_for.npz"
#: what the model file says it is
KIND = "reader-speaks-for"
FAMILY = "speaks_for"
#: a learned reading is worth at most this much
MAX_CONFIDENCE = 0.5


def load_model(path: str | Path = DEFAULT_MODEL) -> LinearModel:
    """Read and check a reader model file (one :class:`InputError` naming the file if it does
    not fit)."""
    return load_linear_model(
        path,
        kind=KIND,
        features_version=FEATURES_VERSION,
        what="speaks_for reader model",
        classes=(FAMILY,),
        retrain="scripts/train_reader_speaks_for.py",
    )


#: the model the reader reads with: the extractor chooses it when built, from its settings
#: (``speaks_for_reader_model``); the LOSO measurement points it at a model trained without
#: the set it reads
MODEL = ModelChoice.shared("reader-speaks-for", load_model, DEFAULT_MODEL)
use_model = MODEL.use


def score_pairs(ctx: DocContext, pairs: list[Pair], model: LinearModel) -> np.ndarray:
    """The model's score of each pair (the sentence's candidates, all of them)."""
    persons = len({p.person.actor for p in pairs})
    bodies = len({p.body for p in pairs})
    rows = [pair_features(ctx, p, persons, bodies).indices(model.n_features) for p in pairs]
    return model.score_rows(rows)[:, 0]


def confidence(score: float, threshold: float) -> float:
    """A score past the threshold as a confidence in (0.25, 0.5]."""
    return MAX_CONFIDENCE * float(1.0 / (1.0 + np.exp(-(score - threshold))))


def read(ctx: DocContext, sent: Span, model: LinearModel) -> list[tuple[str, str, str, float]]:
    """(person, body, role word, confidence) for each person the rules gave no principal
    whose best body passes the threshold."""
    with ctx.quietly():
        pairs = candidates(ctx, sent)
        scores = score_pairs(ctx, pairs, model) if pairs else np.zeros(0)
    best: dict[str, tuple[float, Pair]] = {}
    for s, p in zip(scores.tolist(), pairs, strict=True):
        a = p.person.actor or ""
        if a in ctx.principal:
            continue  # the rules' (or an earlier stage's) principal stands
        if a not in best or s > best[a][0]:
            best[a] = (s, p)
    threshold = float(model.thresholds[0])
    return [
        (a, p.body, p.role.lemma_.lower(), confidence(s, threshold))
        for a, (s, p) in best.items()
        if s > threshold
    ]


@fallbacks.register("speaks_for", stage="learned")
def speaks_for(ctx: DocContext, parties: Parties, sent: Span, k: int) -> None:
    """Read sentence ``k`` (flagged ``speaks_for``, none read there by the earlier stages)."""
    model = MODEL.current
    if model is None or ctx.asked(sent.root):
        return
    for person, body, role, conf in read(ctx, sent, model):
        ctx.add_speaks(person, body, role, k, conf, origin=ctx.out.origin)
