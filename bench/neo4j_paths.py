"""Path questions in process on a loaded Neo4j store: p50 / p95 of ``Graph.paths``.

The same questions as ``bench/embedded_store.py``'s in-process row (200 random actor pairs,
``random.Random(5)`` over the store's actors, 4 hops, 25 paths: what the API's ``/paths``
asks by default, evidence limit included), after one warm-up question, then the pairs of the
biggest hubs (by their number of channel relations, the relations paths walk) separately: the
questions whose shortest lengths hold the most walks. The path queries' plans are made first,
as the API makes them when it starts (``Neo4jStore.warm``). The store is not written (load it first,
e.g. with ``bench/neo4j_ingest.py --only-file`` or the ``Loader``); the Neo4j server's CPU is
read from ``/proc`` when its pid is known (``.neo4j/neo4j.pid``).

Usage::

    python bench/neo4j_paths.py --uri bolt://127.0.0.1:17705 [--queries 200] [--hubs 5]
"""

from __future__ import annotations

import argparse
import logging
import os
import random
import statistics
import time
from collections import Counter

from actorgraph.graph.errors import LimitError
from actorgraph.graph.facade import Graph
from actorgraph.graph.neo4j import Neo4jStore
from embedded_store import pct
from machine_info import machine
from neo4j_ingest import server_args, server_cpu, server_pid


class LimitCuts(logging.Handler):
    """Counts the path answers the store cut because a query ran out of its time or memory
    limit (its warnings with ``limit_cut``): such an answer is marked truncated, as one the
    ranking could not prove further is, but it is a failure at the limit."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += bool(getattr(record, "limit_cut", False))


def ask(
    graph: Graph, pairs: list[tuple[str, str]], pid: int | None, label: str
) -> dict[str, float]:
    """Every pair once; latency percentiles, answers cut by the ranking, failures at the time
    or memory limit (raised, or an answer the store cut there), and the server's CPU per
    question."""
    lat: list[float] = []
    cut = 0
    found = 0
    cpu = server_cpu(pid)
    errors = 0
    limits = LimitCuts()
    logging.getLogger("actorgraph.neo4j").addHandler(limits)
    try:
        for a, b in pairs:
            t = time.perf_counter()
            before = limits.count
            try:
                result = graph.paths(a, b, max_hops=4, limit=25)
            except LimitError:  # past the time or memory limit: counted, and its time kept
                errors += 1
            else:
                if limits.count > before:  # cut at the limit: a failure, not a truncation
                    errors += 1
                else:
                    cut += bool(result.truncated)
                found += bool(result.paths)
            lat.append(time.perf_counter() - t)
    finally:  # another error leaves no handler behind
        logging.getLogger("actorgraph.neo4j").removeHandler(limits)
    out = {
        "questions": len(pairs),
        "p50_ms": round(1000 * statistics.median(lat), 1),
        "p95_ms": round(1000 * pct(lat, 95), 1),
        "slowest_ms": round(1000 * max(lat), 1),
        "with_paths": found,
        "truncated": cut,
        "over_time_limit": errors,
        "server_cpu_ms_per_question": round(1000 * (server_cpu(pid) - cpu) / len(pairs), 1),
        "load": round(os.getloadavg()[0], 1),
    }
    print(f"{label}: {out}", flush=True)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    server_args(ap)
    ap.add_argument("--queries", type=int, default=200)
    ap.add_argument("--hubs", type=int, default=5, help="pairs among this many biggest hubs")
    args = ap.parse_args()
    pid = server_pid(args)

    print(f"{machine()}; load average {', '.join(f'{x:.1f}' for x in os.getloadavg())}")
    # the questions are chosen through a store without the time limit (reading every actor
    # and channel relation of a large store takes longer); they are asked through one with
    # the API's (the settings' default, 10 s)
    setup = Neo4jStore(args.uri, user=args.user, password=args.password, query_timeout=600)
    counts = setup.counts()
    print(f"store: {counts['nodes']}, {sum(counts['relations'].values())} relations", flush=True)
    rng = random.Random(5)
    actors = [a[0] for a in setup.actor_names()]
    pairs = [(rng.choice(actors), rng.choice(actors)) for _ in range(args.queries)]
    degree: Counter[str] = Counter()
    for source, target, _type, _conf in setup.projection_edges(setup.schema.channel_types):
        degree[source] += 1
        degree[target] += 1
    hubs = [h for h, _ in degree.most_common(args.hubs)]
    store = Neo4jStore(args.uri, user=args.user, password=args.password)
    graph = Graph(store)
    # the set of intermediaries is read once per data version and kept (Graph.intermediaries),
    # from the flag the writes keep on actors: timed here, through the store the questions use
    t = time.perf_counter()
    graph.intermediaries()
    print(f"intermediaries read in {time.perf_counter() - t:.2f} s", flush=True)
    setup.close()
    hub_pairs = [(a, b) for a in hubs for b in hubs if a != b]
    # the path queries' plans made as the API makes them when it starts (api/deps.py), not
    # in the first question that needs each (seconds of the server's CPU a plan at 1M)
    t = time.perf_counter()
    store.warm()
    print(f"plans warmed in {time.perf_counter() - t:.2f} s", flush=True)
    warm = (rng.choice(actors), rng.choice(actors))  # plans compiled (not timed)
    graph.paths(*warm, max_hops=4, limit=25)
    ask(graph, pairs, pid, f"{len(pairs)} random pairs")
    ask(graph, hub_pairs, pid, f"{len(hub_pairs)} ordered pairs of the {len(hubs)} biggest hubs")
    store.close()


if __name__ == "__main__":
    main()
