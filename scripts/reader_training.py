"""What every learned model of extraction is trained from: labelled documents, parsed once,
leave-one-set-out, an L2 logistic regression, and the model file.

Labelled documents (:class:`LabelledDoc`) come from

* the extraction bank (``examples/extraction-bank``, with its ``opt-in`` cases): one document
  per case, its gold the case's expected records (:meth:`Case.gold`), scored on its file's
  relation families (a case that lists none of a family is a near miss of it);
* PLOVER dev (``examples/plover/plover-gsr-dev.jsonl``): one document per event, its event and
  source actors in :attr:`LabelledDoc.meta`, no gold records;
* annotated set directories (``SET/articles/*.txt``, ``SET/gold/*.gold.jsonl``), whose gold
  relations cite their evidence sentence.

Each text is parsed once by extraction's own pipeline; :func:`read_flagged` then runs the real
extraction on the parsed documents and hands a reader's candidates, sentence by sentence, to
the caller (the rules, the loose fallbacks, then the caller at the learned stage). The models
(the sentence detector, ``scripts/train_detector.py``, and the readers) are fitted by :func:`fit`
and thresholded by :func:`best_threshold` over the scores :func:`leave_one_set_out` gives.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
from actorgraph.ingest.articles import Article, read_article_file
from actorgraph.ingest.extract import fallbacks
from actorgraph.ingest.extract.bank import load_bank
from actorgraph.ingest.extract.detector_labels import evidence_families
from actorgraph.ingest.extract.fallbacks import FAMILIES
from actorgraph.ingest.extract.linear_model import LinearModel
from scipy import sparse

if TYPE_CHECKING:
    from actorgraph.ingest.extract import Extractor
    from actorgraph.ingest.extract.context import DocContext
    from actorgraph.ingest.extract.parties import Parties
    from spacy.language import Language
    from spacy.tokens import Doc, Span

ROOT = Path(__file__).resolve().parent.parent
BANK = ROOT / "examples" / "extraction-bank"
PLOVER = ROOT / "examples" / "plover" / "plover-gsr-dev.jsonl"
PLOVER_FAMILIES = {"DEMAND": "demands", "REJECT": "rejects"}


@dataclass
class LabelledDoc:
    """One parsed text with what is known of it."""

    source: str  # "bank", "plover" or the set directory's name
    article: Article
    doc: Doc
    gold: list[dict[str, Any]] = field(default_factory=list)
    #: the relation families the document is scored on (a set's: all of them)
    scored: tuple[str, ...] = FAMILIES
    #: what else its source says (PLOVER: "event", "sources", "family")
    meta: dict[str, Any] = field(default_factory=dict)

    @property
    def sents(self) -> list[Span]:
        return list(self.doc.sents)

    def evidence(self, optional: bool = True) -> dict[int, set[str]]:
        """Sentence index -> the families whose gold relations it holds. A bank case cites no
        evidence: every sentence of a case holds its relations (a near miss: none)."""
        if self.source == "bank":
            fams = {r["type"] for r in self.gold if r.get("kind") == "relation"}
            return {k: set(fams) for k in range(len(self.sents))} if fams else {}
        return evidence_families([s.text for s in self.sents], self.gold, optional=optional)

    def relations_in(self, family: str, k: int) -> list[dict[str, Any]]:
        """The gold relations of ``family`` whose evidence is sentence ``k`` (a bank case's:
        all of them)."""
        out = []
        for rec in self.gold:
            if rec.get("kind") != "relation" or rec.get("type") != family:
                continue
            if self.source == "bank" or k in evidence_families([s.text for s in self.sents], [rec]):
                out.append(rec)
        return out

    def gold_actor(self, ref: str) -> dict[str, Any] | None:
        return next((r for r in self.gold if r.get("kind") == "actor" and r.get("id") == ref), None)

    def gold_topic(self, ref: str) -> dict[str, Any] | None:
        return next((r for r in self.gold if r.get("kind") == "topic" and r.get("id") == ref), None)


def _article(doc_id: str, text: str) -> Article:
    first = next((x.strip() for x in text.splitlines() if x.strip()), doc_id)
    return Article(id=doc_id, title=first[:200], text=text, url=None, published=None, file=None)


def _parse(nlp: Language, articles: Sequence[Article]) -> Iterator[tuple[Article, Doc]]:
    docs = nlp.pipe((a.text for a in articles), batch_size=32)
    yield from zip(articles, docs, strict=True)


def bank_docs(nlp: Language, path: Path = BANK) -> list[LabelledDoc]:
    """One document per case of the bank's files scored on a relation family."""
    dirs = [path] + [d for d in [path / "opt-in"] if d.is_dir()]  # opt-in: cases of a setting
    cases = []
    for fam in [f for d in dirs for f in load_bank(d)]:
        scored = tuple(f for f in fam.scores if f in FAMILIES)
        for n, case in enumerate(fam.cases):
            if scored:
                cases.append((f"bank-{fam.family}-{n}", case, scored))
    articles = [_article(cid, case.text) for cid, case, _ in cases]
    return [
        LabelledDoc("bank", a, doc, case.gold(), scored)
        for (_, case, scored), (a, doc) in zip(cases, _parse(nlp, articles), strict=True)
    ]


def plover_docs(nlp: Language, path: Path = PLOVER) -> list[LabelledDoc]:
    """One document per PLOVER record with text: its event, family and source texts in meta."""
    recs = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
    recs = [r for r in recs if isinstance(r.get("text"), str) and r["text"].strip()]
    articles = [_article(str(r.get("id") or f"plover-{n}"), r["text"]) for n, r in enumerate(recs)]
    out = []
    for rec, (a, doc) in zip(recs, _parse(nlp, articles), strict=True):
        event = str(rec.get("event", "")).upper()
        sources = [s.get("actorText", "") for s in rec.get("source") or [] if isinstance(s, dict)]
        meta = {"event": event, "family": PLOVER_FAMILIES.get(event), "sources": sources}
        out.append(LabelledDoc("plover", a, doc, [], tuple(PLOVER_FAMILIES.values()), meta))
    return out


def set_docs(nlp: Language, set_dir: Path) -> list[LabelledDoc]:
    """The annotated articles of a set directory with their gold records."""
    articles = [read_article_file(p) for p in sorted((set_dir / "articles").glob("*.txt"))]
    out = []
    for a, doc in _parse(nlp, articles):
        gold_path = set_dir / "gold" / f"{a.id}.gold.jsonl"
        gold = [json.loads(x) for x in gold_path.read_text().splitlines() if x.strip()]
        out.append(LabelledDoc(set_dir.name, a, doc, gold))
    return out


def load_docs(
    nlp: Language, sets: Iterable[Path], bank: Path | None = BANK, plover: Path | None = PLOVER
) -> list[LabelledDoc]:
    """The bank's, PLOVER's (each unless None) and the sets' documents, each parsed once."""
    docs: list[LabelledDoc] = []
    if bank is not None:
        docs.extend(bank_docs(nlp, bank))
    if plover is not None:
        docs.extend(plover_docs(nlp, plover))
    for s in sets:
        docs.extend(set_docs(nlp, s))
    return docs


#: what a reader does with one flagged sentence in training (the document, its context, the
#: parties, the sentence and its index)
Visit = Callable[[LabelledDoc, "DocContext", "Parties", "Span", int], None]


def read_flagged(
    ex: Extractor,
    docs: Iterable[LabelledDoc],
    family: str,
    visit: Visit,
    flagger: Callable[[LabelledDoc, DocContext], dict[int, frozenset[str]]],
) -> None:
    """Extract each document for real (rules, loose fallbacks), calling ``visit`` at the
    learned stage of ``family``, in place of its reader, on the sentences ``flagger`` flags
    that the earlier stages left without the family."""
    saved_flagger = ex.flagger
    current: list[LabelledDoc] = []

    def reading(ctx: DocContext, parties: Parties, sent: Span, k: int) -> None:
        visit(current[0], ctx, parties, sent, k)

    try:
        with fallbacks.readings({("learned", family): reading}):
            for d in docs:
                current[:] = [d]
                ex.flagger = lambda ctx, d=d: flagger(d, ctx)  # type: ignore[misc]
                for _ in ex.records(d.doc, d.article):
                    pass
    finally:
        ex.flagger = saved_flagger


def gold_flags(d: LabelledDoc, ctx: DocContext) -> dict[int, frozenset[str]]:
    """The flagger that flags the sentences a document's gold cites (a bank case: each of its
    sentences, for each family it is scored on, near misses too)."""
    if d.source == "bank":
        return {k: frozenset(d.scored) for k in range(len(ctx.sents))}
    flags = evidence_families([s.text for s in ctx.sents], d.gold)
    return {k: frozenset(v) for k, v in flags.items()}


def matrix(rows: Sequence[np.ndarray], n_features: int) -> sparse.csr_matrix:
    """Binary rows of feature indices as a sparse matrix ``(len(rows), n_features)``."""
    indptr = np.concatenate([[0], np.cumsum([len(r) for r in rows])])
    indices = np.concatenate(rows) if len(rows) else np.zeros(0, dtype=np.int64)
    data = np.ones(len(indices), dtype=np.float64)
    m = sparse.csr_matrix((data, indices.astype(np.int32), indptr.astype(np.int32)))
    m.resize((len(rows), n_features))
    return m


def fit(
    x: sparse.csr_matrix, y: np.ndarray, c: float, weight: np.ndarray | None = None
) -> tuple[np.ndarray, float]:
    """An L2 logistic regression (liblinear, balanced classes): weights and bias."""
    from sklearn.linear_model import LogisticRegression

    m = LogisticRegression(C=c, class_weight="balanced", max_iter=2000, solver="liblinear")
    m.fit(x, y, sample_weight=weight)
    return m.coef_[0].astype(np.float32), float(m.intercept_[0])


def leave_one_set_out(
    x: sparse.csr_matrix,
    y: np.ndarray,
    owner: np.ndarray,
    sets: Sequence[str],
    c: float,
    weight: np.ndarray | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """Each row of the ``sets`` scored by a model trained without its set (the rows of other
    owners, the bank and PLOVER, always in training): ``(row indices, scores)``."""
    rows, scores = [], []
    for s in sets:
        held = owner == s
        if not held.any() or len(set(y[~held].tolist())) < 2:
            continue
        w, b = fit(x[~held], y[~held], c, None if weight is None else weight[~held])
        rows.append(np.flatnonzero(held))
        scores.append(x[held] @ w + b)
    if not rows:
        return np.zeros(0, dtype=np.int64), np.zeros(0)
    return np.concatenate(rows), np.concatenate(scores)


def best_threshold(scores: np.ndarray, y: np.ndarray, beta: float = 1.0) -> float:
    """The score threshold of the best F-beta (halfway to the next lower score)."""
    order = np.argsort(-scores, kind="stable")
    s, yy = scores[order], y[order]
    tp, fp = np.cumsum(yy), np.cumsum(1 - yy)
    prec, rec = tp / np.maximum(tp + fp, 1), tp / max(int(yy.sum()), 1)
    b2 = beta * beta
    f = (1 + b2) * prec * rec / np.maximum(b2 * prec + rec, 1e-9)
    i = int(np.argmax(f))
    return float((s[i] + s[i + 1]) / 2) if i + 1 < len(s) else float(s[i] - 1e-6)


def prf(pred: np.ndarray, y: np.ndarray) -> dict[str, float | int]:
    """Precision and recall of boolean predictions against 0/1 labels, with the counts."""
    tp, fp = int((pred & (y == 1)).sum()), int((pred & (y == 0)).sum())
    fn = int((~pred & (y == 1)).sum())
    p, r = tp / max(tp + fp, 1), tp / max(tp + fn, 1)
    return {"precision": round(p, 3), "recall": round(r, 3), "tp": tp, "fp": fp, "fn": fn}


def average_precision(scores: np.ndarray, y: np.ndarray) -> float:
    """Precision averaged over the ranks of the positives (threshold-free ranking quality)."""
    yy = y[np.argsort(-scores, kind="stable")]
    hits = np.cumsum(yy)
    ranks = np.flatnonzero(yy) + 1
    return round(float((hits[ranks - 1] / ranks).mean()), 3) if len(ranks) else 0.0


def one_class_model(
    kind: str,
    features_version: int,
    cls: str,
    n_features: int,
    weights: np.ndarray,
    bias: float,
    threshold: float,
    training: dict[str, Any],
) -> LinearModel:
    """A reader's model of one class (:mod:`.linear_model`) from fitted weights."""
    return LinearModel(
        kind=kind,
        features_version=features_version,
        classes=(cls,),
        n_features=n_features,
        weights=weights.reshape(n_features, 1).astype(np.float32),
        bias=np.array([bias], dtype=np.float32),
        thresholds=np.array([threshold], dtype=np.float32),
        training=dict(training),
    )
