"""The two backends share code through neutral modules of ``graph/``, never each other's."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.helpers import ROOT


def _imported(path: Path) -> set[str]:
    """Every module ``path`` imports, at its top or inside a function."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
        elif isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
    return names


@pytest.mark.parametrize(("backend", "other"), [("neo4j", "embedded"), ("embedded", "neo4j")])
def test_a_backend_imports_nothing_of_the_other(backend: str, other: str) -> None:
    foreign = f"actorgraph.graph.{other}"
    found = {
        f"{path.name}: {name}"
        for path in sorted((ROOT / "graph" / backend).glob("*.py"))
        for name in _imported(path)
        if name == foreign or name.startswith(foreign + ".")
    }
    assert not found, f"graph/{backend} imports graph/{other}: {sorted(found)}"
