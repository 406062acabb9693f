"""What ingest reads: the table of file types, one UTF-8 check, one JSON Lines reader.

Every entrance (``actorgraph ingest`` and ``extract``, the API's ``POST /ingest``, article
extraction) goes through here, so a file is read the same way whichever way it comes in (and
a name becomes an id by :func:`graph.exchange.slugify` whichever way). This module imports
nothing heavy (no spaCy, no store): reading is cheap.
"""

from __future__ import annotations

import io
import json
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from actorgraph.graph.errors import InputError

# ---------------------------------------------------------------------- file types
#: The one table of file types, by suffix. JSON Lines (``.jsonl``, ``.ndjson``, ``.json``) hold
#: exchange-format records or articles, told apart by their first line; YAML and CSV hold
#: records; text, Markdown and HTML hold one article each.
FORMATS: dict[str, str] = {
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "jsonl",
    ".yaml": "yaml",
    ".yml": "yaml",
    ".csv": "csv",
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
}
RECORD_FORMATS = frozenset({"jsonl", "yaml", "csv"})
ARTICLE_FORMATS = frozenset({"jsonl", "text", "markdown", "html"})
ALL_FORMATS = RECORD_FORMATS | ARTICLE_FORMATS


def suffixes(formats: frozenset[str]) -> str:
    """The suffixes of these formats, for messages and docs: ``.jsonl, .ndjson, …``."""
    return ", ".join(s for s, f in FORMATS.items() if f in formats)


def file_format(path: str | Path, formats: frozenset[str] = ALL_FORMATS) -> str:
    """The format of a file by its suffix (one of ``formats``); raises :class:`InputError`."""
    p = Path(path)
    fmt = FORMATS.get(p.suffix.lower())
    if fmt is None or fmt not in formats:
        raise InputError(
            f"unsupported file type '{p.suffix or p.name}' (expected {suffixes(formats)})",
            file=str(p),
        )
    return fmt


def holds_articles(path: str | Path) -> bool:
    """Whether a file holds articles (to extract) rather than exchange-format records.

    Text, Markdown and HTML files do; a JSON Lines file does when its first record has a
    ``text`` and no ``kind``. Raises :class:`InputError` for a file type nobody reads.
    """
    fmt = file_format(path)
    if fmt != "jsonl":
        return fmt in ARTICLE_FORMATS
    try:
        for _, first in json_lines(Path(path), str(path)):
            return isinstance(first, dict) and "kind" not in first and "text" in first
    except OSError:
        return False
    return False


def expand(paths: Iterable[str | Path], formats: frozenset[str] = ALL_FORMATS) -> Iterator[Path]:
    """The files named, with each directory replaced by the files of ``formats`` below it."""
    for p in paths:
        path = Path(p)
        if path.is_dir():
            yield from sorted(
                q
                for q in path.rglob("*")
                if q.is_file() and FORMATS.get(q.suffix.lower()) in formats
            )
        else:
            yield path


# ---------------------------------------------------------------------- text
def decode_utf8(data: bytes, file: str, line: int | None = None) -> str:
    """``data`` as text: UTF-8, a byte-order mark at the start allowed; raises
    :class:`InputError` naming the file (and the line and column of a bad byte)."""
    if b"\x00" in data:
        what = "binary file" if line is None else "binary data"
        raise InputError(f"{what}, not text", file=file, line=line)
    try:
        return data.decode("utf-8-sig" if line in (None, 1) else "utf-8")
    except UnicodeDecodeError as exc:
        start = data.rfind(b"\n", 0, exc.start) + 1
        where = line if line is not None else data.count(b"\n", 0, exc.start) + 1
        raise InputError(
            f"not UTF-8 text (byte 0x{data[exc.start]:02x} at column {exc.start - start + 1}); "
            "convert it to UTF-8 first",
            file=file,
            line=where,
        ) from None


def open_file(path: Path, file: str | None = None) -> IO[bytes]:
    """``path`` opened for reading bytes; raises :class:`InputError` naming ``file``."""
    file = file or str(path)
    try:
        return path.open("rb")
    except FileNotFoundError:
        raise InputError("no such file", file=file) from None
    except IsADirectoryError:
        raise InputError("is a directory, not a file", file=file) from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", file=file) from None


def read_text(path: Path, file: str | None = None, max_bytes: int | None = None) -> str:
    """A whole file as text (see :func:`decode_utf8`); raises :class:`InputError`."""
    file = file or str(path)
    with open_file(path, file) as fh:
        size = os.fstat(fh.fileno()).st_size
        if max_bytes is not None and size > max_bytes:
            raise InputError(
                f"file of {size:,} bytes is over the limit of {max_bytes:,}", file=file
            )
        try:
            data = fh.read()
        except OSError as exc:
            raise InputError(f"cannot read: {exc.strerror or exc}", file=file) from None
    return decode_utf8(data, file)


# ---------------------------------------------------------------------- JSON Lines
Line = tuple[int, Any]


def json_lines(
    source: Path | bytes, file: str, *, max_line: int | None = None, parse: bool = True
) -> Iterator[Line]:
    """``(line number, value)`` for each non-blank line of a JSON Lines file or body.

    A line that cannot be read (not UTF-8, not JSON, longer than ``max_line`` bytes) comes as
    an :class:`InputError` value in place of the value, so callers decide whether to stop or
    skip it. With ``parse=False`` the value is the line's text, left for the caller to parse
    (records: :func:`graph.exchange.validate_record` parses and checks in one step). Lines end
    at ``\\n`` only (U+2028 inside a string is text, not a line break). Opening a missing
    file raises :class:`InputError`.
    """
    with io.BytesIO(source) if isinstance(source, bytes) else open_file(source, file) as fh:
        for n, raw in _raw_lines(fh, max_line):
            if raw is None:
                yield n, InputError(f"line longer than {max_line:,} bytes", file=file, line=n)
                continue
            if not raw.strip():
                continue
            try:
                text = decode_utf8(raw, file, n)
                yield n, json.loads(text) if parse else text
            except InputError as exc:
                yield n, exc
            except json.JSONDecodeError as exc:
                yield (
                    n,
                    InputError(f"invalid JSON: {exc.msg} (column {exc.colno})", file=file, line=n),
                )
            except RecursionError:
                yield n, InputError("invalid JSON: nested too deeply", file=file, line=n)


def _raw_lines(fh: IO[bytes], max_line: int | None) -> Iterator[tuple[int, bytes | None]]:
    """Numbered raw lines; ``None`` for a line over ``max_line`` bytes (read past, not kept)."""
    if max_line is None:
        yield from enumerate(fh, start=1)
        return
    n = 0
    while raw := fh.readline(max_line + 1):
        n += 1
        if len(raw) > max_line and not raw.endswith(b"\n"):
            while raw and not raw.endswith(b"\n"):
                raw = fh.readline(1 << 20)
            yield n, None
        else:
            yield n, raw
