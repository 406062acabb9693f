#!/usr/bin/env python3
"""Find text in the repository that is copied from a reference (news sets, corpora).

    .venv/bin/python scripts/copy_audit.py . /work/data/dev/*/articles /tmp/polnear/data/dev
    .venv/bin/python scripts/copy_audit.py . --held-out /work/data/check/*/articles

Texts are split into word 8-gram shingles (lowercased, punctuation and apostrophes stripped,
so "U.N.'s" and "un s" differ but case, quotes and line breaks do not matter). Every run of
repository words that shares a shingle with a reference file is printed as one passage:

    docs/extraction.md:120-121  /work/data/dev/DA/articles/x.txt  | the words of the passage

For a reference given with ``--held-out`` only the set's name is printed (``check/CA`` for
``/work/data/check/CA/articles``): neither its file names nor the words shared, so nobody reads
a held-out text through the audit. The exit status is 1 when anything was found. ``--words 6``
looks for shorter shared runs (stock phrases among them: read before rewriting).

Scanned: the tracked files (``git ls-files``; every file when the folder is no git checkout)
under docs/, examples/, tests/, ingest/extract/data/, reports/ and bench/, and README files
anywhere; not the vendored PLOVER records (CC BY-SA, kept with their notice).
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

N = 8
SCANNED = ("docs/", "examples/", "tests/", "ingest/extract/data/", "reports/", "bench/")
EXCLUDED = ("examples/plover/plover-gsr-dev.jsonl",)
#: Folder names that say nothing of a set (its name is the folder above them).
GENERIC = {"articles", "text", "texts", "data"}

_APOSTROPHES = re.compile(r"['\u2019\u02bc\u2018`]")
# Escapes that JSON and Python strings leave in a file: "\n" must not glue two words together.
_ESCAPES = re.compile(r"\\(?:u[0-9a-fA-F]{4}|[ntr\"'\\])")
_WORD = re.compile(r"[^\W_]+")


def _unescape(match: re.Match[str]) -> str:
    s = match.group(0)
    return chr(int(s[2:], 16)) if s[1] == "u" else " "


def words(line: str) -> list[str]:
    """The words of a line as shingles see them.

    >>> words("“Hamas's reply,” he said — U.N.-led\\\\ntalks")
    ['hamass', 'reply', 'he', 'said', 'u', 'n', 'led', 'talks']
    """
    line = unicodedata.normalize("NFKC", _ESCAPES.sub(_unescape, line)).lower()
    return _WORD.findall(_APOSTROPHES.sub("", line))


def tokens(text: str) -> tuple[list[str], list[int]]:
    """The words of a text and the (1-based) line of each."""
    out: list[str] = []
    lines: list[int] = []
    for number, line in enumerate(text.splitlines(), 1):
        found = words(line)
        out += found
        lines += [number] * len(found)
    return out, lines


def read_text(path: Path) -> str | None:
    try:
        data = path.read_bytes()
    except OSError:
        return None
    if b"\0" in data[:4096]:
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


def repository_files(repo: Path) -> list[str]:
    try:
        listed = subprocess.run(
            ["git", "-C", str(repo), "ls-files", "-z"], capture_output=True, check=True
        ).stdout.decode()
        names = [n for n in listed.split("\0") if n]
    except (OSError, subprocess.CalledProcessError):
        names = [p.relative_to(repo).as_posix() for p in repo.rglob("*") if p.is_file()]
    return sorted(
        n
        for n in names
        if n not in EXCLUDED
        and (n.startswith(SCANNED) or Path(n).name.upper().startswith("README"))
        and (repo / n).is_file()
    )


def set_name(folder: Path) -> str:
    """A held-out folder's name: its last two parts after generic ones (``check/CA``)."""
    parts = [p for p in folder.resolve().parts if p != "/"]
    while parts and parts[-1].lower() in GENERIC:
        parts.pop()
    return "/".join(parts[-2:])


@dataclass
class Reference:
    folder: Path
    held_out: bool
    label: str = ""
    passages: int = 0
    files: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        self.label = set_name(self.folder) if self.held_out else str(self.folder)

    def texts(self) -> Iterator[tuple[str, str]]:
        for path in sorted(self.folder.rglob("*")):
            if path.is_file():
                text = read_text(path)
                if text is not None:
                    yield (self.label if self.held_out else str(path)), text


@dataclass
class Passage:
    path: str
    first: int
    last: int
    refs: set[str]
    text: str

    def where(self) -> str:
        span = f"{self.first}" if self.first == self.last else f"{self.first}-{self.last}"
        return f"{self.path}:{span}"


class Index:
    """Every shingle of the repository's files, by hash, with where it starts."""

    def __init__(self, repo: Path, names: Iterable[str], n: int = N) -> None:
        self.n = n
        self.files: list[tuple[str, list[str], list[int]]] = []
        self.starts: dict[int, list[tuple[int, int]]] = defaultdict(list)
        for name in names:
            text = read_text(repo / name)
            if text is None:
                continue
            toks, lines = tokens(text)
            f = len(self.files)
            self.files.append((name, toks, lines))
            for i in range(len(toks) - n + 1):
                self.starts[hash(tuple(toks[i : i + n]))].append((f, i))
        # file -> word position -> the references whose shingle covers it
        self.hits: dict[int, dict[int, set[str]]] = defaultdict(lambda: defaultdict(set))

    def match(self, source: str, text: str) -> bool:
        toks, _ = tokens(text)
        found = False
        n = self.n
        for i in range(len(toks) - n + 1):
            shingle = tuple(toks[i : i + n])
            for f, start in self.starts.get(hash(shingle), ()):
                if tuple(self.files[f][1][start : start + n]) != shingle:
                    continue  # a hash collision
                found = True
                for pos in range(start, start + n):
                    self.hits[f][pos].add(source)
        return found

    def passages(self) -> list[Passage]:
        out: list[Passage] = []
        for f in sorted(self.hits):
            name, toks, lines = self.files[f]
            covered = sorted(self.hits[f])
            run: list[int] = []
            for pos in [*covered, -2]:
                if run and pos != run[-1] + 1:
                    refs = set().union(*(self.hits[f][p] for p in run))
                    text = " ".join(toks[run[0] : run[-1] + 1])
                    out.append(Passage(name, lines[run[0]], lines[run[-1]], refs, text))
                    run = []
                run.append(pos)
        return out


def audit(repo: Path, references: list[Reference], n: int = N) -> list[Passage]:
    index = Index(repo, repository_files(repo), n)
    held = {r.label for r in references if r.held_out}
    for ref in references:
        for source, text in ref.texts():
            index.match(source, text)
    passages = index.passages()
    for ref in references:
        for p in passages:
            mine = {s for s in p.refs if s == ref.label or s.startswith(f"{ref.folder}/")}
            if mine:
                ref.passages += 1
                ref.files.add(p.path)
    # a passage that matches a held-out set shows no words
    for p in passages:
        if p.refs & held:
            p.text = ""
    return passages


def report(passages: list[Passage], references: list[Reference], out: TextIO | None = None) -> None:
    stream = out or sys.stdout
    for p in passages:
        refs = sorted(p.refs)
        shown = ", ".join(refs[:3]) + (f" (+{len(refs) - 3})" if len(refs) > 3 else "")
        words_ = f"  | {p.text[:200]}" if p.text else ""
        print(f"{p.where()}  {shown}{words_}", file=stream)
    print("", file=stream)
    for ref in references:
        kind = "held out" if ref.held_out else "reference"
        print(f"{kind} {ref.label}: {ref.passages} passages in {len(ref.files)} files", file=stream)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("repo", type=Path, help="the repository's root")
    parser.add_argument("refs", type=Path, nargs="*", help="reference folders (paths shown)")
    parser.add_argument(
        "--held-out",
        type=Path,
        nargs="+",
        default=[],
        metavar="FOLDER",
        help="reference folders shown by set name only, never their text",
    )
    parser.add_argument(
        "--words", type=int, default=N, metavar="N", help=f"shingle length (default {N})"
    )
    args = parser.parse_args(argv)
    references = [Reference(f, False) for f in args.refs] + [
        Reference(f, True) for f in args.held_out
    ]
    missing = [str(r.folder) for r in references if not r.folder.is_dir()]
    if missing:
        parser.error(f"no such folder: {', '.join(missing)}")
    if not references:
        parser.error("give at least one reference folder")
    passages = audit(args.repo, references, args.words)
    report(passages, references)
    return 1 if passages else 0


if __name__ == "__main__":
    sys.exit(main())
