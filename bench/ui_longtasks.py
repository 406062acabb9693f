"""The explorer's longest main-thread task per interaction, on the biggest view of a
20,000-relation synthetic graph (about 1,600 nodes and 6,200 relations).

Serves the real API (embedded store) over the synthetic graph, opens the view the browser test
opens (the 8 best-connected actors, 600 neighbours each) in Debian's headless chromium, and runs
every interaction of issue 14 ``--rounds`` times (``tests.ui_harness.big_view_interactions``),
each measured by the long-task observer from its start until the page is idle and has drawn,
and by Chrome's trace (the CPU time of the main thread's heaviest task). Prints the minimum and
the median per interaction, with the machine and its load average (the machine is shared: the
wall time includes the time other processes held the core, the CPU time is what the page
itself spent, about what an idle machine's wall time would be).

Usage: ``python bench/ui_longtasks.py [--rounds 5] [--port 18730] [--static DIR]``. Results
are copied to ``docs/performance.md`` by hand.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from actorgraph.api.app import create_app  # noqa: E402
from actorgraph.graph.embedded import EmbeddedStore  # noqa: E402
from actorgraph.ingest.loader import Loader  # noqa: E402
from actorgraph.ingest.synthetic import synthetic_records  # noqa: E402
from machine_info import machine  # noqa: E402

from tests.ui_harness import (  # noqa: E402
    CHROMIUM,
    CHROMIUM_ARGS,
    LONG_TASKS,
    VIEWPORT,
    TaskTracer,
    big_view_interactions,
    longest_task_and_cpu,
    open_page,
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--port", type=int, default=18730)
    parser.add_argument(
        "--static",
        type=Path,
        help="serve the page from this folder instead (another version of api/static/, e.g. "
        "`git archive <commit> api/static` with vendor/ copied in), to compare",
    )
    args = parser.parse_args()
    if args.static:
        import actorgraph.api.app as api_app

        api_app.STATIC_DIR = args.static.resolve()
    import uvicorn
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        store = EmbeddedStore(Path(tmp) / "store")
        Loader(store).load_records(list(synthetic_records(relations=20_000)), "synthetic")
        config = uvicorn.Config(
            create_app(store=store), host="127.0.0.1", port=args.port, log_level="warning"
        )
        server = uvicorn.Server(config)
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        base = f"http://127.0.0.1:{args.port}"
        while True:
            try:
                if httpx.get(f"{base}/schema", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.2)
        top = httpx.get(
            f"{base}/influence", params={"metric": "degree", "top": 9}, timeout=120
        ).json()
        seeds = [r["actor"]["id"] for r in top["data"]]
        loads = [os.getloadavg()[0]]
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                context = browser.new_context(viewport=VIEWPORT)
                context.add_init_script(LONG_TASKS)
                page = context.new_page()
                open_page(page, f"{base}/#seeds={','.join(seeds[:8])}&limit=600", timeout=180000)
                opening = max((d for _, d in page.evaluate("window.__longTasks")), default=0)
                size = page.evaluate("[cy.nodes().length, cy.edges().length]")
                steps = big_view_interactions(page, seeds)
                tracer = TaskTracer(page)
                runs: dict[str, list[float]] = {name: [] for name, _ in steps}
                cpus: dict[str, list[float]] = {name: [] for name, _ in steps}
                for _ in range(args.rounds):
                    for name, action in steps:
                        ms, cpu = longest_task_and_cpu(page, tracer, action)
                        runs[name].append(ms)
                        cpus[name].append(cpu)
                    loads.append(os.getloadavg()[0])
                browser.close()
        finally:
            server.should_exit = True
            thread.join(timeout=10)
            store.close()
    print(f"machine: {machine()}; load average (1 min) {min(loads):.1f}–{max(loads):.1f}")
    print(f"view: {size[0]} nodes, {size[1]} relations; opening: longest task {opening:.0f} ms")
    print(f"longest task per interaction, of {args.rounds} rounds: wall time (long-task observer)")
    print("and the CPU time of the task with the most (Chrome's trace: what the page spent)")
    print(f"{'interaction':32} {'min ms':>7} {'median ms':>9} {'cpu min':>8} {'cpu median':>10}")
    for name, ms in runs.items():
        cpu = cpus[name]
        print(
            f"{name:32} {min(ms):7.0f} {statistics.median(ms):9.0f}"
            f" {min(cpu):8.0f} {statistics.median(cpu):10.0f}"
        )


if __name__ == "__main__":
    main()
