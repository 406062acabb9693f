"""scripts/copy_audit.py: repository text sharing a word 8-gram with a reference is found,
where it is, and with whose file (or, held out, only the set's name).

The fixture is a small repository and reference set written here, not copied from anywhere.
"""

from __future__ import annotations

import importlib.util
import io
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent

# A made-up news text: the reference the fixture repository copies from in places.
ARTICLE = (
    "The river authority said on Friday that the pumping station near Westbrook would stay\n"
    "closed until the engineers had finished their inspection of the northern dam wall.\n"
    "Residents were told to boil their water for at least another week.\n"
)


def _audit() -> Any:
    if "copy_audit" not in sys.modules:  # its dataclasses look their module up there
        path = ROOT / "scripts" / "copy_audit.py"
        spec = importlib.util.spec_from_file_location("copy_audit", path)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules["copy_audit"] = module
        spec.loader.exec_module(module)
    return sys.modules["copy_audit"]


@pytest.fixture
def layout(tmp_path: Path) -> tuple[Path, Path]:
    repo, ref = tmp_path / "repo", tmp_path / "sets" / "WX" / "articles"
    ref.mkdir(parents=True)
    (ref / "river.txt").write_text(ARTICLE)
    files = {
        # copied across a line break, with other case and punctuation: found (lines 3-4)
        "docs/notes.md": (
            "# Notes\n\nA case like *the pumping station near Westbrook\n"
            "would Stay closed* shows the rule.\n"
        ),
        # seven words in a row only, then the text goes its own way: a near miss
        "tests/test_x.py": 'TEXT = "once engineers had finished their inspection of the pier"\n',
        # "\n" escapes of a JSON string do not hide a copy
        "examples/bank.jsonl": '{"text": "were told to boil their\\nwater for at least"}\n',
        # a README anywhere is scanned
        "sub/README.md": "residents were told to boil their water for at least\n",
        # outside the scanned folders: not reported
        "graph/model.py": "# residents were told to boil their water for at least\n",
        # the vendored PLOVER file is left out
        "examples/plover/plover-gsr-dev.jsonl": "residents were told to boil their water for\n",
    }
    for name, text in files.items():
        (repo / name).parent.mkdir(parents=True, exist_ok=True)
        (repo / name).write_text(text)
    return repo, ref


def _run(repo: Path, ref: Path, held_out: bool) -> tuple[list[Any], str]:
    audit = _audit()
    refs = [audit.Reference(ref, held_out)]
    passages = audit.audit(repo, refs)
    out = io.StringIO()
    audit.report(passages, refs, out)
    return passages, out.getvalue()


def test_words_ignore_case_punctuation_apostrophes_and_escapes() -> None:
    words = _audit().words
    assert words("“Westbrook’s DAM-wall,” he said.") == ["westbrooks", "dam", "wall", "he", "said"]
    assert words('"one\\ntwo \\u2019three"') == ["one", "two", "three"]


def test_copies_are_found_with_their_lines_and_reference(layout: tuple[Path, Path]) -> None:
    repo, ref = layout
    passages, text = _run(repo, ref, held_out=False)
    where = {p.where(): p for p in passages}
    assert set(where) == {"docs/notes.md:3-4", "examples/bank.jsonl:1", "sub/README.md:1"}
    notes = where["docs/notes.md:3-4"]
    assert notes.refs == {str(ref / "river.txt")}
    assert notes.text == "the pumping station near westbrook would stay closed"
    assert f"docs/notes.md:3-4  {ref / 'river.txt'}  | the pumping station" in text
    assert f"reference {ref}: 3 passages in 3 files" in text


def test_held_out_shows_the_set_name_and_no_words(layout: tuple[Path, Path]) -> None:
    repo, ref = layout
    passages, text = _run(repo, ref, held_out=True)
    assert {p.where() for p in passages} == {
        "docs/notes.md:3-4",
        "examples/bank.jsonl:1",
        "sub/README.md:1",
    }
    assert "docs/notes.md:3-4  sets/WX\n" in text
    assert "river" not in text and "westbrook" not in text.lower() and "boil" not in text
    assert "held out sets/WX: 3 passages in 3 files" in text


def test_exit_status_says_whether_anything_was_found(layout: tuple[Path, Path]) -> None:
    repo, ref = layout
    main = _audit().main
    assert main([str(repo), str(ref)]) == 1
    (repo / "docs/notes.md").write_text("Nothing of the article here.\n")
    (repo / "examples/bank.jsonl").unlink()
    (repo / "sub/README.md").unlink()
    assert main([str(repo), "--held-out", str(ref)]) == 0


def test_a_shorter_shingle_finds_the_near_miss(layout: tuple[Path, Path]) -> None:
    repo, ref = layout
    audit = _audit()
    passages = audit.audit(repo, [audit.Reference(ref, False)], 7)
    near = [p for p in passages if p.path == "tests/test_x.py"]
    assert [p.text for p in near] == ["engineers had finished their inspection of the"]
