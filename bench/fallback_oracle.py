"""What the fallbacks of :mod:`actorgraph.ingest.extract.fallbacks` add, with a perfect, an
indiscriminate and the learned flagger.

    .venv/bin/python bench/fallback_oracle.py SET_DIR [SET_DIR ...] [--mode oracle all detector]

A set is ``SET_DIR/articles/*.txt`` with ``SET_DIR/gold/<stem>.gold.jsonl`` (the gold records
of each article, in the exchange format). Every article is extracted by the rules alone and
by the rules with each flagger asked for, in one run; a flagger marks

* ``oracle``: the sentences a gold relation of the family cites as evidence (what a perfect
  detector would flag: the fallbacks' ceiling);
* ``all``: every sentence, for every family (a detector that flags everything: the fallbacks'
  floor on precision);
* ``detector``: the sentences the learned detector flags (:mod:`.detector`, what extraction
  does by default); this mode also prints the detector's sentence precision and recall per
  family against the gold's evidence sentences.

``--mode both`` (the default) is ``oracle all``.

Prints P/R/F1 per relation family for each, and how many sentences the fallbacks read.
``--failures FAMILY`` lists, for the oracle run, the gold items of that family still missed and
the fallback's false items (development sets only).
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from actorgraph.ingest.articles import read_article_file
from actorgraph.ingest.evaluate import score_gold
from actorgraph.ingest.extract import Extractor
from actorgraph.ingest.extract.detector import DetectorFlagger
from actorgraph.ingest.extract.detector_labels import evidence_families
from actorgraph.ingest.extract.fallbacks import FAMILIES, Flagger

if TYPE_CHECKING:
    from actorgraph.ingest.extract.context import DocContext


def _gold(set_dir: Path) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {}
    for f in sorted((set_dir / "gold").glob("*.jsonl")):
        stem = f.name.split(".")[0]
        out[stem] = [json.loads(line) for line in f.read_text().splitlines() if line.strip()]
    return out


def _oracle(gold_by_doc: Mapping[str, list[dict[str, Any]]]) -> Flagger:
    """Flags each sentence whose words begin or hold a gold relation's evidence."""

    def flag(ctx: DocContext) -> dict[int, frozenset[str]]:
        gold = gold_by_doc.get(ctx.doc_id, [])
        flags = evidence_families([s.text for s in ctx.sents], gold)
        return {k: frozenset(v) for k, v in flags.items()}

    return flag


def _detector_sentences(ex: Extractor, sets: list[Path]) -> dict[str, list[int]]:
    """The detector's flags against the gold's evidence sentences: family -> [tp, fp, fn]
    (a sentence only optional gold cites counts for neither)."""
    model = DetectorFlagger().model
    counts = {f: [0, 0, 0] for f in FAMILIES}
    for set_dir in sets:
        gold_by_doc = _gold(set_dir)
        for path in sorted((set_dir / "articles").glob("*.txt")):
            doc = ex.nlp(read_article_file(path).text)
            sents = list(doc.sents)
            texts = [s.text for s in sents]
            gold = gold_by_doc.get(path.stem, [])
            required = evidence_families(texts, gold, optional=False)
            every = evidence_families(texts, gold)
            flags = model.flags(doc, [(s.start, s.end) for s in sents])
            for k in range(len(sents)):
                for f in FAMILIES:
                    hit, true = f in flags.get(k, ()), f in required.get(k, ())
                    if not true and f in every.get(k, ()):
                        continue  # only optional gold cites it
                    if hit and true:
                        counts[f][0] += 1
                    elif hit:
                        counts[f][1] += 1
                    elif true:
                        counts[f][2] += 1
    return counts


def _flag_all(ctx: DocContext) -> dict[int, frozenset[str]]:
    return {k: frozenset(FAMILIES) for k in range(len(ctx.sents))}


def _run(
    ex: Extractor, sets: list[Path], flagger: Flagger | None
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    ex.flagger = flagger
    pred: list[dict[str, Any]] = []
    gold: list[dict[str, Any]] = []
    for set_dir in sets:
        gold_by_doc = _gold(set_dir)
        for path in sorted((set_dir / "articles").glob("*.txt")):
            article = read_article_file(path)
            pred.extend(ex.extract([article]))
            gold.extend(gold_by_doc.get(path.stem, []))
    return pred, gold


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("sets", nargs="+", type=Path)
    ap.add_argument(
        "--mode",
        nargs="+",
        choices=("oracle", "all", "detector", "both"),
        default=["both"],
        help="the flaggers to run beside the rules (both: oracle and all)",
    )
    ap.add_argument("--failures", choices=FAMILIES)
    args = ap.parse_args()
    ex = Extractor(n_process=1)
    gold_all: dict[str, list[dict[str, Any]]] = {}
    for s in args.sets:
        gold_all.update(_gold(s))
    modes = set(args.mode) | ({"oracle", "all"} if "both" in args.mode else set())
    runs: list[tuple[str, Flagger | None]] = [("rules", None)]
    if "oracle" in modes:
        runs.append(("oracle", _oracle(gold_all)))
    if "all" in modes:
        runs.append(("all", _flag_all))
    if "detector" in modes:
        runs.append(("detector", DetectorFlagger()))
    print(f"{'family':12}" + "".join(f"{name:>22}" for name, _ in runs))
    scored = {}
    for name, flagger in runs:
        pred, gold = _run(ex, args.sets, flagger)
        fails: list[dict[str, Any]] = []
        scored[name] = (score_gold(pred, gold, fails), fails, pred)
    for fam in FAMILIES:
        row = f"{fam:12}"
        for name, _ in runs:
            p = scored[name][0][fam]
            row += f"   {p.precision:.2f}/{p.recall:.2f}/{p.f1:.3f} ({p.tp:>3})"
        print(row)
    fb = {
        name: sum(1 for r in scored[name][2] if "fallback" in str(r.get("origin")))
        for name, _ in runs
    }
    print("fallback relations: " + ", ".join(f"{k} {v}" for k, v in fb.items()))
    if "detector" in modes:
        print("detector's sentences against the gold's evidence: P/R (tp fp fn)")
        for fam, (tp, fp, fn) in _detector_sentences(ex, args.sets).items():
            p, r = tp / max(tp + fp, 1), tp / max(tp + fn, 1)
            print(f"{fam:12}   {p:.2f}/{r:.2f} ({tp} {fp} {fn})")
    if args.failures and "oracle" in scored:
        for f in scored["oracle"][1]:
            if f["category"] == args.failures:
                r = f["record"]
                print(
                    f"{f['error']:7} {f['document']}: {r.get('source')} -> {r.get('target')}"
                    f" [{r.get('origin', 'gold')}] | {str(r.get('evidence'))[:160]}"
                )


if __name__ == "__main__":
    main()
