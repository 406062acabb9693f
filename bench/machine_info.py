"""What machine a benchmark ran on, in one place for every script in bench/."""

from __future__ import annotations

import os
import platform
from pathlib import Path


def machine_facts() -> dict[str, object]:
    """Usable cores, CPU model and Python version."""
    cpu = platform.processor() or "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    nproc = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return {"nproc": nproc, "cpu": cpu, "python": platform.python_version()}


def machine() -> str:
    """The same facts as one line for a report."""
    f = machine_facts()
    return f"{f['nproc']} cores (nproc), {f['cpu']}, Python {f['python']}"
