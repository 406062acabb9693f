"""The detector and the fallbacks on news the detector was not trained on: leave one set out.

    .venv/bin/python bench/detector_loso.py /work/data/dev/{D,P,Q,R,S,T,U,X,Y}

The shipped detector is trained on the development sets, so on them it flags almost exactly
the gold's sentences (``bench/fallback_oracle.py --mode detector`` there is near the oracle).
Here each set is measured with a model trained without it: ``scripts/train_detector.py`` on
the bank, PLOVER dev and the other sets (its thresholds by leave-one-set-out among those), then
the set is extracted by the rules alone and by the rules with the fallbacks on the sentences
that model flags. Prints, summed over the sets, P/R/F1 per relation family for both, and the
detector's sentence precision and recall against the gold's evidence sentences.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from actorgraph.ingest.evaluate import score_gold  # noqa: E402
from actorgraph.ingest.extract import Extractor  # noqa: E402
from actorgraph.ingest.extract.detector import DetectorFlagger  # noqa: E402
from actorgraph.ingest.extract.fallbacks import FAMILIES  # noqa: E402
from fallback_oracle import _detector_sentences, _run  # noqa: E402


def _model_without(set_dir: Path, sets: list[Path], work: Path, reuse: bool) -> Path:
    out = work / f"without-{set_dir.name}.npz"
    if not (reuse and out.exists()):
        others = [str(s) for s in sets if s != set_dir]
        cmd = [sys.executable, str(ROOT / "scripts" / "train_detector.py"), *others]
        subprocess.run([*cmd, "--out", str(out)], check=True, stdout=subprocess.DEVNULL)
    return out


def _prf(tp: int, fp: int, fn: int) -> str:
    p, r = tp / max(tp + fp, 1), tp / max(tp + fn, 1)
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"{p:.2f}/{r:.2f}/{f:.3f} ({tp:>3})"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("sets", nargs="+", type=Path)
    ap.add_argument("--work", type=Path, default=Path("/tmp/actorgraph-detector-loso"))
    ap.add_argument("--reuse", action="store_true", help="keep models already trained in --work")
    args = ap.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    ex = Extractor(n_process=1)
    sums: dict[str, dict[str, list[int]]] = {
        k: {f: [0, 0, 0] for f in FAMILIES} for k in ("rules", "detector", "sentences")
    }
    read = 0
    for set_dir in args.sets:
        flagger = DetectorFlagger(_model_without(set_dir, args.sets, args.work, args.reuse))
        for name, fl in (("rules", None), ("detector", flagger)):
            pred, gold = _run(ex, [set_dir], fl)
            read += sum(1 for r in pred if "fallback" in str(r.get("origin")))
            for f, p in score_gold(pred, gold, []).items():
                if f in FAMILIES:
                    c = sums[name][f]
                    c[0], c[1], c[2] = c[0] + p.tp, c[1] + p.fp, c[2] + p.fn
        for f, (tp, fp, fn) in _detector_sentences(ex, [set_dir], flagger).items():
            c = sums["sentences"][f]
            c[0], c[1], c[2] = c[0] + tp, c[1] + fp, c[2] + fn
    print(f"{'family':12}{'rules':>22}{'rules + fallbacks':>24}{'detector sentences':>24}")
    for f in FAMILIES:
        cells = [_prf(*sums[k][f]) for k in ("rules", "detector", "sentences")]
        print(f"{f:12}" + "".join(f"{c:>24}" for c in cells))
    print(f"fallback relations: {read}; sets: {', '.join(s.name for s in args.sets)}")


if __name__ == "__main__":
    main()
