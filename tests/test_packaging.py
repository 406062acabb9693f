"""The distribution installs one top-level name, ``actorgraph``, and everything it needs.

The project's folders stay at the top of the repository (``graph/``, ``api/``, ...) but are
mapped to ``actorgraph.graph``, ``actorgraph.api``, ... by ``pyproject.toml``; these tests keep
that mapping complete, and build a real wheel to prove that nothing else is installed at the
top level (so a researcher's own ``graph`` or ``api`` package cannot clash with ours).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

from tests.helpers import ROOT

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
SETUPTOOLS = PYPROJECT["tool"]["setuptools"]
FOLDERS = sorted(v for k, v in SETUPTOOLS["package-dir"].items() if k != "actorgraph")


def test_every_python_package_folder_is_installed() -> None:
    """A new sub-package (a folder with ``__init__.py``) must be listed, or the wheel lacks it."""
    listed = set(SETUPTOOLS["packages"])
    found = {"actorgraph"}
    for folder in FOLDERS:
        for init in (ROOT / folder).rglob("__init__.py"):
            rel = init.parent.relative_to(ROOT)
            if "node_modules" in rel.parts or "__pycache__" in rel.parts:
                continue
            found.add("actorgraph." + ".".join(rel.parts))
    assert found == listed


def test_the_folders_are_the_design_cards() -> None:
    assert {"graph", "ingest", "api", "cypher", "cli", "reports"} <= set(FOLDERS)


@pytest.mark.slow
def test_wheel_has_one_top_level_name_and_its_data(tmp_path: Path) -> None:
    """Built from a clean copy (no node_modules, no api/static/vendor/, as in git): the build
    hook (setup.py) gets the explorer's scripts from npm, and the wheel ships them."""
    from actorgraph.api import ui_assets

    if shutil.which("npm") is None:
        pytest.fail("npm is needed to build the wheel's UI assets")
    src = tmp_path / "src"
    (src / "scripts").mkdir(parents=True)
    for name in ("pyproject.toml", "README.md", "setup.py", "MANIFEST.in", "package.json"):
        shutil.copy(ROOT / name, src / name)
    shutil.copy(ROOT / "package-lock.json", src / "package-lock.json")
    shutil.copy(ROOT / "scripts" / "build-ui.mjs", src / "scripts" / "build-ui.mjs")
    for folder in ["actorgraph", *FOLDERS]:
        shutil.copytree(
            ROOT / folder,
            src / folder,
            ignore=shutil.ignore_patterns("__pycache__", "node_modules", "vendor"),
        )
    assert not (src / "api" / "static" / "vendor").exists()
    out = tmp_path / "dist"
    code = (
        "import sys; from setuptools import build_meta; print(build_meta.build_wheel(sys.argv[1]))"
    )
    run = subprocess.run(
        [sys.executable, "-c", code, str(out)],
        cwd=src,
        capture_output=True,
        text=True,
        timeout=600,
        env={**os.environ, "ACTORGRAPH_REQUIRE_UI": "1"},
    )
    assert run.returncode == 0, run.stderr[-2000:]
    wheel = out / run.stdout.strip().splitlines()[-1]
    names = zipfile.ZipFile(wheel).namelist()
    top = {n.split("/", 1)[0] for n in names if not n.split("/", 1)[0].endswith(".dist-info")}
    assert top == {"actorgraph"}
    for needed in (
        "actorgraph/graph/schema.yaml",
        "actorgraph/cypher/paths.cypher",
        "actorgraph/api/static/index.html",
        "actorgraph/reports/templates/report.html.j2",
        "actorgraph/ingest/extract/data/lexicon.yaml",
        "actorgraph/cli/main.py",
        *(f"actorgraph/api/static/{p}" for p in ui_assets.needed()),
        "actorgraph/api/static/vendor/LICENSES.txt",
    ):
        assert needed in names, f"{needed} is missing from the wheel"
    assert ui_assets.needed(), "the page loads no vendored script?"
