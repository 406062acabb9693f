"""Embedded store benchmark: ingest throughput, reload time, path/broker/influence latency.

Each figure is compared with a baseline run in the same process on the same data:
* ingest: a minimal loader (json.loads + SQLite executemany + networkx add_edge, no checks,
  no merging) — the ratio says what validation, merging and evidence handling cost;
* paths: ``networkx.all_simple_paths`` with the same cutoff on the same undirected graph.

Usage: ``python bench/embedded_store.py [--sizes 100000 1000000] [--queries 200]``.
Results are appended to ``docs/performance.md`` by hand (with the machine line printed here).
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

import networkx as nx
from actorgraph.graph.embedded import EmbeddedStore
from actorgraph.graph.facade import Graph
from actorgraph.ingest.loader import Loader
from actorgraph.ingest.synthetic import synthetic_records
from machine_info import machine


def baseline_ingest(path: Path, directory: Path) -> float:
    start = time.perf_counter()
    conn = sqlite3.connect(directory / "baseline.sqlite", isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("CREATE TABLE n (id TEXT PRIMARY KEY, data TEXT)")
    conn.execute("CREATE TABLE r (k TEXT PRIMARY KEY, data TEXT)")
    g = nx.MultiDiGraph()
    rows_n, rows_r = [], []
    with path.open() as fh:
        for line in fh:
            rec = json.loads(line)
            if rec["kind"] == "relation":
                k = f"{rec['type']}|{rec['source']}|{rec['target']}|{rec['evidence']}"
                rows_r.append((k, line))
                g.add_edge(rec["source"], rec["target"], key=rec["type"])
            else:
                rows_n.append((rec["id"], line))
            if len(rows_r) >= 1000:
                conn.execute("BEGIN")
                conn.executemany("INSERT OR IGNORE INTO r VALUES (?, ?)", rows_r)
                conn.executemany("INSERT OR IGNORE INTO n VALUES (?, ?)", rows_n)
                conn.execute("COMMIT")
                rows_n, rows_r = [], []
    conn.execute("BEGIN")
    conn.executemany("INSERT OR IGNORE INTO r VALUES (?, ?)", rows_r)
    conn.executemany("INSERT OR IGNORE INTO n VALUES (?, ?)", rows_n)
    conn.execute("COMMIT")
    conn.close()
    return time.perf_counter() - start


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, round(p / 100 * (len(values) - 1)))]


def run(size: int, queries: int) -> dict[str, float]:
    out: dict[str, float] = {"relations": size}
    with tempfile.TemporaryDirectory() as tmp:
        d = Path(tmp)
        data = d / "data.jsonl"
        with data.open("w") as fh:
            for rec in synthetic_records(size, seed=11):
                fh.write(json.dumps(rec) + "\n")
        base = baseline_ingest(data, d)
        store = EmbeddedStore(d / "store")
        t = time.perf_counter()
        Loader(store, batch_size=5000).load_file(data)
        ours = time.perf_counter() - t
        out["ingest_rel_per_s"] = size / ours
        out["baseline_rel_per_s"] = size / base
        out["ingest_ratio"] = base / ours
        print(f"  ingest of {size}: {size / ours:.0f} rel/s, ratio {base / ours:.3f}", flush=True)
        store.close()
        t = time.perf_counter()
        store = EmbeddedStore(d / "store")
        out["reload_s"] = time.perf_counter() - t
        print(f"  reload of {size}: {out['reload_s']:.1f} s", flush=True)
        g = Graph(store)
        rng = random.Random(5)
        actors = [a[0] for a in store.actor_names()]
        pairs = [(rng.choice(actors), rng.choice(actors)) for _ in range(queries)]
        g.paths(pairs[0][0], pairs[0][1])  # builds the cached adjacency once
        lat = []
        for a, b in pairs:
            t = time.perf_counter()
            g.paths(a, b, max_hops=4, limit=25)
            lat.append(time.perf_counter() - t)
        out["paths_p50_ms"] = 1000 * statistics.median(lat)
        out["paths_p95_ms"] = 1000 * pct(lat, 95)
        # baseline: networkx simple paths, same cutoff, first 25
        und = nx.Graph()
        for r in store.relations(types=["mediates", "speaks_for"], limit=10**9):
            und.add_edge(r.source, r.target)
        blat = []
        for a, b in pairs[:20]:  # the baseline can take seconds per pair on big graphs
            t = time.perf_counter()
            if a in und and b in und and a != b:
                it = nx.all_simple_paths(und, a, b, cutoff=4)
                for _i, _p in zip(range(25), it, strict=False):
                    pass
            blat.append(time.perf_counter() - t)
        out["nx_paths_p50_ms"] = 1000 * statistics.median(blat)
        out["nx_paths_p95_ms"] = 1000 * pct(blat, 95)
        lat = []
        for a, b in pairs[:50]:
            t = time.perf_counter()
            g.brokers(a, b)
            lat.append(time.perf_counter() - t)
        out["brokers_p50_ms"] = 1000 * statistics.median(lat)
        out["brokers_p95_ms"] = 1000 * pct(lat, 95)
        t = time.perf_counter()
        g.influence("pagerank")
        out["pagerank_cold_s"] = time.perf_counter() - t
        t = time.perf_counter()
        g.influence("pagerank")
        out["pagerank_cached_ms"] = 1000 * (time.perf_counter() - t)
        store.close()
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    ap.add_argument("--queries", type=int, default=200)
    args = ap.parse_args()
    print(f"machine: {machine()}")
    for size in args.sizes:
        res = run(size, args.queries)
        print(json.dumps({k: round(v, 3) for k, v in res.items()}))


if __name__ == "__main__":
    main()
