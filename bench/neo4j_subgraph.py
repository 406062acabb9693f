"""Where a neighbourhood question's CPU goes on Neo4j, in process: the graph's answer and its
JSON in this process, and the database's CPU (its JVM, from /proc), per distinct question.

The questions are ``api_load.py``'s ``/subgraph`` questions (one random actor, depth 1,
limit 200) on the same data: ``--store`` the embedded store ``api_load.py`` built, ``--neo4j``
a Neo4j store holding the same relations (``api_load.py --neo4j``). The last 64 warm the
query plans first; the measured ones were never asked before, so no kept answer is hit.
``--profile`` prints cProfile's top functions by CPU time. Run it from each checkout to
compare codes (the checkout's ``.venv``). Not a test. Usage::

    python bench/neo4j_subgraph.py --store DIR --neo4j bolt://127.0.0.1:17687 \\
        --db-pid $(cat .neo4j/neo4j.pid) [--requests 300] [--profile]
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import pstats
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import api_load
from actorgraph.api.params import _json, subgraph_json
from actorgraph.graph.facade import Graph
from actorgraph.graph.open import open_store
from actorgraph.graph.settings import CoreSettings


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--store", type=Path, required=True, help="api_load.py's embedded store")
    ap.add_argument("--neo4j", required=True, help="a Neo4j URI holding the same data")
    ap.add_argument("--db-pid", type=int, help="the Neo4j server's JVM: its CPU per question")
    ap.add_argument("--requests", type=int, default=300)
    ap.add_argument("--profile", action="store_true", help="cProfile by CPU time")
    ap.add_argument(
        "--hubs",
        type=int,
        default=0,
        help="ask instead about the actors with the most relationships: this many, each at "
        "limits 200 down to 200 - requests / hubs + 1 (distinct questions; the next hubs warm)",
    )
    ap.add_argument(
        "--actors",
        nargs="+",
        default=[],
        help="ask instead about these actors (as --hubs, warmed at limit 300; e.g. "
        "neo4j_evidence.py's diamonds' ends ev-s-0 … ev-t-7: 25 relations of 60 pieces each)",
    )
    args = ap.parse_args()
    questions = api_load.query_inputs(args.store, args.requests + 64)["subgraph"]
    store = open_store(CoreSettings(store=args.neo4j))
    if args.hubs or args.actors:
        hubs = list(args.actors)
        if args.hubs:
            rows, _, _ = store._driver.execute_query(  # type: ignore[attr-defined]
                "MATCH (a:Actor) RETURN a.id AS id ORDER BY COUNT { (a)--() } DESC, id LIMIT $n",
                n=2 * args.hubs,
            )
            hubs = [r["id"] for r in rows]
        n = args.hubs or len(hubs)
        per = max(1, args.requests // n)
        questions = [
            {"actors": h, "depth": 1, "limit": 200 - i} for i in range(per) for h in hubs[:n]
        ]
        warm = [{"actors": h, "depth": 1, "limit": 200} for h in hubs[n:]] * 4
        questions += warm or [{"actors": h, "depth": 1, "limit": 300} for h in hubs] * 8
        args.requests = per * n
    try:
        store.warm()
        graph = Graph(store)
        for q in questions[-64:]:
            graph.neighbors(q["actors"], depth=q["depth"], limit=q["limit"])
        asked = questions[: args.requests]
        prof = cProfile.Profile(time.process_time) if args.profile else None
        answer = render = 0.0
        size = edges = 0
        db0 = api_load.cpu_seconds(args.db_pid) if args.db_pid else 0.0
        t0 = time.perf_counter()
        if prof:
            prof.enable()
        walls: list[float] = []
        for q in asked:
            w = time.perf_counter()
            t = time.thread_time()
            sub = graph.neighbors(q["actors"], depth=q["depth"], limit=q["limit"])
            t2 = time.thread_time()
            walls.append(time.perf_counter() - w)
            body = _json(subgraph_json(sub))
            answer += t2 - t
            render += time.thread_time() - t2
            size += len(body)
            edges += len(sub.edges)
        if prof:
            prof.disable()
        n = len(asked)
        row = {
            "questions": n,
            "load": " ".join(f"{x:.1f}" for x in os.getloadavg()),
            "answer_cpu_ms": round(1000 * answer / n, 2),
            "json_cpu_ms": round(1000 * render / n, 3),
            "wall_ms": round(1000 * (time.perf_counter() - t0) / n, 2),
            "answer_p50_ms": round(1000 * api_load.pct(walls, 50), 1),
            "answer_p95_ms": round(1000 * api_load.pct(walls, 95), 1),
            "bytes": round(size / n),
            "edges": round(edges / n, 1),
        }
        if args.db_pid:
            row["db_cpu_ms"] = round(1000 * (api_load.cpu_seconds(args.db_pid) - db0) / n, 2)
        print(json.dumps(row), flush=True)
        if prof:
            pstats.Stats(prof).sort_stats("cumulative").print_stats(40)
    finally:
        store.close()


if __name__ == "__main__":
    main()
