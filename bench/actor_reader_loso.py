"""A learned keep/drop decision over a document's actors, measured by leave-one-set-out.

    .venv/bin/python bench/actor_reader_loso.py /work/data/dev/{D,P,Q,R,S,T,U,X,Y} \
        --extra examples/extraction-bank /tmp/probe-16 /tmp/probe-17

Issue 19A asked whether a model that decides again which named actors are the document's
(the rules' choice is :func:`.acting.acting_actors`) measures better than the rules. The
candidates are the actors the document names that no record uses (a relation's end, a
statement's speaker, a party are always kept); each is described by hashed features of how its
mentions stand in the parse (the rules' own decision, the mention's kind, NER label,
dependency and head lemma, the word before, the name's last word, place / passing / brief /
in a quotation, how many sentences name it and how early, and the parse path to the
sentence's root with :mod:`.reader_features`). Every set's articles are extracted by the real
pipeline (rules, detector, fallbacks) with every actor kept (:func:`keeping_every_actor`
wraps ``DocContext.keep_actors``, where the rules' choice is applied; the product has no hook);
a candidate is a positive when one of its names is a required gold actor's (left out when only
an optional one's). One L2 logistic regression (liblinear, balanced classes); each set's
candidates are scored by a model trained without it (``--extra`` banks always in training),
and the threshold is the one of the best pooled actor F1 (the project's scorer, every actor of
the documents counted). Prints per set and pooled the rules' and the model's actor P/R/F1, and
the ceiling: the candidates kept exactly where the gold has them.

Measured 2026-12-03 (issue 19A, see docs/extraction.md): no better than the rules, so no model
ships.
"""

from __future__ import annotations

import argparse
import contextlib
import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
from actorgraph.ingest.articles import read_article_file
from actorgraph.ingest.evaluate import PRF, score_gold
from actorgraph.ingest.extract import Extractor
from actorgraph.ingest.extract.acting import acts, lead_of, record_actors
from actorgraph.ingest.extract.bank import load_bank
from actorgraph.ingest.extract.context import DocContext
from actorgraph.ingest.extract.normalize import name_key
from actorgraph.ingest.extract.reader_features import MODALS, path, value
from actorgraph.ingest.extract.tokens import span_root
from scipy import sparse
from spacy.strings import get_string_id  # type: ignore[attr-defined]

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from actorgraph.ingest.extract.mentions import Mention


def _bucket(n: int, edges: tuple[int, ...]) -> str:
    """The first edge ``n`` is below, as a label ("<2", "<4", ">=4")."""
    return next((f"<{e}" for e in edges if n < e), f">={edges[-1]}")


def _mention_features(ctx: DocContext, m: Mention) -> list[str]:
    """The features of one mention: how it stands in its sentence."""
    doc = ctx.doc
    root = span_root(doc, m.start, m.end)
    lead = lead_of(root)
    head = lead.head
    prev = doc[m.start - 1] if m.start > 0 else None
    last = doc[m.end - 1]
    dep = lead.dep_ if head.i != lead.i else "ROOT"
    feats = [
        f"kind={m.kind}",
        f"label={m.label}",
        f"dep={dep}",
        f"dep|head={dep}|{head.lemma_.lower()}",
        f"dep|headpos={dep}|{head.pos_}",
        f"kind|dep={m.kind}|{dep}",
        f"label|dep={m.label}|{dep}",
        f"prev={prev.lower_ if prev is not None else '<start>'}",
        f"prev|label={prev.lower_ if prev is not None else '<start>'}|{m.label}",
        f"last={last.lemma_.lower() if not last.ent_type_ else last.ent_type_ + ':' + last.shape_}",
        f"lastword={last.lower_}",
        f"words={_bucket(m.end - m.start, (2, 3, 5))}",
        f"sent={_bucket(ctx.sent_of[m.start], (1, 2, 4, 8))}",
    ]
    anchor = ctx.sents[ctx.sent_of[m.start]].root
    steps, meet = path(root, anchor)
    feats += [
        f"path={steps}",
        f"path-anchor={steps}|{value(anchor)}",
        f"path-meet={steps}|{value(meet)}",
        f"value-dep={value(root)}|{root.dep_}",
        f"anchor={value(anchor)}",
    ]
    for t in (root, *root.ancestors):
        for child in t.children:
            if child.dep_ == "neg":
                feats.append("negated")
            elif child.dep_ == "aux" and child.lemma_.lower() in MODALS:
                feats.append("modal")
    if head.dep_ == "prep" or dep == "pobj":
        feats.append(f"prep|owner={head.lower_}|{head.head.pos_}")
    if m.place:
        feats.append("place")
    if m.passing:
        feats.append("passing")
    if m.brief:
        feats.append("brief")
    if ctx.in_quote(m.start) is not None:
        feats.append("quote")
    if acts(ctx, m):
        feats.append("acts")
        feats.append(f"acts|kind={m.kind}")
    return feats


def candidate_features(ctx: DocContext, kept: set[str]) -> dict[str, list[str]]:
    """Every actor the document names that no record uses, with its feature strings
    (``kept``: the rules' decision, :func:`.acting.acting_actors`)."""
    forced = record_actors(ctx)
    by_actor: dict[str, set[str]] = defaultdict(set)
    sents: dict[str, set[int]] = defaultdict(set)
    for m in ctx.mentions:
        if m.actor is None or m.actor in forced or m.actor not in ctx.first_seen:
            continue
        by_actor[m.actor].update(_mention_features(ctx, m))
        if m.kind in ("name", "metonym") and not m.place:
            sents[m.actor].add(ctx.sent_of[m.start])
    out: dict[str, list[str]] = {}
    for aid in ctx.first_seen:
        if aid in forced:
            continue
        entry = ctx.dict.entries.get(aid)
        feats = by_actor.get(aid) or {"no-mention"}
        feats.add(f"rule={aid in kept}")
        feats.add(f"named={_bucket(len(sents.get(aid, ())), (1, 2, 3, 5))}")
        if entry is not None:
            feats.add(f"type={entry.type}")
            feats.add(f"origin={entry.origin}")
            feats.add(f"type|rule={entry.type}|{aid in kept}")
        out[aid] = sorted(feats)
    return out


def hashed(features: list[str], n_features: int) -> np.ndarray:
    """The slots of feature strings, by spaCy's fixed string hash (sorted, unique)."""
    ids = np.array([get_string_id(f"actors:{f}") for f in features], dtype=np.uint64)
    return np.unique((ids % np.uint64(n_features)).astype(np.int64))


#: the actors a gold file names: its required names, and the names of optional ones only
GoldNames = tuple[set[str], set[str]]


@dataclass
class Article:
    """One article's records with every actor kept, its candidates, and its gold."""

    records: list[dict[str, Any]]
    gold: list[dict[str, Any]]
    kept: set[str]  # the rules' choice among the candidates
    features: dict[str, list[str]]  # candidate -> feature strings


@dataclass
class SetData:
    name: str
    articles: list[Article] = field(default_factory=list)


def _gold_names(gold: list[dict[str, Any]]) -> GoldNames:
    required: set[str] = set()
    optional: set[str] = set()
    for r in gold:
        if r.get("kind") != "actor":
            continue
        names = {name_key(r["name"]), *(name_key(a) for a in r.get("aliases") or [])}
        (optional if r.get("optional") else required).update(names - {""})
    return required, optional - required


def label(record: dict[str, Any], gold: GoldNames) -> int | None:
    """1 where one of the actor's names is a required gold actor's, None where only an optional
    one's, else 0."""
    names = {name_key(record["name"]), *(name_key(a) for a in record.get("aliases") or [])}
    if names & gold[0]:
        return 1
    return None if names & gold[1] else 0


class _Recorder:
    """Keeps every actor of each document, with the candidates' features and the rules'
    choice (called with the document's context and the actors the rules keep)."""

    def __init__(self) -> None:
        self.seen: list[tuple[set[str], dict[str, list[str]]]] = []

    def __call__(self, ctx: DocContext, kept: set[str]) -> set[str]:
        self.seen.append((set(kept), candidate_features(ctx, kept)))
        return set(ctx.first_seen)


def _read(extractor: Extractor, name: str, docs: list[tuple[list[dict[str, Any]], Any]]) -> SetData:
    """Each document's records (from ``docs``: a thunk extracting it, and its gold)."""
    out = SetData(name)
    recorder = _Recorder()
    with keeping_every_actor(recorder):
        for gold, extract in docs:
            records = extract()
            kept, feats = recorder.seen.pop()
            out.articles.append(Article(records, gold, kept, feats))
    return out


@contextlib.contextmanager
def keeping_every_actor(decide: Callable[[DocContext, set[str]], set[str]]) -> Iterator[None]:
    """Within the block, the actors the rules keep in a document (in-process extraction
    only) go through ``decide``, which returns the actors to keep."""
    rules = DocContext.keep_actors

    def keep(ctx: DocContext, kept: set[str]) -> None:
        rules(ctx, decide(ctx, kept))

    DocContext.keep_actors = keep  # type: ignore[method-assign]
    try:
        yield
    finally:
        DocContext.keep_actors = rules  # type: ignore[method-assign]


def read_set(extractor: Extractor, set_dir: Path) -> SetData:
    """Extract a set's articles, every actor kept, with the candidates' features."""
    docs = []
    for p in sorted((set_dir / "articles").glob("*.txt")):
        article = read_article_file(p)
        gold_path = set_dir / "gold" / f"{article.id}.gold.jsonl"
        gold = [json.loads(x) for x in gold_path.read_text().splitlines() if x.strip()]
        docs.append((gold, lambda a=article: list(extractor.records(extractor.nlp(a.text), a))))
    return _read(extractor, set_dir.name, docs)


def read_bank(extractor: Extractor, path: Path) -> SetData:
    """The cases of a test bank's families scored on actors (each lists all of its actors);
    a case is an article."""
    docs = []
    for fam in load_bank(path):
        if "actors" not in fam.scores:
            continue
        for n, case in enumerate(fam.cases):
            doc_id = f"{fam.family}-{n + 1}"
            docs.append(
                (
                    case.gold(),
                    lambda c=case, d=doc_id: extractor.extract_text(
                        c.text, doc_id=d, published=c.date
                    ),
                )
            )
    return _read(extractor, path.name, docs)


def _actor_prf(articles: list[Article], chosen: list[set[str]]) -> PRF:
    """The scorer's actor figures where each article keeps, of its candidates, ``chosen``."""
    pred: list[dict[str, Any]] = []
    gold: list[dict[str, Any]] = []
    for a, keep in zip(articles, chosen, strict=True):
        pred += [
            r
            for r in a.records
            if r.get("kind") != "actor" or r["id"] not in a.features or r["id"] in keep
        ]
        gold += a.gold
    return score_gold(pred, gold)["actors"]


@dataclass
class Rows:
    """The candidates of some articles as a matrix, with labels and where they come from."""

    x: sparse.csr_matrix
    y: np.ndarray  # 1, 0, or -1 (left out)
    article: list[tuple[int, str]]  # (index of the article, candidate)


def rows(articles: list[Article], n_features: int) -> Rows:
    data: list[np.ndarray] = []
    ys: list[int] = []
    where: list[tuple[int, str]] = []
    for k, a in enumerate(articles):
        by_id = {r["id"]: r for r in a.records if r.get("kind") == "actor"}
        names = _gold_names(a.gold)
        for aid, feats in sorted(a.features.items()):
            if aid not in by_id:
                continue
            lab = label(by_id[aid], names)
            data.append(hashed(feats, n_features))
            ys.append(-1 if lab is None else lab)
            where.append((k, aid))
    indptr = np.concatenate([[0], np.cumsum([len(r) for r in data])])
    indices = np.concatenate(data) if data else np.zeros(0, dtype=np.int64)
    x = sparse.csr_matrix(
        (np.ones(len(indices)), indices.astype(np.int32), indptr.astype(np.int32)),
        shape=(len(data), n_features),
    )
    return Rows(x, np.array(ys), where)


def fit(x: sparse.csr_matrix, y: np.ndarray, c: float) -> tuple[np.ndarray, float]:
    from sklearn.linear_model import LogisticRegression

    use = y >= 0
    m = LogisticRegression(C=c, class_weight="balanced", max_iter=2000, solver="liblinear")
    m.fit(x[use], y[use])
    return m.coef_[0].astype(np.float32), float(m.intercept_[0])


def chosen(
    articles: list[Article], r: Rows, scores: np.ndarray, threshold: float
) -> list[set[str]]:
    keep: list[set[str]] = [set() for _ in articles]
    for (k, aid), s in zip(r.article, scores, strict=True):
        if s > threshold:
            keep[k].add(aid)
    return keep


def loso(
    sets: list[SetData], n_features: int, c: float, extra: tuple[SetData, ...] = ()
) -> dict[str, Any]:
    """Each set's candidates scored by a model trained without it (``extra``: always in
    training); the threshold of the best pooled actor F1 over the sets; the rules' and the
    model's figures, per set and pooled."""
    per: dict[str, tuple[list[Article], Rows, np.ndarray]] = {}
    for s in sets:
        others = [a for o in [*sets, *extra] if o is not s for a in o.articles]
        train = rows(others, n_features)
        w, b = fit(train.x, train.y, c)
        mine = rows(s.articles, n_features)
        per[s.name] = (s.articles, mine, mine.x @ w + b)
    grid = np.unique(np.round(np.concatenate([sc for _, _, sc in per.values()]), 2))
    best, best_f1 = 0.0, -1.0
    for t in grid[::-1]:
        arts = [a for arts, _, _ in per.values() for a in arts]
        keep = [k for arts, r, sc in per.values() for k in chosen(arts, r, sc, t - 1e-6)]
        f1 = _actor_prf(arts, keep).f1
        if f1 > best_f1:
            best, best_f1 = float(t - 1e-6), f1
    report: dict[str, Any] = {"threshold": round(best, 4), "sets": {}}
    all_arts: list[Article] = []
    rule_keep: list[set[str]] = []
    model_keep: list[set[str]] = []
    for name, (arts, r, sc) in per.items():
        rk = [a.kept & set(a.features) for a in arts]
        mk = chosen(arts, r, sc, best)
        report["sets"][name] = {
            "rules": _actor_prf(arts, rk).to_dict(),
            "reader": _actor_prf(arts, mk).to_dict(),
        }
        all_arts += arts
        rule_keep += rk
        model_keep += mk
    report["pooled"] = {
        "rules": _actor_prf(all_arts, rule_keep).to_dict(),
        "reader": _actor_prf(all_arts, model_keep).to_dict(),
    }
    return report


def ceiling(arts: list[Article], n_features: int) -> PRF:
    """The actor figures where each candidate is kept exactly when the gold has it."""
    r = rows(arts, n_features)
    keep: list[set[str]] = [set() for _ in arts]
    for (k, aid), y in zip(r.article, r.y, strict=True):
        if y == 1:
            keep[k].add(aid)
    return _actor_prf(arts, keep)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("sets", nargs="+", type=Path, help="annotated set directories")
    ap.add_argument(
        "--extra", nargs="*", type=Path, default=[], help="test banks, always trained on"
    )
    ap.add_argument("--C", type=float, default=0.03, help="inverse L2 strength")
    ap.add_argument("--n-features", type=int, default=2**14)
    args = ap.parse_args(argv)
    extractor = Extractor(n_process=1)
    sets = [read_set(extractor, d) for d in args.sets]
    extra = tuple(read_bank(extractor, p) for p in args.extra)
    report = loso(sets, args.n_features, args.C, extra)
    for name, e in [*report["sets"].items(), ("pooled", report["pooled"])]:
        ru, re_ = e["rules"], e["reader"]
        print(
            f"{name:7} rules P {ru['precision']:.3f} R {ru['recall']:.3f} F1 {ru['f1']:.3f}"
            f"  model P {re_['precision']:.3f} R {re_['recall']:.3f} F1 {re_['f1']:.3f}"
        )
    arts = [a for s in sets for a in s.articles]
    n = sum(len(a.features) for a in arts)
    print(f"threshold {report['threshold']:+.3f}; {n} candidates in {len(arts)} articles")
    print(f"ceiling {ceiling(arts, args.n_features)}")


if __name__ == "__main__":
    main()
