"""Train the learned mediates reader (``ingest/extract/data/reader_mediates.npz``), and measure it.

    uv sync --extra train   # scikit-learn, for training only
    .venv/bin/python scripts/train_reader_mediates.py /work/data/dev/{D,P,Q,R,S,T,U,X,Y}
    .venv/bin/python scripts/train_reader_mediates.py --loso /work/data/dev/{D,...}

Labelled candidates come from the annotated set directories (``SET/articles/*.txt``,
``SET/gold/*.gold.jsonl``). Every article is extracted as extraction does (rules, the detector,
the loose fallbacks) with one change: a sentence the detector *or the gold* marks as mediation
and in which the rules read none is handed to a collector instead of the loose fallback first.
Each actor mention there is a candidate (:func:`.reader_mediates.candidates`); it is a
positive when it names (or speaks for) the source of a gold ``mediates`` relation whose
evidence is that sentence, a negative otherwise (left out when only optional gold names it).
The script prints the *candidate recall*: of the gold mediators of those sentences, how many
are among the candidates at all (what bounds any reader).

One L2 logistic regression (liblinear, balanced classes). Its threshold is chosen by
leave-one-set-out (each set's candidates scored by a model trained without that set) at the
best F1 over candidates. ``--loso`` measures the reader at relation level through the real
pipeline: each set extracted with the rules, the detector and the loose fallbacks, without and
with the reader trained without that set, scored against the gold (pooled P/R/F1 per family).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
from actorgraph.ingest.evaluate import score_gold
from actorgraph.ingest.extract import Extractor, fallbacks
from actorgraph.ingest.extract import reader_mediates as rm
from actorgraph.ingest.extract.detector_labels import words
from actorgraph.ingest.extract.linear_model import LinearModel
from actorgraph.ingest.extract.mediation import Mediation
from actorgraph.ingest.extract.mediator_features import (
    FEATURES_VERSION,
    candidate_features,
    candidate_strings,
)
from actorgraph.ingest.extract.normalize import name_key
from reader_training import (
    BANK,
    LabelledDoc,
    best_threshold,
    fit,
    leave_one_set_out,
    load_docs,
    matrix,
    one_class_model,
    prf,
)

if TYPE_CHECKING:
    from actorgraph.ingest.extract.context import DocContext
    from actorgraph.ingest.extract.parties import Parties
    from spacy.tokens import Span

FAMILY = "mediates"
#: the bank's cases: always in training, never held out
BANK_GROUP = "bank"
#: the families a relation-level measure prints
FAMILIES_SHOWN = ("mediates", "actors", "speaks_for", "rejects", "demands")
#: how many characters of words two texts must share at the start to be one sentence
_HEAD = 40


@dataclass
class Row:
    """One candidate: its set, document, sentence, actor, features and label."""

    group: str
    doc: str
    sent: int
    actor: str
    features: np.ndarray
    label: int
    #: the loose fallback read nothing there either (the reader's own sentences)
    learned: bool = False


@dataclass
class Recall:
    """Candidate recall: the gold mediators of the collected sentences, each with whether it is
    among the candidates and whether the sentence is left to the reader."""

    seen: list[tuple[bool, bool, str]] = field(default_factory=list)

    def line(self, learned_only: bool) -> str:
        items = [found for found, learned, _ in self.seen if learned or not learned_only]
        return f"{sum(items)}/{len(items)}"


def load(ex: Extractor, sets: list[Path], bank: Path | None) -> list[LabelledDoc]:
    """The sets' articles and the bank's cases scored on mediation (unless ``bank`` is
    None), each parsed once."""
    docs = load_docs(ex.nlp, sets, bank=bank, plover=None)
    return [d for d in docs if d.source != BANK_GROUP or FAMILY in d.scored]


def _in_sentence(sent: str, evidence: str) -> bool:
    if not evidence:
        return True  # a bank case's relation: the whole case is its evidence
    ev = words(evidence)
    return bool(ev) and bool(sent) and (ev[:_HEAD] in sent or sent[:_HEAD] in ev)


def _gold_names(gold: list[dict[str, Any]]) -> dict[str, set[str]]:
    names: dict[str, set[str]] = {}
    for r in gold:
        if r.get("kind") == "actor":
            aid = str(r.get("id") or name_key(r["name"]).replace(" ", "-"))
            names[aid] = {name_key(r["name"]), name_key(aid.replace("-", " "))}
            names[aid] |= {name_key(a) for a in r.get("aliases") or []}
            names[aid].discard("")
    return names


def _mediators_of(gold: list[dict[str, Any]], sent: Span) -> tuple[set[str], set[str]]:
    """The gold mediators (ids) a sentence is evidence of: required, and optional only."""
    text = words(sent.text)
    req: set[str] = set()
    opt: set[str] = set()
    for r in gold:
        if (
            r.get("kind") == "relation"
            and r.get("type") == FAMILY
            and _in_sentence(text, str(r.get("evidence") or ""))
        ):
            (opt if r.get("optional") else req).add(str(r["source"]))
    return req, opt - req


class Collector:
    """Runs in place of :func:`.fallbacks.run_fallbacks` while extracting: records the
    candidates of every sentence the detector or the gold marks as mediation, then runs the
    fallbacks as usual and notes which of those sentences every stage before the reader left
    without a mediation (the reader's own sentences)."""

    def __init__(self, ex: Extractor, n_features: int) -> None:
        self.ex = ex
        self.n_features = n_features
        self.rows: list[Row] = []
        self.recall = Recall()
        self.current: LabelledDoc | None = None

    def __call__(
        self, ctx: DocContext, parties: Parties, flagger: Any, families: Any = None
    ) -> int:
        d = self.current
        assert d is not None and self.ex.flagger is not None
        flags = self.ex.flagger(ctx)
        start = len(self.rows)
        gnames = _gold_names(d.gold)
        read: dict[int, tuple[list[Row], list[tuple[bool, str]]]] = {}
        for k, sent in enumerate(ctx.sents):
            req, opt = _mediators_of(d.gold, sent)
            if FAMILY in flags.get(k, ()) or req or opt or d.source == BANK_GROUP:
                read[k] = self._sentence(ctx, parties, sent, k, req, opt, gnames)
        n = fallbacks.run_fallbacks(ctx, parties, flagger, families)
        done = {k for k, fams in fallbacks._families_found(ctx).items() if FAMILY in fams}
        for k, (rows, golds) in read.items():
            for row in rows:
                row.learned = k not in done
            self.recall.seen += [(found, k not in done, what) for found, what in golds]
        assert len(self.rows) >= start
        return n

    def _sentence(
        self,
        ctx: DocContext,
        parties: Parties,
        sent: Span,
        k: int,
        req: set[str],
        opt: set[str],
        gnames: dict[str, set[str]],
    ) -> tuple[list[Row], list[tuple[bool, str]]]:
        d = self.current
        assert d is not None
        found = rm.candidates(ctx, sent)
        matched: set[str] = set()
        rows: list[Row] = []
        several = d.source == BANK_GROUP and len(ctx.sents) > 1
        for m in found:
            actors = [m.actor or ""] + ([] if several else rm.principals_of(ctx, parties, m))
            names = {name_key(m.text)} | {
                name_key(n)
                for a in actors
                for n in ctx.dict.names_of(a) | ctx.surfaces.get(a, set())
            }
            names |= {name_key(a.replace("-", " ")) for a in actors}
            hit = {g for g in req | opt if gnames.get(g, {name_key(g)}) & names}
            matched |= hit & req
            if hit and not hit & req:
                continue  # only optional gold names it
            strings = candidate_strings(ctx, parties, sent, k, m, len(found))
            feats = candidate_features(ctx, sent, m, strings, self.n_features)
            rows.append(Row(d.source, d.article.id, k, m.actor or "", feats, int(bool(hit))))
        self.rows += rows
        golds = [
            (g in matched, f"{d.source}/{d.article.id}: {g} | {sent.text[:100]}")
            for g in sorted(req)
        ]
        return rows, golds


def collect(ex: Extractor, docs: list[LabelledDoc], n_features: int) -> Collector:
    """The labelled candidates of every document (see the module docstring)."""
    from actorgraph.ingest.extract import analysis

    col = Collector(ex, n_features)
    run = analysis.run_fallbacks
    try:
        analysis.run_fallbacks = col
        # the stages before the reader
        with fallbacks.readings({("learned", FAMILY): None}):
            for d in docs:
                col.current = d
                list(ex.records(d.doc, d.article))
    finally:
        analysis.run_fallbacks = run
    return col


#: the weight of a bank case's candidate against an article's (``--bank-weight``)
_bank_weight = [0.5]


def _xyw(rows: list[Row], n_features: int) -> tuple[Any, np.ndarray, np.ndarray]:
    x = matrix([r.features for r in rows], n_features)
    y = np.array([r.label for r in rows])
    w = np.array([_bank_weight[0] if r.group == BANK_GROUP else 1.0 for r in rows])
    return x, y, w


def train(
    rows: list[Row], groups: list[str], n_features: int, c: float, threshold: float | None = None
) -> LinearModel:
    """The model on every row; its threshold ``threshold``, else the best F1 over candidates
    by leave-one-set-out."""
    x, y, weight = _xyw(rows, n_features)
    owner = np.array([r.group for r in rows])
    held, sc = leave_one_set_out(x, y, owner, groups, c, weight)
    if len(held):
        best = best_threshold(sc, y[held])
        at: dict[str, Any] | None = prf(sc > best, y[held])
    else:  # a single set and no bank: nothing to hold out, the even odds
        best, at = 0.0, None
    w, b = fit(x, y, c, weight)
    training = {
        "sources": sorted({r.group for r in rows}),
        "candidates": len(rows),
        "positives": int(sum(r.label for r in rows)),
        "C": c,
        "bank_weight": _bank_weight[0],
        "candidates_leave_one_set_out": at,
        "note": "weights of hashed parse features; no text",
    }
    return _model(n_features, w, b, best if threshold is None else threshold, training)


def _model(
    n_features: int, w: np.ndarray, b: float, threshold: float, training: dict[str, Any]
) -> LinearModel:
    return one_class_model(
        rm.KIND, FEATURES_VERSION, rm.CLASSES[0], n_features, w, b, threshold, training
    )


def choose_threshold(
    ex: Extractor,
    docs: list[LabelledDoc],
    rows: list[Row],
    groups: list[str],
    n_features: int,
    c: float,
    grid: list[float],
    max_cost: float,
) -> tuple[float, dict[str, Any]]:
    """The threshold of the best relation-level F1 (leave-one-set-out) where the mediation
    rules are silenced (the reader facing sentences no rule reads, as on news nobody wrote a
    rule for), among those that cost the whole pipeline (rules on) at most ``max_cost`` F1
    (the dev sets' rules are in-sample: there the reader only sees what they left)."""
    table: dict[str, Any] = {}
    for name, silent in (("pipeline", False), ("rules_silenced", True)):
        with rules_silenced(silent):
            table[name] = relation_loso(ex, docs, rows, groups, n_features, c, list(grid))
    f1 = {name: {k: v[FAMILY]["f1"] for k, v in runs.items()} for name, runs in table.items()}
    floor = f1["pipeline"]["without"] - max_cost
    keys = [f"with (threshold {th})" for th in grid]
    ok = [th for th, k in zip(grid, keys, strict=True) if f1["pipeline"][k] >= floor] or [max(grid)]
    best = max(ok, key=lambda th: f1["rules_silenced"][f"with (threshold {th})"])
    summary = {
        name: {k: {x: v[FAMILY][x] for x in ("precision", "recall", "f1")} for k, v in runs.items()}
        for name, runs in table.items()
    }
    return best, summary


def _run(
    ex: Extractor,
    docs: list[LabelledDoc],
    reader: Callable[..., None] | None,
    loose: bool = True,
) -> list[dict[str, Any]]:
    """The records of ``docs`` with the learned stage ``reader`` (none: no learned stage), and
    without the loose fallback unless ``loose``."""
    changes: dict[tuple[str, str], Callable[..., None] | None] = {("learned", FAMILY): reader}
    if not loose:
        changes["loose", FAMILY] = None
    with fallbacks.readings(changes):
        return [r for d in docs for r in ex.records(d.doc, d.article)]


@contextmanager
def rules_silenced(on: bool) -> Iterator[None]:
    """While on, the mediation rules find as before (the parties they infer from it too) but
    record nothing: what the fallbacks read alone, in sentences no rule reads."""
    if not on:
        yield
        return
    emit = Mediation._emit
    Mediation._emit = lambda self: None  # type: ignore[method-assign]
    try:
        yield
    finally:
        Mediation._emit = emit  # type: ignore[method-assign]


def relation_loso(
    ex: Extractor,
    docs: list[LabelledDoc],
    rows: list[Row],
    groups: list[str],
    n_features: int,
    c: float,
    thresholds: list[float | None],
    loose: bool = True,
) -> dict[str, Any]:
    """Rules (+ detector + loose fallbacks) without and with the reader trained without each
    set, pooled over the sets: P/R/F1 per family; with each of ``thresholds`` (``None``: the
    one the model chose by leave-one-set-out over the other sets)."""
    docs = [d for d in docs if d.source in groups]
    gold = [r for d in docs for r in d.gold]
    runs: dict[str, list[dict[str, Any]]] = {"without": _run(ex, docs, None)}
    if not loose:
        runs["without (no loose)"] = _run(ex, docs, None, loose=False)
    with tempfile.TemporaryDirectory() as tmp:
        models = {
            g: train(
                [r for r in rows if r.group != g], [x for x in groups if x != g], n_features, c
            )
            for g in groups
        }
        for th in thresholds:
            pred: list[dict[str, Any]] = []
            for g, model in models.items():
                if th is not None:
                    w, b = model.weights[:, 0], float(model.bias[0])
                    model = _model(model.n_features, w, b, th, model.training)
                path = Path(tmp) / f"without-{g}.npz"
                model.save(path)
                rm.use_model(path)
                try:
                    pred += _run(ex, [d for d in docs if d.source == g], rm.read, loose)
                finally:
                    rm.use_model(None)
            runs[f"with (threshold {'LOSO' if th is None else th})"] = pred
    out = {}
    for name, pred in runs.items():
        fam = score_gold(pred, gold)
        out[name] = {f: fam[f].to_dict() for f in FAMILIES_SHOWN if f in fam}
    return out


def _prf(family: str, d: dict[str, Any]) -> str:
    counts = f"({d['tp']} {d['fp']} {d['fn']})"
    return f"{family} {d['precision']:.3f}/{d['recall']:.3f}/{d['f1']:.3f} {counts}"


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("sets", nargs="+", type=Path, help="annotated set directories")
    ap.add_argument("--out", type=Path, default=rm.DEFAULT_MODEL)
    ap.add_argument("--C", type=float, default=0.1, help="inverse L2 strength")
    ap.add_argument("--n-features", type=int, default=2**16)
    ap.add_argument("--bank", type=Path, default=BANK, help="extraction bank directory")
    ap.add_argument("--no-bank", action="store_true")
    ap.add_argument("--bank-weight", type=float, default=0.5)
    ap.add_argument(
        "--loso", action="store_true", help="measure at relation level, no model written"
    )
    ap.add_argument(
        "--thresholds", type=float, nargs="*", default=[], help="with --loso: thresholds to try too"
    )
    ap.add_argument(
        "--grid",
        type=float,
        nargs="+",
        default=[0.0, 0.5, 1.0, 1.5, 2.0, 2.5],
        help="the thresholds the model's is chosen among",
    )
    ap.add_argument(
        "--max-cost",
        type=float,
        default=0.005,
        help="the most mediates F1 the reader may cost the whole pipeline (leave one set out)",
    )
    ap.add_argument(
        "--without-rules",
        action="store_true",
        help="with --loso: the mediation rules record nothing (the fallbacks read alone)",
    )
    ap.add_argument(
        "--no-loose", action="store_true", help="with --loso: the reader without the loose fallback"
    )
    ap.add_argument(
        "--missed", action="store_true", help="list the gold mediators not among the candidates"
    )
    args = ap.parse_args(argv)
    t0 = time.process_time()
    ex = Extractor(n_process=1)
    _bank_weight[0] = args.bank_weight
    docs = load(ex, args.sets, None if args.no_bank else args.bank)
    col = collect(ex, docs, args.n_features)
    rows, groups = col.rows, [d.name for d in args.sets]
    pos = sum(r.label for r in rows)
    print(
        f"candidates {len(rows)} (positives {pos}; left to the reader "
        f"{sum(r.learned for r in rows)}, positives {sum(r.label for r in rows if r.learned)}); "
        f"candidate recall {col.recall.line(False)}, in the reader's sentences "
        f"{col.recall.line(True)}"
    )
    if args.missed:
        print(
            "\n".join(
                f"{'reader' if lr else 'rules '} {w}" for f, lr, w in col.recall.seen if not f
            )
        )
    if not pos or pos == len(rows):
        sys.exit("nothing to learn from")
    if args.loso:
        ths = [None, *args.thresholds]
        with rules_silenced(args.without_rules):
            measured = relation_loso(
                ex, docs, rows, groups, args.n_features, args.C, ths, loose=not args.no_loose
            )
        for name, fams in measured.items():
            print(f"{name:26}", "  ".join(_prf(f, fams[f]) for f in FAMILIES_SHOWN if f in fams))
    else:
        th, table = choose_threshold(
            ex, docs, rows, groups, args.n_features, args.C, args.grid, args.max_cost
        )
        model = train(rows, groups, args.n_features, args.C, th)
        model.training["relations_leave_one_set_out"] = table
        model.training["threshold_rule"] = (
            f"best mediates F1 with the rules silenced among thresholds {args.grid} costing the "
            f"whole pipeline at most {args.max_cost} F1 (leave one set out)"
        )
        model.save(args.out)
        for name, runs in table.items():
            for k, v in runs.items():
                prf_ = f"{v['precision']:.3f}/{v['recall']:.3f}/{v['f1']:.3f}"
                print(f"{name:15} {k:26} mediates {prf_}")
        print(f"threshold {float(model.thresholds[0]):+.2f}")
        print(f"wrote {args.out} ({args.out.stat().st_size / 1e3:.0f} kB)")
    print(f"CPU {time.process_time() - t0:.0f} s")


if __name__ == "__main__":
    main()
