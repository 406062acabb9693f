"""Train the learned ``speaks_for`` reader (``ingest/extract/data/reader_speaks_for.npz``).

    uv sync --extra train   # scikit-learn, for training only
    .venv/bin/python scripts/train_reader_speaks_for.py /work/data/dev/{D,P,Q,R,S,T,U,X,Y}

The bank's cases scored on ``speaks_for`` (every sentence) and the annotated sets (the
sentences the gold cites as evidence of a relation, and those a sentence detector trained
without the set flags ``speaks_for``: ``--detector-dir``) are extracted by the rules; in each
such sentence every (person with a role, body) pair of :func:`.speaks_for_pairs.candidates` is
a row, labelled 1 when the document's gold holds that ``speaks_for`` (ends matched on names and
aliases as the scorer matches them), 0 when it holds none from the person to the body, and left
out when only optional gold does. One L2 logistic regression over the hashed pair features
(:mod:`scripts.reader_training`); the threshold is that of the best F1 of each (sentence,
person)'s best pair, each scored by a model trained without its set (a set, or one file of
the bank, so that its near misses count). The model file holds weights, bias, threshold and
a description; no text.

``--report`` prints the candidate recall (how often the gold's pair is among the candidates of
its evidence sentence at all), what the reader would add where the rules gave the person no
principal, and how often the model's best body differs from the rules' pair in a sentence.
``--loso WORK`` measures through the real pipeline instead: each set extracted by the rules
alone, with the detector and the loose fallbacks, and with the reader too, the detector and
the reader trained without it.
"""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

import reader_training as rt
from actorgraph.ingest.evaluate import _Actors, score_gold
from actorgraph.ingest.extract import Extractor, _government_names, load_model
from actorgraph.ingest.extract import reader_speaks_for as reader
from actorgraph.ingest.extract.detector import DetectorFlagger
from actorgraph.ingest.extract.fallbacks import FAMILIES
from actorgraph.ingest.extract.linear_model import LinearModel
from actorgraph.ingest.extract.normalize import name_key
from actorgraph.ingest.extract.speaks_for_pairs import FEATURES_VERSION, candidates, pair_features
from actorgraph.ingest.settings import ExtractionSettings

if TYPE_CHECKING:
    from actorgraph.ingest.extract.context import DocContext

FAMILY = reader.FAMILY


@dataclass
class Row:
    """One candidate pair: where it is, its features, its label and what the rules read."""

    source: str
    doc: str
    sent: int
    person: str
    body: str
    feats: np.ndarray
    label: int | None
    #: the rules already gave this sentence a speaks_for
    rules_sentence: bool
    #: the rules gave the person a principal in the document
    has_principal: bool
    #: the rules' body for this person in this sentence, if any
    rules_body: str | None
    #: what leave-one-out holds out together: a set, or one file of the bank
    group: str = ""


@dataclass
class Collected:
    rows: list[Row] = field(default_factory=list)
    #: per non-optional gold speaks_for of a set: (set, its pair among the candidates)
    gold: list[tuple[str, bool]] = field(default_factory=list)


def names(ctx: DocContext, actor: str) -> set[str]:
    """How the output may name an actor, as the scorer matches it: the dictionary's names,
    the document's forms and, for a state, its government's."""
    found = {*ctx.dict.names_of(actor), *ctx.surfaces.get(actor, ()), actor.replace("-", " ")}
    e = ctx.dict.entries.get(actor)
    if e is not None and e.type == "state":
        found.update(_government_names(e))
    return {k for n in found if (k := name_key(n))}


class Collector:
    """A flagger that, once the rules are done, records the candidate pairs of the sentences
    to learn from, and flags nothing (so no fallback runs)."""

    def __init__(self, d: rt.LabelledDoc, detector: Any, n_features: int, out: Collected):
        self.d, self.detector, self.n_features, self.out = d, detector, n_features, out
        # a bank case's id is bank-<file's family>-<n>: the file is held out as one
        self.group = d.article.id.rsplit("-", 1)[0] if d.source == "bank" else d.source

    def __call__(self, ctx: DocContext) -> dict[int, frozenset[str]]:
        d = self.d
        evidence = {k for k, f in d.evidence().items() if FAMILY in f}
        # a bank case: every sentence, near misses too
        flagged = set(range(len(ctx.sents))) if d.source == "bank" else set(evidence)
        if self.detector is not None:
            flagged |= {k for k, f in self.detector(ctx).items() if FAMILY in f}
        ga = _Actors(d.gold)
        want = []
        for r in d.gold:
            if r.get("kind") == "relation" and r.get("type") == FAMILY:
                ends = [ga.names.get(ga.ref(r[e]), {name_key(r[e])}) for e in ("source", "target")]
                want.append((ends[0], ends[1], bool(r.get("optional"))))
        by_sent: dict[int, dict[str, str]] = {}
        for sf in ctx.speaks.values():
            by_sent.setdefault(sf.sent, {}).setdefault(sf.source, sf.target)
        hit: set[int] = set()
        with ctx.quietly():
            for k in sorted(flagged):
                pairs = candidates(ctx, ctx.sents[k])
                persons = len({p.person.actor for p in pairs})
                bodies = len({p.body for p in pairs})
                for p in pairs:
                    person = p.person.actor or ""
                    pn, bn = names(ctx, person), names(ctx, p.body)
                    matched = [j for j, (s, t, _) in enumerate(want) if pn & s and bn & t]
                    if k in evidence:
                        hit.update(matched)
                    required = [j for j in matched if not want[j][2]]
                    feats = pair_features(ctx, p, persons, bodies).indices(self.n_features)
                    row = Row(
                        d.source,
                        d.article.id,
                        k,
                        person,
                        p.body,
                        feats,
                        1 if required else (None if matched else 0),
                        k in by_sent,
                        person in ctx.principal,
                        by_sent.get(k, {}).get(person),
                        self.group,
                    )
                    self.out.rows.append(row)
        if d.source != "bank":
            self.out.gold += [(d.source, j in hit) for j, w in enumerate(want) if not w[2]]
        return {}


def collect(
    ex: Extractor, docs: list[rt.LabelledDoc], n_features: int, detector_dir: Path | None
) -> Collected:
    """The candidate rows of every document (a set's with the flags of the detector trained
    without it, when ``detector_dir`` holds one)."""
    out = Collected()
    saved = ex.flagger
    try:
        for d in docs:
            if d.source != "bank" or FAMILY in d.scored:
                ex.flagger = Collector(d, _detector(detector_dir, d.source), n_features, out)
                for _ in ex.records(d.doc, d.article):
                    pass
    finally:
        ex.flagger = saved
    return out


def _detector(detector_dir: Path | None, source: str) -> DetectorFlagger | None:
    path = None if detector_dir is None else detector_dir / f"without-{source}.npz"
    return DetectorFlagger(path) if path is not None and path.exists() else None


def best_per_person(rows: list[Row], scores: np.ndarray) -> np.ndarray:
    """Which rows a reader would add: each (document, sentence, person)'s best body."""
    best: dict[tuple[str, str, int, str], int] = {}
    for i, r in enumerate(rows):
        key = (r.source, r.doc, r.sent, r.person)
        if key not in best or scores[i] > scores[best[key]]:
            best[key] = i
    keep = np.zeros(len(rows), dtype=bool)
    keep[list(best.values())] = True
    return keep


def held_out_scores(rows: list[Row], n_features: int, c: float) -> np.ndarray:
    """Each row scored by a model trained without its group (its set, or its bank file, so
    that the bank's near misses weigh in the threshold too)."""
    x = rt.matrix([r.feats for r in rows], n_features)
    y = np.array([r.label or 0 for r in rows])
    owner = np.array([r.group for r in rows])
    idx, sc = rt.leave_one_set_out(x, y, owner, sorted(set(owner.tolist())), c)
    scores = np.full(len(rows), np.nan)
    scores[idx] = sc
    return scores


def choose_threshold(rows: list[Row], scores: np.ndarray) -> float:
    """The best-F1 threshold over each held-out (sentence, person)'s best pair."""
    y = np.array([r.label or 0 for r in rows])
    held = ~np.isnan(scores)
    pool = held & best_per_person(rows, np.nan_to_num(scores, nan=-1e9))
    if not pool.any():
        return 0.0  # no set to hold out (the bank alone): the model's own even odds
    return rt.best_threshold(scores[pool], y[pool])


def train(rows: list[Row], n_features: int, c: float) -> tuple[Any, dict[str, Any]]:
    """The model on every row, its threshold by leave-one-set-out."""
    scores = held_out_scores(rows, n_features, c)
    threshold = choose_threshold(rows, scores)
    y = np.array([r.label or 0 for r in rows])
    w, b = rt.fit(rt.matrix([r.feats for r in rows], n_features), y, c)
    held = ~np.isnan(scores)
    pool = held & best_per_person(rows, np.nan_to_num(scores, nan=-1e9))
    stats = rt.prf(scores[pool] > threshold, y[pool])
    training = {
        "sources": sorted({r.source for r in rows}),
        "C": c,
        "rows": len(rows),
        "positives": int(y.sum()),
        "leave_one_set_out": stats,
        "note": "weights of hashed parse features of (person, body) pairs; no text",
    }
    return pair_model(n_features, w, b, threshold, training), stats


def pair_model(
    n_features: int, weights: np.ndarray, bias: float, threshold: float, training: dict[str, Any]
) -> LinearModel:
    """A pair classifier over the current pair features."""
    return rt.one_class_model(
        reader.KIND, FEATURES_VERSION, reader.FAMILY, n_features, weights, bias, threshold, training
    )


def report(col: Collected, rows: list[Row], scores: np.ndarray, threshold: float) -> None:
    """Candidate recall; what the reader would add where the rules gave the person no
    principal; the rules' pairs the model would choose otherwise."""
    if col.gold:
        cand = sum(hit for _, hit in col.gold)
        print(
            f"gold speaks_for {len(col.gold)}, its pair among the candidates of its evidence "
            f"sentence {cand} ({cand / len(col.gold):.2f})"
        )
    held = np.array([r.source != "bank" for r in rows]) & ~np.isnan(scores)
    rows = [r for r, h in zip(rows, held, strict=True) if h]
    scores = scores[held]
    best = best_per_person(rows, scores)
    fire = best & (scores > threshold)
    y = np.array([r.label for r in rows])
    open_ = np.array([not r.rules_sentence and not r.has_principal for r in rows])
    print(
        f"where the rules gave the person no principal: fired {int((fire & open_).sum())}, "
        f"true {int((fire & open_ & (y == 1)).sum())}, positives there "
        f"{int((open_ & (y == 1)).sum())} of {int(open_.sum())} pairs"
    )
    index = {(r.source, r.doc, r.sent, r.person, r.body): i for i, r in enumerate(rows)}
    agree = other = model_right = rules_right = elsewhere = 0
    for i, r in enumerate(rows):
        if not best[i] or r.rules_body is None:
            continue
        j = index.get((r.source, r.doc, r.sent, r.person, r.rules_body))
        if j is None:
            elsewhere += 1
        elif j == i or scores[i] <= threshold:
            agree += 1
        else:
            other += 1
            model_right += int(r.label == 1)
            rules_right += int(rows[j].label == 1)
    print(
        f"the rules' pairs: the model agrees on {agree}, prefers another body on {other} "
        f"(the model's right {model_right}, the rules' right {rules_right}); the rules' body "
        f"not named in the sentence {elsewhere}"
    )


def _prf(t: list[int]) -> str:
    tp, fp, fn = t
    p, r = tp / max(tp + fp, 1), tp / max(tp + fn, 1)
    return f"{p:.2f}/{r:.2f}/{2 * p * r / max(p + r, 1e-9):.3f} ({tp} {fp} {fn})"


def pipeline_loso(
    ex: Extractor,
    docs: list[rt.LabelledDoc],
    rows: list[Row],
    n_features: int,
    c: float,
    work: Path,
    detector_dir: Path | None,
) -> None:
    """Relation P/R/F1 per family, summed over the sets, each set by models trained without
    it: the rules alone, with the detector and the loose fallbacks, and with the reader."""
    work.mkdir(parents=True, exist_ok=True)
    runs = ("rules", "fallbacks", "reader")
    sums = {k: {f: [0, 0, 0] for f in FAMILIES} for k in runs}
    added = 0
    sets = sorted({d.source for d in docs} - {"bank"})
    try:
        for s in sets:
            model, _ = train([r for r in rows if r.source != s], n_features, c)
            model.save(work / f"reader-without-{s}.npz")
            for run in runs:
                ex.flagger = None if run == "rules" else _detector(detector_dir, s)
                if run == "reader":
                    reader.use_model(work / f"reader-without-{s}.npz")
                else:
                    reader.MODEL.off()
                pred: list[dict[str, Any]] = []
                gold: list[dict[str, Any]] = []
                for d in (d for d in docs if d.source == s):
                    pred.extend(ex.records(d.doc, d.article))
                    gold.extend(d.gold)
                if run == "reader":
                    added += sum(
                        1
                        for r in pred
                        if r.get("type") == FAMILY and "fallback" in str(r.get("origin"))
                    )
                for f, p in score_gold(pred, gold).items():
                    if f in FAMILIES:
                        t = sums[run][f]
                        t[0], t[1], t[2] = t[0] + p.tp, t[1] + p.fp, t[2] + p.fn
    finally:
        reader.use_model(None)
    print("relations, P/R/F1 (tp fp fn), each set by models trained without it")
    print(f"{'family':12}" + "".join(f"{k:>28}" for k in runs))
    for f in FAMILIES:
        print(f"{f:12}" + "".join(f"{_prf(sums[k][f]):>28}" for k in runs))
    print(f"speaks_for of a fallback origin with the reader on: {added}; sets {', '.join(sets)}")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("sets", nargs="*", type=Path, help="annotated set directories")
    ap.add_argument("--bank", type=Path, default=rt.BANK, help="extraction bank directory")
    ap.add_argument("--no-bank", action="store_true")
    ap.add_argument("--out", type=Path, default=reader.DEFAULT_MODEL)
    ap.add_argument("--C", type=float, default=0.3, help="inverse L2 strength")
    ap.add_argument("--n-features", type=int, default=2**16)
    ap.add_argument(
        "--detector-dir",
        type=Path,
        help="sentence detectors trained without each set (without-SET.npz, as "
        "bench/detector_loso.py writes them): their flags add to the gold's sentences",
    )
    ap.add_argument("--report", action="store_true", help="candidate recall and disagreement")
    ap.add_argument("--loso", type=Path, metavar="WORK", help="measure through the pipeline")
    args = ap.parse_args(argv)
    c0 = time.process_time()
    ex = Extractor(n_process=1)
    nlp = load_model(ExtractionSettings().spacy_model)
    docs = rt.load_docs(nlp, args.sets, bank=None if args.no_bank else args.bank, plover=None)
    col = collect(ex, docs, args.n_features, args.detector_dir)
    rows = [r for r in col.rows if r.label is not None]
    print(
        f"rows {len(rows)}, positives {sum(r.label or 0 for r in rows)}; "
        f"CPU {time.process_time() - c0:.0f} s"
    )
    if len({r.label for r in rows}) < 2:
        sys.exit("nothing to learn from")
    if args.loso:
        pipeline_loso(ex, docs, rows, args.n_features, args.C, args.loso, args.detector_dir)
        return
    model, stats = train(rows, args.n_features, args.C)
    print(
        f"threshold {float(model.thresholds[0]):+.3f}; leave one set out, each (sentence, "
        f"person)'s best pair: P {stats['precision']:.2f} R {stats['recall']:.2f}"
    )
    if args.report:
        scores = held_out_scores(rows, args.n_features, args.C)
        report(col, rows, scores, float(model.thresholds[0]))
        return
    model.save(args.out)
    print(
        f"wrote {args.out} ({args.out.stat().st_size / 1e3:.1f} kB); "
        f"CPU {time.process_time() - c0:.0f} s"
    )


if __name__ == "__main__":
    main()
