"""Path answers whose hops carry much evidence, in process on a Neo4j store: latency and the
database's CPU of ``Graph.paths`` when each hop holds many pieces and the answer shows three.

The synthetic data of the other benches has about one piece of evidence a relation, so an
answer's hops are cheap to read whole; a researcher's store, where one relation between two
actors is reported by dozens of articles, is not. ``--write`` adds ``--pairs`` diamonds to a
loaded store: actors ``ev-s-K`` and ``ev-t-K`` joined through ``--middles`` middle actors by
``mediates`` relations of ``--pieces`` pieces of evidence each (distinct documents, dates and
confidences, sentences of news length). Then each run asks the paths of every diamond
(``max_hops=4, limit=25``, the API's default evidence limit of three), each through one
``Graph`` whose kept answers and hops are forgotten before each question, ``--rounds``
times, and prints the latency and the server's CPU a question; the answer's relations read alone
(``GraphStore.nodes_and_relations`` of one diamond's hops) are timed too. Run it with each
tree's Python in turns on the same store (the store is written by one tree once).

Usage::

    python bench/neo4j_evidence.py --uri bolt://127.0.0.1:17703 --write [--pairs 8]
    python bench/neo4j_evidence.py --uri bolt://127.0.0.1:17703 [--rounds 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import time

from actorgraph.graph.facade import Graph
from actorgraph.graph.model import Actor, Evidence, Relation
from actorgraph.graph.neo4j import Neo4jStore
from actorgraph.graph.store import WriteBatch
from embedded_store import pct
from machine_info import machine
from neo4j_ingest import server_args, server_cpu, server_pid

SENTENCE = (
    "The mediator {m} said on Tuesday that talks between the two delegations would resume "
    "next week in the capital, report {i}."
)


def write(store: Neo4jStore, pairs: int, middles: int, pieces: int) -> None:
    for k in range(pairs):
        ends = [
            Actor(f"ev-s-{k}", f"Evidence source {k}", "organization"),
            Actor(f"ev-t-{k}", f"Evidence target {k}", "organization"),
        ]
        mids = [Actor(f"ev-m-{k}-{i}", f"Middle {k} {i}", "person") for i in range(middles)]
        rels = []
        for m in mids:
            for source, target in ((ends[0].id, m.id), (m.id, ends[1].id)):
                evidence = [
                    Evidence(
                        document=f"ev-doc-{k}-{i}",
                        sentence=SENTENCE.format(m=m.name, i=i),
                        date=f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}",
                        confidence=round(0.5 + (i * 37 % 50) / 100, 2),
                        origin="extracted",
                    )
                    for i in range(pieces)
                ]
                rels.append(Relation("mediates", source, target, evidence))
        store.write(WriteBatch(actors=ends + mids, relations=rels))
        print(f"diamond {k}: {len(rels)} relations of {pieces} pieces", flush=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    server_args(ap)
    ap.add_argument("--write", action="store_true", help="add the diamonds, then ask")
    ap.add_argument("--pairs", type=int, default=8)
    ap.add_argument("--middles", type=int, default=25)
    ap.add_argument("--pieces", type=int, default=60)
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args()
    pid = server_pid(args)
    print(f"{machine()}; load average {', '.join(f'{x:.1f}' for x in os.getloadavg())}")
    store = Neo4jStore(args.uri, user=args.user, password=args.password)
    try:
        if args.write:
            write(store, args.pairs, args.middles, args.pieces)
        store.warm()
        Graph(store).paths("ev-s-0", "ev-t-0", max_hops=4, limit=25)  # plans made (not timed)
        lat: list[float] = []
        shown = total = 0
        cpu = server_cpu(pid)
        graph = Graph(store)
        for _ in range(args.rounds):
            for k in range(args.pairs):
                # nothing kept from an answer before: its answers and hops forgotten
                graph._answers = type(graph._answers)()
                graph._hop_parts = type(graph._hop_parts)()
                t = time.perf_counter()
                answer = graph.paths(f"ev-s-{k}", f"ev-t-{k}", max_hops=4, limit=25)
                lat.append(time.perf_counter() - t)
                for p in answer.paths:
                    for h in p.hops:
                        for r in h.relations:
                            shown += len(r["evidence"])
                            total += r["evidence_total"]
        n = len(lat)
        print(
            f"{n} path answers: p50 {1000 * statistics.median(lat):.1f} ms, "
            f"p95 {1000 * pct(lat, 95):.1f} ms, the database's CPU "
            f"{1000 * (server_cpu(pid) - cpu) / n:.1f} ms a question; "
            f"{shown / n:.0f} pieces shown of {total / n:.0f} an answer; "
            f"load {os.getloadavg()[0]:.1f}",
            flush=True,
        )
        hops = [("ev-s-0", f"ev-m-0-{i}") for i in range(args.middles)]
        hops += [(f"ev-m-0-{i}", "ev-t-0") for i in range(args.middles)]
        reads: list[float] = []
        cpu = server_cpu(pid)
        client = time.process_time()
        for _ in range(args.rounds * args.pairs):
            t = time.perf_counter()
            store.nodes_and_relations([], hops, ["mediates"], 3)
            reads.append(time.perf_counter() - t)
        m = len(reads)
        print(
            f"{m} reads of one answer's {len(hops)} hops (nodes_and_relations): p50 "
            f"{1000 * statistics.median(reads):.1f} ms, client CPU "
            f"{1000 * (time.process_time() - client) / m:.1f} ms, the database's CPU "
            f"{1000 * (server_cpu(pid) - cpu) / m:.1f} ms a read",
            flush=True,
        )
    finally:
        store.close()


if __name__ == "__main__":
    main()
