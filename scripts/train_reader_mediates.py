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
import json
import sys
import tempfile
import time
from contextlib import contextmanager
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
from actorgraph.ingest.articles import Article, read_article_file
from actorgraph.ingest.evaluate import score_gold
from actorgraph.ingest.extract import Extractor, fallbacks
from actorgraph.ingest.extract import reader_mediates as rm
from actorgraph.ingest.extract.bank import load_bank
from actorgraph.ingest.extract.mediation import Mediation
from actorgraph.ingest.extract.detector_labels import words
from actorgraph.ingest.extract.mediator_features import candidate_strings, hashed
from actorgraph.ingest.extract.normalize import name_key
from scipy import sparse

if TYPE_CHECKING:
    from actorgraph.ingest.extract.context import DocContext
    from actorgraph.ingest.extract.parties import Parties
    from spacy.tokens import Doc, Span

FAMILY = "mediates"
#: the bank's cases: always in training, never held out
BANK_GROUP = "bank"
#: the families a relation-level measure prints
FAMILIES_SHOWN = ("mediates", "actors", "speaks_for", "rejects", "demands")
BANK = Path(__file__).resolve().parent.parent / "examples" / "extraction-bank"
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
class Document:
    """A parsed article with its gold (a bank case: every sentence is read, and a relation
    without evidence is evidenced by each)."""

    group: str
    article: Article
    doc: Doc
    gold: list[dict[str, Any]]
    every_sentence: bool = False


@dataclass
class Recall:
    """Candidate recall: the gold mediators of the collected sentences, each with whether it is
    among the candidates and whether the sentence is left to the reader."""

    seen: list[tuple[bool, bool, str]] = field(default_factory=list)

    def line(self, learned_only: bool) -> str:
        items = [found for found, learned, _ in self.seen if learned or not learned_only]
        return f"{sum(items)}/{len(items)}"


def load_sets(ex: Extractor, set_dirs: list[Path]) -> list[Document]:
    """Every article of the sets, parsed once, with its gold records."""
    out: list[Document] = []
    for d in set_dirs:
        articles = [read_article_file(p) for p in sorted((d / "articles").glob("*.txt"))]
        for article, doc in zip(articles, ex.nlp.pipe(a.text for a in articles), strict=True):
            path = d / "gold" / f"{article.id}.gold.jsonl"
            gold = [json.loads(x) for x in path.read_text().splitlines() if x.strip()]
            out.append(Document(d.name, article, doc, gold))
    return out


def load_bank_cases(ex: Extractor, path: Path) -> list[Document]:
    """The cases of the bank's files scored on mediation, parsed, as documents of the group
    ``bank`` (near misses: cases without a mediation). A case's relations name no sentence:
    in a case of several, a candidate is labelled by its own name only (not by whom it speaks
    for: "Qatar mediates. The Qatari PM visited Paris" makes no mediator of the PM)."""
    cases = [c for f in load_bank(path) if FAMILY in f.scores for c in f.cases]
    out = []
    for n, (case, doc) in enumerate(zip(cases, ex.nlp.pipe(c.text for c in cases), strict=True)):
        article = Article(
            id=f"bank-{n}", title=case.text[:60], text=case.text, url=None,
            published=case.date.isoformat() if case.date else None, file=None,
        )
        out.append(Document(BANK_GROUP, article, doc, case.gold(), every_sentence=True))
    return out


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
        if r.get("kind") == "relation" and r.get("type") == FAMILY:
            if _in_sentence(text, str(r.get("evidence") or "")):
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
        self.current: Document | None = None

    def __call__(self, ctx: DocContext, parties: Parties, flagger: Any, families: Any = None) -> int:
        d = self.current
        assert d is not None and self.ex.flagger is not None
        flags = self.ex.flagger(ctx)
        start = len(self.rows)
        gnames = _gold_names(d.gold)
        read: dict[int, tuple[list[Row], list[tuple[bool, str]]]] = {}
        for k, sent in enumerate(ctx.sents):
            req, opt = _mediators_of(d.gold, sent)
            if FAMILY in flags.get(k, ()) or req or opt or d.every_sentence:
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
        several = d.every_sentence and len(ctx.sents) > 1
        for m in found:
            actors = [m.actor or ""] + ([] if several else rm.principals_of(ctx, parties, m))
            names = {name_key(m.text)} | {
                name_key(n) for a in actors for n in ctx.dict.names_of(a) | ctx.surfaces.get(a, set())
            }
            names |= {name_key(a.replace("-", " ")) for a in actors}
            hit = {g for g in req | opt if gnames.get(g, {name_key(g)}) & names}
            matched |= hit & req
            if hit and not hit & req:
                continue  # only optional gold names it
            strings = candidate_strings(ctx, parties, sent, k, m, len(found))
            feats = hashed(strings, self.n_features)
            rows.append(Row(d.group, d.article.id, k, m.actor or "", feats, int(bool(hit))))
        self.rows += rows
        golds = [(g in matched, f"{d.group}/{d.article.id}: {g} | {sent.text[:100]}") for g in sorted(req)]
        return rows, golds


def collect(ex: Extractor, docs: list[Document], n_features: int) -> Collector:
    """The labelled candidates of every document (see the module docstring)."""
    from actorgraph.ingest.extract import analysis

    col = Collector(ex, n_features)
    run = analysis.run_fallbacks
    reader = fallbacks.registered().get(("learned", FAMILY))
    try:
        analysis.run_fallbacks = col
        fallbacks._FALLBACKS.pop(("learned", FAMILY), None)  # the stages before the reader
        for d in docs:
            col.current = d
            list(ex.records(d.doc, d.article))
    finally:
        analysis.run_fallbacks = run
        if reader is not None:
            fallbacks._FALLBACKS[("learned", FAMILY)] = reader
    return col


def _matrix(rows: list[Row], n_features: int) -> sparse.csr_matrix:
    indptr = np.concatenate([[0], np.cumsum([len(r.features) for r in rows])])
    indices = np.concatenate([r.features for r in rows]) if rows else np.zeros(0, np.int64)
    m = sparse.csr_matrix(
        (np.ones(len(indices)), indices.astype(np.int32), indptr.astype(np.int32)),
        shape=(len(rows), n_features),
    )
    return m


#: the weight of a bank case's candidate against an article's (``--bank-weight``)
_bank_weight = [0.5]


def fit(rows: list[Row], n_features: int, c: float) -> tuple[np.ndarray, float]:
    """Weights and bias of an L2 logistic regression over ``rows``."""
    from sklearn.linear_model import LogisticRegression

    y = np.array([r.label for r in rows])
    w = np.array([_bank_weight[0] if r.group == BANK_GROUP else 1.0 for r in rows])
    model = LogisticRegression(C=c, class_weight="balanced", max_iter=2000, solver="liblinear")
    model.fit(_matrix(rows, n_features), y, sample_weight=w)
    return model.coef_[0].astype(np.float32), float(model.intercept_[0])


def best_f1_threshold(scores: np.ndarray, y: np.ndarray) -> tuple[float, dict[str, float]]:
    """The threshold of the best F1 over candidates, and P/R/F1 there."""
    order = np.argsort(-scores, kind="stable")
    s, yy = scores[order], y[order]
    tp, fp = np.cumsum(yy), np.cumsum(1 - yy)
    p, r = tp / np.maximum(tp + fp, 1), tp / max(int(yy.sum()), 1)
    f = 2 * p * r / np.maximum(p + r, 1e-9)
    i = int(np.argmax(f))
    t = float((s[i] + s[i + 1]) / 2) if i + 1 < len(s) else float(s[i] - 1e-6)
    return t, {"precision": round(float(p[i]), 3), "recall": round(float(r[i]), 3), "f1": round(float(f[i]), 3)}


def loso_scores(
    rows: list[Row], groups: list[str], n_features: int, c: float
) -> tuple[np.ndarray, np.ndarray]:
    """Each candidate of ``groups`` scored by a model trained without its group."""
    scores, truth = [], []
    for g in groups:
        train = [r for r in rows if r.group != g]
        held = [r for r in rows if r.group == g]
        if not held:
            continue
        w, b = fit(train, n_features, c)
        scores.append(np.array([w[r.features].sum() + b for r in held]))
        truth.append(np.array([r.label for r in held]))
    return np.concatenate(scores), np.concatenate(truth)


def train(
    rows: list[Row], groups: list[str], n_features: int, c: float, threshold: float | None = None
) -> rm.MediatorModel:
    """The model on every row; its threshold ``threshold``, else the best F1 over candidates
    by leave-one-set-out."""
    sc, y = loso_scores(rows, groups, n_features, c)
    best, at = best_f1_threshold(sc, y)
    w, b = fit(rows, n_features, c)
    training = {
        "sources": sorted({r.group for r in rows}),
        "candidates": len(rows),
        "positives": int(sum(r.label for r in rows)),
        "C": c,
        "bank_weight": _bank_weight[0],
        "candidates_leave_one_set_out": at,
        "note": "weights of hashed parse features; no text",
    }
    return rm.MediatorModel(n_features, w, b, best if threshold is None else threshold, training)


def choose_threshold(
    ex: Extractor,
    docs: list[Document],
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
    f1 = {
        name: {k: v[FAMILY]["f1"] for k, v in runs.items()} for name, runs in table.items()
    }
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
    docs: list[Document],
    reader: Callable[..., None] | None,
    loose: bool = True,
) -> list[dict[str, Any]]:
    """The records of ``docs`` with the learned stage ``reader`` (none: no learned stage), and
    without the loose fallback unless ``loose``."""
    saved = fallbacks.registered()
    try:
        if reader is None:
            fallbacks._FALLBACKS.pop(("learned", FAMILY), None)
        else:
            fallbacks._FALLBACKS[("learned", FAMILY)] = reader
        if not loose:
            fallbacks._FALLBACKS.pop(("loose", FAMILY), None)
        return [r for d in docs for r in ex.records(d.doc, d.article)]
    finally:
        fallbacks._FALLBACKS.clear()
        fallbacks._FALLBACKS.update(saved)


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
    docs: list[Document],
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
    docs = [d for d in docs if d.group in groups]
    gold = [r for d in docs for r in d.gold]
    runs: dict[str, list[dict[str, Any]]] = {"without": _run(ex, docs, None)}
    if not loose:
        runs["without (no loose)"] = _run(ex, docs, None, loose=False)
    with tempfile.TemporaryDirectory() as tmp:
        models = {
            g: train([r for r in rows if r.group != g], [x for x in groups if x != g], n_features, c)
            for g in groups
        }
        for th in thresholds:
            pred: list[dict[str, Any]] = []
            for g, model in models.items():
                if th is not None:
                    model = rm.MediatorModel(model.n_features, model.weights, model.bias, th, model.training)
                path = Path(tmp) / f"without-{g}.npz"
                model.save(path)
                rm.use_model(path)
                try:
                    pred += _run(ex, [d for d in docs if d.group == g], rm.read, loose)
                finally:
                    rm.use_model(None)
            runs[f"with (threshold {'LOSO' if th is None else th})"] = pred
    out = {}
    for name, pred in runs.items():
        fam = score_gold(pred, gold)
        out[name] = {f: fam[f].to_dict() for f in FAMILIES_SHOWN if f in fam}
    return out


def _prf(family: str, d: dict[str, Any]) -> str:
    return f"{family} {d['precision']:.3f}/{d['recall']:.3f}/{d['f1']:.3f} ({d['tp']} {d['fp']} {d['fn']})"


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("sets", nargs="+", type=Path, help="annotated set directories")
    ap.add_argument("--out", type=Path, default=rm.DEFAULT_MODEL)
    ap.add_argument("--C", type=float, default=0.1, help="inverse L2 strength")
    ap.add_argument("--n-features", type=int, default=2**16)
    ap.add_argument("--bank", type=Path, default=BANK, help="extraction bank directory")
    ap.add_argument("--no-bank", action="store_true")
    ap.add_argument("--bank-weight", type=float, default=0.5)
    ap.add_argument("--loso", action="store_true", help="measure at relation level, no model written")
    ap.add_argument(
        "--thresholds", type=float, nargs="*", default=[], help="with --loso: thresholds to try too"
    )
    ap.add_argument(
        "--grid", type=float, nargs="+", default=[-0.5, 0.0, 0.5, 1.0, 1.5, 2.0, 2.5, 3.0],
        help="the thresholds the model's is chosen among",
    )
    ap.add_argument(
        "--max-cost", type=float, default=0.005,
        help="the most mediates F1 the reader may cost the whole pipeline (leave one set out)",
    )
    ap.add_argument(
        "--without-rules",
        action="store_true",
        help="with --loso: the mediation rules record nothing (the fallbacks read alone)",
    )
    ap.add_argument("--no-loose", action="store_true", help="with --loso: the reader without the loose fallback")
    ap.add_argument("--missed", action="store_true", help="list the gold mediators not among the candidates")
    args = ap.parse_args(argv)
    t0 = time.process_time()
    ex = Extractor(n_process=1)
    _bank_weight[0] = args.bank_weight
    docs = load_sets(ex, args.sets)
    if not args.no_bank:
        docs += load_bank_cases(ex, args.bank)
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
        print("\n".join(f"{'reader' if lr else 'rules '} {w}" for f, lr, w in col.recall.seen if not f))
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
                print(f"{name:15} {k:26} mediates {v['precision']:.3f}/{v['recall']:.3f}/{v['f1']:.3f}")
        print(f"threshold {model.threshold:+.2f}")
        print(f"wrote {args.out} ({args.out.stat().st_size / 1e3:.0f} kB)")
    print(f"CPU {time.process_time() - t0:.0f} s")


if __name__ == "__main__":
    main()
