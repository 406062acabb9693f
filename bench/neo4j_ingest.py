"""Neo4j ingest benchmark: ``Neo4jStore.write`` against a minimal hand-written loader.

Both run in the same process against the same server and database, on the same seeded
synthetic data (:func:`ingest.synthetic.synthetic_records`) cut into the same batches:

* store: :meth:`graph.neo4j.Neo4jStore.write` per batch (write lock, read of the batch's
  nodes and relations, merge in Python with :mod:`graph.merge`, ``UNWIND`` writes, version);
* baseline: per batch one write transaction of bare ``UNWIND $rows ... MERGE`` statements
  (nodes by id with their properties, one relationship per type and ends with the evidence
  appended), no checks, no merging, no deduplication of evidence.

After unmeasured warm-up rounds (the JVM compiles hot query plans, and the store has more
statements to warm up than the baseline), rounds alternate (baseline, store, baseline, store,
...) with the database wiped before each run. The machine this was written on is shared, so
both the best run of each and the median of the per-round ratios are reported. Also timed,
for context: a full ``Loader`` ingest of the same records (validation, name resolution,
batching) and a second, idempotent ``write`` of every batch (reads only, nothing written).

Usage::

    scripts/neo4j/neo4j start
    python bench/neo4j_ingest.py [--relations 20000] [--rounds 7] [--warmup 2] [--batch 1000]
                                 [--write-doc]

``--write-doc`` appends the figures under the "Neo4j" heading of ``docs/performance.md``.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import asdict
from datetime import date
from pathlib import Path
from typing import Any

import neo4j
from actorgraph.graph.model import ACTOR, TOPIC, Actor, Document, Evidence, Relation, Topic
from actorgraph.graph.neo4j import Neo4jStore
from actorgraph.graph.schema import default_schema
from actorgraph.graph.store import WriteBatch
from actorgraph.ingest.loader import Loader
from actorgraph.ingest.synthetic import synthetic_records
from machine_info import machine

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "performance.md"

# The baseline is deliberately not one of the store's named queries: it is the plainest
# loader one would write by hand, to measure what the store's checks and merging cost.
BASE_NODES = "UNWIND $rows AS row MERGE (n:Node:{label} {{id: row.id}}) SET n += row.props"
BASE_RELS = (
    "UNWIND $rows AS row "
    "MATCH (s:Node {{id: row.source}}) MATCH (t:Node {{id: row.target}}) "
    "MERGE (s)-[r:{label}]->(t) "
    "SET r.evidence = coalesce(r.evidence, []) + row.evidence"
)


def batches(records: list[dict[str, Any]], size: int) -> Iterator[WriteBatch]:
    """The records as write batches of ``size`` items, nodes before relations (as ingest)."""
    topics = {r["id"] for r in records if r["kind"] == "topic"}
    batch = WriteBatch()
    for rec in records:
        kind = rec["kind"]
        if kind == "document":
            batch.documents.append(Document(rec["id"], rec["title"], published=rec["published"]))
        elif kind == "actor":
            batch.actors.append(Actor(rec["id"], rec["name"], rec["type"], list(rec["aliases"])))
        elif kind == "topic":
            batch.topics.append(Topic(rec["id"], rec["name"], list(rec["keywords"])))
        else:
            source, target = rec["source"], rec["target"]
            if rec["type"] == "allied_with" and target < source:
                source, target = target, source
            ev = Evidence(
                document=rec["document"],
                sentence=rec["evidence"],
                date=rec["date"],
                confidence=rec["confidence"],
            )
            tkind = TOPIC if target in topics else ACTOR
            batch.relations.append(Relation(rec["type"], source, target, [ev], tkind))
        if len(batch) >= size:
            yield batch
            batch = WriteBatch()
    if len(batch):
        yield batch


def baseline_write(driver: neo4j.Driver, batch: WriteBatch) -> None:
    schema = default_schema()

    def work(tx: neo4j.ManagedTransaction) -> None:
        for label, nodes in (
            ("Document", batch.documents),
            ("Actor", batch.actors),
            ("Topic", batch.topics),
        ):
            if nodes:
                rows = [
                    {"id": n.id, "props": {k: v for k, v in asdict(n).items() if v is not None}}
                    for n in nodes
                ]
                tx.run(BASE_NODES.format(label=label), rows=rows).consume()
        by_type: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for r in batch.relations:
            by_type[schema.relation(r.type).label].append(
                {
                    "source": r.source,
                    "target": r.target,
                    "evidence": [json.dumps(asdict(e)) for e in r.evidence],
                }
            )
        for label, rows in by_type.items():
            tx.run(BASE_RELS.format(label=label), rows=rows).consume()

    with driver.session(database="neo4j") as session:
        session.execute_write(work)


#: CPU seconds of each timed run: this process's (both threads) and the server's, by label
CPU: dict[str, list[tuple[float, float]]] = defaultdict(list)
SERVER_PID: int | None = None


def server_cpu(pid: int | None = None) -> float:
    """CPU seconds the Neo4j server process ``pid`` (default: :data:`SERVER_PID`) has used
    (0 when its pid is not known: a server on another machine, or not started by
    ``scripts/neo4j/neo4j``)."""
    pid = SERVER_PID if pid is None else pid
    if pid is None:
        return 0.0
    try:
        stat = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(stat[11]) + int(stat[12])) / os.sysconf("SC_CLK_TCK")


#: The server's threads by what they do, from their names as ``/proc`` gives them (15
#: characters): the first group with a prefix of the name; any other thread is "other".
THREAD_GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("queries and commits", ("neo4j.BoltWork",)),
    ("garbage collection", ("GC Thread", "G1 ", "VM Thread")),
    ("JIT compilers", ("C1 CompilerThre", "C2 CompilerThre")),
)
#: the server's CPU seconds of each timed run by thread group (:data:`THREAD_GROUPS`), by label
THREADS: dict[str, list[dict[str, float]]] = defaultdict(list)


def server_threads(
    pid: int | None = None, proc: Path = Path("/proc")
) -> dict[str, tuple[str, float]]:
    """The server's live threads: thread id to (group, CPU seconds so far); empty when its pid
    is not known."""
    pid = SERVER_PID if pid is None else pid
    if pid is None:
        return {}
    try:
        tasks = list((proc / str(pid) / "task").iterdir())
    except OSError:
        return {}
    out = {}
    for task in tasks:
        try:
            name = (task / "comm").read_text().strip()
            stat = (task / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # it ended meanwhile
        group = next((g for g, prefixes in THREAD_GROUPS if name.startswith(prefixes)), "other")
        out[task.name] = (group, (int(stat[11]) + int(stat[12])) / os.sysconf("SC_CLK_TCK"))
    return out


def thread_split(
    before: dict[str, tuple[str, float]], after: dict[str, tuple[str, float]], total: float
) -> dict[str, float]:
    """The server's CPU between two :func:`server_threads` readings by group; ``total`` (the
    process's, which keeps the time of threads that ended) less the groups' is "other"."""
    split = {group: 0.0 for group, _ in THREAD_GROUPS}
    for tid, (group, seconds) in after.items():
        if group != "other":
            split[group] += seconds - before.get(tid, (group, 0.0))[1]
    split["other"] = total - sum(split.values())
    return split


def threads_line(label: str) -> str:
    """The median of each group of the server's CPU over the runs of ``label``."""
    if not THREADS[label]:
        return ""
    parts = ", ".join(
        f"{group} {statistics.median(run[group] for run in THREADS[label]):.1f} s"
        for group in THREADS[label][0]
    )
    runs = len(THREADS[label])
    return f"The server's CPU in the runs of {label}, by thread (median of {runs}): {parts}."


def server_args(ap: argparse.ArgumentParser) -> None:
    """The options that say which Neo4j server to use (and its pid, for its CPU time)."""
    ap.add_argument(
        "--uri", default=os.environ.get("ACTORGRAPH_TEST_NEO4J_URI", "bolt://127.0.0.1:17687")
    )
    ap.add_argument("--user", default=os.environ.get("NEO4J_USER", "neo4j"))
    ap.add_argument("--password", default=os.environ.get("NEO4J_PASSWORD", "actorgraph-test"))
    ap.add_argument(
        "--server-pid",
        type=int,
        help="the Neo4j server's pid, for its CPU time (default: .neo4j/neo4j.pid if there)",
    )


def server_pid(args: argparse.Namespace) -> int | None:
    """``--server-pid``, else the pid ``scripts/neo4j/neo4j`` wrote (in ``NEO4J_STATE_DIR``
    when set, as the script reads it), else None."""
    pid_file = Path(os.environ.get("NEO4J_STATE_DIR") or ROOT / ".neo4j") / "neo4j.pid"
    if args.server_pid is not None:
        return int(args.server_pid)
    return int(pid_file.read_text().strip()) if pid_file.exists() else None


def timed(fn: Any, *args: Any, label: str = "") -> float:
    client, server, threads = time.process_time(), server_cpu(), server_threads()
    start = time.perf_counter()
    fn(*args)
    elapsed = time.perf_counter() - start
    if label:
        used = server_cpu() - server
        CPU[label].append((time.process_time() - client, used))
        if threads:
            THREADS[label].append(thread_split(threads, server_threads(), used))
    return elapsed


def cpu_line(bare: str, full: str) -> str:
    """The median CPU of the runs of ``bare`` and ``full`` and their ratio (the figure to read
    on a shared machine, where wall time swings with the load)."""
    if not CPU[bare] or not CPU[full]:
        return ""
    b = [c + s for c, s in CPU[bare]]
    f = [c + s for c, s in CPU[full]]
    client = statistics.median(c for c, _ in CPU[full]), statistics.median(c for c, _ in CPU[bare])
    server = statistics.median(s for _, s in CPU[full]), statistics.median(s for _, s in CPU[bare])
    return (
        f"CPU (client + server, median of {len(f)}): {full} {statistics.median(f):.1f} s "
        f"(client {client[0]:.1f}, server {server[0]:.1f}) against {bare} "
        f"{statistics.median(b):.1f} s (client {client[1]:.1f}, server {server[1]:.1f}): "
        f"ratio **{statistics.median(b) / statistics.median(f):.2f}**."
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    server_args(ap)
    ap.add_argument("--relations", type=int, default=20_000)
    ap.add_argument("--rounds", type=int, default=7)
    ap.add_argument("--warmup", type=int, default=2, help="unmeasured rounds first")
    ap.add_argument("--batch", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--write-doc", action="store_true", help="append to docs/performance.md")
    ap.add_argument("--no-loader", action="store_true", help="skip the runs from the file")
    ap.add_argument(
        "--only-file", action="store_true", help="only the runs from the file (bare, Loader)"
    )
    args = ap.parse_args()
    global SERVER_PID
    SERVER_PID = server_pid(args)

    # the bench wipes the database: wait for any test session using it (tests/conftest.py)
    sys.path.insert(0, str(ROOT))
    from tests.helpers import hold_neo4j_lock

    print(f"waiting for the lock on {args.uri} …", flush=True)
    hold_neo4j_lock(uri=args.uri)
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    records = list(synthetic_records(args.relations, seed=args.seed))
    work = list(batches(records, args.batch))
    n_records = len(records)
    store = Neo4jStore(args.uri, user=args.user, password=args.password, batch_size=args.batch)
    driver = neo4j.GraphDatabase.driver(args.uri, auth=(args.user, args.password))
    print(f"{machine()}; {n_records} records ({args.relations} relations), batches of {args.batch}")

    def run_store() -> None:
        for b in work:
            store.write(b)

    def run_baseline() -> None:
        for b in work:
            baseline_write(driver, b)

    tmpdir = tempfile.TemporaryDirectory()
    path = Path(tmpdir.name) / "synthetic.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")

    def run_baseline_file() -> None:
        """The bare loader from the file: parse, batch, UNWIND ... MERGE."""
        with path.open(encoding="utf-8") as fh:
            recs = [json.loads(line) for line in fh]
        for b in batches(recs, args.batch):
            baseline_write(driver, b)

    def run_loader() -> None:
        Loader(store, batch_size=args.batch).load_file(path)

    if args.only_file:  # the store's queries need warming too: a small load first
        store.wipe()
        for b in work[: max(1, len(work) // 50)]:
            store.write(b)
    for _ in range(args.warmup):  # the JVM compiles hot query plans: warm both up first
        store.wipe()
        run_baseline()
        store.wipe()
        run_store()
    store_times: list[float] = []
    base_times: list[float] = []
    file_times: list[float] = []
    loader_times: list[float] = []
    for round_ in range(args.rounds):
        if not args.only_file:
            store.wipe()
            base_times.append(timed(run_baseline, label="baseline"))
            store.wipe()
            store_times.append(timed(run_store, label="store"))
        if not args.no_loader:
            store.wipe()
            file_times.append(timed(run_baseline_file, label="bare loader"))
            store.wipe()
            loader_times.append(timed(run_loader, label="Loader"))
        print(
            f"round {round_ + 1}: "
            + (
                f"baseline {n_records / base_times[-1]:,.0f} rec/s, "
                f"store {n_records / store_times[-1]:,.0f} rec/s"
                if base_times
                else ""
            )
            + (
                f"; from the file: bare {n_records / file_times[-1]:,.0f} rec/s, "
                f"Loader {n_records / loader_times[-1]:,.0f} rec/s"
                if loader_times
                else ""
            )
            + "".join(
                f"; {label} CPU {c:.1f} s client + {sv:.1f} s server"
                for label in ("bare loader", "Loader")
                if CPU[label]
                for c, sv in CPU[label][-1:]
            ),
            flush=True,
        )
    counts = store.counts()
    rewrite = timed(run_store) if not args.only_file else float("nan")  # idempotent: no writes
    if not base_times:
        base_times, store_times = [float("nan")], [float("nan")]
    store.wipe()
    store.close()
    driver.close()
    tmpdir.cleanup()
    loader = min(loader_times) if loader_times else float("nan")
    bare_file = min(file_times) if file_times else float("nan")

    best_store, best_base = min(store_times), min(base_times)
    ratio = best_base / best_store
    paired = statistics.median(b / s for b, s in zip(base_times, store_times, strict=True))
    lines = [
        f"- {date.today().isoformat()}, Neo4j Community 5.26 (local, `scripts/neo4j/neo4j`), "
        f"driver {neo4j.__version__}; {machine()}; server and client share the cores; "
        f"load average when the run started: {load}.",
        f"- Data: `synthetic_records({args.relations}, seed={args.seed})`: {n_records} records "
        f"({counts['nodes']['Actor']} actors, {sum(counts['relations'].values())} relations, "
        f"{counts['evidence']} pieces of evidence), batches of {args.batch}; "
        f"{args.warmup} unmeasured warm-up rounds, then {args.rounds} alternating rounds, "
        "database wiped before each run.",
        "",
        "| run | seconds | records/s |",
        "|---|---:|---:|",
        f"| baseline: bare `UNWIND $rows MERGE` loader | {best_base:.2f} | "
        f"{n_records / best_base:,.0f} |",
        f"| `Neo4jStore.write` (lock, read, merge, write) | {best_store:.2f} | "
        f"{n_records / best_store:,.0f} |",
        f"| `Neo4jStore.write` again (idempotent, writes nothing) | {rewrite:.2f} | "
        f"{n_records / rewrite:,.0f} |",
        f"| bare loader from the JSONL file (parse, batch, `UNWIND … MERGE`) | {bare_file:.2f} "
        f"| {n_records / bare_file:,.0f} |",
        f"| full `Loader` ingest of the JSONL (checks, resolution, writes) | {loader:.2f} | "
        f"{n_records / loader:,.0f} |",
        "",
        f"Loader/bare-loader throughput ratio from the same file: **{bare_file / loader:.2f}** "
        "best against best (target ≥ 0.9). "
        f"Store/baseline throughput ratio on prepared batches: **{ratio:.2f}** best against "
        f"best, **{paired:.2f}** median of the {len(base_times)} rounds. "
        f"All rounds: baseline {', '.join(f'{t:.2f}' for t in base_times)} s; "
        f"store {', '.join(f'{t:.2f}' for t in store_times)} s.",
        "",
        cpu_line("bare loader", "Loader"),
        cpu_line("baseline", "store"),
        *(threads_line(label) for label in ("bare loader", "Loader", "baseline", "store")),
    ]
    print("\n".join(lines))
    if args.write_doc:
        write_doc(lines)


def write_doc(lines: list[str]) -> None:
    text = DOC.read_text(encoding="utf-8") if DOC.exists() else "# Performance\n"
    section = "\n".join(
        [
            "## Neo4j",
            "",
            "Ingest throughput of the Neo4j backend, measured by `bench/neo4j_ingest.py`"
            " (`python bench/neo4j_ingest.py --write-doc`).",
            "",
            *lines,
            "",
            "What the store does beyond the baseline, per batch: one more statement"
            " (`write_begin`: version, write lock, relation ends that are not actors), a read"
            " of the batch's nodes to merge them in Python, Python-side deduplication of the"
            " batch's evidence (one SHA-1 key each), and, per relation, a read-before-write"
            " (evidence keys, so new evidence is appended and counted; the planner adds an"
            " `Eager`) and five properties instead of one (`key` with its per-type index for"
            " ordered export, `evidence`, `evidence_keys`, `confidence`, `windows` for date"
            " filters in Cypher). A write that changes nothing is rolled back instead of"
            " committed. On this shared 2-core machine single runs vary by up to 2x, so the"
            " ratio moves between runs (0.69-0.90 best against best, 0.64-0.79 median, over"
            " the last five runs during development).",
            "",
        ]
    )
    if "\n## Neo4j\n" in text:
        head, _, rest = text.partition("\n## Neo4j\n")
        nxt = rest.find("\n## ")
        text = head + "\n" + section + (rest[nxt:] if nxt >= 0 else "")
    else:
        text = text.rstrip("\n") + "\n\n" + section
    DOC.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
