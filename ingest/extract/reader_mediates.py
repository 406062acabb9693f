"""The learned ``mediates`` reader: who mediates, chosen among a flagged sentence's actors.

The last stage of :mod:`.fallbacks` for mediation: it reads a sentence the detector flags as
mediation and in which neither the rules (:mod:`.mediation`) nor the loose fallback
(:mod:`.fallback_mediates`) recorded one. Each actor the sentence mentions is a candidate; a
logistic regression over the construction it sits in (:mod:`.mediator_features`) scores it, and
one that passes the model's threshold mediates. The sides are found the way the loose fallback
finds them (the sides the sentence names, else the document's parties), and a party of the talks
never mediates; the relation's confidence is the model's probability scaled to at most 0.5 and
never above the loose fallback's for that side. A candidate is read only where its nearest
word of mediating says a mediation, as the loose fallback asks of its cues (:func:`_said`).

The model (``data/reader_mediates.npz``) is trained by ``scripts/train_reader_mediates.py``:
weights of hashed features, a bias, the threshold chosen by leave-one-set-out over the dev sets,
and a description of its training; no text.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import TYPE_CHECKING

from actorgraph.ingest.extract import fallbacks
from actorgraph.ingest.extract.fallback_mediates import Reader, cues_for
from actorgraph.ingest.extract.linear_model import LinearModel, ModelChoice, load_linear_model
from actorgraph.ingest.extract.mediation import Mediation
from actorgraph.ingest.extract.mediator_features import (
    FEATURES_VERSION,
    candidate_features,
    candidate_strings,
    classes_for,
    mention_root,
    nearest_cue,
    unsaid,
)

if TYPE_CHECKING:
    from actorgraph.ingest.extract.context import DocContext
    from actorgraph.ingest.extract.mentions import Mention
    from actorgraph.ingest.extract.parties import Parties
    from spacy.tokens import Span

#: the shipped model
DEFAULT_MODEL = Path(__file__).parent / "data" / "reader_mediates.npz"
#: the model file's kind and its one class (:mod:`.linear_model`)
KIND = "reader-mediates"
CLASSES = ("mediator",)
#: the highest confidence a learned reading gets
MAX_CONFIDENCE = 0.5


def load_model(path: str | Path = DEFAULT_MODEL) -> LinearModel:
    """Read and check a model file (one :class:`InputError` naming the file if it does not
    fit)."""
    return load_linear_model(
        path,
        kind=KIND,
        features_version=FEATURES_VERSION,
        what="mediates reader model",
        classes=CLASSES,
        retrain="scripts/train_reader_mediates.py",
    )


#: the model the reader reads with: the extractor chooses it when built, from its settings
#: (``mediates_reader_model``); benches point it at a model trained without a set
MODEL = ModelChoice.shared("reader-mediates", load_model, DEFAULT_MODEL)
use_model = MODEL.use


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
    ctx: DocContext, parties: Parties, sent: Span, k: int, model: LinearModel
) -> list[tuple[float, Mention]]:
    """Each candidate's score, but for those whose nearest cue says no mediation
    (:func:`.mediator_features.unsaid`)."""
    found = candidates(ctx, sent)
    kept, rows = [], []
    for m in found:
        strings = candidate_strings(ctx, parties, sent, k, m, len(found))
        if not unsaid(strings):
            kept.append(m)
            rows.append(candidate_features(ctx, sent, m, strings, model.n_features))
    if not kept:
        return []
    scores = model.score_rows(rows)[:, 0]  # every candidate in one product
    return [(float(s), m) for s, m in zip(scores.tolist(), kept, strict=True)]


@fallbacks.register("mediates", stage="learned")
def read(ctx: DocContext, parties: Parties, sent: Span, k: int) -> None:
    """Records the mediations of the candidates the model chooses (see the module docstring)."""
    model = MODEL.current
    if model is None or ctx.asked(sent[0], turns=False):
        return
    threshold = float(model.thresholds[0])
    chosen = [(s, m) for s, m in scored_candidates(ctx, parties, sent, k, model) if s > threshold]
    if not chosen:
        return
    reader = Reader(ctx, parties, cues_for(ctx.lex), k)
    chosen = [(s, m) for s, m in chosen if _said(ctx, reader, m)]
    before = len(ctx.out.relations)
    conf: dict[str, float] = {}
    for s, m in chosen:
        for a in reader.m.principals([m.actor or ""]):
            conf[a] = max(conf.get(a, 0.0), MAX_CONFIDENCE / (1.0 + math.exp(-s)))
        reader.found.append((reader.m.principals([m.actor or ""]), mention_root(ctx, m)))
    reader.emit()
    for rec in ctx.out.relations[before:]:
        rec["confidence"] = round(min(rec["confidence"], conf.get(rec["source"], 0.0)), 2)


def _said(ctx: DocContext, reader: Reader, m: Mention) -> bool:
    """Whether the mention's nearest cue of mediating says a mediation, as the loose fallback
    asks of its cues: there is one; it is not negated, offered, hoped for or asked about; it
    is not about a deal or talks on another matter ("pushing for a trade deal"), nor a track
    that is over ("hosted the former rounds")."""
    e = mention_root(ctx, m)
    cue = nearest_cue(classes_for(ctx.lex), e, reader.sent)
    if cue is None or reader.unsaid(cue):
        return False
    governed = [*reader.governed(cue), *(c for c in cue.children if c.dep_ in ("pobj", "prep"))]
    governed += [g for c in cue.children if c.dep_ == "prep" for g in c.children]
    if any(reader.other_matter(g) for g in governed):
        return False
    return not reader.m.past_rounds(cue, governed)
