"""Two codes' APIs in turns on the same store and questions: the server's CPU per request.

Each ``LABEL=TREE=PORT[=CLIENT[=WORKERS]]`` is a checkout with its own ``.venv`` (``make
install``); in the order given, each serves ``--store`` (or the Neo4j URI ``--neo4j``, the
same data loaded by ``api_load.py --neo4j``; ``--db-pid`` its JVM, whose CPU per request is
then printed too) with ``WORKERS`` uvicorn workers (as ``actorgraph serve``: one per core)
on its port and answers ``--requests`` distinct questions per endpoint from 16 clients:
``CLIENT`` ``python`` (the default: lean Python threads, ``api_load.hammer``) or ``wrk`` (a C
load generator, ``api_load.wrk_hammer``; Debian's ``wrk`` package).
The 64 questions after them warm each server first (adjacency, hop parts), so no measured
question is one the server was asked before: the answer cache is not hit (``--repeat``
asks the measured questions once unmeasured first, to measure answers that are kept).
Prints one JSON line per run and endpoint: load average, p50/p95, the server's CPU per
request (from /proc) and the clients'. Not a test. Usage::

    python bench/api_interleave.py --store DIR before=/path/to/main=18730 \\
        after=.=18731 after=.=18731=wrk before=/path/to/main=18730=wrk=2
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))

import api_load


def serve(tree: Path, store: str, port: str, workers: int = 1) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "ACTORGRAPH_STORE": store,
        "ACTORGRAPH_STARTUP_TIMEOUT": "120",
        "ACTORGRAPH_API_KEY": "bench",
    }
    env.pop("ACTORGRAPH_READ_KEY", None)
    cmd = [str(tree / ".venv/bin/python"), "-m", "uvicorn", "actorgraph.api.app:create_app"]
    cmd += ["--factory", "--host", "127.0.0.1", "--port", port, "--workers", str(workers)]
    cmd += ["--log-level", "warning", "--no-access-log"]
    return subprocess.Popen(cmd, cwd=tree, env=env)


def wait_ready(url: str, timeout: float = 600) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if httpx.get(url + "/ready", timeout=5).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise SystemExit(f"{url} did not get ready in time")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("codes", nargs="+", help="LABEL=TREE=PORT, run in this order")
    ap.add_argument("--store", type=Path, required=True, help="an embedded store (api_load.py)")
    ap.add_argument("--requests", type=int, default=400, help="per endpoint")
    ap.add_argument("--clients", type=int, default=16)
    ap.add_argument("--endpoints", default="paths,brokers,subgraph")
    ap.add_argument("--repeat", action="store_true", help="measure answers already kept")
    ap.add_argument("--neo4j", help="serve this Neo4j URI (holding --store's data) instead")
    ap.add_argument("--db-pid", type=int, help="the Neo4j server's JVM: its CPU per request")
    args = ap.parse_args()
    endpoints = args.endpoints.split(",")
    inputs = api_load.query_inputs(args.store, args.requests + 64)
    for spec in args.codes:
        label, tree, port, *rest = spec.split("=")
        client = rest[0] if rest else "python"
        workers = int(rest[1]) if len(rest) > 1 else api_load.available_cores()
        if client not in ("python", "wrk"):
            raise SystemExit(f"{spec}: the client is python or wrk")
        server = serve(Path(tree).resolve(), args.neo4j or str(args.store), port, workers)
        url = f"http://127.0.0.1:{port}"
        try:
            wait_ready(url)
            for ep in endpoints:
                api_load.hammer(url, ep, inputs[ep][-64:], args.clients)
            for ep in endpoints:
                asked = inputs[ep][: args.requests]
                if args.repeat:
                    api_load.hammer(url, ep, asked, args.clients)
                load = os.getloadavg()[0]
                if client == "wrk":  # the padding keeps every connection busy to the end
                    asked = inputs[ep][: args.requests + args.clients]
                    row = api_load.wrk_hammer(url, ep, asked, args.clients, server.pid)
                else:
                    res = api_load.hammer(url, ep, asked, args.clients, server.pid, args.db_pid)
                    row = res.row()
                keep = ("endpoint", "requests", "p50_ms", "p95_ms", "server_cpu_ms")
                out = {"label": label, "client": client, "workers": workers}
                out |= {"load": round(load, 1), **{k: row[k] for k in keep}}
                out |= {"client_cpu_ms": row["client_cpu_ms"]}
                out |= {"db_cpu_ms": row["db_cpu_ms"]} if "db_cpu_ms" in row else {}
                out |= {"statuses": row["statuses"]} if "statuses" in row else {}
                out |= {"errors": row["errors"], "non2xx": row["non2xx"]} if client == "wrk" else {}
                print(json.dumps(out), flush=True)
        finally:
            server.send_signal(signal.SIGINT)
            server.wait(30)


if __name__ == "__main__":
    main()
