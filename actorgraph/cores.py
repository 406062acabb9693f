"""How many cores this process may use: the one answer for ``serve``'s workers and for
extraction's processes. A module of its own so that the CLI asks it without importing spaCy."""

from __future__ import annotations

import os


def available_cores() -> int:
    """The cores this process may run on (its CPU affinity, which a container's or
    ``taskset``'s limit narrows), at least 1."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):  # pragma: no cover - no affinity on this platform
        return max(1, os.cpu_count() or 1)
