#!/usr/bin/env python3
"""Regenerate tests/data/sna_brokerage.json: R's ``sna::brokerage`` on a set of graphs.

The file is the reference the brokerage tests compare with (so the suite does not need R).
Needs R with the sna package (Debian: ``apt-get install --no-install-recommends r-cran-sna``).

    .venv/bin/python scripts/sna_reference.py

Each case is a graph (an edge list over vertices 0..n-1) and a class vector; R's output
(raw, expected, sd and z per vertex and for the graph, expected and sd per group) is stored
next to it as R printed it (17 significant digits; NaN and Inf as strings).
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "data" / "sna_brokerage.json"

#: The hand-worked case of tests/test_brokerage.py (a1 a2 a3 | b1 b2 | c1); that test checks
#: the stored case is its graph.
HAND_NODES = ["a1", "a2", "a3", "b1", "b2", "c1"]
_HAND = "a1>a2 a2>a3 a1>b1 b1>a3 a3>b2 b2>c1 c1>b1 b1>b2"
HAND_EDGES = [tuple(e.split(">")) for e in _HAND.split(" ")]
HAND_CLASSES = ["A", "A", "A", "B", "B", "C"]


def _random_case(
    name: str, n: int, p: float, k: int, seed: int, undirected: bool = False
) -> dict[str, Any]:
    rng = random.Random(seed)
    edges = []
    for i in range(n):
        for j in range(n):
            if i == j or (undirected and j < i):
                continue
            if rng.random() < p:
                edges.append((i, j))
                if undirected:
                    edges.append((j, i))
    classes = [f"g{rng.randrange(k)}" for _ in range(n)]
    return {"name": name, "n": n, "edges": edges, "classes": classes}


def cases() -> list[dict[str, Any]]:
    idx = {v: i for i, v in enumerate(HAND_NODES)}
    out = [
        {
            "name": "hand",
            "n": len(HAND_NODES),
            "nodes": HAND_NODES,
            "edges": [(idx[a], idx[b]) for a, b in HAND_EDGES],
            "classes": HAND_CLASSES,
        },
        {"name": "path", "n": 3, "edges": [(0, 1), (1, 2)], "classes": ["1", "1", "2"]},
        _random_case("random-12-3groups", 12, 0.2, 3, 1),
        _random_case("random-20-4groups", 20, 0.15, 4, 2),
        _random_case("random-15-2groups", 15, 0.3, 2, 3),
        _random_case("random-25-6groups", 25, 0.1, 6, 4),
        _random_case("undirected-10-3groups", 10, 0.3, 3, 5, undirected=True),
        _random_case("dense-8-3groups", 8, 0.8, 3, 6),
    ]
    return out


R_HELPERS = r"""
suppressMessages(library(sna))
fmt <- function(x) {
  s <- ifelse(is.nan(x), '"NaN"', ifelse(is.infinite(x), ifelse(x > 0, '"Inf"', '"-Inf"'),
              sprintf("%.17g", x)))
  paste0("[", paste(s, collapse = ","), "]")
}
mat <- function(m) paste0("[", paste(apply(m, 1, fmt), collapse = ","), "]")
emit <- function(name, g, cl) {
  b <- brokerage(g, cl)
  cat(sprintf('{"name":"%s","raw":%s,"exp":%s,"sd":%s,"z":%s,"raw_gli":%s,"exp_gli":%s,"sd_gli":%s,"z_gli":%s,"clid":[%s],"exp_grp":%s,"sd_grp":%s}\n',
      name, mat(b$raw.nli), mat(b$exp.nli), mat(b$sd.nli), mat(b$z.nli), fmt(b$raw.gli),
      fmt(b$exp.gli), fmt(b$sd.gli), fmt(b$z.gli),
      paste0('"', b$clid, '"', collapse = ","), mat(b$exp.grp), mat(b$sd.grp)))
}
"""


def r_program(all_cases: list[dict[str, Any]]) -> str:
    lines = [R_HELPERS]
    for c in all_cases:
        n = c["n"]
        lines.append(f"g <- matrix(0, {n}, {n})")
        for i, j in c["edges"]:
            lines.append(f"g[{i + 1}, {j + 1}] <- 1")
        cl = ", ".join(f'"{x}"' for x in c["classes"])
        lines.append(f'emit("{c["name"]}", g, c({cl}))')
    # Padgett's Florentine marriages (the network package's flo), grouped by a fixed split
    lines.append("suppressMessages(library(network)); data(flo)")
    lines.append(
        'cat(sprintf(\'{"name":"flo-edges","edges":%s}\\n\', '
        "mat(which(flo > 0, arr.ind = TRUE) - 1)))"
    )
    lines.append("cl <- rep(c('x', 'y', 'z'), length.out = nrow(flo))")
    lines.append('emit("flo", flo, cl)')
    lines.append(
        'cat(sprintf(\'{"name":"version","sna":"%s","r":"%s"}\\n\', '
        'packageVersion("sna"), getRversion()))'
    )
    return "\n".join(lines)


def main() -> int:
    all_cases = cases()
    with tempfile.NamedTemporaryFile("w", suffix=".R", delete=False) as fh:
        fh.write(r_program(all_cases))
        script = fh.name
    out = subprocess.run(["Rscript", script], capture_output=True, text=True, check=True).stdout
    rows = [json.loads(line) for line in out.splitlines() if line.startswith("{")]
    by_name = {r["name"]: r for r in rows}
    version = by_name.pop("version")
    flo_edges = by_name.pop("flo-edges")["edges"]
    flo_n = 16
    all_cases.append(
        {
            "name": "flo",
            "n": flo_n,
            "edges": sorted((int(i), int(j)) for i, j in flo_edges),
            "classes": [("x", "y", "z")[i % 3] for i in range(flo_n)],
        }
    )
    for c in all_cases:
        c["sna"] = by_name[c["name"]]
        c["sna"].pop("name")
    OUT.parent.mkdir(parents=True, exist_ok=True)
    doc = {
        "about": "R sna::brokerage output for the graphs below; made by scripts/sna_reference.py",
        "sna_version": version["sna"],
        "r_version": version["r"],
        "columns": ["w_I", "w_O", "b_IO", "b_OI", "b_O", "t"],
        "cases": all_cases,
    }
    head = {k: v for k, v in doc.items() if k != "cases"}
    lines = ",\n".join(json.dumps(c) for c in all_cases)
    text = json.dumps(head)[:-1] + ', "cases": [\n' + lines + "\n]}\n"
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT} ({len(all_cases)} cases, sna {version['sna']}, R {version['r']})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
