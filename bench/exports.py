"""Export benchmark: peak memory and CPU time of each export format on a synthetic stream.

The stream (``ingest.synthetic.synthetic_records``) is generated lazily and fed straight to
the exporter, so the figure is the exporter's own memory. The baseline, measured in the same
process on the same data, is the memory of holding the stream once as a list of records
(what an exporter that collected everything first would need at least). A streaming exporter
stays far below 1.0; one that held the relations would be near or above it.

Peak memory is Python's allocations as ``tracemalloc`` counts them (CPU time includes its
overhead, the same for every format).

Usage: ``python bench/exports.py [--relations 1000000] [--formats gexf csv ...]``.
Results are copied to ``docs/performance.md`` by hand (with the machine line printed here).
"""

from __future__ import annotations

import argparse
import tempfile
import time
import tracemalloc
from pathlib import Path

from actorgraph.graph.exports import FORMATS, export
from actorgraph.ingest.synthetic import synthetic_records
from machine_info import machine


class Sink:
    """A text file that only counts what is written."""

    def __init__(self) -> None:
        self.chars = 0

    def write(self, text: str) -> int:
        self.chars += len(text)
        return len(text)


def measure(fn: object) -> tuple[float, float]:
    """(peak MiB, CPU seconds) of ``fn()``."""
    tracemalloc.start()
    t0 = time.process_time()
    fn()  # type: ignore[operator]
    cpu = time.process_time() - t0
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 2**20, cpu


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--relations", type=int, default=200_000)
    ap.add_argument("--formats", nargs="*", default=list(FORMATS))
    args = ap.parse_args()
    n = args.relations
    print(f"machine: {machine()}")
    held: list[object] = []
    base_mib, base_cpu = measure(lambda: held.extend(synthetic_records(relations=n)))
    records = len(held)
    held.clear()
    print(
        f"{n} relations, {records} records; baseline (the stream held as a list): "
        f"{base_mib:.1f} MiB, {base_cpu:.1f} s CPU"
    )
    print("| format | peak MiB | ratio to baseline | CPU s | output |")
    print("| --- | --- | --- | --- | --- |")
    for fmt in args.formats:
        f = FORMATS[fmt]
        with tempfile.TemporaryDirectory() as tmp:
            sink = Sink()

            def run(fmt: str = fmt, tmp: str = tmp, sink: Sink = sink) -> None:
                target = tmp if FORMATS[fmt].shape == "tables" else sink
                export(synthetic_records(relations=n), fmt, target)

            mib, cpu = measure(run)
            if f.shape == "tables":
                size = sum(p.stat().st_size for p in Path(tmp).iterdir()) / 2**20
                out = f"{size:.0f} MiB on disk"
            else:
                out = f"{sink.chars / 2**20:.0f} M characters"
        print(f"| {fmt} | {mib:.1f} | {mib / base_mib:.3f} | {cpu:.1f} | {out} |", flush=True)


if __name__ == "__main__":
    main()
