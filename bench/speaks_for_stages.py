"""Missed and false ``speaks_for`` pairs of news sets, by the stage that fails (issue 23K).

    python bench/speaks_for_stages.py [-v] SET_DIR PREDICTIONS [SET_DIR PREDICTIONS ...]

A set is ``SET_DIR/gold/<doc>.gold.jsonl`` (exchange format); PREDICTIONS is the records
``actorgraph extract`` wrote for its articles. Actors are matched by any of their names,
aliases or ids (folded). Prints counts only, so it may be run on sets nobody may read; ``-v``
also prints each pair (development sets only). A required gold pair is

* ``found``;
* ``MISS person never an actor``: no extracted actor has a name of the person;
* ``MISS holder given another body``: the person is tied to another body (and whether the
  gold's body was ever an actor);
* ``MISS body never an actor``: the person is an actor, the body is not;
* ``MISS both actors, no tie read``: both are actors, nothing ties them.

An extracted pair that is no gold pair (required or optional) is

* ``FALSE person no gold actor``: a person the gold does not keep (named in passing);
* ``FALSE gold ties the person to another body``;
* ``FALSE body no gold actor``;
* ``FALSE both gold actors, gold no tie`` (a former office, a person who only quotes a body).
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any


def _norm(s: str | None) -> str:
    return re.sub(r"[^a-z0-9]+", " ", (s or "").lower()).strip()


def _names(records: list[dict[str, Any]]) -> dict[str, set[str]]:
    return {
        r["id"]: {
            _norm(r["name"]),
            _norm(r["id"].replace("-", " ")),
            *(_norm(a) for a in r.get("aliases") or []),
        }
        for r in records
        if r["kind"] == "actor"
    }


def _pairs(records: list[dict[str, Any]], optional: bool | None) -> list[tuple[str, str]]:
    return [
        (r["source"], r["target"])
        for r in records
        if r["kind"] == "relation"
        and r["type"] == "speaks_for"
        and (optional is None or bool(r.get("optional")) == optional)
    ]


def stages(gold: list[dict[str, Any]], pred: list[dict[str, Any]]) -> list[tuple[str, str]]:
    """``(kind, "source -> target")`` for every required gold pair and every false pair."""
    gn, pn = _names(gold), _names(pred)

    def to_pred(gid: str) -> set[str]:
        names = gn.get(gid, {_norm(gid)})
        return {pid for pid, ns in pn.items() if ns & names}

    def to_gold(pid: str) -> set[str]:
        names = pn.get(pid, {_norm(pid)})
        return {gid for gid, ns in gn.items() if ns & names}

    required, optional, found = _pairs(gold, False), _pairs(gold, True), _pairs(pred, None)
    out = []
    for gs, gt in required:
        if any(s in to_pred(gs) and t in to_pred(gt) for s, t in found):
            kind = "found"
        elif not to_pred(gs):
            kind = "MISS person never an actor"
        elif any(s in to_pred(gs) for s, _ in found):
            kind = "MISS holder given another body"
            kind += "" if to_pred(gt) else " (gold body never an actor)"
        elif not to_pred(gt):
            kind = "MISS body never an actor"
        else:
            kind = "MISS both actors, no tie read"
        out.append((kind, f"{gs} -> {gt}"))
    for ps, pt in found:
        if any(ps in to_pred(gs) and pt in to_pred(gt) for gs, gt in required + optional):
            continue
        if not to_gold(ps):
            kind = "FALSE person no gold actor"
        elif any(gs in to_gold(ps) for gs, _ in required):
            kind = "FALSE gold ties the person to another body"
        elif not to_gold(pt):
            kind = "FALSE body no gold actor"
        else:
            kind = "FALSE both gold actors, gold no tie"
        out.append((kind, f"{ps} -> {pt}"))
    return out


def main(argv: list[str]) -> None:
    verbose = bool(argv) and argv[0] == "-v"
    args = argv[1:] if verbose else argv
    counts: Counter[str] = Counter()
    for set_dir, pred_file in zip(args[::2], args[1::2], strict=True):
        by_doc: dict[str, list[dict[str, Any]]] = {}
        doc = ""
        for line in Path(pred_file).read_text(encoding="utf-8").splitlines():
            r = json.loads(line)
            if r.get("kind") == "document":
                doc = r["id"]
            by_doc.setdefault(doc, []).append(r)
        for path in sorted(Path(set_dir, "gold").glob("*.gold.jsonl")):
            gold = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x]
            doc_id = next(r["id"] for r in gold if r["kind"] == "document")
            for kind, pair in stages(gold, by_doc.get(doc_id, [])):
                counts[kind] += 1
                if verbose and kind != "found":
                    print(f"{kind} | {doc_id} {pair}")
    for kind, n in sorted(counts.items()):
        print(f"{n:4d}  {kind}")


if __name__ == "__main__":
    main(sys.argv[1:])
