"""Train the sentence detector (``ingest/extract/data/detector.npz``).

    uv sync --extra train   # scikit-learn, for training only
    .venv/bin/python scripts/train_detector.py /work/data/dev/{D,P,Q,R,S,T,U,X,Y}

Labelled sentences come from

* the extraction bank (``examples/extraction-bank``): in a file scored on a relation family, a
  case that lists relations of the family is a positive (in a case of several sentences, the
  sentences that name a source), a case that lists none a negative (the near misses);
* PLOVER dev (``examples/plover/plover-gsr-dev.jsonl``): DEMAND is a positive of ``demands``,
  REJECT of ``rejects``, every other event a negative of both;
* the annotated set directories given (``SET/articles/*.txt``, ``SET/gold/*.gold.jsonl``): a
  sentence that a gold relation cites as evidence is a positive of its family, every other
  sentence a negative; sentences that only optional gold cites are left out of that family.

One L2 logistic regression per family (liblinear, balanced classes). The threshold of each
family is chosen by leave-one-set-out over the set directories (each set's sentences scored by
a model trained without that set; bank and PLOVER always in training) at the best F-beta
(beta 2: recall first, the fallbacks then ask for evidence); the sentence precision and recall
there are printed and stored in the model's description. The model file holds weights,
biases, thresholds and that description: no text.
"""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from actorgraph.ingest.extract import load_model
from actorgraph.ingest.extract.detector import DEFAULT_MODEL, DetectorModel, detector_model
from actorgraph.ingest.extract.detector_features import sentence_features
from actorgraph.ingest.extract.fallbacks import FAMILIES
from actorgraph.ingest.settings import ExtractionSettings

sys.path.insert(0, str(Path(__file__).resolve().parent))
from reader_training import (
    BANK,
    PLOVER,
    PLOVER_FAMILIES,
    ROOT,
    LabelledDoc,
    average_precision,
    best_threshold,
    fit,
    leave_one_set_out,
    load_docs,
    matrix,
    prf,
)

#: a sentence's label for one family: 1, 0, or None (left out)
Label = dict[str, int | None]


@dataclass
class Group:
    """The labelled sentences of one source (the bank, PLOVER, one set directory)."""

    name: str
    rows: list[np.ndarray] = field(default_factory=list)  # feature indices per sentence
    labels: list[Label] = field(default_factory=list)


def _rows(d: LabelledDoc, n_features: int) -> list[np.ndarray]:
    """The feature rows of a document's sentences."""
    sents = d.sents
    ks, feats = sentence_features(d.doc, [(s.start, s.end) for s in sents], n_features)
    return np.split(feats, np.searchsorted(ks, np.arange(1, len(sents))))


def _bank_labels(d: LabelledDoc) -> list[Label]:
    """A case that lists relations of a family it is scored on is a positive (in a case of
    several sentences, the sentences that name a source); one that lists none a negative."""
    sents, out = d.sents, []
    for sent in sents:
        label: Label = dict.fromkeys(FAMILIES)
        for f in d.scored:
            rels = [r for r in d.gold if r.get("kind") == "relation" and r.get("type") == f]
            if not rels:
                label[f] = 0
            elif len(sents) == 1 or any(r["source"] in sent.text for r in rels):
                label[f] = 1
        out.append(label)
    return out


def _plover_labels(d: LabelledDoc) -> list[Label]:
    """DEMAND a positive of demands, REJECT of rejects, every other event a negative of both
    (a positive event's other sentences, rare, may not hold it: left out)."""
    n, family = len(d.sents), d.meta.get("family")
    label: Label = dict.fromkeys(FAMILIES)
    for f in PLOVER_FAMILIES.values():
        label[f] = 0 if f != family else (1 if n == 1 else None)
    return [dict(label) for _ in range(n)]


def _set_labels(d: LabelledDoc) -> list[Label]:
    """A sentence a gold relation cites is a positive of its family, every other a negative;
    a sentence only optional gold cites is left out of that family."""
    required, every = d.evidence(optional=False), d.evidence()
    out = []
    for k in range(len(d.sents)):
        label: Label = {}
        for f in FAMILIES:
            if f in required.get(k, ()):
                label[f] = 1
            else:
                label[f] = None if f in every.get(k, ()) else 0
        out.append(label)
    return out


def groups_of(docs: list[LabelledDoc], n_features: int) -> list[Group]:
    """The documents' labelled sentences, one group per source, in order of appearance."""
    groups: dict[str, Group] = {}
    labels_of = {"bank": _bank_labels, "plover": _plover_labels}
    for d in docs:
        g = groups.setdefault(d.source, Group(d.source))
        labels = labels_of.get(d.source, _set_labels)(d)
        g.rows.extend(_rows(d, n_features))
        g.labels.extend(labels)
    return list(groups.values())


def train(
    groups: list[Group],
    sets: list[str],
    n_features: int,
    c: float,
    beta: float,
    bank_weight: float = 1.0,
) -> tuple[DetectorModel, dict[str, Any]]:
    """A model per family on every group, thresholds by leave-one-set-out over ``sets``
    (``bank_weight``: the weight of a sentence of the bank or PLOVER against one of a set)."""
    rows = [r for g in groups for r in g.rows]
    labels = [lab for g in groups for lab in g.labels]
    owner = np.array([g.name for g in groups for _ in g.rows])
    x = matrix(rows, n_features)
    weights = np.zeros((n_features, len(FAMILIES)), dtype=np.float32)
    bias = np.zeros(len(FAMILIES), dtype=np.float32)
    thresholds = np.zeros(len(FAMILIES), dtype=np.float32)
    report: dict[str, Any] = {}
    for j, fam in enumerate(FAMILIES):
        keep = np.array([lab[fam] is not None for lab in labels])
        y = np.array([lab[fam] or 0 for lab in labels])
        xs, ys, os_ = x[keep], y[keep], owner[keep]
        ws = np.where(np.isin(os_, sets), 1.0, bank_weight)
        entry: dict[str, Any] = {
            "sentences": int(keep.sum()),
            "positives": int(ys.sum()),
            "by_source": {
                g.name: [int((os_ == g.name).sum()), int(ys[os_ == g.name].sum())] for g in groups
            },
        }
        if len(set(ys.tolist())) < 2:  # nothing to learn from: the family is never flagged
            bias[j] = -1.0
            entry["threshold"] = 0.0
            report[fam] = entry
            continue
        held = [s for s in sets if ys[os_ == s].sum() > 0]
        if len(held) >= 2:  # leave one set out: the threshold, and the figures there
            at, sc = leave_one_set_out(xs, ys, os_, held, c, ws)
            tr = ys[at]
            thresholds[j] = best_threshold(sc, tr, beta)
            entry["leave_one_set_out"] = prf(sc > thresholds[j], tr)
            entry["leave_one_set_out"]["average_precision"] = average_precision(sc, tr)
            entry["leave_one_set_out"]["sets"] = held
        w, b = fit(xs, ys, c, ws)
        weights[:, j], bias[j] = w, b
        entry["threshold"] = round(float(thresholds[j]), 4)
        report[fam] = entry
    model = detector_model(FAMILIES, n_features, weights, bias, thresholds, {})
    return model, report


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("sets", nargs="*", type=Path, help="annotated set directories")
    ap.add_argument("--bank", type=Path, default=BANK, help="extraction bank directory")
    ap.add_argument("--plover", type=Path, default=PLOVER, help="PLOVER records (jsonl)")
    ap.add_argument("--no-bank", action="store_true")
    ap.add_argument("--no-plover", action="store_true")
    ap.add_argument("--out", type=Path, default=DEFAULT_MODEL)
    ap.add_argument("--C", type=float, default=0.5, help="inverse L2 strength")
    ap.add_argument("--beta", type=float, default=2.0, help="F-beta of the thresholds")
    ap.add_argument("--n-features", type=int, default=2**18)
    ap.add_argument(
        "--bank-weight",
        type=float,
        default=0.25,
        help="weight of a bank or PLOVER sentence against an annotated article's (their short "
        "clear cases would otherwise outweigh the news)",
    )
    args = ap.parse_args(argv)
    t0, c0 = time.perf_counter(), time.process_time()
    nlp = load_model(ExtractionSettings().spacy_model)
    bank = None if args.no_bank else args.bank
    docs = load_docs(nlp, args.sets, bank, None if args.no_plover else args.plover)
    groups = groups_of(docs, args.n_features)
    if not groups:
        sys.exit("nothing to train on")
    parsed = time.process_time() - c0
    sets = [d.name for d in args.sets]
    model, report = train(groups, sets, args.n_features, args.C, args.beta, args.bank_weight)
    training = {
        "sources": [g.name for g in groups],
        "bank": str(args.bank.relative_to(ROOT)) if args.bank.is_relative_to(ROOT) else "bank",
        "C": args.C,
        "beta": args.beta,
        "bank_weight": args.bank_weight,
        "families": report,
        "note": "weights of hashed parse features; no text",
    }
    model = detector_model(
        model.families, model.n_features, model.weights, model.bias, model.thresholds, training
    )
    model.save(args.out)
    for fam, e in report.items():
        lo = e.get("leave_one_set_out")
        where = (
            f"LOSO P {lo['precision']:.2f} R {lo['recall']:.2f} AP {lo['average_precision']:.2f}"
            if lo
            else "no LOSO"
        )
        print(
            f"{fam:11} sentences {e['sentences']:5} positives {e['positives']:4} "
            f"threshold {e['threshold']:+.3f} {where}"
        )
    size = args.out.stat().st_size
    print(
        f"wrote {args.out} ({size / 1e6:.2f} MB); CPU {time.process_time() - c0:.0f} s "
        f"(parsing {parsed:.0f} s), wall {time.perf_counter() - t0:.0f} s"
    )


if __name__ == "__main__":
    main()
