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
import json
import sys
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from actorgraph.ingest.articles import read_article_file
from actorgraph.ingest.extract import load_model
from actorgraph.ingest.extract.bank import load_bank
from actorgraph.ingest.extract.detector import DEFAULT_MODEL, DetectorModel
from actorgraph.ingest.extract.detector_features import sentence_features
from actorgraph.ingest.extract.detector_labels import evidence_families
from actorgraph.ingest.extract.fallbacks import FAMILIES
from actorgraph.ingest.settings import ExtractionSettings
from scipy import sparse

ROOT = Path(__file__).resolve().parent.parent
BANK = ROOT / "examples" / "extraction-bank"
PLOVER = ROOT / "examples" / "plover" / "plover-gsr-dev.jsonl"
PLOVER_FAMILIES = {"DEMAND": "demands", "REJECT": "rejects"}

#: a sentence's label for one family: 1, 0, or None (left out)
Label = dict[str, int | None]


@dataclass
class Group:
    """The labelled sentences of one source (the bank, PLOVER, one set directory)."""

    name: str
    rows: list[np.ndarray] = field(default_factory=list)  # feature indices per sentence
    labels: list[Label] = field(default_factory=list)


def _sentences(nlp: Any, texts: Iterable[str], n_features: int) -> Iterator[tuple[Any, list]]:
    """(sentences, feature rows) of each text, parsed by extraction's own pipeline."""
    for doc in nlp.pipe(texts, batch_size=32):
        sents = list(doc.sents)
        ks, feats = sentence_features(doc, [(s.start, s.end) for s in sents], n_features)
        cuts = np.searchsorted(ks, np.arange(1, len(sents)))
        yield sents, np.split(feats, cuts)


def bank_group(nlp: Any, path: Path, n_features: int) -> Group:
    g = Group("bank")
    dirs = [path] + [d for d in [path / "opt-in"] if d.is_dir()]  # opt-in: cases of a setting
    for fam in [f for d in dirs for f in load_bank(d)]:
        scored = [f for f in fam.scores if f in FAMILIES]
        if not scored:
            continue
        texts = [c.text for c in fam.cases]
        for case, (sents, rows) in zip(fam.cases, _sentences(nlp, texts, n_features), strict=True):
            for sent, row in zip(sents, rows, strict=True):
                label: Label = dict.fromkeys(FAMILIES)
                for f in scored:
                    rels = getattr(case, f)
                    if not rels:
                        label[f] = 0
                    elif len(sents) == 1 or any(r.source in sent.text for r in rels):
                        label[f] = 1
                g.rows.append(row)
                g.labels.append(label)
    return g


def plover_group(nlp: Any, path: Path, n_features: int) -> Group:
    g = Group("plover")
    recs = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
    recs = [r for r in recs if isinstance(r.get("text"), str) and r["text"].strip()]
    for rec, (sents, rows) in zip(
        recs, _sentences(nlp, [r["text"] for r in recs], n_features), strict=True
    ):
        family = PLOVER_FAMILIES.get(str(rec.get("event", "")).upper())
        for row in rows:
            label: Label = dict.fromkeys(FAMILIES)
            for f in PLOVER_FAMILIES.values():
                # a positive event's other sentences (rare) may not hold it: left out
                label[f] = 0 if f != family else (1 if len(sents) == 1 else None)
            g.rows.append(row)
            g.labels.append(label)
    return g


def set_group(nlp: Any, set_dir: Path, n_features: int) -> Group:
    g = Group(set_dir.name)
    articles = [read_article_file(p) for p in sorted((set_dir / "articles").glob("*.txt"))]
    for article, (sents, rows) in zip(
        articles, _sentences(nlp, [a.text for a in articles], n_features), strict=True
    ):
        gold_path = set_dir / "gold" / f"{article.id}.gold.jsonl"
        gold = [json.loads(x) for x in gold_path.read_text().splitlines() if x.strip()]
        texts = [s.text for s in sents]
        required = evidence_families(texts, gold, optional=False)
        every = evidence_families(texts, gold)
        for k, row in enumerate(rows):
            label: Label = {}
            for f in FAMILIES:
                if f in required.get(k, ()):
                    label[f] = 1
                else:
                    label[f] = None if f in every.get(k, ()) else 0
            g.rows.append(row)
            g.labels.append(label)
    return g


def _matrix(rows: list[np.ndarray], n_features: int) -> sparse.csr_matrix:
    indptr = np.concatenate([[0], np.cumsum([len(r) for r in rows])])
    indices = np.concatenate(rows) if rows else np.zeros(0, dtype=np.int64)
    data = np.ones(len(indices), dtype=np.float64)
    m = sparse.csr_matrix((data, indices.astype(np.int32), indptr.astype(np.int32)))
    m.resize((len(rows), n_features))
    return m


def _fit(
    x: sparse.csr_matrix, y: np.ndarray, c: float, weight: np.ndarray
) -> tuple[np.ndarray, float]:
    from sklearn.linear_model import LogisticRegression

    m = LogisticRegression(C=c, class_weight="balanced", max_iter=2000, solver="liblinear")
    m.fit(x, y, sample_weight=weight)
    return m.coef_[0].astype(np.float32), float(m.intercept_[0])


def best_threshold(scores: np.ndarray, y: np.ndarray, beta: float) -> float:
    """The score threshold of the best F-beta (halfway to the next lower score)."""
    order = np.argsort(-scores, kind="stable")
    s, yy = scores[order], y[order]
    tp, fp = np.cumsum(yy), np.cumsum(1 - yy)
    prec, rec = tp / np.maximum(tp + fp, 1), tp / max(int(yy.sum()), 1)
    b2 = beta * beta
    f = (1 + b2) * prec * rec / np.maximum(b2 * prec + rec, 1e-9)
    i = int(np.argmax(f))
    return float((s[i] + s[i + 1]) / 2) if i + 1 < len(s) else float(s[i] - 1e-6)


def _prf(pred: np.ndarray, y: np.ndarray) -> dict[str, float | int]:
    tp, fp = int((pred & (y == 1)).sum()), int((pred & (y == 0)).sum())
    fn = int((~pred & (y == 1)).sum())
    p, r = tp / max(tp + fp, 1), tp / max(tp + fn, 1)
    return {"precision": round(p, 3), "recall": round(r, 3), "tp": tp, "fp": fp, "fn": fn}


def _average_precision(scores: np.ndarray, y: np.ndarray) -> float:
    """Precision averaged over the ranks of the positives (threshold-free ranking quality)."""
    yy = y[np.argsort(-scores, kind="stable")]
    hits = np.cumsum(yy)
    ranks = np.flatnonzero(yy) + 1
    return round(float((hits[ranks - 1] / ranks).mean()), 3) if len(ranks) else 0.0


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
    x = _matrix(rows, n_features)
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
            scores, truth = [], []
            for s in held:
                w, b = _fit(xs[os_ != s], ys[os_ != s], c, ws[os_ != s])
                scores.append(xs[os_ == s] @ w + b)
                truth.append(ys[os_ == s])
            sc, tr = np.concatenate(scores), np.concatenate(truth)
            thresholds[j] = best_threshold(sc, tr, beta)
            entry["leave_one_set_out"] = _prf(sc > thresholds[j], tr)
            entry["leave_one_set_out"]["average_precision"] = _average_precision(sc, tr)
            entry["leave_one_set_out"]["sets"] = held
        w, b = _fit(xs, ys, c, ws)
        weights[:, j], bias[j] = w, b
        entry["threshold"] = round(float(thresholds[j]), 4)
        report[fam] = entry
    model = DetectorModel(FAMILIES, n_features, weights, bias, thresholds, {})
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
    groups: list[Group] = []
    if not args.no_bank:
        groups.append(bank_group(nlp, args.bank, args.n_features))
    if not args.no_plover:
        groups.append(plover_group(nlp, args.plover, args.n_features))
    groups.extend(set_group(nlp, d, args.n_features) for d in args.sets)
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
    model = DetectorModel(
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
