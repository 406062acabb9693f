"""Build hook: the wheel ships the explorer page's scripts (api/static/vendor/).

They come from npm (package.json, package-lock.json) and are gitignored, so a plain
``uv sync`` or ``pip install .`` used to give a page that could not draw. Before the
package's files are collected, this runs ``npm ci`` (whose postinstall is
``scripts/build-ui.mjs``) when the scripts are missing and npm is there. Without npm the
build goes on with a warning (the page and ``actorgraph serve`` then say what is missing),
unless ``ACTORGRAPH_REQUIRE_UI=1``, which makes it an error (for release builds).
Everything else is declared in pyproject.toml.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent


def _assets():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("ui_assets", ROOT / "api" / "ui_assets.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def ensure_ui_assets() -> None:
    assets = _assets()
    static = ROOT / "api" / "static"
    if not assets.missing(static):
        return
    npm = shutil.which("npm")
    if npm and (ROOT / "package-lock.json").exists():
        print("actorgraph: building the explorer's scripts (npm ci)", file=sys.stderr)
        done = subprocess.run(
            [npm, "ci", "--no-audit", "--no-fund", "--loglevel=error"], cwd=ROOT, check=False
        )
        if done.returncode == 0 and assets.missing(static):
            subprocess.run([npm, "run", "--silent", "build"], cwd=ROOT, check=False)
    note = assets.warning(static)
    if note is None:
        return
    if os.environ.get("ACTORGRAPH_REQUIRE_UI") == "1":
        raise SystemExit(f"actorgraph: {note}")
    print(f"actorgraph: warning: {note}", file=sys.stderr)


class BuildWithUI(build_py):
    """build_py that first makes sure api/static/vendor/ is built."""

    def run(self) -> None:
        ensure_ui_assets()
        super().run()


setup(cmdclass={"build_py": BuildWithUI})
