"""The explorer page's third-party scripts (``api/static/vendor/``): which ones it needs, which
are missing, and how to get them.

They are built from npm (``make ui``: ``npm ci && npm run build``), not committed; a wheel
ships them (``setup.py`` builds them while building the package). Without them the page
cannot draw, so ``serve`` and the page itself say so. Standard library only: ``setup.py``
loads this file before the package is installed.
"""

from __future__ import annotations

import re
from pathlib import Path

STATIC_DIR = Path(__file__).resolve().parent / "static"
#: The files that load vendored scripts: the page and its layout worker.
LOADERS = ("index.html", "layout-worker.js")
_VENDORED = re.compile(r"""["'](vendor/[\w.@-]+\.js)["']""")

HOW_TO_GET_THEM = (
    "run `make ui` in the source tree (npm ci && npm run build; Node.js 18 or later), "
    "or install actorgraph from a wheel, which ships them"
)


def needed(static_dir: Path = STATIC_DIR) -> list[str]:
    """Vendored scripts the page and its worker load (``vendor/…`` paths), in order."""
    out: list[str] = []
    for name in LOADERS:
        path = static_dir / name
        if path.exists():
            for m in _VENDORED.findall(path.read_text(encoding="utf-8")):
                if m not in out:
                    out.append(m)
    return out


def missing(static_dir: Path = STATIC_DIR) -> list[str]:
    """The needed scripts that are not there."""
    return [p for p in needed(static_dir) if not (static_dir / p).is_file()]


def warning(static_dir: Path = STATIC_DIR) -> str | None:
    """One line for people when scripts are missing (None when the page has what it needs)."""
    gone = missing(static_dir)
    if not gone:
        return None
    shown = ", ".join(Path(p).name for p in gone[:3]) + (" …" if len(gone) > 3 else "")
    return (
        f"the explorer page cannot draw: {len(gone)} of its scripts are missing from "
        f"{static_dir / 'vendor'} ({shown}); {HOW_TO_GET_THEM}. The API works without them."
    )
