"""The extraction modules talk to one another through public names: a name with a leading
underscore is used only in the module that defines it (through ``self``/``cls``, or on an
object of a class of its own module), so a family's internals can change without breaking
another family's rules."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

EXTRACT = Path(__file__).resolve().parent.parent / "ingest" / "extract"


def _defined(tree: ast.Module) -> set[str]:
    """The private names a module defines: functions, methods, classes, attributes it sets."""
    out: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            out.add(node.name)
        elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store):
            out.add(node.attr)
        elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            out.add(node.id)
    return {n for n in out if n.startswith("_") and not n.startswith("__")}


def _foreign_private(path: Path) -> list[str]:
    """``obj._name`` in ``path`` where ``_name`` is another module's and ``obj`` is not
    ``self`` or ``cls`` (a subclass uses its base's)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    own = _defined(tree)
    return [
        f"{path.name}:{node.lineno}: {ast.unparse(node)}"
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute)
        and node.attr.startswith("_")
        and not node.attr.startswith("__")
        and node.attr not in own
        and not (isinstance(node.value, ast.Name) and node.value.id in ("self", "cls"))
    ]


@pytest.mark.parametrize("path", sorted(EXTRACT.glob("*.py")), ids=lambda p: p.name)
def test_no_module_reaches_into_another_modules_private_names(path: Path) -> None:
    assert _foreign_private(path) == []


def test_the_check_sees_a_foreign_private_call(tmp_path: Path) -> None:
    module = tmp_path / "rules.py"
    module.write_text(
        "def _mine(self, m):\n    return m._theirs(1) + _mine(m) + self._base() + m.public()\n",
        encoding="utf-8",
    )
    assert _foreign_private(module) == ["rules.py:2: m._theirs"]
