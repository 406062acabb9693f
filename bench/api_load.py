"""API load benchmark: concurrent clients against ``actorgraph``'s API served by uvicorn.

Builds (or reuses, with ``--store DIR``) an embedded store holding a seeded synthetic graph
(:func:`ingest.synthetic.synthetic_records`, 100k relations by default), serves it with
uvicorn on 127.0.0.1 in a child process, and sends ``--requests`` requests per endpoint
from ``--clients`` concurrent clients (threads, one kept-alive ``http.client`` connection
each, or ``wrk`` from ``api_interleave.py``): requests/s and p50/p95/p99 latency for ``/paths``,
``/brokers``, ``/influence`` and ``/subgraph``.

Not a test. Usage::

    python bench/api_load.py [--relations 100000] [--clients 16] [--requests 800]
                             [--store DIR] [--workers 1 2] [--write-docs]

``--write-docs`` writes the figures and the machine into the "API" section of
``docs/performance.md`` (replacing that section only). ``--neo4j URI`` runs the load
against a Neo4j store as well (``--neo4j-requests`` per endpoint, ``--neo4j-workers``
workers: by default as many as ``actorgraph serve`` starts, one per core; ``--neo4j-pid``
adds the database's CPU per request); the data is loaded into it first, so it must be empty
or ``--neo4j-wipe`` given (``--neo4j-keep`` asks it as it is). Meanwhile the bench
holds the lock test sessions take on that database (``tests/conftest.py``), so it never
wipes a running test's data nor the reverse (user and password: ``NEO4J_USER``,
``NEO4J_PASSWORD``).
"""

from __future__ import annotations

import argparse
import contextlib
import http.client
import json
import os
import random
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlsplit

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from actorgraph.cores import available_cores  # noqa: E402
from actorgraph.graph.embedded import EmbeddedStore  # noqa: E402
from actorgraph.graph.store import GraphStore  # noqa: E402
from actorgraph.ingest.loader import Loader  # noqa: E402
from actorgraph.ingest.synthetic import synthetic_records  # noqa: E402
from machine_info import machine  # noqa: E402

SEED = 11
#: What the benchmark asks, in this order.
ENDPOINTS = ("paths", "brokers", "influence", "subgraph")


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, round(p / 100 * (len(values) - 1)))]


# ---------------------------------------------------------------------- data


def load(store: GraphStore, relations: int) -> float:
    t = time.perf_counter()
    Loader(store, batch_size=5000).load(
        lambda: enumerate(synthetic_records(relations, seed=SEED), start=1), "synthetic"
    )
    return time.perf_counter() - t


def embedded_store(directory: Path, relations: int) -> None:
    store = EmbeddedStore(directory)
    try:
        have = sum(store.counts()["relations"].values())
        if have == 0:
            print(f"loading {relations} synthetic relations into {directory} …", flush=True)
            print(f"  loaded in {load(store, relations):.1f} s", flush=True)
        else:
            print(f"reusing {directory} ({have} relations)", flush=True)
    finally:
        store.close()


def hold_neo4j_lock(uri: str) -> None:
    """Take the lock test sessions take on a Neo4j database (``tests/helpers.py``), so the
    benchmark and a test run never wipe each other's data; held until the process exits."""
    sys.path.insert(0, str(ROOT))
    from tests.helpers import hold_neo4j_lock as hold

    print(f"waiting for the lock on {uri} …", flush=True)
    hold(uri=uri)


def neo4j_store(uri: str, relations: int, wipe: bool) -> None:
    from actorgraph.graph.open import open_store
    from actorgraph.graph.settings import CoreSettings

    hold_neo4j_lock(uri)
    store = open_store(CoreSettings(store=uri))
    try:
        have = sum(store.counts()["relations"].values())
        if have and not wipe:
            raise SystemExit(f"{uri} is not empty ({have} relations): pass --neo4j-wipe")
        if have:
            store.wipe()  # type: ignore[attr-defined]
        print(f"loading {relations} synthetic relations into {uri} …", flush=True)
        print(f"  loaded in {load(store, relations):.1f} s", flush=True)
    finally:
        store.close()


def query_inputs(directory: Path, n: int) -> dict[str, list[dict[str, Any]]]:
    """Request parameters per endpoint, seeded: random actor pairs and seeds, as the
    embedded-store benchmark picks them."""
    store = EmbeddedStore(directory)
    try:
        actors = sorted(a[0] for a in store.actor_names())
    finally:
        store.close()
    rng = random.Random(5)
    pairs = [(rng.choice(actors), rng.choice(actors)) for _ in range(n)]
    metrics = ["pagerank", "degree"]
    return {
        "paths": [{"source": a, "target": b, "max_hops": 4, "limit": 25} for a, b in pairs],
        "brokers": [{"source": a, "target": b, "max_hops": 4, "top": 10} for a, b in pairs],
        "influence": [{"metric": metrics[i % 2], "top": 20} for i in range(n)],
        "subgraph": [{"actors": rng.choice(actors), "depth": 1, "limit": 200} for _ in range(n)],
    }


# ---------------------------------------------------------------------- server


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Server:
    """``uvicorn --factory actorgraph.api.app:create_app`` in a child process."""

    def __init__(self, store: str, workers: int, port: int | None = None) -> None:
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        env = {
            **os.environ,
            "ACTORGRAPH_STORE": store,
            "ACTORGRAPH_STARTUP_TIMEOUT": "120",
            "ACTORGRAPH_API_KEY": "bench",
        }
        env.pop("ACTORGRAPH_READ_KEY", None)
        cmd = [
            sys.executable,
            "-m",
            "uvicorn",
            "actorgraph.api.app:create_app",
            "--factory",
            "--host",
            "127.0.0.1",
            "--port",
            str(self.port),
            "--workers",
            str(workers),
            "--log-level",
            "warning",
            "--no-access-log",
        ]
        self.proc = subprocess.Popen(cmd, cwd=ROOT, env=env)

    def wait_ready(self, timeout: float = 600) -> float:
        t = time.perf_counter()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise SystemExit(f"uvicorn exited with {self.proc.returncode}")
            try:
                if httpx.get(self.url + "/ready", timeout=5).status_code == 200:
                    return time.perf_counter() - t
            except httpx.HTTPError:
                pass
            time.sleep(0.2)
        raise SystemExit("the API did not get ready in time")

    def stop(self) -> None:
        self.proc.send_signal(signal.SIGINT)
        try:
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


# ---------------------------------------------------------------------- load


class Client:
    """One kept-alive HTTP/1.1 connection (the standard library's ``http.client``): the
    clients share the server's two cores, and ``httpx`` spent 3-4 ms of CPU per request
    (as much as a neighbourhood answer costs the server), this a few tenths of one."""

    def __init__(self, url: str, timeout: float = 60) -> None:
        parts = urlsplit(url)
        self.host, self.port, self.timeout = parts.hostname or "", parts.port or 80, timeout
        self.conn = http.client.HTTPConnection(self.host, self.port, timeout=timeout)

    def get(self, path: str, params: dict[str, Any]) -> tuple[int, bytes]:
        """Status and body of ``GET path?params`` (lists as repeated parameters)."""
        target = f"{path}?{urlencode(params, doseq=True)}" if params else path
        for attempt in (1, 2):  # a kept-alive connection the server closed: once more
            try:
                self.conn.request("GET", target)
                r = self.conn.getresponse()
                return r.status, r.read()
            except (http.client.HTTPException, ConnectionError):
                self.conn.close()
                self.conn = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
                if attempt == 2:
                    raise
        raise AssertionError("unreachable")

    def close(self) -> None:
        self.conn.close()


def _family(pid: int) -> list[int]:
    """A process and its descendants (uvicorn's workers)."""
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        with contextlib.suppress(OSError, ValueError):
            todo += [int(x) for x in Path(f"/proc/{p}/task/{p}/children").read_text().split()]
    return out


def cpu_seconds(pid: int) -> float:
    """User + system CPU of a process and its descendants so far (from /proc)."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for p in _family(pid):
        with contextlib.suppress(OSError, ValueError, IndexError):
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / tick
    return total


@dataclass
class Result:
    endpoint: str
    requests: int
    seconds: float
    latencies: list[float] = field(default_factory=list)
    statuses: Counter[int] = field(default_factory=Counter)
    #: CPU seconds of the clients (this process), of the server and of the database (a
    #: Neo4j server's JVM, when its pid is given) during the run
    client_cpu: float = 0.0
    server_cpu: float = 0.0
    db_cpu: float | None = None

    def row(self) -> dict[str, Any]:
        lat = self.latencies
        return {
            "endpoint": self.endpoint,
            "requests": self.requests,
            "rps": round(self.requests / self.seconds, 1),
            "p50_ms": round(1000 * statistics.median(lat), 1),
            "p95_ms": round(1000 * pct(lat, 95), 1),
            "p99_ms": round(1000 * pct(lat, 99), 1),
            "statuses": dict(sorted(self.statuses.items())),
            "server_cpu_ms": round(1000 * self.server_cpu / max(1, self.requests), 2),
            "client_cpu_ms": round(1000 * self.client_cpu / max(1, self.requests), 2),
            "client_share": round(
                self.client_cpu / max(1e-9, self.client_cpu + self.server_cpu), 3
            ),
        } | (
            {}
            if self.db_cpu is None
            else {"db_cpu_ms": round(1000 * self.db_cpu / max(1, self.requests), 2)}
        )


def hammer(
    url: str,
    endpoint: str,
    params: list[dict[str, Any]],
    clients: int,
    server_pid: int | None = None,
    db_pid: int | None = None,
) -> Result:
    """``len(params)`` requests from ``clients`` threads pulling from one queue; with
    ``server_pid``, the CPU the server and the clients spent on them; with ``db_pid`` (a
    Neo4j server's JVM), the database's too."""
    lock = threading.Lock()
    next_i = 0
    lat: list[float] = []
    statuses: Counter[int] = Counter()

    def client() -> None:
        nonlocal next_i
        c = Client(url)
        try:
            while True:
                with lock:
                    i = next_i
                    next_i += 1
                if i >= len(params):
                    return
                t = time.perf_counter()
                status, _body = c.get("/" + endpoint, params[i])
                dt = time.perf_counter() - t
                with lock:
                    lat.append(dt)
                    statuses[status] += 1
        finally:
            c.close()

    threads = [threading.Thread(target=client) for _ in range(clients)]
    server0 = cpu_seconds(server_pid) if server_pid else 0.0
    db0 = cpu_seconds(db_pid) if db_pid else 0.0
    client0 = time.process_time()
    t0 = time.perf_counter()
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    res = Result(endpoint, len(params), time.perf_counter() - t0, lat, statuses)
    res.client_cpu = time.process_time() - client0
    res.server_cpu = cpu_seconds(server_pid) - server0 if server_pid else 0.0
    res.db_cpu = cpu_seconds(db_pid) - db0 if db_pid else None
    return res


# ---------------------------------------------------------------------- wrk

#: A wrk script asking each of ``paths`` once in turn over all connections, one thread:
#: ``response`` counts the answers and says ALLDONE when ``n`` are in (the driver then stops
#: wrk with SIGINT: wrk's ``-d`` is a fixed sleep), ``done`` prints the figures as JSON.
WRK_SCRIPT = """
local paths = {%(paths)s}
local n, i, answered = %(n)d, 0, 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i - 1) %% #paths + 1])
end
response = function(status, headers, body)
  answered = answered + 1
  if answered == n then io.write("ALLDONE\\n"); io.flush() end
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'WRKJSON {"requests": %%d, "p50_us": %%d, "p95_us": %%d, "p99_us": %%d, "max_us": %%d, ' ..
    '"errors": %%d, "non2xx": %%d}\\n',
    summary.requests, latency:percentile(50), latency:percentile(95), latency:percentile(99),
    latency.max, e.connect + e.read + e.write + e.timeout, e.status))
end
"""


def wrk_hammer(
    url: str, endpoint: str, params: list[dict[str, Any]], clients: int, server_pid: int
) -> dict[str, Any]:
    """``params`` asked by ``wrk`` (a C load generator: one thread, ``clients`` kept-alive
    connections, the script :data:`WRK_SCRIPT`), each once. The last ``clients`` questions
    only keep every connection busy to the end: the driver stops wrk when the others are
    answered (requests/s and the server's CPU, from /proc, are of those; wrk's percentiles
    also hold the few of the last ones answered by then). wrk's own CPU from its rusage."""
    import resource

    targets = [f"/{endpoint}?{urlencode(q, doseq=True)}" for q in params]
    n = len(targets) - clients  # the last ``clients`` only keep every connection busy
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as fh:
        fh.write(WRK_SCRIPT % {"paths": ", ".join(json.dumps(t) for t in targets), "n": n})
        script = fh.name
    try:
        server0 = cpu_seconds(server_pid)
        own0 = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.perf_counter()
        proc = subprocess.Popen(
            ["wrk", "-t1", f"-c{clients}", "-d600s", "--timeout", "60s", "-s", script, url],
            stdout=subprocess.PIPE,
            text=True,
        )
        assert proc.stdout is not None
        out = []
        for line in proc.stdout:
            out.append(line)
            if line.startswith("ALLDONE"):
                seconds = time.perf_counter() - t0
                server_cpu = cpu_seconds(server_pid) - server0
                proc.send_signal(signal.SIGINT)
        proc.wait()
        own1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    finally:
        os.unlink(script)
    found = [json.loads(line[8:]) for line in out if line.startswith("WRKJSON ")]
    if not found or "seconds" not in locals():
        raise SystemExit("wrk gave no figures:\n" + "".join(out))
    w = found[0]
    wrk_cpu = (own1.ru_utime - own0.ru_utime) + (own1.ru_stime - own0.ru_stime)
    return {
        "endpoint": endpoint,
        "client": "wrk",
        "requests": n,
        "rps": round(n / seconds, 1),
        "p50_ms": round(w["p50_us"] / 1000, 1),
        "p95_ms": round(w["p95_us"] / 1000, 1),
        "p99_ms": round(w["p99_us"] / 1000, 1),
        "errors": w["errors"],
        "non2xx": w["non2xx"],
        "server_cpu_ms": round(1000 * server_cpu / n, 2),
        "client_cpu_ms": round(1000 * wrk_cpu / max(1, w["requests"]), 2),
    }


def run(
    label: str,
    store: str,
    inputs: dict[str, list[dict[str, Any]]],
    args: argparse.Namespace,
    workers: int,
    db_pid: int | None = None,
) -> dict[str, Any]:
    """One server on ``store`` with ``workers`` workers, the endpoints of ``args.endpoints``
    asked by ``args.clients`` clients; with ``db_pid`` (a Neo4j server's JVM) the database's
    CPU per request as well."""
    label = f"{label}, {workers} uvicorn worker{'s' if workers > 1 else ''}"
    endpoints = [e for e in ENDPOINTS if e in args.endpoints]
    server = Server(store, workers, args.port)
    try:
        ready_s = server.wait_ready()
        print(f"[{label}] ready in {ready_s:.1f} s at {server.url}", flush=True)
        cold_pagerank = None
        if "influence" in endpoints:
            with httpx.Client(base_url=server.url, timeout=600) as c:
                # warm-up: adjacency caches; influence computed once per graph version
                t = time.perf_counter()
                for metric in ("pagerank", "degree"):
                    # a ranking not computed within the query limit is refused with 400
                    # over_limit "ask again" while it goes on: ask again, for a few minutes
                    for _ in range(30):
                        r = c.get("/influence", params={"metric": metric, "top": 20})
                        if r.status_code != 400:
                            break
                        time.sleep(1)
                    r.raise_for_status()
                    if metric == "pagerank":
                        cold_pagerank = round(time.perf_counter() - t, 2)
            # every worker computes its own ranking once: warm them all (concurrent
            # requests, until a whole round is answered from the caches)
            warm = [{"metric": m, "top": 20} for m in ("pagerank", "degree")] * 8 * workers
            for _ in range(10):
                if max(hammer(server.url, "influence", warm, args.clients).latencies) < 0.5:
                    break
        for endpoint in endpoints:  # path adjacency, query plans, per worker
            if endpoint != "influence":
                warm_up = inputs[endpoint][-4 * args.clients :]
                hammer(server.url, endpoint, warm_up, args.clients)
        rows = []
        for endpoint in endpoints:
            res = hammer(
                server.url, endpoint, inputs[endpoint], args.clients, server.proc.pid, db_pid
            )
            row = {**res.row(), "load": round(os.getloadavg()[0], 1)}
            rows.append(row)
            print(f"[{label}] {json.dumps(row)}", flush=True)
        if "paths" in endpoints:
            # the same paths one at a time: the latency of one answer, without queueing
            one = inputs["paths"][: max(8, len(inputs["paths"]) // 4)]
            res = hammer(server.url, "paths", one, 1, server.proc.pid, db_pid)
            row = {**res.row(), "endpoint": "paths (1 client)"}
            rows.append(row)
            print(f"[{label}] {json.dumps(row)}", flush=True)
        return {
            "label": label,
            "ready_s": round(ready_s, 1),
            "pagerank_cold_s": cold_pagerank,
            "rows": rows,
        }
    finally:
        server.stop()


# ---------------------------------------------------------------------- soak


def rss_mb(pid: int) -> float:
    """Resident memory of a process and its children (uvicorn workers), in MB."""
    total = 0.0
    pids = [pid]
    with contextlib.suppress(OSError):
        pids += [int(x) for x in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    for p in pids:
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1]) / 1024
        except OSError:
            pass
    return total


def soak(store: str, inputs: dict[str, list[dict[str, Any]]], args: argparse.Namespace) -> dict:
    """``--clients`` clients for ``--soak`` seconds right after a write, rankings cold: a mix
    of paths, brokers, subgraphs and influence questions (three metrics, several windows, so
    many distinct rankings are asked at once); errors, latency and the server's memory."""
    server = Server(store, 1, args.port)
    try:
        server.wait_ready()
        with httpx.Client(base_url=server.url, timeout=60) as c:
            # a write first: whatever the server had computed is of an older version
            rec = {"kind": "actor", "id": f"soak-{time.time_ns()}", "name": "Soak", "type": "state"}
            r = c.post(
                "/ingest",
                content=json.dumps(rec) + "\n",
                headers={"Content-Type": "application/x-ndjson", "X-API-Key": "bench"},
            )
            print(f"write before the soak: {r.status_code}", flush=True)
        rng = random.Random(3)
        windows = [
            {},
            {"since": "2023-06-01"},
            {"until": "2024-06-30"},
            {"since": "2024-01-01", "until": "2024-03-31"},
        ]
        mix: list[tuple[str, dict[str, Any]]] = []
        for i in range(100_000):
            kind = ("paths", "brokers", "subgraph", "influence")[i % 4]
            if kind == "influence":
                q = {"metric": rng.choice(["pagerank", "betweenness", "degree"]), "top": 20}
                q.update(rng.choice(windows))
            else:
                q = inputs[kind][i % len(inputs[kind])]
            mix.append((kind, q))
        lock = threading.Lock()
        stop = time.monotonic() + args.soak
        lat: list[float] = []
        by_kind: dict[str, list[float]] = {}
        statuses: Counter[int] = Counter()
        nxt = 0
        mem: list[float] = [rss_mb(server.proc.pid)]

        def client() -> None:
            nonlocal nxt
            c = Client(server.url)
            while time.monotonic() < stop:
                with lock:
                    kind, q = mix[nxt % len(mix)]
                    nxt += 1
                t = time.perf_counter()
                try:
                    code = c.get("/" + kind, q)[0]
                except (OSError, http.client.HTTPException):
                    code = 0
                with lock:
                    lat.append(time.perf_counter() - t)
                    by_kind.setdefault(kind, []).append(lat[-1])
                    statuses[code] += 1
            c.close()

        threads = [threading.Thread(target=client) for _ in range(args.clients)]
        for th in threads:
            th.start()
        while any(th.is_alive() for th in threads):
            time.sleep(5)
            mem.append(rss_mb(server.proc.pid))
        for th in threads:
            th.join()
        time.sleep(5)
        mem_after = rss_mb(server.proc.pid)
        return {
            "seconds": args.soak,
            "requests": len(lat),
            "errors": sum(v for k, v in statuses.items() if k == 0 or k >= 500),
            "statuses": dict(sorted(statuses.items())),
            "p50_ms": round(1000 * statistics.median(lat), 1),
            "p95_ms": round(1000 * pct(lat, 95), 1),
            "p99_ms": round(1000 * pct(lat, 99), 1),
            "rss_start_mb": round(mem[0], 1),
            "rss_max_mb": round(max(mem), 1),
            "rss_after_mb": round(mem_after, 1),
            "by_endpoint": {
                k: {
                    "requests": len(v),
                    "p50_ms": round(1000 * statistics.median(v), 1),
                    "p95_ms": round(1000 * pct(v, 95), 1),
                }
                for k, v in sorted(by_kind.items())
            },
        }
    finally:
        server.stop()


# ---------------------------------------------------------------------- report


def _cell(endpoint: str) -> str:
    """``paths (1 client)`` -> ```/paths` (1 client)``."""
    name, _, rest = endpoint.partition(" (")
    return f"`/{name}`" + (f" ({rest}" if rest else "")


def markdown(results: list[dict[str, Any]], args: argparse.Namespace) -> str:
    lines = [
        "## API",
        "",
        f"`python bench/api_load.py --relations {args.relations} --clients {args.clients} "
        f"--requests {args.requests} --workers {' '.join(map(str, args.workers))}` "
        f"({time.strftime('%Y-%m-%d')}).",
        "",
        f"Machine: {machine()}. The machine is shared; client threads and the server run on "
        f"the same cores; load average when the run started: {args.load_before}.",
        "",
        f"Synthetic graph: {args.relations} relations (`ingest.synthetic`, seed {SEED}), served "
        "by uvicorn on 127.0.0.1 (each worker process holds its own copy of the graph); "
        f"{args.clients} concurrent clients (threads, one kept-alive `http.client` "
        "connection each), "
        f"{args.requests} requests per endpoint. Paths and brokers: random actor pairs, "
        "`max_hops=4` (paths `limit=25`, brokers `top=10`); influence: `pagerank` and "
        "`degree` alternately, `top=20` (cached per graph version after the first request); "
        "subgraph: one random actor, `depth=1`, `limit=200`.",
        "",
    ]
    for res in results:
        lines += [
            f"### {res['label']}",
            "",
            f"Ready (graph loaded) in {res['ready_s']} s"
            + (
                f"; first `/influence?metric=pagerank` (cold, computes it) "
                f"{res['pagerank_cold_s']} s."
                if res["pagerank_cold_s"] is not None
                else "."
            ),
            "",
            "| endpoint | requests/s | p50 ms | p95 ms | p99 ms | statuses "
            "| server CPU ms/request | database CPU ms/request "
            "| clients' CPU ms/request (share) |",
            "|---|---:|---:|---:|---:|---|---:|---:|---:|",
        ]
        for r in res["rows"]:
            st = ", ".join(f"{k}: {v}" for k, v in r["statuses"].items())
            lines.append(
                f"| {_cell(r['endpoint'])} | {r['rps']} | {r['p50_ms']} | {r['p95_ms']} | "
                f"{r['p99_ms']} | {st} | {r['server_cpu_ms']} | {r.get('db_cpu_ms', '')} "
                f"| {r['client_cpu_ms']} ({100 * r['client_share']:.0f} %) |"
            )
        lines.append("")
    return "\n".join(lines)


def write_docs(section: str) -> None:
    path = ROOT / "docs" / "performance.md"
    text = path.read_text(encoding="utf-8") if path.exists() else "# Performance\n"
    start = text.find("\n## API\n")
    if start >= 0:
        end = text.find("\n## ", start + 1)
        text = text[:start] + "\n" + section.rstrip() + "\n" + (text[end:] if end >= 0 else "")
    else:
        text = text.rstrip() + "\n\n" + section.rstrip() + "\n"
    path.write_text(text, encoding="utf-8")
    print(f"wrote the API section of {path}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--relations", type=int, default=100_000)
    ap.add_argument("--clients", type=int, default=16)
    ap.add_argument("--requests", type=int, default=800, help="per endpoint")
    ap.add_argument(
        "--workers", type=int, nargs="+", default=[1, 2], help="uvicorn worker processes (each)"
    )
    ap.add_argument("--store", type=Path, help="embedded store directory to build or reuse")
    ap.add_argument("--port", type=int, help="the server's port (default: a free one)")
    ap.add_argument("--neo4j", help="also run against this Neo4j URI (loads the data into it)")
    ap.add_argument("--neo4j-wipe", action="store_true", help="empty the Neo4j store first")
    ap.add_argument(
        "--neo4j-keep",
        action="store_true",
        help="ask the Neo4j store as it is (loaded by an earlier run with the same --relations)",
    )
    ap.add_argument(
        "--neo4j-requests",
        type=int,
        default=200,
        help="requests per endpoint on Neo4j (the test lock is held meanwhile)",
    )
    ap.add_argument(
        "--neo4j-workers",
        type=int,
        default=available_cores(),
        help="uvicorn workers for the Neo4j store (default: as `actorgraph serve`, the cores "
        "this process may run on)",
    )
    ap.add_argument(
        "--neo4j-pid",
        type=int,
        help="the Neo4j server's JVM (scripts/neo4j writes it to .neo4j/neo4j.pid): its CPU "
        "per request in the figures",
    )
    ap.add_argument(
        "--endpoints",
        nargs="+",
        choices=ENDPOINTS,
        default=list(ENDPOINTS),
        help="what to ask (default: all)",
    )
    ap.add_argument("--only-neo4j", action="store_true", help="skip the embedded runs")
    ap.add_argument("--write-docs", action="store_true")
    ap.add_argument(
        "--soak", type=int, default=0, help="seconds of mixed load right after a write instead"
    )
    args = ap.parse_args()
    print(f"machine: {machine()}", flush=True)
    args.load_before = ", ".join(f"{x:.1f}" for x in os.getloadavg())

    tmp = None
    if args.store is None:
        tmp = tempfile.TemporaryDirectory(prefix="actorgraph-apibench-")
        args.store = Path(tmp.name) / "store"
    try:
        embedded_store(args.store, args.relations)
        inputs = query_inputs(args.store, args.requests)
        if args.soak:
            where = args.neo4j if args.only_neo4j else str(args.store)
            if args.only_neo4j:
                neo4j_store(args.neo4j, args.relations, args.neo4j_wipe)
            print(json.dumps(soak(where, inputs, args)), flush=True)
            return
        results = []
        if not args.only_neo4j:
            results += [
                run("embedded store", str(args.store), inputs, args, w) for w in args.workers
            ]
        if args.neo4j:
            if args.neo4j_keep:
                hold_neo4j_lock(args.neo4j)
            else:
                neo4j_store(args.neo4j, args.relations, args.neo4j_wipe)
            few = {k: v[: args.neo4j_requests] for k, v in inputs.items()}
            results.append(
                run("Neo4j store", args.neo4j, few, args, args.neo4j_workers, args.neo4j_pid)
            )
        section = markdown(results, args)
        print(section)
        if args.write_docs:
            write_docs(section)
    finally:
        if tmp is not None:
            tmp.cleanup()


if __name__ == "__main__":
    main()
