"""Embedded store benchmark: ingest, opening, cold CLI commands, path latency, memory.

Every figure is a ratio against a baseline run in the same process or run, on the same file:

* ingest: the whole ``Loader`` (checks, resolution, merges, SQLite) against a bare networkx
  build of the same file (``json.loads`` + ``add_node``/``add_edge`` keeping the evidence);
* cold CLI: ``actorgraph stats``, ``paths`` between the two biggest hubs and ``influence``,
  each in a fresh process, against ``actorgraph schema`` (which opens no store); wall time and
  CPU time (user + system of the child), median of ``--repeat`` runs;
* opening: a fresh process opens the store and answers one path question (the actor
  structure is loaded then), against the same process's interpreter start (``python -c
  pass``); the peak resident memory of the query process is reported too;
* paths: ``Graph.paths`` (4 hops, 25 paths, 3 pieces of evidence per relation) between random
  actor pairs, in process, after one warm-up question.

Usage: ``python bench/embedded_store.py --sizes 200000 1000000 [--repeat 5] [--queries 200]``.
The figures go into ``docs/performance.md`` by hand, with the machine line printed here.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import networkx as nx
from actorgraph.ingest.synthetic import synthetic_records
from machine_info import machine

BIN = Path(sys.executable).with_name("actorgraph")


def bare_build(path: Path) -> float:
    """CPU seconds of the baseline: the file into a networkx graph with its evidence."""
    start = time.process_time()
    g = nx.MultiDiGraph()
    with path.open() as fh:
        for line in fh:
            rec = json.loads(line)
            kind = rec["kind"]
            if kind == "relation":
                key = rec["type"]
                if g.has_edge(rec["source"], rec["target"], key):
                    g[rec["source"]][rec["target"]][key]["evidence"].append(rec)
                else:
                    g.add_edge(rec["source"], rec["target"], key=key, evidence=[rec])
            elif kind in ("actor", "topic"):
                g.add_node(rec["id"], **rec)
    return time.process_time() - start


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, round(p / 100 * (len(values) - 1)))]


def child(args: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(wall, CPU) seconds of one command in a fresh process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    p = subprocess.run(args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if p.returncode:
        print(f"  {' '.join(args[1:])}: {p.stderr.strip()}", flush=True)
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


# peak memory from VmHWM: ru_maxrss would count the (large) benchmark process it forked from
OPEN_CODE = """
import json, sys, time
t = time.perf_counter()
from actorgraph.graph.embedded import EmbeddedStore
s = EmbeddedStore(sys.argv[1])
s.find_paths(sys.argv[2], sys.argv[3], ["mediates", "speaks_for"], 4, 25)
took = time.perf_counter() - t
hwm = [l for l in open("/proc/self/status") if l.startswith("VmHWM")][0].split()[1]
print(json.dumps({"open": took, "rss_mb": int(hwm) / 1024}))
"""


def run(size: int, repeat: int, queries: int, cli: bool = True) -> dict[str, object]:
    from actorgraph.graph.embedded import EmbeddedStore
    from actorgraph.graph.facade import Graph
    from actorgraph.ingest.loader import Loader

    out: dict[str, object] = {"relations": size, "load": os.getloadavg()}
    with tempfile.TemporaryDirectory() as tmp:
        d = Path(tmp)
        data = d / "data.jsonl"
        with data.open("w") as fh:
            for rec in synthetic_records(size, seed=11):
                fh.write(json.dumps(rec) + "\n")
        base = bare_build(data)
        store_dir = d / "store"
        store = EmbeddedStore(store_dir)
        t, c = time.perf_counter(), time.process_time()
        Loader(store, batch_size=5000).load_file(data)
        wall, cpu = time.perf_counter() - t, time.process_time() - c
        store.close()
        out["ingest_s"] = round(wall, 2)
        out["ingest_cpu_s"] = round(cpu, 2)
        out["bare_build_cpu_s"] = round(base, 2)
        out["ingest_cpu_ratio"] = round(cpu / base, 2)
        print(
            f"  ingest {size}: {wall:.1f} s wall, {cpu:.1f} s CPU; bare {base:.1f} s CPU",
            flush=True,
        )

        store = EmbeddedStore(store_dir)
        deg: dict[str, int] = {}
        for r in store.relations(types=["mediates", "speaks_for"], limit=10**9):
            for x in (r.source, r.target):
                deg[x] = deg.get(x, 0) + 1
        hubs = sorted(deg, key=lambda x: -deg[x])[:2]
        store.close()

        # as installed for users: bytecode cached (this machine's shell sets
        # PYTHONDONTWRITEBYTECODE, which makes every start compile every module again)
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env["ACTORGRAPH_STORE"] = str(store_dir)
        env["ACTORGRAPH_QUERY_TIMEOUT"] = "120"  # a cold 1M ranking on a loaded machine
        commands = {
            "schema": [str(BIN), "schema"],
            "stats": [str(BIN), "stats"],
            "paths": [str(BIN), "paths", hubs[0], hubs[1]],
            "influence": [str(BIN), "influence"],
        }
        if not cli:
            commands = {}
        timings: dict[str, list[tuple[float, float]]] = {k: [] for k in commands}
        for args_ in commands.values():  # warm-up: bytecode written, files in the page cache
            child(args_, env)
        for _ in range(repeat):
            for name, args in commands.items():  # interleaved: load changes hit all alike
                timings[name].append(child(args, env))
        for name in commands:
            w = statistics.median(x[0] for x in timings[name])
            c = statistics.median(x[1] for x in timings[name])
            out[f"cli_{name}_s"] = round(w, 3)
            out[f"cli_{name}_cpu_s"] = round(c, 3)
        for name in ("stats", "paths", "influence") if commands else ():
            out[f"cli_{name}_ratio"] = round(out[f"cli_{name}_s"] / out["cli_schema_s"], 2)  # type: ignore[operator]
            out[f"cli_{name}_cpu_ratio"] = round(
                out[f"cli_{name}_cpu_s"] / out["cli_schema_cpu_s"],
                2,  # type: ignore[operator]
            )

        opens, rss, interp = [], [], []
        for _ in range(repeat):
            t = time.perf_counter()
            subprocess.run([sys.executable, "-c", "pass"], check=True, env=env)
            interp.append(time.perf_counter() - t)
            p = subprocess.run(
                [sys.executable, "-c", OPEN_CODE, str(store_dir), hubs[0], hubs[1]],
                check=True,
                capture_output=True,
                text=True,
                env=env,
            )
            got = json.loads(p.stdout)
            opens.append(got["open"])
            rss.append(got["rss_mb"])
        out["interpreter_s"] = round(statistics.median(interp), 3)
        out["open_and_first_path_s"] = round(statistics.median(opens), 3)
        out["query_process_rss_mb"] = round(max(rss), 1)

        store = EmbeddedStore(store_dir)
        g = Graph(store)
        rng = random.Random(5)
        actors = [a[0] for a in store.actor_names()]
        pairs = [(rng.choice(actors), rng.choice(actors)) for _ in range(queries)]
        g.paths(hubs[0], hubs[1])  # warm-up: the actor structure and the walk of the types
        lat = []
        for a, b in pairs:
            t = time.perf_counter()
            g.paths(a, b, max_hops=4, limit=25)
            lat.append(time.perf_counter() - t)
        out["paths_p50_ms"] = round(1000 * statistics.median(lat), 1)
        out["paths_p95_ms"] = round(1000 * pct(lat, 95), 1)
        lat = []
        for a, b in pairs[:50]:
            t = time.perf_counter()
            g.brokers(a, b)
            lat.append(time.perf_counter() - t)
        out["brokers_p50_ms"] = round(1000 * statistics.median(lat), 1)
        out["brokers_p95_ms"] = round(1000 * pct(lat, 95), 1)
        t = time.perf_counter()
        g.influence("pagerank")
        out["pagerank_cold_s"] = round(time.perf_counter() - t, 3)
        t = time.perf_counter()
        try:
            r = g.influence_ranking("betweenness")
            out["betweenness_cold_s"] = round(time.perf_counter() - t, 3)
            out["betweenness_samples"] = r.samples
        except Exception as exc:  # over the time limit on a loaded machine: say so
            out["betweenness_cold_s"] = (
                f"{type(exc).__name__} after {time.perf_counter() - t:.1f} s"
            )
        g.close()
        store.close()
        out["load_after"] = os.getloadavg()
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", type=int, nargs="+", default=[200_000, 1_000_000])
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--queries", type=int, default=200)
    ap.add_argument("--no-cli", action="store_true", help="skip the cold CLI commands")
    args = ap.parse_args()
    print(f"machine: {machine()}")
    for size in args.sizes:
        print(json.dumps(run(size, args.repeat, args.queries, not args.no_cli)), flush=True)


if __name__ == "__main__":
    main()
